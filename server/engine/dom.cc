#include "server/engine/dom.h"

#include <cstdlib>
#include <cstring>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "re2/re2.h"
#include "server/engine/bounded_parse.h"
#include "server/engine/gumbo_arena.h"
#include "server/engine/inert_text.h"
#include "server/engine/nesting.h"
#include "server/engine/noscript_raw_text.h"
#include "server/engine/repeated_attributes.h"
#include "server/engine/streamed_segments.h"
#include "server/engine/text_util.h"

namespace lede::engine {

Dom::Dom(Dom&&) noexcept = default;
Dom& Dom::operator=(Dom&&) noexcept = default;
Dom::~Dom() = default;

absl::StatusOr<Dom> Dom::Parse(std::string html, const Limits& limits,
                               absl::Time deadline) {
  const size_t bytes = html.size();
  return Parse(std::move(html), bytes, limits, deadline);
}

absl::StatusOr<Dom> Dom::Parse(std::string html, size_t document_bytes,
                               const Limits& limits, absl::Time deadline) {
  return Parse(std::move(html), NodesAllowed(document_bytes, limits), limits,
               deadline, Rewrites());
}

namespace {

// The page gumbo is given, rewritten, and what its tree must show to be
// kept: the stubs of the texts cut and the names blanked, at their offsets
// in the rewritten page.
struct RewrittenPage {
  std::string as_sent;  // the page as sent; empty when not rewritten
  std::optional<InertTextCut> cut;  // its html moved out: the page parsed
  std::vector<BlankedName> blanked;

  // Where byte `offset` of the page parsed is in the page as sent (a blank
  // keeps the page's length).
  size_t SourceOffset(size_t offset) const {
    return cut ? cut->Source(offset) : offset;
  }
};

// Rewrites `html` as `scan` read it: blanks its repeated attribute names
// when `blank` says to, and cuts its inert texts when `cut` does.
RewrittenPage Rewrite(const MarkupScan& scan, bool blank, bool cut,
                      std::string* html) {
  RewrittenPage page;
  // Blanked first: a blank keeps the page's length, so the scan's offsets
  // hold for the cut.
  if (blank && !scan.repeated_attribute_names.empty()) {
    page.as_sent = *html;
    page.blanked = BlankAttributeNames(scan.repeated_attribute_names, html);
  }
  if (cut) {
    page.cut = CutInertText(*html, scan.scripts_and_styles, scan.svg_contents);
  }
  if (!page.cut) return page;
  if (page.blanked.empty()) page.as_sent = std::move(*html);
  *html = std::move(page.cut->html);
  for (BlankedName& name : page.blanked) {
    name.range = {page.cut->Moved(name.range.begin),
                  page.cut->Moved(name.range.end)};
  }
  return page;
}

}  // namespace

absl::StatusOr<Dom> Dom::Parse(std::string html, const NodeBudget& node_budget,
                               const Limits& limits, absl::Time deadline,
                               Rewrites rewrites) {
  // Refused before gumbo builds the tree, whose cost grows with the square
  // of the nesting, or of the attributes on one element, or that holds more
  // elements than its size allows.
  MarkupScan scan;
  if (absl::Status markup = CheckMarkup(html, limits, node_budget, &scan);
      !markup.ok()) {
    return markup;
  }
  const size_t html_bytes = html.size();
  RewrittenPage rewritten = Rewrite(scan, rewrites.blank_repeated_attributes,
                                    rewrites.cut_inert_text, &html);
  Dom dom;
  dom.arena_ = std::make_unique<GumboArena>(GumboArena::Chunks::kThreadCache);
  dom.source_ = std::make_unique<std::string>(std::move(html));
  absl::StatusOr<GumboOutput*> output = ParseWithinBudget(
      *dom.arena_, *dom.source_, html_bytes, deadline, limits);
  if (!output.ok()) return output.status();
  dom.output_ = *output;
  if (dom.output_ == nullptr || dom.output_->root == nullptr) {
    return absl::InternalError("the HTML parser produced no tree");
  }
  if (absl::Now() > deadline) {
    return absl::DeadlineExceededError(
        "deadline passed while parsing the HTML");
  }
  RawTextPastNoscripts raw_text(*dom.source_);
  StubCheck stubs =
      rewritten.cut ? StubCheck(rewritten.cut->stubs, rewritten.cut->svg_stubs)
                    : StubCheck({}, {});
  BlankCheck blanks(std::move(rewritten.blanked));
  const auto [max_depth, nodes, elements] =
      dom.SurveyTree(limits.max_depth, &raw_text, &stubs, &blanks);
  if (!stubs.AllFound() || !blanks.AllFound()) {
    rewrites.cut_inert_text = false;
    rewrites.blank_repeated_attributes = false;
    return Parse(std::move(rewritten.as_sent), node_budget, limits, deadline,
                 rewrites);
  }
  // The pages parsed again (segments placed, raw text closed) are made of
  // the page as sent, found in the tree of its rewrite, and rewritten
  // afresh: what this tree showed of the rewrite need not hold where the
  // page changed (a cut style moved into a <select>, which drops its tag and
  // keeps its text: fuzz regression crash-c8a7c1f6).
  const absl::string_view source = rewritten.as_sent.empty()
                                       ? absl::string_view(*dom.source_)
                                       : rewritten.as_sent;
  const auto source_offset = [&rewritten](size_t offset) {
    return rewritten.SourceOffset(offset);
  };
  // The page with its segments placed holds no placed segment.
  if (rewrites.place_segments && MayHoldStreamedSegments(*dom.source_)) {
    std::optional<std::string> placed =
        PlaceStreamedSegments(dom.output_->document, source, source_offset);
    if (placed) {
      return Parse(
          std::move(*placed), node_budget, limits, deadline,
          {.place_segments = false, .close_raw_text = rewrites.close_raw_text});
    }
  }
  if (!raw_text.ends().empty() && rewrites.close_raw_text > 0) {
    std::vector<RawTextEnd> ends = raw_text.ends();
    for (RawTextEnd& end : ends) end.offset = source_offset(end.offset);
    return Parse(CloseRawText(source, ends), node_budget, limits, deadline,
                 {.place_segments = rewrites.place_segments,
                  .close_raw_text = rewrites.close_raw_text - 1});
  }
  if (max_depth > limits.max_depth) return DepthLimitError(limits.max_depth);
  if (nodes > node_budget.nodes) {
    return NodeLimitError(nodes, "nodes", node_budget);
  }
  dom.node_count_ = nodes;
  dom.element_count_ = elements;
  if (absl::Status found = dom.FindHeadAndBody(); !found.ok()) return found;
  return dom;
}

Dom::Survey Dom::SurveyTree(int max_depth, RawTextPastNoscripts* raw_text,
                            StubCheck* stubs, BlankCheck* blanks) {
  Survey survey;
  WalkTree(output_->document, [&](const GumboNode* node, int depth) {
    ++survey.nodes;
    survey.max_depth = std::max(survey.max_depth, depth);
    if (node->type == GUMBO_NODE_ELEMENT) {
      ++survey.elements;
      raw_text->VisitElement(node, depth);
      stubs->VisitElement(node);
      blanks->VisitElement(node);
      switch (node->v.element.tag) {
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_H1:
          noscripts_and_h1s_.push_back(node);
          break;
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
          fields_.push_back(node);
          break;
        default:
          break;
      }
    }
    return depth <= max_depth;
  });
  return survey;
}

absl::Status Dom::FindHeadAndBody() {
  const GumboVector& children = output_->root->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (IsElement(child, GUMBO_TAG_HEAD)) head_ = child;
    if (IsElement(child, GUMBO_TAG_BODY)) body_ = child;
  }
  if (head_ == nullptr || body_ == nullptr) {
    return absl::InternalError("the HTML parser produced no head or body");
  }
  return absl::OkStatus();
}

namespace {

// A node the joint pass of WalkTogether is in, and which walks went in.
struct JointFrame {
  const GumboNode* node;
  unsigned int next_child;
  bool first_in;
  bool second_in;
};

}  // namespace

void WalkTogether(const GumboNode* first_root, TreeVisitor* first,
                  const GumboNode* second_root, TreeVisitor* second) {
  bool second_reached = false;
  std::vector<JointFrame> stack;
  // Offers `node` to the walks that reach it; the pass goes in when either
  // walk does.
  auto offer = [&](const GumboNode* node, bool to_first, bool to_second) {
    const bool first_in = to_first && first->Enter(node);
    const bool second_in = to_second && second->Enter(node);
    second_reached |= to_second;
    if (first_in || second_in) stack.push_back({node, 0, first_in, second_in});
  };
  if (first_root != nullptr) {
    offer(first_root, true, first_root == second_root);
  }
  while (!stack.empty()) {
    JointFrame& top = stack.back();
    const GumboVector* children = Children(top.node);
    if (children == nullptr || top.next_child >= children->length) {
      const JointFrame done = top;
      stack.pop_back();
      if (done.second_in) second->Leave(done.node);
      if (done.first_in) first->Leave(done.node);
      continue;
    }
    const auto* child =
        static_cast<const GumboNode*>(children->data[top.next_child++]);
    offer(child, top.first_in, top.second_in || child == second_root);
  }
  // Outside the first walk: the second goes alone.
  if (!second_reached) {
    WalkTreeWith(second_root, second);
  }
}

void WalkTreeWith(const GumboNode* root, TreeVisitor* visitor) {
  WalkTree(
      root, [&](const GumboNode* node, int) { return visitor->Enter(node); },
      [&](const GumboNode* node) { visitor->Leave(node); });
}

const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    return &node->v.element.children;
  }
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  return nullptr;
}

absl::string_view Attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attribute = FindAttribute(node, name);
  return attribute == nullptr ? absl::string_view() : attribute->value;
}

const GumboAttribute* FindAttribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
    return nullptr;
  }
  // Gumbo lowercases attribute names as it reads them (SVG's and MathML's
  // camelCase ones aside, which no caller asks for), so an exact comparison
  // finds what gumbo_get_attribute's case-blind strcasecmp would, for a
  // fraction of its cost: class, id, href... are looked up on every element
  // by several stages.
  const GumboVector& attributes = node->v.element.attributes;
  for (unsigned int i = 0; i < attributes.length; ++i) {
    const auto* attribute =
        static_cast<const GumboAttribute*>(attributes.data[i]);
    if (attribute->name[0] == name[0] &&
        std::strcmp(attribute->name, name) == 0) {
      return attribute;
    }
  }
  return nullptr;
}

bool ClassOrIdMatches(const GumboNode* node, const re2::RE2& pattern) {
  for (absl::string_view value :
       {Attribute(node, "class"), Attribute(node, "id")}) {
    if (!value.empty() && re2::RE2::PartialMatch(Piece(value), pattern)) {
      return true;
    }
  }
  return false;
}

bool HasDescendant(const GumboNode* node, GumboTag tag) {
  bool found = false;
  WalkTree(node, [&](const GumboNode* child, int depth) {
    if (depth > 0 && IsElement(child, tag)) found = true;
    return !found;
  });
  return found;
}

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::string TagName(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return "";
  GumboTag tag = node->v.element.tag;
  if (tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(tag);
  return absl::AsciiStrToLower(OriginalTagName(node));
}

absl::string_view OriginalTagName(const GumboNode* node) {
  GumboStringPiece original = node->v.element.original_tag;
  gumbo_tag_from_original_text(&original);
  return absl::string_view(original.data, original.length);
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

namespace {

// The text TextContent collapses, appended to `raw`. With a `max_kept`,
// the walk stops (and says false) once the bytes CollapseWhitespace
// certainly keeps of it pass `max_kept`.
bool RawTextContent(const GumboNode* node, std::optional<size_t> max_kept,
                    std::string* raw) {
  size_t kept = 0;
  bool within = true;
  WalkTree(node, [&](const GumboNode* n, int) {
    if (!within) return false;
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE: {
        const absl::string_view text(n->v.text.text);
        raw->append(text.data(), text.size());
        if (max_kept) {
          kept += CollapsedSizeAtLeast(text);
          within = kept <= *max_kept;
        }
        return false;
      }
      case GUMBO_NODE_ELEMENT: {
        GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
            tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_NOSCRIPT ||
            tag == GUMBO_TAG_RT || tag == GUMBO_TAG_RP) {
          return false;
        }
        if (tag == GUMBO_TAG_BR || IsBlockTag(tag)) raw->push_back(' ');
        return true;
      }
      default:
        return n->type == GUMBO_NODE_DOCUMENT;
    }
  });
  return within;
}

}  // namespace

std::string TextContent(const GumboNode* node) {
  std::string raw;
  RawTextContent(node, std::nullopt, &raw);
  return CollapseWhitespace(raw);
}

std::optional<std::string> TextContentWithin(const GumboNode* node,
                                             size_t max_bytes) {
  std::string raw;
  // The bytes certainly kept are a lower bound of the text's size, summed
  // text by text (CollapsedSizeAtLeast's bounds add up).
  if (!RawTextContent(node, max_bytes, &raw)) return std::nullopt;
  std::string text = CollapseWhitespace(raw);
  if (text.size() > max_bytes) return std::nullopt;
  return text;
}

}  // namespace lede::engine
