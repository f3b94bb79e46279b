#include "server/engine/text_util.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"

namespace lede::engine {
namespace {

bool IsSpaceCodePoint(UChar32 c) {
  // ASCII's white space, as Unicode's White_Space property has it, without
  // the property lookup most characters of a page would otherwise cost.
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  // No white space lies above U+3000, so CJK text needs no lookup either.
  if (c > 0x3000) return c == 0xFEFF;
  // u_isUWhiteSpace misses the zero-width characters pages use as padding.
  return c == 0x200B || c == 0x200C || c == 0x200D || u_isUWhiteSpace(c);
}

// Whether `bytes` (`size` of them) start with a valid UTF-8 sequence of a
// character in U+4000..U+CFFF (lead byte E4..EC, two continuation bytes;
// these leads allow every continuation byte): the ideographs, Yi and most
// of Hangul, none of them white space or a soft hyphen, so a loop can pass
// them by without decoding them.
bool IsSpacelessThreeByteSequence(const uint8_t* bytes, int32_t size) {
  return IsPlainThreeByteSequence(bytes, size) && bytes[0] >= 0xE4 &&
         bytes[0] <= 0xEC;
}

}  // namespace

std::string CollapseWhitespace(absl::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  auto keep = [&](absl::string_view piece) {
    if (piece.empty()) return;
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(piece.data(), piece.size());
  };
  // Kept characters are copied a run at a time, from `run_start` up to the
  // next space, soft hyphen or invalid byte. ASCII, most of most text, is
  // read a byte at a time without decoding; a single ' ' between a kept
  // character and a printable ASCII one is what the output would hold
  // there, and stays in the run (a text's words are not copied one by one).
  const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t run_start = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    bool space;
    if (data[i] < 0x80) {
      const uint8_t byte = data[i++];
      if (byte > ' ') continue;
      if (byte == ' ' && start > run_start && i < length && data[i] > ' ' &&
          data[i] < 0x80) {
        ++i;
        continue;
      }
      space = IsSpaceCodePoint(byte);
      if (!space) continue;
    } else if (IsSpacelessThreeByteSequence(data + i, length - i)) {
      i += 3;  // Kept as it is: most characters of CJK text.
      continue;
    } else {
      UChar32 c;
      U8_NEXT(data, i, length, c);
      space = c >= 0 && IsSpaceCodePoint(c);
      // A soft hyphen only marks where a line may break
      // ("Mit&shy;tel&shy;al&shy;ter").
      if (c >= 0 && !space && c != 0x00AD) continue;
      if (c < 0) {
        keep(utf8.substr(run_start, start - run_start));
        keep(kReplacementUtf8);
        run_start = i;
        continue;
      }
    }
    keep(utf8.substr(run_start, start - run_start));
    pending_space = pending_space || space;
    run_start = i;
  }
  keep(utf8.substr(run_start));
  return out;
}

size_t CollapsedSizeAtLeast(absl::string_view utf8) {
  // A character of the fast range starts at its lead byte wherever the
  // text is cut, since no lead byte continues another character: the
  // count of a concatenation is at least the sum of its parts'.
  const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  size_t kept = 0;
  for (int32_t i = 0; i < length;) {
    if (data[i] < 0x80) {
      if (!IsSpaceCodePoint(data[i])) ++kept;
      ++i;
    } else if (IsSpacelessThreeByteSequence(data + i, length - i)) {
      kept += 3;
      i += 3;
    } else {
      ++i;
    }
  }
  return kept;
}

bool IsBlank(absl::string_view utf8) {
  bool blank = true;
  ForEachCodePoint(utf8, [&](UChar32 c, absl::string_view) {
    blank = c >= 0 && IsSpaceCodePoint(c);
    return blank;
  });
  return blank;
}

std::string EscapeHtml(absl::string_view text) {
  // Each character is looked for with memchr, so text without any (most
  // of a page's) is passed over many bytes an instruction.
  return absl::StrReplaceAll(
      text, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}});
}

std::string DecodeHtmlEntities(absl::string_view text) {
  // Data: the named references that turn up in titles and names.
  static constexpr std::pair<absl::string_view, absl::string_view> kNamed[] = {
      {"amp", "&"},         {"lt", "<"},         {"gt", ">"},
      {"quot", "\""},       {"apos", "'"},       {"nbsp", "\u00A0"},
      {"ndash", "\u2013"},  {"mdash", "\u2014"}, {"lsquo", "\u2018"},
      {"rsquo", "\u2019"},  {"ldquo", "\u201C"}, {"rdquo", "\u201D"},
      {"hellip", "\u2026"}, {"laquo", "\u00AB"}, {"raquo", "\u00BB"},
      {"middot", "\u00B7"}, {"copy", "\u00A9"},  {"reg", "\u00AE"},
  };
  if (text.find('&') == absl::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t semicolon =
        text[i] == '&' ? text.find(';', i) : absl::string_view::npos;
    if (semicolon == absl::string_view::npos || semicolon - i > 10) {
      out.push_back(text[i++]);
      continue;
    }
    absl::string_view name = text.substr(i + 1, semicolon - i - 1);
    UChar32 code = -1;
    if (absl::StartsWith(name, "#x") || absl::StartsWith(name, "#X")) {
      code = static_cast<UChar32>(
          std::strtol(std::string(name.substr(2)).c_str(), nullptr, 16));
    } else if (absl::StartsWith(name, "#")) {
      code = static_cast<UChar32>(
          std::strtol(std::string(name.substr(1)).c_str(), nullptr, 10));
    }
    if (code > 0 && code <= 0x10FFFF) {
      char buffer[4];
      int32_t length = 0;
      UBool error = false;
      U8_APPEND(buffer, length, 4, code, error);
      if (!error) {
        out.append(buffer, length);
        i = semicolon + 1;
        continue;
      }
    }
    bool replaced = false;
    for (const auto& [entity, value] : kNamed) {
      if (name == entity) {
        out.append(value.data(), value.size());
        replaced = true;
        break;
      }
    }
    if (replaced) {
      i = semicolon + 1;
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

std::string AsciiLower(absl::string_view text) {
  return absl::AsciiStrToLower(text);
}

bool HasAsciiDigit(absl::string_view text) {
  constexpr uint64_t kLowBits = 0x0101010101010101ull;
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t eight;
    std::memcpy(&eight, text.data() + i, 8);
    // A byte is a digit when it XOR '0' is below 10 (every other byte gives
    // 10 or more); the test sees whether any lane is below 10.
    const uint64_t folded = eight ^ (kLowBits * '0');
    if (((folded - kLowBits * 10) & ~folded & kHighBits) != 0) return true;
  }
  for (; i < text.size(); ++i) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return true;
  }
  return false;
}

size_t CodePointCount(absl::string_view utf8) {
  // Every byte but a continuation byte (10xxxxxx) starts a code point.
  // Eight bytes at a time: each byte's lane of `starts` gains 1 for a
  // byte whose top bit is clear or whose next bit is set, for at most 255
  // words before the lanes are added up (the compiler's own vectorising of
  // the byte loop widened every byte to 64 bits).
  constexpr uint64_t kLowBits = 0x0101010101010101ull;
  constexpr uint64_t kEvenBytes = 0x00FF00FF00FF00FFull;
  constexpr size_t kMaxWords = 255;
  const char* const data = utf8.data();
  const size_t n = utf8.size();
  size_t count = 0;
  size_t i = 0;
  while (n - i >= 8) {
    const size_t words = std::min((n - i) / 8, kMaxWords);
    uint64_t starts = 0;
    for (size_t w = 0; w < words; ++w, i += 8) {
      uint64_t eight;
      std::memcpy(&eight, data + i, 8);
      starts += ((~eight >> 7) | (eight >> 6)) & kLowBits;
    }
    // Pairs of lanes (at most 510 each), then the four 16-bit sums.
    const uint64_t pairs = (starts & kEvenBytes) + ((starts >> 8) & kEvenBytes);
    count += (pairs * 0x0001000100010001ull) >> 48;
  }
  for (; i < n; ++i) {
    if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

size_t LetterCount(absl::string_view utf8) {
  size_t letters = 0;
  ForEachCodePoint(utf8, [&](UChar32 c, absl::string_view) {
    if (c >= 0 && u_isalpha(c)) ++letters;
    return true;
  });
  return letters;
}

bool IsHan(int32_t c) {
  // CJK Unified Ideographs, the bulk of any Chinese text, are all Han (a
  // test holds ICU to it): no property lookup for them.
  if (c >= kCjkUnifiedFirst && c <= kCjkUnifiedLast) return true;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

}  // namespace lede::engine
