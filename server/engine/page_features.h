// What the page-type classifier reads of a page (PageFeatures, page_type.h),
// measured from its URL, what it says it is (og:type, schema.org types), its
// markup (tags, class words, short texts, prices, repeated siblings) and the
// body the content stage found. The same code measures the pages the model is
// trained on (bench/page_type) and the pages it classifies.
#ifndef LEDE_SERVER_ENGINE_PAGE_FEATURES_H_
#define LEDE_SERVER_ENGINE_PAGE_FEATURES_H_

#include "server/engine/block.h"
#include "server/engine/dom.h"
#include "server/engine/page_facts.h"
#include "server/engine/page_type.h"

namespace lede::engine {

// Measures the page in `dom`, with the facts the metadata stage read of it
// and the body the content stage found. One walk over the body's elements;
// time linear in the page.
PageFeatures MeasurePage(const Dom& dom, const PageFacts& facts,
                         const Body& body);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_PAGE_FEATURES_H_
