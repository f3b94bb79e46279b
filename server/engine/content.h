// Stage 5, content: find the article's body in the tree and return it as
// blocks, boilerplate dropped.
#ifndef LEDE_SERVER_ENGINE_CONTENT_H_
#define LEDE_SERVER_ENGINE_CONTENT_H_

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

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_CONTENT_H_
