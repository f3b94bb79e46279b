// For the tests of the block passes (block_passes_test.cc,
// thread_lines_test.cc): what a pass left, as texts to compare.
#ifndef LEDE_SERVER_ENGINE_BLOCK_TESTING_H_
#define LEDE_SERVER_ENGINE_BLOCK_TESTING_H_

#include <string>
#include <vector>

#include "server/engine/block.h"

namespace lede::engine {

// The text of each of `blocks`, in order.
inline std::vector<std::string> Texts(const std::vector<Block>& blocks) {
  std::vector<std::string> texts;
  texts.reserve(blocks.size());
  for (const Block& block : blocks) texts.push_back(block.text);
  return texts;
}

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_BLOCK_TESTING_H_
