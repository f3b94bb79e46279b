#include "server/engine/role_classes.h"

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace lede::engine {

std::string RoleClasses(absl::string_view classes) {
  std::string kept;
  for (absl::string_view token : absl::StrSplit(
           classes, absl::ByAnyChar(" \t\n\r\f"), absl::SkipEmpty())) {
    bool taxonomy = false;
    for (absl::string_view prefix : kTaxonomyClassPrefixes) {
      if (absl::StartsWith(token, prefix)) taxonomy = true;
    }
    for (absl::string_view role : kRoleTokensDespitePrefix) {
      if (absl::EqualsIgnoreCase(token, role)) taxonomy = false;
    }
    if (taxonomy) continue;
    // A BEM modifier ("Section--Ads", "o-section--has-ads") says what a block
    // holds or how it looks, not what it is.
    token = token.substr(0, token.find("--"));
    if (token.empty()) continue;
    if (!kept.empty()) kept.push_back(' ');
    kept.append(token.data(), token.size());
  }
  return kept;
}

}  // namespace lede::engine
