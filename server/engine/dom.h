// Stage 3, parse: HTML -> a gumbo tree, plus the helpers every later stage
// uses to read it. Traversal is iterative: page depth never reaches the
// C++ stack.
#ifndef LEDE_SERVER_ENGINE_DOM_H_
#define LEDE_SERVER_ENGINE_DOM_H_

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/engine/limits.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace lede::engine {

class ElementReads;
class BlankCheck;
class RawTextPastNoscripts;
class StubCheck;

class GumboArena;

// A parsed document. Owns the gumbo tree; move-only.
class Dom {
 public:
  // Parses `html`, with segments a streaming renderer sent out of order put
  // where they belong (streamed_segments.h) and raw text a <noscript> let
  // run on closed where a browser ends it (noscript_raw_text.h).
  // RESOURCE_EXHAUSTED when the tree is deeper or larger than `limits`
  // allow; DEADLINE_EXCEEDED when `deadline` has passed.
  static absl::StatusOr<Dom> Parse(std::string html, const Limits& limits,
                                   absl::Time deadline);
  // The same for the HTML framed from a document of `document_bytes` as
  // sent (a Markdown or text document, or HTML in another charset), whose
  // size sets its node budget (--max_nodes_per_mb).
  static absl::StatusOr<Dom> Parse(std::string html, size_t document_bytes,
                                   const Limits& limits, absl::Time deadline);

  Dom(Dom&&) noexcept;
  Dom& operator=(Dom&&) noexcept;
  ~Dom();

  const GumboNode* document() const { return output_->document; }
  // The <html> element.
  const GumboNode* root() const { return output_->root; }
  // <head> and <body>; never null for a parsed document.
  const GumboNode* head() const { return head_; }
  const GumboNode* body() const { return body_; }
  size_t node_count() const { return node_count_; }
  // Of which elements (GUMBO_NODE_ELEMENT): a stage that keeps a record of
  // each element sizes its table from this once.
  size_t element_count() const { return element_count_; }
  // The <noscript> and <h1> elements, in document order, listed by the walk
  // that checks the tree's size while gumbo's nodes are still in the cache:
  // the content stage reads them (content::ReadAnyway) instead of walking
  // the whole tree again.
  const std::vector<const GumboNode*>& noscripts_and_h1s() const {
    return noscripts_and_h1s_;
  }
  // The form's fields (<input>, <select> and <textarea> elements), in
  // document order, listed by the same walk: the content stage leaves
  // their labels out (content::FieldLabels).
  const std::vector<const GumboNode*>& fields() const { return fields_; }

 private:
  Dom() = default;

  // What Parse may still rewrite and parse again: the streamed segments
  // once; the raw text of a <noscript> a few times, since each parse can
  // bring to light a <noscript> the last one read as another's text. And
  // whether it may cut the text no stage reads (inert_text.h) and blank
  // repeated attribute names (repeated_attributes.h), which it does not
  // when the page, parsed so, says to parse it as sent.
  struct Rewrites {
    bool place_segments = true;
    int close_raw_text = 3;
    bool cut_inert_text = true;
    bool blank_repeated_attributes = true;
  };
  static absl::StatusOr<Dom> Parse(std::string html, const NodeBudget& nodes,
                                   const Limits& limits, absl::Time deadline,
                                   Rewrites rewrites);
  // What SurveyTree found: the deepest node (the walk goes no deeper than
  // one below its `max_depth`), the nodes, the elements.
  struct Survey {
    int max_depth = 0;
    size_t nodes = 0;
    size_t elements = 0;
  };
  // The walk over the parsed tree while its nodes are in the cache: counts
  // them, lists the noscripts, h1s and fields, and shows each element to
  // `raw_text`, `stubs` and `blanks`.
  Survey SurveyTree(int max_depth, RawTextPastNoscripts* raw_text,
                    StubCheck* stubs, BlankCheck* blanks);
  // Points head_ and body_ at the root's; INTERNAL when it has none.
  absl::Status FindHeadAndBody();

  // Gumbo allocates from the arena and the tree is dropped with it, because
  // gumbo_destroy_output recurses once per level of nesting.
  std::unique_ptr<GumboArena> arena_;
  // Gumbo's nodes point into the source text, so the Dom keeps it.
  std::unique_ptr<std::string> source_;
  GumboOutput* output_ = nullptr;
  const GumboNode* head_ = nullptr;
  const GumboNode* body_ = nullptr;
  size_t node_count_ = 0;
  size_t element_count_ = 0;
  std::vector<const GumboNode*> noscripts_and_h1s_;
  std::vector<const GumboNode*> fields_;
};

// Calls `visit(node, depth)` for `root` and every node below it, in document
// order. When `visit` returns false the node's children are skipped.
template <typename Visit>
void WalkTree(const GumboNode* root, Visit visit);

// Like WalkTree, and also calls `leave(node)` after an element's children.
template <typename Visit, typename Leave>
void WalkTree(const GumboNode* root, Visit visit, Leave leave);

// One walk over the tree, as WalkTree runs one: Enter(node) says whether the
// walk goes into the node's children, and Leave(node) follows them.
class TreeVisitor {
 public:
  virtual ~TreeVisitor() = default;
  virtual bool Enter(const GumboNode* node) = 0;
  virtual void Leave(const GumboNode* node) = 0;
  // The ElementReads (element_reads.h) the walk reads elements with, which
  // a walk run with it (WalkTogether) may share; null for none.
  virtual ElementReads* element_reads() { return nullptr; }
};

// WalkTree(root) with `visitor`'s Enter and Leave (a name of its own: a
// template WalkTree would take a pointer to a derived visitor as `visit`).
void WalkTreeWith(const GumboNode* root, TreeVisitor* visitor);

// Two walks in one pass over the tree, while its nodes are in the cache: the
// calls `first` gets are those WalkTree(first_root) would make, and so are
// those `second` gets, from `second_root`, in the same order. The pass goes
// into a node when either walk does.
void WalkTogether(const GumboNode* first_root, TreeVisitor* first,
                  const GumboNode* second_root, TreeVisitor* second);

// The value of attribute `name` on an element, or "" when absent.
// `name` is in lower case, as gumbo stores the names of HTML attributes.
absl::string_view Attribute(const GumboNode* node, const char* name);

// Attribute `name` (lower case) of an element or a <template>, or null when
// it has none (or `node` is neither): tells an empty attribute from none.
const GumboAttribute* FindAttribute(const GumboNode* node, const char* name);

// An attribute's name as gumbo stores it (NUL-terminated, lower case for
// HTML attributes), compared with a name the code spells out without being
// measured first: a walk that reads a few attributes of every element asks
// several times of each name whether it is one of them, and most names
// differ from the one asked for at their first byte.
class AttributeName {
 public:
  explicit AttributeName(const char* name) : name_(name) {}

  // Compares up to the first byte that differs, the terminating NUL
  // included, so no byte past the name's end is read.
  template <size_t N>
  bool operator==(const char (&other)[N]) const {
    for (size_t i = 0; i < N; ++i) {
      if (name_[i] != other[i]) return false;
    }
    return true;
  }

 private:
  const char* name_;
};

// Calls `visit(name, value)` for each attribute of element `node`, in source
// order, until `visit` returns false: one pass for a walk that reads several
// attributes of every element (gumbo lowercases HTML attribute names).
// `name` is an AttributeName and `value` is NUL-terminated: a visitor
// measures (makes a string_view of) only the values it reads, since the
// others (srcset, style, data blobs) are most of a page's markup.
template <typename Visit>
void ForEachAttribute(const GumboNode* node, Visit visit);

// Whether the element's class or id attribute holds a match of `pattern`.
bool ClassOrIdMatches(const GumboNode* node, const re2::RE2& pattern);

// Whether an element with tag `tag` is somewhere below `node`.
bool HasDescendant(const GumboNode* node, GumboTag tag);

// True for an element node with tag `tag`.
bool IsElement(const GumboNode* node, GumboTag tag);

// The element's tag name in lower case ("div", or the original name for
// unknown tags such as custom elements).
std::string TagName(const GumboNode* node);

// The element's tag name as the page wrote it ("Dialog", "my-widget"),
// without copying it; empty for an element the parser added. For tags
// gumbo does not know (GUMBO_TAG_UNKNOWN), where TagName would copy.
absl::string_view OriginalTagName(const GumboNode* node);

// Elements that start a block of their own (a paragraph, a heading, a list,
// a table row or cell...), as opposed to inline ones.
bool IsBlockTag(GumboTag tag);

// All text below `node`, skipping script/style/template, with white space
// collapsed. A block element (IsBlockTag) or a <br> starts with a space, so
// it is not glued to the text before it (the text right after a block's end
// is, as before: "<div>a</div>b" reads "ab").
std::string TextContent(const GumboNode* node);

// TextContent(node) when it is at most `max_bytes` long, else nullopt: the
// walk stops as soon as the text is certainly longer (a byline's element
// that turns out to hold the whole article is not read to its end).
std::optional<std::string> TextContentWithin(const GumboNode* node,
                                             size_t max_bytes);

// The children of an element or document, empty for other nodes.
const GumboVector* Children(const GumboNode* node);

// ---- implementation of the templates ----

template <typename Visit, typename Leave>
void WalkTree(const GumboNode* root, Visit visit, Leave leave) {
  struct Frame {
    const GumboNode* node;
    unsigned int next_child;
  };
  if (root == nullptr) return;
  std::vector<Frame> stack;
  if (!visit(root, 0)) return;
  stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* children = Children(top.node);
    if (children == nullptr || top.next_child >= children->length) {
      const GumboNode* done = top.node;
      stack.pop_back();
      leave(done);
      continue;
    }
    const auto* child =
        static_cast<const GumboNode*>(children->data[top.next_child++]);
    if (visit(child, static_cast<int>(stack.size()))) {
      stack.push_back({child, 0});
    }
  }
}

template <typename Visit>
void ForEachAttribute(const GumboNode* node, Visit visit) {
  const GumboVector& attributes = node->v.element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto* attribute =
        static_cast<const GumboAttribute*>(attributes.data[i]);
    if (!visit(AttributeName(attribute->name), attribute->value)) {
      return;
    }
  }
}

template <typename Visit>
void WalkTree(const GumboNode* root, Visit visit) {
  WalkTree(root, visit, [](const GumboNode*) {});
}

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_DOM_H_
