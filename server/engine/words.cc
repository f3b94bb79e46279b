#include "server/engine/words.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "server/engine/han_words.h"
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

// What ICU says of a character that UTF-8 writes in two bytes (U+0080 to
// U+07FF: Latin-1 and Latin Extended, Greek, Cyrillic, Armenian, Arabic...),
// for the ASCII rules to break and fold it as ICU would.
struct TwoByteCharacter {
  // Word_Break ALetter, as A-Z are, and folded to at most kMaxFolded bytes:
  // the ASCII rules take it as a letter. Else the token goes to ICU.
  bool letter = false;
  bool alpha = false;  // u_isalpha: counts in Word::letters
  UScriptCode script = USCRIPT_COMMON;
  static constexpr size_t kMaxFolded = 6;
  uint8_t folded_size = 0;  // its full case folding, UTF-8
  std::array<char, kMaxFolded> folded{};
};

constexpr UChar32 kTwoByteFirst = 0x80;
constexpr UChar32 kTwoByteEnd = 0x800;

const std::array<TwoByteCharacter, kTwoByteEnd - kTwoByteFirst>&
TwoByteCharacters() {
  static const auto* const kCharacters = [] {
    auto* characters =
        new std::array<TwoByteCharacter, kTwoByteEnd - kTwoByteFirst>();
    for (UChar32 c = kTwoByteFirst; c < kTwoByteEnd; ++c) {
      TwoByteCharacter& entry = (*characters)[c - kTwoByteFirst];
      std::string folded;
      icu::UnicodeString(c).foldCase().toUTF8String(folded);
      UErrorCode status = U_ZERO_ERROR;
      entry.script = uscript_getScript(c, &status);
      entry.alpha = u_isalpha(c);
      entry.letter =
          u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_ALETTER &&
          folded.size() <= TwoByteCharacter::kMaxFolded && U_SUCCESS(status);
      entry.folded_size = static_cast<uint8_t>(
          std::min(folded.size(), TwoByteCharacter::kMaxFolded));
      std::copy_n(folded.begin(), entry.folded_size, entry.folded.begin());
    }
    return characters;
  }();
  return *kCharacters;
}

// The character of the two-byte UTF-8 sequence `lead`, `next`; null when
// it is none.
const TwoByteCharacter* TwoByteCharacterOf(unsigned char lead,
                                           unsigned char next) {
  if (lead < 0xC2 || lead > 0xDF || (next & 0xC0) != 0x80) return nullptr;
  const UChar32 c = (lead & 0x1F) << 6 | (next & 0x3F);
  return &TwoByteCharacters()[c - kTwoByteFirst];
}

// Whether `lead`, `next` are the UTF-8 of a letter the ASCII rules take
// (TwoByteCharacter::letter).
bool IsTwoByteLetter(unsigned char lead, unsigned char next) {
  const TwoByteCharacter* character = TwoByteCharacterOf(lead, next);
  return character != nullptr && character->letter;
}

// A word being made: its folded bytes are [start, start + size) of
// WordsBeingMade::folded, which grows as words are added (a Word's view
// into it is written when all are made). A text is far under 4 GB.
struct MadeWord {
  uint32_t start = 0;
  uint32_t size = 0;
  int script = 0;
  int letters = 0;
};

// The words SplitWords has made so far, and their folded bytes.
struct WordsBeingMade {
  std::string folded;
  std::vector<MadeWord> list;

  // A new word, whose folded bytes are appended next.
  MadeWord& Start() {
    MadeWord& word = list.emplace_back();
    word.start = static_cast<uint32_t>(folded.size());
    return word;
  }
  // Ends `word`, the last started, after its bytes.
  void End(MadeWord* word) {
    word->size = static_cast<uint32_t>(folded.size()) - word->start;
  }
};

// The word of `text` (ASCII letters, digits and their joiners, two-byte
// letters, IsTwoByteLetter, and the punctuation that joins them,
// AsciiRulePunctuationAt), as ICU's word breaks make it and case folding
// writes it, with its letters and its first letter's script.
void AddAsciiWord(absl::string_view text, WordsBeingMade* words) {
  MadeWord& word = words->Start();
  std::string& folded = words->folded;
  folded.append(text.data(), text.size());
  bool two_byte = false;
  for (size_t i = word.start; i < folded.size(); ++i) {
    char& c = folded[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      ++word.letters;
    } else if (c >= 'a' && c <= 'z') {
      ++word.letters;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      two_byte = true;
    }
  }
  if (!two_byte) {
    if (word.letters > 0) word.script = USCRIPT_LATIN;
    words->End(&word);
    return;
  }
  // Again, with the two-byte letters folded by the table.
  folded.resize(word.start);
  word.letters = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      const bool alpha = absl::ascii_isalpha(byte);
      if (alpha && word.letters++ == 0) word.script = USCRIPT_LATIN;
      folded.push_back(static_cast<char>(absl::ascii_tolower(byte)));
      continue;
    }
    if (byte >= 0xE0) {  // punctuation (AsciiBreakAt), kept
      folded.append(text.data() + i, 3);
      i += 2;
      continue;
    }
    const TwoByteCharacter& character =
        *TwoByteCharacterOf(byte, static_cast<unsigned char>(text[++i]));
    if (character.alpha && word.letters++ == 0) {
      word.script = character.script;
    }
    folded.append(character.folded.data(), character.folded_size);
  }
  words->End(&word);
}

// Whitespace that no word break rule joins to what stands before it, and
// that joins nothing after it but whitespace and combining marks (which
// stay with it in the same span): the text's spans can be broken apart
// before any of it.
bool IsAsciiSpace(char c) {
  // Most bytes are past ' ' (all of a character past ASCII): one test.
  const auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' && (byte == ' ' || (byte >= '\t' && byte <= '\r'));
}

// The first IsAsciiSpace byte of `text` at or after `from`, or its size.
// The tokens of Chinese text are whole lines: eight bytes a step, each
// eight tested at once for a byte under 0x21 (a byte of a character past
// ASCII is 0x80 or more), and only those that hold one byte by byte.
size_t FindAsciiSpace(absl::string_view text, size_t from) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kTopBits = 0x8080808080808080ull;
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t eight;
    std::memcpy(&eight, text.data() + i, 8);
    if (((eight - kOnes * 0x21) & ~eight & kTopBits) == 0) continue;
    for (size_t k = i; k < i + 8; ++k) {
      if (IsAsciiSpace(text[k])) return k;
    }
  }
  while (i < text.size() && !IsAsciiSpace(text[i])) ++i;
  return i;
}

bool IsCjkUnified(char16_t c) {
  return c >= kCjkUnifiedFirst && c <= kCjkUnifiedLast;
}

// Code units that case folding keeps as they are and that UTF-8 writes in
// three bytes (words_test holds ICU to both): Hiragana, Katakana and their
// phonetic extensions, CJK Extension A, and the half-width katakana.
bool IsCaselessKanaOrHan(char16_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || IsCjkUnified(c) ||
         (c >= 0xFF65 && c <= 0xFF9F);
}

// Appends code units [start, end) of `unicode`, each of U+0800..U+FFFF and
// none a surrogate, as UTF-8.
void AppendThreeByteUtf8(const icu::UnicodeString& unicode, int32_t start,
                         int32_t end, std::string* out) {
  const size_t at = out->size();
  out->resize(at + 3 * static_cast<size_t>(end - start));
  char* write = out->data() + at;
  const char16_t* const units = unicode.getBuffer();
  for (int32_t i = start; i < end; ++i) {
    const char16_t c = units[i];
    *write++ = static_cast<char>(0xE0 | (c >> 12));
    *write++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *write++ = static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Each whitespace-separated token's end in the words, for AddIcuWords:
// before a word is added at `start`, Before(start) notes the tokens that
// ended before it. Each ASCII byte of the text is a code unit of its own in
// `unicode`, even beside bytes that are not UTF-8, so its tokens are found
// alike there.
class TokenEnds {
 public:
  TokenEnds(const icu::UnicodeString& unicode, const WordsBeingMade& words,
            std::vector<size_t>* token_ends)
      : units_(unicode.getBuffer()),
        length_(unicode.length()),
        words_(words),
        token_ends_(token_ends) {}

  void Before(int32_t start) { ScanTo(start + 1); }

  void Finish() {
    ScanTo(length_);
    if (any_token_ && token_ends_ != nullptr) {
      token_ends_->push_back(words_.list.size());
    }
  }

 private:
  void ScanTo(int32_t limit) {
    if (token_ends_ == nullptr) return;
    bool after_space = after_space_;
    for (; scanned_ < limit; ++scanned_) {
      const char16_t c = units_[scanned_];
      const bool space = c < 0x80 && IsAsciiSpace(static_cast<char>(c));
      if (after_space && !space) {
        if (any_token_) token_ends_->push_back(words_.list.size());
        any_token_ = true;
      }
      after_space = space;
    }
    after_space_ = after_space;
  }

  const char16_t* units_;
  int32_t length_;
  const WordsBeingMade& words_;
  std::vector<size_t>* token_ends_;
  int32_t scanned_ = 0;
  bool after_space_ = true;
  bool any_token_ = false;
};

// The word of code units [start, end) of `unicode`, as ICU's iterator
// found it.
void AddWord(const icu::UnicodeString& unicode, int32_t start, int32_t end,
             WordsBeingMade* words) {
  MadeWord& word = words->Start();
  // Most words of a Chinese text are CJK Unified Ideographs alone: Han
  // letters, which case folding keeps as they are (words_test holds ICU to
  // both), written out as UTF-8 without ICU's lookups and case mapping.
  // Kana have no case either: a word of them and ideographs is written
  // out alike, after the letter and script lookups below.
  bool han = true;
  bool caseless = true;
  for (int32_t i = start; i < end && caseless; ++i) {
    han = han && IsCjkUnified(unicode[i]);
    caseless = han || IsCaselessKanaOrHan(unicode[i]);
  }
  if (han) {
    word.letters = end - start;
    word.script = USCRIPT_HAN;
    AppendThreeByteUtf8(unicode, start, end, &words->folded);
    words->End(&word);
    return;
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
  if (!caseless) {
    icu::UnicodeString piece(unicode, start, end - start);
    piece.foldCase().toUTF8String(words->folded);  // appends
  } else {
    AppendThreeByteUtf8(unicode, start, end, &words->folded);
  }
  words->End(&word);
}

// Characters beside which ICU's word rules break on both sides of an
// ideograph, that no dictionary run of ICU's holds and that join no
// character across an ideograph: ASCII and the punctuation of Chinese text
// (words_test holds each to ICU). A run of ideographs between two of them
// (or the text's ends) is a span of ICU's dictionary engine alone.
bool BreaksBesideIdeograph(char16_t c) {
  if (c < 0x80) return true;
  switch (c) {
    case 0x00B7:  // middle dot
    case 0x2014:  // em dash
    case 0x2018:  // quotation marks
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2026:  // ellipsis
    case 0x3000:  // ideographic space, comma and full stop
    case 0x3001:
    case 0x3002:
    case 0xFF01:  // full-width ! ( ) , : ; ?
    case 0xFF08:
    case 0xFF09:
    case 0xFF0C:
    case 0xFF1A:
    case 0xFF1B:
    case 0xFF1F:
      return true;
    default:
      return c >= 0x3008 && c <= 0x3011;  // angle and corner brackets
  }
}

template <typename Found>
void ForEachAsciiWord(absl::string_view text, Found found);

bool IsChinesePunctuation(char16_t c);

// The words of code units [from, to) of `unicode`, each ASCII or
// IsChinesePunctuation, by the ASCII rules below.
void AddRuleWords(const icu::UnicodeString& unicode, int32_t from, int32_t to,
                  TokenEnds* tokens, WordsBeingMade* words) {
  std::string text;
  for (int32_t i = from; i < to; ++i) {
    if (unicode[i] < 0x80) {
      text.push_back(static_cast<char>(unicode[i]));
    } else {
      AppendThreeByteUtf8(unicode, i, i + 1, &text);
    }
  }
  // A unit is one byte of `text` or three: the unit of each word's start.
  int32_t unit = from;
  size_t byte = 0;
  ForEachAsciiWord(text, [&](size_t start, size_t end) {
    for (; byte < start; ++unit) {
      byte += static_cast<unsigned char>(text[byte]) < 0x80 ? 1 : 3;
    }
    tokens->Before(unit);
    AddAsciiWord(absl::string_view(text).substr(start, end - start), words);
  });
}

// The words ICU's iterator finds in code units [from, to) of `unicode`,
// given to it alone. ASCII and Chinese text's punctuation alone (a number,
// a Latin name between ideographs, "\uFF08iPhone 15\uFF09\uFF0C") are broken
// by the ASCII rules below, which break them as ICU does, for a fraction
// of the iterator's time.
void AddIteratorWords(const icu::UnicodeString& unicode, int32_t from,
                      int32_t to, icu::BreakIterator* breaker,
                      TokenEnds* tokens, WordsBeingMade* words) {
  // Between two runs of ideographs there is mostly a punctuation mark
  // alone, never a word, and the iterator is not asked.
  bool any_word_character = false;
  bool by_rules = true;
  for (int32_t i = from; i < to; ++i) {
    const char16_t c = unicode[i];
    by_rules = by_rules && (c < 0x80 || IsChinesePunctuation(c));
    any_word_character =
        any_word_character || (c < 0x80 ? !IsAsciiSpace(static_cast<char>(c))
                                        : !BreaksBesideIdeograph(c));
  }
  if (!any_word_character) return;
  if (by_rules) {
    AddRuleWords(unicode, from, to, tokens, words);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  utext_openUChars(&text, unicode.getBuffer() + from, to - from, &status);
  breaker->setText(&text, status);
  utext_close(&text);
  if (U_FAILURE(status)) return;
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    if (breaker->getRuleStatus() == UBRK_WORD_NONE) continue;
    tokens->Before(from + start);
    AddWord(unicode, from + start, from + end, words);
  }
}

// The words of `text` as ICU's word break iterator makes them from the
// whole text. Runs of ideographs between characters that break beside them
// are broken by HanSegmenter (the words ICU's dictionary engine gives
// them, for a fraction of its time), the text between them by the
// iterator. With `token_ends`, the size of `words` after the words of each
// of the text's tokens (runs of non-whitespace) is appended to it, one
// entry a token: no word holds whitespace, so each lies inside one token.
void AddIcuWords(absl::string_view text, WordsBeingMade* words,
                 std::vector<size_t>* token_ends = nullptr) {
  icu::BreakIterator* const breaker = ThreadWordBreaker();
  if (breaker == nullptr) return;
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  TokenEnds tokens(unicode, *words, token_ends);
  const HanSegmenter* const han = HanSegmenter::Get();
  const char16_t* const units = unicode.getBuffer();
  const int32_t length = unicode.length();
  int32_t from = 0;  // the start of the text not broken yet
  std::vector<int32_t> ends;
  std::vector<uint32_t> costs;
  std::vector<int32_t> previous;
  for (int32_t i = 0; han != nullptr && i < length;) {
    if (!IsCjkUnified(units[i])) {
      ++i;
      continue;
    }
    int32_t run_end = i + 1;
    while (run_end < length && IsCjkUnified(units[run_end])) ++run_end;
    if ((i > 0 && !BreaksBesideIdeograph(units[i - 1])) ||
        (run_end < length && !BreaksBesideIdeograph(units[run_end]))) {
      i = run_end;
      continue;
    }
    AddIteratorWords(unicode, from, i, breaker, &tokens, words);
    ends.clear();
    han->Segment(units + i, run_end - i, &ends, &costs, &previous);
    // The run's words lie in one token (no ideograph is whitespace), one
    // after another: the run is written out once, each word a piece of it.
    tokens.Before(i);
    const auto run_bytes = static_cast<uint32_t>(words->folded.size());
    AppendThreeByteUtf8(unicode, i, run_end, &words->folded);
    int32_t start = 0;
    for (int32_t end : ends) {
      MadeWord& word = words->list.emplace_back();
      word.start = run_bytes + 3 * static_cast<uint32_t>(start);
      word.size = 3 * static_cast<uint32_t>(end - start);
      word.letters = end - start;
      word.script = USCRIPT_HAN;
      start = end;
    }
    from = i = run_end;
  }
  AddIteratorWords(unicode, from, length, breaker, &tokens, words);
  tokens.Finish();
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

// The punctuation of a block of 64 characters from `first` (UTF-8 of
// three bytes, the last by the character's offset in the block) that the
// ASCII rules break as ICU does, read from ICU: the marks of Word_Break
// Other ("\u201C", "\u2014", "\u3001", "\uFF08"), which break on both
// sides, as kOther, those of MidNumLet ("\u2019" in "don\u2019t"), which
// join two letters or two digits, as kMidBoth, and those of MidNum
// ("\uFF0C" in "5\uFF0C000"), which join two digits, as kMidNumber; none
// is a letter or of a script (Han, kana), and case folding keeps each.
// kLetter for the others, which go to ICU.
using PunctuationBlock = std::array<AsciiBreak, 64>;

PunctuationBlock* ReadPunctuationBlock(UChar32 first) {
  auto* breaks = new PunctuationBlock();
  for (UChar32 c = first; c < first + 64; ++c) {
    AsciiBreak& kind = (*breaks)[c - first];
    kind = AsciiBreak::kLetter;
    icu::UnicodeString folded(c);
    if (u_isalpha(c) || folded.foldCase() != icu::UnicodeString(c)) continue;
    // ICU's rules read a Han or kana character as a word whatever its
    // Word_Break ("\u3038", a Hangzhou numeral, is Other).
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) != USCRIPT_COMMON || U_FAILURE(status)) {
      continue;
    }
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
      case U_WB_OTHER:
        kind = AsciiBreak::kOther;
        break;
      case U_WB_MIDNUMLET:
        kind = AsciiBreak::kMidBoth;
        break;
      case U_WB_MIDNUM:
        kind = AsciiBreak::kMidNumber;
        break;
      case U_WB_MIDLETTER:
        // ICU's root rules break the full-width colon between letters, as
        // they do ':' (AsciiBreaks; words_test holds both to ICU).
        if (c == 0xFF1A) kind = AsciiBreak::kOther;
        break;
      default:
        break;
    }
  }
  return breaks;
}

// U+2000..U+203F, General Punctuation (E2 80 xx): in English text its
// marks were most of the tokens that went to ICU's iterator.
const PunctuationBlock& GeneralPunctuation() {
  static const PunctuationBlock* const kBreaks = ReadPunctuationBlock(0x2000);
  return *kBreaks;
}

// The blocks of Chinese text's own punctuation, for the text between runs
// of ideographs (AddIteratorWords): U+3000..U+303F, CJK Symbols and
// Punctuation (E3 80 xx: "\u3001", "\u3002", "\u300A"), and the full-width
// forms U+FF00..U+FF3F (EF BC xx: "\uFF08", "\uFF0C", "\uFF1A") and
// U+FF40..U+FF7F (EF BD xx: "\uFF5E"). Null for a character of no block.
const PunctuationBlock* ChinesePunctuationBlock(unsigned char lead,
                                                unsigned char second) {
  static const PunctuationBlock* const kSymbols = ReadPunctuationBlock(0x3000);
  static const PunctuationBlock* const kFullWidth =
      ReadPunctuationBlock(0xFF00);
  static const PunctuationBlock* const kFullWidthLower =
      ReadPunctuationBlock(0xFF40);
  if (lead == 0xE2 && second == 0x80) return &GeneralPunctuation();
  if (lead == 0xE3 && second == 0x80) return kSymbols;
  if (lead == 0xEF && second == 0xBC) return kFullWidth;
  if (lead == 0xEF && second == 0xBD) return kFullWidthLower;
  return nullptr;
}

// Whether `c` is punctuation of ChinesePunctuationBlock that the ASCII
// rules read (not kLetter).
bool IsChinesePunctuation(char16_t c) {
  if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return false;
  const PunctuationBlock* block = ChinesePunctuationBlock(
      static_cast<unsigned char>(0xE0 | (c >> 12)),
      static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F)));
  return block != nullptr && (*block)[c & 0x3F] != AsciiBreak::kLetter;
}

// The size in bytes of the punctuation the ASCII rules break
// (GeneralPunctuation) at `at` in `text`, or 0.
size_t AsciiRulePunctuationAt(absl::string_view text, size_t at) {
  if (at + 2 >= text.size() || static_cast<unsigned char>(text[at]) != 0xE2 ||
      static_cast<unsigned char>(text[at + 1]) != 0x80) {
    return 0;
  }
  const auto last = static_cast<unsigned char>(text[at + 2]);
  if ((last & 0xC0) != 0x80) return 0;
  return GeneralPunctuation()[last & 0x3F] == AsciiBreak::kLetter ? 0 : 3;
}

// What the ASCII rules read at `at` of a text of ASCII, two-byte letters
// (IsTwoByteLetter: each byte a letter) and the punctuation of
// ChinesePunctuationBlock that is not kLetter (three bytes, its lead byte
// 0xE0 or more, a two-byte letter's never is).
AsciiBreak AsciiBreakAt(absl::string_view text, size_t at) {
  static constexpr std::array<AsciiBreak, 128> kBreaks = AsciiBreaks();
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) return kBreaks[byte];
  if (byte < 0xE0) return AsciiBreak::kLetter;
  const PunctuationBlock* block =
      ChinesePunctuationBlock(byte, static_cast<unsigned char>(text[at + 1]));
  // The callers pass only a block's punctuation; a character of no block
  // reads as a letter rather than a null block.
  if (block == nullptr) return AsciiBreak::kLetter;
  return (*block)[static_cast<unsigned char>(text[at + 2]) & 0x3F];
}

// The bytes of the character AsciiBreakAt read at `at`: 3 for the
// punctuation, 1 else (a two-byte letter is read a byte at a time).
size_t AsciiCharacterSize(absl::string_view text, size_t at) {
  return static_cast<unsigned char>(text[at]) >= 0xE0 ? 3 : 1;
}

bool IsWordPart(AsciiBreak b) {
  return b == AsciiBreak::kLetter || b == AsciiBreak::kDigit ||
         b == AsciiBreak::kConnector;
}

// The words of ASCII `text` by UAX #29's rules as ICU's root word rules
// apply them to ASCII (words_test holds this to ICU), to two-byte letters
// (IsTwoByteLetter), which are ALetter as A-Z are, and to the punctuation
// of AsciiRulePunctuationAt, the only characters past ASCII the text may
// hold: letters, digits and '_' run together (WB5, WB8-10, WB13a/b); a middle
// mark joins two letters (WB6/7) or two digits (WB11/12) when one stands on
// each side; a lone '_' is no word; anything else breaks.
template <typename Found>
void ForEachAsciiWord(absl::string_view text, Found found) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const AsciiBreak first = AsciiBreakAt(text, i);
    if (!IsWordPart(first)) {
      i += AsciiCharacterSize(text, i);
      continue;
    }
    const size_t start = i;
    AsciiBreak last = first;
    for (++i; i < n; ++i) {
      const AsciiBreak next = AsciiBreakAt(text, i);
      if (IsWordPart(next)) {
        last = next;
        continue;
      }
      const size_t after_at = i + AsciiCharacterSize(text, i);
      if (after_at >= n) break;
      const AsciiBreak after = AsciiBreakAt(text, after_at);
      const bool joins_letters = last == AsciiBreak::kLetter &&
                                 after == AsciiBreak::kLetter &&
                                 next == AsciiBreak::kMidBoth;
      const bool joins_digits =
          last == AsciiBreak::kDigit && after == AsciiBreak::kDigit &&
          (next == AsciiBreak::kMidNumber || next == AsciiBreak::kMidBoth);
      if (!joins_letters && !joins_digits) break;
      last = after;
      i = after_at;
    }
    if (i - start == 1 && first == AsciiBreak::kConnector) continue;
    found(start, i);
  }
}

void AddAsciiWords(absl::string_view text, WordsBeingMade* words) {
  ForEachAsciiWord(text, [&](size_t start, size_t end) {
    AddAsciiWord(text.substr(start, end - start), words);
  });
}

// Fewer bytes than a word and the space after it take in most texts: the
// words' vector is reserved for the text's size over this, once (and a
// span's new tokens' words for theirs).
constexpr size_t kBytesPerWord = 8;

// How SplitWords breaks a space-separated token, by its bytes.
enum class TokenKind {
  kAscii,  // by the ASCII rules above: ASCII and two-byte letters
  kOther,  // by ICU
  // With a character of a script that ICU breaks by a dictionary (Han,
  // kana, Thai, Lao, Khmer, Myanmar): each run of them costs ICU thousands
  // of instructions however short it is. By ICU, each token once: a token
  // met again in the text takes the words it had.
  kDictionary,
};

// Whether the UTF-8 sequence that starts with bytes `lead`, `next` is a
// character of the dictionary scripts: Thai and Lao (U+0E00-U+0EFF),
// Myanmar (U+1000-U+109F), Khmer (U+1780-U+17FF), kana and the ideographs
// (U+3000-U+9FFF), the compatibility ideographs (U+F900-U+FAFF), the
// half-width katakana (U+FF66-U+FF9F) and the supplementary ideographs
// (U+20000-U+3FFFF), give or take neighbours that share their bytes. The
// kind only picks the way to ICU's words, which is the same either way: a
// wrong guess costs time, never a word.
bool IsDictionaryScript(unsigned char lead, unsigned char next) {
  switch (lead) {
    case 0xE0:
      return next >= 0xB8 && next <= 0xBB;
    case 0xE1:
      return next <= 0x82 || next == 0x9E || next == 0x9F;
    case 0xEF:
      return (next >= 0xA4 && next <= 0xAB) || next == 0xBD || next == 0xBE;
    case 0xF0:
      return next >= 0xA0;
    default:
      return lead >= 0xE3 && lead <= 0xE9;
  }
}

// Where the words of a kDictionary token (with the whitespace before it,
// as ICU is given it) went in `words`, the first time the text held it.
struct TokenWords {
  size_t first = 0;
  size_t count = 0;
};

// The tokens of one text met so far: TokenWords by token.
struct SeenTokens {
  absl::flat_hash_map<absl::string_view, size_t> index;
  std::vector<TokenWords> words;
};

// The words of `span`, kDictionary tokens each with the whitespace before
// it: the tokens the text has not held before go to ICU together, in one
// call; the others copy their words (which share their bytes).
void AddDictionaryWords(absl::string_view span, SeenTokens* seen,
                        WordsBeingMade* words) {
  // Each token's entry in seen->words, and whether it is new here.
  std::vector<std::pair<size_t, bool>> tokens;
  std::string new_tokens;
  const size_t first_new = seen->words.size();
  for (size_t i = 0; i < span.size();) {
    const size_t start = i;
    while (i < span.size() && IsAsciiSpace(span[i])) ++i;
    if (i == span.size()) break;  // whitespace at the end, no token
    i = FindAsciiSpace(span, i);
    const absl::string_view token = span.substr(start, i - start);
    const auto [at, added] = seen->index.try_emplace(token, seen->words.size());
    tokens.emplace_back(at->second, added);
    if (added) {
      seen->words.emplace_back();
      new_tokens.append(token.data(), token.size());
    }
  }
  std::vector<size_t> new_ends;
  if (new_tokens.size() == span.size()) {
    // All new (as in most texts): ICU's words go straight to `words`.
    const size_t before = words->list.size();
    AddIcuWords(span, words, &new_ends);
    for (size_t k = 0; k < tokens.size(); ++k) {
      const size_t begin = k == 0 ? before : new_ends[k - 1];
      seen->words[tokens[k].first] = {begin, new_ends[k] - begin};
    }
    return;
  }
  WordsBeingMade new_words;
  new_words.list.reserve(new_tokens.size() / kBytesPerWord);
  if (!new_tokens.empty()) AddIcuWords(new_tokens, &new_words, &new_ends);
  const auto new_bytes = static_cast<uint32_t>(words->folded.size());
  words->folded.append(new_words.folded);
  for (const auto& [entry, added] : tokens) {
    TokenWords& written = seen->words[entry];
    if (added) {
      const size_t index = entry - first_new;
      const size_t begin = index == 0 ? 0 : new_ends[index - 1];
      written = {words->list.size(), new_ends[index] - begin};
      for (size_t i = begin; i < new_ends[index]; ++i) {
        MadeWord word = new_words.list[i];
        word.start += new_bytes;
        words->list.push_back(word);
      }
      continue;
    }
    for (size_t i = written.first; i < written.first + written.count; ++i) {
      const MadeWord copy = words->list[i];
      words->list.push_back(copy);
    }
  }
}

}  // namespace

Words SplitWords(absl::string_view text) {
  WordsBeingMade words;
  words.list.reserve(text.size() / kBytesPerWord);
  words.folded.reserve(text.size());
  // ICU's iterator costs hundreds of instructions a word; most words of
  // most pages are ASCII, which the rules above break alike for a fraction
  // of that. The text goes in spans of its space-separated tokens of one
  // TokenKind, each span from the whitespace before its first token.
  const size_t n = text.size();
  size_t span_start = 0;
  TokenKind span_kind = TokenKind::kAscii;
  bool any_token = false;
  SeenTokens dictionary_tokens;
  auto flush = [&](size_t end) {
    const absl::string_view span = text.substr(span_start, end - span_start);
    switch (span_kind) {
      case TokenKind::kAscii:
        AddAsciiWords(span, &words);
        break;
      case TokenKind::kOther:
        AddIcuWords(span, &words);
        break;
      case TokenKind::kDictionary:
        AddDictionaryWords(span, &dictionary_tokens, &words);
        break;
    }
    span_start = end;
  };
  size_t i = 0;
  while (i < n) {
    const size_t space_start = i;
    while (i < n && IsAsciiSpace(text[i])) ++i;
    if (i == n) break;
    TokenKind kind = TokenKind::kAscii;
    for (; i < n && !IsAsciiSpace(text[i]); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80) continue;
      // é, ß, ł, я, λ...: the ASCII rules break and fold them as ICU does.
      if (kind == TokenKind::kAscii && i + 1 < n &&
          IsTwoByteLetter(byte, static_cast<unsigned char>(text[i + 1]))) {
        ++i;
        continue;
      }
      // Quotation marks, dashes, apostrophes: the same.
      if (kind == TokenKind::kAscii && AsciiRulePunctuationAt(text, i) > 0) {
        i += 2;
        continue;
      }
      kind = byte >= 0xE0 && i + 1 < n &&
                     IsDictionaryScript(byte,
                                        static_cast<unsigned char>(text[i + 1]))
                 ? TokenKind::kDictionary
                 : TokenKind::kOther;
      if (kind == TokenKind::kDictionary) break;
    }
    // The rest of a kDictionary token cannot change its kind.
    i = FindAsciiSpace(text, i);
    if (any_token && kind != span_kind) flush(space_start);
    span_kind = kind;
    any_token = true;
  }
  if (any_token) flush(n);
  Words made;
  made.folded_ = std::make_unique<std::string>(std::move(words.folded));
  made.list_.reserve(words.list.size());
  const char* const bytes = made.folded_->data();
  for (const MadeWord& word : words.list) {
    made.list_.push_back({absl::string_view(bytes + word.start, word.size),
                          word.script, word.letters});
  }
  return made;
}

}  // namespace lede::engine
