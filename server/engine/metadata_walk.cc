#include "server/engine/metadata_walk.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "server/engine/element_reads.h"
#include "server/engine/metadata_readers.h"
#include "server/engine/metadata_rules.h"
#include "server/engine/role_classes.h"
#include "server/engine/text_util.h"

namespace lede::engine::metadata {
namespace {

namespace rules = metadata_rules;

bool IsPageContainer(GumboTag tag) {
  return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY ||
         tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
}

bool IsChrome(GumboTag tag) {
  return tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_NAV ||
         tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE;
}

// What an element's class or id words say it holds, as bits.
enum RoleBit : int {
  kForeignRole = 1,  // other articles or readers' posts
  kBylineRole = 2,
  kDateRole = 4,
};

// The words of kRoleWordStarts by their first two letters (each word opens
// with two letters), so that a word of a value is compared with those of its
// own pair alone.
class RoleWordIndex {
 public:
  RoleWordIndex() {
    for (absl::string_view word : rules::kRoleWordStarts) {
      words_[LetterPairIndex(word)].push_back(word);
    }
  }

  // Whether `text`, from the start of one of a value's words, begins with a
  // word of the table, in any case.
  bool StartsAWord(absl::string_view text) const {
    const int pair = LetterPairIndex(text);
    if (pair < 0) return false;
    for (absl::string_view word : words_[pair]) {
      if (StartsWithWord(text, word)) return true;
    }
    return false;
  }

 private:
  // Whether `text` begins with `word` (lower case) in any case.
  static bool StartsWithWord(absl::string_view text, absl::string_view word) {
    if (text.size() < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      if (absl::ascii_tolower(static_cast<unsigned char>(text[i])) != word[i]) {
        return false;
      }
    }
    return true;
  }

  std::array<std::vector<absl::string_view>, kLetterPairs> words_;
};

// What a byte of a class or id value is to the role patterns.
enum class RoleByte : uint8_t {
  kWord,
  // White space (RE2's \s), "_" and "-".
  kSeparator,
  // The patterns' (?i) also matches "ſ" for "s" and the Kelvin sign for "k":
  // a value past ASCII is left to them.
  kPastAscii,
};

constexpr std::array<RoleByte, 256> RoleBytes() {
  std::array<RoleByte, 256> bytes{};
  for (int c = 0; c < 256; ++c) {
    bytes[c] = c >= 0x80 ? RoleByte::kPastAscii : RoleByte::kWord;
  }
  for (char c : {' ', '\t', '\n', '\f', '\r', '_', '-'}) {
    bytes[static_cast<unsigned char>(c)] = RoleByte::kSeparator;
  }
  return bytes;
}

// The fewest bytes of a value the role patterns match: every match opens
// with a word of kRoleWordStarts, in any case, each of whose characters is
// a byte or more.
constexpr size_t FewestRoleBytes() {
  size_t fewest = rules::kRoleWordStarts[0].size();
  for (absl::string_view word : rules::kRoleWordStarts) {
    fewest = std::min(fewest, word.size());
  }
  return fewest;
}

constexpr size_t kFewestRoleBytes = FewestRoleBytes();

}  // namespace

bool MayNameARole(absl::string_view value) {
  static const RoleWordIndex* const kWords = new RoleWordIndex();
  static constexpr std::array<RoleByte, 256> kBytes = RoleBytes();
  if (value.size() < kFewestRoleBytes) return false;
  const char* at = value.data();
  const char* const end = at + value.size();
  while (at != end) {
    const RoleByte kind = kBytes[static_cast<unsigned char>(*at)];
    if (kind == RoleByte::kSeparator) {
      ++at;
      continue;
    }
    if (kind == RoleByte::kPastAscii) return true;
    if (kWords->StartsAWord(absl::string_view(at, end - at))) return true;
    // The rest of the word, read only for where it ends.
    do {
      ++at;
    } while (at != end &&
             kBytes[static_cast<unsigned char>(*at)] == RoleByte::kWord);
  }
  return false;
}

namespace {

// The roles of one class or id value: one scan for all three patterns (an
// RE2::Set), where three PartialMatch calls each were a tenth of the metadata
// stage, and only for the values that may name a role (MayNameARole).
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
  if (!MayNameARole(value)) return 0;
  std::vector<int> matched;
  if (!kRoles->Match(Piece(value), &matched)) return 0;
  for (int index : matched) roles |= 1 << index;
  return roles;
}

// The roles of an element's class and id values. A class value is matched
// once a page (ElementReads keeps its reading). An id names one element (on
// the 40 pages of the speed lab, 264 of 31,000 values matched were an id seen
// before): it is matched, not looked up and stored.
int RolesOf(const ElementReads::Read& read) {
  int roles = 0;
  if (ClassValueReading* value = read.class_value; value != nullptr) {
    if (value->roles == ClassValueReading::kUnread) {
      value->roles = RolesOfValue(read.attributes.class_name);
    }
    roles = value->roles;
  }
  // Most elements have no id, or one too short to name a role: no call.
  if (read.attributes.id.size() >= kFewestRoleBytes) {
    roles |= RolesOfValue(read.attributes.id);
  }
  return roles;
}

// Containers of other articles or of readers' posts, by their role classes:
// a post filed under "category-popular" is not a list of popular posts, and
// a layout box ("content_block right-sidebar") around the page's headline
// holds the article itself. The page's own containers describe the page
// (WordPress puts "has-sidebar" on <body>), so only inner containers can be
// foreign.
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

class PageWalk : public TreeVisitor {
 public:
  PageWalk(const Dom& dom, Sink* sink, ElementReads* reads)
      : dom_(dom), sink_(sink), reads_(*reads) {}

  // `body_walk`, when given, walks the body in the same pass.
  void Walk(TreeVisitor* body_walk) {
    PageScan& scan = sink_->scan();
    scan.lang = std::string(Attribute(dom_.root(), "lang"));
    scan.declared_language = std::string(absl::StripAsciiWhitespace(scan.lang));
    if (body_walk != nullptr) {
      WalkTogether(dom_.document(), this, dom_.body(), body_walk);
      return;
    }
    WalkTreeWith(dom_.document(), this);
  }

  bool Enter(const GumboNode* node) override {
    if (node->type == GUMBO_NODE_DOCUMENT) return true;
    if (node->type == GUMBO_NODE_TEXT) {
      if (!InForeign()) {
        ReadCredits(node, sink_);
        ReadDateline(node, sink_);
      }
      return false;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    // What an SVG draws (an avatar's initials, a chart's labels) is no
    // byline, date or title: the walk does not enter it.
    if (node->v.element.tag == GUMBO_TAG_SVG &&
        node->v.element.tag_namespace == GUMBO_NAMESPACE_SVG) {
      return false;
    }
    if (node == dom_.head() && sink_->scan().declared_language.empty()) {
      sink_->scan().declared_language = LanguageOfMetas(node);
    }
    if (!ReadHeadElement(node)) return false;
    Open(node);
    if (!InForeign()) ReadShown(node);
    return true;
  }

  // Only elements are entered (Enter) and open a place.
  void Leave(const GumboNode* node) override {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    if (opened_.back().foreign) --foreign_depth_;
    if (opened_.back().chrome) --chrome_depth_;
    if (opened_.back().item) items_.pop_back();
    opened_.pop_back();
  }

 private:
  // The elements read whole and not entered; false for those. Only HTML
  // ones are read: an SVG <title> is an icon's tooltip ("Facebook", read as
  // the page's title where the head had none), an SVG <script> or <link>
  // no page's metadata.
  bool ReadHeadElement(const GumboNode* element) {
    const bool html = element->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
    switch (element->v.element.tag) {
      case GUMBO_TAG_META:
        if (html) ReadMeta(element, Item(), sink_);
        return false;
      case GUMBO_TAG_TITLE:
        if (html) ReadTitleTag(element, sink_);
        return false;
      case GUMBO_TAG_BASE:
        if (html) ReadBase(element, sink_);
        return false;
      case GUMBO_TAG_LINK:
        if (html) ReadRel(element, sink_);
        return false;
      case GUMBO_TAG_SCRIPT:
        if (html) ReadScript(element, sink_);
        return false;
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_NOSCRIPT:
      case GUMBO_TAG_TEMPLATE:
        return false;
      default:
        return true;
    }
  }

  // Opens `element`'s place: a foreign container, the chrome, an item. An
  // itemscope element's own itemprop belongs to the enclosing item, so it
  // is read before the element opens its item.
  void Open(const GumboNode* element) {
    const GumboTag tag = element->v.element.tag;
    const ElementReads::Read& read = reads_.Of(element);
    const ElementAttributes& attributes = read.attributes;
    roles_ = RolesOf(read);
    has_rel_ = attributes.has_rel;
    // Inside a foreign container everything is foreign already.
    const bool foreign =
        !InForeign() && IsForeignContainer(element, tag, attributes, roles_);
    if (foreign) ++foreign_depth_;
    if (IsChrome(tag)) ++chrome_depth_;
    if (!InForeign()) {
      ReadItemProp(element, attributes.itemprop, Item(), sink_);
    }
    if (attributes.itemscope) {
      ReadItemTypes(attributes.itemtype, /*nested=*/!items_.empty(), sink_);
      items_.push_back(KindOfItem(attributes.itemtype));
    }
    opened_.push_back({foreign, IsChrome(tag), attributes.itemscope});
  }

  // What an element outside foreign containers shows.
  void ReadShown(const GumboNode* element) {
    const GumboTag tag = element->v.element.tag;
    // Most links have no rel: no call for them.
    if (tag == GUMBO_TAG_A && has_rel_) ReadRel(element, sink_);
    if (tag == GUMBO_TAG_TIME) ReadTime(element, sink_);
    if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3) {
      ReadHeading(element, chrome_depth_ > 0, sink_);
    }
    // Most elements have neither role: no call for them.
    if ((roles_ & (kBylineRole | kDateRole)) != 0 && tag != GUMBO_TAG_BODY &&
        tag != GUMBO_TAG_HTML) {
      ReadClassHints(element, (roles_ & kBylineRole) != 0,
                     (roles_ & kDateRole) != 0, sink_);
    }
  }

  // What an open element changed of the place, undone when it closes.
  struct Opened {
    bool foreign;
    bool chrome;
    bool item;
  };

  bool InForeign() const { return foreign_depth_ > 0; }
  ItemKind Item() const {
    return items_.empty() ? ItemKind::kOther : items_.back();
  }

  const Dom& dom_;
  Sink* sink_;
  ElementReads& reads_;
  // The roles of the element being entered, and whether it has a rel.
  int roles_ = 0;
  bool has_rel_ = false;
  int foreign_depth_ = 0;
  int chrome_depth_ = 0;
  std::vector<Opened> opened_;
  // The open microdata items, innermost last.
  std::vector<ItemKind> items_;
};

}  // namespace

void ScanPage(const Dom& dom, Sink* sink, TreeVisitor* body_walk) {
  // The walks share what they read of an element (PageTreeMeasure's reads).
  ElementReads* reads =
      body_walk != nullptr ? body_walk->element_reads() : nullptr;
  ElementReads own_reads;
  PageWalk(dom, sink, reads != nullptr ? reads : &own_reads).Walk(body_walk);
}

}  // namespace lede::engine::metadata
