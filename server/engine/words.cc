#include "server/engine/words.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <cstdint>
#include <memory>

#include "server/engine/text_util.h"

namespace lede::engine {

namespace {

// Building a word break iterator from ICU's rules costs more than breaking a
// short page's text, so each thread keeps one and gives it each text in turn.
icu::BreakIterator* ThreadWordBreaker() {
  thread_local const std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return breaker.get();
}

// The word of ASCII `text` (letters, digits and their joiners), as ICU's
// word breaks make it.
void AddAsciiWord(absl::string_view text, std::vector<Word>* words) {
  Word& word = words->emplace_back();
  word.folded.assign(text.data(), text.size());
  for (char& c : word.folded) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      ++word.letters;
    } else if (c >= 'a' && c <= 'z') {
      ++word.letters;
    }
  }
  if (word.letters > 0) word.script = USCRIPT_LATIN;
}

// The words of `text` by ICU's word break iterator.
void AddIcuWords(absl::string_view text, std::vector<Word>* words) {
  icu::BreakIterator* const breaker = ThreadWordBreaker();
  if (breaker == nullptr) return;
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  breaker->setText(unicode);
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    if (breaker->getRuleStatus() == UBRK_WORD_NONE) continue;
    Word& word = words->emplace_back();
    // Most words of a Chinese text are CJK Unified Ideographs alone: Han
    // letters, which case folding keeps as they are (words_test holds ICU to
    // both), written out as UTF-8 without ICU's lookups and case mapping.
    bool han = true;
    for (int32_t i = start; i < end && han; ++i) {
      han = unicode[i] >= kCjkUnifiedFirst && unicode[i] <= kCjkUnifiedLast;
    }
    if (han) {
      word.letters = end - start;
      word.script = USCRIPT_HAN;
      word.folded.reserve(3 * (end - start));
      for (int32_t i = start; i < end; ++i) {
        const char16_t c = unicode[i];
        word.folded += static_cast<char>(0xE0 | (c >> 12));
        word.folded += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        word.folded += static_cast<char>(0x80 | (c & 0x3F));
      }
      continue;
    }
    for (int32_t i = start; i < end; i = unicode.moveIndex32(i, 1)) {
      const UChar32 c = unicode.char32At(i);
      if (!u_isalpha(c)) continue;
      if (word.letters++ == 0) {
        UErrorCode script_status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &script_status);
        word.script = U_FAILURE(script_status) ? USCRIPT_UNKNOWN : script;
      }
    }
    icu::UnicodeString piece(unicode, start, end - start);
    piece.foldCase().toUTF8String(word.folded);
  }
}

// The Word_Break classes (UAX #29) of the ASCII characters that can be in a
// word; every other ASCII character is a word break on both sides. ICU's
// root rules (CLDR's) add '@' to ALetter, so an e-mail address is one word,
// and take ':' out of MidLetter, its only ASCII member.
enum class AsciiBreak : uint8_t {
  kOther,
  kLetter,     // ALetter: A-Z, a-z, @
  kDigit,      // Numeric: 0-9
  kConnector,  // ExtendNumLet: _
  kMidBoth,    // MidNumLet, Single_Quote: between letters or digits (. ')
  kMidNumber,  // MidNum: between digits only (, ;)
};

constexpr std::array<AsciiBreak, 128> AsciiBreaks() {
  std::array<AsciiBreak, 128> breaks{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '@') {
      breaks[c] = AsciiBreak::kLetter;
    } else if (c >= '0' && c <= '9') {
      breaks[c] = AsciiBreak::kDigit;
    }
  }
  breaks['_'] = AsciiBreak::kConnector;
  breaks['.'] = AsciiBreak::kMidBoth;
  breaks['\''] = AsciiBreak::kMidBoth;
  breaks[','] = AsciiBreak::kMidNumber;
  breaks[';'] = AsciiBreak::kMidNumber;
  return breaks;
}

// `c` is ASCII.
AsciiBreak AsciiBreakOf(char c) {
  static constexpr std::array<AsciiBreak, 128> kBreaks = AsciiBreaks();
  return kBreaks[static_cast<unsigned char>(c) & 0x7F];
}

bool IsWordPart(AsciiBreak b) {
  return b == AsciiBreak::kLetter || b == AsciiBreak::kDigit ||
         b == AsciiBreak::kConnector;
}

// The words of ASCII `text` by UAX #29's rules as ICU's root word rules
// apply them to ASCII (words_test holds this to ICU): letters, digits and
// '_' run together (WB5, WB8-10, WB13a/b); a middle mark joins two letters
// (WB6/7) or two digits (WB11/12) when one stands on each side; a lone '_'
// is no word; anything else breaks.
void AddAsciiWords(absl::string_view text, std::vector<Word>* words) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const AsciiBreak first = AsciiBreakOf(text[i]);
    if (!IsWordPart(first)) {
      ++i;
      continue;
    }
    const size_t start = i;
    AsciiBreak last = first;
    for (++i; i < n; ++i) {
      const AsciiBreak next = AsciiBreakOf(text[i]);
      if (IsWordPart(next)) {
        last = next;
        continue;
      }
      if (i + 1 >= n) break;
      const AsciiBreak after = AsciiBreakOf(text[i + 1]);
      const bool joins_letters = last == AsciiBreak::kLetter &&
                                 after == AsciiBreak::kLetter &&
                                 next == AsciiBreak::kMidBoth;
      const bool joins_digits =
          last == AsciiBreak::kDigit && after == AsciiBreak::kDigit &&
          (next == AsciiBreak::kMidNumber || next == AsciiBreak::kMidBoth);
      if (!joins_letters && !joins_digits) break;
      last = after;
      ++i;
    }
    if (i - start == 1 && first == AsciiBreak::kConnector) continue;
    AddAsciiWord(text.substr(start, i - start), words);
  }
}

// Whitespace that no word break rule joins to what stands before it, and
// that joins nothing after it but whitespace and combining marks (which
// stay with it in the same span): the text's spans can be broken apart
// before any of it.
bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

// Fewer bytes than a word and the space after it take in most texts: the
// words' vector is reserved for the text's size over this, once.
constexpr size_t kBytesPerWord = 8;

}  // namespace

std::vector<Word> SplitWords(absl::string_view text) {
  std::vector<Word> words;
  words.reserve(text.size() / kBytesPerWord);
  // ICU's iterator costs hundreds of instructions a word; most words of
  // most pages are ASCII, which the rules above break alike for a fraction
  // of that. The text goes in spans of its space-separated tokens, ASCII or
  // not, each span from the whitespace before its first token: ICU breaks
  // the spans with other characters, the ASCII rules the others.
  const size_t n = text.size();
  size_t span_start = 0;
  bool span_ascii = true;
  bool any_token = false;
  auto flush = [&](size_t end) {
    const absl::string_view span = text.substr(span_start, end - span_start);
    if (span_ascii) {
      AddAsciiWords(span, &words);
    } else {
      AddIcuWords(span, &words);
    }
    span_start = end;
  };
  size_t i = 0;
  while (i < n) {
    const size_t space_start = i;
    while (i < n && IsAsciiSpace(text[i])) ++i;
    if (i == n) break;
    bool ascii = true;
    for (; i < n && !IsAsciiSpace(text[i]); ++i) {
      ascii = ascii && static_cast<unsigned char>(text[i]) < 0x80;
    }
    if (any_token && ascii != span_ascii) flush(space_start);
    span_ascii = ascii;
    any_token = true;
  }
  if (any_token) flush(n);
  return words;
}

}  // namespace lede::engine
