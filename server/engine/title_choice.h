// The article's title: the metadata's title or the <title>, confirmed by
// the headline the page shows, tier by tier (metadata_rules::kTitleTiers).
// Internal to the metadata stage.
#ifndef LEDE_SERVER_ENGINE_TITLE_CHOICE_H_
#define LEDE_SERVER_ENGINE_TITLE_CHOICE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "server/engine/candidates.h"
#include "server/engine/metadata_scan.h"
#include "server/engine/page_facts.h"

namespace lede::engine::metadata {

// Chooses the title into `out`, with `site` the site's name (cut from a
// title that carries it). A title the document states of itself (front
// matter, a Markdown heading) is believed outright.
void ChooseTitle(const Candidates& candidates, const PageScan& scan,
                 absl::string_view site, Sourced<std::string>* out);

// "Title | Site" -> "Title"; "Site - Title" -> "Title" when the site's name
// is known; "Headline_Section_Site" -> "Headline".
std::string StripSiteName(absl::string_view title, absl::string_view site);

}  // namespace lede::engine::metadata

#endif  // LEDE_SERVER_ENGINE_TITLE_CHOICE_H_
