#include "server/engine/page_type.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "server/engine/page_type_model.h"

namespace lede::engine {
namespace {

namespace model = page_type_model;

// The model's classes, by the names it was trained with.
constexpr std::pair<absl::string_view, v1::PageType> kTypeNames[] = {
    {"article", v1::PAGE_TYPE_ARTICLE},
    {"forum", v1::PAGE_TYPE_FORUM},
    {"product", v1::PAGE_TYPE_PRODUCT},
    {"listing", v1::PAGE_TYPE_LISTING},
    {"collection", v1::PAGE_TYPE_COLLECTION},
    {"documentation", v1::PAGE_TYPE_DOCUMENTATION},
    {"service", v1::PAGE_TYPE_SERVICE},
};

constexpr v1::PageType TypeNamed(absl::string_view name) {
  for (const auto& [type_name, type] : kTypeNames) {
    if (type_name == name) return type;
  }
  return v1::PAGE_TYPE_UNSPECIFIED;
}

// Whether the model reads the features page_features.cc measures, in the same
// order.
constexpr bool ModelReadsTheseFeatures() {
  if (std::size(model::kFeatureNames) != kPageFeatureCount) return false;
  for (size_t i = 0; i < kPageFeatureCount; ++i) {
    if (model::kFeatureNames[i] != kPageFeatureNames[i]) return false;
  }
  return true;
}
static_assert(ModelReadsTheseFeatures(),
              "page_type_model.h was trained on other features: regenerate "
              "it with bench/page_type/train.py");

constexpr bool ModelNamesKnownTypes() {
  for (absl::string_view name : model::kClassNames) {
    if (TypeNamed(name) == v1::PAGE_TYPE_UNSPECIFIED) return false;
  }
  return true;
}
static_assert(ModelNamesKnownTypes(),
              "page_type_model.h names a class that is no PageType");

// The leaf `tree` sends `features` to.
double Leaf(const model::Tree& tree, const PageFeatures& features) {
  const model::Node* nodes = model::kNodes + tree.first_node;
  int at = 0;
  while (nodes[at].feature >= 0) {
    const model::Node& node = nodes[at];
    at = static_cast<double>(features[node.feature]) <= node.value ? node.left
                                                                   : node.right;
  }
  return nodes[at].value;
}

}  // namespace

PageTypeVerdict ClassifyPage(const PageFeatures& features) {
  constexpr size_t kClasses = std::size(model::kClassNames);
  std::array<double, kClasses> scores;
  std::copy(std::begin(model::kInitialScores), std::end(model::kInitialScores),
            scores.begin());
  for (const model::Tree& tree : model::kTrees) {
    scores[tree.class_index] += Leaf(tree, features);
  }
  const size_t best = static_cast<size_t>(
      std::max_element(scores.begin(), scores.end()) - scores.begin());
  double sum = 0;
  for (double score : scores) sum += std::exp(score - scores[best]);
  PageTypeVerdict verdict;
  verdict.type = TypeNamed(model::kClassNames[best]);
  verdict.confidence = static_cast<float>(1 / sum);
  return verdict;
}

absl::string_view PageTypeName(v1::PageType type) {
  for (const auto& [name, named] : kTypeNames) {
    if (named == type) return name;
  }
  return "";
}

}  // namespace lede::engine
