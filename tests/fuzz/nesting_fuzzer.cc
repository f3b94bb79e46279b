// libFuzzer target: the markup pre-scan does not read a document much
// deeper than the tree gumbo builds from it, nor count more nodes than it
// has (else --max_depth or --max_nodes_per_mb would refuse a page gumbo
// builds within them). The depth bound is loose where the scan follows the
// adoption agency loosely: formatting elements misnested around blocks, over
// and over, read up to about twice gumbo's depth (nesting.h); anything past
// that is a bug. The node count is a lower bound, exactly.
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
  size_t nodes = 0;  // as Dom::Parse counts them against the node budget
  lede::engine::WalkTree(output->document, [&](const GumboNode*, int depth) {
    deepest = std::max(deepest, depth);
    ++nodes;
    return true;
  });
  const lede::engine::MarkupScan scan = lede::engine::ScanMarkup(html, INT_MAX);
  if (scan.depth > 2 * deepest + 8) std::abort();
  if (scan.nodes > nodes) std::abort();
  return 0;
}
