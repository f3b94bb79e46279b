// Part of stage 3, parse: how deep a document nests, read from its markup
// before gumbo builds the tree. Gumbo's tree construction checks scopes by
// walking the stack of open elements, so a document of N unclosed <div>s
// costs it N^2 steps (50 000 took 7 s); this scan refuses such a document
// in one pass.
#ifndef LEDE_SERVER_ENGINE_NESTING_H_
#define LEDE_SERVER_ENGINE_NESTING_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace lede::engine {

// Reads `html`'s tags with the HTML tokenizer's rules for comments, raw text
// and attributes, and follows the stack of open elements with the tree
// builder's rules for the tags that close others implicitly (p, li, dd/dt,
// option, table parts, ruby, headings, formatting elements, foreign
// content). Where those rules are not followed exactly, the scan closes
// more elements than gumbo would, so its depth is a lower bound of the
// parsed tree's: on every bench page and on the shapes of nesting_test.cc.
// One exception, found by fuzzing: formatting elements misnested around
// blocks over and over (<b>x<div><x<b> </b></p><p><b> </b></p> repeated)
// run the adoption agency in ways the scan follows loosely, and it can
// read up to about twice gumbo's depth; such a document is hundreds of
// elements deep in gumbo too before the scan refuses it. Returns
// RESOURCE_EXHAUSTED, the error DepthLimitError gives, as soon as that depth
// passes `max_depth`; otherwise OK. Linear in `html`'s size.
absl::Status CheckNestingDepth(absl::string_view html, int max_depth);

// The scan behind CheckNestingDepth: the deepest depth the scan's stack of
// open elements reached (the tree's depth counts the document node as 0,
// <html> 1, <body> 2), a lower bound of the parsed tree's. Stops reading
// once the depth passes `stop_above`.
int ScanNestingDepth(absl::string_view html, int stop_above);

// The error for a document that nests elements deeper than `max_depth`,
// from the scan and from the parsed tree alike.
absl::Status DepthLimitError(int max_depth);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_NESTING_H_
