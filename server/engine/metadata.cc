#include "server/engine/metadata.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "server/engine/bylines.h"
#include "server/engine/candidates.h"
#include "server/engine/dates.h"
#include "server/engine/jsonld.h"
#include "server/engine/metadata_rules.h"
#include "server/engine/role_classes.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine {
namespace {

namespace rules = metadata_rules;

// Longest text an element may hold to be read as a byline or a dateline.
constexpr size_t kMaxBylineBytes = 200;
// Longest headline believed, in code points.
constexpr size_t kMaxTitleLength = 150;
// Headings read as possible headlines, at most.
constexpr size_t kMaxHeadings = 40;
// Text nodes read as possible datelines, at most, and their longest length.
constexpr int kMaxTextDates = 8;
constexpr size_t kMaxDatelineBytes = 100;
// ...and how much of the start of a longer one is read for a dateline.
constexpr int32_t kDatelinePrefixBytes = 40;
// How far up from a date's text a link is looked for, and how much more
// than the date (beyond twice its length) the link may say and still be the
// date's permalink ("Posted on May 5, 2020").
constexpr int kMaxLinkLevelsAboveDate = 3;
constexpr size_t kMaxLinkTextBesideDate = 12;
// Longest label before a date that is read for what the date is.
constexpr size_t kMaxDateLabelBytes = 40;

bool IsPageContainer(GumboTag tag) {
  return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY ||
         tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
}

// The attributes the walk reads on every element, found in one pass.
struct ElementAttributes {
  absl::string_view class_name;
  absl::string_view id;
  absl::string_view itemprop;
  absl::string_view itemtype;
  bool itemscope = false;
};

ElementAttributes ReadAttributes(const GumboNode* node) {
  ElementAttributes read;
  ForEachAttribute(node, [&](absl::string_view name, const char* value) {
    if (name == "class") {
      read.class_name = value;
    } else if (name == "id") {
      read.id = value;
    } else if (name == "itemprop") {
      read.itemprop = value;
    } else if (name == "itemtype") {
      read.itemtype = value;
    } else if (name == "itemscope") {
      read.itemscope = true;
    }
    return true;
  });
  return read;
}

// What an element's class or id words say it holds, as bits.
enum RoleBit : int {
  kForeignRole = 1,  // other articles or readers' posts
  kBylineRole = 2,
  kDateRole = 4,
};

// The roles of one class or id value: one scan for all three patterns (an
// RE2::Set), where three PartialMatch calls each were a tenth of the metadata
// stage.
int RolesOfValue(absl::string_view value) {
  static const RE2::Set* const kRoles = [] {
    auto* set = new RE2::Set(RE2::DefaultOptions, RE2::UNANCHORED);
    // Added in the order of the bits.
    for (const char* pattern :
         {rules::kForeignContainerPattern, rules::kBylineClassPattern,
          rules::kDateClassPattern}) {
      set->Add(pattern, nullptr);
    }
    set->Compile();
    return set;
  }();
  int roles = 0;
  std::vector<int> matched;
  if (!kRoles->Match(Piece(value), &matched)) return 0;
  for (int index : matched) roles |= 1 << index;
  return roles;
}

// The roles of the class and id values of one page's elements. A page
// repeats a few hundred values over thousands of elements, so each value is
// matched once; the values are the tree's, which outlives the cache.
class RoleCache {
 public:
  int Of(const ElementAttributes& attributes) {
    return Of(attributes.class_name) | Of(attributes.id);
  }

 private:
  int Of(absl::string_view value) {
    if (value.empty()) return 0;
    auto [entry, added] = roles_.try_emplace(value, 0);
    if (added) entry->second = RolesOfValue(value);
    return entry->second;
  }

  absl::flat_hash_map<absl::string_view, int> roles_;
};

// Containers of other articles or of readers' posts, by their role classes:
// a post filed under "category-popular" is not a list of popular posts, and
// a layout box ("content_block right-sidebar") around the page's headline
// holds the article itself.
bool IsForeignContainer(const GumboNode* node, GumboTag tag,
                        const ElementAttributes& attributes, int roles) {
  static const LazyRE2 kForeign = {rules::kForeignContainerPattern};
  // Most elements match nothing even with every class token: no need to
  // sort their role tokens out.
  if (IsPageContainer(tag) || (roles & kForeignRole) == 0) return false;
  const bool by_role =
      (!attributes.id.empty() &&
       RE2::PartialMatch(Piece(attributes.id), *kForeign)) ||
      RE2::PartialMatch(RoleClasses(attributes.class_name), *kForeign);
  return by_role && !HasDescendant(node, GUMBO_TAG_H1);
}

bool IsChrome(GumboTag tag) {
  return tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_NAV ||
         tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE;
}

// What one walk over the page collects besides the candidates.
struct Heading {
  std::string text;
  int level;       // 1 to 3
  bool in_chrome;  // inside <header>, <nav>, <footer> or <aside>
};

struct PageScan {
  std::vector<Heading> headings;  // h1 to h3 outside foreign containers
  std::string title_tag;
  std::string base_href;
  std::string lang;
  // <html lang>, else the first <meta> in the head that names the language.
  std::string declared_language;
  std::vector<NodeRead> byline_nodes;
  std::vector<NodeRead> date_nodes;
  // Scripts other than JSON-LD (application state), read for a date only
  // when nothing else on the page gives one (ReadScriptDate).
  std::vector<const GumboNode*> scripts;
};

// What a microdata item is, for whose facts its properties give: a picture's
// or a video's creator and dates are not the article's ("Benoit
// Tessier/Reuters"), and a comment's date is not either.
enum class ItemKind { kOther, kMedia, kComment };

class PageReader {
 public:
  PageReader(Candidates* out, PageScan* facts) : out_(out), facts_(facts) {}

  void Read(const Dom& dom) {
    facts_->lang = std::string(Attribute(dom.root(), "lang"));
    facts_->declared_language =
        std::string(absl::StripAsciiWhitespace(facts_->lang));
    head_ = dom.head();
    WalkTree(
        dom.document(), [&](const GumboNode* node, int) { return Enter(node); },
        [&](const GumboNode* node) { Leave(node); });
  }

 private:
  bool Enter(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) return true;
    if (node->type == GUMBO_NODE_TEXT) {
      ReadCredits(node);
      ReadDateline(node);
      return false;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (node == head_ && facts_->declared_language.empty()) {
      facts_->declared_language = LanguageOfMetas(node);
    }
    GumboTag tag = node->v.element.tag;
    switch (tag) {
      case GUMBO_TAG_META:
        ReadMeta(node);
        return false;
      case GUMBO_TAG_TITLE:
        if (facts_->title_tag.empty()) facts_->title_tag = TextContent(node);
        return false;
      case GUMBO_TAG_BASE:
        if (facts_->base_href.empty()) {
          facts_->base_href = std::string(Attribute(node, "href"));
        }
        return false;
      case GUMBO_TAG_LINK:
        ReadRel(node, /*link=*/true);
        return false;
      case GUMBO_TAG_SCRIPT:
        if (AsciiLower(Attribute(node, "type")) == "application/ld+json") {
          ReadJsonLd(TextOf(node), out_);
        } else {
          facts_->scripts.push_back(node);
        }
        return false;
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_NOSCRIPT:
      case GUMBO_TAG_TEMPLATE:
        return false;
      default:
        break;
    }
    // The page's own containers describe the page (WordPress puts
    // "has-sidebar" on <body>), so only inner containers can be foreign.
    // Inside a foreign container everything is foreign already.
    const ElementAttributes attributes = ReadAttributes(node);
    const int roles = roles_.Of(attributes);
    bool foreign =
        foreign_depth_ == 0 && IsForeignContainer(node, tag, attributes, roles);
    if (foreign) ++foreign_depth_;
    if (IsChrome(tag)) ++chrome_depth_;
    // An itemscope element's own itemprop belongs to the enclosing item, so
    // it is read before the element opens its item.
    if (foreign_depth_ == 0) ReadItemProp(node, attributes.itemprop);
    if (attributes.itemscope) items_.push_back(KindOfItem(attributes.itemtype));
    entered_.push_back({foreign, IsChrome(tag), attributes.itemscope});
    if (foreign_depth_ > 0) return true;
    if (tag == GUMBO_TAG_A) ReadRel(node, /*link=*/false);
    if (tag == GUMBO_TAG_TIME) ReadTime(node);
    if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3) {
      ReadHeading(node, tag);
    }
    if (tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML) {
      ReadClassHints(node, roles);
    }
    return true;
  }

  void Leave(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT || entered_.empty()) return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_META || tag == GUMBO_TAG_TITLE ||
        tag == GUMBO_TAG_BASE || tag == GUMBO_TAG_LINK ||
        tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
        tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE) {
      return;
    }
    if (entered_.back().foreign) --foreign_depth_;
    if (entered_.back().chrome) --chrome_depth_;
    if (entered_.back().item_scope) items_.pop_back();
    entered_.pop_back();
  }

  // The language the first <meta> under `head` names that names one
  // (http-equiv content-language, name=language, og:locale, ...).
  static std::string LanguageOfMetas(const GumboNode* head) {
    std::string language;
    WalkTree(head, [&](const GumboNode* node, int) {
      if (!language.empty()) return false;
      if (!IsElement(node, GUMBO_TAG_META)) return true;
      for (const rules::LanguageMeta& meta : rules::kLanguageMetas) {
        if (absl::AsciiStrToLower(Attribute(node, meta.attribute)) !=
            meta.value) {
          continue;
        }
        language =
            std::string(absl::StripAsciiWhitespace(Attribute(node, "content")));
        // og:locale is written zh_CN.
        std::replace(language.begin(), language.end(), '_', '-');
        break;
      }
      return false;
    });
    return language;
  }

  // Adds a candidate the page shows in `node`, and remembers the node when
  // it is a byline's or a date's.
  void AddShown(Field field, absl::string_view value, absl::string_view source,
                int rank, const GumboNode* node) {
    if (!out_->Add(field, value, source, rank)) return;
    switch (field) {
      case Field::kAuthors:
      case Field::kEditors:
      case Field::kSource:
        facts_->byline_nodes.push_back({node, field, std::string(source)});
        break;
      case Field::kPublished:
      case Field::kPublishedText:
      case Field::kModified:
        facts_->date_nodes.push_back({node, field, std::string(source)});
        break;
      default:
        break;
    }
  }

  static std::string TextOf(const GumboNode* node) {
    std::string text;
    const GumboVector& children = node->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
          child->type == GUMBO_NODE_WHITESPACE) {
        text += child->v.text.text;
      }
    }
    return text;
  }

  void ReadMeta(const GumboNode* node) {
    absl::string_view content = Attribute(node, "content");
    if (content.empty()) return;
    for (const char* attribute :
         {"property", "name", "itemprop", "http-equiv"}) {
      // One tag may name several properties ("og:title twitter:title"),
      // and Dublin Core is written "DC.title" and "dc:title" alike.
      std::string keys = AsciiLower(Attribute(node, attribute));
      if (keys.empty() || ReadMetaKey(keys, content)) continue;
      for (absl::string_view key :
           absl::StrSplit(keys, absl::ByAnyChar(" \t\n"), absl::SkipEmpty())) {
        if (key.size() < keys.size()) ReadMetaKey(key, content);
      }
    }
  }

  // Whether a known name matched.
  bool ReadMetaKey(absl::string_view key, absl::string_view content) {
    std::string name(key);
    if (absl::StartsWith(name, "dc:") || absl::StartsWith(name, "dcterms:")) {
      name[name.find(':')] = '.';
    }
    bool known = false;
    for (const rules::MetaName& entry : rules::kMetaNames) {
      if (entry.name != name) continue;
      // <meta itemprop> inside a microdata item is the item's property.
      if (!ItemOwns(entry.field)) AddValue(entry, content);
      known = true;
    }
    return known;
  }

  // Whether the innermost open microdata item keeps `field` for itself: a
  // picture's or a video's facts, a comment's date (a comment's author may
  // be the thread's, on a forum).
  bool ItemOwns(Field field) const {
    const ItemKind item = items_.empty() ? ItemKind::kOther : items_.back();
    return item == ItemKind::kMedia ||
           (item == ItemKind::kComment && field != Field::kAuthors);
  }

  void ReadHeading(const GumboNode* node, GumboTag tag) {
    if (facts_->headings.size() >= kMaxHeadings) return;
    std::string text = TextContent(node);
    // Documentation generators end headings with a permalink ("Title¶").
    for (absl::string_view mark : rules::kPermalinkMarks) {
      if (absl::EndsWith(text, mark)) {
        text.resize(text.size() - mark.size());
        text = std::string(absl::StripTrailingAsciiWhitespace(text));
      }
    }
    if (text.empty() || CodePointCount(text) > kMaxTitleLength) return;
    int level = tag == GUMBO_TAG_H1 ? 1 : tag == GUMBO_TAG_H2 ? 2 : 3;
    facts_->headings.push_back({std::move(text), level, chrome_depth_ > 0});
  }

  // `node`: the element that shows the value; null for a <meta>.
  void AddValue(const rules::MetaName& entry, absl::string_view value,
                const GumboNode* node = nullptr) {
    if (entry.field == Field::kKeywords) {
      std::string list = absl::StrReplaceAll(value, {{"，", ","}, {"、", ","}});
      for (absl::string_view tag :
           absl::StrSplit(list, absl::ByAnyChar(",;"))) {
        out_->Add(Field::kTags, tag, entry.source, entry.rank + 1);
      }
      return;
    }
    if (node == nullptr) {
      out_->Add(entry.field, value, entry.source, entry.rank);
    } else {
      AddShown(entry.field, value, entry.source, entry.rank, node);
    }
  }

  static ItemKind KindOfItem(absl::string_view type) {
    static const LazyRE2 kMedia = {rules::kMediaItemTypePattern};
    static const LazyRE2 kComment = {rules::kCommentItemTypePattern};
    if (type.empty()) return ItemKind::kOther;
    if (RE2::PartialMatch(Piece(type), *kMedia)) return ItemKind::kMedia;
    if (RE2::PartialMatch(Piece(type), *kComment)) return ItemKind::kComment;
    return ItemKind::kOther;
  }

  void ReadItemProp(const GumboNode* node, absl::string_view itemprop) {
    if (itemprop.empty()) return;
    std::string prop = AsciiLower(itemprop);
    if (prop.empty()) return;
    for (const rules::MetaName& entry : rules::kItemProps) {
      if (entry.name != prop) continue;
      if (ItemOwns(entry.field)) continue;
      absl::string_view value = Attribute(node, "content");
      if (value.empty()) value = Attribute(node, "datetime");
      std::string text;
      if (value.empty()) {
        text = TextContent(node);
        if (text.size() > kMaxBylineBytes) return;
        value = text;
      }
      AddValue(entry, value, node);
    }
  }

  void ReadRel(const GumboNode* node, bool link) {
    std::string rel = AsciiLower(Attribute(node, "rel"));
    if (rel.empty()) return;
    absl::string_view href = Attribute(node, "href");
    for (absl::string_view word : absl::StrSplit(rel, ' ', absl::SkipEmpty())) {
      if (word == "canonical" && link) {
        out_->Add(Field::kCanonical, href, "rel", kRankMarkup);
      } else if (word == "tag" && !link) {
        out_->Add(Field::kTags, TextContent(node), "rel-tag", kRankMarkup);
      } else if (word == "author" && !link) {
        AddShown(Field::kAuthors, TextContent(node), "rel-author", kRankMarkup,
                 node);
      }
    }
  }

  void ReadTime(const GumboNode* node) {
    absl::string_view datetime = Attribute(node, "datetime");
    bool pubdate =
        gumbo_get_attribute(&node->v.element.attributes, "pubdate") != nullptr;
    std::string value =
        datetime.empty() ? TextContent(node) : std::string(datetime);
    AddShown(Field::kPublished, value, "time", kRankMarkup + (pubdate ? 0 : 1),
             node);
  }

  // Elements whose class says they hold the byline or the date.
  void ReadClassHints(const GumboNode* node, int roles) {
    const bool byline = (roles & kBylineRole) != 0;
    const bool date = (roles & kDateRole) != 0;
    if (!byline && !date) return;
    std::string text = TextContent(node);
    if (text.empty() || text.size() > kMaxBylineBytes) return;
    if (byline) {
      for (const std::string& name : SplitAuthors(text)) {
        AddShown(Field::kAuthors, name, "byline", kRankMarkup + 1, node);
      }
    }
    if (date) {
      AddShown(Field::kPublishedText, text, "dateline", kRankText, node);
    }
  }

  // Short text that may be a dateline ("27. Januar 2020", "Posted June 4"),
  // tried only when nothing marked up gives a date.
  void ReadDateline(const GumboNode* text_node) {
    absl::string_view text = absl::StripLeadingAsciiWhitespace(
        absl::string_view(text_node->v.text.text));
    // A long text is read only at its start, where press releases and wire
    // stories put their dateline ("27.1.2022 - Bei der ...").
    if (text.size() > kMaxDatelineBytes) {
      int32_t cut = kDatelinePrefixBytes;
      U8_SET_CP_START(reinterpret_cast<const uint8_t*>(text.data()), 0, cut);
      text = text.substr(0, cut);
    }
    if (foreign_depth_ > 0 || text_dates_ >= kMaxTextDates ||
        std::none_of(text.begin(), text.end(), absl::ascii_isdigit)) {
      return;
    }
    std::optional<ParsedDate> date =
        FindDate(text, DateHints(), /*allow_relative=*/false);
    if (!date || NamesAnotherPage(text_node, *date) ||
        OpensAPeriod(text, *date)) {
      return;
    }
    ++text_dates_;
    AddShown(Field::kPublishedText, text, "text",
             AnnouncedAsPublished(text_node, text) ? kRankText : kRankText + 1,
             text_node);
  }

  // A date that opens a period ("12/01/2004 - 01/01/2005" in a blog's
  // archive, "3月1日至5月31日") dates no page.
  static bool OpensAPeriod(absl::string_view text, const ParsedDate& date) {
    static const LazyRE2 kPeriodAfter = {
        R"(^\s*(?:-|–|—|~|～|至|到|bis)\s*\d)"};
    size_t at = text.find(date.text);
    if (at == absl::string_view::npos) return false;
    return RE2::PartialMatch(Piece(text.substr(at + date.text.size())),
                             *kPeriodAfter);
  }

  // Whether the text says the date is the page's publication ("发表于
  // 2005-9-15", "<span>Posted on</span> May 5"): such a date goes before the
  // page's other dates in text (a blog's "建立于" in the sidebar).
  static bool AnnouncedAsPublished(const GumboNode* text_node,
                                   absl::string_view text) {
    static const LazyRE2 kKeyword = {rules::kPublishedKeywordPattern};
    if (RE2::PartialMatch(Piece(text), *kKeyword)) return true;
    const GumboNode* parent = text_node->parent;
    if (parent == nullptr || text_node->index_within_parent == 0) return false;
    const auto* before = static_cast<const GumboNode*>(
        Children(parent)->data[text_node->index_within_parent - 1]);
    std::string label = TextContent(before);
    return label.size() <= kMaxDateLabelBytes &&
           RE2::PartialMatch(label, *kKeyword);
  }

  // A date inside a link that says more than the date names what the link
  // leads to ("Tarifverträge (zum 28.02.2017 gekündigt)" in a menu); a link
  // that is only the date is the post's own permalink, as blog themes write
  // it.
  static bool NamesAnotherPage(const GumboNode* text_node,
                               const ParsedDate& date) {
    const GumboNode* link = text_node->parent;
    for (int up = 0; up < kMaxLinkLevelsAboveDate && link != nullptr &&
                     !IsElement(link, GUMBO_TAG_A);
         ++up) {
      link = link->parent;
    }
    if (link == nullptr || !IsElement(link, GUMBO_TAG_A)) return false;
    return CodePointCount(CollapseWhitespace(TextContent(link))) >
           2 * CodePointCount(date.text) + kMaxLinkTextBesideDate;
  }

  // "来源：环球网 记者 张三 责任编辑：李四" in the page's own text.
  void ReadCredits(const GumboNode* text_node) {
    if (foreign_depth_ > 0) return;
    static const LazyRE2 kKeyword = {
        R"(来源|來源|稿源|出处|出處|作者|记者|記者|编辑|編輯|撰文|文\s*[/／:：]|报道[)）])"};
    if (!RE2::PartialMatch(text_node->v.text.text, *kKeyword)) return;
    // The names are often links or spans beside the keyword.
    const GumboNode* read = text_node->parent;
    std::string text = TextContent(read);
    if (text.size() > kMaxBylineBytes) {
      read = text_node;
      text = text_node->v.text.text;
    }
    ChineseCredits credits = ReadChineseCredits(text);
    if (!credits.source.empty()) {
      AddShown(Field::kSource, credits.source, "text-pattern", kRankText, read);
    }
    for (const std::string& name : credits.authors) {
      AddShown(Field::kAuthors, name, "text-pattern", kRankText, read);
    }
    for (const std::string& name : credits.editors) {
      AddShown(Field::kEditors, name, "text-pattern", kRankText, read);
    }
  }

  Candidates* out_;
  PageScan* facts_;
  const GumboNode* head_ = nullptr;
  RoleCache roles_;
  int foreign_depth_ = 0;
  int chrome_depth_ = 0;
  int text_dates_ = 0;
  // What each open element counted, undone when it closes.
  struct Entered {
    bool foreign;
    bool chrome;
    bool item_scope;
  };
  std::vector<Entered> entered_;
  // The open microdata items, innermost last.
  std::vector<ItemKind> items_;
};

void ReadFrontMatter(const FrameFacts& framed, Candidates* out) {
  for (const auto& [key, field] : rules::kFrontMatterKeys) {
    auto it = framed.front_matter.find(key);
    if (it == framed.front_matter.end()) continue;
    for (const std::string& value : it->second) {
      out->Add(field, value, "front-matter", kRankStructured);
    }
  }
}

std::string Lower(absl::string_view text) {
  return absl::AsciiStrToLower(CollapseWhitespace(text));
}

// "Title | Site" -> "Title"; "Site - Title" -> "Title" when the site's name
// is known.
std::string StripSiteName(absl::string_view title, absl::string_view site) {
  std::string lower_site = Lower(site);
  for (absl::string_view separator : rules::kTitleSeparators) {
    size_t last = title.rfind(separator);
    if (last == absl::string_view::npos) continue;
    size_t first = title.find(separator);
    absl::string_view head = title.substr(0, last);
    absl::string_view tail = title.substr(first + separator.size());
    if (!lower_site.empty() && absl::StartsWith(Lower(head), lower_site) &&
        !absl::StrContains(Lower(tail), lower_site)) {
      return std::string(absl::StripAsciiWhitespace(tail));
    }
    // Readability: the part before the last separator, unless too short.
    bool long_enough =
        (CodePointCount(head) >= 8 &&
         absl::StrContains(head, " ") == absl::StrContains(title, " ")) ||
        CodePointCount(head) >= 15;
    if (!long_enough) continue;
    // "Headline_Section_Site": a short section name may sit between the
    // headline and the site; it goes too.
    for (size_t cut = head.rfind(separator); cut != absl::string_view::npos;
         cut = head.rfind(separator)) {
      absl::string_view section = head.substr(cut + separator.size());
      absl::string_view rest = head.substr(0, cut);
      if (CodePointCount(section) > 6 || CodePointCount(rest) < 8) break;
      head = rest;
    }
    return std::string(absl::StripAsciiWhitespace(head));
  }
  return std::string(title);
}

// How far a heading confirms a title.
enum class Confirms {
  kNo,
  kFragment,      // the heading is part of the title ("Post" in "Post:
                  // a subtitle"), or a logo inside a title's site part
  kHeadingHolds,  // the heading holds the title and more (a kicker)
  kSame,          // they say the same, with or without the site's name
};

// A title in the forms the comparisons below need, made once per page
// rather than once per heading.
struct TitleForms {
  TitleForms(absl::string_view title, absl::string_view source,
             absl::string_view site)
      : text(title),
        source(source),
        stripped(StripSiteName(title, site)),
        lower(Lower(title)),
        lower_stripped(Lower(stripped)),
        lower_site(Lower(site)) {}
  absl::string_view text;
  absl::string_view source;
  std::string stripped;  // without the site's name
  std::string lower, lower_stripped, lower_site;
};

// `heading` is lower-cased (Lower).
Confirms Compare(const std::string& heading, const TitleForms& title) {
  if (heading.empty() || title.text.empty()) return Confirms::kNo;
  const std::string& t = title.lower_stripped;
  if (heading == t || heading == title.lower) return Confirms::kSame;
  if (absl::StrContains(heading, t)) return Confirms::kHeadingHolds;
  if (absl::StrContains(t, heading)) return Confirms::kFragment;
  return Confirms::kNo;
}

// The site's part of a title ("痞客邦 PIXNET" in "Post :: 痞客邦 PIXNET ::").
// `heading` is lower-cased (Lower).
bool IsSitePart(const std::string& heading, const TitleForms& title) {
  if (!title.lower_site.empty() && heading == title.lower_site) return true;
  return !title.text.empty() && absl::StrContains(title.lower, heading) &&
         !absl::StrContains(title.lower_stripped, heading);
}

void SetTitle(const Candidates& candidates, const PageScan& facts,
              absl::string_view site, Sourced<std::string>* out) {
  auto set = [&](absl::string_view title, absl::string_view source) {
    out->Set(CollapseWhitespace(title), std::string(source));
  };
  const Candidate* meta = candidates.Best(Field::kTitle);
  // A document that states its own title (front matter, a Markdown
  // heading) is believed outright.
  if (meta != nullptr &&
      (meta->source == "front-matter" || meta->source == "markdown-heading")) {
    return set(meta->value, meta->source);
  }
  std::vector<TitleForms> titles;
  if (meta != nullptr) titles.emplace_back(meta->value, meta->source, site);
  if (!facts.title_tag.empty()) {
    titles.emplace_back(facts.title_tag, "title-tag", site);
  }
  std::vector<std::string> lower_headings;
  lower_headings.reserve(facts.headings.size());
  for (const Heading& heading : facts.headings) {
    lower_headings.push_back(Lower(heading.text));
  }
  auto lower_of = [&](const Heading& heading) -> const std::string& {
    return lower_headings[&heading - facts.headings.data()];
  };
  // The only h1 outside the chrome, unless it is the site's name.
  const Heading* first_h1 = nullptr;
  int h1_count = 0;
  for (const Heading& heading : facts.headings) {
    if (heading.level != 1 || heading.in_chrome) continue;
    if (first_h1 == nullptr) first_h1 = &heading;
    ++h1_count;
  }
  const Heading* lone_h1 =
      h1_count == 1 && CodePointCount(first_h1->text) >= 10 &&
              std::none_of(titles.begin(), titles.end(),
                           [&](const TitleForms& title) {
                             return IsSitePart(lower_of(*first_h1), title);
                           })
          ? first_h1
          : nullptr;
  // The visible headline that a title confirms: an h1 outside the page's
  // chrome first (a <header> may hold the logo); then one inside it (an
  // article's own <header>), where a heading that holds the title and more
  // carries a kicker ("Politics | Title"), so the title is the headline;
  // then a lower heading longer than the lone h1 (which names the section:
  // "Allergies Health Center" over "Babies Who Eat Peanuts...").
  for (int tier = 0; tier < 3; ++tier) {
    for (const Heading& heading : facts.headings) {
      if ((tier == 2) != (heading.level > 1)) continue;
      if (tier < 2 && heading.in_chrome != (tier == 1)) continue;
      if (tier == 2 && lone_h1 != nullptr &&
          CodePointCount(heading.text) <= CodePointCount(lone_h1->text)) {
        continue;
      }
      for (const TitleForms& title : titles) {
        Confirms how = Compare(lower_of(heading), title);
        if (how == Confirms::kNo) continue;
        if (tier < 2 && how == Confirms::kHeadingHolds &&
            absl::EndsWith(lower_of(heading), title.lower_stripped)) {
          return set(title.stripped, title.source);
        }
        // The blog's name in an <h1> sits in its posts' titles too.
        if (how == Confirms::kFragment &&
            IsSitePart(lower_of(heading), title)) {
          continue;
        }
        if (tier == 0) return set(heading.text, "heading");
        if (how == Confirms::kSame && tier == 2) {
          return set(lower_of(heading) == title.lower
                         ? title.text
                         : absl::string_view(title.stripped),
                     title.source);
        }
        if (how == Confirms::kSame) return set(heading.text, "heading");
        if (tier == 1 && how == Confirms::kHeadingHolds) {
          return set(title.stripped, title.source);
        }
      }
    }
  }
  if (lone_h1 != nullptr) return set(lone_h1->text, "heading");
  // The metadata's title, else the <title>, without the site's name.
  if (!titles.empty()) {
    return set(titles.front().stripped, titles.front().source);
  }
  if (first_h1 != nullptr) return set(first_h1->text, "heading");
  for (const Heading& heading : facts.headings) {
    if (heading.level == 2) return set(heading.text, "heading");
  }
}

DateHints HintsFor(const PageScan& facts, absl::Time reference_time) {
  DateHints hints;
  hints.reference_time = reference_time;
  std::string lang = absl::AsciiStrToLower(facts.lang);
  if (lang == "en-us" || lang == "en_us") hints.day_first = false;
  return hints;
}

// Candidates in the order they are tried: markup by rank, then text that
// holds a date (class-marked datelines before plain short text). Trying
// what the reader sees first measured worse on the dev sets (WCXB 0.636 vs
// 0.648): pages show updated dates more often than annotators chose them.
std::vector<std::pair<const Candidate*, bool>> DateOrder(
    const Candidates& candidates, Field field,
    std::optional<Field> text_field) {
  std::vector<std::pair<const Candidate*, bool>> order;  // (candidate, text?)
  for (const Candidate* c : candidates.All(field)) order.push_back({c, false});
  if (text_field) {
    for (const Candidate* c : candidates.All(*text_field)) {
      order.push_back({c, true});
    }
  }
  return order;
}

// "…Z", "…+00:00", "… GMT": a time stated in UTC, not the page's own zone.
bool IsUtcStamp(absl::string_view text) {
  text = absl::StripTrailingAsciiWhitespace(text);
  return absl::EndsWith(text, "Z") || absl::EndsWith(text, "+00:00") ||
         absl::EndsWith(text, "+0000") || absl::EndsWith(text, "GMT") ||
         absl::EndsWith(text, "UTC");
}

// A machine timestamp in UTC ("2022-05-04T00:44:52Z") can fall on another
// day than the one the page shows its readers. Another stamp of the same
// instant with the page's offset ("2022-05-03T21:44:52-03:00") gives that
// day; else the first time the page shows ("03/05/2022 21:44") does, when it
// is the same instant in the page's zone: the two differ by whole quarter
// hours, no more than time zones do; else the URL's day does (below). A
// shown day without a time is not believed over the stamp: on the dev sets
// it was as often an updated date.
// Sets `date`'s text and day, never its instant.
void TakeThePagesDay(const Candidates& candidates, Field field,
                     Field text_field, const DateHints& hints,
                     const std::optional<ParsedDate>& url_date,
                     ParsedDate* date) {
  for (const Candidate* c : candidates.All(field)) {
    std::optional<ParsedDate> same = ParseDate(c->value, hints);
    if (same && same->time == date->time && !IsUtcStamp(same->text)) {
      date->text = same->text;
      date->day = same->day;
      return;
    }
  }
  for (const Candidate* c : candidates.All(text_field)) {
    std::optional<ParsedDate> shown = FindDate(c->value, hints, false);
    if (!shown || shown->precision < v1::DATE_PRECISION_DAY) continue;
    // Minutes apart, seconds dropped: a page shows 21:44 for 00:44:52Z.
    const int64_t minutes = absl::ToUnixSeconds(shown->time) / 60 -
                            absl::ToUnixSeconds(date->time) / 60;
    if (shown->precision >= v1::DATE_PRECISION_MINUTE && minutes % 15 == 0 &&
        minutes >= -12 * 60 && minutes <= 14 * 60) {
      date->text = shown->text;
      date->day = shown->day;
      return;
    }
    break;
  }
  // Else the URL's day ("/2020/02/24/" for 2020-02-25T02:25:54Z), when the
  // instant falls on it in some zone from UTC-12 to UTC+14: the CMS wrote
  // the URL in the page's zone.
  if (url_date) {
    const absl::CivilDay earliest =
        absl::ToCivilDay(date->time - absl::Hours(12), absl::UTCTimeZone());
    const absl::CivilDay latest =
        absl::ToCivilDay(date->time + absl::Hours(14), absl::UTCTimeZone());
    if (url_date->day >= earliest && url_date->day <= latest) {
      date->day = url_date->day;
    }
  }
}

// The first candidate that reads as a date no later than the reference
// time; an ambiguous day/month reading that agrees with the URL's date wins;
// else the URL's date (`url_date` is given for the publication date only).
void SetDate(const Candidates& candidates, Field field,
             std::optional<Field> text_field, const DateHints& hints,
             const std::optional<ParsedDate>& url_date,
             Sourced<ParsedDate>* out) {
  std::optional<ParsedDate> date;
  std::string source;
  bool is_text_source = false;
  for (const auto& [c, is_text] : DateOrder(candidates, field, text_field)) {
    std::optional<ParsedDate> parsed =
        is_text ? FindDate(c->value, hints, /*allow_relative=*/true)
                : ParseDate(c->value, hints);
    if (url_date && parsed) {
      DateHints swapped = hints;
      swapped.day_first = !hints.day_first.value_or(true);
      std::optional<ParsedDate> other = is_text
                                            ? FindDate(c->value, swapped, true)
                                            : ParseDate(c->value, swapped);
      absl::CivilDay url_day =
          absl::ToCivilDay(url_date->time, absl::UTCTimeZone());
      if (other &&
          absl::ToCivilDay(other->time, absl::UTCTimeZone()) == url_day) {
        parsed = other;
      }
    }
    if (parsed && parsed->time <= hints.reference_time) {
      date = parsed;
      source = c->source;
      is_text_source = is_text;
      break;
    }
  }
  if (date && !is_text_source && text_field && IsUtcStamp(date->text)) {
    TakeThePagesDay(candidates, field, *text_field, hints, url_date, &*date);
  }
  if (!date && url_date && url_date->time <= hints.reference_time) {
    date = url_date;
    source = "url";
  }
  if (date) out->Set(*std::move(date), std::move(source));
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
      if (value.empty() || !seen.insert(Lower(value)).second) continue;
      out->value.push_back(std::move(value));
      out->source = c->source;
    }
  }
}

std::vector<std::string> AsIs(const std::string& value) { return {value}; }

// The first publication date a page's application state names
// ("publishedDate": "2016-11-04T20:37:27Z", Shopify's "published_at"), as
// client-rendered pages keep their facts in scripts. Read last, and only when
// nothing else dates the page: the state may hold other items' dates too.
void ReadScriptDate(const PageScan& facts, Candidates* out) {
  static const LazyRE2 kStateDate = {rules::kScriptDatePattern};
  for (const GumboNode* script : facts.scripts) {
    const GumboVector& children = script->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type != GUMBO_NODE_TEXT) continue;
      std::string date;
      if (RE2::PartialMatch(child->v.text.text, *kStateDate, &date)) {
        out->Add(Field::kPublished, date, "script", kRankText + 2);
        return;
      }
    }
  }
}

}  // namespace

absl::StatusOr<PageFacts> ExtractMetadata(const Dom& dom,
                                          const FrameFacts& framed,
                                          const MetadataOptions& options,
                                          absl::Time deadline) {
  Candidates candidates;
  PageScan scan;
  ReadFrontMatter(framed, &candidates);
  if (!framed.heading_title.empty()) {
    candidates.Add(Field::kTitle, framed.heading_title, "markdown-heading",
                   kRankOpenGraph);
  }
  if (!framed.heading_url.empty()) {
    candidates.Add(Field::kUrl, framed.heading_url, "markdown-heading",
                   kRankOpenGraph);
  }
  if (framed.comment_epoch_ms) {
    candidates.Add(Field::kPublished, std::to_string(*framed.comment_epoch_ms),
                   "html-comment", kRankMarkup);
  }
  PageReader(&candidates, &scan).Read(dom);
  if (absl::Now() > deadline) {
    return absl::DeadlineExceededError(
        "deadline passed while reading the page's metadata");
  }

  PageFacts facts;
  // URL: the request's, else what the document says of itself.
  if (!options.url.empty()) {
    facts.url.Set(options.url, "request");
  } else {
    SetString(candidates, Field::kUrl, &facts.url);
  }
  const std::string& url = facts.url.value;
  std::string base =
      scan.base_href.empty() ? url : ResolveUrl(url, scan.base_href);
  if (const Candidate* canonical = candidates.Best(Field::kCanonical)) {
    facts.canonical_url = ResolveUrl(base, canonical->value);
  }
  SetString(candidates, Field::kSiteName, &facts.site_name);
  if (facts.site_name.value.empty()) {
    std::string host = UrlHost(url.empty() ? facts.canonical_url : url);
    if (!host.empty()) facts.site_name.Set(std::move(host), "url");
  }
  SetTitle(candidates, scan, facts.site_name.value, &facts.title);
  SetString(candidates, Field::kDescription, &facts.description);
  SetString(candidates, Field::kSource, &facts.source);
  SetString(candidates, Field::kBody, &facts.declared_body);
  SetList(candidates, Field::kAuthors, &facts.authors,
          [&](const std::string& value) {
            // Profile URLs (article:author) name no one.
            if (absl::StrContains(value, "://"))
              return std::vector<std::string>();
            return SplitAuthors(value);
          });
  SetList(candidates, Field::kEditors, &facts.editors, AsIs);
  SetList(candidates, Field::kTags, &facts.tags, AsIs);
  SetList(candidates, Field::kCategories, &facts.categories, AsIs);

  if (candidates.All(Field::kPublished).empty() &&
      candidates.All(Field::kPublishedText).empty()) {
    ReadScriptDate(scan, &candidates);
  }
  DateHints hints = HintsFor(scan, options.reference_time);
  std::optional<ParsedDate> url_date =
      DateFromUrl(url.empty() ? facts.canonical_url : url);
  SetDate(candidates, Field::kPublished, Field::kPublishedText, hints, url_date,
          &facts.published);
  SetDate(candidates, Field::kModified, std::nullopt, hints, std::nullopt,
          &facts.modified);
  if (const Candidate* image = candidates.Best(Field::kImage)) {
    facts.lead_image.Set(ResolveUrl(base, image->value), image->source);
  }
  facts.declared_language = std::move(scan.declared_language);
  facts.byline_nodes = std::move(scan.byline_nodes);
  facts.date_nodes = std::move(scan.date_nodes);
  return facts;
}

}  // namespace lede::engine
