// For tests and fuzzers: whether the tree Dom::Parse made (which may have
// cut texts no stage reads, inert_text.h) is the tree gumbo makes of the
// page as sent.
#ifndef LEDE_SERVER_ENGINE_SAME_TREE_TESTING_H_
#define LEDE_SERVER_ENGINE_SAME_TREE_TESTING_H_

#include <gumbo.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace lede::engine::testing_only {

// "" when `parsed` (Dom::Parse's) and `sent` (gumbo_parse of the page as
// sent) are the same tree: node for node the same types, tags, namespaces,
// attributes and texts, but for the text of a <script> or <style> that
// `parsed` has cut to its one byte `stub`. Else what differs first.
inline std::string DifferenceFromSent(const GumboNode* parsed,
                                      const GumboNode* sent, char stub) {
  std::vector<std::pair<const GumboNode*, const GumboNode*>> pending = {
      {parsed, sent}};
  while (!pending.empty()) {
    const auto [a, b] = pending.back();
    pending.pop_back();
    const std::string at = absl::StrCat(
        " (node of type ", b->type, " at byte ",
        b->type == GUMBO_NODE_ELEMENT    ? b->v.element.start_pos.offset
        : b->type == GUMBO_NODE_DOCUMENT ? 0
                                         : b->v.text.start_pos.offset,
        ")");
    if (a->type != b->type) {
      // A cut text is a text node; a text of white space only is not cut.
      return absl::StrCat("node types ", a->type, " and ", b->type, at);
    }
    if (a->type == GUMBO_NODE_TEXT || a->type == GUMBO_NODE_WHITESPACE ||
        a->type == GUMBO_NODE_CDATA || a->type == GUMBO_NODE_COMMENT) {
      const absl::string_view ta = a->v.text.text;
      const absl::string_view tb = b->v.text.text;
      const GumboNode* parent = b->parent;
      const bool in_raw_text = parent != nullptr &&
                               parent->type == GUMBO_NODE_ELEMENT &&
                               (parent->v.element.tag == GUMBO_TAG_SCRIPT ||
                                parent->v.element.tag == GUMBO_TAG_STYLE);
      if (ta != tb && !(in_raw_text && ta == absl::string_view(&stub, 1))) {
        return absl::StrCat("texts \"", ta.substr(0, 40), "\" and \"",
                            tb.substr(0, 40), "\"", at);
      }
      continue;
    }
    const GumboVector* ca = nullptr;
    const GumboVector* cb = nullptr;
    if (a->type == GUMBO_NODE_DOCUMENT) {
      ca = &a->v.document.children;
      cb = &b->v.document.children;
    } else {
      const GumboElement& ea = a->v.element;
      const GumboElement& eb = b->v.element;
      if (ea.tag != eb.tag || ea.tag_namespace != eb.tag_namespace) {
        return absl::StrCat("tags ", ea.tag, " and ", eb.tag, at);
      }
      if (ea.attributes.length != eb.attributes.length) {
        return absl::StrCat("attribute counts", at);
      }
      for (unsigned int i = 0; i < ea.attributes.length; ++i) {
        const auto* x =
            static_cast<const GumboAttribute*>(ea.attributes.data[i]);
        const auto* y =
            static_cast<const GumboAttribute*>(eb.attributes.data[i]);
        if (absl::string_view(x->name) != y->name ||
            absl::string_view(x->value) != y->value) {
          return absl::StrCat("attributes ", x->name, " and ", y->name, at);
        }
      }
      ca = &ea.children;
      cb = &eb.children;
    }
    if (ca->length != cb->length) {
      return absl::StrCat("child counts ", ca->length, " and ", cb->length, at);
    }
    for (unsigned int i = ca->length; i > 0; --i) {
      pending.emplace_back(static_cast<const GumboNode*>(ca->data[i - 1]),
                           static_cast<const GumboNode*>(cb->data[i - 1]));
    }
  }
  return "";
}

}  // namespace lede::engine::testing_only

#endif  // LEDE_SERVER_ENGINE_SAME_TREE_TESTING_H_
