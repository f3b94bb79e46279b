#include "server/engine/front_matter.h"

#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>
#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

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

bool IsNullWord(absl::string_view word) {
  return word == "~" || word == "null" || word == "Null" || word == "NULL";
}

// The rest of a line as a scalar of the plain subset: single-quoted, or
// double-quoted without escapes, alone on its line; or plain, without what
// could end it or make it something else (": ", " #", a trailing colon, an
// indicator first, a null word). nullopt for anything else.
std::optional<std::string> ReadSimpleScalar(absl::string_view text) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return std::nullopt;
  const char quote = text[0];
  if (quote == '\'' || quote == '"') {
    std::string value;
    size_t i = 1;
    for (; i < text.size(); ++i) {
      if (text[i] == '\\' && quote == '"') return std::nullopt;
      if (text[i] == quote) {
        if (quote == '"' || i + 1 == text.size() || text[i + 1] != '\'') break;
        ++i;  // '' is one quote
      }
      value.push_back(text[i]);
    }
    if (i + 1 != text.size()) return std::nullopt;  // unclosed, or more after
    return value;
  }
  if (absl::StrContains("-?:,[]{}#&*!|>%@`", quote) ||
      absl::StrContains(text, ": ") || absl::StrContains(text, " #") ||
      text.back() == ':' || IsNullWord(text)) {
    return std::nullopt;
  }
  return std::string(text);
}

}  // namespace

namespace front_matter_internal {

std::optional<FrontMatter> ReadPlainYaml(absl::string_view body) {
  // No tab, carriage return or other control character; no byte-order mark
  // or Unicode line break.
  for (unsigned char c : body) {
    if ((c < 0x20 && c != '\n') || c == 0x7F) return std::nullopt;
  }
  for (absl::string_view odd :
       {"\xEF\xBB\xBF", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    if (absl::StrContains(body, odd)) return std::nullopt;
  }
  FrontMatter out;
  std::set<std::string> keys;
  std::string list_key;  // a key with no value on its line: a list may follow
  size_t list_indent = absl::string_view::npos;
  for (absl::string_view line : absl::StrSplit(body, '\n')) {
    const absl::string_view content = absl::StripLeadingAsciiWhitespace(line);
    const size_t indent = line.size() - content.size();
    if (content.empty() || (indent == 0 && content[0] == '#')) continue;
    if (content[0] == '-') {  // "- item", each at the list's first indent
      if (list_key.empty() || !absl::StartsWith(content, "- ") ||
          (list_indent != absl::string_view::npos && indent != list_indent)) {
        return std::nullopt;
      }
      list_indent = indent;
      std::optional<std::string> item = ReadSimpleScalar(content.substr(2));
      if (!item) return std::nullopt;
      out[list_key].push_back(*std::move(item));
      continue;
    }
    size_t colon = 0;
    while (colon < content.size() &&
           (absl::ascii_isalnum(content[colon]) || content[colon] == '_' ||
            (colon > 0 && (content[colon] == '-' || content[colon] == '.')))) {
      ++colon;
    }
    if (indent != 0 || colon == 0 || colon == content.size() ||
        content[colon] != ':' || IsNullWord(content.substr(0, colon))) {
      return std::nullopt;
    }
    std::string key = absl::AsciiStrToLower(content.substr(0, colon));
    if (!keys.insert(key).second) return std::nullopt;
    const absl::string_view rest = content.substr(colon + 1);
    list_key.clear();
    list_indent = absl::string_view::npos;
    if (absl::StripAsciiWhitespace(rest).empty()) {
      list_key = std::move(key);  // null, unless a list follows
      continue;
    }
    std::optional<std::string> value = ReadSimpleScalar(rest);
    if (rest[0] != ' ' || !value) return std::nullopt;
    out[key].push_back(*std::move(value));
  }
  if (keys.empty()) return std::nullopt;
  return out;
}

bool ParseYamlCpp(absl::string_view body, FrontMatter* out) {
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

}  // namespace front_matter_internal

namespace {

// Front matter is mostly flat "key: value" lines and lists of plain
// scalars, which yaml-cpp reads at a thousand instructions a byte: that
// subset is read here to the same entries, and the rest by yaml-cpp.
bool ParseYaml(absl::string_view body, FrontMatter* out) {
  std::optional<FrontMatter> plain = front_matter_internal::ReadPlainYaml(body);
  if (!plain) return front_matter_internal::ParseYamlCpp(body, out);
  *out = *std::move(plain);
  return true;
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
  } else if (const auto* integer = node.as_integer()) {
    (*out)[key].push_back(absl::StrCat(integer->get()));
  } else if (const auto* number = node.as_floating_point()) {
    // A whole number written as a float reads as the integer. Not through
    // toml++'s value<int64_t>(), whose cast of a float out of int64's range
    // is undefined behaviour (found by tests/fuzz).
    const double value = number->get();
    if (std::trunc(value) == value && std::fabs(value) < 9.2e18) {
      (*out)[key].push_back(absl::StrCat(static_cast<int64_t>(value)));
    }
  } else if (auto flag = node.value<bool>()) {
    (*out)[key].push_back(*flag ? "true" : "false");
  }
}

// `body` with every character beyond ASCII written as a \u escape, or
// nullopt when that cannot keep its meaning. Debian's toml++ 3 reaches
// __builtin_unreachable (undefined behaviour; found by tests/fuzz) when it
// asks whether U+00A1 to U+049A (accented Latin, Greek, Cyrillic), U+2C8E
// to U+3087 (kana) or U+FC06 to U+FEFE is white space, which it does in
// places hard to predict (error paths included): given ASCII only, it never
// can. In basic strings the escapes read back as the same characters;
// literal strings become basic strings to take them; comments lose theirs;
// anywhere else such a character is not TOML (bare keys are ASCII), and
// neither is text that is not UTF-8.
std::optional<std::string> TomlAsAscii(absl::string_view body) {
  enum class In { kTable, kComment, kBasic, kLiteral };
  In in = In::kTable;
  bool multiline = false;
  std::string out;
  out.reserve(body.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(body.data());
  const int32_t size = static_cast<int32_t>(body.size());
  auto starts_triple = [&](int32_t i, char quote) {
    return i + 2 < size && bytes[i] == quote && bytes[i + 1] == quote &&
           bytes[i + 2] == quote;
  };
  for (int32_t i = 0; i < size;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    if (c < 0) return std::nullopt;
    if (c >= 0x80) {
      if (in == In::kComment) continue;
      if (in == In::kTable) return std::nullopt;
      absl::StrAppend(&out, c > 0xFFFF ? absl::StrFormat("\\U%08X", c)
                                       : absl::StrFormat("\\u%04X", c));
      continue;
    }
    const char ch = static_cast<char>(c);
    switch (in) {
      case In::kTable:
        if (ch == '#') in = In::kComment;
        if (ch == '"' || ch == '\'') {
          multiline = starts_triple(start, ch);
          in = ch == '"' ? In::kBasic : In::kLiteral;
          if (multiline) i += 2;
          out.append(multiline ? "\"\"\"" : "\"");
          continue;
        }
        break;
      case In::kComment:
        if (ch == '\n') in = In::kTable;
        break;
      case In::kBasic:
        if (ch == '\\' && i < size) {
          if (bytes[i] >= 0x80) return std::nullopt;
          out.push_back(ch);
          out.push_back(static_cast<char>(bytes[i++]));
          continue;
        }
        if (ch == '"' && (!multiline || starts_triple(start, '"'))) {
          in = In::kTable;
          if (multiline) i += 2;
          out.append(multiline ? "\"\"\"" : "\"");
          continue;
        }
        if (ch == '\n' && !multiline) in = In::kTable;
        break;
      case In::kLiteral:
        if (ch == '\'' && (!multiline || starts_triple(start, '\''))) {
          in = In::kTable;
          if (multiline) i += 2;
          out.append(multiline ? "\"\"\"" : "\"");
          continue;
        }
        if (ch == '\\' || ch == '"') {
          out.push_back('\\');  // taken literally, as in the literal string
        }
        if (ch == '\n' && !multiline) in = In::kTable;
        break;
    }
    out.push_back(ch);
  }
  return out;
}

bool ParseToml(absl::string_view body, FrontMatter* out) {
  std::optional<std::string> ascii = TomlAsAscii(body);
  if (!ascii) return false;
  toml::parse_result result = toml::parse(std::string_view(*ascii));
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
