#include "server/engine/block_walker.h"

#include <algorithm>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "server/engine/block_builders.h"
#include "server/engine/code_lines.h"
#include "server/engine/content_tree.h"
#include "server/engine/dom.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine::content {

BlockWalker::BlockWalker(const KeepPolicy& policy, absl::string_view base_url)
    : policy_(policy), base_url_(base_url), page_host_(UrlHost(base_url)) {}

void BlockWalker::Walk(const GumboNode* root, bool is_top) {
  root_ = policy_.StatsOf(root);
  WalkTree(
      root,
      [&](const GumboNode* node, int depth) {
        const size_t open = context_.size();
        if (!Enter(node, depth == 0 && is_top)) return false;
        pushed_.push_back(context_.size() > open);
        return true;
      },
      [&](const GumboNode* node) { Leave(node); });
  Flush();
}

bool BlockWalker::Enter(const GumboNode* node, bool is_root) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    code_lines_.Append(node->v.text.text, &buffer_);
    if (!link_within_site_.empty()) {
      const int length = CountNonSpaceCodePoints(node->v.text.text);
      buffer_link_length_ += length;
      if (site_link_depth_ > 0) buffer_site_link_length_ += length;
    }
    return false;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (policy_.Judge(node, root_, is_root)) {
    case Verdict::kDrop:
      return false;
    case Verdict::kDropDiscussion:
      dropped_discussion_ += Prose(policy_.StatsOf(node));
      return false;
    case Verdict::kDropLinkList:
      if (!LedInto()) return false;
      break;
    case Verdict::kKeep:
      break;
  }
  // A link is inline: the walk goes into it, and leaves it (Leave).
  if (IsLink(node)) {
    link_within_site_.push_back(LinksWithinSite(node));
    site_link_depth_ += link_within_site_.back();
  }
  return EnterElement(node);
}

// Whether the text before the element being entered leads into it: a
// sentence of the article's prose that ends with a colon ("For more
// information, see:").
bool BlockWalker::LedInto() const {
  absl::string_view text = absl::StripTrailingAsciiWhitespace(buffer_);
  int link_length = buffer_link_length_;
  if (text.empty()) {
    if (blocks_.empty()) return false;
    text = blocks_.back().block.text;
    link_length = blocks_.back().block.link_length;
  }
  return content::LeadsIntoList(text, link_length);
}

// A relative reference, or one to the page's host or a host of its site.
bool BlockWalker::LinksWithinSite(const GumboNode* link) const {
  const absl::string_view href =
      absl::StripAsciiWhitespace(Attribute(link, "href"));
  const bool absolute = absl::StartsWith(href, "//") ||
                        absl::StrContains(href.substr(0, href.find('/')), ':');
  if (!absolute) return !href.empty() && href.front() != '#';
  // A reference with its own scheme keeps its host when resolved: it is
  // read straight from it, without building the resolved URL.
  if (!absl::StartsWith(href, "//")) return SameSite(page_host_, UrlHost(href));
  return SameSite(page_host_, UrlHost(ResolveUrl(base_url_, href)));
}

// Breaks, elements built whole, and blocks that open a context; inline
// elements are walked into.
bool BlockWalker::EnterElement(const GumboNode* element) {
  const GumboTag tag = element->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_BR:
      if (InCode()) {
        code_lines_.Append("\n", &buffer_);
      } else if (context_.empty() ||
                 context_.back().kind == BlockKind::kParagraph) {
        Flush();
      } else {
        buffer_.push_back(' ');
      }
      return false;
    case GUMBO_TAG_IMG:
      Flush();
      Add(ImageBlock(element, "", base_url_));
      return false;
    case GUMBO_TAG_FIGURE:
      Flush();
      if (IsFigureOfBlocks(element)) return true;
      Add(FigureBlock(element, base_url_));
      return false;
    case GUMBO_TAG_TR:
      if (!IsDataRow(element)) return true;
      Flush();
      Add(TableRowBlock(element));
      return false;
    default:
      break;
  }
  // A line of code is no block of its own: it pushes nothing (Leave).
  if (InCode() && IsCodeLine(element)) {
    code_lines_.Open(&buffer_);
    return true;
  }
  if (!IsBlockTag(tag)) return true;
  Flush();
  if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) ++list_depth_;
  context_.push_back(ContextOf(element));
  if (tag == GUMBO_TAG_LI) item_has_text_.push_back(false);
  return true;
}

BlockWalker::Context BlockWalker::ContextOf(const GumboNode* element) const {
  const GumboTag tag = element->v.element.tag;
  const int item = context_.empty() ? -1 : context_.back().item;
  if (int level = HeadingLevel(tag); level > 0) {
    return {BlockKind::kHeading, level, false};
  }
  switch (tag) {
    case GUMBO_TAG_LI:  // EnterElement adds its item_has_text_
      return {BlockKind::kListItem, std::max(0, list_depth_ - 1),
              element->parent != nullptr &&
                  IsElement(element->parent, GUMBO_TAG_OL),
              false, static_cast<int>(item_has_text_.size())};
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
      return {InheritedKind(), 0, false, false, item};
    case GUMBO_TAG_BLOCKQUOTE:
      return {BlockKind::kQuote, 0, false};
    case GUMBO_TAG_PRE:
      return {BlockKind::kCode, 0, false};
    default:
      return {InheritedKind(), CurrentLevel(), false,
              tag == GUMBO_TAG_P || tag == GUMBO_TAG_FIGCAPTION, item};
  }
}

// A block element ends the text before it; it pops what it pushed, and
// only that: a table row or a figure read as blocks pushes nothing.
void BlockWalker::Leave(const GumboNode* node) {
  const bool pushed = pushed_.back();
  pushed_.pop_back();
  if (node->type != GUMBO_NODE_ELEMENT) return;
  if (IsLink(node) && !link_within_site_.empty()) {
    site_link_depth_ -= link_within_site_.back();
    link_within_site_.pop_back();
  }
  if (!pushed && InCode() && IsCodeLine(node)) {
    code_lines_.Close(buffer_);
    return;
  }
  const GumboTag tag = node->v.element.tag;
  if (!IsBlockTag(tag) || context_.empty()) return;
  Flush();
  if (!pushed) return;
  if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) --list_depth_;
  context_.pop_back();
}

bool BlockWalker::InCode() const {
  return !context_.empty() && context_.back().kind == BlockKind::kCode;
}

void BlockWalker::Add(std::optional<Block> block) {
  if (block) blocks_.push_back({*std::move(block), /*loose=*/false});
}

void BlockWalker::Flush() {
  code_lines_.Reset();
  if (buffer_.empty()) return;
  // Most flushes find only the markup's white space between blocks, which
  // collapses (or strips, for code) to nothing: nothing to copy.
  if (absl::c_all_of(buffer_,
                     [](unsigned char c) { return absl::ascii_isspace(c); })) {
    buffer_.clear();
    buffer_site_link_length_ = 0;
    buffer_link_length_ = 0;
    return;
  }
  const BlockKind kind =
      context_.empty() ? BlockKind::kParagraph : context_.back().kind;
  std::string text;
  if (kind == BlockKind::kCode) {
    // Without blank lines at either end; the first line keeps its
    // indentation.
    text = std::string(absl::StripTrailingAsciiWhitespace(buffer_));
    const size_t first = text.find_first_not_of(" \t\r\n");
    text = first == std::string::npos
               ? ""
               : text.substr(text.rfind('\n', first) + 1);
  } else {
    text = CollapseWhitespace(buffer_);
  }
  buffer_.clear();
  const int site_link_length = buffer_site_link_length_;
  buffer_site_link_length_ = 0;
  const int link_length = buffer_link_length_;
  buffer_link_length_ = 0;
  if (text.empty()) return;
  DraftBlock draft;
  draft.block.kind = kind;
  draft.block.text = std::move(text);
  draft.block.site_link_length = site_link_length;
  draft.block.link_length = link_length;
  draft.block.level = CurrentLevel();
  draft.block.ordered = !context_.empty() && context_.back().ordered;
  draft.loose = context_.empty() || !context_.back().paragraph;
  if (kind == BlockKind::kListItem && context_.back().item >= 0) {
    std::vector<bool>::reference has_text =
        item_has_text_[context_.back().item];
    draft.block.continues_item = has_text;
    has_text = true;
  }
  blocks_.push_back(std::move(draft));
}

// A list item's nested blocks stay part of the item; a heading's are
// paragraphs.
BlockKind BlockWalker::InheritedKind() const {
  if (context_.empty()) return BlockKind::kParagraph;
  BlockKind kind = context_.back().kind;
  return kind == BlockKind::kHeading ? BlockKind::kParagraph : kind;
}

int BlockWalker::CurrentLevel() const {
  return context_.empty() ? 0 : context_.back().level;
}

}  // namespace lede::engine::content
