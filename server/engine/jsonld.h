// JSON-LD: the schema.org Article a page describes itself with.
#ifndef LEDE_SERVER_ENGINE_JSONLD_H_
#define LEDE_SERVER_ENGINE_JSONLD_H_

#include "absl/strings/string_view.h"
#include "server/engine/candidates.h"

namespace lede::engine {

// Reads one <script type="application/ld+json"> body and adds what its
// Article-like objects (NewsArticle, BlogPosting, ... also inside @graph and
// arrays) say: title, authors, published, modified, description, image,
// tags, categories, site_name, url, body. Malformed JSON adds nothing.
void ReadJsonLd(absl::string_view json, Candidates* out);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_JSONLD_H_
