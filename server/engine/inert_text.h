// Part of stage 3, parse: the text of <script> and <style> elements is a
// third of the bytes of the bench's pages (203 of 598 MB), and gumbo reads
// it a character at a time, each one a token that the tree builder appends
// to a text node: a quarter or more of its time. No stage reads most of it
// (the metadata stage reads JSON-LD and the scripts that name a publishing
// date; nothing reads a style sheet). So the parse gives gumbo the page with
// each such text cut to one byte, and then checks in the tree that gumbo
// read each cut one as the text of a script or style element, where the
// pre-scan (nesting.h) said it would; when it did not, it parses the page as
// sent. The tree is the one the page as sent makes, less the cut text.
// The content of inline SVG (icons, logos, charts drawn as paths) is cut the
// same way: about a tenth of the bench pages' bytes besides scripts and
// styles, which gumbo reads as elements, each attribute matched against
// SVG's 60 mixed-case names. No stage enters an <svg> for what it shows.
// What is cut is content that the pre-scan read as SVG elements only,
// closed in it, without text (MarkupScan::svg_contents), which cannot change
// the tree outside its <svg>; the check in the tree is that the one byte
// left is the only child of an SVG <svg> element.
#ifndef LEDE_SERVER_ENGINE_INERT_TEXT_H_
#define LEDE_SERVER_ENGINE_INERT_TEXT_H_

#include <gumbo.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "server/engine/nesting.h"

namespace lede::engine {

// What a cut text becomes: one byte, so that its element keeps a text node
// as it had, and not white space, which gumbo gives a node type of its own.
inline constexpr char kInertTextStub = ';';
// What an <svg>'s content becomes: white space, as the content cut holds no
// other text (where text would tell the tree builder that a <frameset>
// after it no longer replaces the body).
inline constexpr char kSvgContentStub = ' ';

// A page with texts cut, and where each cut text's one byte is.
struct InertTextCut {
  std::string html;
  // Offsets in `html`, ascending.
  std::vector<size_t> stubs;
  // Those of `stubs` that stand for an <svg>'s content (kSvgContentStub),
  // ascending.
  std::vector<size_t> svg_stubs;
  // Where each cut text ended in the page before the cut, one a stub.
  std::vector<size_t> cut_ends;

  // Where byte `offset` of the page before the cut, outside the cut texts,
  // is in `html`.
  size_t Moved(size_t offset) const;
  // Where byte `offset` of `html` was in the page before the cut (a stub:
  // the last byte of the text it stands for).
  size_t Source(size_t offset) const;
};

// `html` with the text of each element of `spans` (ScanMarkup's, of `html`)
// that no stage reads, and that gumbo ends where the scan did whatever state
// its tokenizer is in, cut to kInertTextStub, and each of `svg_contents`
// (ScanMarkup's too) to kSvgContentStub; nullopt when nothing is cut.
// Linear in `html`'s size.
std::optional<InertTextCut> CutInertText(
    absl::string_view html, absl::Span<const RawTextSpan> spans,
    absl::Span<const ByteRange> svg_contents);

// Finds the stubs of an InertTextCut in the tree gumbo parsed from its html:
// each must be the whole text of a <script> or <style> in the HTML namespace,
// or, for an <svg>'s content, of an <svg> in the SVG namespace.
class StubCheck {
 public:
  // `stubs` and `svg_stubs` ascending (InertTextCut's); none for a page not
  // cut.
  StubCheck(absl::Span<const size_t> stubs, absl::Span<const size_t> svg_stubs)
      : stubs_(stubs), svg_stubs_(svg_stubs) {}

  // Counts `element`'s text when it is one of the stubs.
  void VisitElement(const GumboNode* element);
  // Whether every stub was found: the page as sent parses to the same tree,
  // but for the texts cut.
  bool AllFound() const { return found_ == stubs_.size(); }

 private:
  absl::Span<const size_t> stubs_;
  absl::Span<const size_t> svg_stubs_;
  size_t found_ = 0;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_INERT_TEXT_H_
