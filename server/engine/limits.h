// Limits the engine enforces on every document. The server exposes each as a
// flag; the CLI uses the same defaults.
#ifndef LEDE_SERVER_ENGINE_LIMITS_H_
#define LEDE_SERVER_ENGINE_LIMITS_H_

#include <cstddef>

namespace lede::engine {

struct Limits {
  // Largest document accepted, in bytes.
  size_t max_input_bytes = 16 << 20;
  // Deepest element nesting accepted in the parsed tree.
  int max_depth = 1024;
  // Most DOM nodes accepted in the parsed tree.
  size_t max_nodes = 2'000'000;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_LIMITS_H_
