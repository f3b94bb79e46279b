#include "server/engine/nesting.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "server/engine/bounded_parse.h"
#include "server/engine/limits.h"
#include "server/engine/raw_text.h"

namespace lede::engine {
namespace {

constexpr size_t kTagCount = GUMBO_TAG_LAST + 1;

// Gumbo's check of one attribute name against one kept before it (a strlen
// and a compare, in a loop over the tag's attributes): 17 to 35 ns measured
// on this project's machine (2 000 to 40 000 attributes on one <div>, gumbo
// 0.10.1). The pre-scan counts it at 2 ns, a time no machine it runs on
// beats, so that what it refuses surely runs past the parse budget.
constexpr absl::Duration kAttributeCheckTime = absl::Nanoseconds(2);
// Below this many attributes on a tag, their checks are left uncounted:
// at most half a million comparisons, a millisecond.
constexpr size_t kManyAttributes = 1024;

// clang-format off
// Data: the tree builder's tag classes (WHATWG HTML, "parsing HTML
// documents"), as far as the scan follows them.
constexpr GumboTag kVoidTags[] = {
    GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND,
    GUMBO_TAG_BR, GUMBO_TAG_COL, GUMBO_TAG_EMBED, GUMBO_TAG_FRAME, GUMBO_TAG_HR,
    GUMBO_TAG_IMAGE, GUMBO_TAG_IMG, GUMBO_TAG_INPUT, GUMBO_TAG_KEYGEN,
    GUMBO_TAG_LINK, GUMBO_TAG_META, GUMBO_TAG_PARAM, GUMBO_TAG_SOURCE,
    GUMBO_TAG_TRACK, GUMBO_TAG_WBR, GUMBO_TAG_MENUITEM, GUMBO_TAG_ISINDEX};
// Never pushed: merged into the one the parser made (html, head, body), or
// ignored where the scan cannot tell their mode (form).
constexpr GumboTag kNeverPushed[] = {
    GUMBO_TAG_HTML, GUMBO_TAG_HEAD, GUMBO_TAG_BODY, GUMBO_TAG_FORM};
// Start tags after which a <frameset> no longer replaces the body.
constexpr GumboTag kFramesetNotOk[] = {
    GUMBO_TAG_APPLET, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TABLE,
    GUMBO_TAG_AREA, GUMBO_TAG_BR, GUMBO_TAG_EMBED, GUMBO_TAG_IMG,
    GUMBO_TAG_IMAGE, GUMBO_TAG_KEYGEN, GUMBO_TAG_WBR, GUMBO_TAG_INPUT,
    GUMBO_TAG_HR, GUMBO_TAG_TEXTAREA, GUMBO_TAG_XMP, GUMBO_TAG_IFRAME,
    GUMBO_TAG_SELECT, GUMBO_TAG_PRE, GUMBO_TAG_LISTING, GUMBO_TAG_LI,
    GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_BUTTON, GUMBO_TAG_BODY};
// The current nodes in whose place content is foster-parented: put beside
// the table instead of inside it, one level higher in the tree.
constexpr GumboTag kFosterParents[] = {
    GUMBO_TAG_TABLE, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT,
    GUMBO_TAG_TR};
// What a table holds itself rather than fosters.
constexpr GumboTag kNotFostered[] = {
    GUMBO_TAG_CAPTION, GUMBO_TAG_COLGROUP, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD,
    GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_TABLE,
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TEMPLATE, GUMBO_TAG_INPUT,
    GUMBO_TAG_FORM};
// Start tags that close an open <p> in button scope.
constexpr GumboTag kClosesP[] = {
    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BLOCKQUOTE,
    GUMBO_TAG_CENTER, GUMBO_TAG_DETAILS, GUMBO_TAG_DIR, GUMBO_TAG_DIV,
    GUMBO_TAG_DL, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
    GUMBO_TAG_FOOTER, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_MAIN,
    GUMBO_TAG_MENU, GUMBO_TAG_NAV, GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_SECTION,
    GUMBO_TAG_SUMMARY, GUMBO_TAG_UL, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
    GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_PRE, GUMBO_TAG_LISTING,
    GUMBO_TAG_FORM, GUMBO_TAG_PLAINTEXT, GUMBO_TAG_TABLE, GUMBO_TAG_HR,
    GUMBO_TAG_XMP, GUMBO_TAG_LI, GUMBO_TAG_DD, GUMBO_TAG_DT};
// Elements that end "button scope" (the search for an open <p>).
constexpr GumboTag kButtonScope[] = {
    GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML, GUMBO_TAG_TABLE,
    GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT,
    GUMBO_TAG_TEMPLATE, GUMBO_TAG_BUTTON};
// "Special" elements other than address, div and p: where the search for
// an open <li>, <dd> or <dt> to close stops.
constexpr GumboTag kSpecialNotAddressDivP[] = {
    GUMBO_TAG_APPLET, GUMBO_TAG_AREA, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,
    GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_BLOCKQUOTE,
    GUMBO_TAG_BODY, GUMBO_TAG_BR, GUMBO_TAG_BUTTON, GUMBO_TAG_CAPTION,
    GUMBO_TAG_CENTER, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_DD,
    GUMBO_TAG_DETAILS, GUMBO_TAG_DIR, GUMBO_TAG_DL, GUMBO_TAG_DT,
    GUMBO_TAG_EMBED, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
    GUMBO_TAG_FOOTER, GUMBO_TAG_FORM, GUMBO_TAG_FRAME, GUMBO_TAG_FRAMESET,
    GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
    GUMBO_TAG_H6, GUMBO_TAG_HEAD, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP,
    GUMBO_TAG_HR, GUMBO_TAG_HTML, GUMBO_TAG_IFRAME, GUMBO_TAG_IMG,
    GUMBO_TAG_INPUT, GUMBO_TAG_KEYGEN, GUMBO_TAG_LI, GUMBO_TAG_LINK,
    GUMBO_TAG_LISTING, GUMBO_TAG_MAIN, GUMBO_TAG_MARQUEE, GUMBO_TAG_MENU,
    GUMBO_TAG_META, GUMBO_TAG_NAV, GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES,
    GUMBO_TAG_NOSCRIPT, GUMBO_TAG_OBJECT, GUMBO_TAG_OL, GUMBO_TAG_PARAM,
    GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE, GUMBO_TAG_SCRIPT, GUMBO_TAG_SECTION,
    GUMBO_TAG_SELECT, GUMBO_TAG_SOURCE, GUMBO_TAG_STYLE, GUMBO_TAG_SUMMARY,
    GUMBO_TAG_TABLE, GUMBO_TAG_TBODY, GUMBO_TAG_TD, GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_TEXTAREA, GUMBO_TAG_TFOOT, GUMBO_TAG_TH, GUMBO_TAG_THEAD,
    GUMBO_TAG_TITLE, GUMBO_TAG_TR, GUMBO_TAG_TRACK, GUMBO_TAG_UL, GUMBO_TAG_WBR,
    GUMBO_TAG_XMP};
// The MathML and SVG elements that are special and end every scope, as
// those above do, but only as MathML and SVG elements (opened inside
// <math> or <svg>): an <mi> or <desc> in HTML is an ordinary element. The
// text integration points of MathML (all but annotation-xml) and the SVG
// ones hold HTML content.
constexpr GumboTag kMathMlScope[] = {
    GUMBO_TAG_MI, GUMBO_TAG_MO, GUMBO_TAG_MN, GUMBO_TAG_MS, GUMBO_TAG_MTEXT,
    GUMBO_TAG_ANNOTATION_XML};
constexpr GumboTag kSvgScope[] = {
    GUMBO_TAG_FOREIGNOBJECT, GUMBO_TAG_DESC, GUMBO_TAG_TITLE};
// HTML start tags that end foreign (SVG, MathML) content.
constexpr GumboTag kBreakOutOfForeign[] = {
    GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY,
    GUMBO_TAG_BR, GUMBO_TAG_CENTER, GUMBO_TAG_CODE, GUMBO_TAG_DD, GUMBO_TAG_DIV,
    GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_EM, GUMBO_TAG_EMBED, GUMBO_TAG_H1,
    GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6,
    GUMBO_TAG_HEAD, GUMBO_TAG_HR, GUMBO_TAG_I, GUMBO_TAG_IMG, GUMBO_TAG_LI,
    GUMBO_TAG_LISTING, GUMBO_TAG_MENU, GUMBO_TAG_META, GUMBO_TAG_NOBR,
    GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_PRE, GUMBO_TAG_RUBY, GUMBO_TAG_S,
    GUMBO_TAG_SMALL, GUMBO_TAG_SPAN, GUMBO_TAG_STRONG, GUMBO_TAG_STRIKE,
    GUMBO_TAG_SUB, GUMBO_TAG_SUP, GUMBO_TAG_TABLE, GUMBO_TAG_TT, GUMBO_TAG_U,
    GUMBO_TAG_UL, GUMBO_TAG_VAR, GUMBO_TAG_FONT};
// End tags that close their element only when it is "in scope": no
// applet, caption, table, td, th, marquee, object or template (nor a MathML
// or SVG scope element) open above it, else they are ignored (</p> has the
// button scope too, </li> the list item scope).
constexpr GumboTag kScopedEndTags[] = {
    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,
    GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BUTTON, GUMBO_TAG_CENTER,
    GUMBO_TAG_DETAILS, GUMBO_TAG_DIR, GUMBO_TAG_DIV,
    GUMBO_TAG_DL, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
    GUMBO_TAG_FOOTER, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_LISTING,
    GUMBO_TAG_MAIN, GUMBO_TAG_MENU, GUMBO_TAG_NAV, GUMBO_TAG_OL, GUMBO_TAG_PRE,
    GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY, GUMBO_TAG_UL, GUMBO_TAG_LI,
    GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
    GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_APPLET,
    GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_P};
// Table parts: ignored outside a table.
constexpr GumboTag kTableParts[] = {
    GUMBO_TAG_CAPTION, GUMBO_TAG_COLGROUP, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD,
    GUMBO_TAG_TFOOT, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_TH};

// Formatting elements: an end tag (or a second <a>, <nobr>) that finds
// a special element opened inside one runs the adoption agency.
constexpr GumboTag kFormattingTags[] = {
    GUMBO_TAG_A, GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_CODE, GUMBO_TAG_EM,
    GUMBO_TAG_FONT, GUMBO_TAG_I, GUMBO_TAG_NOBR, GUMBO_TAG_S, GUMBO_TAG_SMALL,
    GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG, GUMBO_TAG_TT, GUMBO_TAG_U};
// Elements that put a marker on the list of active formatting elements:
// formatting opened outside them is not reopened inside them.
constexpr GumboTag kMarkerTags[] = {
    GUMBO_TAG_APPLET, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TD,
    GUMBO_TAG_TH, GUMBO_TAG_CAPTION, GUMBO_TAG_TEMPLATE};
// Start tags before which the tree builder reopens the active formatting
// elements: these, and every tag no rule of its own names (span, label,
// custom elements...), unlike the blocks, lists, headings, table parts and
// raw text elements.
constexpr GumboTag kReopenBefore[] = {
    GUMBO_TAG_A, GUMBO_TAG_NOBR, GUMBO_TAG_APPLET, GUMBO_TAG_MARQUEE,
    GUMBO_TAG_OBJECT, GUMBO_TAG_AREA, GUMBO_TAG_BR, GUMBO_TAG_EMBED,
    GUMBO_TAG_IMG, GUMBO_TAG_IMAGE, GUMBO_TAG_KEYGEN, GUMBO_TAG_WBR,
    GUMBO_TAG_INPUT, GUMBO_TAG_XMP, GUMBO_TAG_SELECT, GUMBO_TAG_OPTION,
    GUMBO_TAG_OPTGROUP, GUMBO_TAG_MATH, GUMBO_TAG_SVG, GUMBO_TAG_BUTTON};
constexpr GumboTag kNoReopenBefore[] = {
    GUMBO_TAG_RB, GUMBO_TAG_RP, GUMBO_TAG_RT, GUMBO_TAG_RTC,
    GUMBO_TAG_FRAMESET, GUMBO_TAG_PLAINTEXT, GUMBO_TAG_H1, GUMBO_TAG_H2,
    GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6};
// clang-format on

enum TagClass : unsigned {
  kVoid = 1 << 0,
  kNeverPush = 1 << 1,
  kRawText = 1 << 2,
  kClosesPClass = 1 << 3,
  kButtonScopeClass = 1 << 4,
  kSpecialClass = 1 << 5,
  kBreakOut = 1 << 6,
  kTablePart = 1 << 7,
  kFramesetNotOkClass = 1 << 8,
  kFosterParent = 1 << 9,
  kNotFosteredClass = 1 << 10,
  kFormatting = 1 << 11,
  kSpecialAny = 1 << 12,
  kMarker = 1 << 13,
  kNoReopen = 1 << 14,
  kMathMlScopeClass = 1 << 15,
  kSvgScopeClass = 1 << 16,
  kScopedEnd = 1 << 17,
  // Not a tag's class but an open element's: an <annotation-xml> whose
  // encoding makes it an HTML integration point.
  kHtmlAnnotation = 1 << 18,
};

// The classes that depend on an element's namespace.
constexpr unsigned kScopeClasses =
    kButtonScopeClass | kSpecialClass | kSpecialAny;

// An open element's namespace, as the tree builder gives it.
enum class Namespace : uint8_t { kHtml, kSvg, kMathMl };

struct TagClasses {
  std::array<unsigned, kTagCount> bits{};
  constexpr TagClasses() {
    auto mark = [this](const auto& tags, unsigned bit) {
      for (GumboTag tag : tags) bits[tag] |= bit;
    };
    mark(kVoidTags, kVoid);
    mark(kNeverPushed, kNeverPush);
    // Their content is text up to their end tag (RAWTEXT, RCDATA, script
    // data). A <noscript>'s is markup: read as text, nesting in it passed
    // the scan, and gumbo built it until its parse budget.
    for (size_t tag = 0; tag < kTagCount; ++tag) {
      if (EndsOnlyAtItsEndTag(static_cast<GumboTag>(tag))) {
        bits[tag] |= kRawText;
      }
    }
    mark(kClosesP, kClosesPClass);
    mark(kButtonScope, kButtonScopeClass);
    mark(kSpecialNotAddressDivP, kSpecialClass);
    mark(kBreakOutOfForeign, kBreakOut);
    mark(kTableParts, kTablePart);
    mark(kFramesetNotOk, kFramesetNotOkClass);
    mark(kFosterParents, kFosterParent);
    mark(kNotFostered, kNotFosteredClass);
    mark(kFormattingTags, kFormatting);
    mark(kSpecialNotAddressDivP, kSpecialAny);
    mark(kMarkerTags, kMarker);
    mark(kNoReopenBefore, kNoReopen);
    mark(kMathMlScope, kMathMlScopeClass);
    mark(kSvgScope, kSvgScopeClass);
    mark(kScopedEndTags, kScopedEnd);
    for (GumboTag tag : {GUMBO_TAG_ADDRESS, GUMBO_TAG_DIV, GUMBO_TAG_P}) {
      bits[tag] |= kSpecialAny;
    }
    for (unsigned& tag_bits : bits) {
      if (tag_bits &
          (kSpecialAny | kTablePart | kNeverPush | kRawText | kClosesPClass)) {
        tag_bits |= kNoReopen;
      }
    }
    for (GumboTag tag : kReopenBefore) bits[tag] &= ~kNoReopen;
  }
};

// Built by the compiler: the scan asks for a tag's classes several times a
// tag, and a function-local static would check its guard each time.
constexpr TagClasses kClasses;

const TagClasses& Classes() { return kClasses; }

bool IsHeading(GumboTag tag) {
  return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

// The elements the tree builder's "generate implied end tags" closes.
bool IsImpliedEndTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_P:
    case GUMBO_TAG_RB:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RTC:
      return true;
    default:
      return false;
  }
}

// An end tag as the scan read it: its tag, all between "</" and ">" as
// written, and how much of that is its name.
struct EndTagRead {
  GumboTag tag;
  absl::string_view written;
  size_t name_size;
};

// The key by which gumbo 0.10 tells a foreign element's name from an end
// tag's, as written, in the rules for foreign content: it compares them
// with strncasecmp, in ASCII case and up to a NUL they share. Lower-cased,
// and zeroed past its first NUL, so that equal keys are names it takes
// as equal.
std::string ForeignNameKey(absl::string_view written) {
  std::string key(written);
  bool past_nul = false;
  for (char& c : key) {
    if (past_nul) {
      c = 0;
    } else {
      past_nul = c == 0;
      c = absl::ascii_tolower(static_cast<unsigned char>(c));
    }
  }
  return key;
}

// A start tag's name as gumbo 0.10 writes it for that comparison: up to C's
// white space or '/', which takes '\v' too, where the tokenizer's name
// goes on.
absl::string_view StartTagForeignName(absl::string_view name) {
  return name.substr(0, name.find('\v'));
}

// The start tags gumbo takes by the head's rules in a template and before
// the body: they decide neither a template's content nor where the body
// begins.
constexpr bool TakenByTheHeadsRules(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// The stack of open elements as far as the scan follows it, with the
// positions of each tag and of each class the rules ask about, so every
// rule is answered without walking the stack (each tag's last position in
// a table, the one before it kept in the element that took its place; each
// class's in every element, as of that element), one vector of structs
// that a push writes once and a pop reads once; and the list of active
// formatting elements, the <b>, <i>, <a>... that the tree builder reopens
// (as copies) before text or an inline element when markup closed them
// early: misnested formatting (<b><i>x</b> repeated) nests deeper at each
// reopening.
class OpenElements {
 public:
  OpenElements() { last_.fill(-1); }

  size_t size() const { return stack_.size(); }
  // The tree depth of the current node (<body>'s, 2, when none is open).
  int depth() const {
    return stack_.empty() ? base_depth_ : stack_.back().depth;
  }
  // A frameset that replaces the body opens beside <head>, not in <body>.
  void ReplaceBody() { base_depth_ = 1; }
  GumboTag top() const {
    return stack_.empty() ? GUMBO_TAG_LAST : stack_.back().tag;
  }
  // Position of the last open `tag`, -1 when none is open.
  int Last(GumboTag tag) const { return last_[tag]; }
  int LastButtonScope() const {
    return stack_.empty() ? -1 : stack_.back().last_button;
  }
  // The position of the last element that ends the scope an end tag `tag`
  // of kScopedEndTags looks in (button scope for </p>, list item scope for
  // </li>, the default scope else: button scope but <button>), -1 if none.
  int LastScopeFor(GumboTag tag) const {
    if (tag == GUMBO_TAG_P) return LastButtonScope();
    int last = LastButtonScope();
    while (last >= 0 && stack_[last].tag == GUMBO_TAG_BUTTON &&
           stack_[last].ns == Namespace::kHtml) {
      last = last > 0 ? stack_[last - 1].last_button : -1;
    }
    if (tag == GUMBO_TAG_LI) {
      last = std::max({last, Last(GUMBO_TAG_OL), Last(GUMBO_TAG_UL)});
    }
    return last;
  }
  int LastSpecial() const {
    return stack_.empty() ? -1 : stack_.back().last_special;
  }
  // LastSpecial, address, div and p included.
  int LastSpecialAny() const {
    return stack_.empty() ? -1 : stack_.back().last_any_special;
  }
  // Below a foreign current node, the position of the foreign element
  // above the last HTML one that `end` closes by the rules for foreign
  // content; -1 if none, or if the current node is HTML. Gumbo 0.10 matches
  // the names as written (ForeignNameKey): an end tag with anything after
  // its name matches none, and one of an unknown tag only the elements of
  // its name, not every unknown one as its enum would.
  int LastForeign(const EndTagRead& end) const {
    if (!CurrentIsForeign()) return -1;
    int last = -1;
    if (end.tag != GUMBO_TAG_UNKNOWN) {
      if (end.written.size() == end.name_size) last = Last(end.tag);
    } else if (auto found = name_ids_.find(ForeignNameKey(end.written));
               found != name_ids_.end()) {
      last = last_named_[found->second];
    }
    return last > stack_.back().last_html ? last : -1;
  }
  // The position of the last open HTML element `tag`, -1 if none.
  int LastHtml(GumboTag tag) const {
    const int last = Last(tag);
    return last < 0 ? -1 : stack_[last].last_html_same;
  }
  // Whether the list of active formatting elements holds an <a> or a <nobr>
  // after its last marker: a second one's start tag runs the adoption
  // agency.
  bool HasLinkOrNobr() const {
    for (size_t k = formatting_.size(); k > 0 && !IsMarker(k - 1); --k) {
      const GumboTag tag = formatting_[k - 1].tag;
      if (tag == GUMBO_TAG_A || tag == GUMBO_TAG_NOBR) return true;
    }
    return false;
  }
  // Position of the last open heading (h1 to h6), -1 when none is open.
  int LastHeading() const {
    int last = -1;
    for (GumboTag heading : {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
                             GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6}) {
      last = std::max(last, Last(heading));
    }
    return last;
  }
  // Whether tags go by the rules of a select: the last open HTML select
  // is above the last <template> (whose content takes the body's rules
  // again), or gumbo's reset of the insertion mode took an SVG or MathML
  // <select> for a select (ResetInsertionMode). Gumbo keeps that mode until
  // its next reset, after the foreign select has closed too (<svg><select>
  // <a><title><select><select></a> drops the <div>s after it). A foreign
  // <select> alone is an element like any other: an HTML <select> in an
  // integration point above it opens a select of its own (the scan once
  // closed the SVG one there and read the <a>s after it nesting in the
  // SVG, where gumbo's select dropped them: nesting_fuzzer crash-7193feff).
  bool InSelect() const {
    return ModeSelectIsForeign() ||
           LastHtml(GUMBO_TAG_SELECT) > Last(GUMBO_TAG_TEMPLATE);
  }
  // Whether the select mode comes from a reset that took a foreign select
  // for one, and no <template> opened since.
  bool ModeSelectIsForeign() const {
    return foreign_select_mode_ &&
           Last(GUMBO_TAG_TEMPLATE) == foreign_select_template_;
  }
  // The position of the select whose rules tags go by: the foreign one
  // while it is open (-1 once closed), else the last open HTML select.
  int ModeSelect() const {
    if (!ModeSelectIsForeign()) return LastHtml(GUMBO_TAG_SELECT);
    return IsOpen(foreign_select_) ? position_of_[foreign_select_] : -1;
  }
  // The position of the last <template> when it holds a table's parts
  // (first_part) and no table is open above it, else -1.
  int TemplateOfTableParts() const {
    const int template_at = Last(GUMBO_TAG_TEMPLATE);
    return template_at > Last(GUMBO_TAG_TABLE) &&
                   stack_[template_at].first_part != GUMBO_TAG_LAST
               ? template_at
               : -1;
  }
  // Whether tags go by a table's rules: a table is open above the last
  // <template>, or that template holds a table's parts
  // (TemplateOfTableParts).
  bool InTableContent() const {
    return Last(GUMBO_TAG_TABLE) > Last(GUMBO_TAG_TEMPLATE) ||
           TemplateOfTableParts() >= 0;
  }
  // Whether tags go by a template of table parts' own rules: its parts
  // open, no table, cell nor caption open in it (where the body's rules
  // take a <table>).
  bool AtPartsOfTemplate() const {
    const int parts = TemplateOfTableParts();
    return parts >= 0 && std::max({Last(GUMBO_TAG_TD), Last(GUMBO_TAG_TH),
                                   Last(GUMBO_TAG_CAPTION)}) < parts;
  }
  // Whether the table part `tag` opens where tags go by a table's rules
  // (InTableContent): any in a table, and in a template read as one; in a
  // template of rows, cells, and rows in one whose first tag was a row.
  // Gumbo drops the others there (<template><td><caption> repeated: the
  // scan once counted the captions as nodes, nesting_fuzzer crash-c650b40c).
  bool TakesTablePart(GumboTag tag) const {
    const int template_at = Last(GUMBO_TAG_TEMPLATE);
    if (Last(GUMBO_TAG_TABLE) > template_at) return true;
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) return true;
    const GumboTag first = stack_[template_at].first_part;
    if (first == GUMBO_TAG_TR) return tag == GUMBO_TAG_TR;
    return first != GUMBO_TAG_TD && first != GUMBO_TAG_TH;
  }
  // Closes the cell open in a template of table parts
  // (TemplateOfTableParts): a row or another table part ends it, as gumbo's
  // cell rules do, before gumbo takes the part or drops it
  // (<template><td><tr><table>: the scan once kept the cell, opened the
  // table in it and counted the rows after it as nodes, which gumbo drops:
  // nesting_fuzzer crash-c8cb16e5).
  void EndCellOfTemplateParts() {
    const int parts = TemplateOfTableParts();
    const int cell = std::max(Last(GUMBO_TAG_TD), Last(GUMBO_TAG_TH));
    if (parts >= 0 && cell > parts) PopTo(cell);
  }
  // The start tag `tag` in a <template> whose content is not decided yet
  // decides it: a row or a cell makes it rows, as gumbo's template
  // insertion mode switches to a row's modes (<template><td><select>
  // opens a select in a table, which the next <td> ends; the scan once
  // dropped the <td>s there and the <div>s in them: hiding_fuzzer), and a
  // caption, a column group or a section makes it a table's content, as
  // the mode switches to a table's (<template><caption>, then <tr>s each
  // holding elements: the scan once nested them all, as in the body, where
  // each <tr> ends the ones before it: nesting_fuzzer crash-916f1bc5).
  // A script, a style... (TakenByTheHeadsRules) decides nothing
  // (<template><script></script><tr>: the scan once took the script for the
  // content's first tag, hiding_fuzzer crash-d77bc182).
  void DecideTemplateContent(GumboTag tag) {
    if (stack_.empty() || stack_.back().tag != GUMBO_TAG_TEMPLATE ||
        stack_.back().ns != Namespace::kHtml || stack_.back().content_decided ||
        TakenByTheHeadsRules(tag)) {
      return;
    }
    stack_.back().content_decided = true;
    if (Classes().bits[tag] & kTablePart) stack_.back().first_part = tag;
  }
  // Whether the current node is an SVG or MathML element, where
  // "<![CDATA[" starts a CDATA section (the tokenizer asks the namespace
  // only: at a MathML text integration point too).
  bool CurrentIsForeign() const {
    return !stack_.empty() && stack_.back().ns != Namespace::kHtml;
  }
  // Whether a start tag goes by the rules for foreign content, as the tree
  // builder's dispatcher decides by the current node alone: one of SVG or
  // MathML other than an integration point (where start tags go by the
  // HTML rules). An HTML element opened inside foreign content (a <select>
  // in an <mi>) takes its own rules, however many <math> are open below it.
  bool StartTagsAreForeign() const {
    return CurrentIsForeign() && !HoldsHtml(stack_.size() - 1);
  }
  // StartTagsAreForeign for the start tag `tag`: <mglyph> and <malignmark>
  // are MathML at a MathML text integration point too.
  bool IsForeignStartTag(GumboTag tag) const {
    if (tag == GUMBO_TAG_MGLYPH || tag == GUMBO_TAG_MALIGNMARK) {
      return CurrentIsForeign();
    }
    return StartTagsAreForeign();
  }

  // Whether text or an inline element here goes in by the rules of the
  // body, where formatting elements are reopened: not in a select, nor in
  // a table's own rows, nor where the current node is foreign (but in an
  // integration point, such as <mi> or <foreignObject>, which holds HTML:
  // there a formatting element closed early is reopened too, and the
  // elements opened inside the copy close with it).
  bool InBodyContent() const {
    return !InSelect() && !StartTagsAreForeign() &&
           !(Classes().bits[top()] & kFosterParent);
  }

  // Whether an element `tag` opened now goes beside the last table: the
  // current node is an HTML table's (not its cell) and `tag` no part of one.
  bool Fosters(GumboTag tag) const {
    return !stack_.empty() && stack_.back().ns == Namespace::kHtml &&
           (Classes().bits[top()] & kFosterParent) &&
           !(Classes().bits[tag] & kNotFosteredClass);
  }

  // Opens `tag` below the current node, or beside the last table when the
  // current node is a table's and `tag` is not part of one (fostered).
  // `name`: its name as its start tag writes it, kept for an unknown
  // foreign element's end tag to find it by (LastForeign).
  // Returns the element's serial number.
  uint32_t Push(GumboTag tag, bool html_annotation = false,
                absl::string_view name = {}) {
    if (tag == GUMBO_TAG_SELECT || tag == GUMBO_TAG_SVG ||
        tag == GUMBO_TAG_MATH) {
      counting_ = false;  // CountNode
    }
    // Only an HTML table part fosters: an SVG <tr> is an element like any
    // other (the scan once put the elements opened in one beside the
    // table, and read them far shallower than gumbo built them).
    const bool fostered = Fosters(tag);
    const Namespace ns = NamespaceOf(tag);
    unsigned bits = ScopeBits(tag, ns);
    if (html_annotation && tag == GUMBO_TAG_ANNOTATION_XML &&
        ns == Namespace::kMathMl) {
      bits |= kHtmlAnnotation;
    }
    const uint32_t id = NewId();
    Open open{tag, ns, bits, id, FosteredDepth(fostered)};
    if (ns != Namespace::kHtml && tag == GUMBO_TAG_UNKNOWN) {
      open.name = NameId(StartTagForeignName(name));
    }
    Put(open);
    return id;
  }

  // Opens what gumbo implies in a table before a row or a cell: a <tbody>
  // when no table body is open, and a <tr> for a cell when no row is. The
  // scan once pushed neither, found no row nor body for </tr> or </tbody>
  // to close in <table><td></td><select></tr>, stayed in the select and
  // dropped the <div>s that gumbo nests beside the table (hiding_fuzzer
  // crash-da6c52f3). So does a template of table parts, but for one of
  // cells, and for one of rows the <tbody> (<template><tr></tr><td>
  // <select></tr>: hiding_fuzzer crash-7625eaff).
  void ImplyRowParts(GumboTag tag) {
    const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
    if (!cell && tag != GUMBO_TAG_TR) return;
    int context = Last(GUMBO_TAG_TABLE);
    GumboTag first = GUMBO_TAG_TABLE;
    if (context <= Last(GUMBO_TAG_TEMPLATE)) {
      context = TemplateOfTableParts();
      if (context < 0) return;
      first = stack_[context].first_part;
      if (first == GUMBO_TAG_TD || first == GUMBO_TAG_TH) return;
    }
    if (first != GUMBO_TAG_TR &&
        std::max({Last(GUMBO_TAG_TBODY), Last(GUMBO_TAG_THEAD),
                  Last(GUMBO_TAG_TFOOT)}) < context) {
      Push(GUMBO_TAG_TBODY);
      CountNode();
    }
    if (cell && Last(GUMBO_TAG_TR) < context) {
      Push(GUMBO_TAG_TR);
      CountNode();
    }
  }

  // The depth of an element opened now: beside the last table when
  // `fostered`, or in the template above it, whose rows' content gumbo
  // fosters into the template itself (<template><tr><select>: the select
  // beside the row).
  int FosteredDepth(bool fostered) const {
    const int table = Last(GUMBO_TAG_TABLE);
    const int template_at = Last(GUMBO_TAG_TEMPLATE);
    if (!fostered) return depth() + 1;
    if (table > template_at) return stack_[table].depth;
    return template_at >= 0 ? stack_[template_at].depth + 1 : depth() + 1;
  }

  // A start tag `tag` just pushed: a formatting element goes on the list
  // of active formatting elements, a marker element puts a marker there.
  void Opened(GumboTag tag) {
    const unsigned bits = Classes().bits[tag];
    // An SVG or MathML <a> is no formatting element.
    if (stack_.back().ns != Namespace::kHtml) return;
    if (bits & kMarker) formatting_.push_back({GUMBO_TAG_LAST, 0});
    if (!(bits & kFormatting)) return;
    // The Noah's Ark clause: at most three of a kind after the last marker.
    // The tree builder counts those of the same tag and attributes; by tag
    // alone the scan drops at least as many, and reopens no more.
    int same = 0;
    size_t earliest = formatting_.size();
    for (size_t k = formatting_.size(); k > 0 && !IsMarker(k - 1); --k) {
      if (formatting_[k - 1].tag == tag) {
        ++same;
        earliest = k - 1;
      }
    }
    if (same >= 3) formatting_.erase(formatting_.begin() + earliest);
    formatting_.push_back({tag, stack_.back().id});
  }

  // Reopens the active formatting elements after the last marker that are
  // no longer open, in order, each as a copy below the current node (but
  // the dormant ones, see PopTo).
  // A dormant one gumbo reopens is not pushed, but where its copy would be
  // is kept: the adoption agency of its end tag closes what is above it.
  void ReopenFormatting() {
    size_t first = formatting_.size();
    while (first > 0 && !IsMarker(first - 1) &&
           !IsOpen(formatting_[first - 1].id) && !CopyOpen(first - 1)) {
      --first;
    }
    for (size_t k = first; k < formatting_.size(); ++k) {
      Formatting& entry = formatting_[k];
      if (!entry.dormant) {
        entry.id = Push(entry.tag);
      } else {
        entry.copy_at = static_cast<int>(stack_.size());
        if (!stack_.empty()) entry.copy_below = stack_.back().id;
      }
    }
  }

  // Counts a node the tree builder surely makes (a start tag's element,
  // a text). Once a select or foreign content (svg, math) has opened, whose
  // rules drop tags the scan follows loosely, it counts no more: the count
  // stays a lower bound, and the parsed tree is counted in full anyway.
  void CountNode() {
    if (counting_) ++nodes_;
  }
  size_t nodes() const { return nodes_; }
  // A <frameset> replaced the body: the nodes counted so far, the body's
  // (and the head's, which the scan does not tell apart), may be gone.
  void ForgetNodes() { nodes_ = 0; }

  // Closes the element at `position` and everything above it. The
  // formatting elements among them stay on the list of active formatting
  // elements, dormant: counted by the Noah's Ark clause and found by their
  // end tags as the tree builder's are, but never reopened: the tree builder
  // would reopen them, but the scan closes elements early where it does not
  // follow the rules exactly, and reopening those would read deeper than
  // gumbo builds. Only the adoption agency (PopElements) leaves them to be
  // reopened. Where gumbo reopens a dormant one, ReopenFormatting keeps
  // where its copy is, and the adoption agency of its end tag opens it
  // there (OpenCopy) before its round.
  void PopTo(int position) {
    if (position < 0 || position >= static_cast<int>(stack_.size())) return;
    for (size_t k = formatting_.size(); k > 0 && !IsMarker(k - 1); --k) {
      // A closed element's position is -1, below any `position`.
      if (position_of_[formatting_[k - 1].id] >= position) {
        formatting_[k - 1].dormant = true;
      }
    }
    PopElements(position);
  }
  // PopTo, leaving the list of active formatting elements as it is (but
  // for the entries after a marker element closed).
  void PopElements(int position) {
    if (position < 0) return;
    bool resets = false;
    while (static_cast<int>(stack_.size()) > position) {
      if (stack_.back().bits & kMarker) ClearToLastMarker();
      resets = RemoveTop().ResetsInsertionMode() || resets;
    }
    if (resets) ResetInsertionMode();
  }

  // Gumbo's reset of the insertion mode: the open element nearest the top
  // of those it looks for decides, found by its tag alone, whatever its
  // namespace. Where that is an SVG or MathML <select>, gumbo reads on by
  // a select's rules (<svg><select><desc><table></table> drops the tags
  // after it).
  void ResetInsertionMode() {
    int nearest = -1;
    for (GumboTag tag :
         {GUMBO_TAG_SELECT, GUMBO_TAG_TD, GUMBO_TAG_TH, GUMBO_TAG_TR,
          GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_CAPTION,
          GUMBO_TAG_COLGROUP, GUMBO_TAG_TABLE, GUMBO_TAG_TEMPLATE,
          GUMBO_TAG_HEAD, GUMBO_TAG_BODY, GUMBO_TAG_FRAMESET, GUMBO_TAG_HTML}) {
      nearest = std::max(nearest, Last(tag));
    }
    foreign_select_mode_ = nearest >= 0 &&
                           stack_[nearest].tag == GUMBO_TAG_SELECT &&
                           stack_[nearest].ns != Namespace::kHtml;
    if (foreign_select_mode_) {
      foreign_select_ = stack_[nearest].id;
      foreign_select_template_ = Last(GUMBO_TAG_TEMPLATE);
    }
    // An SVG or MathML <frameset> puts gumbo in a frameset's mode, which
    // drops every tag but framesets (<svg><frameset><title><select>
    // <select>: the scan once read on, and nested the elements after it:
    // nesting_fuzzer crash-7b483a7e).
    reset_to_frameset_ =
        nearest >= 0 && stack_[nearest].tag == GUMBO_TAG_FRAMESET;
    // An HTML select whose nearest template below is nearer than any table
    // is read by a plain select's rules from then on, though it opened in
    // a template's cell (<template><td><select><template></template><td>:
    // gumbo drops that <td>; the scan once let it end the select, and read
    // the next <select> as a new one, which dropped the <div>s that gumbo
    // nests in the cell: hiding_fuzzer crash-01d94b4b).
    if (nearest >= 0 && stack_[nearest].tag == GUMBO_TAG_SELECT &&
        stack_[nearest].ns == Namespace::kHtml &&
        Last(GUMBO_TAG_TEMPLATE) > Last(GUMBO_TAG_TABLE)) {
      select_out_of_table_ = stack_[nearest].id;
    }
  }
  // Whether tags in the select go by a select in a table's rules: a table's
  // content holds it, and no reset took it out (ResetInsertionMode).
  bool SelectInTable() const {
    const int select = ModeSelect();
    return InTableContent() &&
           !(select >= 0 && stack_[select].id == select_out_of_table_);
  }
  // Whether a reset of the insertion mode found a <frameset> (of any
  // namespace) first.
  bool ResetToFrameset() const { return reset_to_frameset_; }
  // The adoption agency for an end tag `subject` (or the start tag of a
  // second <a> or <nobr>), as gumbo runs it: the formatting element is the
  // last `subject` on the list of active formatting elements (after the
  // last marker), not the last one open: none there, the tag is ignored
  // (but for a current node `subject` off the list, which closes); one
  // closed already goes off the list; one out of scope stays. With no
  // special element (a furthest block) opened inside it, it closes with
  // everything above it, and the formatting elements among those stay on
  // the list, to be reopened. With one, Adopt; at most eight rounds.
  void AdoptionAgency(GumboTag subject) {
    if (!stack_.empty() && stack_.back().tag == subject &&
        stack_.back().ns == Namespace::kHtml &&
        FormattingIndex(stack_.back().id) < 0) {
      PopElements(static_cast<int>(stack_.size()) - 1);
      return;
    }
    for (int round = 0; round < 8; ++round) {
      const int k = LastFormatting(subject);
      if (k < 0) return;
      const uint32_t id = formatting_[k].id;
      if (!IsOpen(id)) {
        // Gumbo's copy of a dormant one still open: the scan opens it where
        // gumbo did, and runs the round on it.
        if (CopyOpen(k)) {
          OpenCopy(k);
          continue;
        }
        formatting_.erase(formatting_.begin() + k);
        return;
      }
      const int position = position_of_[id];
      if (LastScopeFor(subject) > position) return;
      const int block = NextSpecialAny(position);
      if (block < 0) {
        formatting_.erase(formatting_.begin() + k);
        PopElements(position);
        return;
      }
      Adopt(position, block);
    }
  }
  // A second <a> opens after the first closes by the adoption agency, or,
  // where that left it open, after it is taken off the list and the stack.
  void CloseFirstLink() {
    if (LastFormatting(GUMBO_TAG_A) < 0) return;
    AdoptionAgency(GUMBO_TAG_A);
    const int k = LastFormatting(GUMBO_TAG_A);
    if (k < 0) return;
    const uint32_t id = formatting_[k].id;
    formatting_.erase(formatting_.begin() + k);
    if (IsOpen(id)) Remove(position_of_[id]);
  }
  void PopTop() { PopTo(static_cast<int>(stack_.size()) - 1); }
  // Closes the current node while it is an HTML element that end tags are
  // implied for (dd, dt, li, option, optgroup, p, rb, rp, rt, rtc), and
  // not inside gumbo's copy of a dormant formatting element: where that
  // copy is gumbo's current node, nothing closes (<li><b><li>x<rt>: gumbo
  // puts the <rt> in the <b> reopened around the text; the scan once
  // closed the <li>, and the <li>s after it nested where gumbo's close
  // the one before: nesting_fuzzer crash-06410d70, crash-694df3c1).
  void CloseImpliedEndTags() {
    const int copy = LastCopyAt();
    while (static_cast<int>(stack_.size()) > std::max(copy, 0) &&
           stack_.back().ns == Namespace::kHtml &&
           IsImpliedEndTag(stack_.back().tag)) {
      PopTop();
    }
  }
  // Closes everything above the element at `position`.
  void PopAbove(int position) {
    if (position >= 0) PopTo(position + 1);
  }

 private:
  // An entry of the list of active formatting elements: an element's tag
  // and serial, or a marker (tag GUMBO_TAG_LAST).
  struct Formatting {
    GumboTag tag;
    uint32_t id;
    // Closed by PopTo: still counted and found, never reopened.
    bool dormant = false;
    // Dormant, reopened by gumbo: the position of gumbo's copy in the
    // scan's stack (-1: none kept), and the element below it (if any).
    int copy_at = -1;
    uint32_t copy_below = 0;
  };
  // Puts gumbo's copy of the dormant entry `k` in the stack, where gumbo
  // put it: the elements opened since are inside it, one level deeper.
  void OpenCopy(size_t k) {
    Formatting& entry = formatting_[k];
    std::vector<Open> taken = Take(entry.copy_at);
    const uint32_t id = NewId();
    const int below =
        entry.copy_at > 0 ? stack_[entry.copy_at - 1].depth : base_depth_;
    Put({entry.tag, Namespace::kHtml, Classes().bits[entry.tag], id,
         below + 1});
    for (Open& open : taken) {
      ++open.depth;
      Put(open);
    }
    entry = {entry.tag, id};
  }
  // Whether gumbo's copy of the dormant entry `k` is still open: the
  // element below it still is, where it was; one reopened with no element
  // open in the body is, below all (<p><i></p><svg></i>: the scan once kept
  // no copy there, left the SVG open at </i> and read "<![CDATA[" after it
  // as a CDATA section, where gumbo, the SVG closed with the copy, reads a
  // bogus comment to the next '>' and nests the <div>s after it:
  // hiding_fuzzer crash-9bc71aed).
  bool CopyOpen(size_t k) const {
    const Formatting& entry = formatting_[k];
    if (entry.copy_at <= 0) return entry.copy_at == 0;
    return position_of_[entry.copy_below] == entry.copy_at - 1;
  }
  // The place of the last copy of a dormant formatting element that gumbo
  // has open (CopyOpen), after the last marker, or -1.
  int LastCopyAt() const {
    int last = -1;
    for (size_t k = formatting_.size(); k > 0 && !IsMarker(k - 1); --k) {
      if (formatting_[k - 1].dormant && CopyOpen(k - 1)) {
        last = std::max(last, formatting_[k - 1].copy_at);
      }
    }
    return last;
  }
  bool IsMarker(size_t k) const { return formatting_[k].tag == GUMBO_TAG_LAST; }
  // The index on the list of active formatting elements (after the last
  // marker) of the element `id`, or of the last `tag`; -1 if none.
  int FormattingIndex(uint32_t id) const {
    for (size_t k = formatting_.size(); k > 0 && !IsMarker(k - 1); --k) {
      if (formatting_[k - 1].id == id) return static_cast<int>(k - 1);
    }
    return -1;
  }
  int LastFormatting(GumboTag tag) const {
    for (size_t k = formatting_.size(); k > 0 && !IsMarker(k - 1); --k) {
      if (formatting_[k - 1].tag == tag) return static_cast<int>(k - 1);
    }
    return -1;
  }

  // An open element as the stack holds it.
  struct Open {
    GumboTag tag;
    Namespace ns;
    unsigned bits;  // its classes (ScopeBits), kHtmlAnnotation
    uint32_t id;
    int depth;  // in the tree
    // Set by Put. The position of the open `tag` below it (-1: none),
    // which becomes the tag's last when it closes.
    int below_same = -1;
    // The positions of the last open element of button scope, special
    // and special (address, div and p too), this one included (-1: none).
    int last_button = -1;
    int last_special = -1;
    int last_any_special = -1;
    // The position of the last open HTML element, this one included (-1:
    // none): the elements above it are foreign.
    int last_html = -1;
    // The position of the last open HTML element of its tag, this one
    // included (-1: none).
    int last_html_same = -1;
    // An unknown foreign element's name (NameId; -1: none kept), and the
    // position of the open one of its name below it (-1: none).
    int name = -1;
    int below_same_name = -1;
    // A <template>'s content, once its first start tag decided it (gumbo's
    // template insertion mode): a table's parts, when that tag was one
    // (kTableParts: rows when a row, a row's cells when a cell, a table's
    // content when a caption, a column group or a section), else
    // GUMBO_TAG_LAST: the body's.
    bool content_decided = false;
    GumboTag first_part = GUMBO_TAG_LAST;

    // Whether gumbo resets its insertion mode once it closes this element:
    // an HTML table, select or template.
    bool ResetsInsertionMode() const {
      return ns == Namespace::kHtml &&
             (tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_SELECT ||
              tag == GUMBO_TAG_TEMPLATE);
    }
  };
  // The serial of a foreign element's name (ForeignNameKey of `written`),
  // given on its first use.
  int NameId(absl::string_view written) {
    const auto [it, added] = name_ids_.try_emplace(
        ForeignNameKey(written), static_cast<int>(last_named_.size()));
    if (added) last_named_.push_back(-1);
    return it->second;
  }
  // A serial for a new element (open once Put).
  uint32_t NewId() {
    position_of_.push_back(-1);
    return static_cast<uint32_t>(position_of_.size() - 1);
  }
  bool IsOpen(uint32_t id) const { return position_of_[id] >= 0; }
  // Puts `open` on top of the stack.
  void Put(const Open& open) {
    const int position = static_cast<int>(stack_.size());
    position_of_[open.id] = position;
    Open& put = stack_.emplace_back(open);
    put.below_same = last_[open.tag];
    last_[open.tag] = position;
    put.last_html_same =
        open.ns == Namespace::kHtml
            ? position
            : (put.below_same >= 0 ? stack_[put.below_same].last_html_same
                                   : -1);
    if (open.name >= 0) {
      put.below_same_name = last_named_[open.name];
      last_named_[open.name] = position;
    }
    if (position == 0) {
      put.last_button = put.last_special = put.last_any_special = -1;
      put.last_html = -1;
    } else {
      const Open& below = stack_[position - 1];
      put.last_button = below.last_button;
      put.last_special = below.last_special;
      put.last_any_special = below.last_any_special;
      put.last_html = below.last_html;
    }
    if (open.ns == Namespace::kHtml) put.last_html = position;
    if (open.bits & kButtonScopeClass) put.last_button = position;
    if (open.bits & kSpecialClass) put.last_special = position;
    if (open.bits & kSpecialAny) put.last_any_special = position;
  }
  // Takes the current node off the stack: it is closed; the list of
  // active formatting elements stays as it is.
  Open RemoveTop() {
    const Open open = stack_.back();
    stack_.pop_back();
    last_[open.tag] = open.below_same;
    if (open.name >= 0) last_named_[open.name] = open.below_same_name;
    position_of_[open.id] = -1;
    return open;
  }
  // The position of the first element of kSpecialAny above `position`, -1
  // if none: the adoption agency's furthest block.
  int NextSpecialAny(int position) const {
    for (size_t k = position + 1; k < stack_.size(); ++k) {
      if (stack_[k].bits & kSpecialAny) return static_cast<int>(k);
    }
    return -1;
  }
  // Takes the elements from `position` up off the stack, bottom first, for
  // Put to put back (the list of active formatting elements is untouched).
  std::vector<Open> Take(int position) {
    std::vector<Open> taken;
    while (static_cast<int>(stack_.size()) > position) {
      taken.push_back(RemoveTop());
    }
    std::reverse(taken.begin(), taken.end());
    return taken;
  }
  // Takes the element at `position` out of the stack, the ones above it
  // staying open where they are in the tree.
  void Remove(int position) {
    std::vector<Open> taken = Take(position);
    for (size_t i = 1; i < taken.size(); ++i) Put(taken[i]);
  }

  // One round of the adoption agency (gumbo's steps 11 to 19), for the
  // formatting element at `position` and the furthest block at `block`.
  // Walking from the block up to the formatting element, the elements in
  // between that are on the list of active formatting elements stay, as
  // copies, within three steps of the block, and go off the list beyond
  // (where gumbo leaves them on the stack, in their place in the tree); the
  // others close. The copies, nearest the formatting element first, hold
  // the block, put where the formatting element was; a copy of the
  // formatting element goes just inside the block and holds what the block
  // held (the elements above it in the stack, one level deeper), and takes
  // the formatting element's place on the list: after the copy nearest the
  // block, or where it was.
  void Adopt(int position, int block) {
    const int ancestor =
        position > 0 ? stack_[position - 1].depth : base_depth_;
    std::vector<Open> taken = Take(position);
    const size_t furthest = static_cast<size_t>(block - position);
    std::vector<bool> stays(furthest, false);
    bool copied = false;
    uint32_t nearest_copy = 0;
    for (size_t i = furthest - 1, step = 1; i > 0; --i, ++step) {
      const int k = FormattingIndex(taken[i].id);
      if (k < 0) continue;
      stays[i] = true;
      if (step > 3) {
        formatting_.erase(formatting_.begin() + k);
        continue;
      }
      taken[i].id = NewId();
      formatting_[k].id = taken[i].id;
      if (!copied) nearest_copy = taken[i].id;
      copied = true;
    }
    int depth = ancestor;
    for (size_t i = 1; i < furthest; ++i) {
      if (!stays[i]) continue;
      if (FormattingIndex(taken[i].id) >= 0) taken[i].depth = ++depth;
      Put(taken[i]);
    }
    const int shift = depth + 1 - taken[furthest].depth;
    taken[furthest].depth = depth + 1;
    Put(taken[furthest]);
    Open copy = taken[0];
    copy.id = NewId();
    copy.depth = depth + 2;
    Put(copy);
    for (size_t i = furthest + 1; i < taken.size(); ++i) {
      taken[i].depth += shift + 1;
      Put(taken[i]);
    }
    const int k = FormattingIndex(taken[0].id);
    if (k < 0) return;
    formatting_.erase(formatting_.begin() + k);
    const int after = copied ? FormattingIndex(nearest_copy) + 1 : k;
    formatting_.insert(formatting_.begin() + after, {copy.tag, copy.id});
  }
  // The namespace `tag` opens in below the current node: by the rules for
  // foreign content (IsForeignStartTag), the current node's, <svg> and
  // <math> too (gumbo opens a <math> in an SVG element as SVG: read as
  // MathML, its <mi> held HTML that nested where gumbo's did not); by the
  // HTML rules (at an integration point too), <svg> and <math> start their
  // own, and every other element is HTML.
  Namespace NamespaceOf(GumboTag tag) const {
    if (IsForeignStartTag(tag)) return stack_.back().ns;
    if (tag == GUMBO_TAG_SVG) return Namespace::kSvg;
    if (tag == GUMBO_TAG_MATH) return Namespace::kMathMl;
    return Namespace::kHtml;
  }
  // Whether the open element at `position` holds HTML: an HTML element, or
  // an integration point of MathML or SVG. A MathML <annotation-xml> is one
  // only when its start tag said encoding="text/html" or
  // "application/xhtml+xml" (kHtmlAnnotation).
  bool HoldsHtml(size_t position) const {
    const Open& open = stack_[position];
    const Namespace ns = open.ns;
    const GumboTag tag = open.tag;
    const unsigned bits = Classes().bits[tag];
    switch (ns) {
      case Namespace::kHtml:
        return true;
      case Namespace::kMathMl:
        if (tag == GUMBO_TAG_ANNOTATION_XML) {
          return (open.bits & kHtmlAnnotation) != 0;
        }
        return (bits & kMathMlScopeClass) != 0;
      case Namespace::kSvg:
        return (bits & kSvgScopeClass) != 0;
    }
    return true;
  }
  // `tag`'s classes as an element of `ns`: the scope and special classes
  // of the HTML tables hold for HTML elements, those of kMathMlScope and
  // kSvgScope for MathML and SVG ones.
  static unsigned ScopeBits(GumboTag tag, Namespace ns) {
    const unsigned bits = Classes().bits[tag];
    const unsigned foreign = ns == Namespace::kMathMl ? kMathMlScopeClass
                             : ns == Namespace::kSvg  ? kSvgScopeClass
                                                      : 0;
    if (ns == Namespace::kHtml) return bits;
    // A foreign <td> or <object> puts no marker on the list (Opened), and
    // clears none when it closes.
    unsigned scope = (bits & foreign) ? kScopeClasses : 0;
    // Gumbo 0.10 leaves an SVG <title> out of its special elements (not
    // out of the scopes): an end tag of no rule of its own, or an <li>,
    // looks past it (<g><svg><title></t> closes the <g>; the scan once
    // stopped at the title and nested what followed: nesting_fuzzer
    // crash-ebe3f26b).
    if (ns == Namespace::kSvg && tag == GUMBO_TAG_TITLE) {
      scope &= ~(kSpecialClass | kSpecialAny);
    }
    return (bits & ~(kScopeClasses | kMarker)) | scope;
  }
  void ClearToLastMarker() {
    while (!formatting_.empty()) {
      const bool marker = IsMarker(formatting_.size() - 1);
      formatting_.pop_back();
      if (marker) return;
    }
  }

  size_t nodes_ = 0;
  bool counting_ = true;
  std::vector<Open> stack_;
  std::array<int, kTagCount> last_;  // by tag: its last position, or -1
  // By foreign name: its serial (NameId), and by serial the position of
  // the last open unknown foreign element of that name, or -1.
  absl::flat_hash_map<std::string, int> name_ids_;
  std::vector<int> last_named_;
  std::vector<int> position_of_;  // by serial: -1 once closed
  // The last reset took a foreign <select> for a select: its serial, and
  // the last <template> open then (InSelect).
  bool foreign_select_mode_ = false;
  bool reset_to_frameset_ = false;             // ResetToFrameset
  uint32_t select_out_of_table_ = UINT32_MAX;  // SelectInTable
  uint32_t foreign_select_ = 0;
  int foreign_select_template_ = -1;
  std::vector<Formatting> formatting_;
  int base_depth_ = 2;  // <body>'s
};

// CloseBefore's rules for options, ruby text, links, buttons and headings.
bool CloseBeforeInline(GumboTag tag, OpenElements& open) {
  switch (tag) {
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
      if (open.top() == GUMBO_TAG_OPTION) open.PopTop();
      break;
    case GUMBO_TAG_RB:
    case GUMBO_TAG_RTC:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_RT:
      // With a <ruby> in scope, the implied end tags only (an open <rt>,
      // <p>, <li>...), not all above the <ruby>: closing an unknown element
      // opened in it, the scan read what followed far shallower than gumbo
      // built it.
      if (open.Last(GUMBO_TAG_RUBY) >=
          std::max(0, open.LastScopeFor(GUMBO_TAG_RUBY))) {
        open.CloseImpliedEndTags();
      }
      break;
    case GUMBO_TAG_A:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_BUTTON:
      // A second one closes the first: a button and all above it; an <a>
      // on the list of active formatting elements or a <nobr> in scope by
      // the adoption agency, as its end tag would, which keeps a block
      // opened inside it open (a <table> whose cells follow: closing it
      // too, the scan dropped them as out of a table, and read 97 levels
      // where gumbo built 27, crash-115fbdad).
      if (tag == GUMBO_TAG_BUTTON) {
        // An HTML one in scope: not an SVG <button>, nor one below an SVG
        // <title> (<svg><button><title><button><title>: the scan once closed
        // the SVG button, and read the second <title>, which gumbo opens as
        // HTML's and reads as text, as SVG's: nesting_fuzzer crash-bc7b9781).
        const int button = open.LastHtml(tag);
        if (button > open.LastScopeFor(tag)) open.PopTo(button);
      } else if (tag == GUMBO_TAG_A) {
        open.CloseFirstLink();
      } else if (open.Last(tag) > open.LastScopeFor(tag)) {
        open.AdoptionAgency(tag);
      }
      break;
    default:
      // A heading closes the current node when it is a heading. The scan
      // closes the last open heading also when only inline elements (no
      // special one) were opened inside it and an <a> or <nobr> is on the
      // list of active formatting elements: there gumbo, reopening the
      // formatting elements the closed <p> held, runs the adoption agency
      // of the next one, which moves the <p> up beside them, so the heading
      // is current when the <p> closes (<h2><span><p><a href=x><a href=y>
      // repeated: 7 levels in gumbo, 44 read by the rule alone). Without
      // one, no start tag runs the adoption agency, and <h1><e> repeated
      // nests in gumbo as read here (it once passed the scan at 3 levels and
      // took gumbo to its parse budget). With one, where gumbo nests the
      // heading after all (<h1><a><e> repeated), the scan reads less deep.
      if (IsHeading(tag)) {
        const int heading = open.LastHeading();
        const bool current = heading == static_cast<int>(open.size()) - 1;
        if (heading >= 0 && (current || (heading == open.LastSpecialAny() &&
                                         open.HasLinkOrNobr()))) {
          open.PopTo(heading);
        }
      }
  }
  return true;
}

// An HTML start tag that breaks out of foreign content (svg, math) closes
// the SVG and MathML elements above the last HTML element or integration
// point, as the rules for foreign content do; where the current node holds
// HTML, those rules do not apply (a <b> in a select in an <mi> is the
// select's, which drops it). With an <annotation-xml> taken for no
// integration point, the scan closes it where gumbo may keep it open.
void BreakOutOfForeignContent(OpenElements& open) {
  while (open.StartTagsAreForeign()) open.PopTop();
}

// In a select only options and groups open; a table part inside a table,
// an input or another select ends it; a <template> opens as in the head,
// and its content takes the body's rules (a <select> there opens one, where
// the scan closed the first and let the dropped tags after it nest,
// crash-63807473). True when that is all the start tag does.
bool StartInSelect(GumboTag tag, unsigned bits, bool in_table,
                   OpenElements& open) {
  if (!open.InSelect()) return false;
  switch (tag) {
    case GUMBO_TAG_TEMPLATE:
      return false;
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
      if (open.top() == GUMBO_TAG_OPTION) open.PopTop();
      if (tag == GUMBO_TAG_OPTGROUP && open.top() == GUMBO_TAG_OPTGROUP) {
        open.PopTop();
      }
      open.Push(tag);
      return true;
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_TEXTAREA:
      // Gumbo looks for an HTML select to close: in a foreign one, taken
      // for a select by a reset, it finds none and drops the tag (the scan
      // once closed the SVG <select> there and read the <a>s after it
      // nesting in the SVG: nesting_fuzzer crash-7163e9eb).
      if (!open.ModeSelectIsForeign()) open.PopTo(open.ModeSelect());
      return true;
    default:
      // Table parts end an HTML select inside a table; elsewhere, like
      // every other tag in a select, they are dropped.
      if (!in_table || (!(bits & kTablePart) && tag != GUMBO_TAG_TABLE) ||
          open.ModeSelectIsForeign()) {
        return true;
      }
      open.PopTo(open.ModeSelect());
      return false;
  }
}

// What `tag` closes by the rule for its own kind (a list item closes the
// open one, a table part what is above the table...). False when the tag
// is ignored (a table part outside a table).
bool CloseBefore(GumboTag tag, bool in_table, OpenElements& open) {
  switch (tag) {
    case GUMBO_TAG_LI: {
      const int li = open.Last(GUMBO_TAG_LI);
      if (li >= 0 && li == open.LastSpecial()) open.PopTo(li);
      return true;
    }
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: {
      const int item =
          std::max(open.Last(GUMBO_TAG_DD), open.Last(GUMBO_TAG_DT));
      if (item >= 0 && item == open.LastSpecial()) open.PopTo(item);
      return true;
    }
    case GUMBO_TAG_TABLE: {
      // Between the rows of a template, with no cell open, gumbo drops it
      // (<template><tr><table><select></tr>: the scan once opened it, kept
      // the select past the </tr> and dropped the <div>s after it,
      // hiding_fuzzer crash-9ec8c601).
      if (open.AtPartsOfTemplate()) return false;
      // It closes the open table only where it is that table's own tag: no
      // cell open in it, nor a template, whose content opens a table of its
      // own (the scan once closed the table below a template, and its
      // reset of the mode took a MathML <select> below for a select, which
      // dropped the <div>s: hiding_fuzzer crash-7e03ffdb).
      const int table = open.Last(GUMBO_TAG_TABLE);
      if (table > std::max({open.Last(GUMBO_TAG_TD), open.Last(GUMBO_TAG_TH),
                            open.Last(GUMBO_TAG_TEMPLATE)})) {
        open.PopTo(table);
      }
      return true;
    }
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_COL:  // closes the row too: <table><td></td><col><select>
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
      if (!in_table) return false;
      open.EndCellOfTemplateParts();
      if (!open.TakesTablePart(tag)) return false;
      open.PopAbove(
          std::max(open.Last(GUMBO_TAG_TABLE), open.Last(GUMBO_TAG_TEMPLATE)));
      return true;
    case GUMBO_TAG_TR:
      if (!in_table) return false;
      open.EndCellOfTemplateParts();
      if (!open.TakesTablePart(tag)) return false;
      open.PopAbove(
          std::max({open.Last(GUMBO_TAG_TABLE), open.Last(GUMBO_TAG_TEMPLATE),
                    open.Last(GUMBO_TAG_TBODY), open.Last(GUMBO_TAG_THEAD),
                    open.Last(GUMBO_TAG_TFOOT)}));
      return true;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      if (!in_table) return false;
      open.PopAbove(
          std::max({open.Last(GUMBO_TAG_TABLE), open.Last(GUMBO_TAG_TEMPLATE),
                    open.Last(GUMBO_TAG_TBODY), open.Last(GUMBO_TAG_THEAD),
                    open.Last(GUMBO_TAG_TFOOT), open.Last(GUMBO_TAG_TR)}));
      return true;
    default:
      return CloseBeforeInline(tag, open);
  }
}

// Whether a start tag's attributes say its content is HTML: its first
// "encoding" attribute (the tokenizer drops the later ones) is "text/html"
// or "application/xhtml+xml", in any case. A value written with character
// references is not decoded (nor matched).
bool HtmlEncoding(const std::vector<TagAttribute>& attributes) {
  for (const TagAttribute& attribute : attributes) {
    if (!absl::EqualsIgnoreCase(attribute.name, "encoding")) continue;
    return absl::EqualsIgnoreCase(attribute.value, "text/html") ||
           absl::EqualsIgnoreCase(attribute.value, "application/xhtml+xml");
  }
  return false;
}

// Whether a <font> start tag breaks out of foreign content: only with a
// color, face or size attribute, of any value; without one it is an SVG or
// MathML element like any other (the scan once broke out of the SVG at
// <svg><font><select>, opened an HTML select and dropped the <div>s that
// gumbo nests after it: hiding_fuzzer crash-d2c4e328).
bool FontBreaksOut(const std::vector<TagAttribute>& attributes) {
  return std::any_of(attributes.begin(), attributes.end(),
                     [](const TagAttribute& attribute) {
                       return absl::EqualsIgnoreCase(attribute.name, "color") ||
                              absl::EqualsIgnoreCase(attribute.name, "face") ||
                              absl::EqualsIgnoreCase(attribute.name, "size");
                     });
}

// The tree builder's start-tag rules for what `tag` closes, and whether it
// is pushed.
// `html_encoding`: the tag says its content is HTML (HtmlEncoding), which
// makes a MathML <annotation-xml> an HTML integration point.
// `breaks_out`: the tag ends foreign content (kBreakOut, FontBreaksOut).
// `name`: the tag's name as written.
void StartTag(GumboTag tag, absl::string_view name, bool self_closing,
              bool html_encoding, bool breaks_out, OpenElements& open) {
  const unsigned bits = Classes().bits[tag];
  if (breaks_out) BreakOutOfForeignContent(open);
  // By the rules for foreign content, any other start tag below a foreign
  // current node opens an element of its namespace, closing nothing (an
  // open <p> stays open at <svg><section>) and void in none: the HTML
  // rules below would close a <p> and open the element as HTML, which
  // then nests (<p><svg><section> 40 times read 43 levels where gumbo
  // builds 5).
  if (open.IsForeignStartTag(tag)) {
    if (!self_closing) open.Push(tag, html_encoding, name);
    return;
  }
  // A table below a <template> is not the template content's: there table
  // parts go by the body's rules after any other element, which drop them
  // (<table><template><v><caption>, crash-82c3cba8: the scan counted the
  // captions as nodes).
  open.DecideTemplateContent(tag);
  const bool in_table = open.InTableContent();
  if (StartInSelect(tag, bits, open.SelectInTable(), open)) return;
  if (bits & kClosesPClass) {
    const int p = open.Last(GUMBO_TAG_P);
    if (p > open.LastButtonScope()) open.PopTo(p);
  }
  if (!CloseBefore(tag, in_table, open)) return;
  // Fostered beside a table, an element goes in by the body's rules too,
  // which reopen the formatting elements beside the table first (<table>
  // <a><table><b><a>: gumbo's second <a> closes the reopened first one
  // with the <b> in it; the scan once left the first closed, kept the <b>
  // open, and let an unknown end tag close the SVG the <div>s after it are
  // fostered out of: hiding_fuzzer crash-6e95fb6b).
  if (!(bits & kNoReopen) && !open.IsForeignStartTag(tag) &&
      (open.InBodyContent() || (!open.InSelect() && open.Fosters(tag)))) {
    open.ReopenFormatting();
  }
  if (bits & kNeverPush) return;
  if (in_table) open.ImplyRowParts(tag);
  // The body ignores <frame> and <col> out of place; the scan counts
  // neither.
  if (tag != GUMBO_TAG_FRAME && tag != GUMBO_TAG_COL) open.CountNode();
  // "/>" closes only a foreign element; on an HTML one the tree builder
  // ignores it, so <div/> nests like <div> (50 000 of them once passed the
  // scan and left gumbo to run into the parse budget).
  const bool foreign = tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH ||
                       open.IsForeignStartTag(tag);
  if ((self_closing && foreign) || (bits & kVoid)) return;
  open.Push(tag, html_encoding, name);
  open.Opened(tag);
}

// Whether an element `tag` is open in table scope: no table or template
// opened after it (but the table itself, for </table>).
bool InTableScope(GumboTag tag, const OpenElements& open) {
  const int template_at = open.Last(GUMBO_TAG_TEMPLATE);
  if (tag == GUMBO_TAG_TABLE) return open.Last(tag) > template_at;
  return open.Last(tag) > std::max(open.Last(GUMBO_TAG_TABLE), template_at);
}

// In a select only </option>, </optgroup> and </select> close anything,
// and in a table the end tag of a table part open in table scope, which
// ends the select first (a </td> with a table opened inside the cell is
// ignored: crash-9ac0604d, where the scan closed the select and read the
// elements the select dropped nesting). True when that is all the end tag
// does: the others are ignored, so that the tags after them stay in the
// select, which drops them, as gumbo does (</b> there once let the scan
// read 41 levels where gumbo built 16).
bool EndInSelect(GumboTag tag, OpenElements& open) {
  const int select = open.ModeSelect();
  if (!open.InSelect()) return false;
  switch (tag) {
    case GUMBO_TAG_TEMPLATE:  // as in the head
      return false;
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
      // Only one opened in the select: one before it stays open, and so
      // does the select.
      if (open.Last(tag) > select) open.PopTo(open.Last(tag));
      return true;
    case GUMBO_TAG_SELECT:
      // Gumbo looks for an HTML select to close: with a foreign one taken
      // for a select it finds none, and stays in the select (the scan once
      // closed the SVG one and read the tags after it nesting:
      // nesting_fuzzer crash-65553e95).
      if (!open.ModeSelectIsForeign()) open.PopTo(select);
      return true;
    default:
      if (((Classes().bits[tag] & kTablePart) || tag == GUMBO_TAG_TABLE) &&
          open.SelectInTable() && InTableScope(tag, open) &&
          !open.ModeSelectIsForeign()) {
        open.PopTo(select);
        return false;
      }
      return true;
  }
}

// Closes the last open element an end tag names, if one is open. An end tag
// of no rule of its own (not a special element's nor a formatting one's: a
// span, an unknown tag) closes it only when no special element is open
// above it, and else is ignored, as the tree builder's "any other end tag"
// rule does: closing across a <table> left the table's later cells out of
// any table (</t> after <x><table>, crash-8b82ce23); it closes an HTML
// element only. Below a foreign current node it closes the last foreign
// element of its name first, as the rules for foreign content do. Outside
// them gumbo 0.10 tells unknown tags apart by their enum only, as the scan
// does (</x-c> closes an <x-b>). Gumbo ignores some other end tags too (a
// special element in between); the scan closes them anyway.
void EndTag(const EndTagRead& end, OpenElements& open) {
  const GumboTag tag = end.tag;
  // Below a foreign current node the rules for foreign content come first:
  // the end tag closes the last foreign element of its name above the last
  // HTML one (an SVG <a>, no formatting element, closes at its </a>: the
  // adoption agency left it open, and <svg> with <a>x</a> 40 times read 24
  // deep where gumbo's tree stays under 8, crash-ea113a76). With none of
  // its name, the HTML rules take it: an unknown end tag in an <svg> below
  // an unknown HTML element closes that one, and the <svg> with it.
  const int foreign = open.LastForeign(end);
  if (foreign >= 0) {
    open.PopTo(foreign);
    return;
  }
  if (EndInSelect(tag, open)) return;
  if (Classes().bits[tag] & kScopedEnd) {
    // Not in scope: ignored (</h2> after <h2><table> leaves the table
    // open, crash-024192c1).
    const int last = IsHeading(tag) ? open.LastHeading() : open.Last(tag);
    if (open.CurrentIsForeign() ||
        last >= std::max(0, open.LastScopeFor(tag))) {
      open.PopTo(last);
    }
    return;
  }
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) return;
  if (Classes().bits[tag] & kFormatting) {
    open.AdoptionAgency(tag);
    return;
  }
  // A table's end tags close only what is open in table scope: in a
  // template's content gumbo ignores them (<table><td><template></tr>: the
  // scan once closed the row, the template with it, and read the <div>s
  // that gumbo nests in the template beside it: hiding_fuzzer
  // crash-a7f3c5b9).
  if ((Classes().bits[tag] & kTablePart) || tag == GUMBO_TAG_TABLE) {
    if (InTableScope(tag, open)) open.PopTo(open.LastHtml(tag));
    return;
  }
  // Below a foreign current node too: the special element that stops the
  // rule may be one of the HTML elements below the foreign ones (a <dd>
  // below <math><x>, where </c> closed the <h> below it, and the <math>
  // with it, in the scan only: the <a>s after it nested as MathML in
  // gumbo).
  const int last = open.LastHtml(tag);
  if ((Classes().bits[tag] & kSpecialAny) || last >= open.LastSpecialAny()) {
    open.PopTo(last);
  }
}

// What a byte ends as the tokenizer reads a tag: white space, '/' and '>'
// end a tag's name, '=' an attribute's name too, white space and '>' an
// unquoted value. One table lookup a byte in the loops over names.
enum ByteRole : uint8_t {
  kSpaceByte = 1 << 0,
  kEndsTagName = 1 << 1,
  kEndsAttributeName = 1 << 2,
  kEndsUnquotedValue = 1 << 3,
};

constexpr std::array<uint8_t, 256> ByteRoles() {
  std::array<uint8_t, 256> roles{};
  for (unsigned char c : {' ', '\t', '\n', '\f', '\r'}) {
    roles[c] =
        kSpaceByte | kEndsTagName | kEndsAttributeName | kEndsUnquotedValue;
  }
  roles['/'] = kEndsTagName | kEndsAttributeName;
  roles['>'] = kEndsTagName | kEndsAttributeName | kEndsUnquotedValue;
  roles['='] = kEndsAttributeName;
  return roles;
}

bool HasRole(char c, ByteRole role) {
  static constexpr std::array<uint8_t, 256> kRoles = ByteRoles();
  return kRoles[static_cast<unsigned char>(c)] & role;
}

bool IsTagNameEnd(char c) { return HasRole(c, kEndsTagName); }

// html.find(c, from), by glibc's memchr: Debian's Abseil builds
// string_view::find out of line, a call of some 40 instructions around the
// memchr, and the scan looks for each tag's '<' and each closing quote.
size_t FindByte(absl::string_view html, char c, size_t from) {
  if (from >= html.size()) return absl::string_view::npos;
  const void* found = std::memchr(html.data() + from, c, html.size() - from);
  return found == nullptr ? absl::string_view::npos
                          : static_cast<const char*>(found) - html.data();
}

bool IsSpace(char c) { return HasRole(c, kSpaceByte); }

// The end of a numeric character reference at `i` ('&') that gumbo decodes
// to white space (tab, line feed, form feed, carriage return or space:
// "&#32;", "&#x20", any leading zeros, ";" or not), or `i` when there is
// none there.
size_t SpaceReferenceEnd(absl::string_view text, size_t i) {
  size_t k = i + 1;
  if (text[i] != '&' || k >= text.size() || text[k] != '#') return i;
  ++k;
  const bool hex = k < text.size() && (text[k] == 'x' || text[k] == 'X');
  if (hex) ++k;
  const size_t digits = k;
  uint32_t value = 0;
  for (; k < text.size(); ++k) {
    const char c = absl::ascii_tolower(text[k]);
    const bool digit = c >= '0' && c <= '9';
    if (!digit && !(hex && c >= 'a' && c <= 'f')) break;
    value = value * (hex ? 16 : 10) + (digit ? c - '0' : c - 'a' + 10);
    if (value > 0x20) return i;  // past every white space, and no overflow
  }
  if (k == digits || !(value == '\t' || value == '\n' || value == '\f' ||
                       value == '\r' || value == ' ')) {
    return i;
  }
  return k < text.size() && text[k] == ';' ? k + 1 : k;
}

// Whether text shows nothing in the body: white space and NULs only, the
// white space written as a numeric character reference too, which gumbo
// decodes before its tree builder asks (<i>&#32<frameset>: the scan once
// took the reference for text that makes a frameset too late, kept the
// body and counted the nodes after the frameset, which replaced the body in
// gumbo: nesting_fuzzer crash-f0d8995d).
bool ShowsNothing(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i]) || text[i] == 0) {
      ++i;
    } else if (const size_t end = SpaceReferenceEnd(text, i); end > i) {
      i = end;
    } else {
      return false;
    }
  }
  return true;
}

// Reads a tag's attributes from `i` (just past its name) to its '>'.
// Returns the position after the '>', or npos when the input ends first
// (the tokenizer then drops the tag); sets `self_closing` for "/>". Each
// attribute goes into `attributes` when it is not null.
size_t SkipAttributes(absl::string_view html, size_t i, bool* self_closing,
                      std::vector<TagAttribute>* attributes) {
  const size_t n = html.size();
  *self_closing = false;
  while (i < n) {
    const char c = html[i];
    if (c == '>') return i + 1;
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (c == '/') {
      if (i + 1 < n && html[i + 1] == '>') {
        *self_closing = true;
        return i + 2;
      }
      ++i;
      continue;
    }
    // An attribute name (its first character may be '='), then maybe a
    // value.
    const size_t name_start = i;
    ++i;
    while (i < n && !HasRole(html[i], kEndsAttributeName)) ++i;
    const absl::string_view name = html.substr(name_start, i - name_start);
    absl::string_view value;
    bool has_value = false;
    while (i < n && IsSpace(html[i])) ++i;
    if (i < n && html[i] == '=') {
      has_value = true;
      ++i;
      while (i < n && IsSpace(html[i])) ++i;
      if (i >= n) return absl::string_view::npos;
      const size_t value_start = i;
      if (html[i] == '"' || html[i] == '\'') {
        const size_t close = FindByte(html, html[i], i + 1);
        if (close == absl::string_view::npos) return close;
        value = html.substr(value_start + 1, close - value_start - 1);
        i = close + 1;
      } else {
        while (i < n && !HasRole(html[i], kEndsUnquotedValue)) ++i;
        value = html.substr(value_start, i - value_start);
      }
    }
    if (attributes != nullptr) attributes->push_back({name, value, has_value});
  }
  return absl::string_view::npos;
}

// SkipRawText for a script's text, as the tokenizer's script data states
// read it: after "<!--", a "<script" starts a run (double escaped) where
// "</script" does not end the script but the run, until "-->" ends both
// (<script><!--<script></script>x</script> is one script: the scan ended it
// at the first end tag and counted the elements after it, which gumbo
// reads as its text).
size_t SkipScriptText(absl::string_view html, size_t i) {
  enum class State { kData, kEscaped, kDoubleEscaped } state = State::kData;
  for (size_t at = html.find_first_of("<-", i); at != absl::string_view::npos;
       at = html.find_first_of("<-", at + 1)) {
    if (html[at] == '-') {
      if (state != State::kData && absl::StartsWith(html.substr(at), "-->")) {
        state = State::kData;
        at += 2;
      }
      continue;
    }
    if (state == State::kData && absl::StartsWith(html.substr(at), "<!--")) {
      state = State::kEscaped;
      at += 1;  // "<!-->" ends the run it opens: its "--" is read again
      continue;
    }
    if (html.substr(at, 2) != "</") {
      if (state == State::kEscaped && TagNameAt(html, at + 1, "script")) {
        state = State::kDoubleEscaped;
      }
      continue;
    }
    if (!TagNameAt(html, at + 2, "script")) continue;
    if (state != State::kDoubleEscaped) return at + 2 + 6;
    state = State::kEscaped;
  }
  return absl::string_view::npos;
}

// The position after the end tag that closes raw text opened by `name`
// ("</name" followed by a space, '/' or '>'), or npos.
size_t SkipRawText(absl::string_view html, size_t i, absl::string_view name) {
  while (true) {
    const size_t close = html.find("</", i);
    if (close == absl::string_view::npos) return close;
    if (TagNameAt(html, close + 2, name)) return close + 2 + name.size();
    i = close + 2;
  }
}

// The position after the end of a comment, doctype or other markup
// declaration starting at `lt` ("<!"), or npos. CDATA sections exist in
// foreign content only; elsewhere "<![CDATA[" starts a bogus comment.
size_t SkipDeclaration(absl::string_view html, size_t lt, bool in_foreign) {
  absl::string_view rest = html.substr(lt);
  size_t end;
  if (absl::StartsWith(rest, "<!--")) {
    // "--!>" ends it too (the scan once read on to "-->" and counted tags
    // gumbo reads in a select as nodes, past <!----!><select>:
    // nesting_fuzzer crash-7059eca7).
    return FindCommentEnd(html, lt).end;
  }
  if (in_foreign && absl::StartsWith(rest, "<![CDATA[")) {
    end = html.find("]]>", lt + 9);
    return end == absl::string_view::npos ? end : end + 3;
  }
  end = html.find('>', lt + 2);
  return end == absl::string_view::npos ? end : end + 1;
}

// gumbo_tagn_enum, remembered by name: a page writes a few dozen tag names
// over its thousands of tags, and gumbo's lookup (a hash of the lower-cased
// name, then a comparison) costs several times a look here. Each slot holds
// the last name seen of its length and end bytes, byte for byte as the page
// wrote it, and the tag gumbo gave it.
class TagNames {
 public:
  GumboTag Of(absl::string_view name) {
    if (name.empty() || name.size() > kMaxName) return Enum(name);
    Slot& slot = slots_[SlotOf(name)];
    if (!Holds(slot, name)) {
      slot.tag = Enum(name);
      slot.size = static_cast<uint8_t>(name.size());
      std::memcpy(slot.name.data(), name.data(), name.size());
    }
    return slot.tag;
  }

 private:
  static constexpr size_t kMaxName = 14;
  static constexpr size_t kSlots = 64;
  struct Slot {
    uint8_t size = 0;  // no name yet
    std::array<char, kMaxName> name{};
    GumboTag tag = GUMBO_TAG_UNKNOWN;
  };

  // Compared a byte at a time: tag names are a few bytes, shorter than a
  // call of memcmp.
  static bool Holds(const Slot& slot, absl::string_view name) {
    if (slot.size != name.size()) return false;
    for (size_t i = 0; i < name.size(); ++i) {
      if (slot.name[i] != name[i]) return false;
    }
    return true;
  }
  static GumboTag Enum(absl::string_view name) {
    return gumbo_tagn_enum(name.data(), static_cast<unsigned int>(name.size()));
  }
  static size_t SlotOf(absl::string_view name) {
    const auto first = static_cast<unsigned char>(name.front());
    const auto last = static_cast<unsigned char>(name.back());
    return (first * 7 + last * 3 + name.size()) % kSlots;
  }

  std::array<Slot, kSlots> slots_{};
};

// The scan of one document, left to right, tag by tag.
class NestingScan {
 public:
  NestingScan(absl::string_view html, int stop_above)
      : html_(html), stop_above_(stop_above) {}

  // What the scan read, until the end or until the depth passed
  // `stop_above`.
  MarkupScan Run() {
    while (Step()) {
    }
    return {deepest_,
            attribute_checks_,
            most_attributes_,
            open_.nodes(),
            std::move(scripts_and_styles_),
            std::move(repeated_attribute_names_),
            std::move(svg_contents_)};
  }

 private:
  // The parser's <html> and <body> come first: an element in the body is
  // at depth 3 of the tree (the document node at 0).
  static constexpr int kImpliedDepth = 2;

  // Reads up to and past the next tag; false when the scan is over.
  bool Step() {
    const size_t n = html_.size();
    const size_t lt = FindByte(html_, '<', i_);
    const size_t text_end = lt == absl::string_view::npos ? n : lt;
    if (text_end > i_) {
      empty_end_tag_at_ = absl::string_view::npos;  // a token
      Text(html_.substr(i_, text_end - i_));
      if (deepest_ > stop_above_) return false;
    }
    if (lt == absl::string_view::npos || lt + 1 >= n) return false;
    const char c = html_[lt + 1];
    if (c == '!' || c == '?') {
      empty_end_tag_at_ = absl::string_view::npos;  // a comment's token
      return SkipMarkup(lt, c);
    }
    const bool end_tag = c == '/';
    const size_t name_start = lt + (end_tag ? 2 : 1);
    if (name_start >= n || !absl::ascii_isalpha(html_[name_start])) {
      return NotATag(lt, end_tag);
    }
    size_t name_end = name_start;
    while (name_end < n && !IsTagNameEnd(html_[name_end])) ++name_end;
    absl::string_view name = html_.substr(name_start, name_end - name_start);
    const GumboTag tag = tag_names_.Of(name);
    bool self_closing = false;
    attributes_.clear();
    i_ = SkipAttributes(html_, name_end, &self_closing,
                        end_tag ? nullptr : &attributes_);
    if (i_ == absl::string_view::npos) return false;
    CountAttributeChecks();
    const size_t repeats_before = repeated_attribute_names_.size();
    FindRepeatedAttributeNames(html_, attributes_, &repeated_attribute_names_);
    const size_t nodes_before = open_.nodes();
    absl::string_view written = html_.substr(name_start, i_ - 1 - name_start);
    const bool switches = !end_tag && SwitchesTokenizer(tag);
    if (switches && tag == GUMBO_TAG_PLAINTEXT) return false;  // all text
    // Right after "</>", which makes no token, gumbo's text of this tag
    // starts at that "</>": the name it reads from it for the rules for
    // foreign content matches no element's, and no end tag matches the
    // element (<svg></></svg>: the SVG stays open; the scan once closed
    // it, took the <select> after it for HTML's and dropped the <div>s
    // that gumbo nests: hiding_fuzzer crash-4f81f6de).
    absl::string_view foreign_name = name;
    if (empty_end_tag_at_ != absl::string_view::npos) {
      written = html_.substr(empty_end_tag_at_ + 2, i_ - 3 - empty_end_tag_at_);
      foreign_name = {};
      svg_.reset();  // not cut: its tags are not as they read
      empty_end_tag_at_ = absl::string_view::npos;
    }
    if (svg_) {
      FollowSvgContent({tag, written, name.size()}, end_tag,
                       repeated_attribute_names_.size() > repeats_before, lt);
    }
    const bool by_html_rules = !end_tag && !open_.IsForeignStartTag(tag);
    const size_t open_before = open_.size();
    Apply(tag, foreign_name, written, end_tag, self_closing);
    if (tag == GUMBO_TAG_SVG && by_html_rules && !svg_ &&
        open_.size() == open_before + 1 && open_.top() == GUMBO_TAG_SVG) {
      svg_ = OpenSvg{open_before, i_};
    }
    after_element_ = open_.nodes() > nodes_before;
    deepest_ = std::max(deepest_, open_.depth());
    if (end_tag) return true;
    if (deepest_ > stop_above_) return false;
    // "<script/>" opens a script too: only void elements close themselves.
    if (switches && (Classes().bits[tag] & kRawText)) {
      return SkipRawTextOf(tag, name, lt);
    }
    return true;
  }

  // Whether the tree builder takes the start tag `tag` by the rules that
  // switch the tokenizer to read what follows an element of raw text
  // (script, style, textarea, title...) or <plaintext> as text: the HTML
  // rules, not those of SVG or MathML content, nor a select's (which drop
  // all but a script, taken by the head's rules, and a textarea, which ends
  // the select), nor a frameset's (all but <noframes>). There gumbo reads on
  // as markup: in <svg><style><div></style>, the <div> breaks out of the SVG
  // (fuzz regression crash-e92ea79d: the scan read the SVG's <a>s after it
  // nesting, 17 levels where gumbo built 4), and a page could hide deep nesting
  // in that text from the scan, to take gumbo to its parse budget.
  bool SwitchesTokenizer(GumboTag tag) const {
    if (in_frameset_) return tag == GUMBO_TAG_NOFRAMES;
    if (open_.IsForeignStartTag(tag)) return false;
    if (open_.InSelect()) {
      // A textarea ends an HTML select and opens; a foreign one's drops it.
      return tag == GUMBO_TAG_SCRIPT ||
             (tag == GUMBO_TAG_TEXTAREA && !open_.ModeSelectIsForeign());
    }
    return true;
  }

  // Text, white space too, reopens the formatting elements misnesting
  // closed; other text than white space shows the body.
  // Text right after a start tag that made an element is a node of its
  // own (elsewhere it may join the text before it).
  void Text(absl::string_view text) {
    // The tree builder drops NULs in the body: text of NULs and white space
    // shows nothing, and makes no node.
    const bool shown = !ShowsNothing(text);
    if (shown) frameset_ok_ = false;
    if (shown && open_.Last(GUMBO_TAG_TEMPLATE) < 0) body_started_ = true;
    // An SVG holding a reference to white space is not cut: text, however
    // it reads.
    if (svg_ && (shown || absl::StrContains(text, '&'))) svg_.reset();
    const bool after_element = after_element_;
    after_element_ = false;
    if (in_frameset_ || !open_.InBodyContent()) return;
    open_.ReopenFormatting();
    if (shown && after_element) open_.CountNode();
    deepest_ = std::max(deepest_, open_.depth());
  }

  // The comparisons gumbo's tokenizer makes for the start tag just read:
  // it checks each attribute's name against every distinct one kept before
  // it on the tag (duplicates are dropped, so they add no more). Counted
  // only on a tag with many attributes, where they can add up to anything.
  void CountAttributeChecks() {
    if (attributes_.size() < kManyAttributes) return;
    absl::flat_hash_set<std::string> distinct;
    for (const TagAttribute& attribute : attributes_) {
      distinct.insert(absl::AsciiStrToLower(attribute.name));  // as gumbo
    }
    const uint64_t d = distinct.size();
    attribute_checks_ += d * (d - 1) / 2;
    most_attributes_ = std::max(most_attributes_, static_cast<size_t>(d));
  }

  // A comment, doctype or processing instruction at `lt`.
  bool SkipMarkup(size_t lt, char c) {
    i_ = c == '!' ? SkipDeclaration(html_, lt, open_.CurrentIsForeign())
                  : html_.find('>', lt + 2);
    if (i_ == absl::string_view::npos) return false;
    if (c == '?') ++i_;
    // The content of an SVG holding a comment that "--!>" ends, or a CDATA
    // section (text), is not cut.
    const absl::string_view markup = html_.substr(lt, i_ - lt);
    if (svg_ && (absl::StrContains(markup, "--!") ||
                 absl::StartsWith(markup, "<![CDATA["))) {
      svg_.reset();
    }
    return true;
  }

  // A tag in the content of the <svg> svg_ follows, read as `read` (an end
  // tag's or a start tag's name and all it writes): an end tag that closes
  // the <svg> ends the content, and svg_ is dropped where the content may
  // change anything outside it (MarkupScan::svg_contents). `lt`: the tag's
  // '<'.
  void FollowSvgContent(const EndTagRead& read, bool end_tag,
                        bool repeats_attributes, size_t lt) {
    if (end_tag) {
      const int closes = open_.LastForeign(read);
      if (closes == static_cast<int>(svg_->position)) {
        svg_contents_.push_back({svg_->content_begin, lt});
      }
      if (closes <= static_cast<int>(svg_->position)) svg_.reset();
      return;
    }
    const unsigned bits = Classes().bits[read.tag];
    if (repeats_attributes || !open_.IsForeignStartTag(read.tag) ||
        (bits & (kBreakOut | kSvgScopeClass)) || read.tag == GUMBO_TAG_MATH) {
      svg_.reset();
    }
  }

  // A '<' that starts no tag name: "</>" is dropped, "</3" a comment to the
  // next '>', and a '<' alone is text.
  bool NotATag(size_t lt, bool end_tag) {
    if (end_tag) {
      i_ = html_.find('>', lt + 2);
      if (i_ == absl::string_view::npos) return false;
      if (i_ > lt + 2) {
        empty_end_tag_at_ = absl::string_view::npos;  // a bogus comment
      } else if (empty_end_tag_at_ == absl::string_view::npos) {
        empty_end_tag_at_ = lt;  // "</>": no token
      }
      ++i_;
    } else {
      empty_end_tag_at_ = absl::string_view::npos;  // a '<' character
      i_ = lt + 1;
      Text("<");
    }
    return true;
  }

  // What a tag does to the open elements. `name`: its name as written;
  // `written`: all between "<" or "</" and ">".
  void Apply(GumboTag tag, absl::string_view name, absl::string_view written,
             bool end_tag, bool self_closing) {
    if (in_frameset_) {
      // Only nested framesets open, and only while one is open: once the
      // first closes, gumbo drops every tag (<frameset></frameset>
      // <frameset> repeated: the scan once nested them, nesting_fuzzer
      // crash-9e0ab7b2). Everything else is dropped.
      if (tag == GUMBO_TAG_FRAMESET) {
        const int open = open_.Last(GUMBO_TAG_FRAMESET);
        if (end_tag) {
          open_.PopTo(open);
        } else if (open >= 0) {  // "/>" or not: <frameset> is HTML's
          open_.Push(tag);
        }
      }
    } else if (end_tag) {
      EndTag({tag, written, name.size()}, open_);
    } else if (tag == GUMBO_TAG_FRAMESET && !open_.IsForeignStartTag(tag)) {
      // It replaces the body and all in it; in a template gumbo drops it
      // (the scan once dropped the <div>s after <template><frameset>,
      // which gumbo nests in the template: hiding_fuzzer crash-7d0f142a),
      // though as its first tag it decides that the content is the body's
      // (<template><frameset><caption>: gumbo drops the captions, the scan
      // once counted them, nesting_fuzzer crash-f6292d07).
      open_.DecideTemplateContent(tag);
      if (frameset_ok_ && open_.Last(GUMBO_TAG_TEMPLATE) < 0) {
        open_.PopTo(0);
        open_.ReplaceBody();
        open_.ForgetNodes();
        open_.Push(tag);
        in_frameset_ = true;
      }
    } else {
      if (Classes().bits[tag] & kFramesetNotOkClass) frameset_ok_ = false;
      FollowBodyStart(tag);
      StartTag(tag, name, self_closing,
               tag == GUMBO_TAG_ANNOTATION_XML && HtmlEncoding(attributes_),
               (Classes().bits[tag] & kBreakOut) &&
                   (tag != GUMBO_TAG_FONT || FontBreaksOut(attributes_)),
               open_);
    }
    if (open_.ResetToFrameset()) in_frameset_ = true;
  }

  // A start tag outside any template that the head does not hold begins
  // the body; a template opened in the body keeps a later <frameset> from
  // replacing it, as gumbo's rules for a template in the body do (one in
  // the head does not).
  void FollowBodyStart(GumboTag tag) {
    if (tag == GUMBO_TAG_TEMPLATE && body_started_) frameset_ok_ = false;
    if (open_.Last(GUMBO_TAG_TEMPLATE) >= 0 || TakenByTheHeadsRules(tag) ||
        tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD ||
        tag == GUMBO_TAG_NOSCRIPT) {
      return;
    }
    body_started_ = true;
  }

  // The raw text after a start tag `name` at `lt`, and the end tag that
  // closes its element like any other. A script's or style's text is kept
  // in scripts_and_styles_.
  bool SkipRawTextOf(GumboTag tag, absl::string_view name, size_t lt) {
    const size_t text_begin = i_;
    i_ = tag == GUMBO_TAG_SCRIPT ? SkipScriptText(html_, i_)
                                 : SkipRawText(html_, i_, name);
    if (i_ == absl::string_view::npos) return false;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) {
      scripts_and_styles_.push_back(
          {tag, lt, text_begin, i_ - name.size() - 2});
    }
    // The end tag's attributes are read as a start tag's: a quote in them
    // hides a '>' (</script/x='>...<s>, fuzz regression crash-3440e643: the
    // scan counted the elements after the first '>', which gumbo reads as
    // the value until the end, and drops with the tag).
    bool self_closing = false;
    const size_t after = SkipAttributes(html_, i_, &self_closing, nullptr);
    if (after == absl::string_view::npos) return false;
    const size_t name_start = i_ - name.size();
    EndTag({tag, html_.substr(name_start, after - 1 - name_start), name.size()},
           open_);
    i_ = after;
    return true;
  }

  const absl::string_view html_;
  const int stop_above_;
  TagNames tag_names_;
  size_t i_ = 0;
  int deepest_ = kImpliedDepth;
  // The current start tag's attributes; the checks gumbo makes for all the
  // tags read, and the most distinct attributes on one.
  std::vector<TagAttribute> attributes_;
  uint64_t attribute_checks_ = 0;
  size_t most_attributes_ = 0;
  OpenElements open_;
  // Whether a <frameset> would still replace the body (nothing shown in it
  // yet), and whether one has.
  bool frameset_ok_ = true;
  bool body_started_ = false;  // FollowBodyStart
  bool in_frameset_ = false;
  // Whether the last tag read made an element.
  bool after_element_ = false;
  // Where the "</>" is that no token has followed yet (gumbo's text of the
  // next one starts there), or npos.
  size_t empty_end_tag_at_ = absl::string_view::npos;
  std::vector<RawTextSpan> scripts_and_styles_;
  std::vector<ByteRange> repeated_attribute_names_;
  // The <svg> opened by the HTML rules whose content is being read, while
  // it may be cut: its place in the stack of open elements, and where its
  // content begins.
  struct OpenSvg {
    size_t position;
    size_t content_begin;
  };
  std::optional<OpenSvg> svg_;
  std::vector<ByteRange> svg_contents_;
};

}  // namespace

absl::Status DepthLimitError(int max_depth) {
  return LimitExceededError(
      Limit::kMaxDepth,
      absl::StrCat("the document nests elements more than ", max_depth,
                   " deep; raise --max_depth or send a smaller document"));
}

absl::Status CheckMarkup(absl::string_view html, const Limits& limits) {
  return CheckMarkup(html, limits, NodesAllowed(html.size(), limits));
}

absl::Status CheckMarkup(absl::string_view html, const Limits& limits,
                         const NodeBudget& nodes, MarkupScan* scan_out) {
  MarkupScan scan = ScanMarkup(html, limits.max_depth);
  if (scan.depth > limits.max_depth) return DepthLimitError(limits.max_depth);
  if (scan.nodes > nodes.nodes) {
    return NodeLimitError(scan.nodes, "nodes", nodes);
  }
  const absl::Duration budget =
      ParseBudget(html.size(), limits.max_parse_ms_per_mb);
  if (kAttributeCheckTime * static_cast<double>(scan.attribute_checks) >
      budget) {
    return LimitExceededError(
        Limit::kMaxParseMsPerMb,
        absl::StrFormat(
            "an element has %d attributes: the HTML parser checks each "
            "against all before it, which would take more than its %d ms of "
            "CPU for a document of %d KiB (--max_parse_ms_per_mb=%d); fix the "
            "markup or raise the flag",
            scan.most_attributes, absl::ToInt64Milliseconds(budget),
            html.size() / 1024, limits.max_parse_ms_per_mb));
  }
  if (scan_out != nullptr) *scan_out = std::move(scan);
  return absl::OkStatus();
}

MarkupScan ScanMarkup(absl::string_view html, int stop_above) {
  return NestingScan(html, stop_above).Run();
}

int ScanNestingDepth(absl::string_view html, int stop_above) {
  return ScanMarkup(html, stop_above).depth;
}

}  // namespace lede::engine
