#include "server/engine/han_words.h"

#include <unicode/ucharstrie.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>

#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

// ICU's dictionary file (DictionaryData in ICU's dictionarydata.h): int32
// indexes first, the trie at the offset of index 0; index 4 holds the trie's
// type in its low three bits, 1 for a trie of UTF-16 units.
constexpr int kTrieOffsetIndex = 0;
constexpr int kTrieTypeIndex = 4;
constexpr int32_t kTrieTypeMask = 7;
constexpr int32_t kTrieTypeUChars = 1;

// CjkBreakEngine's constants: the longest word the dictionary is asked for,
// in characters, and the cost of a character no dictionary word of one
// character matches.
constexpr int32_t kMaxWordLength = 20;
constexpr uint32_t kUnknownCharacterCost = 255;
constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();

constexpr int32_t kIdeographs = kCjkUnifiedLast - kCjkUnifiedFirst + 1;

// The trie after a pair of ideographs, as the walk from the first's
// FirstStep goes on with the second: its state (when next() had more to
// match), its value (when it had one), and a key that holds the pair and
// next()'s result, so that an entry is 16 bytes.
struct PairStep {
  uint64_t state = 0;
  int32_t cost = 0;
  // (the pair + 1) << 2 | the UStringTrieResult, the pair being each
  // ideograph's offset from U+4E00 (15 bits), the first's shifted by 15;
  // 0 in a slot no pair has filled.
  uint32_t key = 0;

  UStringTrieResult result() const {
    return static_cast<UStringTrieResult>(key & 3);
  }
};

// ICU's engine walks the trie from a character's node at each character of
// a run, and the nodes below the first characters (hundreds of second
// characters each, searched as a tree of comparisons spread over the 2 MB
// trie) leave the cache between one page and the next. A thread keeps the
// step after the pairs it met last, one a slot by a hash of the pair: 512
// KB, in a core's L2. (A table of all 180 000 pairs of the dictionary, made
// once, was not kept: han_words.h.) Slots of 24 bytes, 4 096 of them, took
// MeasureText over the 98 Chinese texts of the bench, each once in a fresh
// process, from 30.9 ms to 28.6 ms; 16 384, 27.9; 65 536, 27.5; these
// 32 768 of 16 bytes, 27.0. Prefetching the slot and the FirstStep of the
// character two ahead made no difference that the noise did not hide (27.8
// against 26.7 ms).
constexpr int kPairSlotBits = 15;
using PairSteps = std::array<PairStep, size_t{1} << kPairSlotBits>;

// The step after `first`, `second` (each a CJK Unified Ideograph), from
// `first_state`, the trie's state after `first`: from `pairs` when it holds
// the pair, else walked with `walker` and kept there.
const PairStep& StepAfterPair(char16_t first, char16_t second,
                              uint64_t first_state, icu::UCharsTrie* walker,
                              PairSteps* pairs) {
  const uint32_t pair = (static_cast<uint32_t>(first - kCjkUnifiedFirst) << 15 |
                         static_cast<uint32_t>(second - kCjkUnifiedFirst)) +
                        1;
  PairStep& step = (*pairs)[(pair * 0x9E3779B1u) >> (32 - kPairSlotBits)];
  if (step.key >> 2 == pair) return step;
  walker->resetToState64(first_state);
  const UStringTrieResult result = walker->next(second);
  step.key = pair << 2 | result;
  if (USTRINGTRIE_HAS_VALUE(result)) step.cost = walker->getValue();
  if (USTRINGTRIE_HAS_NEXT(result)) step.state = walker->getState64();
  return step;
}

}  // namespace

const HanSegmenter* HanSegmenter::Get() {
  static const HanSegmenter* const segmenter = []() -> const HanSegmenter* {
    UErrorCode status = U_ZERO_ERROR;
    UDataMemory* file =
        udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict",
                   "cjdict", &status);
    if (U_FAILURE(status)) return nullptr;
    const auto* bytes = static_cast<const uint8_t*>(udata_getMemory(file));
    const auto* indexes = reinterpret_cast<const int32_t*>(bytes);
    if ((indexes[kTrieTypeIndex] & kTrieTypeMask) != kTrieTypeUChars) {
      udata_close(file);
      return nullptr;
    }
    return new HanSegmenter(file, reinterpret_cast<const char16_t*>(
                                      bytes + indexes[kTrieOffsetIndex]));
  }();
  return segmenter;
}

HanSegmenter::HanSegmenter(UDataMemory* file, const char16_t* trie)
    : file_(file), trie_(trie), first_(kIdeographs) {
  icu::UCharsTrie walker(trie_);
  for (int32_t i = 0; i < kIdeographs; ++i) {
    FirstStep& step = first_[i];
    const UStringTrieResult result = walker.first(kCjkUnifiedFirst + i);
    step.result = result;
    if (USTRINGTRIE_HAS_VALUE(result)) step.cost = walker.getValue();
    if (USTRINGTRIE_HAS_NEXT(result)) step.state = walker.getState64();
  }
}

// CjkBreakEngine::divideUpDictionaryRange for a run of ideographs (no
// katakana, nothing that NFKC changes, one UTF-16 unit a character): at
// each reached character, each dictionary word that starts there (as
// UCharsDictionaryMatcher::matches finds them, up to kMaxWordLength and the
// run's end) lowers the cost of reaching its end; a character that starts
// no word of one character is a word of its own at kUnknownCharacterCost.
// The cheapest way to the run's end gives the words.
void HanSegmenter::Segment(const char16_t* run, int32_t length,
                           std::vector<int32_t>* ends,
                           std::vector<uint32_t>* costs,
                           std::vector<int32_t>* previous) const {
  costs->assign(length + 1, kUnreached);
  previous->assign(length + 1, -1);
  (*costs)[0] = 0;
  auto reach = [&](int32_t from, int32_t word_length, uint32_t cost) {
    const uint32_t total = (*costs)[from] + cost;
    if (total < (*costs)[from + word_length]) {
      (*costs)[from + word_length] = total;
      (*previous)[from + word_length] = from;
    }
  };
  icu::UCharsTrie walker(trie_);
  // On the heap, made at a thread's first run: as a thread_local array it
  // would be 512 KB of static TLS in every thread of the process, carved
  // out of each thread's stack, Han text or not.
  thread_local std::unique_ptr<PairSteps> pairs;
  if (pairs == nullptr) pairs = std::make_unique<PairSteps>();
  for (int32_t i = 0; i < length; ++i) {
    if ((*costs)[i] == kUnreached) continue;
    const FirstStep& first = first_[run[i] - kCjkUnifiedFirst];
    const auto first_result = static_cast<UStringTrieResult>(first.result);
    const bool one_character_word = USTRINGTRIE_HAS_VALUE(first_result);
    if (one_character_word) reach(i, 1, static_cast<uint32_t>(first.cost));
    const int32_t last = std::min(length, i + kMaxWordLength);
    if (USTRINGTRIE_HAS_NEXT(first_result) && i + 1 < last) {
      const PairStep& pair =
          StepAfterPair(run[i], run[i + 1], first.state, &walker, pairs.get());
      if (USTRINGTRIE_HAS_VALUE(pair.result())) {
        reach(i, 2, static_cast<uint32_t>(pair.cost));
      }
      if (USTRINGTRIE_HAS_NEXT(pair.result())) {
        walker.resetToState64(pair.state);
        for (int32_t k = i + 2; k < last; ++k) {
          const UStringTrieResult result = walker.next(run[k]);
          if (USTRINGTRIE_HAS_VALUE(result)) {
            reach(i, k - i + 1, static_cast<uint32_t>(walker.getValue()));
          }
          if (!USTRINGTRIE_HAS_NEXT(result)) break;
        }
      }
    }
    if (!one_character_word) reach(i, 1, kUnknownCharacterCost);
  }
  const size_t first_end = ends->size();
  for (int32_t at = length; at > 0; at = (*previous)[at]) ends->push_back(at);
  std::reverse(ends->begin() + first_end, ends->end());
}

}  // namespace lede::engine
