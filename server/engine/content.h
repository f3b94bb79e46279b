// Stage 5, content: find the article's body in the tree and return it as
// blocks, boilerplate dropped.
#ifndef LEDE_SERVER_ENGINE_CONTENT_H_
#define LEDE_SERVER_ENGINE_CONTENT_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"
#include "server/engine/block.h"
#include "server/engine/dom.h"
#include "server/engine/page_facts.h"

namespace lede::engine {

// What the request asks of the content stage.
struct ContentOptions {
  // Trades precision for recall.
  v1::Bias bias = v1::BIAS_BALANCED;
  // Read the readers' comments into Body::comments (they are never part of
  // the blocks, whatever this says).
  bool include_comments = false;
  // "Now" for comments' relative dates ("3 days ago"); no comment's date
  // after it is believed.
  absl::Time reference_time = absl::InfiniteFuture();
};

// Extracts the body of `dom`, with what the metadata stage found (`facts`):
// a heading that repeats the title is not body; a line near the top that
// only names the authors is the byline; image URLs resolve against the URL;
// the declared body stands in when the markup holds next to no text; a
// dated page is a story, an undated one may be a listing. With
// `options.include_comments`, also the readers' comments the body leaves
// out (none when the thread is the body: a forum). DEADLINE_EXCEEDED when
// `deadline` passes. No blocks when the page holds no article text.
absl::StatusOr<Body> ExtractContent(const Dom& dom, const PageFacts& facts,
                                    const ContentOptions& options,
                                    absl::Time deadline);

// The page as the content stage reads it (content.cc).
struct Reading;

// The content stage as the engine runs it: the body first, then, once the
// page is classified, what its kind adds (a forum's posts), read against
// the same measures. Holds `dom` and `facts` by reference: they outlive it.
class ContentReader {
 public:
  ContentReader(const Dom& dom, const PageFacts& facts,
                const ContentOptions& options);
  ~ContentReader();

  // The body, as ExtractContent returns it. Called once.
  absl::StatusOr<Body> ReadBody(absl::Time deadline);

  // Reads `body` (ReadBody's) as a page of `type` reads, by the kind's row
  // of page_reading_rules::kPageReadings: a forum by ReadThread, a listing
  // or a collection by ReadItems (a listing's link lists kept by
  // KeepLinkLists, a collection read again by RereadAsListing), an article
  // by ReadArticle, and runs of copied paragraphs dropped (DropRepeatedRuns)
  // where the kind's markup copies its sections; read as an article when the
  // kind has no row.
  void ReadAs(v1::PageType type, Body* body) const;

  // Reads `body` (ReadBody's) as a forum thread: its posts in page order,
  // the opening post first, each with its writer, date and text, into
  // `body->posts` (none when the page marks none); and the posts' blocks
  // as the body when they are the thread the body holds without what
  // surrounds the posts (attempt "posts").
  void ReadThread(Body* body) const;

  // Reads the page as a listing or a collection: its entries (title, link,
  // snippet) into `body->items`, in page order; none when it has no run of
  // alike linked entries.
  void ReadItems(Body* body) const;

  // Reads `body` (ReadBody's) again with its link lists kept, from the
  // container it was read from (the crowned one, or the whole page), when
  // that gives content_rules::kMinLinkListsKeptGain times its text: a
  // listing's entries are links, which an article's reading drops as
  // navigation. Not after the other attempts (a listing's reading keeps
  // them already).
  void KeepLinkLists(Body* body) const;

  // Reads the page again as a listing (its main area whole, its link lists
  // kept) within content_rules::kClassifiedListingBounds, when the body
  // found is not that reading already and that gives much more: a
  // collection's intro stood in for its grid of items.
  void RereadAsListing(Body* body) const;

  // Reads the crowned container again, when the body is its reading
  // (attempts "candidate" and "discussion"): with the page's intro
  // (content::FindIntro) leading it in place of an article's lead when
  // `intro`, and with its link lists kept when `link_lists`.
  void RereadContainer(bool intro, bool link_lists, Body* body) const;

  // Reads `body` (ReadBody's) as an article: the teasers of other pages
  // that close it go (DropTeaserCards), with their pictures.
  void ReadArticle(Body* body) const;

 private:
  std::unique_ptr<Reading> page_;
  ContentOptions options_;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_CONTENT_H_
