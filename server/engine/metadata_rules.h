// Data for the metadata stage: which markup names which field, and how far
// each source is trusted. The algorithm is in metadata.cc.
#ifndef LEDE_SERVER_ENGINE_METADATA_RULES_H_
#define LEDE_SERVER_ENGINE_METADATA_RULES_H_

#include "absl/strings/string_view.h"
#include "server/engine/candidates.h"

namespace lede::engine::metadata_rules {

struct MetaName {
  absl::string_view name;   // lower-cased property/name/itemprop value
  absl::string_view field;  // candidate field
  absl::string_view source;
  int rank;
};

// <meta property|name|itemprop=...>.
inline constexpr MetaName kMetaNames[] = {
    {"og:title", "title", "opengraph", kRankOpenGraph},
    {"twitter:title", "title", "twitter", kRankOpenGraph + 1},
    {"og:site_name", "site_name", "opengraph", kRankOpenGraph},
    {"application-name", "site_name", "meta", kRankMeta},
    {"og:description", "description", "opengraph", kRankOpenGraph},
    {"twitter:description", "description", "twitter", kRankOpenGraph + 1},
    {"description", "description", "meta", kRankMeta},
    {"og:url", "url", "opengraph", kRankOpenGraph},
    {"og:image", "image", "opengraph", kRankOpenGraph},
    {"og:image:url", "image", "opengraph", kRankOpenGraph},
    {"og:image:secure_url", "image", "opengraph", kRankOpenGraph},
    {"twitter:image", "image", "twitter", kRankOpenGraph + 1},
    {"twitter:image:src", "image", "twitter", kRankOpenGraph + 1},
    {"article:published_time", "published", "opengraph", kRankOpenGraph},
    {"article:published", "published", "opengraph", kRankOpenGraph},
    {"og:article:published_time", "published", "opengraph", kRankOpenGraph},
    {"article:modified_time", "modified", "opengraph", kRankOpenGraph},
    {"og:updated_time", "modified", "opengraph", kRankOpenGraph},
    {"article:author", "authors", "opengraph", kRankOpenGraph},
    {"article:tag", "tags", "opengraph", kRankOpenGraph},
    {"article:section", "categories", "opengraph", kRankOpenGraph},
    {"author", "authors", "meta", kRankMeta},
    {"byl", "authors", "meta", kRankMeta},
    {"sailthru.author", "authors", "meta", kRankMeta},
    {"parsely-author", "authors", "meta", kRankMeta},
    {"parsely-title", "title", "meta", kRankMeta},
    {"dc.creator", "authors", "dublin-core", kRankMeta},
    {"dcterms.creator", "authors", "dublin-core", kRankMeta},
    {"dc.title", "title", "dublin-core", kRankMeta},
    {"dc.date", "published", "dublin-core", kRankMeta},
    {"dc.date.issued", "published", "dublin-core", kRankMeta},
    {"dcterms.date", "published", "dublin-core", kRankMeta},
    {"dcterms.issued", "published", "dublin-core", kRankMeta},
    {"dcterms.created", "published", "dublin-core", kRankMeta},
    {"dcterms.modified", "modified", "dublin-core", kRankMeta},
    {"dc.publisher", "site_name", "dublin-core", kRankMeta + 1},
    {"pubdate", "published", "meta", kRankMeta},
    {"publishdate", "published", "meta", kRankMeta},
    {"publish-date", "published", "meta", kRankMeta},
    {"publish_date", "published", "meta", kRankMeta},
    {"date", "published", "meta", kRankMeta},
    {"datepublished", "published", "microdata", kRankMicrodata},
    {"datecreated", "published", "microdata", kRankMicrodata + 1},
    {"datemodified", "modified", "microdata", kRankMicrodata},
    {"sailthru.date", "published", "meta", kRankMeta},
    {"parsely-pub-date", "published", "meta", kRankMeta},
    {"article.published", "published", "meta", kRankMeta},
    {"published-date", "published", "meta", kRankMeta},
    {"og:published_time", "published", "opengraph", kRankOpenGraph},
    {"weibo: article:create_at", "published", "meta", kRankMeta},
    {"last-modified", "modified", "meta", kRankMeta},
    {"keywords", "keywords", "meta", kRankMeta},
    {"news_keywords", "keywords", "meta", kRankMeta},
    {"article:source", "source", "meta", kRankMeta},
    {"source", "source", "meta", kRankMeta},
};

// itemprop values on visible elements (microdata) and their fields.
inline constexpr MetaName kItemProps[] = {
    {"headline", "title", "microdata", kRankMicrodata},
    {"author", "authors", "microdata", kRankMicrodata},
    {"creator", "authors", "microdata", kRankMicrodata},
    {"datepublished", "published", "microdata", kRankMicrodata},
    {"datecreated", "published", "microdata", kRankMicrodata + 1},
    {"datemodified", "modified", "microdata", kRankMicrodata},
    {"articlesection", "categories", "microdata", kRankMicrodata},
    {"keywords", "keywords", "microdata", kRankMicrodata},
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
