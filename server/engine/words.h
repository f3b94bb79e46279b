// The body's words by ICU's word break rules (so Chinese and Japanese count
// words, not runs of characters), found in one pass and shared by the word
// count, the reading time and the fingerprint: dictionary word breaking is
// the costliest step after the HTML parse on CJK pages. Runs of ideographs
// between punctuation are broken by HanSegmenter (han_words.h), ICU's
// dictionary and its engine's choice without the iterator, to the same
// words.
#ifndef LEDE_SERVER_ENGINE_WORDS_H_
#define LEDE_SERVER_ENGINE_WORDS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace lede::engine {

struct Word {
  // Case-folded UTF-8, so "The" and "the" shingle alike.
  std::string folded;
  // ISO 15924 script of the first letter (an ICU UScriptCode), or
  // USCRIPT_COMMON (0) for a word without letters, such as a number.
  int script = 0;
  int letters = 0;
};

// The words of `text` in order; spaces and punctuation are not words.
std::vector<Word> SplitWords(absl::string_view text);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_WORDS_H_
