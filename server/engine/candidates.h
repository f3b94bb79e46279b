// Metadata candidates: every value a page offers for a field, with where it
// came from and how far that source is trusted.
#ifndef LEDE_SERVER_ENGINE_CANDIDATES_H_
#define LEDE_SERVER_ENGINE_CANDIDATES_H_

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace lede::engine {

// What a candidate is a value for. A name in a rules table or a reader is
// one of these, so a misspelt field does not compile.
enum class Field {
  kTitle,
  kSiteName,
  kDescription,
  kUrl,
  kCanonical,
  kImage,
  kPublished,
  // Text that holds a publication date among other words ("Posted on June
  // 4 by ..."): the date is found in it.
  kPublishedText,
  kModified,
  kAuthors,
  kEditors,
  kTags,
  // A list of tags in one value ("a, b; c"), split as it is added.
  kKeywords,
  kCategories,
  kSource,
  // What the page says its body is (JSON-LD articleBody).
  kBody,
  // What the page says it is (og:type: "article", "product", "website").
  kOgType,
};
inline constexpr size_t kFieldCount = static_cast<size_t>(Field::kOgType) + 1;

// Source ranks, most trusted first. A lower rank wins.
enum SourceRank {
  kRankStructured = 0,  // JSON-LD, front matter
  kRankOpenGraph = 1,   // og:, article:, twitter:, Markdown heading
  kRankMicrodata = 2,   // itemprop
  kRankMeta = 3,        // <meta name>, Dublin Core
  kRankMarkup = 4,      // <time>, rel=author, byline classes, HTML comment
  kRankText = 5,        // text patterns ("来源：", "By X")
  kRankUrl = 6,         // the URL itself
};

struct Candidate {
  std::string value;
  std::string source;  // provenance name: "json-ld", "opengraph", ...
  int rank = 0;
};

class Candidates {
 public:
  // Adds `value` (character references decoded, tags dropped, white space
  // collapsed). Returns false, adding nothing, for a value left empty.
  bool Add(Field field, absl::string_view value, absl::string_view source,
           int rank);

  // The best-ranked candidate for `field` (first in document order among
  // equals), or nullptr.
  const Candidate* Best(Field field) const;

  // Every candidate for `field`, best rank first, then document order.
  std::vector<const Candidate*> All(Field field) const;

  // Every candidate for `field` in the order they were added.
  const std::vector<Candidate>& InOrder(Field field) const {
    return fields_[static_cast<size_t>(field)];
  }

 private:
  std::array<std::vector<Candidate>, kFieldCount> fields_;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_CANDIDATES_H_
