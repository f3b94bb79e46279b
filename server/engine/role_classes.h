// An element's class tokens that say what the element is. Both the content
// stage (boilerplate classes) and the metadata stage (containers of other
// articles' dates) read roles from classes, and both must ignore the tokens
// that only file the page under a topic.
#ifndef LEDE_SERVER_ENGINE_ROLE_CLASSES_H_
#define LEDE_SERVER_ENGINE_ROLE_CLASSES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace lede::engine {

// Class tokens that file the page under a taxonomy (WordPress, Squarespace,
// Drupal body and article classes: "tag-news", "category-popular",
// "author-y"); they say what the article is about, not what the element is.
inline constexpr absl::string_view kTaxonomyClassPrefixes[] = {
    "tag-",    "tags-",   "category-", "categories-", "author-", "type-",
    "format-", "status-", "post-",     "has-",        "page-",   "path-",
    "node-",   "topic-",  "section-",  "term-",       "single-", "postid-"};

// ...except these, which name a box on the page (an author's bio under the
// article), whatever their prefix.
inline constexpr absl::string_view kRoleTokensDespitePrefix[] = {
    "author-box",  "author-bio",     "author-card",
    "author-info", "author-profile", "author-about"};

// `classes` (a class attribute) without its taxonomy tokens and BEM
// modifiers ("block--modifier" reads as "block"), space-separated.
std::string RoleClasses(absl::string_view classes);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_ROLE_CLASSES_H_
