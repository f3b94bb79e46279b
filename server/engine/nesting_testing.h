// For nesting_test.cc and tests/fuzz/nesting_fuzzer.cc: what gumbo builds
// from a document, measured the way the pre-scan's guarantee (nesting.h)
// is stated, so that the tests check the scan against gumbo itself.
#ifndef LEDE_SERVER_ENGINE_NESTING_TESTING_H_
#define LEDE_SERVER_ENGINE_NESTING_TESTING_H_

#include <gumbo.h>

#include <algorithm>
#include <cstddef>

#include "absl/strings/string_view.h"
#include "server/engine/dom.h"
#include "server/engine/gumbo_arena.h"

namespace lede::engine {

// The depth of the tree gumbo builds and its nodes, as Dom::Parse
// measures them.
struct GumboTree {
  int depth = 0;
  size_t nodes = 0;
};

inline GumboTree GumboMeasure(absl::string_view html) {
  GumboArena arena;
  GumboOptions options = arena.Options();
  GumboOutput* output =
      gumbo_parse_with_options(&options, html.data(), html.size());
  GumboTree tree;
  WalkTree(output->document, [&](const GumboNode*, int depth) {
    tree.depth = std::max(tree.depth, depth);
    ++tree.nodes;
    return true;
  });
  return tree;
}

inline int GumboDepth(absl::string_view html) {
  return GumboMeasure(html).depth;
}

// The deepest gumbo's tree gets while gumbo builds it from `html`, or a
// depth past `enough` as soon as one is found: the deepest of the trees it
// finishes from the document's prefixes that end just before a '<', just
// after a '>' or at the end. Gumbo's tree builder inserts every node as it
// reads the token that makes it, and the adoption agency, run later by a
// misnested end tag, moves blocks up (nothing moves a node down); at the
// end of the input it only closes what is open. So the tree finished from
// a prefix is the tree as it was when gumbo had read that far (but for a
// comment or text cut short, one leaf more), and every node gumbo inserts
// is in the prefix that ends at the next tag, where it has not moved yet.
// Quadratic: a parse for each tag. The longest prefixes go first: a tree
// shallower at the end was deepest before the late end tags that moved it
// up, most often near the end.
inline int GumboDeepestWhileParsing(absl::string_view html, int enough) {
  int deepest = 0;
  for (size_t end = html.size() + 1; end-- > 0 && deepest <= enough;) {
    const bool cut = end == html.size() || html[end] == '<' ||
                     (end > 0 && html[end - 1] == '>');
    if (cut) deepest = std::max(deepest, GumboDepth(html.substr(0, end)));
  }
  return deepest;
}

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_NESTING_TESTING_H_
