// The article's title: the metadata's title or the <title>, confirmed by
// the headline the page shows, tier by tier (metadata_rules::kTitleTiers).
// Internal to the metadata stage.
#ifndef LEDE_SERVER_ENGINE_TITLE_CHOICE_H_
#define LEDE_SERVER_ENGINE_TITLE_CHOICE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/candidates.h"
#include "server/engine/metadata_scan.h"
#include "server/engine/page_facts.h"

namespace lede::engine::metadata {

// What names the site: its name as the page states it and the labels of
// its URL's host (of the page a web archive's URL holds), each as a key:
// lower-cased letters and digits alone.
class SiteNames {
 public:
  // `site`: the site's name ("" when unknown); `url`: the page's URL.
  SiteNames(absl::string_view site, absl::string_view url);

  const std::string& site() const { return site_; }

  enum Match {
    kWhole,         // the part is a key
    kWholeOrStart,  // ...or starts with one (or one with it), long enough,
                    // in a few words
  };
  // Whether `part` (of a title) is the site's name.
  bool Names(absl::string_view part, Match match) const;

 private:
  std::string site_;
  std::vector<std::string> keys_;
};

// Chooses the title into `out`, the site's name (`site`) cut from a title
// that carries it, and into `heading` the heading it was read from as the
// page shows it ("" when none). A title the document states of itself
// (front matter, a Markdown heading) is believed outright. When no title
// confirms a heading, the lone <h1> stands: the only one outside the
// chrome, else the only one inside it (an article's own <header>) unless a
// title says it in other quotes alone. When the title is a lone <h1> that
// no title confirms, `named` gets the metadata's title
// (else the <title>) without the site's name; else it is cleared.
void ChooseTitle(const Candidates& candidates, const PageScan& scan,
                 const SiteNames& site, Sourced<std::string>* out,
                 std::string* heading, Sourced<std::string>* named);

// "Title | Site" -> "Title"; "Site - Title" -> "Title" when the site's name
// is known; "Headline_Section_Site" -> "Headline"; "Title – Site – Motto"
// and "Site » Archive » Title" -> "Title" where `site` names a part.
std::string StripSiteName(absl::string_view title, const SiteNames& site);

}  // namespace lede::engine::metadata

#endif  // LEDE_SERVER_ENGINE_TITLE_CHOICE_H_
