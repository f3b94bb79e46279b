#include "server/engine/metadata_readers.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "re2/re2.h"
#include "server/engine/bylines.h"
#include "server/engine/dates.h"
#include "server/engine/dom.h"
#include "server/engine/jsonld.h"
#include "server/engine/metadata_rules.h"
#include "server/engine/text_util.h"

namespace lede::engine::metadata {
namespace {

namespace rules = metadata_rules;

// Whether the open microdata item `item` keeps `field` for itself: a
// picture's or a video's facts, a comment's date (a comment's author may be
// the thread's, on a forum).
bool ItemOwns(ItemKind item, Field field) {
  return item == ItemKind::kMedia ||
         (item == ItemKind::kComment && field != Field::kAuthors);
}

// A value for a rules entry: a list of keywords goes to the tags, split.
// `node`: the element that shows the value; null for a <meta>.
void AddValue(const rules::MetaName& entry, absl::string_view value,
              const GumboNode* node, Sink* sink) {
  if (entry.field == Field::kKeywords) {
    std::string list = absl::StrReplaceAll(value, {{"，", ","}, {"、", ","}});
    for (absl::string_view tag : absl::StrSplit(list, absl::ByAnyChar(",;"))) {
      sink->Add(Field::kTags, tag, entry.source, entry.rank + 1);
    }
    return;
  }
  if (node == nullptr) {
    sink->Add(entry.field, value, entry.source, entry.rank);
  } else {
    sink->AddShown(entry.field, value, entry.source, entry.rank, node);
  }
}

// Whether a known name matched.
bool ReadMetaKey(absl::string_view key, absl::string_view content,
                 ItemKind item, Sink* sink) {
  std::string name(key);
  if (absl::StartsWith(name, "dc:") || absl::StartsWith(name, "dcterms:")) {
    name[name.find(':')] = '.';
  }
  bool known = false;
  for (const rules::MetaName& entry : rules::kMetaNames) {
    if (entry.name != name) continue;
    // <meta itemprop> inside a microdata item is the item's property.
    if (!ItemOwns(item, entry.field)) {
      AddValue(entry, content, nullptr, sink);
    }
    known = true;
  }
  return known;
}

// The text directly inside an element (a script's body).
std::string OwnText(const GumboNode* element) {
  std::string text;
  const GumboVector& children = element->v.element.children;
  for (unsigned int i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
        child->type == GUMBO_NODE_WHITESPACE) {
      text += child->v.text.text;
    }
  }
  return text;
}

// A date that opens a period ("12/01/2004 - 01/01/2005" in a blog's
// archive, "3月1日至5月31日") dates no page.
bool OpensAPeriod(absl::string_view text, const ParsedDate& date) {
  static const LazyRE2 kPeriodAfter = {rules::kPeriodAfterDatePattern};
  size_t at = text.find(date.text);
  if (at == absl::string_view::npos) return false;
  return RE2::PartialMatch(Piece(text.substr(at + date.text.size())),
                           *kPeriodAfter);
}

// Whether the text says the date is the page's publication ("发表于
// 2005-9-15", "<span>Posted on</span> May 5"): such a date goes before the
// page's other dates in text (a blog's "建立于" in the sidebar).
bool AnnouncedAsPublished(const GumboNode* text_node, absl::string_view text) {
  static const LazyRE2 kKeyword = {rules::kPublishedKeywordPattern};
  if (RE2::PartialMatch(Piece(text), *kKeyword)) return true;
  const GumboNode* parent = text_node->parent;
  if (parent == nullptr || text_node->index_within_parent == 0) return false;
  const auto* before = static_cast<const GumboNode*>(
      Children(parent)->data[text_node->index_within_parent - 1]);
  std::string label = TextContent(before);
  return label.size() <= rules::kMaxDateLabelBytes &&
         RE2::PartialMatch(label, *kKeyword);
}

// A date inside a link that says more than the date names what the link
// leads to ("Tarifverträge (zum 28.02.2017 gekündigt)" in a menu); a link
// that is only the date is the post's own permalink, as blog themes write
// it.
bool NamesAnotherPage(const GumboNode* text_node, const ParsedDate& date) {
  const GumboNode* link = text_node->parent;
  for (int up = 0; up < rules::kMaxLinkLevelsAboveDate && link != nullptr &&
                   !IsElement(link, GUMBO_TAG_A);
       ++up) {
    link = link->parent;
  }
  if (link == nullptr || !IsElement(link, GUMBO_TAG_A)) return false;
  return CodePointCount(CollapseWhitespace(TextContent(link))) >
         2 * CodePointCount(date.text) + rules::kMaxLinkTextBesideDate;
}

// The characters the alternatives of a pattern start with, read from the
// pattern, each alternative being a literal character of the Basic
// Multilingual Plane past ASCII and what follows it ("来源|文\\s*[/／:：]");
// unknown when one is not (a group, a class, an escape, an optional
// character, an ASCII one).
class FirstCharacters {
 public:
  explicit FirstCharacters(absl::string_view pattern) {
    // A "|" inside a group would split an alternative in two: its first
    // part starts with "(" and makes the characters unknown.
    for (absl::string_view alternative : absl::StrSplit(pattern, '|')) {
      const auto* bytes = reinterpret_cast<const uint8_t*>(alternative.data());
      const int32_t length = static_cast<int32_t>(alternative.size());
      int32_t at = 0;
      UChar32 first = -1;
      if (length > 0) U8_NEXT(bytes, at, length, first);
      // MayStartAMatch reads only the characters past ASCII: an ASCII
      // first character leaves the characters unknown.
      if (first < 0x80 || first > 0xFFFF ||
          (at < length && absl::string_view("?*{").find(alternative[at]) !=
                              absl::string_view::npos)) {
        known_ = false;
        return;
      }
      characters_.set(first);
    }
    known_ = true;
  }

  // Where in `text` a match may start: the byte offset of the first of the
  // characters (0 when they are unknown), npos when `text` holds none of
  // them. Runs of ASCII are skipped eight bytes at a time.
  size_t FirstPossibleStart(absl::string_view text) const {
    if (!known_) return 0;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    int32_t at = 0;
    while (at < length) {
      uint64_t eight;
      if (at + 8 <= length && (std::memcpy(&eight, bytes + at, 8),
                               (eight & 0x8080808080808080ull) == 0)) {
        at += 8;
        continue;
      }
      if (bytes[at] < 0x80) {
        ++at;
        continue;
      }
      const int32_t start = at;
      UChar32 c;
      // Three bytes (CJK) read directly, U8_NEXT's checks being
      // IsPlainThreeByteSequence's there.
      if (IsPlainThreeByteSequence(bytes + at, length - at)) {
        c = PlainThreeByteCodePoint(bytes + at);
        at += 3;
      } else {
        U8_NEXT(bytes, at, length, c);
      }
      if (c >= 0 && c <= 0xFFFF && characters_[c]) return start;
    }
    return absl::string_view::npos;
  }

 private:
  std::bitset<0x10000> characters_;
  bool known_ = false;
};

}  // namespace

size_t CreditKeywordStart(absl::string_view text) {
  static const FirstCharacters* const kStarts =
      new FirstCharacters(rules::kCreditKeywordPattern);
  return kStarts->FirstPossibleStart(text);
}

void Sink::AddShown(Field field, absl::string_view value,
                    absl::string_view source, int rank, const GumboNode* node) {
  if (!candidates_->Add(field, value, source, rank)) return;
  switch (field) {
    case Field::kAuthors:
    case Field::kEditors:
    case Field::kSource:
      scan_->byline_nodes.push_back({node, field, std::string(source)});
      break;
    case Field::kPublished:
    case Field::kPublishedText:
    case Field::kModified:
      scan_->date_nodes.push_back({node, field, std::string(source)});
      break;
    default:
      break;
  }
}

std::string Lower(absl::string_view text) {
  return absl::AsciiStrToLower(CollapseWhitespace(text));
}

std::string LanguageOfMetas(const GumboNode* head) {
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

void ReadMeta(const GumboNode* meta, ItemKind item, Sink* sink) {
  absl::string_view content = Attribute(meta, "content");
  if (content.empty()) return;
  for (const char* attribute : {"property", "name", "itemprop", "http-equiv"}) {
    // One tag may name several properties ("og:title twitter:title"), and
    // Dublin Core is written "DC.title" and "dc:title" alike.
    std::string keys = AsciiLower(Attribute(meta, attribute));
    if (keys.empty() || ReadMetaKey(keys, content, item, sink)) continue;
    for (absl::string_view key :
         absl::StrSplit(keys, absl::ByAnyChar(" \t\n"), absl::SkipEmpty())) {
      if (key.size() < keys.size()) ReadMetaKey(key, content, item, sink);
    }
  }
}

void ReadTitleTag(const GumboNode* title, Sink* sink) {
  if (sink->scan().title_tag.empty()) {
    sink->scan().title_tag = TextContent(title);
  }
}

void ReadBase(const GumboNode* base, Sink* sink) {
  if (sink->scan().base_href.empty()) {
    sink->scan().base_href = std::string(Attribute(base, "href"));
  }
}

void ReadRel(const GumboNode* element, Sink* sink) {
  std::string rel = AsciiLower(Attribute(element, "rel"));
  if (rel.empty()) return;
  const bool link = IsElement(element, GUMBO_TAG_LINK);
  absl::string_view href = Attribute(element, "href");
  for (absl::string_view word : absl::StrSplit(rel, ' ', absl::SkipEmpty())) {
    if (word == "canonical" && link) {
      sink->Add(Field::kCanonical, href, "rel", kRankMarkup);
    } else if (word == "tag" && !link) {
      sink->Add(Field::kTags, TextContent(element), "rel-tag", kRankMarkup);
    } else if (word == "author" && !link) {
      sink->AddShown(Field::kAuthors, TextContent(element), "rel-author",
                     kRankMarkup, element);
    }
  }
}

void ReadScript(const GumboNode* script, Sink* sink) {
  if (AsciiLower(Attribute(script, "type")) == "application/ld+json") {
    ReadJsonLd(OwnText(script), &sink->candidates(),
               &sink->scan().json_ld_types);
  } else {
    sink->scan().scripts.push_back(script);
  }
}

ItemKind KindOfItem(absl::string_view itemtype) {
  static const LazyRE2 kMedia = {rules::kMediaItemTypePattern};
  static const LazyRE2 kComment = {rules::kCommentItemTypePattern};
  if (itemtype.empty()) return ItemKind::kOther;
  if (RE2::PartialMatch(Piece(itemtype), *kMedia)) return ItemKind::kMedia;
  if (RE2::PartialMatch(Piece(itemtype), *kComment)) return ItemKind::kComment;
  return ItemKind::kOther;
}

void ReadItemTypes(absl::string_view itemtype, bool nested, Sink* sink) {
  std::vector<SchemaType>& types = sink->scan().microdata_types;
  for (absl::string_view type :
       absl::StrSplit(itemtype, absl::ByAnyChar(" \t\n"), absl::SkipEmpty())) {
    type = absl::StripSuffix(type, "/");
    type = type.substr(type.find_last_of("/#") + 1);
    if (type.empty() || types.size() >= kMaxSchemaTypes) continue;
    types.push_back({std::string(type), nested});
  }
}

void ReadItemProp(const GumboNode* element, absl::string_view itemprop,
                  ItemKind item, Sink* sink) {
  if (itemprop.empty()) return;
  std::string prop = AsciiLower(itemprop);
  if (prop.empty()) return;
  for (const rules::MetaName& entry : rules::kItemProps) {
    if (entry.name != prop || ItemOwns(item, entry.field)) continue;
    absl::string_view value = Attribute(element, "content");
    if (value.empty()) value = Attribute(element, "datetime");
    std::string text;
    if (value.empty()) {
      std::optional<std::string> within =
          TextContentWithin(element, rules::kMaxBylineBytes);
      if (!within) return;
      text = *std::move(within);
      value = text;
    }
    AddValue(entry, value, element, sink);
  }
}

void ReadTime(const GumboNode* time, Sink* sink) {
  absl::string_view datetime = Attribute(time, "datetime");
  bool pubdate = FindAttribute(time, "pubdate") != nullptr;
  std::string value =
      datetime.empty() ? TextContent(time) : std::string(datetime);
  sink->AddShown(Field::kPublished, value, "time",
                 kRankMarkup + (pubdate ? 0 : 1), time);
}

void ReadHeading(const GumboNode* heading, bool in_chrome, Sink* sink) {
  std::vector<Heading>& headings = sink->scan().headings;
  if (headings.size() >= rules::kMaxHeadings) return;
  std::string text = TextContent(heading);
  // Documentation generators end headings with a permalink ("Title¶").
  for (absl::string_view mark : rules::kPermalinkMarks) {
    if (absl::EndsWith(text, mark)) {
      text.resize(text.size() - mark.size());
      text = std::string(absl::StripTrailingAsciiWhitespace(text));
    }
  }
  if (text.empty() || CodePointCount(text) > rules::kMaxTitleLength) return;
  const GumboTag tag = heading->v.element.tag;
  int level = tag == GUMBO_TAG_H1 ? 1 : tag == GUMBO_TAG_H2 ? 2 : 3;
  headings.push_back({std::move(text), level, in_chrome});
}

void ReadClassHints(const GumboNode* element, bool byline, bool date,
                    Sink* sink) {
  if (!byline && !date) return;
  const std::optional<std::string> text =
      TextContentWithin(element, rules::kMaxBylineBytes);
  if (!text || text->empty()) return;
  if (byline) {
    for (const std::string& name : SplitAuthors(*text)) {
      sink->AddShown(Field::kAuthors, name, "byline", kRankMarkup + 1, element);
    }
  }
  if (date) {
    sink->AddShown(Field::kPublishedText, *text, "dateline", kRankText,
                   element);
  }
}

void ReadDateline(const GumboNode* text_node, Sink* sink) {
  absl::string_view text = absl::StripLeadingAsciiWhitespace(
      absl::string_view(text_node->v.text.text));
  // A long text is read only at its start, where press releases and wire
  // stories put their dateline ("27.1.2022 - Bei der ...").
  if (text.size() > rules::kMaxDatelineBytes) {
    int32_t cut = rules::kDatelinePrefixBytes;
    U8_SET_CP_START(reinterpret_cast<const uint8_t*>(text.data()), 0, cut);
    text = text.substr(0, cut);
  }
  if (sink->scan().text_dates >= rules::kMaxTextDates) return;
  std::optional<ParsedDate> date =
      FindDate(text, DateHints(), /*allow_relative=*/false);
  if (!date || NamesAnotherPage(text_node, *date) ||
      OpensAPeriod(text, *date)) {
    return;
  }
  ++sink->scan().text_dates;
  sink->AddShown(
      Field::kPublishedText, text, "text",
      AnnouncedAsPublished(text_node, text) ? kRankText : kRankText + 1,
      text_node);
}

void ReadCredits(const GumboNode* text_node, Sink* sink) {
  static const LazyRE2 kKeyword = {rules::kCreditKeywordPattern};
  const absl::string_view node_text = text_node->v.text.text;
  // No match starts before the first of the keywords' first characters, and
  // the pattern looks at nothing before its match: the text before it is
  // skipped, not scanned.
  const size_t start = CreditKeywordStart(node_text);
  if (start == absl::string_view::npos ||
      !RE2::PartialMatch(Piece(node_text.substr(start)), *kKeyword)) {
    return;
  }
  // The names are often links or spans beside the keyword.
  const GumboNode* read = text_node->parent;
  std::optional<std::string> text =
      TextContentWithin(read, rules::kMaxBylineBytes);
  if (!text) {
    read = text_node;
    text = text_node->v.text.text;
  }
  ChineseCredits credits = ReadChineseCredits(*text);
  if (!credits.source.empty()) {
    sink->AddShown(Field::kSource, credits.source, "text-pattern", kRankText,
                   read);
  }
  for (const std::string& name : credits.authors) {
    sink->AddShown(Field::kAuthors, name, "text-pattern", kRankText, read);
  }
  for (const std::string& name : credits.editors) {
    sink->AddShown(Field::kEditors, name, "text-pattern", kRankText, read);
  }
}

void ReadFrontMatter(const FrameFacts& framed, Candidates* out) {
  for (const auto& [key, field] : rules::kFrontMatterKeys) {
    auto it = framed.front_matter.find(key);
    if (it == framed.front_matter.end()) continue;
    for (const std::string& value : it->second) {
      out->Add(field, value, "front-matter", kRankStructured);
    }
  }
}

std::optional<std::string> ScriptDate(absl::string_view text) {
  static const LazyRE2 kStateDate = {rules::kScriptDatePattern};
  // The first match starts no earlier than its key's word, less the bytes
  // before the word, and the pattern looks at nothing before its match: the
  // script's text before that is skipped, not scanned.
  const size_t word = text.find(rules::kScriptDateKeyWord);
  if (word == absl::string_view::npos) return std::nullopt;
  text.remove_prefix(word -
                     std::min(word, rules::kScriptDateBytesBeforeKeyWord));
  std::string date;
  if (!RE2::PartialMatch(Piece(text), *kStateDate, &date)) return std::nullopt;
  return date;
}

void ReadScriptDate(const PageScan& scan, Candidates* out) {
  for (const GumboNode* script : scan.scripts) {
    const GumboVector& children = script->v.element.children;
    for (unsigned int i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type != GUMBO_NODE_TEXT) continue;
      if (std::optional<std::string> date = ScriptDate(child->v.text.text)) {
        out->Add(Field::kPublished, *date, "script", kRankText + 2);
        return;
      }
    }
  }
}

}  // namespace lede::engine::metadata
