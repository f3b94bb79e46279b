// The words of a run of CJK Unified Ideographs as ICU's word break iterator
// makes them, without the iterator: ICU's own Chinese and Japanese
// dictionary (cjdict, read through ICU's public data and trie APIs) and the
// dynamic programming of ICU's CjkBreakEngine over it, the lowest sum of
// the words' costs. ICU's engine walks the dictionary's trie from its root
// at every character of the run, a search through a node of some twenty
// thousand first characters that leaves the cache each time; here the
// trie's state after each first character is kept, found once a process,
// and each thread keeps the state after the pairs it met last (han_words.cc).
// words_test holds the words to ICU's.
#ifndef LEDE_SERVER_ENGINE_HAN_WORDS_H_
#define LEDE_SERVER_ENGINE_HAN_WORDS_H_

#include <unicode/udata.h>

#include <cstdint>
#include <vector>

namespace lede::engine {

class HanSegmenter {
 public:
  // The process's segmenter, made on first use; nullptr when ICU's
  // dictionary is not there or not a trie of UTF-16 units.
  static const HanSegmenter* Get();

  HanSegmenter(const HanSegmenter&) = delete;
  HanSegmenter& operator=(const HanSegmenter&) = delete;

  // Appends to `ends` the end of each word of `run`, in order, as offsets
  // from its start (the last is `length`). Each of the `length` units is a
  // CJK Unified Ideograph (U+4E00..U+9FFF). `costs` and `previous` are
  // scratch space.
  void Segment(const char16_t* run, int32_t length, std::vector<int32_t>* ends,
               std::vector<uint32_t>* costs,
               std::vector<int32_t>* previous) const;

 private:
  // The trie after its first character: UCharsTrie::first's result, the
  // state to go on from (getState64) and the word's cost, when it has one.
  // Packed into eight bytes (the table 168 KB, not 336 KB) it was no faster:
  // both sizes fit a core's L2, and the walk's misses are in the trie
  // (simulated L1 misses in Segment -1 %, CWCED engine time -0.05 %).
  // A second table, the state after each pair of the dictionary (180 000
  // pairs in an absl::flat_hash_map, 6.4 MB, built in about 20 ms once the
  // process had broken 100 000 ideographs), halved Segment's time over
  // CWCED's text alone (50 -> 25 ms) and the seeds' render stage in the
  // speed bench (1.18 -> 0.85 x gumbo, each page run three times in a row),
  // yet `lede parse --requests` over CWCED, GNE and the seeds three times
  // (294 pages) took 2.7 % more CPU (7 whole-process runs, alternated; the
  // slower in every pair) and 6.4 MB more: page after page, the table's
  // probes miss the cache the trie's busy nodes stay in. Not kept.
  struct FirstStep {
    uint64_t state = 0;
    int32_t cost = 0;
    int32_t result = 0;  // a UStringTrieResult
  };

  HanSegmenter(UDataMemory* file, const char16_t* trie);

  UDataMemory* file_;  // kept open for the process's life: the trie is in it
  const char16_t* trie_;
  std::vector<FirstStep> first_;  // by character, from U+4E00
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_HAN_WORDS_H_
