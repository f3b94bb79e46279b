// Metadata candidates: every value a page offers for a field, with where it
// came from and how far that source is trusted.
#ifndef LEDE_SERVER_ENGINE_CANDIDATES_H_
#define LEDE_SERVER_ENGINE_CANDIDATES_H_

#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace lede::engine {

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
  int order = 0;  // position among all candidates, to keep document order
};

class Candidates {
 public:
  // Adds `value` (white space collapsed; empty values are ignored).
  void Add(absl::string_view field, absl::string_view value,
           absl::string_view source, int rank);

  // The best-ranked candidate for `field` (first in document order among
  // equals), or nullptr.
  const Candidate* Best(absl::string_view field) const;

  // Every candidate for `field`, best rank first, then document order.
  std::vector<const Candidate*> All(absl::string_view field) const;

  // The values of the best-ranked source for a list field.
  std::vector<const Candidate*> BestList(absl::string_view field) const;

 private:
  std::map<std::string, std::vector<Candidate>, std::less<>> fields_;
  int next_order_ = 0;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_CANDIDATES_H_
