// For nesting_test.cc and tests/fuzz/nesting_fuzzer.cc: what gumbo builds
// from a document, measured the way the pre-scan's guarantee (nesting.h)
// is stated, so that the tests check the scan against gumbo itself.
#ifndef LEDE_SERVER_ENGINE_NESTING_TESTING_H_
#define LEDE_SERVER_ENGINE_NESTING_TESTING_H_

#include <gumbo.h>

#include <algorithm>
#include <climits>
#include <cstddef>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/engine/bounded_parse.h"
#include "server/engine/dom.h"
#include "server/engine/gumbo_arena.h"
#include "server/engine/limits.h"

namespace lede::engine {

// The depth of the tree gumbo builds and its nodes, as Dom::Parse
// measures them.
struct GumboTree {
  int depth = 0;
  size_t nodes = 0;
};

// Gumbo's tree of `html`, without the engine's time and memory budgets;
// nullptr where the markup fails one of gumbo's own checks, which would
// abort the process outside ParseWithinBudget (the engine refuses such a
// document: bounded_parse.h).
inline GumboOutput* ParseUnbounded(GumboArena& arena, absl::string_view html) {
  Limits unbounded;
  unbounded.max_parse_ms_per_mb = INT_MAX / 2;
  unbounded.max_parse_mb_per_mb = INT_MAX / 2;
  absl::StatusOr<GumboOutput*> output =
      ParseWithinBudget(arena, html, absl::InfiniteFuture(), unbounded);
  return output.ok() ? *output : nullptr;
}

// Depth -1 and no nodes where gumbo fails one of its own checks.
inline GumboTree GumboMeasure(absl::string_view html) {
  GumboArena arena;
  GumboOutput* output = ParseUnbounded(arena, html);
  if (output == nullptr) return {-1, 0};
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
