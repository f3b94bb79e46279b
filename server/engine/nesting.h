// Part of stage 3, parse: how deep a document nests, read from its markup
// before gumbo builds the tree. Gumbo's tree construction checks scopes by
// walking the stack of open elements, so a document of N unclosed <div>s
// costs it N^2 steps (50 000 took 7 s); this scan refuses such a document
// in one pass.
//
// What --max_depth bounds is the deepest the tree gets while gumbo builds
// it: each node counts at the depth where the tree builder puts it (the
// document node at 0, <html> 1, <body> 2), before an adoption agency run
// moves it up. That is the depth of the stack of open elements whose walks
// make gumbo quadratic (less the table parts' content foster-parented
// beside its table), and the finished tree is never deeper. It can be much
// shallower: a late end tag of a formatting element (or a second <a>) that
// finds blocks opened inside it runs the adoption agency, which closes the
// elements between it and the block that are off the list of active
// formatting elements and moves the block up, eight blocks an end tag.
// <i>, <span><span><span><ul> x 300, </i> x 40 gets 1203 levels deep, and
// its finished tree 305: it is refused at the default 1024, because gumbo
// would do its quadratic work before the lists move up. A <frameset> that
// replaces the body drops the body's elements, however deep they got.
// Dom::Parse checks the finished tree as well, for what the scan (a lower
// bound, below) let through.
#ifndef LEDE_SERVER_ENGINE_NESTING_H_
#define LEDE_SERVER_ENGINE_NESTING_H_

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/engine/limits.h"
#include "server/engine/repeated_attributes.h"

namespace lede::engine {

// A <script> or <style> element's text, as the scan read it: from its start
// tag's '<' and the byte after its '>' to the '<' of the first end tag of
// its name (inert_text.h says when that is where gumbo ends it too).
struct RawTextSpan {
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  size_t tag_begin = 0;
  size_t text_begin = 0;
  size_t text_end = 0;
};

// What the pre-scan of a document read.
struct MarkupScan {
  // The deepest the tree got while the scan followed its building: the
  // depth where the deepest element was opened (the document node at 0,
  // <html> 1, <body> 2). As ScanMarkup says, a lower bound of the deepest
  // gumbo's tree gets while gumbo builds it but where the scan follows the
  // adoption agency loosely; the finished tree can be shallower.
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
  // The <script> and <style> elements read, in document order, where the
  // scan read an end tag after them.
  std::vector<RawTextSpan> scripts_and_styles;
  // The names of value-less attributes that repeat a name written before
  // them in their start tag and have another attribute after them, in
  // document order (repeated_attributes.h: gumbo recording no errors runs
  // each into the next attribute's name).
  std::vector<ByteRange> repeated_attribute_names;
  // The content of each <svg> the HTML rules opened (from the byte after its
  // start tag's '>' to the '<' of the end tag that closes it) that holds
  // nothing but SVG elements closed inside it, white space and comments: no
  // text, no tag that breaks out of SVG, no HTML integration point
  // (<foreignObject>, <desc>, <title>, where the HTML rules apply again), no
  // <math>, no end tag that closes an element outside it, no repeated
  // attribute name. Such content changes nothing outside its <svg> as gumbo
  // builds the tree (inert_text.h cuts it), where the scan read its tags as
  // gumbo does.
  std::vector<ByteRange> svg_contents;
};

// Reads `html`'s tags with the HTML tokenizer's rules for comments, raw text
// (where the tree builder's HTML rules switch to it: not after an SVG or MathML
// <style>, nor a tag a select or a frameset drops) and attributes, and follows
// the stack of open elements with the tree builder's rules for the tags that
// close others implicitly (p, li, dd/dt, option, table parts, ruby, headings,
// formatting elements, foreign content, with the namespace of each open
// element: <mi> or <desc> ends a scope only as a MathML or SVG element, a start
// tag breaks out of it only where the current node is foreign, and an end tag
// closes a foreign element by its name as written), and the list of active
// formatting elements that the tree builder reopens before text and inline
// elements (misnested <b><i>x</b>, repeated, nests three levels deeper at each
// repetition: the scan refuses it as soon as gumbo would build it too deep,
// instead of the parse budget stopping gumbo after its quadratic work), and the
// adoption agency that moves blocks up. Where those rules are not followed
// exactly, the scan closes more elements than gumbo would, so its depth is a
// lower bound of the deepest gumbo's tree gets while gumbo builds it (the top
// of this file): on every bench page and on the shapes of nesting_test.cc.
// Fuzzing (nesting_fuzzer, which measures that depth on the trees gumbo builds
// from the document's prefixes, and allows twice it and 8) found documents read
// deeper where the scan left a formatting element closed that gumbo reopened
// (an <a> in an <li> the next <li> closes): the scan now keeps where gumbo's
// copy is, and opens it there for the adoption agency of the next <a>
// (crash-81fffb7b: 107 read, 48 while gumbo built it, now 44; crash-30cb361d:
// 47, 33, now 32). A few levels more remain on some fuzz inputs (at most 4, on
// 5 of 400 of its corpus).
// Returns RESOURCE_EXHAUSTED, the error DepthLimitError gives, as soon as
// that depth passes `limits.max_depth`. It also counts the duplicate-attribute
// checks gumbo's tokenizer would make (quadratic in the attributes of one tag:
// 100 000 on one element would take it minutes), and returns RESOURCE_EXHAUSTED
// naming
// --max_parse_ms_per_mb when even at a fast machine's pace they would take more
// than the parse budget (bounded_parse.h) that would stop gumbo. Otherwise OK.
// Linear in `html`'s size, apart from hashing the names of a tag with 1024
// attributes or more. RESOURCE_EXHAUSTED, by NodeLimitError, also when the scan
// counts more nodes than `nodes` allows.
// With `scan`, sets it to what the scan read (when OK).
absl::Status CheckMarkup(absl::string_view html, const Limits& limits,
                         const NodeBudget& nodes, MarkupScan* scan = nullptr);
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
