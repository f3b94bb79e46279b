#include "server/engine/block_builders.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "server/engine/content_rules.h"
#include "server/engine/content_tree.h"
#include "server/engine/dom.h"
#include "server/engine/images.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine::content {

std::optional<Block> ImageBlock(const GumboNode* img, std::string caption,
                                absl::string_view base_url) {
  ImageSource source = PickImageSource(img);
  if (source.url.empty()) return std::nullopt;
  std::string url = ResolveUrl(base_url, source.url);
  if (url.empty()) return std::nullopt;
  if (source.element != img && Attribute(img, "width").empty()) {
    img = source.element;  // the <noscript> copy carries the attributes
  }
  Block block;
  block.kind = BlockKind::kFigure;
  block.image.url = std::move(url);
  block.image.alt = CollapseWhitespace(Attribute(img, "alt"));
  block.image.width = ParseDimension(Attribute(img, "width"));
  block.image.height = ParseDimension(Attribute(img, "height"));
  if (block.image.width == 0) {
    block.image.width = ParseDimension(Attribute(img, "data-width"));
  }
  if (block.image.height == 0) {
    block.image.height = ParseDimension(Attribute(img, "data-height"));
  }
  // Tracking pixels and icons are not article images.
  if ((block.image.width > 0 && block.image.width < 50) ||
      (block.image.height > 0 && block.image.height < 50)) {
    return std::nullopt;
  }
  block.image.caption = caption;
  block.text = std::move(caption);
  return block;
}

bool IsFigureOfBlocks(const GumboNode* figure) {
  return !HasDescendant(figure, GUMBO_TAG_IMG) &&
         (HasDescendant(figure, GUMBO_TAG_BLOCKQUOTE) ||
          HasDescendant(figure, GUMBO_TAG_PRE) ||
          HasDescendant(figure, GUMBO_TAG_TABLE));
}

std::optional<Block> FigureBlock(const GumboNode* figure,
                                 absl::string_view base_url) {
  const GumboNode* img = nullptr;
  const GumboNode* caption = nullptr;
  WalkTree(figure, [&](const GumboNode* node, int) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (img == nullptr && IsElement(node, GUMBO_TAG_IMG)) img = node;
    if (caption == nullptr && IsElement(node, GUMBO_TAG_FIGCAPTION)) {
      caption = node;
    }
    return true;
  });
  std::string caption_text = caption ? TextContent(caption) : "";
  if (img != nullptr) return ImageBlock(img, std::move(caption_text), base_url);
  if (caption_text.empty()) return std::nullopt;
  Block paragraph;
  paragraph.text = std::move(caption_text);
  return paragraph;
}

bool IsDataRow(const GumboNode* row) {
  bool has_cell = false;
  bool nested_block = false;
  WalkTree(row, [&](const GumboNode* node, int depth) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) has_cell = true;
    if (depth > 1 &&
        (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_TABLE ||
         tag == GUMBO_TAG_UL || tag == GUMBO_TAG_IMG)) {
      nested_block = true;
    }
    return !nested_block;
  });
  return has_cell && !nested_block;
}

std::optional<Block> TableRowBlock(const GumboNode* row) {
  Block block;
  block.kind = BlockKind::kTableRow;
  const GumboVector& cells = row->v.element.children;
  bool all_headers = true;
  for (unsigned int i = 0; i < cells.length; ++i) {
    const auto* cell = static_cast<const GumboNode*>(cells.data[i]);
    if (!IsElement(cell, GUMBO_TAG_TD) && !IsElement(cell, GUMBO_TAG_TH)) {
      continue;
    }
    if (!IsElement(cell, GUMBO_TAG_TH)) all_headers = false;
    block.cells.push_back(TextContent(cell));
  }
  if (block.cells.empty()) return std::nullopt;
  block.header_row = all_headers;
  std::string joined;
  for (const std::string& cell : block.cells) {
    if (cell.empty()) continue;
    if (!joined.empty()) joined += " ";
    joined += cell;
  }
  if (joined.empty()) return std::nullopt;
  block.text = std::move(joined);
  return block;
}

namespace {

// Whether `text` is one of content_rules::kReferenceListLabels, with or
// without a colon at its end.
bool NamesReferenceList(absl::string_view text) {
  for (absl::string_view end : content_rules::kListLeadInEnds) {
    if (absl::ConsumeSuffix(&text, end)) break;
  }
  text = absl::StripAsciiWhitespace(text);
  for (absl::string_view label : content_rules::kReferenceListLabels) {
    if (absl::EqualsIgnoreCase(text, label)) return true;
  }
  return false;
}

}  // namespace

bool LeadsIntoList(absl::string_view text, int link_length) {
  text = absl::StripTrailingAsciiWhitespace(text);
  if (link_length == 0 && NamesReferenceList(text)) return true;
  absl::string_view before;
  for (absl::string_view end : content_rules::kListLeadInEnds) {
    if (absl::EndsWith(text, end)) {
      before = text.substr(0, text.size() - end.size());
    }
  }
  if (before.empty()) return false;
  // A line of labels ("Display: Sort by: Direction:") is a form's.
  for (absl::string_view end : content_rules::kListLeadInEnds) {
    if (absl::StrContains(before, end)) return false;
  }
  const int length = CountNonSpaceCodePoints(text);
  return length >= content_rules::kMinListLeadInLength &&
         link_length <= content_rules::kMaxListLeadInLinkShare * length;
}

}  // namespace lede::engine::content
