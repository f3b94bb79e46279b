// libFuzzer target: the nesting scan does not read a document much deeper
// than the tree gumbo builds from it (else it would refuse a page gumbo
// accepts). Its bound is loose where the scan follows the adoption agency
// loosely: formatting elements misnested around blocks, over and over, read
// up to about twice gumbo's depth (nesting.h); anything past that is a bug.
#include <gumbo.h>

#include <algorithm>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "server/engine/dom.h"
#include "server/engine/gumbo_arena.h"
#include "server/engine/nesting.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // gumbo is quadratic in the nesting
  const std::string html(reinterpret_cast<const char*>(data), size);
  lede::engine::GumboArena arena;
  GumboOptions options = arena.Options();
  GumboOutput* output =
      gumbo_parse_with_options(&options, html.data(), html.size());
  int deepest = 0;
  lede::engine::WalkTree(output->document, [&](const GumboNode*, int depth) {
    deepest = std::max(deepest, depth);
    return true;
  });
  if (lede::engine::ScanNestingDepth(html, INT_MAX) > 2 * deepest + 8) {
    std::abort();
  }
  return 0;
}
