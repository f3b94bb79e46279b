#include "server/engine/metadata.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "server/engine/bylines.h"
#include "server/engine/candidates.h"
#include "server/engine/date_choice.h"
#include "server/engine/dates.h"
#include "server/engine/metadata_readers.h"
#include "server/engine/metadata_rules.h"
#include "server/engine/metadata_scan.h"
#include "server/engine/metadata_walk.h"
#include "server/engine/title_choice.h"
#include "server/engine/url.h"

namespace lede::engine {
namespace {

using metadata::PageScan;

// What the framing itself says: front matter, a Markdown heading's title
// and link, an epoch comment.
void ReadFraming(const FrameFacts& framed, Candidates* candidates) {
  metadata::ReadFrontMatter(framed, candidates);
  if (!framed.heading_title.empty()) {
    candidates->Add(Field::kTitle, framed.heading_title, "markdown-heading",
                    kRankOpenGraph);
  }
  if (!framed.heading_url.empty()) {
    candidates->Add(Field::kUrl, framed.heading_url, "markdown-heading",
                    kRankOpenGraph);
  }
  if (framed.comment_epoch_ms) {
    candidates->Add(Field::kPublished, std::to_string(*framed.comment_epoch_ms),
                    "html-comment", kRankMarkup);
  }
}

void SetString(const Candidates& candidates, Field field,
               Sourced<std::string>* out) {
  const Candidate* best = candidates.Best(field);
  if (best != nullptr) out->Set(best->value, best->source);
}

// A list field from its best source, cleaned by `clean` and deduplicated.
template <typename Clean>
void SetList(const Candidates& candidates, Field field,
             Sourced<std::vector<std::string>>* out, Clean clean) {
  absl::flat_hash_set<std::string> seen;
  for (const Candidate* c : candidates.All(field)) {
    if (out->found() && c->source != out->source) break;
    for (std::string& value : clean(c->value)) {
      if (value.empty() || !seen.insert(metadata::Lower(value)).second) {
        continue;
      }
      out->value.push_back(std::move(value));
      out->source = c->source;
    }
  }
}

std::vector<std::string> AsIs(const std::string& value) { return {value}; }

std::vector<std::string> AuthorNames(const std::string& value) {
  // Profile URLs (article:author) name no one.
  if (absl::StrContains(value, "://")) return {};
  return SplitAuthors(value);
}

// URL, canonical URL and site name; returns the base for the page's links.
std::string ChooseWhere(const Candidates& candidates, const PageScan& scan,
                        const MetadataOptions& options, PageFacts* facts) {
  // The request's URL, else what the document says of itself.
  if (!options.url.empty()) {
    facts->url.Set(options.url, "request");
  } else {
    SetString(candidates, Field::kUrl, &facts->url);
  }
  const std::string& url = facts->url.value;
  std::string base =
      scan.base_href.empty() ? url : ResolveUrl(url, scan.base_href);
  if (const Candidate* canonical = candidates.Best(Field::kCanonical)) {
    facts->canonical_url = ResolveUrl(base, canonical->value);
  }
  SetString(candidates, Field::kSiteName, &facts->site_name);
  if (!facts->site_name.found()) {
    std::string host = UrlHost(url.empty() ? facts->canonical_url : url);
    if (!host.empty()) facts->site_name.Set(std::move(host), "url");
  }
  return base;
}

// The publication date (the application state's, when nothing else dates
// the page; the URL's last) and the modification date.
void ChooseDates(Candidates* candidates, const PageScan& scan,
                 const MetadataOptions& options, PageFacts* facts) {
  if (candidates->All(Field::kPublished).empty() &&
      candidates->All(Field::kPublishedText).empty()) {
    metadata::ReadScriptDate(scan, candidates);
  }
  const DateHints hints = metadata::HintsFor(scan, options.reference_time);
  const std::string& url = facts->url.value;
  const std::optional<ParsedDate> url_date =
      DateFromUrl(url.empty() ? facts->canonical_url : url);
  metadata::ChooseDate(*candidates, Field::kPublished, Field::kPublishedText,
                       hints, url_date, &facts->published);
  metadata::ChooseDate(*candidates, Field::kModified, std::nullopt, hints,
                       std::nullopt, &facts->modified);
}

}  // namespace

absl::StatusOr<PageFacts> ExtractMetadata(const Dom& dom,
                                          const FrameFacts& framed,
                                          const MetadataOptions& options,
                                          absl::Time deadline,
                                          TreeVisitor* body_walk) {
  Candidates candidates;
  PageScan scan;
  ReadFraming(framed, &candidates);
  metadata::Sink sink(&candidates, &scan);
  metadata::ScanPage(dom, &sink, body_walk);
  if (absl::Now() > deadline) {
    return absl::DeadlineExceededError(
        "deadline passed while reading the page's metadata");
  }

  PageFacts facts;
  const std::string base = ChooseWhere(candidates, scan, options, &facts);
  metadata::ChooseTitle(
      candidates, scan,
      metadata::SiteNames(facts.site_name.value, facts.url.value.empty()
                                                     ? facts.canonical_url
                                                     : facts.url.value),
      &facts.title, &facts.title_heading, &facts.named_title);
  SetString(candidates, Field::kDescription, &facts.description);
  SetString(candidates, Field::kSource, &facts.source);
  SetString(candidates, Field::kBody, &facts.declared_body);
  SetList(candidates, Field::kAuthors, &facts.authors, AuthorNames);
  SetList(candidates, Field::kEditors, &facts.editors, AsIs);
  SetList(candidates, Field::kTags, &facts.tags, AsIs);
  SetList(candidates, Field::kCategories, &facts.categories, AsIs);
  ChooseDates(&candidates, scan, options, &facts);
  if (const Candidate* image = candidates.Best(Field::kImage)) {
    facts.lead_image.Set(ResolveUrl(base, image->value), image->source);
  }
  facts.declared_language = std::move(scan.declared_language);
  facts.schema_types = std::move(scan.json_ld_types);
  for (SchemaType& type : scan.microdata_types) {
    if (facts.schema_types.size() >= kMaxSchemaTypes) break;
    facts.schema_types.push_back(std::move(type));
  }
  if (const Candidate* og_type = candidates.Best(Field::kOgType)) {
    facts.og_type = absl::AsciiStrToLower(og_type->value);
  }
  facts.byline_nodes = std::move(scan.byline_nodes);
  facts.date_nodes = std::move(scan.date_nodes);
  return facts;
}

void RetitleForType(v1::PageType type, PageFacts* facts) {
  if (facts->named_title.value.empty()) return;
  for (const metadata_rules::TypeNamedByTitle& rule :
       metadata_rules::kTypesNamedByTitle) {
    if (rule.type != type) continue;
    if (rule.title_tag_too || facts->named_title.source != "title-tag") {
      facts->title = facts->named_title;
    }
    return;
  }
}

}  // namespace lede::engine
