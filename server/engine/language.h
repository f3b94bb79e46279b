// Stage 6, language: which language the article is in, BCP 47, with the
// script for Chinese (zh-Hans / zh-Hant).
#ifndef LEDE_SERVER_ENGINE_LANGUAGE_H_
#define LEDE_SERVER_ENGINE_LANGUAGE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/words.h"

namespace lede::engine {

struct LanguageHints {
  // <html lang>, Content-Language or a caller's hint, e.g. "zh-CN".
  std::string content_language;
  // Top-level domain of the page's URL, e.g. "fr".
  std::string tld;
};

struct LanguageGuess {
  std::string language;  // BCP 47
  float confidence = 0;  // 0..1
};

struct LanguageShare {
  std::string language;  // BCP 47
  float share = 0;       // 0..1 of the text's letters
};

struct LanguageResult {
  // Best first, then the runners-up; empty when the text has no letters.
  std::vector<LanguageGuess> guesses;
  // Languages the text is written in, largest share first. One entry for a
  // text in one language; several for a text that mixes languages.
  std::vector<LanguageShare> shares;
  bool reliable = false;
};

// Identifies the language of `text` (plain text, UTF-8), any length, titles
// included; a long text is read from pieces spread from its start to its
// end (kLanguageSamplePieces). Script analysis comes first (kana -> ja, Hangul
// -> ko, scripts of one language), then CLD2 with `hints`; Chinese is split
// into zh-Hans and zh-Hant by the characters that differ between the scripts,
// the hints deciding only when the characters do not. Never fails.
LanguageResult IdentifyLanguage(absl::string_view text,
                                const LanguageHints& hints);

// The language of an article: its title and `body_text`, the body as
// RenderText writes it (which the caller measures too), as IdentifyLanguage
// reads a text.
LanguageResult IdentifyArticleLanguage(absl::string_view title,
                                       absl::string_view body_text,
                                       const LanguageHints& hints);

// The hints a page gives about its language: the language it declares
// (PageFacts::declared_language) and the top-level domain of its `url`.
LanguageHints PageLanguageHints(absl::string_view declared_language,
                                absl::string_view url);

// A confidence or a share to three decimals, as the API reports them: more
// is noise, and a float with fewer digits prints the same from every
// protobuf runtime's JSON (C++ prints 0.99716711 where Go and Python print
// 0.9971671).
float RoundedShare(float value);

// Hints from DetectLanguageRequest.hint: a top-level domain when it starts
// with a dot (".tw"), otherwise a content-language value ("zh-TW", "fr").
LanguageHints HintsFromString(absl::string_view hint);

// Whether `utf8` may hold a letter of kana (ICU's Hiragana or Katakana
// script): false only when none of its bytes starts a character of the
// blocks that hold them (U+3040-U+33FF, U+FF40-U+FFBF, U+1A000-U+1BFFF),
// whatever else it holds, invalid sequences included.
bool MayHoldKana(absl::string_view utf8);

// Seconds an adult takes to read `text` silently, at the rate of each word's
// script (kReadingRates: words a minute for alphabets, characters a minute
// for Han and kana). `words` are SplitWords(text). 0 for a text without
// letters.
int EstimateReadingSeconds(absl::string_view text,
                           const std::vector<Word>& words);

// One language lede claims to identify, with the ISO 15924 scripts it is
// identified in (e.g. {"sr", "Cyrl Latn"}).
struct SupportedLanguage {
  std::string language;
  std::string scripts;
};

// The languages lede claims, as measured by bench/language.
std::vector<SupportedLanguage> SupportedLanguages();

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_LANGUAGE_H_
