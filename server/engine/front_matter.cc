#include "server/engine/front_matter.h"

#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace lede::engine {
namespace {

struct Block {
  absl::string_view body;
  size_t end = 0;  // offset just past the closing fence line
  bool toml = false;
};

// Finds "---\n...\n---" or "+++\n...\n+++" at the start of `text`.
bool FindBlock(absl::string_view text, Block* block) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == absl::string_view::npos) return false;
  absl::string_view rest = text.substr(start);
  absl::string_view fence;
  if (absl::StartsWith(rest, "---")) {
    fence = "---";
  } else if (absl::StartsWith(rest, "+++")) {
    fence = "+++";
  } else {
    return false;
  }
  size_t line_end = rest.find('\n');
  if (line_end == absl::string_view::npos ||
      !absl::StripAsciiWhitespace(rest.substr(3, line_end - 3)).empty()) {
    return false;
  }
  size_t pos = line_end + 1;
  while (pos < rest.size()) {
    size_t next = rest.find('\n', pos);
    absl::string_view line = rest.substr(pos, next == absl::string_view::npos
                                                  ? absl::string_view::npos
                                                  : next - pos);
    if (absl::StripAsciiWhitespace(line) == fence) {
      block->body = rest.substr(line_end + 1, pos - line_end - 1);
      block->end =
          start + (next == absl::string_view::npos ? rest.size() : next + 1);
      block->toml = fence == "+++";
      return true;
    }
    if (next == absl::string_view::npos) break;
    pos = next + 1;
  }
  return false;
}

void AddYaml(const YAML::Node& node, const std::string& key, FrontMatter* out) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      (*out)[key].push_back(node.Scalar());
      break;
    case YAML::NodeType::Sequence:
      for (const YAML::Node& item : node) {
        if (item.IsScalar()) (*out)[key].push_back(item.Scalar());
        if (item.IsMap()) AddYaml(item, key, out);
      }
      break;
    case YAML::NodeType::Map:
      for (const auto& entry : node) {
        if (!entry.first.IsScalar()) continue;
        std::string child = absl::AsciiStrToLower(entry.first.Scalar());
        AddYaml(entry.second,
                key.empty() ? child : absl::StrCat(key, ".", child), out);
      }
      break;
    default:
      break;
  }
}

bool ParseYaml(absl::string_view body, FrontMatter* out) {
  try {
    YAML::Node root = YAML::Load(std::string(body));
    if (!root.IsMap()) return false;
    AddYaml(root, "", out);
    return true;
  } catch (const YAML::Exception&) {
    // yaml-cpp reports errors only by throwing; front matter that does not
    // parse is simply not front matter.
    return false;
  }
}

void AddToml(const toml::node& node, const std::string& key, FrontMatter* out) {
  if (const auto* table = node.as_table()) {
    for (const auto& [name, value] : *table) {
      std::string child = absl::AsciiStrToLower(std::string(name.str()));
      AddToml(value, key.empty() ? child : absl::StrCat(key, ".", child), out);
    }
  } else if (const auto* array = node.as_array()) {
    for (const auto& item : *array) AddToml(item, key, out);
  } else if (auto text = node.value<std::string>()) {
    (*out)[key].push_back(*text);
  } else if (const auto* date = node.as_date_time()) {
    std::ostringstream stream;
    stream << *date;
    (*out)[key].push_back(stream.str());
  } else if (const auto* day = node.as_date()) {
    std::ostringstream stream;
    stream << *day;
    (*out)[key].push_back(stream.str());
  } else if (auto number = node.value<int64_t>()) {
    (*out)[key].push_back(absl::StrCat(*number));
  } else if (auto flag = node.value<bool>()) {
    (*out)[key].push_back(*flag ? "true" : "false");
  }
}

bool ParseToml(absl::string_view body, FrontMatter* out) {
  toml::parse_result result =
      toml::parse(std::string_view(body.data(), body.size()));
  if (!result) return false;
  AddToml(result.table(), "", out);
  return true;
}

}  // namespace

size_t ParseFrontMatter(absl::string_view text, FrontMatter* out) {
  Block block;
  if (!FindBlock(text, &block)) return 0;
  FrontMatter parsed;
  bool ok = block.toml ? ParseToml(block.body, &parsed)
                       : ParseYaml(block.body, &parsed);
  if (!ok || parsed.empty()) return 0;
  *out = std::move(parsed);
  return block.end;
}

}  // namespace lede::engine
