// libFuzzer target: the markup pre-scan reads no document much deeper than
// gumbo's tree gets while gumbo builds it, nor counts more nodes than the
// finished tree has (else --max_depth or --max_nodes_per_mb would refuse a
// page gumbo builds within them). --max_depth bounds the deepest the tree
// gets while it is built (nesting.h): an adoption agency run late can leave
// the finished tree much shallower, so that depth is gumbo's own, measured
// on the trees gumbo builds from the document's prefixes (nesting_testing.h).
// The depth bound is loose where the scan follows the adoption agency
// loosely (a formatting element closed with the block around it is not
// reopened): it reads up to about twice gumbo's depth; anything past twice
// and 8 is a bug. The node count is a lower bound, exactly.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "server/engine/nesting.h"
#include "server/engine/nesting_testing.h"

namespace {

// The least depth of gumbo's tree that allows the scan's `depth`: at most
// twice it, and 8.
int Needed(int depth) { return (depth - 8 + 1) / 2; }

// The length of the shortest prefix of `html` that the scan reads `depth`
// deep, the whole scan's depth: the scan's depth only grows as it reads.
size_t ShortestAsDeep(const std::string& html, int depth) {
  size_t low = 0, high = html.size();
  while (low < high) {
    const size_t middle = low + (high - low) / 2;
    const absl::string_view prefix(html.data(), middle);
    if (lede::engine::ScanMarkup(prefix, depth - 1).depth >= depth) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return high;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // gumbo is quadratic in the nesting
  const std::string html(reinterpret_cast<const char*>(data), size);
  const lede::engine::GumboTree tree = lede::engine::GumboMeasure(html);
  // Markup that fails one of gumbo's own checks is refused whatever the
  // scan reads (crash-9eea4dd7 aborted here before gumbo was bounded).
  if (tree.depth < 0) return 0;
  const lede::engine::MarkupScan scan = lede::engine::ScanMarkup(html, INT_MAX);
  if (scan.nodes > tree.nodes) std::abort();
  // The tree was at least as deep while gumbo built it as when finished:
  // most documents pass by it. The others are parsed again up to where the
  // scan read its deepest, where gumbo's tree is most often as deep (a
  // hint: gumbo's depth decides), and else up to each tag.
  const int needed = Needed(scan.depth);
  if (tree.depth >= needed) return 0;
  const absl::string_view deepest(html.data(),
                                  ShortestAsDeep(html, scan.depth));
  if (lede::engine::GumboDepth(deepest) >= needed) return 0;
  if (lede::engine::GumboDeepestWhileParsing(html, needed - 1) < needed) {
    std::abort();
  }
  return 0;
}
