#include "server/engine/content_tree.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "server/engine/content_rules.h"
#include "server/engine/dom.h"
#include "server/engine/role_classes.h"
#include "server/engine/text_util.h"

namespace lede::engine::content {
namespace {

// `read_noscript`: whether <noscript> is read as part of the page, for pages
// whose server-rendered text sits only there (forum software does this).
bool IsSkippedTag(GumboTag tag, bool read_noscript) {
  switch (tag) {
    case GUMBO_TAG_NOSCRIPT:
      return !read_noscript;
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    // Ruby annotations (furigana) spell out the text beside them.
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    // Not <form>: ASP.NET pages wrap the whole page in one; its controls are
    // skipped one by one.
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    // What a <video> or <audio> holds besides its sources is fallback for
    // browsers without the element, which HTML says not to show ("Your
    // browser does not support the video tag").
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
      return true;
    default:
      return false;
  }
}

// Whether `visit` holds for `node` or one of the nodes below it outside
// scripts, styles and templates, among its first kMaxPanelToggleNodes nodes
// in document order. The bound keeps the checks of a panel's toggle linear:
// a toggle nested in another's subtree would otherwise be walked again by
// each hidden panel's check around it.
template <typename Visit>
bool AnyOfFirstNodes(const GumboNode* node, Visit visit) {
  struct Frame {
    const GumboVector* children;
    unsigned int next;
  };
  absl::InlinedVector<Frame, 16> open;
  const GumboNode* at = node;
  for (int visited = 0; visited < content_rules::kMaxPanelToggleNodes;
       ++visited) {
    if (visit(at)) return true;
    if (at->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = at->v.element.tag;
      if (tag != GUMBO_TAG_SCRIPT && tag != GUMBO_TAG_STYLE &&
          tag != GUMBO_TAG_TEMPLATE) {
        open.push_back({&at->v.element.children, 0});
      }
    }
    while (!open.empty() && open.back().next == open.back().children->length) {
      open.pop_back();
    }
    if (open.empty()) return false;
    Frame& top = open.back();
    at = static_cast<const GumboNode*>(top.children->data[top.next++]);
  }
  return false;
}

// Whether `node` holds any text outside scripts and styles, a <button>'s
// included (a heading's text is often its toggle's, a button inside it),
// among its first nodes (AnyOfFirstNodes).
bool HoldsText(const GumboNode* node) {
  return AnyOfFirstNodes(node, [](const GumboNode* at) {
    return at->type == GUMBO_NODE_TEXT &&
           CountNonSpaceCodePoints(at->v.text.text) > 0;
  });
}

// Whether `element` opens the panel after it (content_rules.h, beside
// kPanelToggleTags).
bool IsPanelToggle(const GumboNode* element) {
  const GumboTag tag = element->v.element.tag;
  const bool toggle =
      absl::c_linear_search(content_rules::kPanelToggleTags, tag) ||
      FindAttribute(element, "aria-expanded") != nullptr ||
      absl::EqualsIgnoreCase(Attribute(element, "role"),
                             content_rules::kPanelToggleRole);
  return toggle && HoldsText(element);
}

// Whether `header`, or an element among its first nodes (AnyOfFirstNodes),
// is a panel toggle that names `id` in its aria-controls: WAI-ARIA's
// accordion, whose header wraps the button that opens the panel after it.
// A toggle with aria-haspopup opens a menu, a listbox or a dialog instead.
bool HoldsToggleOf(const GumboNode* header, absl::string_view id) {
  if (id.empty()) return false;
  return AnyOfFirstNodes(header, [id](const GumboNode* at) {
    if (at->type != GUMBO_NODE_ELEMENT) return false;
    const GumboAttribute* controls = FindAttribute(at, "aria-controls");
    if (controls == nullptr || FindAttribute(at, "aria-haspopup") != nullptr) {
      return false;
    }
    for (absl::string_view named : absl::StrSplit(controls->value, ' ')) {
      if (named == id) return IsPanelToggle(at);
    }
    return false;
  });
}

// Whether the element just before `node` among its siblings (past white
// space and comments) opens it: `node` is an accordion's closed panel, after
// its toggle or after the header that holds the toggle naming it.
bool FollowsPanelToggle(const GumboNode* node) {
  const GumboNode* parent = node->parent;
  if (parent == nullptr || parent->type != GUMBO_NODE_ELEMENT) return false;
  const GumboVector& siblings = parent->v.element.children;
  for (size_t i = node->index_within_parent; i > 0; --i) {
    const auto* before = static_cast<const GumboNode*>(siblings.data[i - 1]);
    if (before->type == GUMBO_NODE_WHITESPACE ||
        before->type == GUMBO_NODE_COMMENT) {
      continue;
    }
    return before->type == GUMBO_NODE_ELEMENT &&
           (IsPanelToggle(before) ||
            HoldsToggleOf(before, Attribute(node, "id")));
  }
  return false;
}

// Hidden by the page's markup. A tab panel is not: the page shows one tab at
// a time, and the others (a code sample in each language) are as much its
// content as the one showing. Nor an accordion's closed panel, after the
// heading or button that opens it (FollowsPanelToggle). A <dialog> is shown
// only while it is open (a browser's style for it), and gumbo 0.10 does not
// know the tag. A closed <details> is not hidden: readers open it, and
// WCXB's truth keeps what it holds (an FAQ's answers). Tried: word F1 half
// A -0.0031, half B -0.0017.
bool IsHidden(const GumboNode* node) {
  if (node->v.element.tag == GUMBO_TAG_UNKNOWN &&
      absl::EqualsIgnoreCase(OriginalTagName(node), "dialog") &&
      FindAttribute(node, "open") == nullptr) {
    return true;
  }
  if (FindAttribute(node, "hidden") == nullptr) {
    // Most elements have no style to lower-case and search.
    const absl::string_view raw_style = Attribute(node, "style");
    if (raw_style.empty()) return false;
    const std::string style = AsciiLower(raw_style);
    if (!absl::StrContains(style, "display:none") &&
        !absl::StrContains(style, "display: none") &&
        !absl::StrContains(style, "visibility:hidden")) {
      return false;
    }
  }
  return !absl::EqualsIgnoreCase(Attribute(node, "role"), "tabpanel") &&
         !FollowsPanelToggle(node);
}

// Code points of text under `node` that a reader sees, leaving out
// IsSkippedTag's elements (but reading <noscript>) and `except`.
size_t VisibleTextLength(const GumboNode* node, const GumboNode* except) {
  size_t length = 0;
  WalkTree(node, [&](const GumboNode* child, int) {
    if (child == except) return false;
    if (child->type == GUMBO_NODE_ELEMENT) {
      return child == node ||
             !IsSkippedTag(child->v.element.tag, /*read_noscript=*/true);
    }
    if (child->type == GUMBO_NODE_TEXT) {
      length += CodePointCount(child->v.text.text);
    }
    return false;
  });
  return length;
}

int CountPunctuation(absl::string_view text) {
  // Commas, and the places where "，", "。" or "、" start in UTF-8. No mark
  // holds a comma or starts inside another mark, so the two counts add up,
  // and each is a loop without branches that the compiler vectorises
  // (MeasureTree reads every text of the page, and a Chinese page's texts
  // are long).
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  int count = static_cast<int>(std::count(text.begin(), text.end(), ','));
  for (size_t i = 0; i + 2 < size; ++i) {
    const unsigned char a = bytes[i], b = bytes[i + 1], c = bytes[i + 2];
    count += ((a == 0xE3) & (b == 0x80) & ((c == 0x82) | (c == 0x81))) |
             ((a == 0xEF) & (b == 0xBC) & (c == 0x8C));
  }
  return count;
}

}  // namespace

bool Skips::Skipped(const GumboNode* element) const {
  if (!left_out.empty() && left_out.contains(element)) return true;
  return IsSkippedTag(element->v.element.tag, read_noscript) &&
         std::find(read_anyway.begin(), read_anyway.end(), element) ==
             read_anyway.end();
}

bool Skips::Hidden(const GumboNode* element) const {
  return IsHidden(element) &&
         std::find(shown_anyway.begin(), shown_anyway.end(), element) ==
             shown_anyway.end();
}

bool Skips::LeftOutOfText(const GumboNode* element, bool root) const {
  if (Skipped(element) || Hidden(element)) return true;
  return !root && !field_labels.empty() && field_labels.contains(element);
}

namespace {

// Whether a walk from `body` that enters no <noscript>, <h1> or
// <template> reaches `node`.
bool ReachedFrom(const GumboNode* body, const GumboNode* node) {
  for (const GumboNode* up = node->parent; up != nullptr; up = up->parent) {
    if (up == body) return true;
    if (up->type != GUMBO_NODE_ELEMENT ||
        up->v.element.tag == GUMBO_TAG_NOSCRIPT ||
        up->v.element.tag == GUMBO_TAG_H1) {
      return false;
    }
  }
  return false;
}

}  // namespace

// Skipped elements that hold the article all the same: an <aside> around an
// <h1> that states the title (some sites set the whole article in one), and
// a <noscript> copy of content a script renders (Blogger keeps each post in
// a <script type="text/template"> and the same text in the <noscript> beside
// it): a <noscript> with prose whose parent shows little else.
std::vector<const GumboNode*> ReadAnyway(
    const GumboNode* body,
    const std::vector<const GumboNode*>& noscripts_and_h1s,
    absl::string_view title) {
  std::vector<const GumboNode*> nodes;
  const std::string wanted = CollapseWhitespace(title);
  for (const GumboNode* node : noscripts_and_h1s) {
    if (!ReachedFrom(body, node)) continue;
    if (node->v.element.tag == GUMBO_TAG_NOSCRIPT) {
      size_t own = VisibleTextLength(node, nullptr);
      if (own >= content_rules::kMinNoscriptCopyText &&
          VisibleTextLength(node->parent, node) *
                  content_rules::kMinNoscriptCopyShare <
              own) {
        nodes.push_back(node);
      }
      continue;
    }
    if (wanted.empty() || TextContent(node) != wanted) continue;
    for (const GumboNode* up = node->parent; up != nullptr && up != body;
         up = up->parent) {
      if (IsElement(up, GUMBO_TAG_ASIDE)) nodes.push_back(up);
    }
  }
  return nodes;
}

int HeadingLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
      return 1;
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

int CountNonSpaceCodePoints(absl::string_view text) {
  // Without branches, and a byte-sized count for each run of up to 255
  // bytes, so that the compiler vectorises the loop: MeasureTree reads every
  // text of the page (the loop with branches took about ten instructions a
  // byte).
  constexpr size_t kRun = 255;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t passed = 0;  // continuation bytes and spaces
  for (size_t start = 0; start < text.size(); start += kRun) {
    const size_t end = std::min(text.size(), start + kRun);
    unsigned char in_run = 0;
    for (size_t i = start; i < end; ++i) {
      const unsigned char c = bytes[i];
      // At most one of these holds.
      in_run += ((c & 0xC0) == 0x80) + (c == ' ') + (c == '\n') + (c == '\t') +
                (c == '\r');
    }
    passed += in_run;
  }
  return static_cast<int>(text.size() - passed);
}

bool HasSentenceEnd(absl::string_view text) {
  for (const char* end : content_rules::kSentenceEnds) {
    if (absl::StrContains(text, end)) return true;
  }
  return false;
}

namespace {

// The shortest consent word's length: IsDialog compares the first four bytes
// of a place in a value with the words' before the words themselves.
constexpr size_t kConsentWordMinBytes = 4;
constexpr bool ConsentWordsAreLongEnough() {
  for (absl::string_view word : content_rules::kConsentClassWords) {
    if (word.size() < kConsentWordMinBytes) return false;
  }
  return true;
}
static_assert(ConsentWordsAreLongEnough());

// The first four bytes of `text` (at least four), ASCII lower-cased, as one
// number.
uint32_t FirstFourLower(absl::string_view text) {
  uint32_t packed = 0;
  for (size_t i = 0; i < kConsentWordMinBytes; ++i) {
    packed = packed << 8 | static_cast<unsigned char>(absl::ascii_tolower(
                               static_cast<unsigned char>(text[i])));
  }
  return packed;
}

}  // namespace

// A dialog over the page: a consent manager, a sign-up or login modal, a
// tooltip, a script's status message (content_rules::kPopupRoles). Its text is
// never the article, however long (a consent manager's list of vendors and
// their policies can outweigh the article ten times).
bool IsDialog(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) return false;
  // One pass over the value: the words are tried only where one could
  // start, and where the value's next bytes are one's first four, since
  // this runs for every element of the page ("container", "col-md" and
  // "d-flex" start at those letters too).
  static const auto* const kStarts = [] {
    auto* starts = new std::vector<uint32_t>();
    for (absl::string_view word : content_rules::kConsentClassWords) {
      const uint32_t start = FirstFourLower(word);
      if (std::find(starts->begin(), starts->end(), start) == starts->end()) {
        starts->push_back(start);
      }
    }
    return starts;
  }();
  // The bytes a word starts with, in either case: one lookup a byte of
  // the value.
  static const auto* const kFirstBytes = [] {
    auto* first_bytes = new std::array<bool, 256>();
    for (absl::string_view word : content_rules::kConsentClassWords) {
      const auto first = static_cast<unsigned char>(word[0]);
      (*first_bytes)[absl::ascii_tolower(first)] = true;
      (*first_bytes)[absl::ascii_toupper(first)] = true;
    }
    return first_bytes;
  }();
  auto names_consent = [](absl::string_view value) {
    for (size_t i = 0; i + kConsentWordMinBytes <= value.size(); ++i) {
      if (!(*kFirstBytes)[static_cast<unsigned char>(value[i])]) continue;
      const char first = absl::ascii_tolower(value[i]);
      if (std::find(kStarts->begin(), kStarts->end(),
                    FirstFourLower(value.substr(i))) == kStarts->end()) {
        continue;
      }
      for (absl::string_view word : content_rules::kConsentClassWords) {
        if (word[0] == first &&
            absl::EqualsIgnoreCase(value.substr(i, word.size()), word)) {
          return true;
        }
      }
    }
    return false;
  };
  bool dialog = false;
  ForEachAttribute(node, [&](AttributeName name, const char* raw) {
    if (name == "role") {
      dialog = absl::c_linear_search(content_rules::kPopupRoles,
                                     absl::string_view(raw));
    } else if (name == content_rules::kPopoverAttribute) {
      dialog = true;
    } else if (name == "aria-modal") {
      dialog = absl::string_view(raw) == "true";
    } else if (name == "id") {
      dialog = names_consent(raw);
    } else if (name == "class") {
      // Not a post's taxonomy ("tag-gdpr"): an article about consent is
      // still the article.
      dialog = names_consent(raw) && names_consent(RoleClasses(raw));
    }
    return !dialog;
  });
  return dialog;
}

namespace {

// The counts of an element MeasureTree is inside, added up while the walk
// reads its subtree: one entry of the map a subtree, written when the walk
// leaves it, instead of a lookup for every text and every element.
struct RunningTotals {
  int text_length = 0;
  int link_length = 0;
  int punctuation = 0;
  bool holds_text = false;
  bool link = false;  // The element is a link (IsLink).
};

}  // namespace

StatsMap MeasureTree(const GumboNode* body, const Skips& skips,
                     std::vector<EnteredElement>* entered, size_t elements) {
  StatsMap stats;
  stats.reserve(elements);
  if (entered != nullptr) entered->reserve(elements);
  // The elements the walk is inside, innermost last: a text's parent is
  // the last one.
  std::vector<RunningTotals> open;
  int link_depth = 0;
  // The outermost dialog open, and how deep inside it the walk is: a
  // dialog's text counts for the dialog, not for the page around it.
  const GumboNode* dialog = nullptr;
  int dialog_depth = 0;
  // Sets `flag` on the ancestors of `node` up to the body; an ancestor that
  // has it already has it above too.
  auto mark_ancestors = [&](const GumboNode* node, bool NodeStats::*flag) {
    for (const GumboNode* up = node->parent;
         up != nullptr && !(stats[up].*flag); up = up->parent) {
      stats[up].*flag = true;
      if (up == body) break;
    }
  };
  WalkTree(
      body,
      [&](const GumboNode* node, int) {
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
          // Counted for the parent here; each element passes its counts on
          // to its own parent when the walk leaves it.
          RunningTotals& s = open.back();
          const absl::string_view text = node->v.text.text;
          const int length = CountNonSpaceCodePoints(text);
          s.text_length += length;
          s.punctuation += CountPunctuation(text);
          if (link_depth > 0) s.link_length += length;
          s.holds_text = true;
          return false;
        }
        if (node->type != GUMBO_NODE_ELEMENT) return false;
        if (skips.Skipped(node)) return false;
        if (entered != nullptr) entered->push_back({node, node->v.element.tag});
        open.emplace_back().link = IsLink(node);
        if (open.back().link) ++link_depth;
        if (dialog_depth > 0 || IsDialog(node)) {
          if (dialog_depth++ == 0) dialog = node;
          stats[node].in_dialog = true;
        }
        const GumboTag tag = node->v.element.tag;
        if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_MAIN) {
          mark_ancestors(node, &NodeStats::holds_landmark);
        }
        if (tag == GUMBO_TAG_MAIN) mark_ancestors(node, &NodeStats::holds_main);
        return true;
      },
      [&](const GumboNode* node) {
        const RunningTotals own = open.back();
        open.pop_back();
        if (own.link) --link_depth;
        if (own.holds_text) {
          NodeStats& s = stats[node];
          s.text_length += own.text_length;
          s.link_length += own.link_length;
          s.punctuation += own.punctuation;
          s.holds_text = true;
          // The page's counts stop at the body and at the outermost dialog.
          if (node != body && node != dialog) {
            RunningTotals& parent = open.back();
            parent.text_length += own.text_length;
            parent.link_length += own.link_length;
            parent.punctuation += own.punctuation;
            parent.holds_text = true;
          }
        }
        if (dialog_depth > 0 && --dialog_depth == 0) dialog = nullptr;
      });
  return stats;
}

namespace {

// A field the page sends (it has a name) and its reader sees
// (content_rules::kUnseenInputTypes).
bool IsSentField(const GumboNode* node) {
  if (FindAttribute(node, "name") == nullptr) return false;
  if (!IsElement(node, GUMBO_TAG_INPUT)) return true;
  const absl::string_view type = Attribute(node, "type");
  for (absl::string_view unseen : content_rules::kUnseenInputTypes) {
    if (absl::EqualsIgnoreCase(type, unseen)) return false;
  }
  return true;
}

}  // namespace

absl::flat_hash_set<const GumboNode*> FieldLabels(
    const GumboNode* body, const std::vector<const GumboNode*>& fields,
    const std::vector<EnteredElement>& entered) {
  absl::flat_hash_set<const GumboNode*> labels;
  std::vector<const GumboNode*> entered_labels;
  for (const EnteredElement& element : entered) {
    if (element.tag == GUMBO_TAG_LABEL) entered_labels.push_back(element.node);
  }
  if (entered_labels.empty()) return labels;
  // Each element climbed through, with the innermost label around it below
  // `body` (null when none): a climb stops at one already made, so that
  // the fields of a deep list cost one climb, not one each.
  absl::flat_hash_map<const GumboNode*, const GumboNode*> label_around;
  absl::flat_hash_set<absl::string_view> field_ids;
  std::vector<const GumboNode*> climbed;
  for (const GumboNode* field : fields) {
    if (!IsSentField(field)) continue;
    const GumboNode* label = nullptr;
    climbed.clear();
    for (const GumboNode* up = field->parent; up != nullptr && up != body;
         up = up->parent) {
      if (auto known = label_around.find(up); known != label_around.end()) {
        label = known->second;
        break;
      }
      if (IsElement(up, GUMBO_TAG_LABEL)) {
        label = up;
        break;
      }
      climbed.push_back(up);
    }
    for (const GumboNode* node : climbed) label_around[node] = label;
    if (label != nullptr) labels.insert(label);
    const absl::string_view id = Attribute(field, "id");
    if (!id.empty()) field_ids.insert(id);
  }
  if (field_ids.empty()) return labels;
  for (const GumboNode* label : entered_labels) {
    const absl::string_view names = Attribute(label, "for");
    if (!names.empty() && field_ids.contains(names)) labels.insert(label);
  }
  return labels;
}

// A shop's password gate, an anti-flicker snippet: a reader sees them. A
// notice or an alternative text hidden beside the content stays hidden.
std::vector<const GumboNode*> ShownByScript(const GumboNode* top,
                                            const GumboNode* body,
                                            const StatsMap& stats,
                                            const Skips& skips) {
  std::vector<const GumboNode*> shown;
  auto body_stats = stats.find(body);
  if (body_stats == stats.end()) return shown;
  const double needed =
      content_rules::kMinShownByScriptShare * body_stats->second.text_length;
  WalkTree(top, [&](const GumboNode* node, int) {
    if (node->type != GUMBO_NODE_ELEMENT || skips.Skipped(node)) return false;
    auto measured = stats.find(node);
    if (measured == stats.end() || measured->second.text_length < needed) {
      return false;
    }
    if (IsHidden(node)) shown.push_back(node);
    return true;
  });
  return shown;
}

bool IsLink(const GumboNode* node) {
  return IsElement(node, GUMBO_TAG_A) && FindAttribute(node, "href") != nullptr;
}

}  // namespace lede::engine::content
