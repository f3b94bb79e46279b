#include "server/engine/role_classes.h"

#include "absl/strings/match.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

// Whether `token` files the page under a taxonomy. `dash`: where its first
// "-" stands (npos for none). Each prefix ends at its only "-" (the test
// checks the table), so the one a token may open with is its text up to
// that first "-": one comparison by length and bytes for each prefix.
bool IsTaxonomy(absl::string_view token, size_t dash) {
  if (dash == absl::string_view::npos) return false;
  const absl::string_view head = token.substr(0, dash + 1);
  bool prefixed = false;
  for (absl::string_view prefix : kTaxonomyClassPrefixes) {
    if (head == prefix) prefixed = true;
  }
  if (!prefixed) return false;
  for (absl::string_view role : kRoleTokensDespitePrefix) {
    if (absl::EqualsIgnoreCase(token, role)) return false;
  }
  return true;
}

// Where `token`'s first "--" starts, looked for from its first "-" at
// `dash`; npos for none. Tokens are short: a byte loop, not a search.
size_t FirstDoubleDash(absl::string_view token, size_t dash) {
  for (size_t i = dash; i + 1 < token.size(); ++i) {
    if (token[i] == '-' && token[i + 1] == '-') return i;
  }
  return absl::string_view::npos;
}

}  // namespace

std::string RoleClasses(absl::string_view classes) {
  std::string kept;
  size_t at = 0;
  while (at < classes.size()) {
    if (IsAsciiWhitespace(classes[at])) {
      ++at;
      continue;
    }
    const size_t start = at;
    while (at < classes.size() && !IsAsciiWhitespace(classes[at])) ++at;
    absl::string_view token = classes.substr(start, at - start);
    const size_t dash = token.find('-');
    if (IsTaxonomy(token, dash)) continue;
    // A BEM modifier ("Section--Ads", "o-section--has-ads") says what a block
    // holds or how it looks, not what it is.
    if (dash != absl::string_view::npos) {
      token = token.substr(0, FirstDoubleDash(token, dash));
    }
    if (token.empty()) continue;
    if (!kept.empty()) kept.push_back(' ');
    kept.append(token.data(), token.size());
  }
  return kept;
}

}  // namespace lede::engine
