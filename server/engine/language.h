// Stage 6, language: which language the article is in, BCP 47, with the
// script for Chinese (zh-Hans / zh-Hant).
#ifndef LEDE_SERVER_ENGINE_LANGUAGE_H_
#define LEDE_SERVER_ENGINE_LANGUAGE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

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

struct LanguageResult {
  // Best first; empty when nothing could be told. Shares of a mixed text are
  // the guesses' `confidence` scaled by `share`.
  std::vector<LanguageGuess> guesses;
  // Share of the text in each guessed language, parallel to `guesses`.
  std::vector<float> shares;
  bool reliable = false;
};

// Identifies the language of `text` (plain text, UTF-8). Never fails.
LanguageResult IdentifyLanguage(absl::string_view text,
                                const LanguageHints& hints);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_LANGUAGE_H_
