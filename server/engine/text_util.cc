#include "server/engine/text_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "absl/strings/ascii.h"

namespace lede::engine {
namespace {

bool IsSpaceCodePoint(UChar32 c) {
  // u_isUWhiteSpace misses the zero-width characters pages use as padding.
  return c == 0x200B || c == 0xFEFF || c == 0x200C || c == 0x200D ||
         u_isUWhiteSpace(c);
}

}  // namespace

std::string CollapseWhitespace(absl::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && IsSpaceCodePoint(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    if (c < 0) {
      out.append("\xEF\xBF\xBD");
    } else {
      out.append(utf8.data() + start, i - start);
    }
  }
  return out;
}

bool IsBlank(absl::string_view utf8) {
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !IsSpaceCodePoint(c)) return false;
  }
  return true;
}

std::string EscapeHtml(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string AsciiLower(absl::string_view text) {
  return absl::AsciiStrToLower(text);
}

size_t CodePointCount(absl::string_view utf8) {
  size_t count = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace lede::engine
