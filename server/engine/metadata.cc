#include "server/engine/metadata.h"

#include <map>
#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "re2/re2.h"
#include "server/engine/dates.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine {
namespace {

// One value a source offers for a field. Lower rank wins.
struct Candidate {
  std::string value;
  std::string source;
  int rank;
};

// Candidates per field, in the order sources were read.
class Candidates {
 public:
  void Add(const std::string& field, absl::string_view value,
           std::string source, int rank) {
    std::string clean = CollapseWhitespace(value);
    if (clean.empty()) return;
    fields_[field].push_back({std::move(clean), std::move(source), rank});
  }

  const Candidate* Best(const std::string& field) const {
    auto it = fields_.find(field);
    if (it == fields_.end()) return nullptr;
    const Candidate* best = nullptr;
    for (const Candidate& c : it->second) {
      if (best == nullptr || c.rank < best->rank) best = &c;
    }
    return best;
  }

  // Every value of the best-ranked source for a list field.
  std::vector<const Candidate*> BestList(const std::string& field) const {
    std::vector<const Candidate*> result;
    const Candidate* best = Best(field);
    if (best == nullptr) return result;
    for (const Candidate& c : fields_.at(field)) {
      if (c.source == best->source) result.push_back(&c);
    }
    return result;
  }

 private:
  std::map<std::string, std::vector<Candidate>> fields_;
};

// Source ranks, best first.
enum Rank {
  kFrontMatter = 0,
  kMarkdownHeading = 1,
  kOpenGraph = 2,
  kMeta = 3,
  kHtmlComment = 4,
  kHeading = 5,
  kTitleTag = 6,
  kRelLink = 7,
  kTextPattern = 8,
  kRequestUrl = 9,
};

void ReadFrontMatter(const FramedDocument& framed, Candidates* out) {
  // Data: front matter keys per field, as Hexo, Jekyll and Hugo name them.
  static const std::pair<const char*, const char*> kKeys[] = {
      {"title", "title"},         {"date", "published"},
      {"published", "published"}, {"updated", "modified"},
      {"lastmod", "modified"},    {"author", "authors"},
      {"authors", "authors"},     {"categories", "categories"},
      {"category", "categories"}, {"tags", "tags"},
      {"keywords", "tags"},       {"headimg", "image"},
      {"image", "image"},         {"cover", "image"},
      {"thumbnail", "image"},     {"description", "description"},
      {"summary", "description"}, {"url", "url"},
      {"source", "source"},       {"permalink", "url"},
  };
  for (const auto& [key, field] : kKeys) {
    auto it = framed.front_matter.find(key);
    if (it == framed.front_matter.end()) continue;
    for (const std::string& value : it->second) {
      out->Add(field, value, "front-matter", kFrontMatter);
    }
  }
}

void ReadHead(const Dom& dom, Candidates* out) {
  WalkTree(dom.document(), [&](const GumboNode* node, int) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) {
      return false;
    }
    if (IsElement(node, GUMBO_TAG_META)) {
      std::string key = AsciiLower(Attribute(node, "property"));
      if (key.empty()) key = AsciiLower(Attribute(node, "name"));
      absl::string_view content = Attribute(node, "content");
      // Data: <meta> names per field.
      static const std::pair<const char*, const char*> kMetaNames[] = {
          {"og:title", "title"},
          {"og:site_name", "site_name"},
          {"og:description", "description"},
          {"og:url", "url"},
          {"og:image", "image"},
          {"article:published_time", "published"},
          {"article:modified_time", "modified"},
          {"article:tag", "tags"},
          {"article:section", "categories"},
          {"description", "description"},
          {"author", "authors"},
          {"keywords", "tags"},
          {"pubdate", "published"},
          {"publishdate", "published"},
          {"date", "published"},
          {"twitter:title", "title"},
          {"twitter:image", "image"},
      };
      for (const auto& [name, field] : kMetaNames) {
        if (key != name) continue;
        bool open_graph = absl::StartsWith(key, "og:") ||
                          absl::StartsWith(key, "article:") ||
                          absl::StartsWith(key, "twitter:");
        if (absl::string_view(field) == "tags" && key == "keywords") {
          for (absl::string_view tag :
               absl::StrSplit(content, absl::ByAnyChar(",，;"))) {
            out->Add(field, tag, "meta", kMeta);
          }
          continue;
        }
        out->Add(field, content, open_graph ? "opengraph" : "meta",
                 open_graph ? kOpenGraph : kMeta);
      }
      return false;
    }
    if (IsElement(node, GUMBO_TAG_TITLE)) {
      out->Add("title_tag", TextContent(node), "title-tag", kTitleTag);
      return false;
    }
    if (IsElement(node, GUMBO_TAG_LINK) || IsElement(node, GUMBO_TAG_A)) {
      std::string rel = AsciiLower(Attribute(node, "rel"));
      if (rel == "canonical") {
        out->Add("canonical", Attribute(node, "href"), "rel", kRelLink);
      } else if (absl::StrContains(rel, "tag")) {
        out->Add("tags", TextContent(node), "rel-tag", kRelLink);
      } else if (rel == "author" && IsElement(node, GUMBO_TAG_A)) {
        out->Add("authors", TextContent(node), "rel-author", kRelLink);
      }
      return IsElement(node, GUMBO_TAG_A) ? false : true;
    }
    if (IsElement(node, GUMBO_TAG_TIME)) {
      out->Add("published", Attribute(node, "datetime"), "time", kHeading);
    }
    if (IsElement(node, GUMBO_TAG_H1) || IsElement(node, GUMBO_TAG_H2)) {
      out->Add(IsElement(node, GUMBO_TAG_H1) ? "h1" : "h2", TextContent(node),
               "heading", kHeading);
      return false;
    }
    if (IsElement(node, GUMBO_TAG_SCRIPT) || IsElement(node, GUMBO_TAG_STYLE)) {
      return false;
    }
    return true;
  });
}

// "来源：环球网 / 乌元春 张江平" and the like, in the page's own text. Only
// the elements around text that names a source are read, so the walk stays
// linear in the page's size.
void ReadTextPatterns(const Dom& dom, Candidates* out) {
  static const LazyRE2 kKeyword = {R"(来源|來源|稿源|出处)"};
  static const LazyRE2 kSource = {
      R"((?:来源|來源|稿源|出处)\s*[:：]\s*([^\s/|｜,，:：<]{2,20}))"};
  WalkTree(dom.body(), [&](const GumboNode* node, int) {
    if (node->type == GUMBO_NODE_TEXT) {
      if (!RE2::PartialMatch(node->v.text.text, *kKeyword)) return false;
      // The source's name is often a link or span beside the keyword.
      const std::string text = TextContent(node->parent);
      std::string source;
      if (text.size() <= 200 &&
          RE2::PartialMatch(Piece(text), *kSource, &source)) {
        out->Add("source", source, "text-pattern", kTextPattern);
      }
      return false;
    }
    return node->type == GUMBO_NODE_ELEMENT &&
           !IsElement(node, GUMBO_TAG_SCRIPT) &&
           !IsElement(node, GUMBO_TAG_STYLE);
  });
}

// "Title - Site", "Title | Site", "Title_科技_腾讯网" -> "Title".
std::string StripSiteSuffix(absl::string_view title) {
  static const LazyRE2 kSeparators = {R"(^(.+?)\s*(?:\s[-|–—]\s|｜|_)\s*.+$)"};
  std::string head;
  if (RE2::FullMatch(Piece(title), *kSeparators, &head) &&
      CodePointCount(head) >= 8) {
    return head;
  }
  return std::string(title);
}

void SetDate(const Candidates& candidates, const char* field,
             absl::Time reference_time, v1::Article* article, bool published) {
  const Candidate* best = nullptr;
  std::optional<ParsedDate> date;
  auto it_end = candidates.BestList(field);
  for (const Candidate* c : it_end) {
    date = ParseDate(c->value);
    if (date && date->time <= reference_time) {
      best = c;
      break;
    }
    date.reset();
  }
  if (!date) return;
  auto* timestamp = published ? article->mutable_published_time()
                              : article->mutable_modified_time();
  timestamp->set_seconds(absl::ToUnixSeconds(date->time));
  if (published) {
    article->set_published_time_precision(date->precision);
    article->set_published_time_text(date->text);
  } else {
    article->set_modified_time_precision(date->precision);
    article->set_modified_time_text(date->text);
  }
  (*article->mutable_provenance())[published ? "published_time"
                                             : "modified_time"] = best->source;
}

void SetString(const Candidates& candidates, const char* field,
               const char* article_field, std::string* target,
               v1::Article* article) {
  const Candidate* best = candidates.Best(field);
  if (best == nullptr) return;
  *target = best->value;
  (*article->mutable_provenance())[article_field] = best->source;
}

void SetList(const Candidates& candidates, const char* field,
             google::protobuf::RepeatedPtrField<std::string>* target,
             v1::Article* article) {
  std::vector<const Candidate*> values = candidates.BestList(field);
  for (const Candidate* c : values) {
    if (std::find(target->begin(), target->end(), c->value) == target->end()) {
      target->Add(std::string(c->value));
    }
  }
  if (!values.empty()) {
    (*article->mutable_provenance())[field] = values.front()->source;
  }
}

}  // namespace

absl::Status ExtractMetadata(const Dom& dom, const FramedDocument& framed,
                             const MetadataOptions& options,
                             absl::Time deadline, v1::Article* article) {
  Candidates candidates;
  ReadFrontMatter(framed, &candidates);
  if (!framed.heading_title.empty()) {
    candidates.Add("title", framed.heading_title, "markdown-heading",
                   kMarkdownHeading);
  }
  if (!framed.heading_url.empty()) {
    candidates.Add("url", framed.heading_url, "markdown-heading",
                   kMarkdownHeading);
  }
  if (framed.comment_epoch_ms) {
    ParsedDate date = DateFromEpochMillis(
        *framed.comment_epoch_ms, std::to_string(*framed.comment_epoch_ms));
    candidates.Add("published", date.text, "html-comment", kHtmlComment);
  }
  ReadHead(dom, &candidates);
  if (absl::Now() > deadline) {
    return absl::DeadlineExceededError(
        "deadline passed while reading the page's metadata");
  }
  ReadTextPatterns(dom, &candidates);
  if (!options.url.empty()) {
    candidates.Add("url", options.url, "request", kRequestUrl);
  }

  // Title: an explicit title, else <title> without its site suffix, else the
  // page's first h1 (h2 in a fragment).
  if (const Candidate* title = candidates.Best("title")) {
    article->set_title(title->value);
    (*article->mutable_provenance())["title"] = title->source;
  } else if (const Candidate* tag = candidates.Best("title_tag")) {
    article->set_title(StripSiteSuffix(tag->value));
    (*article->mutable_provenance())["title"] = tag->source;
  } else {
    for (const char* heading : {"h1", "h2"}) {
      if (const Candidate* h = candidates.Best(heading)) {
        article->set_title(h->value);
        (*article->mutable_provenance())["title"] = h->source;
        break;
      }
    }
  }
  SetString(candidates, "url", "url", article->mutable_url(), article);
  SetString(candidates, "description", "description",
            article->mutable_description(), article);
  SetString(candidates, "source", "source", article->mutable_source(), article);
  SetString(candidates, "site_name", "site_name", article->mutable_site_name(),
            article);
  if (const Candidate* canonical = candidates.Best("canonical")) {
    article->set_canonical_url(ResolveUrl(article->url(), canonical->value));
  }
  if (article->site_name().empty() && !article->url().empty()) {
    std::string host = UrlHost(article->url());
    if (!host.empty()) {
      article->set_site_name(host);
      (*article->mutable_provenance())["site_name"] = "url";
    }
  }
  SetList(candidates, "authors", article->mutable_authors(), article);
  SetList(candidates, "tags", article->mutable_tags(), article);
  SetList(candidates, "categories", article->mutable_categories(), article);
  SetDate(candidates, "published", options.reference_time, article, true);
  SetDate(candidates, "modified", options.reference_time, article, false);
  if (const Candidate* image = candidates.Best("image")) {
    article->mutable_lead_image()->set_url(
        ResolveUrl(article->url(), image->value));
    (*article->mutable_provenance())["lead_image"] = image->source;
  }
  return absl::OkStatus();
}

}  // namespace lede::engine
