// Part of stage 3, parse: how deep a document nests, read from its markup
// before gumbo builds the tree. Gumbo's tree construction checks scopes by
// walking the stack of open elements, so a document of N unclosed <div>s
// costs it N^2 steps (50 000 took 7 s); this scan refuses such a document
// in one pass.
#ifndef LEDE_SERVER_ENGINE_NESTING_H_
#define LEDE_SERVER_ENGINE_NESTING_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/engine/limits.h"

namespace lede::engine {

// What the pre-scan of a document read.
struct MarkupScan {
  // The deepest depth the scan's stack of open elements reached (the tree's
  // depth counts the document node as 0, <html> 1, <body> 2), a lower bound
  // of the parsed tree's.
  int depth = 0;
  // The comparisons gumbo's tokenizer makes to find duplicate attributes
  // (each distinct name on a start tag against every one before it), counted
  // on tags of 1024 attributes or more only: a lower bound of gumbo's.
  uint64_t attribute_checks = 0;
  // The most distinct attributes on one of those tags (0 when none).
  size_t most_attributes = 0;
  // The nodes the tree builder surely makes: an element for each start tag
  // it keeps, a text node for text right after one: a lower bound of the
  // parsed tree's nodes.
  size_t nodes = 0;
};

// Reads `html`'s tags with the HTML tokenizer's rules for comments, raw text
// and attributes, and follows the stack of open elements with the tree
// builder's rules for the tags that close others implicitly (p, li, dd/dt,
// option, table parts, ruby, headings, formatting elements, foreign
// content, with the namespace of each open element: <mi> or <desc> ends a
// scope only as a MathML or SVG element, and a start tag breaks out of it
// only where the current node is foreign), and the list of active formatting
// elements that the tree builder reopens before text and inline elements
// (misnested <b><i>x</b>, repeated, nests three levels deeper at each
// repetition: the scan refuses it as soon as gumbo would build it too deep,
// instead of the parse budget stopping gumbo after its quadratic work). Where
// those rules are not followed exactly, the scan closes more elements than
// gumbo would, so its depth is a lower bound of the parsed tree's: on every
// bench page and on the shapes of nesting_test.cc. One exception, found by
// fuzzing: the scan reads the deepest the stack of open elements gets, and
// an adoption agency run late can make the finished tree shallower than the
// stack was (<i>, then <b><b><b><ul> repeated, then </i>: the <b>s off the
// list of active formatting elements close, and the lists move up out of
// them; 35 levels on the stack, 15 in the tree). Such a document is as deep
// in gumbo too, while it parses, when the scan refuses it. Returns
// RESOURCE_EXHAUSTED, the error DepthLimitError gives,
// as soon as that depth passes `limits.max_depth`. It also counts the
// duplicate-attribute checks gumbo's tokenizer would make (quadratic in the
// attributes of one tag: 100 000 on one element would take it minutes), and
// returns RESOURCE_EXHAUSTED naming --max_parse_ms_per_mb when even at a fast
// machine's pace they would take more than the parse budget
// (bounded_parse.h) that would stop gumbo. Otherwise OK. Linear in `html`'s
// size, apart from hashing the names of a tag with 1024 attributes or more.
// RESOURCE_EXHAUSTED, by NodeLimitError, also when the scan counts more
// nodes than `nodes` allows.
absl::Status CheckMarkup(absl::string_view html, const Limits& limits,
                         const NodeBudget& nodes);
// CheckMarkup with the node budget of a document of html.size() bytes.
absl::Status CheckMarkup(absl::string_view html, const Limits& limits);

// The scan behind CheckMarkup. Stops reading once the depth passes
// `stop_above`.
MarkupScan ScanMarkup(absl::string_view html, int stop_above);

// ScanMarkup's depth.
int ScanNestingDepth(absl::string_view html, int stop_above);

// The error for a document that nests elements deeper than `max_depth`,
// from the scan and from the parsed tree alike.
absl::Status DepthLimitError(int max_depth);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_NESTING_H_
