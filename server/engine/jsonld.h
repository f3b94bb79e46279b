// JSON-LD: the schema.org Article a page describes itself with, and the
// types of everything it declares.
#ifndef LEDE_SERVER_ENGINE_JSONLD_H_
#define LEDE_SERVER_ENGINE_JSONLD_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/candidates.h"
#include "server/engine/page_facts.h"

namespace lede::engine {

// Reads one <script type="application/ld+json"> body and adds what its
// Article-like objects (NewsArticle, BlogPosting, ... also inside @graph and
// arrays) say: title, authors, published, modified, description, image,
// tags, categories, site_name, url, body; and appends the "@type" of every
// object in it to `types` (SchemaType::nested for an object inside another
// than through "@graph" or "mainEntity"), up to kMaxSchemaTypes in all.
// Malformed JSON adds nothing.
void ReadJsonLd(absl::string_view json, Candidates* out,
                std::vector<SchemaType>* types);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_JSONLD_H_
