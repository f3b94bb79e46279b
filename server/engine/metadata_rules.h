// Data for the metadata stage: which markup names which field, and how far
// each source is trusted. The algorithm is in metadata.cc.
#ifndef LEDE_SERVER_ENGINE_METADATA_RULES_H_
#define LEDE_SERVER_ENGINE_METADATA_RULES_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "lede/v1/lede.pb.h"
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
    {"og:type", Field::kOgType, "opengraph", kRankOpenGraph},
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
// A word every key of kScriptDatePattern holds, and the most bytes a match
// holds before it (the escaped quote and "firstP"): a script without the word
// holds no match, and one with it is searched from that many bytes before
// its first place (metadata_readers_test checks the keys).
inline constexpr absl::string_view kScriptDateKeyWord = "ublish";
inline constexpr size_t kScriptDateBytesBeforeKeyWord = 8;

// Containers whose dates and bylines belong to other articles or readers.
// Not "footer", "widget" or "teaser": articles keep their dates in their own
// footer (TYPO3 news), Blogger puts every post in a "widget", and a lead
// paragraph is often a "teaser" (measured on the dev sets' dates).
// The Wayback Machine's toolbar ("wm-ipp") over an archived page lists the
// archive's capture dates.
inline constexpr char kForeignContainerPattern[] =
    R"((?i)(^|[\s_-])(comment|comments|reply|replies|related|recommend|sidebar|popular|trending|more-stories|read-more)s?($|[\s_-])|^wm-ipp)";

// The words kForeignContainerPattern, kBylineClassPattern and
// kDateClassPattern look for in a class or id value, or their starts, in
// lower case: every match begins with one of them, in any case, at the
// value's start or after white space, "_" or "-". A value of ASCII with none
// there (most of a page's) is not matched against the patterns
// (metadata_walk.cc); metadata_readers_test checks that these cover the
// patterns' words.
inline constexpr absl::string_view kRoleWordStarts[] = {
    // kForeignContainerPattern's
    "comment", "reply", "replies", "related", "recommend", "sidebar", "popular",
    "trending", "more-stories", "read-more", "wm-ipp",
    // kBylineClassPattern's
    "byline", "author", "writer", "by-author", "article-author", "post-author",
    "entry-author", "contributor",
    // kDateClassPattern's ("byline" is above)
    "date", "time", "pubdate", "publish", "posted", "post-date", "entry-date",
    "article-date", "meta", "info", "source"};

// Words that announce a date in the text as the page's publication.
inline constexpr char kPublishedKeywordPattern[] =
    R"((?i)发表于|发布于|发布时间|发布日期|发表时间|发稿时间|發表於|發佈時間|)"
    R"(發布時間|posted\s+on|published\s+on|veröffentlicht\s+am|publié\s+le|)"
    R"(publicado\s+el|pubblicato\s+il)";

// What documentation generators put after a heading as its permalink.
inline constexpr absl::string_view kPermalinkMarks[] = {"¶", "§", "🔗"};

// Title separators between a headline and the site's name.
inline constexpr absl::string_view kTitleSeparators[] = {
    " | ", " - ", " – ", " — ", " :: ", " · ",  " • ",
    " › ", " » ", " / ", "_",   "｜",   " ｜ ", "|",
};

// A colon between a title's parts: a subtitle after it ("Hiking Boots:
// Shop Boots for Hiking"), or a post's title after a blog's name ("Blog:
// Post").
inline constexpr absl::string_view kTitleColon = ": ";

// How a title cut short ends ("The council approves the…"): a heading or
// another title that goes on from it says it whole.
inline constexpr absl::string_view kTitleEllipses[] = {"\u2026", "..."};
// ...when what comes before the ellipsis has this many code points.
inline constexpr size_t kMinCutShortTitle = 10;

// Labels of a host that name no site: "www.example.co.uk" is "example".
inline constexpr absl::string_view kHostLabelsNotSite[] = {
    "www",   "com",  "org", "net",     "gov",      "edu",       "blog",
    "blogs", "news", "web", "archive", "blogspot", "wordpress", "home"};
// Shorter labels ("co", "m", "en") name no site either.
inline constexpr size_t kMinSiteLabel = 3;
// A title's part names the site when, letters and digits alone, it is the
// site's name or a label of the host; a part after the headline also when
// it starts with one (or one starts with it) of at least kMinSiteKeyPrefix
// of them and has at most kMaxSitePartWords words ("Krimiblog-Archiv" on
// krimiblog.de). A first part must be the name: "Nintendo Switch – OLED
// Model" is a product of nintendo.com.
inline constexpr size_t kMinSiteKeyPrefix = 6;
inline constexpr size_t kMaxSitePartWords = 4;

// ---- What the walk reads, and how much of it. ----

// Longest text an element may hold to be read as a byline or a dateline.
inline constexpr size_t kMaxBylineBytes = 200;
// Longest headline believed, in code points.
inline constexpr size_t kMaxTitleLength = 150;
// Headings read as possible headlines, at most.
inline constexpr size_t kMaxHeadings = 40;
// Text nodes read as possible datelines, at most, and their longest length.
inline constexpr int kMaxTextDates = 8;
inline constexpr size_t kMaxDatelineBytes = 100;
// ...and how much of the start of a longer one is read for a dateline.
inline constexpr int32_t kDatelinePrefixBytes = 40;
// How far up from a date's text a link is looked for, and how much more
// than the date (beyond twice its length) the link may say and still be the
// date's permalink ("Posted on May 5, 2020").
inline constexpr int kMaxLinkLevelsAboveDate = 3;
inline constexpr size_t kMaxLinkTextBesideDate = 12;
// Longest label before a date that is read for what the date is.
inline constexpr size_t kMaxDateLabelBytes = 40;

// What follows a date that opens a period ("12/01/2004 - 01/01/2005" in a
// blog's archive, "3月1日至5月31日"): such a date dates no page.
inline constexpr char kPeriodAfterDatePattern[] =
    R"(^\s*(?:-|–|—|~|～|至|到|bis)\s*\d)";

// Words of a Chinese page's credits in its text ("来源：环球网 记者 张三
// 责任编辑：李四"): a text node holding one is read for them. Each
// alternative starts with a Chinese character, so a text of ASCII alone is
// not scanned (metadata_readers_test holds the pattern to it).
inline constexpr char kCreditKeywordPattern[] =
    R"(来源|來源|稿源|出处|出處|作者|记者|記者|编辑|編輯|撰文|文\s*[/／:：]|报道[)）])";

// ---- Dates. ----

// How a timestamp that is stated in UTC ends ("…Z", "…+00:00", "… GMT"):
// its day need not be the one the page shows its readers.
inline constexpr absl::string_view kUtcStampEnds[] = {"Z", "+00:00", "+0000",
                                                      "GMT", "UTC"};

// Page languages (<html lang>, lower case) that write dates month first
// (05/10/2023 is 10 May).
inline constexpr absl::string_view kMonthFirstLanguages[] = {"en-us", "en_us"};

// The time zones a page's own day may be in, around UTC: a day the page
// shows is the same instant as a UTC stamp when they differ by whole
// quarter hours within these bounds.
inline constexpr int kEarliestZoneMinutes = -12 * 60;
inline constexpr int kLatestZoneMinutes = 14 * 60;
inline constexpr int kZoneStepMinutes = 15;

// ---- Titles. ----

// "Headline | Site" is cut at a separator (Readability's rule) when the
// part kept holds at least kMinTitleHead code points, or
// kMinTitleHeadSpacedAlike when it has spaces exactly when the whole title
// has (a CJK headline before a spaced site name does not).
inline constexpr size_t kMinTitleHead = 15;
inline constexpr size_t kMinTitleHeadSpacedAlike = 8;
// "Headline_Section_Site": a section name of at most kMaxSectionName code
// points between the headline and the site goes too, when the headline
// before it keeps kMinHeadlineBeforeSection.
inline constexpr size_t kMaxSectionName = 6;
inline constexpr size_t kMinHeadlineBeforeSection = 8;
// A lone <h1> shorter than this names a site or a section, not an article.
inline constexpr size_t kMinLoneHeadline = 10;
// Typographic quotes and the plain ones they render: an <h1> in the page's
// chrome that says a title in other quotes alone is that title, as the
// metadata writes it (title_choice.cc).
struct QuoteSpelling {
  absl::string_view typographic, plain;
};
inline constexpr QuoteSpelling kTypographicQuotes[] = {
    {"\u2018", "'"},  {"\u2019", "'"},  {"\u201A", "'"},  {"\u201B", "'"},
    {"\u201C", "\""}, {"\u201D", "\""}, {"\u201E", "\""}, {"\u201F", "\""},
};

// Page types whose <h1>, when no title confirms it, is a pitch or a
// shelf's short label, and whose metadata's title (og:title, JSON-LD) or
// <title> names the page: on them that title, without the site's name, is
// the title. A service page's <h1> is a slogan ("The complete customer
// service solution" under "Customer service software | Zendesk"); a
// collection's <title> is often written for search engines ("Hiking Boots:
// Shop Boots for Hiking & Backpacking"), so only its metadata's title is
// taken.
struct TypeNamedByTitle {
  v1::PageType type;
  bool title_tag_too;  // the <title> when the metadata states no title
};
inline constexpr TypeNamedByTitle kTypesNamedByTitle[] = {
    {v1::PAGE_TYPE_SERVICE, true},
    {v1::PAGE_TYPE_COLLECTION, false},
};

// How far a heading confirms a title (title_choice.cc).
enum class Confirms {
  kNo,
  kFragment,      // the heading is part of the title ("Post" in "Post
                  // of the week"), or a logo inside a title's site part
  kLeadingPart,   // the heading is the title's first part, a colon
                  // after it ("Kayaks" in "Kayaks: Shop Boats | Site")
  kHeadingHolds,  // the heading holds the title and more (a kicker)
  kSame,          // they say the same, with or without the site's name
};

// What the title is when a heading confirms a metadata or <title> title.
enum class TitlePick {
  kNothing,  // not this title: the next one is tried
  kHeading,  // the heading as the page shows it (provenance "heading")
  kTitle,    // the title without the site's name, from the title's source
  // The title whole when the heading says all of it, site's name and all;
  // else without the site's name. From the title's source.
  kTitleWhole,
};

enum class HeadingRank { kFirstLevel, kLowerLevels };  // <h1>; <h2>, <h3>
enum class InChrome { kNo, kYes, kEither };  // <header>, <nav>, <footer>...

// The visible headline that a title confirms, tier by tier; in a tier,
// heading by heading, then title by title (the metadata's, the <title>).
struct TitleTier {
  HeadingRank rank;
  InChrome chrome;
  // Only headings longer than the lone <h1>, when the page has one.
  bool longer_than_lone_h1;
  // What each way of confirming gives. `on_holds_at_end`: the heading holds
  // the title and ends with it ("Politics | Title").
  TitlePick on_same, on_holds_at_end, on_holds, on_fragment, on_leading_part;
};

inline constexpr TitleTier kTitleTiers[] = {
    // An <h1> outside the page's chrome (a <header> may hold the logo).
    {HeadingRank::kFirstLevel, InChrome::kNo, false, TitlePick::kHeading,
     TitlePick::kTitle, TitlePick::kHeading, TitlePick::kHeading,
     TitlePick::kHeading},
    // An <h1> inside it (an article's own <header>), where a heading that
    // holds the title and more carries a kicker, so the title is the
    // headline; a heading that is the title's first part is the headline
    // the title goes on from ("Hiking Boots" over "Hiking Boots: Shop
    // Boots for Hiking | Site").
    {HeadingRank::kFirstLevel, InChrome::kYes, false, TitlePick::kHeading,
     TitlePick::kTitle, TitlePick::kTitle, TitlePick::kNothing,
     TitlePick::kHeading},
    // A lower heading longer than the lone <h1>, which names the section
    // ("Allergies Health Center" over "Babies Who Eat Peanuts...").
    {HeadingRank::kLowerLevels, InChrome::kEither, true, TitlePick::kTitleWhole,
     TitlePick::kNothing, TitlePick::kNothing, TitlePick::kNothing,
     TitlePick::kNothing},
};

}  // namespace lede::engine::metadata_rules

#endif  // LEDE_SERVER_ENGINE_METADATA_RULES_H_
