// Data for the metadata stage: which markup names which field, and how far
// each source is trusted. The algorithm is in metadata.cc.
#ifndef LEDE_SERVER_ENGINE_METADATA_RULES_H_
#define LEDE_SERVER_ENGINE_METADATA_RULES_H_

#include "absl/strings/string_view.h"
#include "server/engine/candidates.h"

namespace lede::engine::metadata_rules {

struct MetaName {
  absl::string_view name;  // lower-cased property/name/itemprop value
  Field field;
  absl::string_view source;
  int rank;
};

// <meta property|name|itemprop=...>.
inline constexpr MetaName kMetaNames[] = {
    {"og:title", Field::kTitle, "opengraph", kRankOpenGraph},
    {"twitter:title", Field::kTitle, "twitter", kRankOpenGraph + 1},
    {"og:site_name", Field::kSiteName, "opengraph", kRankOpenGraph},
    {"application-name", Field::kSiteName, "meta", kRankMeta},
    {"og:description", Field::kDescription, "opengraph", kRankOpenGraph},
    {"twitter:description", Field::kDescription, "twitter", kRankOpenGraph + 1},
    {"description", Field::kDescription, "meta", kRankMeta},
    {"og:url", Field::kUrl, "opengraph", kRankOpenGraph},
    {"og:image", Field::kImage, "opengraph", kRankOpenGraph},
    {"og:image:url", Field::kImage, "opengraph", kRankOpenGraph},
    {"og:image:secure_url", Field::kImage, "opengraph", kRankOpenGraph},
    {"twitter:image", Field::kImage, "twitter", kRankOpenGraph + 1},
    {"twitter:image:src", Field::kImage, "twitter", kRankOpenGraph + 1},
    {"article:published_time", Field::kPublished, "opengraph", kRankOpenGraph},
    {"article:published", Field::kPublished, "opengraph", kRankOpenGraph},
    {"og:article:published_time", Field::kPublished, "opengraph",
     kRankOpenGraph},
    {"article:modified_time", Field::kModified, "opengraph", kRankOpenGraph},
    {"og:updated_time", Field::kModified, "opengraph", kRankOpenGraph},
    {"article:author", Field::kAuthors, "opengraph", kRankOpenGraph},
    {"article:tag", Field::kTags, "opengraph", kRankOpenGraph},
    {"article:section", Field::kCategories, "opengraph", kRankOpenGraph},
    {"author", Field::kAuthors, "meta", kRankMeta},
    {"byl", Field::kAuthors, "meta", kRankMeta},
    {"sailthru.author", Field::kAuthors, "meta", kRankMeta},
    {"parsely-author", Field::kAuthors, "meta", kRankMeta},
    {"parsely-title", Field::kTitle, "meta", kRankMeta},
    {"dc.creator", Field::kAuthors, "dublin-core", kRankMeta},
    {"dcterms.creator", Field::kAuthors, "dublin-core", kRankMeta},
    {"dc.title", Field::kTitle, "dublin-core", kRankMeta},
    {"dc.date", Field::kPublished, "dublin-core", kRankMeta},
    {"dc.date.issued", Field::kPublished, "dublin-core", kRankMeta},
    {"dcterms.date", Field::kPublished, "dublin-core", kRankMeta},
    {"dcterms.issued", Field::kPublished, "dublin-core", kRankMeta},
    {"dcterms.created", Field::kPublished, "dublin-core", kRankMeta},
    {"dcterms.modified", Field::kModified, "dublin-core", kRankMeta},
    {"dc.publisher", Field::kSiteName, "dublin-core", kRankMeta + 1},
    {"pubdate", Field::kPublished, "meta", kRankMeta},
    {"publishdate", Field::kPublished, "meta", kRankMeta},
    {"publish-date", Field::kPublished, "meta", kRankMeta},
    {"publish_date", Field::kPublished, "meta", kRankMeta},
    {"date", Field::kPublished, "meta", kRankMeta},
    {"datepublished", Field::kPublished, "microdata", kRankMicrodata},
    {"datecreated", Field::kPublished, "microdata", kRankMicrodata + 1},
    {"datemodified", Field::kModified, "microdata", kRankMicrodata},
    {"sailthru.date", Field::kPublished, "meta", kRankMeta},
    {"parsely-pub-date", Field::kPublished, "meta", kRankMeta},
    {"article.published", Field::kPublished, "meta", kRankMeta},
    {"published-date", Field::kPublished, "meta", kRankMeta},
    {"og:published_time", Field::kPublished, "opengraph", kRankOpenGraph},
    {"weibo: article:create_at", Field::kPublished, "meta", kRankMeta},
    {"last-modified", Field::kModified, "meta", kRankMeta},
    {"keywords", Field::kKeywords, "meta", kRankMeta},
    {"news_keywords", Field::kKeywords, "meta", kRankMeta},
    {"article:source", Field::kSource, "meta", kRankMeta},
    {"source", Field::kSource, "meta", kRankMeta},
};

// itemprop values on visible elements (microdata) and their fields.
inline constexpr MetaName kItemProps[] = {
    {"headline", Field::kTitle, "microdata", kRankMicrodata},
    {"author", Field::kAuthors, "microdata", kRankMicrodata},
    {"creator", Field::kAuthors, "microdata", kRankMicrodata},
    {"datepublished", Field::kPublished, "microdata", kRankMicrodata},
    {"datecreated", Field::kPublished, "microdata", kRankMicrodata + 1},
    {"datemodified", Field::kModified, "microdata", kRankMicrodata},
    {"articlesection", Field::kCategories, "microdata", kRankMicrodata},
    {"keywords", Field::kKeywords, "microdata", kRankMicrodata},
};

// Front matter keys and the fields they hold, as Hexo, Jekyll and Hugo name
// them.
struct FrontMatterKey {
  const char* key;
  Field field;
};
inline constexpr FrontMatterKey kFrontMatterKeys[] = {
    {"title", Field::kTitle},         {"date", Field::kPublished},
    {"published", Field::kPublished}, {"updated", Field::kModified},
    {"lastmod", Field::kModified},    {"author", Field::kAuthors},
    {"authors", Field::kAuthors},     {"categories", Field::kCategories},
    {"category", Field::kCategories}, {"tags", Field::kTags},
    {"keywords", Field::kTags},       {"headimg", Field::kImage},
    {"image", Field::kImage},         {"cover", Field::kImage},
    {"thumbnail", Field::kImage},     {"description", Field::kDescription},
    {"summary", Field::kDescription}, {"url", Field::kUrl},
    {"source", Field::kSource},       {"permalink", Field::kUrl},
};

// <meta> elements that name the page's language: attribute and its value
// (lower case); the language is in their content attribute.
struct LanguageMeta {
  const char* attribute;
  absl::string_view value;
};
inline constexpr LanguageMeta kLanguageMetas[] = {
    {"http-equiv", "content-language"}, {"name", "language"},
    {"name", "content-language"},       {"name", "dc.language"},
    {"property", "og:locale"},
};

// Microdata item types whose facts are not the article's: media and
// comments (see ItemKind in metadata.cc).
inline constexpr char kMediaItemTypePattern[] =
    R"((?i)schema\.org/(ImageObject|VideoObject|AudioObject|MediaObject|Photograph)\b)";
inline constexpr char kCommentItemTypePattern[] =
    R"((?i)schema\.org/(Comment|UserComments)\b)";

// class/id words of elements holding the byline.
inline constexpr char kBylineClassPattern[] =
    R"((?i)(^|[\s_-])(byline|author|authors|author-name|writer|by-author|article-author|post-author|entry-author|contributor)s?($|[\s_-]))";

// class/id words of elements holding the publication date.
inline constexpr char kDateClassPattern[] =
    R"((?i)(^|[\s_-])(date|time|pubdate|published|publish|posted|post-date|entry-date|article-date|timestamp|dateline|meta|byline|info|source)($|[\s_-]|\d))";

// A publication date in a page's application state (a script's JSON), as a
// key and an ISO 8601 value; the value is the first group.
inline constexpr char kScriptDatePattern[] =
    R"(\\?"(?:datePublished|publishedDate|published_at|publishedAt|)"
    R"(publish_date|publishDate|date_published|firstPublishedAt)\\?"\s*:\s*)"
    R"(\\?"(\d{4}-\d\d-\d\d[T ][0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)\\?")";

// Containers whose dates and bylines belong to other articles or readers.
// Not "footer", "widget" or "teaser": articles keep their dates in their own
// footer (TYPO3 news), Blogger puts every post in a "widget", and a lead
// paragraph is often a "teaser" (measured on the dev sets' dates).
// The Wayback Machine's toolbar ("wm-ipp") over an archived page lists the
// archive's capture dates.
inline constexpr char kForeignContainerPattern[] =
    R"((?i)(^|[\s_-])(comment|comments|reply|replies|related|recommend|sidebar|popular|trending|more-stories|read-more)s?($|[\s_-])|^wm-ipp)";

// Words that announce a date in the text as the page's publication.
inline constexpr char kPublishedKeywordPattern[] =
    R"((?i)发表于|发布于|发布时间|发布日期|发表时间|发稿时间|發表於|發佈時間|)"
    R"(發布時間|posted\s+on|published\s+on|veröffentlicht\s+am|publié\s+le|)"
    R"(publicado\s+el|pubblicato\s+il)";

// What documentation generators put after a heading as its permalink.
inline constexpr absl::string_view kPermalinkMarks[] = {"¶", "§", "🔗"};

// Title separators between a headline and the site's name.
inline constexpr absl::string_view kTitleSeparators[] = {
    " | ", " - ", " – ", " — ", " :: ", " · ", " › ",
    " » ", " / ", "_",   "｜",  " ｜ ", "|",
};

}  // namespace lede::engine::metadata_rules

#endif  // LEDE_SERVER_ENGINE_METADATA_RULES_H_
