// The passes over the blocks a walk found: the headline and captions first,
// then the lines that are the page's metadata or furniture rather than the
// article. Internal to the content stage.
#ifndef LEDE_SERVER_ENGINE_BLOCK_PASSES_H_
#define LEDE_SERVER_ENGINE_BLOCK_PASSES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/block.h"
#include "server/engine/block_walker.h"

namespace lede::engine::content {

// Drops the first heading that says `title`: the headline is metadata.
void DropTitleHeading(absl::string_view title, std::vector<DraftBlock>* drafts);

// Short loose text right after a picture without a caption, as CMSs write
// captions (<div><img></div>Caption<p>...), becomes the picture's caption.
// Not on a `listing`: there a line after a picture is its item's title.
void AttachLooseCaptions(bool listing, std::vector<DraftBlock>* drafts);

// The blocks of one walk: its drafts through the two passes above.
std::vector<Block> FinishWalk(std::vector<DraftBlock> drafts,
                              absl::string_view title, bool listing);

// Drops the lines inside the article that are the page's furniture
// ("Share", "Advertisement") or metadata (the byline near the top, a line
// that only dates the page, a photo credit), the lines of markup or of
// machine identifiers read as text (IsIdentifierNoise), and everything after
// an end-of-article marker ("Related articles") or a post's footer. A
// marker with more text after it than before (kMaxTextAfterEndMarker) sits
// mid-page: only its line goes.
void DropMetadataAndFurnitureLines(const std::vector<std::string>& authors,
                                   std::vector<Block>* blocks);

// A paragraph, list item or heading: a block whose text is lines (a card's
// lines stand in one block, a line break apart) that the line passes read.
bool HasTextLines(const Block& block);

// Gives `block` the `text` left of it (lines dropped or rewritten), its link
// lengths no longer than that text.
void SetText(std::string text, Block* block);

// Erases from `blocks` those `drop` marks, the others kept in order.
void EraseDropped(const std::vector<bool>& drop, std::vector<Block>* blocks);

// `text` as the tables of widget lines (kWidgetLines) list it: ASCII
// lower-cased, without the marks and counts a widget puts around its label
// ("Comments (12)" reads "comments", "Read more »" "read more").
std::string WidgetLineKey(absl::string_view text);

// A line that is a widget's label or counter ("Reply", "Share", "4553"),
// not text (content_rules::kWidgetLines, kCounterLinePattern).
bool IsWidgetLine(absl::string_view text);

// A line made only of sentences that say the page needs JavaScript
// (content_rules::kScriptNoticeSentences): no text of the page.
bool IsScriptNotice(absl::string_view text);

// A line made mostly of machine identifiers (content_rules::
// kMachineIdPattern, kMinIdentifiersInNoise): markup's noise, no text.
bool IsIdentifierNoise(absl::string_view text);

// Drops short lines that are not sentences after the article's last
// paragraph ("Share", "Tags: x, y", "Next post", a teaser's title), when the
// article before them is long enough to stand alone. A picture, code, a
// table's row or a list's item ends them (kKindsNeverTrimmed).
void TrimTrailingFurniture(std::vector<Block>* blocks);

// Drops the teasers of other pages that close the article: a run of at
// least kMinTeaserCards cards to the end of the body, each a headline that
// is a link with a few short lines about it (a date, a first sentence,
// "Read more"), with the first card's picture and the short lines that
// lead into the run ("More from SITE"), when the article before it is
// long enough to stand alone.
void DropTeaserCards(std::vector<Block>* blocks);

// Drops the runs of other products' cards on a product's page (a shop's
// "Similar items", "You may also like"): at least
// content_rules::kMinPricedCards cards one after the other, each a
// headline that is a link with a few short lines about it, one of which
// (or the headline) says a price (kPricePattern), with their pictures and
// the short lines that lead into the run, when the page keeps
// kMinExtractedTextLength without them.
void DropPricedCards(std::vector<Block>* blocks);

// Drops the buttons inside an article: paragraphs of a few words without
// a sentence end that are all but entirely a link ("Learn more", "Get
// started"; content_rules::kMaxButtonWords), each alone right after prose
// that ends a sentence, when the article keeps
// content_rules::kMinTextBeforeTrim without them. A run of linked lines,
// or one after a label, is a list of links and stays.
void DropLinkButtons(std::vector<Block>* blocks);

// Drops an author's bio after the article ("Jane Doe is a freelance writer
// covering...", kAuthorBioVerbs) with the short lines that lead into it and
// the few after it, when the article before it is long enough to stand
// alone. `authors`: the byline's names the metadata stage read.
void DropAuthorBio(const std::vector<std::string>& authors,
                   std::vector<Block>* blocks);

// The declared body (PageFacts::declared_body) as paragraphs, when the
// `extracted` blocks hold next to no text and the declaration much more;
// otherwise no blocks.
std::vector<Block> DeclaredBlocks(const std::vector<Block>& extracted,
                                  absl::string_view declared);

// Drops the lines of a shop's grid that are its controls, not its entries:
// each card's actions ("Add to cart", "Choose options", "Compare"), its
// badges when the body holds content_rules::kMinGridBadges of them ("Sold
// out", "New", "Low stock", kGridBadgeLines) and the switches and counts above
// the grid ("Sort by: Featured", "Filters", "338 products"),
// content_rules::kGridControlLines and kGridControlLinePattern; a line at a
// time, in paragraphs, list items and headings (a card's lines stand in one
// block), and the blocks left empty.
void DropGridControls(std::vector<Block>* blocks);

// Drops the labels a shop's theme writes before its prices for screen
// readers ("Regular price", "Sale price", "Unit price",
// content_rules::kPriceLabelPattern) from the lines made of them and
// prices, and the lines left without a digit ("Unit price / per"); a line
// at a time, in paragraphs, list items and headings, and the blocks left
// empty.
void DropPriceLabels(std::vector<Block>* blocks);

// Rewrites each line of paragraphs, list items and headings that is one
// text written twice end to end, nothing between, as that text once, when
// it holds a letter and a space: the seen copy of a label and the copy for
// screen readers, joined.
void UndoubleLines(std::vector<Block>* blocks);

// Drops each run of at least content_rules::kMinRepeatedRun consecutive
// paragraphs and headings that all repeat earlier ones word for word (the
// same kind and text, ASCII case aside): a section the markup carries once
// per screen size or per tab, which a reader reads once. A lone repeat
// stays (a label or a date each of a page's entries or posts carries), and
// so do list items, table rows, code and figures. With `lone_repeats` (a
// product's reading), list items count too, and a lone repeat of at least
// content_rules::kMinLoneRepeatWords words goes as well.
void DropRepeatedRuns(std::vector<Block>* blocks, bool lone_repeats = false);

// Drops a quote that copies what an earlier block of the page says (a reply
// quoting an earlier post of the thread: the post is read where it stands),
// with the attribution line before it ("mdshunk said:"). A quote is a copy
// when at least content_rules::kMinQuotedShare of its runs of words are
// earlier blocks' too; a quote of something the page does not show stays.
void DropQuotedCopies(std::vector<Block>* blocks);

// Code points of text in `blocks`.
size_t TextLength(const std::vector<Block>& blocks);

// Code points of text in `blocks` counted up to `cap`: the exact count when
// it is under `cap`, else `cap`. For comparisons against a bound, which most
// blocks pass within their first lines.
size_t TextLengthUpTo(const std::vector<Block>& blocks, size_t cap);

// Whether `blocks` hold at least `length` code points of text, counted
// only as far as `length`.
bool HasTextLength(const std::vector<Block>& blocks, size_t length);

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_BLOCK_PASSES_H_
