// Stage 4, metadata: the facts around the body (title, authors, dates, site,
// source, URL, description, tags, categories, lead image, declared body and
// language), each picked from the candidates the page offers, with where it
// came from.
#ifndef LEDE_SERVER_ENGINE_METADATA_H_
#define LEDE_SERVER_ENGINE_METADATA_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"
#include "server/engine/dom.h"
#include "server/engine/frame.h"
#include "server/engine/page_facts.h"

namespace lede::engine {

struct MetadataOptions {
  // The URL the request named; may be empty.
  std::string url;
  // No date after this is believed.
  absl::Time reference_time = absl::InfiniteFuture();
};

// The facts of the page in `dom`, with what its framing said (`framed`).
// Fields nothing supports stay empty, without a source. The facts point into
// `dom` (PageFacts::byline_nodes, date_nodes). DEADLINE_EXCEEDED when
// `deadline` passes. `body_walk`, when given, walks the body in the same
// pass over the tree as the stage's own walk (the classify stage's,
// PageTreeMeasure), while the tree's nodes are in the cache.
absl::StatusOr<PageFacts> ExtractMetadata(const Dom& dom,
                                          const FrameFacts& framed,
                                          const MetadataOptions& options,
                                          absl::Time deadline,
                                          TreeVisitor* body_walk = nullptr);

// Once the page's type is known: on a type in
// metadata_rules::kTypesNamedByTitle, the title the page names itself by
// (`facts->named_title`) replaces a lone <h1>'s. The heading stays
// `facts->title_heading`, so the body reads as before.
void RetitleForType(v1::PageType type, PageFacts* facts);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_METADATA_H_
