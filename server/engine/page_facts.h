// The page's facts, as the metadata stage hands them to the later stages:
// each field with where it came from (its provenance name, as the Article
// reports it).
#ifndef LEDE_SERVER_ENGINE_PAGE_FACTS_H_
#define LEDE_SERVER_ENGINE_PAGE_FACTS_H_

#include <gumbo.h>

#include <string>
#include <utility>
#include <vector>

#include "server/engine/candidates.h"
#include "server/engine/dates.h"

namespace lede::engine {

// A value and its source ("json-ld", "opengraph", "url", "request", ...).
// An empty source: the page gave nothing for it.
template <typename T>
struct Sourced {
  T value{};
  std::string source;

  bool found() const { return !source.empty(); }
  void Set(T new_value, std::string new_source) {
    value = std::move(new_value);
    source = std::move(new_source);
  }
};

// A node of the page that the metadata stage read a byline or a date from:
// a "byline" element, a <time>, a dateline's text, a rel=author link.
struct NodeRead {
  const GumboNode* node = nullptr;
  Field field = Field::kAuthors;  // what was read from it
  std::string source;             // as the candidate's provenance names it
};

// A schema.org type the page declares: a JSON-LD "@type", a microdata
// itemtype's last path segment ("Product").
struct SchemaType {
  std::string name;
  // Inside another item (a Product listed in an ItemList, an Answer to a
  // Question, an Offer of a Product), not the page's own.
  bool nested = false;
};

// Most schema types a page's facts keep.
inline constexpr size_t kMaxSchemaTypes = 1000;

struct PageFacts {
  // The request's URL, else what the document says of itself.
  Sourced<std::string> url;
  // rel=canonical, resolved; reported without a provenance of its own.
  std::string canonical_url;
  Sourced<std::string> site_name;
  Sourced<std::string> title;
  // The heading the title was read from as the page shows it ("Headline |
  // Site" for the title "Headline"); "" when the title is not a heading's.
  std::string title_heading;
  // The metadata's title or the <title>, without the site's name, when the
  // title is a lone <h1> that neither confirms (a landing page's pitch
  // beside the page's name); empty otherwise. A page type whose headline is
  // a pitch takes it instead (RetitleForType).
  Sourced<std::string> named_title;
  Sourced<std::string> description;
  // Who supplied the story (a wire service, "来源：新华社").
  Sourced<std::string> source;
  Sourced<std::vector<std::string>> authors;
  Sourced<std::vector<std::string>> editors;
  Sourced<std::vector<std::string>> tags;
  Sourced<std::vector<std::string>> categories;
  Sourced<ParsedDate> published;
  Sourced<ParsedDate> modified;
  // The image the page names for itself (og:image, ...), resolved.
  Sourced<std::string> lead_image;
  // What the page says its body is (JSON-LD articleBody); "" when it says
  // nothing.
  Sourced<std::string> declared_body;
  // The language the page declares: <html lang>, else a <meta> that names
  // one ("zh-CN", "fr"; og:locale's "zh_CN" written "zh-CN"). "" when none.
  std::string declared_language;
  // The schema.org types the page declares, in document order (JSON-LD
  // first), at most kMaxSchemaTypes.
  std::vector<SchemaType> schema_types;
  // og:type, lower-cased ("article", "product", "website"); "" when none.
  std::string og_type;
  // Every node a byline (authors, editors, a source's credit) or a date was
  // read from, in document order. Pointers into the Dom the facts were read
  // from: they live as long as it does.
  std::vector<NodeRead> byline_nodes;
  std::vector<NodeRead> date_nodes;
};

// Calls `visit(std::string*)` on each fact that is text a reader reads (not
// URLs, dates or provenance): what a conversion of the article's script
// rewrites.
template <typename Visit>
void ForEachText(PageFacts* facts, Visit visit) {
  for (std::string* text : {&facts->title.value, &facts->description.value,
                            &facts->site_name.value, &facts->source.value}) {
    visit(text);
  }
  for (auto* list : {&facts->authors.value, &facts->editors.value,
                     &facts->tags.value, &facts->categories.value}) {
    for (std::string& text : *list) visit(&text);
  }
}

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_PAGE_FACTS_H_
