#include "server/engine/thread_lines.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"
#include "server/engine/block_passes.h"
#include "server/engine/content_rules.h"
#include "server/engine/content_tree.h"
#include "server/engine/text_util.h"

namespace lede::engine::content {
namespace {

// One field of a writer's details: a label and its value after a colon
// ("Posts: 4032"), a label and a value with a digit ("Joined Oct 28,
// 2023", "Posts 267"), or a count and its label ("410 posts").
bool IsProfileField(absl::string_view field) {
  static const RE2* const kField = [] {
    const std::string labels =
        absl::StrCat("(?:", content_rules::kProfileFieldLabelPattern, ")");
    return new RE2(absl::StrCat(
        "(?i)", labels, R"(\s*:\s*\S.*|)", labels,
        R"(\s+(?:\pL{3,9}\.?\s+)?\d[\d ,./:-]*|\d[\d,.]*[km]?\s+)", labels));
  }();
  return RE2::FullMatch(Piece(field), *kField);
}

// A line of a writer's details: its fields, a dot or a bar between them.
bool IsProfileLine(absl::string_view line) {
  if (CodePointCount(line) > content_rules::kMaxProfileLineLength) {
    return false;
  }
  const std::string fields =
      absl::StrReplaceAll(line, {{"·", "|"}, {"•", "|"}});
  bool any = false;
  for (absl::string_view field : absl::StrSplit(fields, '|')) {
    if (!IsProfileField(absl::StripAsciiWhitespace(field))) return false;
    any = true;
  }
  return any;
}

// A label of a writer's details alone on its line ("Joined", "Messages:").
bool IsBareProfileLabel(absl::string_view line) {
  static const RE2* const kLabel = new RE2(absl::StrCat(
      "(?i)(?:", content_rules::kProfileFieldLabelPattern, R"()\s*:?)"));
  return RE2::FullMatch(Piece(line), *kLabel);
}

// The value on the line after a bare label ("Jun 29, 2016", "4,726").
bool IsProfileValue(absl::string_view line) {
  static const RE2* const kValue = new RE2(R"([\pL\pN ,.:/+-]+)");
  return CodePointCount(line) <= content_rules::kMaxProfileValueLineLength &&
         RE2::FullMatch(Piece(line), *kValue) && !IsBareProfileLabel(line);
}

// A line of the thread's forms and cards (kThreadFurnitureLines,
// kThreadFurnitureLinePattern).
bool IsThreadFurnitureLine(absl::string_view line) {
  static const auto* const kLines = new absl::flat_hash_set<absl::string_view>(
      std::begin(content_rules::kThreadFurnitureLines),
      std::end(content_rules::kThreadFurnitureLines));
  static const RE2* const kPattern =
      new RE2(content_rules::kThreadFurnitureLinePattern);
  return kLines->contains(WidgetLineKey(line)) ||
         RE2::FullMatch(Piece(line), *kPattern);
}

// One line of the blocks: where it stands and whether it goes.
struct Line {
  size_t block = 0;
  absl::string_view text;
  bool drop = false;
};

// The lines of `blocks` in page order, each marked to go or stay. A bare
// label goes with the value on the line after it, and only with it.
std::vector<Line> MarkedLines(const std::vector<Block>& blocks) {
  std::vector<Line> lines;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!HasTextLines(blocks[i])) continue;
    for (absl::string_view text : absl::StrSplit(blocks[i].text, '\n')) {
      lines.push_back({.block = i, .text = text});
    }
  }
  for (size_t n = 0; n < lines.size(); ++n) {
    const absl::string_view text = lines[n].text;
    if (IsProfileLine(text) || IsThreadFurnitureLine(text)) {
      lines[n].drop = true;
    } else if (n + 1 < lines.size() && IsBareProfileLabel(text) &&
               IsProfileValue(lines[n + 1].text)) {
      lines[n].drop = lines[n + 1].drop = true;
      ++n;
    }
  }
  return lines;
}

}  // namespace

void DropThreadFurniture(std::vector<Block>* blocks) {
  const std::vector<Line> lines = MarkedLines(*blocks);
  if (std::none_of(lines.begin(), lines.end(),
                   [](const Line& line) { return line.drop; })) {
    return;
  }
  std::vector<std::vector<absl::string_view>> kept(blocks->size());
  std::vector<bool> changed(blocks->size(), false);
  for (const Line& line : lines) {
    if (line.drop) {
      changed[line.block] = true;
    } else {
      kept[line.block].push_back(line.text);
    }
  }
  std::vector<bool> drop(blocks->size(), false);
  for (size_t i = 0; i < blocks->size(); ++i) {
    if (!changed[i]) continue;
    if (kept[i].empty()) {
      drop[i] = true;
    } else {
      SetText(absl::StrJoin(kept[i], "\n"), &(*blocks)[i]);
    }
  }
  EraseDropped(drop, blocks);
}

}  // namespace lede::engine::content
