#include "server/engine/page_type.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

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

// The model's trees laid out for evaluation without branches: each a
// complete tree of depth kDepth in heap order (node i's children at 2i+1
// and 2i+2), a leaf above the last level copied into every slot below it.
// Thresholds are floats, the largest float not above the model's double:
// for a float feature x, x <= threshold exactly when x <= the double, so
// each tree sends each page to the leaf it always did, and the leaves stay
// doubles, so the scores add up to the same sums.
constexpr int kDepth = 3;
constexpr size_t kSplits = (1 << kDepth) - 1;
constexpr size_t kLeaves = 1 << kDepth;
static_assert(kPageFeatureCount <= 256, "feature indices are bytes");

struct FlatTree {
  std::array<double, kLeaves> leaf{};
  std::array<float, kSplits> threshold{};
  std::array<uint8_t, kSplits> feature{};
  uint8_t class_index = 0;
};

// The largest float not above `value` (a threshold, in float's range).
constexpr float FloatAtMost(double value) {
  float rounded = static_cast<float>(value);
  if (static_cast<double>(rounded) <= value) return rounded;
  if (rounded == 0) return -std::numeric_limits<float>::denorm_min();
  const uint32_t bits = std::bit_cast<uint32_t>(rounded);
  return std::bit_cast<float>(rounded > 0 ? bits - 1 : bits + 1);
}

// Fills `slot` of `tree`, at `depth`, from the model's node `node` (an index
// from `nodes`); false when the model is deeper than kDepth.
constexpr bool Place(const model::Node* nodes, int node, size_t slot, int depth,
                     FlatTree& tree) {
  if (depth == kDepth) {
    if (nodes[node].feature >= 0) return false;
    tree.leaf[slot - kSplits] = nodes[node].value;
    return true;
  }
  const model::Node& split = nodes[node];
  const bool leaf = split.feature < 0;
  tree.feature[slot] = leaf ? 0 : static_cast<uint8_t>(split.feature);
  tree.threshold[slot] = leaf ? 0.0f : FloatAtMost(split.value);
  return Place(nodes, leaf ? node : split.left, 2 * slot + 1, depth + 1,
               tree) &&
         Place(nodes, leaf ? node : split.right, 2 * slot + 2, depth + 1, tree);
}

struct FlatModel {
  std::array<FlatTree, std::size(model::kTrees)> trees{};
  bool fits = true;  // every tree of depth kDepth or less
  constexpr FlatModel() {
    for (size_t t = 0; t < trees.size(); ++t) {
      const model::Tree& tree = model::kTrees[t];
      trees[t].class_index = static_cast<uint8_t>(tree.class_index);
      fits = fits && Place(model::kNodes + tree.first_node, 0, 0, 0, trees[t]);
    }
  }
};

constexpr FlatModel kFlatModel;
static_assert(kFlatModel.fits,
              "page_type_model.h has a tree deeper than kDepth: raise it");

// The leaf `tree` sends `features` to (a NaN goes right, as `<=` sends it).
double Leaf(const FlatTree& tree, const PageFeatures& features) {
  size_t at = 0;
  for (int depth = 0; depth < kDepth; ++depth) {
    at = 2 * at + 1 + !(features[tree.feature[at]] <= tree.threshold[at]);
  }
  return tree.leaf[at - kSplits];
}

}  // namespace

PageTypeVerdict ClassifyPage(const PageFeatures& features) {
  constexpr size_t kClasses = std::size(model::kClassNames);
  std::array<double, kClasses> scores;
  std::copy(std::begin(model::kInitialScores), std::end(model::kInitialScores),
            scores.begin());
  for (const FlatTree& tree : kFlatModel.trees) {
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
