#include "server/engine/code_lines.h"

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "server/engine/content_rules.h"
#include "server/engine/dom.h"

namespace lede::engine::content {
namespace {

constexpr char kBlanks[] = " \t\r";

// The start of the buffer's last line.
size_t LineStart(const std::string& buffer) {
  return buffer.rfind('\n') + 1;  // 0 when there is no newline
}

}  // namespace

bool IsCodeLine(const GumboNode* element) {
  const GumboTag tag = element->v.element.tag;
  for (GumboTag line_tag : content_rules::kCodeLineTags) {
    if (tag == line_tag) return true;
  }
  for (absl::string_view token :
       absl::StrSplit(Attribute(element, "class"), absl::ByAnyChar(" \t\n\r\f"),
                      absl::SkipEmpty())) {
    for (absl::string_view line_class : content_rules::kCodeLineClasses) {
      if (token == line_class) return true;
    }
  }
  return false;
}

void CodeLines::Append(absl::string_view text, std::string* buffer) {
  // A newline the text starts with is the break owed.
  if (owed_ != Owed::kNothing && !absl::StartsWith(text, "\n")) Pay(buffer);
  owed_ = Owed::kNothing;
  buffer->append(text.data(), text.size());
}

void CodeLines::Open(std::string* buffer) {
  if (owed_ != Owed::kNothing) {
    Pay(buffer);
  } else if (buffer->find_first_not_of(kBlanks, LineStart(*buffer)) !=
             std::string::npos) {
    buffer->push_back('\n');
  }
  // White space alone before it stays: the markup's indentation, or the
  // line's own between inline line elements and their newlines.
  starts_.push_back(buffer->size());
}

void CodeLines::Close(const std::string& buffer) {
  if (starts_.empty()) return;
  const size_t start = starts_.back();
  starts_.pop_back();
  if (start > buffer.size()) {  // the buffer was emptied inside it
    owed_ = Owed::kLineEnd;
    return;
  }
  const bool blank =
      buffer.find_first_not_of(kBlanks, start) == std::string::npos;
  owed_ = blank ? Owed::kBlankLine : Owed::kLineEnd;
}

void CodeLines::Pay(std::string* buffer) {
  const Owed owed = owed_;
  owed_ = Owed::kNothing;
  // The closed line's trailing blanks end with it.
  const size_t line_start = LineStart(*buffer);
  const size_t end = buffer->find_last_not_of(kBlanks);
  buffer->resize(end == std::string::npos || end < line_start ? line_start
                                                              : end + 1);
  if (buffer->empty()) return;
  if (buffer->back() != '\n') buffer->push_back('\n');
  if (owed == Owed::kBlankLine) buffer->push_back('\n');
}

}  // namespace lede::engine::content
