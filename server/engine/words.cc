#include "server/engine/words.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>

#include "absl/strings/ascii.h"
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

}  // namespace

std::vector<Word> SplitWords(absl::string_view text) {
  std::vector<Word> words;
  icu::BreakIterator* const breaker = ThreadWordBreaker();
  if (breaker == nullptr) return words;
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  breaker->setText(unicode);
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    if (breaker->getRuleStatus() == UBRK_WORD_NONE) continue;
    Word& word = words.emplace_back();
    // Most words on most pages are ASCII: no ICU property lookups for them.
    bool ascii = true;
    for (int32_t i = start; i < end && ascii; ++i) ascii = unicode[i] < 0x80;
    if (ascii) {
      word.folded.reserve(end - start);
      for (int32_t i = start; i < end; ++i) {
        const char c = static_cast<char>(unicode[i]);
        if (absl::ascii_isalpha(static_cast<unsigned char>(c))) ++word.letters;
        word.folded += absl::ascii_tolower(static_cast<unsigned char>(c));
      }
      if (word.letters > 0) word.script = USCRIPT_LATIN;
      continue;
    }
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
  return words;
}

}  // namespace lede::engine
