// Part of stage 3, parse: gumbo parses as a browser with scripting off
// does, so a <noscript>'s content is markup to it. A raw-text element in
// there that is never closed, most often Google Tag Manager's
// `<noscript><iframe .../></noscript>` written self-closed (an <iframe> is
// not a void element, so "/>" does not close it), reads the rest of the page
// as its text, past the </noscript>. A browser runs scripts: it reads the
// <noscript> itself as raw text, which ends at the first </noscript>, and
// shows the page after it. These find where such an element runs past its
// <noscript>'s end and close it there, so that gumbo reads the page as a
// browser shows it.
#ifndef LEDE_SERVER_ENGINE_NOSCRIPT_RAW_TEXT_H_
#define LEDE_SERVER_ENGINE_NOSCRIPT_RAW_TEXT_H_

#include <gumbo.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/raw_text.h"

namespace lede::engine {

// Where a raw-text element that ran past its <noscript>'s end should end:
// before the "</noscript" at `offset` of the parsed HTML, with its own end
// tag.
struct RawTextEnd {
  size_t offset = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
};

// Follows a walk over a tree gumbo parsed from `html` (every element in
// document order, with its depth) and notes each such element that ran past
// the end a browser gives its <noscript>: the first "</noscript" (in any
// case, ending the tag name) in its text. The <noscript> is the one the
// element is in, or else the last one before it when gumbo closed that one
// without an end tag (a <noscript> in the head holds only <link>, <meta> and
// <style> to gumbo, which leaves it, and the head, at any other element) and
// a browser ends it within kNoscriptReach bytes of its start tag.
class RawTextPastNoscripts {
 public:
  static constexpr size_t kNoscriptReach = 4096;

  explicit RawTextPastNoscripts(absl::string_view html) : html_(html) {}

  // The walk's next element, at `depth`. Inline: the walk meets every
  // element, and most are neither a <noscript> nor after one.
  void VisitElement(const GumboNode* element, int depth) {
    if (depth <= noscript_depth_) noscript_depth_ = -1;
    const GumboTag tag = element->v.element.tag;
    if (tag == GUMBO_TAG_NOSCRIPT ||
        (noscript_ != nullptr && EndsOnlyAtItsEndTag(tag))) {
      Note(element, tag, depth);
    }
  }

  // Where each element noted should end, in document order.
  const std::vector<RawTextEnd>& ends() const { return ends_; }

 private:
  absl::string_view html_;
  // The <noscript> the walk is in (at noscript_depth_), else the last one
  // it left; -1 outside them.
  const GumboNode* noscript_ = nullptr;
  int noscript_depth_ = -1;
  // Where a browser ends noscript_ when gumbo closed it without an end tag,
  // looked for at its first raw-text element after it; npos for nowhere
  // within reach.
  std::optional<size_t> browser_end_;
  std::vector<RawTextEnd> ends_;

  // VisitElement's slow path.
  void Note(const GumboNode* element, GumboTag tag, int depth);
  // Where a browser ends `noscript` (its offset in html_), when it does
  // within kNoscriptReach bytes of its start tag; npos otherwise.
  size_t BrowserEnd(const GumboNode* noscript) const;
};

// `html` with each element's end tag inserted at its place (`ends` in
// document order).
std::string CloseRawText(absl::string_view html,
                         const std::vector<RawTextEnd>& ends);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_NOSCRIPT_RAW_TEXT_H_
