// For tests and fuzzers: whether the tree Dom::Parse made (which may have
// cut texts no stage reads, inert_text.h, and blanked repeated attribute
// names, repeated_attributes.h) is the tree gumbo makes of the page as sent.
#ifndef LEDE_SERVER_ENGINE_SAME_TREE_TESTING_H_
#define LEDE_SERVER_ENGINE_SAME_TREE_TESTING_H_

#include <gumbo.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/engine/gumbo_arena.h"
#include "server/engine/inert_text.h"

namespace lede::engine::testing_only {

// Gumbo's options as Dom::Parse gives them (`arena`'s), but recording every
// parse error: then gumbo drops a repeated attribute as the HTML standard
// does (repeated_attributes.h), the tree Dom::Parse is to make.
inline GumboOptions RecordingErrors(GumboArena* arena) {
  GumboOptions options = arena->Options();
  options.max_errors = -1;
  return options;
}

// Whether `x` and `y` have the same attributes, in the same order.
inline bool SameAttributes(const GumboElement& x, const GumboElement& y) {
  if (x.attributes.length != y.attributes.length) return false;
  for (unsigned int i = 0; i < x.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(x.attributes.data[i]);
    const auto* b = static_cast<const GumboAttribute*>(y.attributes.data[i]);
    if (absl::string_view(a->name) != b->name ||
        absl::string_view(a->value) != b->value) {
      return false;
    }
  }
  return true;
}

// Whether `element`, of the tree Dom::Parse made, is an SVG <svg> whose
// content was cut to its one byte of white space.
inline bool IsCutSvg(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_SVG ||
      element.tag_namespace != GUMBO_NAMESPACE_SVG ||
      element.children.length != 1) {
    return false;
  }
  const auto* only = static_cast<const GumboNode*>(element.children.data[0]);
  return only->type == GUMBO_NODE_WHITESPACE &&
         absl::string_view(only->v.text.text) ==
             absl::string_view(&kSvgContentStub, 1);
}

// "" when `parsed` (Dom::Parse's) and `sent` (gumbo_parse of the page as
// sent) are the same tree: node for node the same types, tags, namespaces,
// attributes and texts, but for the text of a <script> or <style> that
// `parsed` has cut to its one byte `stub`, and the content of an <svg> cut
// to its one byte of white space. With `sent_otherwise` (gumbo's
// tree of the same page with other options: the same nodes, attributes
// perhaps read otherwise), an element's attributes may be either tree's.
// Else what differs first.
inline std::string DifferenceFromSent(
    const GumboNode* parsed, const GumboNode* sent, char stub,
    const GumboNode* sent_otherwise = nullptr) {
  struct Nodes {
    const GumboNode* parsed;
    const GumboNode* sent;
    const GumboNode* otherwise;  // null past a node unlike `sent`'s
  };
  std::vector<Nodes> pending = {{parsed, sent, sent_otherwise}};
  while (!pending.empty()) {
    const auto [a, b, c] = pending.back();
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
    const bool alike = c != nullptr && c->type == b->type;
    const GumboVector* cc = nullptr;
    if (a->type == GUMBO_NODE_DOCUMENT) {
      ca = &a->v.document.children;
      cb = &b->v.document.children;
      if (alike) cc = &c->v.document.children;
    } else {
      const GumboElement& ea = a->v.element;
      const GumboElement& eb = b->v.element;
      if (ea.tag != eb.tag || ea.tag_namespace != eb.tag_namespace) {
        return absl::StrCat("tags ", ea.tag, " and ", eb.tag, at);
      }
      if (!SameAttributes(ea, eb) &&
          !(alike && SameAttributes(ea, c->v.element))) {
        return absl::StrCat("attributes", at);
      }
      if (IsCutSvg(ea) && !IsCutSvg(eb)) continue;
      ca = &ea.children;
      cb = &eb.children;
      if (alike) cc = &c->v.element.children;
    }
    if (ca->length != cb->length) {
      return absl::StrCat("child counts ", ca->length, " and ", cb->length, at);
    }
    if (cc != nullptr && cc->length != cb->length) cc = nullptr;
    for (unsigned int i = ca->length; i > 0; --i) {
      pending.push_back({static_cast<const GumboNode*>(ca->data[i - 1]),
                         static_cast<const GumboNode*>(cb->data[i - 1]),
                         cc == nullptr
                             ? nullptr
                             : static_cast<const GumboNode*>(cc->data[i - 1])});
    }
  }
  return "";
}

// DifferenceFromSent of `parsed` and gumbo's tree of `page` when it records
// its errors (RecordingErrors): the tree Dom::Parse is to make of `page`.
inline std::string DifferenceFromStandard(const GumboNode* parsed,
                                          absl::string_view page, char stub) {
  GumboArena arena;
  GumboOptions options = RecordingErrors(&arena);
  GumboOutput* sent =
      gumbo_parse_with_options(&options, page.data(), page.size());
  return DifferenceFromSent(parsed, sent->document, stub);
}

}  // namespace lede::engine::testing_only

#endif  // LEDE_SERVER_ENGINE_SAME_TREE_TESTING_H_
