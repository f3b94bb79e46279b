// Stage 4, metadata: the facts around the body (title, authors, dates, site,
// source, URL, description, tags, categories, lead image), each picked from
// the candidates the page offers, with where it came from.
#ifndef LEDE_SERVER_ENGINE_METADATA_H_
#define LEDE_SERVER_ENGINE_METADATA_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"
#include "server/engine/dom.h"
#include "server/engine/frame.h"

namespace lede::engine {

struct MetadataOptions {
  // The URL the request named; may be empty.
  std::string url;
  // No date after this is believed.
  absl::Time reference_time = absl::InfiniteFuture();
};

// Fills the metadata fields of `article` (and its `provenance`) from `dom`
// and `framed`. Fields nothing supports stay unset. When `declared_body` is
// not null it receives the body text the page declares of itself (JSON-LD
// articleBody), or is cleared. DEADLINE_EXCEEDED when `deadline` passes.
absl::Status ExtractMetadata(const Dom& dom, const FramedDocument& framed,
                             const MetadataOptions& options,
                             absl::Time deadline, v1::Article* article,
                             std::string* declared_body = nullptr);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_METADATA_H_
