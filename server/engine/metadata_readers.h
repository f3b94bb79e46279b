// The metadata stage's readers: each reads one kind of thing the page says
// of itself, for the walk (metadata_walk.h) that meets it. They add
// candidates and fill the scan through a Sink. Internal to the metadata
// stage.
#ifndef LEDE_SERVER_ENGINE_METADATA_READERS_H_
#define LEDE_SERVER_ENGINE_METADATA_READERS_H_

#include <gumbo.h>

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "server/engine/candidates.h"
#include "server/engine/frame.h"
#include "server/engine/metadata_scan.h"

namespace lede::engine::metadata {

// ---- The head and the page's data. ----

// The language the first <meta> under `head` names (http-equiv
// content-language, name=language, og:locale, ...), "" when none does;
// og:locale's "zh_CN" as "zh-CN".
std::string LanguageOfMetas(const GumboNode* head);

// A <meta>'s property, name, itemprop and http-equiv (kMetaNames); not the
// properties an open microdata item keeps for itself (`item`).
void ReadMeta(const GumboNode* meta, ItemKind item, Sink* sink);

// <title> and <base href>: the first of each.
void ReadTitleTag(const GumboNode* title, Sink* sink);
void ReadBase(const GumboNode* base, Sink* sink);

// rel=canonical on a <link>; rel=author and rel=tag on an <a>.
void ReadRel(const GumboNode* element, Sink* sink);

// A <script>: JSON-LD read now; another kept for ReadScriptDate.
void ReadScript(const GumboNode* script, Sink* sink);

// ---- Microdata. ----

// What an item's itemtype makes it.
ItemKind KindOfItem(absl::string_view itemtype);

// An item's types ("https://schema.org/Product", several separated by
// spaces) added to PageScan::microdata_types by their last path segment;
// `nested` when another item is open.
void ReadItemTypes(absl::string_view itemtype, bool nested, Sink* sink);

// An element's itemprop (kItemProps): its content, datetime or text.
void ReadItemProp(const GumboNode* element, absl::string_view itemprop,
                  ItemKind item, Sink* sink);

// ---- What the page shows. ----

// <time>: its datetime, else its text; above the others with pubdate.
void ReadTime(const GumboNode* time, Sink* sink);

// An <h1> to <h3>, as a possible headline (PageScan::headings).
void ReadHeading(const GumboNode* heading, bool in_chrome, Sink* sink);

// An element whose class or id says it holds the byline or the date.
void ReadClassHints(const GumboNode* element, bool byline, bool date,
                    Sink* sink);

// A text node that may be a dateline ("27. Januar 2020", "Posted June 4"),
// tried only when nothing marked up gives a date; kMaxTextDates at most.
void ReadDateline(const GumboNode* text_node, Sink* sink);

// A text node of a Chinese page's credits ("来源：环球网 记者 张三").
void ReadCredits(const GumboNode* text_node, Sink* sink);

// Where in `text` a credit's keyword (kCreditKeywordPattern) may start: the
// byte offset of the first character the keywords start with; npos when it
// holds none, and then ReadCredits does not search it.
size_t CreditKeywordStart(absl::string_view text);

// ---- Outside the walk. ----

// What the front matter says (kFrontMatterKeys).
void ReadFrontMatter(const FrameFacts& framed, Candidates* out);

// The publication date in a script's text (a page's application state) as
// kScriptDatePattern finds it first; nullopt when it finds none. The parse
// stage cuts the text of a script without one (inert_text.h).
std::optional<std::string> ScriptDate(absl::string_view text);

// The first publication date a page's application state names
// ("publishedDate": "2016-11-04T20:37:27Z", Shopify's "published_at"), as
// client-rendered pages keep their facts in scripts. Read last, and only
// when nothing else dates the page: the state may hold other items' dates.
void ReadScriptDate(const PageScan& scan, Candidates* out);

}  // namespace lede::engine::metadata

#endif  // LEDE_SERVER_ENGINE_METADATA_READERS_H_
