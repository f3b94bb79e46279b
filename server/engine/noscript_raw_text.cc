#include "server/engine/noscript_raw_text.h"

#include "absl/strings/str_cat.h"
#include "server/engine/dom.h"

namespace lede::engine {
namespace {

// Where the first "</noscript" that ends a tag name stands in `text`; npos
// when none does (HTML's appropriate end tag: the name, then white space,
// "/" or ">").
size_t FindNoscriptEnd(absl::string_view text) {
  for (size_t at = text.find("</"); at != absl::string_view::npos;
       at = text.find("</", at + 2)) {
    if (TagNameAt(text, at + 2, "noscript")) return at;
  }
  return absl::string_view::npos;
}

}  // namespace

void RawTextPastNoscripts::Note(const GumboNode* node, GumboTag tag,
                                int depth) {
  if (tag == GUMBO_TAG_NOSCRIPT) {
    if (noscript_depth_ < 0) {
      noscript_ = node;
      noscript_depth_ = depth;
      browser_end_.reset();
    }
    return;
  }
  const bool inside = noscript_depth_ >= 0;
  if (!inside) {
    if (noscript_->v.element.original_end_tag.length > 0) return;
    if (!browser_end_) browser_end_ = BrowserEnd(noscript_);
    if (*browser_end_ == absl::string_view::npos) return;
  }
  const GumboVector* children = Children(node);
  for (unsigned int i = 0; i < children->length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children->data[i]);
    if (child->type != GUMBO_NODE_TEXT) continue;
    // The text as written, where gumbo read it in the parsed HTML.
    const size_t start = child->v.text.start_pos.offset;
    if (start > html_.size()) continue;
    const absl::string_view written =
        html_.substr(start, child->v.text.original_text.length);
    if (!inside) {
      // The <noscript> before it ends in its text, or not at all.
      if (*browser_end_ < start || *browser_end_ >= start + written.size()) {
        continue;
      }
      ends_.push_back({*browser_end_, tag});
      return;
    }
    const size_t at = FindNoscriptEnd(written);
    if (at == absl::string_view::npos) continue;
    ends_.push_back({start + at, tag});
    return;
  }
}

size_t RawTextPastNoscripts::BrowserEnd(const GumboNode* noscript) const {
  // Past its start tag, where gumbo read it in the parsed HTML.
  const size_t from = noscript->v.element.start_pos.offset +
                      noscript->v.element.original_tag.length;
  if (from > html_.size()) return absl::string_view::npos;
  const size_t at = FindNoscriptEnd(html_.substr(from, kNoscriptReach));
  return at == absl::string_view::npos ? at : from + at;
}

std::string CloseRawText(absl::string_view html,
                         const std::vector<RawTextEnd>& ends) {
  std::string closed;
  closed.reserve(html.size() + 16 * ends.size());
  size_t copied = 0;
  for (const RawTextEnd& end : ends) {
    if (end.offset < copied || end.offset > html.size()) continue;
    absl::StrAppend(&closed, html.substr(copied, end.offset - copied), "</",
                    gumbo_normalized_tagname(end.tag), ">");
    copied = end.offset;
  }
  absl::StrAppend(&closed, html.substr(copied));
  return closed;
}

}  // namespace lede::engine
