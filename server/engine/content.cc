#include "server/engine/content.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "server/engine/block_passes.h"
#include "server/engine/block_walker.h"
#include "server/engine/comments.h"
#include "server/engine/content_rules.h"
#include "server/engine/content_select.h"
#include "server/engine/content_tree.h"
#include "server/engine/keep_policy.h"
#include "server/engine/list_items.h"
#include "server/engine/page_reading_rules.h"
#include "server/engine/thread_lines.h"

namespace lede::engine {
namespace {

using content::KeepOptions;

const content_rules::BiasRules& RulesFor(v1::Bias bias) {
  switch (bias) {
    case v1::BIAS_PRECISION:
      return content_rules::kPrecisionBias;
    case v1::BIAS_RECALL:
      return content_rules::kRecallBias;
    default:
      return content_rules::kBalancedBias;
  }
}

}  // namespace

// The page as the attempts read it, and what the last build left behind.
struct Reading {
  Reading(const Dom& dom, const PageFacts& facts, v1::Bias bias)
      : dom(dom), facts(facts), rules(RulesFor(bias)) {}

  const GumboNode* body() const { return dom.body(); }

  const Dom& dom;
  const PageFacts& facts;
  const content_rules::BiasRules& rules;
  content::Skips skips;
  content::StatsMap stats;
  // What the page's class and id values say, read once a page: a cache,
  // filled by the readers of a page read as const (the comments' walks).
  mutable content::ClassReadings classes;
  // The container the paragraphs' votes crowned, widened to the article.
  const GumboNode* top = nullptr;
  // The last build's prose dropped as discussion, and its text before its
  // furniture went.
  int dropped_discussion = 0;
  size_t built_length = 0;
};

namespace {

// Measures and scores the page as `page.skips` reads it, and crowns the top.
void Score(Reading* page) {
  std::vector<content::EnteredElement> elements;
  page->stats = content::MeasureTree(page->body(), page->skips, &elements,
                                     page->dom.element_count());
  page->skips.field_labels =
      content::FieldLabels(page->body(), page->dom.fields(), elements);
  content::ScoreCandidates(elements, &page->classes, &page->stats);
  page->top = content::WidenToArticle(
      content::PickTopCandidate(page->body(), &page->stats), page->body(),
      page->stats, page->rules);
}

// The headline as the page shows it: the heading the title was read from,
// site's name and all, else the title.
const std::string& ShownTitle(const PageFacts& facts) {
  return facts.title_heading.empty() ? facts.title.value : facts.title_heading;
}

// The blocks of one walk of `roots` (`top`: the one walked as the crowned
// container, if any), through the title and caption passes.
std::vector<Block> Walk(Reading* page,
                        const std::vector<const GumboNode*>& roots,
                        const GumboNode* top, KeepOptions keep) {
  content::KeepPolicy policy(page->stats, page->skips, page->rules, keep,
                             &page->classes);
  content::BlockWalker walker(policy, page->facts.url.value);
  for (const GumboNode* root : roots) walker.Walk(root, root == top);
  page->dropped_discussion = walker.dropped_discussion();
  return content::FinishWalk(walker.TakeBlocks(), ShownTitle(page->facts),
                             keep.keep_link_lists);
}

// What leads a body built from its container, when it stands outside it.
enum class Lead {
  kArticle,  // the article's lead (content::FindLead)
  kIntro,    // the page's intro, the <h1> and its prose (content::FindIntro)
};

// The blocks below `root` and its siblings that look like more of it, with
// the `lead` when it stands outside them and there is a body for it to lead,
// the page's furniture and metadata lines dropped.
std::vector<Block> Build(Reading* page, const GumboNode* root, KeepOptions keep,
                         Lead lead_kind = Lead::kArticle) {
  const std::vector<const GumboNode*> selected = content::SelectContentNodes(
      root, page->stats, page->rules, &page->classes);
  std::vector<Block> blocks = Walk(page, selected, root, keep);
  const int dropped_discussion = page->dropped_discussion;
  const GumboNode* intro =
      lead_kind == Lead::kIntro
          ? content::FindIntro(root, page->body(), page->stats)
          : nullptr;
  const GumboNode* lead =
      intro != nullptr ? intro
                       : content::FindLead(root, page->body(), page->stats);
  if (lead != nullptr && !content::IsInside(lead, selected) &&
      content::HasTextLength(blocks, content_rules::kMinExtractedTextLength)) {
    std::vector<Block> with_lead = Walk(page, {lead}, intro, KeepOptions());
    std::move(blocks.begin(), blocks.end(), std::back_inserter(with_lead));
    blocks = std::move(with_lead);
  }
  page->dropped_discussion = dropped_discussion;
  page->built_length = content::TextLength(blocks);
  content::DropMetadataAndFurnitureLines(page->facts.authors.value, &blocks);
  if (page->rules.trim_trailing_lines) {
    content::DropAuthorBio(page->facts.authors.value, &blocks);
    content::TrimTrailingFurniture(&blocks);
  }
  return blocks;
}

// ---- The attempts, in the order they are tried (kAttempts). Each takes
// what was found so far and replaces it when it applies. ----

// The crowned container, readers' discussion dropped. Always applies.
bool TopCandidate(Reading* page, std::vector<Block>* found) {
  *found = Build(page, page->top, KeepOptions());
  return true;
}

// The page read with its <noscript> text, when what it shows holds next to
// no text and the <noscript> copy twice as much (forum software renders its
// posts there for crawlers).
bool Noscript(Reading* page, std::vector<Block>* found) {
  if (page->stats[page->body()].text_length >=
      content_rules::kMinScriptedPageText) {
    return false;
  }
  content::Skips with_noscript = page->skips;
  with_noscript.read_noscript = true;
  content::StatsMap stats = content::MeasureTree(
      page->body(), with_noscript, nullptr, page->dom.element_count());
  if (stats[page->body()].text_length <=
      2 * page->stats[page->body()].text_length) {
    return false;
  }
  page->skips = std::move(with_noscript);
  Score(page);
  return TopCandidate(page, found);
}

// The crowned container with its discussion kept: forum posts are often
// classed as comments, and when the discussion holds much more prose than
// the rest, the discussion is the page.
bool Discussion(Reading* page, std::vector<Block>* found) {
  if (static_cast<size_t>(page->dropped_discussion) <=
      content_rules::kMinDiscussionShareKept * page->built_length) {
    return false;
  }
  *found = Build(page, page->top, {.drop_discussions = false});
  return true;
}

// When next to nothing was found, the crowned container with the hidden
// elements a script shows once the page has loaded.
bool ShownByScript(Reading* page, std::vector<Block>* found) {
  if (content::HasTextLength(*found, content_rules::kMinExtractedTextLength)) {
    return false;
  }
  page->skips.shown_anyway =
      content::ShownByScript(page->top, page->body(), page->stats, page->skips);
  if (page->skips.shown_anyway.empty()) return false;
  *found = Build(page, page->top, KeepOptions());
  return true;
}

// What the page says its body is (JSON-LD articleBody), when the markup
// gave next to no text and the declaration much more.
bool DeclaredBody(Reading* page, std::vector<Block>* found) {
  std::vector<Block> declared =
      content::DeclaredBlocks(*found, page->facts.declared_body.value);
  if (declared.empty()) return false;
  *found = std::move(declared);
  return true;
}

// The whole page, with its furniture dropped as usual, when what was found
// is next to nothing (the winner sat in a box the walk drops, a consent
// dialog's tabs) and the page gives much more.
bool WholePage(Reading* page, std::vector<Block>* found) {
  const size_t length =
      content::TextLengthUpTo(*found, content_rules::kMinExtractedTextLength);
  if (length >= content_rules::kMinExtractedTextLength ||
      page->top == page->body()) {
    return false;
  }
  std::vector<Block> whole = Build(page, page->body(), KeepOptions());
  // Exact below both bounds the comparisons read.
  const size_t whole_length = content::TextLengthUpTo(
      whole, std::max(content_rules::kMinExtractedTextLength, 2 * length + 1));
  if (whole_length < content_rules::kMinExtractedTextLength ||
      whole_length <= 2 * length) {
    return false;
  }
  *found = std::move(whole);
  return true;
}

// A page that gave a few lines is a listing or a shop's category (the
// votes crowned its intro, not the grid of items): its main area, read
// whole with its link lists and the furniture dropped, when that gives much
// more. The crowned container itself when it holds that area (its grid was
// dropped as link lists). The measured text bounds what a build can give:
// most pages stop before building.
bool ListingWithin(Reading* page, const content_rules::ListingBounds& bounds,
                   std::vector<Block>* found) {
  const size_t length = content::TextLengthUpTo(*found, bounds.max_intro_text);
  if (length >= bounds.max_intro_text) return false;
  const GumboNode* area = content::MainArea(page->body());
  if (page->top != page->body() && content::IsInside(area, {page->top})) {
    area = page->top;
  }
  const bool dated = page->facts.published.found();
  const size_t gain = dated ? bounds.dated_gain : bounds.gain;
  auto measured = page->stats.find(area);
  if ((dated && area == page->body()) || measured == page->stats.end() ||
      static_cast<size_t>(measured->second.text_length) < gain * length) {
    return false;
  }
  std::vector<Block> listing =
      Build(page, area, {.drop_discussions = true, .keep_link_lists = true});
  if (!content::HasTextLength(listing, gain * length)) return false;
  *found = std::move(listing);
  return true;
}

bool Listing(Reading* page, std::vector<Block>* found) {
  return ListingWithin(page, content_rules::kListingBounds, found);
}

// The images of the figures among `blocks`, in their order.
std::vector<ImageRef> ImagesOf(const std::vector<Block>& blocks) {
  std::vector<ImageRef> images;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kFigure) images.push_back(block.image);
  }
  return images;
}

// What the comments and posts are read against: `page` as read, and `body`.
content::CommentPage CommentPageOf(const Reading& page, const Body& body,
                                   absl::Time reference_time) {
  content::CommentPage comments;
  comments.body = page.body();
  comments.stats = &page.stats;
  comments.skips = &page.skips;
  comments.rules = &page.rules;
  comments.classes = &page.classes;
  comments.top = page.top;
  comments.blocks = &body.blocks;
  comments.hints.reference_time = reference_time;
  return comments;
}

// The readers' comments `body` left out; none when the discussion is the
// body.
std::vector<Comment> CommentsLeftOut(const Reading& page, const Body& body,
                                     absl::Time reference_time) {
  if (body.attempt == "discussion") return {};
  return content::ReadComments(CommentPageOf(page, body, reference_time));
}

struct NamedAttempt {
  // What the answer reports, as provenance["text"], when this attempt's
  // blocks are the body.
  absl::string_view name;
  bool (*attempt)(Reading* page, std::vector<Block>* found);
  // Whether its blocks, when it applies, are the body: no attempt after it
  // is tried.
  bool last;
};

constexpr NamedAttempt kAttempts[] = {
    {"candidate", &TopCandidate, false},
    {"noscript", &Noscript, false},
    {"discussion", &Discussion, false},
    {"shown-by-script", &ShownByScript, false},
    {"declared-body", &DeclaredBody, true},
    {"whole-page", &WholePage, true},
    {"listing", &Listing, true},
};

}  // namespace

ContentReader::ContentReader(const Dom& dom, const PageFacts& facts,
                             const ContentOptions& options)
    : page_(std::make_unique<Reading>(dom, facts, options.bias)),
      options_(options) {}

ContentReader::~ContentReader() = default;

namespace {

// The row of kPageReadings for `type`; the article's when it has none.
const page_reading_rules::PageReading& ReadingOf(v1::PageType type) {
  const page_reading_rules::PageReading* article = nullptr;
  for (const page_reading_rules::PageReading& row :
       page_reading_rules::kPageReadings) {
    if (row.type == type) return row;
    if (row.type == v1::PAGE_TYPE_ARTICLE) article = &row;
  }
  return *article;
}

}  // namespace

void ContentReader::ReadAs(v1::PageType type, Body* body) const {
  const page_reading_rules::PageReading& reading = ReadingOf(type);
  if (reading.read_thread) ReadThread(body);
  if (reading.read_items) ReadItems(body);
  if (reading.keep_link_lists &&
      content::TextLengthUpTo(body->blocks, reading.keep_link_lists_below) <
          reading.keep_link_lists_below) {
    KeepLinkLists(body);
  }
  if (reading.reread_as_listing) RereadAsListing(body);
  if (reading.read_intro || reading.reread_with_link_lists) {
    RereadContainer(reading.read_intro, reading.reread_with_link_lists, body);
  }
  if (reading.read_article) ReadArticle(body);
  if (reading.drop_grid_controls) content::DropGridControls(&body->blocks);
  if (reading.drop_price_labels) content::DropPriceLabels(&body->blocks);
  if (reading.drop_quoted_copies) content::DropQuotedCopies(&body->blocks);
  if (reading.drop_thread_furniture) {
    content::DropThreadFurniture(&body->blocks);
  }
  // Other products' cards go before the copies: a card's price copies
  // another card's.
  if (reading.drop_priced_cards) {
    content::DropPricedCards(&body->blocks);
    body->images = ImagesOf(body->blocks);
  }
  if (reading.undouble_lines) content::UndoubleLines(&body->blocks);
  if (reading.drop_repeated_runs) {
    content::DropRepeatedRuns(&body->blocks, reading.drop_lone_repeats);
  }
}

void ContentReader::ReadThread(Body* body) const {
  body->posts =
      content::ReadPosts(CommentPageOf(*page_, *body, options_.reference_time));
  // A thread whose posts a script loads (Discourse without its crawler
  // view) says of them only its description: the opening post's start.
  if (std::vector<Block> described =
          content::DeclaredBlocks(body->blocks, page_->facts.description.value);
      !described.empty()) {
    body->blocks = std::move(described);
    body->attempt = "description";
    return;
  }
  if (!content::PostsAreTheBody(body->posts, body->blocks)) return;
  body->blocks = content::ThreadBlocks(body->posts);
  body->attempt = "posts";
}

void ContentReader::ReadArticle(Body* body) const {
  if (!page_->rules.trim_trailing_lines || body->attempt == "listing") return;
  content::DropTeaserCards(&body->blocks);
  content::DropLinkButtons(&body->blocks);
  body->images = ImagesOf(body->blocks);
}

void ContentReader::RereadContainer(bool intro, bool link_lists,
                                    Body* body) const {
  Reading* page = page_.get();
  const bool discussion = body->attempt == "discussion";
  if (body->attempt != "candidate" && !discussion) return;
  body->blocks =
      Build(page, page->top,
            {.drop_discussions = !discussion, .keep_link_lists = link_lists},
            intro ? Lead::kIntro : Lead::kArticle);
  body->images = ImagesOf(body->blocks);
}

void ContentReader::ReadItems(Body* body) const {
  body->items = content::ReadListItems(page_->body(), page_->skips,
                                       page_->facts.url.value);
}

void ContentReader::KeepLinkLists(Body* body) const {
  Reading* page = page_.get();
  const GumboNode* root = body->attempt == "candidate"    ? page->top
                          : body->attempt == "whole-page" ? page->body()
                                                          : nullptr;
  if (root == nullptr) return;
  std::vector<Block> with_lists =
      Build(page, root, {.drop_discussions = true, .keep_link_lists = true});
  if (static_cast<double>(content::TextLength(with_lists)) <
      content_rules::kMinLinkListsKeptGain *
          static_cast<double>(content::TextLength(body->blocks))) {
    return;
  }
  body->blocks = std::move(with_lists);
  body->images = ImagesOf(body->blocks);
}

void ContentReader::RereadAsListing(Body* body) const {
  if (body->attempt == "listing" ||
      !ListingWithin(page_.get(), content_rules::kClassifiedListingBounds,
                     &body->blocks)) {
    return;
  }
  body->attempt = "listing";
  body->images = ImagesOf(body->blocks);
}

absl::StatusOr<Body> ExtractContent(const Dom& dom, const PageFacts& facts,
                                    const ContentOptions& options,
                                    absl::Time deadline) {
  return ContentReader(dom, facts, options).ReadBody(deadline);
}

absl::StatusOr<Body> ContentReader::ReadBody(absl::Time deadline) {
  const ContentOptions& options = options_;
  Reading& page = *page_;
  page.skips.read_anyway = content::ReadAnyway(
      page.body(), page.dom.noscripts_and_h1s(), ShownTitle(page.facts));
  Score(&page);
  Body body;
  for (const NamedAttempt& attempt : kAttempts) {
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError(
          "deadline passed while reading the page's content");
    }
    if (!attempt.attempt(&page, &body.blocks)) continue;
    body.attempt = std::string(attempt.name);
    if (attempt.last) break;
  }
  body.images = ImagesOf(body.blocks);
  if (options.include_comments) {
    body.comments = CommentsLeftOut(page, body, options.reference_time);
  }
  return body;
}

}  // namespace lede::engine
