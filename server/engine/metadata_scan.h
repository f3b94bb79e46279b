// What the metadata stage's one walk over the page collects besides the
// candidates, and where its readers put what they read. Internal to the
// metadata stage.
#ifndef LEDE_SERVER_ENGINE_METADATA_SCAN_H_
#define LEDE_SERVER_ENGINE_METADATA_SCAN_H_

#include <gumbo.h>

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/candidates.h"
#include "server/engine/page_facts.h"

namespace lede::engine::metadata {

struct Heading {
  std::string text;
  int level;       // 1 to 3
  bool in_chrome;  // inside <header>, <nav>, <footer> or <aside>
};

struct PageScan {
  std::vector<Heading> headings;  // h1 to h3 outside foreign containers
  std::string title_tag;
  std::string base_href;
  // <html lang> as written.
  std::string lang;
  // <html lang>, else the first <meta> in the head that names the language.
  std::string declared_language;
  std::vector<NodeRead> byline_nodes;
  std::vector<NodeRead> date_nodes;
  // Scripts other than JSON-LD (application state), read for a date only
  // when nothing else on the page gives one (ReadScriptDate).
  std::vector<const GumboNode*> scripts;
  // The schema.org types JSON-LD declares, then microdata's (page type).
  std::vector<SchemaType> json_ld_types;
  std::vector<SchemaType> microdata_types;
  // Text nodes read as datelines so far.
  int text_dates = 0;
};

// What a microdata item is, for whose facts its properties give: a picture's
// or a video's creator and dates are not the article's ("Benoit
// Tessier/Reuters"), and a comment's date is not either.
enum class ItemKind { kOther, kMedia, kComment };

// Where the readers put what they read: the candidates, and the scan.
class Sink {
 public:
  Sink(Candidates* candidates, PageScan* scan)
      : candidates_(candidates), scan_(scan) {}

  // A candidate read from the page's head or data (a <meta>, JSON-LD).
  void Add(Field field, absl::string_view value, absl::string_view source,
           int rank) {
    candidates_->Add(field, value, source, rank);
  }

  // A candidate the page shows in `node`; the node is remembered when it is
  // a byline's or a date's (PageFacts::byline_nodes, date_nodes).
  void AddShown(Field field, absl::string_view value, absl::string_view source,
                int rank, const GumboNode* node);

  Candidates& candidates() { return *candidates_; }
  PageScan& scan() { return *scan_; }

 private:
  Candidates* candidates_;
  PageScan* scan_;
};

// `text` with its white space collapsed and its ASCII letters lower-cased:
// how titles and names are compared.
std::string Lower(absl::string_view text);

}  // namespace lede::engine::metadata

#endif  // LEDE_SERVER_ENGINE_METADATA_SCAN_H_
