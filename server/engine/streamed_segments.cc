#include "server/engine/streamed_segments.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server/engine/dom.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

// A byte range of the source.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// How deep segments that hold placeholders are followed: as deep as a
// page's boundaries nest, and no deeper than this.
constexpr int kMaxSegmentNesting = 32;

// A hidden segment: the whole element, and what is inside it.
struct Segment {
  Span outer;
  Span inner;
  bool has_placeholder = false;
  bool placed = false;
};

// What the rewrite does at a span: leave a segment out where it sits, or put
// one in for a placeholder (and its fallback).
struct Edit {
  Span span;
  Segment* segment;  // the segment left out, or the one put in
  bool put_in;
};

// The span of an element from its start tag to the end of its end tag; empty
// when either tag was implied rather than written.
std::optional<Span> ElementSpan(const GumboNode* node) {
  const GumboElement& element = node->v.element;
  if (element.original_tag.length == 0 ||
      element.original_end_tag.length == 0) {
    return std::nullopt;
  }
  return Span{element.start_pos.offset,
              element.end_pos.offset + element.original_end_tag.length};
}

// Where a boundary's fallback ends: at its closing `<!--/$-->` comment among
// the placeholder's next siblings (nested boundaries open with "$", "$?" or
// "$!"). Without one (a page saved without its comments) only the
// placeholder goes.
size_t FallbackEnd(const GumboNode* placeholder, size_t placeholder_end) {
  const GumboVector& siblings = placeholder->parent->v.element.children;
  int depth = 0;
  for (unsigned int i = placeholder->index_within_parent + 1;
       i < siblings.length; ++i) {
    const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
    if (sibling->type != GUMBO_NODE_COMMENT) continue;
    absl::string_view text = sibling->v.text.text;
    if (text == "/$") {
      if (depth == 0) return sibling->v.text.start_pos.offset;
      --depth;
    } else if (text == "$" || text == "$?" || text == "$!") {
      ++depth;
    }
  }
  return placeholder_end;
}

// The id of an element or a <template> (gumbo's Attribute reads elements
// only).
absl::string_view IdOf(const GumboNode* node) {
  const GumboAttribute* id = FindAttribute(node, "id");
  return id == nullptr ? absl::string_view() : absl::string_view(id->value);
}

void Emit(absl::string_view html, Span range, const std::vector<Edit>& edits,
          int depth, std::string* out) {
  size_t pos = range.begin;
  auto it = std::lower_bound(
      edits.begin(), edits.end(), range.begin,
      [](const Edit& edit, size_t begin) { return edit.span.begin < begin; });
  for (; it != edits.end() && it->span.begin < range.end; ++it) {
    if (it->span.begin < pos || it->span.end > range.end) continue;
    out->append(html.data() + pos, it->span.begin - pos);
    pos = it->span.end;
    // A segment is put in once.
    if (it->put_in && !it->segment->placed && depth < kMaxSegmentNesting) {
      it->segment->placed = true;
      Emit(html, it->segment->inner, edits, depth + 1, out);
    }
  }
  out->append(html.data() + pos, range.end - pos);
}

}  // namespace

bool MayHoldStreamedSegments(absl::string_view html) {
  // Every page is searched whole (ContainsBytes: absl::StrContains took
  // 0.4 % of the engine's time here, a ninth of the parse stage's own).
  return ContainsBytes(html, "<div hidden id=\"S:");
}

std::optional<std::string> PlaceStreamedSegments(const GumboNode* document,
                                                 absl::string_view html) {
  return PlaceStreamedSegments(document, html,
                               [](size_t offset) { return offset; });
}

std::optional<std::string> PlaceStreamedSegments(
    const GumboNode* document, absl::string_view source,
    absl::FunctionRef<size_t(size_t)> source_offset) {
  const auto in_source = [&](Span span) {
    return Span{source_offset(span.begin), source_offset(span.end)};
  };
  absl::flat_hash_map<std::string, Segment> segments;
  std::vector<const GumboNode*> placeholders;
  WalkTree(document, [&](const GumboNode* node, int) {
    // Gumbo gives <template> a node type of its own.
    const bool placeholder = node->type == GUMBO_NODE_TEMPLATE;
    if (node->type == GUMBO_NODE_DOCUMENT) return true;
    if (node->type != GUMBO_NODE_ELEMENT && !placeholder) return false;
    absl::string_view id = IdOf(node);
    if (id.size() <= 2 || id[1] != ':') return true;
    if (placeholder && (id[0] == 'B' || id[0] == 'P')) {
      placeholders.push_back(node);
    } else if (id[0] == 'S' && IsElement(node, GUMBO_TAG_DIV) &&
               FindAttribute(node, "hidden") != nullptr) {
      if (std::optional<Span> outer = ElementSpan(node)) {
        const GumboElement& element = node->v.element;
        segments[id.substr(2)] = Segment{
            in_source(*outer),
            in_source({element.start_pos.offset + element.original_tag.length,
                       element.end_pos.offset})};
      }
    }
    return true;
  });
  if (segments.empty()) return std::nullopt;
  // A segment moves only when it has a placeholder; one without stays put.
  std::vector<Edit> edits;
  for (const GumboNode* placeholder : placeholders) {
    absl::string_view id = IdOf(placeholder);
    auto found = segments.find(id.substr(2));
    std::optional<Span> span = ElementSpan(placeholder);
    if (found == segments.end() || !span) continue;
    if (id[0] == 'B') span->end = FallbackEnd(placeholder, span->end);
    if (!found->second.has_placeholder) {
      found->second.has_placeholder = true;
      edits.push_back({found->second.outer, &found->second, false});
    }
    edits.push_back({in_source(*span), &found->second, true});
  }
  if (edits.empty()) return std::nullopt;
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.span.begin < b.span.begin;
  });
  std::string out;
  out.reserve(source.size());
  Emit(source, {0, source.size()}, edits, 0, &out);
  return out;
}

}  // namespace lede::engine
