// What the page-type classifier reads of a page (PageFeatures, page_type.h),
// measured from its URL, what it says it is (og:type, schema.org types), its
// markup (tags, class words, short texts, prices, repeated siblings) and the
// body the content stage found. The same code measures the pages the model is
// trained on (bench/page_type) and the pages it classifies.
#ifndef LEDE_SERVER_ENGINE_PAGE_FEATURES_H_
#define LEDE_SERVER_ENGINE_PAGE_FEATURES_H_

#include <memory>

#include "server/engine/block.h"
#include "server/engine/dom.h"
#include "server/engine/page_facts.h"
#include "server/engine/page_type.h"

namespace lede::engine {

// What MeasurePage reads of the markup (tags, class words, short texts,
// prices, repeated siblings): one walk over the body's elements. The engine
// hands it to the metadata stage, whose walk over the tree runs it in the same
// pass (ExtractMetadata's `body_walk`), while the nodes are in the cache.
class PageTreeMeasure : public TreeVisitor {
 public:
  PageTreeMeasure();
  ~PageTreeMeasure() override;
  PageTreeMeasure(const PageTreeMeasure&) = delete;
  PageTreeMeasure& operator=(const PageTreeMeasure&) = delete;

  bool Enter(const GumboNode* node) override;
  void Leave(const GumboNode* node) override;
  // The metadata stage's walk shares them: it reads each element's
  // attributes, and looks its class value up, for both walks.
  ElementReads* element_reads() override;

 private:
  friend PageFeatures MeasurePage(PageTreeMeasure* tree, const PageFacts& facts,
                                  const Body& body);
  struct State;
  std::unique_ptr<State> state_;
};

// Measures the page whose body `tree` walked, with the facts the metadata
// stage read of it and the body the content stage found.
PageFeatures MeasurePage(PageTreeMeasure* tree, const PageFacts& facts,
                         const Body& body);

// The same, walking the body of `dom` here. Time linear in the page.
PageFeatures MeasurePage(const Dom& dom, const PageFacts& facts,
                         const Body& body);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_PAGE_FEATURES_H_
