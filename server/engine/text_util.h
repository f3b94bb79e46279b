// Small text helpers shared by the engine's stages.
#ifndef LEDE_SERVER_ENGINE_TEXT_UTIL_H_
#define LEDE_SERVER_ENGINE_TEXT_UTIL_H_

#include <re2/stringpiece.h>
#include <string.h>  // memmem
#include <unicode/utf8.h>

#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace lede::engine {

// RE2 (2022) has its own StringPiece, which Debian's Abseil string_view does
// not convert to.
inline re2::StringPiece Piece(absl::string_view text) {
  return re2::StringPiece(text.data(), text.size());
}

// U+FFFD, in UTF-8: what an invalid byte sequence is read as.
inline constexpr absl::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// Whether `text` holds the bytes of `mark`, by glibc's memmem, which skips
// along by pairs of bytes: absl::StrContains (and std::string_view::find)
// stop at each occurrence of the mark's first byte to compare, and on whole
// pages ('<' in markup) that cost 0.4 % of the engine's time.
inline bool ContainsBytes(absl::string_view text, absl::string_view mark) {
  return memmem(text.data(), text.size(), mark.data(), mark.size()) != nullptr;
}

// Whether `c` is ASCII white space as HTML reads it (space, tab, line feed,
// form feed, carriage return) and RE2's \s matches it: not the vertical tab.
inline bool IsAsciiWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// Whether `bytes` (`size` of them) start with a valid three-byte UTF-8
// sequence whose lead byte is E1..EC or EE..EF, whose every pair of
// continuation bytes is valid (E0 and ED limit the first one: overlong
// forms, surrogates). Most characters of CJK text are such, and this test
// costs a fraction of U8_NEXT's.
inline bool IsPlainThreeByteSequence(const uint8_t* bytes, int32_t size) {
  if (size < 3) return false;
  const uint8_t lead = bytes[0];
  return lead >= 0xE1 && lead <= 0xEF && lead != 0xED &&
         (bytes[1] & 0xC0) == 0x80 && (bytes[2] & 0xC0) == 0x80;
}

// The code point of the sequence at `bytes`, which IsPlainThreeByteSequence
// has passed: read without U8_NEXT's checks, which it has made.
inline UChar32 PlainThreeByteCodePoint(const uint8_t* bytes) {
  return (bytes[0] & 0x0F) << 12 | (bytes[1] & 0x3F) << 6 | (bytes[2] & 0x3F);
}

// Calls `visit(c, bytes)` for each code point of `utf8` in order, until
// `visit` returns false: `c` is the code point, negative for an invalid
// sequence, and `bytes` the bytes it was read from.
template <typename Visit>
void ForEachCodePoint(absl::string_view utf8, Visit visit) {
  const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (!visit(c, utf8.substr(start, i - start))) return;
  }
}

// Whether `text`, less its trailing ASCII white space, ends with one of
// `ends` (a rules table of suffixes).
template <typename Suffixes>
bool EndsWithAnyOf(absl::string_view text, const Suffixes& ends) {
  text = absl::StripTrailingAsciiWhitespace(text);
  for (absl::string_view end : ends) {
    if (absl::EndsWith(text, end)) return true;
  }
  return false;
}

// Collapses every run of Unicode white space (ASCII, NBSP, ideographic
// space, zero-width space...) into one ASCII space and trims both ends.
std::string CollapseWhitespace(absl::string_view utf8);

// A lower bound of CollapseWhitespace(utf8).size(), for a fraction of its
// time: the bytes of the characters it certainly keeps as they stand (ASCII
// other than white space, and U+4000..U+CFFF, the ideographs among them).
// The bounds of two texts add up to one of their concatenation's.
size_t CollapsedSizeAtLeast(absl::string_view utf8);

// True when `utf8` holds nothing but white space.
bool IsBlank(absl::string_view utf8);

// Escapes &, <, >, " for HTML text and attribute values.
std::string EscapeHtml(absl::string_view text);

// Decodes character references (&#8211; &#x2014; &amp; &rsquo; ...) left in
// text that reached us escaped twice, as JSON-LD and some <meta> values do.
// Unknown names stay as written.
std::string DecodeHtmlEntities(absl::string_view text);

// Lower-cases ASCII letters only; other bytes are kept.
std::string AsciiLower(absl::string_view text);

// How many pairs of ASCII letters there are: the size of a table indexed
// by LetterPairIndex.
inline constexpr int kLetterPairs = 26 * 26;

// The first two bytes of `text` as a pair of ASCII letters in any case, 0 to
// kLetterPairs - 1; -1 when they are not two letters. A table of words
// indexes them by it, so that a word is compared with, or looked up among,
// only the table's words that open with its own two letters.
inline int LetterPairIndex(absl::string_view text) {
  if (text.size() < 2 || !absl::ascii_isalpha(text[0]) ||
      !absl::ascii_isalpha(text[1])) {
    return -1;
  }
  return (absl::ascii_tolower(text[0]) - 'a') * 26 +
         (absl::ascii_tolower(text[1]) - 'a');
}

// Number of Unicode code points in `utf8`.
size_t CodePointCount(absl::string_view utf8);

// Whether `text` holds an ASCII digit, read eight bytes at a time: most of a
// page's texts hold none, and a byte loop that stops at the first digit reads
// every byte of those.
bool HasAsciiDigit(absl::string_view text);

// Number of letters (Unicode alphabetic code points) in `utf8`.
size_t LetterCount(absl::string_view utf8);

// Whether code point `c` is a Han character (ICU's script property).
bool IsHan(int32_t c);

// The block of CJK Unified Ideographs: every code point in it is an
// assigned Han letter (since Unicode 14), so hot loops over Chinese text
// can skip ICU's property lookups for it.
inline constexpr int32_t kCjkUnifiedFirst = 0x4E00;
inline constexpr int32_t kCjkUnifiedLast = 0x9FFF;

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_TEXT_UTIL_H_
