// The body's words by ICU's word break rules (so Chinese and Japanese count
// words, not runs of characters), found in one pass and shared by the word
// count, the reading time and the fingerprint: dictionary word breaking is
// the costliest step after the HTML parse on CJK pages. Runs of ideographs
// between punctuation are broken by HanSegmenter (han_words.h), ICU's
// dictionary and its engine's choice without the iterator, to the same
// words.
#ifndef LEDE_SERVER_ENGINE_WORDS_H_
#define LEDE_SERVER_ENGINE_WORDS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace lede::engine {

struct Word {
  // Case-folded UTF-8, so "The" and "the" shingle alike. The bytes are held
  // by the Words the word is in.
  absl::string_view folded;
  // ISO 15924 script of the first letter (an ICU UScriptCode), or
  // USCRIPT_COMMON (0) for a word without letters, such as a number.
  int script = 0;
  int letters = 0;
};

// The words of a text, in order, with their folded bytes in one buffer, not
// one string a word: a run of ideographs is written into it once, each of
// its words a piece, and a token of the dictionary scripts met again shares
// the bytes of its first. Moved, the words' bytes stay where they are; not
// copied.
class Words {
 public:
  using value_type = Word;
  using const_iterator = std::vector<Word>::const_iterator;
  using iterator = const_iterator;

  Words() = default;
  Words(Words&&) = default;
  Words& operator=(Words&&) = default;
  Words(const Words&) = delete;
  Words& operator=(const Words&) = delete;

  size_t size() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  const Word& operator[](size_t i) const { return list_[i]; }
  const_iterator begin() const { return list_.begin(); }
  const_iterator end() const { return list_.end(); }
  const std::vector<Word>& list() const { return list_; }

 private:
  friend Words SplitWords(absl::string_view text);

  std::unique_ptr<std::string> folded_;
  std::vector<Word> list_;
};

// The words of `text` in order; spaces and punctuation are not words.
Words SplitWords(absl::string_view text);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_WORDS_H_
