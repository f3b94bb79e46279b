#include "server/engine/candidates.h"

#include <algorithm>

#include "re2/re2.h"
#include "server/engine/text_util.h"

namespace lede::engine {

bool Candidates::Add(Field field, absl::string_view value,
                     absl::string_view source, int rank) {
  std::string decoded = DecodeHtmlEntities(value);
  // Some CMSs put markup in their JSON-LD and meta values ("<a href=...>Jane
  // Doe</a>" as an author's name): the text is what the field holds.
  if (decoded.find('<') != std::string::npos) {
    static const LazyRE2 kTag = {R"(<[a-zA-Z/!][^<>]*>)"};
    RE2::GlobalReplace(&decoded, *kTag, " ");
  }
  std::string clean = CollapseWhitespace(decoded);
  if (clean.empty()) return false;
  fields_[static_cast<size_t>(field)].push_back(
      {std::move(clean), std::string(source), rank});
  return true;
}

std::vector<const Candidate*> Candidates::All(Field field) const {
  std::vector<const Candidate*> result;
  for (const Candidate& c : InOrder(field)) result.push_back(&c);
  std::stable_sort(
      result.begin(), result.end(),
      [](const Candidate* a, const Candidate* b) { return a->rank < b->rank; });
  return result;
}

const Candidate* Candidates::Best(Field field) const {
  const Candidate* best = nullptr;
  for (const Candidate& c : InOrder(field)) {
    if (best == nullptr || c.rank < best->rank) best = &c;
  }
  return best;
}

}  // namespace lede::engine
