// A listing's or a collection's entries: the longest run of alike siblings
// that each link to another page. Internal to the content stage.
#ifndef LEDE_SERVER_ENGINE_LIST_ITEMS_H_
#define LEDE_SERVER_ENGINE_LIST_ITEMS_H_

#include <gumbo.h>

#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/block.h"
#include "server/engine/content_tree.h"

namespace lede::engine::content {

// The entries of the page under `body`, in page order: the run of at least
// kMinListItems sibling elements alike (the same tag and class) that each
// hold a link, with the most text among such runs, outside what `skips`
// leaves out of the text (navigation, hidden elements, the labels of a
// form's fields: Skips::LeftOutOfText). Each entry: its title (the text
// of the link in its heading, else of its longest link), that link's URL
// resolved against `base_url`, and its snippet (its text outside links).
// None when the page has no such run.
std::vector<ListEntry> ReadListItems(const GumboNode* body, const Skips& skips,
                                     absl::string_view base_url);

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_LIST_ITEMS_H_
