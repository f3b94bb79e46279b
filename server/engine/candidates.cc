#include "server/engine/candidates.h"

#include <algorithm>

#include "re2/re2.h"
#include "server/engine/text_util.h"

namespace lede::engine {

void Candidates::Add(absl::string_view field, absl::string_view value,
                     absl::string_view source, int rank) {
  std::string decoded = DecodeHtmlEntities(value);
  // Some CMSs put markup in their JSON-LD and meta values ("<a href=...>Jane
  // Doe</a>" as an author's name): the text is what the field holds.
  if (decoded.find('<') != std::string::npos) {
    static const LazyRE2 kTag = {R"(<[a-zA-Z/!][^<>]*>)"};
    RE2::GlobalReplace(&decoded, *kTag, " ");
  }
  std::string clean = CollapseWhitespace(decoded);
  if (clean.empty()) return;
  auto it = fields_.find(field);
  if (it == fields_.end()) {
    it = fields_.emplace(std::string(field), std::vector<Candidate>()).first;
  }
  it->second.push_back(
      {std::move(clean), std::string(source), rank, next_order_++});
}

std::vector<const Candidate*> Candidates::All(absl::string_view field) const {
  std::vector<const Candidate*> result;
  auto it = fields_.find(field);
  if (it == fields_.end()) return result;
  for (const Candidate& c : it->second) result.push_back(&c);
  std::stable_sort(
      result.begin(), result.end(),
      [](const Candidate* a, const Candidate* b) { return a->rank < b->rank; });
  return result;
}

const Candidate* Candidates::Best(absl::string_view field) const {
  std::vector<const Candidate*> all = All(field);
  return all.empty() ? nullptr : all.front();
}

std::vector<const Candidate*> Candidates::BestList(
    absl::string_view field) const {
  std::vector<const Candidate*> all = All(field);
  std::vector<const Candidate*> result;
  for (const Candidate* c : all) {
    if (c->source == all.front()->source) result.push_back(c);
  }
  return result;
}

}  // namespace lede::engine
