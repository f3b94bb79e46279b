#include "server/engine/content.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "re2/re2.h"
#include "server/engine/content_rules.h"
#include "server/engine/dates.h"
#include "server/engine/images.h"
#include "server/engine/role_classes.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine {
namespace {

struct NodeStats {
  int text_length = 0;  // code points of non-space text in the subtree
  int link_length = 0;  // of which inside <a>
  int punctuation = 0;  // commas and Chinese commas and full stops in it
  double score = 0;
  bool candidate = false;
  bool holds_landmark = false;  // an <h1> or the <main> in the subtree
  bool holds_main = false;      // the <main> in the subtree
  bool holds_text = false;      // a text node in the subtree (counts above)
  bool in_dialog = false;       // a dialog (IsDialog) or inside one
};

using StatsMap = absl::flat_hash_map<const GumboNode*, NodeStats>;

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

// Hidden by the page's markup. A tab panel is not: the page shows one tab at
// a time, and the others (a code sample in each language) are as much its
// content as the one showing.
bool IsHidden(const GumboNode* node) {
  if (gumbo_get_attribute(&node->v.element.attributes, "hidden") == nullptr) {
    const std::string style = AsciiLower(Attribute(node, "style"));
    if (!absl::StrContains(style, "display:none") &&
        !absl::StrContains(style, "display: none") &&
        !absl::StrContains(style, "visibility:hidden")) {
      return false;
    }
  }
  return !absl::EqualsIgnoreCase(Attribute(node, "role"), "tabpanel");
}

// What the walks leave out: IsSkippedTag's elements, with <noscript> read on
// pages whose text sits only there, and the elements ReadAnyway finds.
struct Skips {
  bool read_noscript = false;
  std::vector<const GumboNode*> read_anyway;
  // Hidden elements that a script shows (ShownByScript).
  std::vector<const GumboNode*> shown_anyway;

  bool Skipped(const GumboNode* node) const {
    return IsSkippedTag(node->v.element.tag, read_noscript) &&
           std::find(read_anyway.begin(), read_anyway.end(), node) ==
               read_anyway.end();
  }
  bool Hidden(const GumboNode* node) const {
    return IsHidden(node) && std::find(shown_anyway.begin(), shown_anyway.end(),
                                       node) == shown_anyway.end();
  }
};

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

// Skipped elements that hold the article all the same: an <aside> around an
// <h1> that states the title (some sites set the whole article in one), and
// a <noscript> copy of content a script renders (Blogger keeps each post in
// a <script type="text/template"> and the same text in the <noscript> beside
// it): a <noscript> with prose whose parent shows little else.
std::vector<const GumboNode*> ReadAnyway(const GumboNode* body,
                                         absl::string_view title) {
  std::vector<const GumboNode*> nodes;
  const std::string wanted = CollapseWhitespace(title);
  WalkTree(body, [&](const GumboNode* node, int) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    switch (node->v.element.tag) {
      case GUMBO_TAG_NOSCRIPT: {
        size_t own = VisibleTextLength(node, nullptr);
        if (own >= content_rules::kMinNoscriptCopyText &&
            VisibleTextLength(node->parent, node) *
                    content_rules::kMinNoscriptCopyShare <
                own) {
          nodes.push_back(node);
        }
        return false;
      }
      case GUMBO_TAG_H1:
        if (wanted.empty() || TextContent(node) != wanted) return false;
        for (const GumboNode* up = node->parent; up != nullptr && up != body;
             up = up->parent) {
          if (IsElement(up, GUMBO_TAG_ASIDE)) nodes.push_back(up);
        }
        return false;
      default:
        return true;
    }
  });
  return nodes;
}

bool IsParagraphLike(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD ||
         tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_SECTION;
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
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
  int count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) == 0x80) continue;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    ++count;
  }
  return count;
}

int CountPunctuation(absl::string_view text) {
  int count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') {
      ++count;
    } else if (static_cast<unsigned char>(text[i]) >= 0xE3) {
      // "，" and "。" and "、" in UTF-8.
      absl::string_view rest = text.substr(i, 3);
      if (rest == "\xEF\xBC\x8C" || rest == "\xE3\x80\x82" ||
          rest == "\xE3\x80\x81") {
        ++count;
        i += 2;
      }
    }
  }
  return count;
}

double ClassWeight(const GumboNode* node) {
  static const LazyRE2 kPositive = {content_rules::kPositiveClassPattern};
  static const LazyRE2 kNegative = {content_rules::kNegativeClassPattern};
  double weight = 0;
  std::string classes = RoleClasses(Attribute(node, "class"));
  for (absl::string_view value :
       {absl::string_view(classes), Attribute(node, "id")}) {
    if (value.empty()) continue;
    if (RE2::PartialMatch(Piece(value), *kNegative)) weight -= 25;
    if (RE2::PartialMatch(Piece(value), *kPositive)) weight += 25;
  }
  return weight;
}

// A class that names the content ("popup-content") is believed in
// proportion to the text it holds: a 33-character pop-up must not outscore
// the article on its two class words.
double CandidateClassWeight(const GumboNode* node, const NodeStats& stats) {
  double weight = ClassWeight(node);
  if (weight <= 0) return weight;
  return weight * std::min(1.0, stats.text_length /
                                    content_rules::kMinTextForFullClassWeight);
}

double TagWeight(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ARTICLE:
      return 10;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_MAIN:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

// A dialog over the page: a consent manager, a sign-up or login modal. Its
// text is never the article, however long (a consent manager's list of
// vendors and their policies can outweigh the article ten times).
bool IsDialog(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) return false;
  // One pass over the value: the words are tried only where one could
  // start, since this runs for every element of the page.
  auto names_consent = [](absl::string_view value) {
    for (size_t i = 0; i < value.size(); ++i) {
      const char first = absl::ascii_tolower(value[i]);
      if (first != 'c' && first != 'g' && first != 'd') continue;
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
  ForEachAttribute(node, [&](absl::string_view name, const char* raw) {
    if (name == "role") {
      const absl::string_view value(raw);
      dialog = value == "dialog" || value == "alertdialog";
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

// An <a> with an href. A named anchor (<a name=top>) left open swallows the
// rest of the page in the parser's tree, and it links nowhere.
bool IsLink(const GumboNode* node) {
  return IsElement(node, GUMBO_TAG_A) &&
         gumbo_get_attribute(&node->v.element.attributes, "href") != nullptr;
}

// Code points of text outside links.
int Prose(const NodeStats& stats) {
  return stats.text_length - stats.link_length;
}

double LinkDensity(const NodeStats& stats) {
  return stats.text_length == 0
             ? 0
             : static_cast<double>(stats.link_length) / stats.text_length;
}

// Pass 1: text and link lengths of every element, bottom up.
StatsMap MeasureTree(const GumboNode* body, const Skips& skips) {
  StatsMap stats;
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
          NodeStats& s = stats[node->parent];
          const int length = CountNonSpaceCodePoints(node->v.text.text);
          s.text_length += length;
          s.punctuation += CountPunctuation(node->v.text.text);
          if (link_depth > 0) s.link_length += length;
          s.holds_text = true;
          return false;
        }
        if (node->type != GUMBO_NODE_ELEMENT) return false;
        if (skips.Skipped(node)) return false;
        if (IsLink(node)) ++link_depth;
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
        if (IsLink(node)) --link_depth;
        // The page's counts stop at the body and at the outermost dialog.
        if (node != body && node != dialog) {
          auto counted = stats.find(node);
          if (counted != stats.end() && counted->second.holds_text) {
            const NodeStats own = counted->second;
            NodeStats& parent = stats[node->parent];
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

// Pass 2: paragraphs vote for their ancestors (Readability's method).
void ScoreCandidates(const GumboNode* body, const Skips& skips,
                     StatsMap* stats) {
  WalkTree(body, [&](const GumboNode* node, int) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    GumboTag tag = node->v.element.tag;
    if (skips.Skipped(node)) return false;
    const NodeStats& own = (*stats)[node];
    bool votes = IsParagraphLike(tag);
    if (tag == GUMBO_TAG_DIV) {
      // A div that holds text directly acts as a paragraph.
      const GumboVector& children = node->v.element.children;
      for (unsigned int i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT &&
            CountNonSpaceCodePoints(child->v.text.text) >=
                content_rules::kMinVotingTextLength) {
          votes = true;
        }
      }
    }
    if (!votes || own.in_dialog ||
        own.text_length < content_rules::kMinVotingTextLength) {
      return true;
    }
    double vote = 1 + own.punctuation + std::min(3.0, own.text_length / 100.0);
    int level = 0;
    for (const GumboNode* up = node->parent;
         up != nullptr && up->type == GUMBO_NODE_ELEMENT && level < 3;
         up = up->parent, ++level) {
      NodeStats& s = (*stats)[up];
      if (!s.candidate) {
        s.candidate = true;
        s.score = TagWeight(up->v.element.tag) + CandidateClassWeight(up, s);
      }
      s.score += level == 0 ? vote : vote / (level * 2.0);
    }
    return true;
  });
}

const GumboNode* PickTopCandidate(const GumboNode* body, StatsMap* stats) {
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (auto& [node, s] : *stats) {
    if (!s.candidate) continue;
    double final_score = s.score * (1 - LinkDensity(s));
    s.score = final_score;
    if (best == nullptr || final_score > best_score ||
        (final_score == best_score && node < best)) {
      best = node;
      best_score = final_score;
    }
  }
  return best == nullptr ? body : best;
}

// Pages built from sections (page builders, AsciiDoc, CMS blocks) split the
// article across sibling containers, and the paragraph votes crown only one
// of them. Climbs from `top` to the ancestor that gains the most text outside
// links against the link text it takes in (menus, link lists), so the whole
// article is kept and the page chrome around it is not.
const GumboNode* WidenToArticle(const GumboNode* top, const GumboNode* body,
                                const StatsMap& stats,
                                const content_rules::BiasRules& rules) {
  auto worth = [&](const GumboNode* node) {
    auto it = stats.find(node);
    if (it == stats.end()) return 0.0;
    return Prose(it->second) -
           content_rules::kWidenLinkTextCost * it->second.link_length;
  };
  const GumboNode* best = top;
  double best_worth = worth(top);
  for (const GumboNode* up = top->parent;
       up != nullptr && up->type == GUMBO_NODE_ELEMENT; up = up->parent) {
    double up_worth = worth(up);
    if (up_worth > best_worth * (1 + rules.min_widen_gain)) {
      best = up;
      best_worth = up_worth;
    }
    if (up == body) break;
  }
  return best;
}

// The page's <main> (or role="main"), else its <body>.
const GumboNode* MainArea(const GumboNode* body) {
  const GumboNode* main = nullptr;
  WalkTree(body, [&](const GumboNode* node, int) {
    if (main != nullptr || node->type != GUMBO_NODE_ELEMENT) return false;
    if (node->v.element.tag == GUMBO_TAG_MAIN ||
        Attribute(node, "role") == "main") {
      main = node;
      return false;
    }
    return true;
  });
  return main == nullptr ? body : main;
}

// Whether `node` is one of `roots` or inside one.
bool IsInside(const GumboNode* node,
              const std::vector<const GumboNode*>& roots) {
  for (const GumboNode* up = node; up != nullptr; up = up->parent) {
    if (std::find(roots.begin(), roots.end(), up) != roots.end()) return true;
  }
  return false;
}

// The article's lead ("standfirst"): news pages put it in the article's
// header, beside the headline, outside the container the body's paragraphs
// crown. The nearest block before `top` (in its ancestors' earlier children,
// a few levels up) that is classed as a lead, or is a paragraph in a
// <header>, with some text and no links. nullptr when there is none.
const GumboNode* FindLead(const GumboNode* top, const GumboNode* body,
                          const StatsMap& stats) {
  static const LazyRE2 kLead = {content_rules::kLeadClassPattern};
  // `node` holds at least kMinLeadLength code points (the walk below stops
  // above shorter subtrees).
  auto is_lead = [&](const GumboNode* node, const NodeStats& node_stats,
                     bool in_header) {
    if (node_stats.text_length > content_rules::kMaxLeadLength ||
        node_stats.link_length > 0) {
      return false;
    }
    GumboTag tag = node->v.element.tag;
    if (in_header && tag == GUMBO_TAG_P) return true;
    if (tag != GUMBO_TAG_P && tag != GUMBO_TAG_DIV) return false;
    std::string classes = RoleClasses(Attribute(node, "class"));
    return !classes.empty() && RE2::PartialMatch(Piece(classes), *kLead);
  };
  const GumboNode* branch = top;
  for (int level = 0;
       level < content_rules::kMaxLeadLevelsUp && branch != body &&
       branch->parent != nullptr && branch->parent->type == GUMBO_NODE_ELEMENT;
       ++level, branch = branch->parent) {
    const GumboVector& children = branch->parent->v.element.children;
    const GumboNode* found = nullptr;
    for (unsigned int i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child == branch) break;
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      // Article headers open, by depth: the article's header holds its
      // headline; the page's header (a notice, a consent text) does not.
      std::vector<const GumboNode*> headers;
      WalkTree(
          child,
          [&](const GumboNode* node, int) {
            if (node->type != GUMBO_NODE_ELEMENT) return false;
            auto it = stats.find(node);
            if (it == stats.end() ||
                it->second.text_length < content_rules::kMinLeadLength) {
              return false;
            }
            // An author's box before the body holds a bio, not a lead.
            static const LazyRE2 kNotLead = {
                content_rules::kNotLeadClassPattern};
            if (ClassOrIdMatches(node, *kNotLead)) {
              return false;
            }
            if (is_lead(node, it->second, !headers.empty())) {
              found = node;
              return false;
            }
            if (it->second.holds_landmark) headers.push_back(node);
            return true;
          },
          [&](const GumboNode* node) {
            if (!headers.empty() && headers.back() == node) headers.pop_back();
          });
    }
    if (found != nullptr) return found;
  }
  return nullptr;
}

bool HasSentenceEnd(absl::string_view text) {
  for (const char* end : content_rules::kSentenceEnds) {
    if (absl::StrContains(text, end)) return true;
  }
  return false;
}

// The top candidate and those of its siblings that look like more of it.
std::vector<const GumboNode*> SelectContentNodes(
    const GumboNode* top, const StatsMap& stats,
    const content_rules::BiasRules& rules) {
  if (top->parent == nullptr || top->parent->type != GUMBO_NODE_ELEMENT) {
    return {top};
  }
  auto find = [&](const GumboNode* node) {
    auto it = stats.find(node);
    return it == stats.end() ? NodeStats() : it->second;
  };
  double top_score = find(top).score;
  double threshold = std::max(10.0, top_score * rules.min_sibling_score_share);
  // A container the page itself labels as the article ("entry", "content")
  // holds all of it: paragraphs beside it are notices and teasers.
  bool labelled_container = ClassWeight(top) > 0;
  std::vector<const GumboNode*> selected;
  const GumboVector& siblings = top->parent->v.element.children;
  for (unsigned int i = 0; i < siblings.length; ++i) {
    const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
    if (sibling == top) {
      selected.push_back(sibling);
      continue;
    }
    if (sibling->type != GUMBO_NODE_ELEMENT) continue;
    NodeStats s = find(sibling);
    if (ClassWeight(sibling) < 0) continue;
    bool keep = s.candidate && s.score >= threshold;
    if (!keep && !labelled_container &&
        (IsElement(sibling, GUMBO_TAG_P) ||
         IsElement(sibling, GUMBO_TAG_BLOCKQUOTE))) {
      double density = LinkDensity(s);
      if (s.text_length >= 80 && density < 0.25) keep = true;
      if (s.text_length > 0 && density == 0 &&
          HasSentenceEnd(TextContent(sibling))) {
        keep = true;
      }
    }
    if (IsElement(sibling, GUMBO_TAG_IMG) ||
        IsElement(sibling, GUMBO_TAG_FIGURE)) {
      keep = true;
    }
    if (keep) selected.push_back(sibling);
  }
  return selected;
}

// Turns the selected subtrees into blocks.
class BlockBuilder {
 public:
  BlockBuilder(const StatsMap& stats, const PageFacts& options,
               const content_rules::BiasRules& rules, const Skips& skips)
      : stats_(stats), options_(options), rules_(rules), skips_(skips) {}

  void Build(const GumboNode* root, bool is_top) {
    auto it = stats_.find(root);
    root_text_length_ = it == stats_.end() ? 0 : it->second.text_length;
    root_prose_length_ = it == stats_.end() ? 0 : Prose(it->second);
    WalkTree(
        root,
        [&](const GumboNode* node, int depth) {
          const size_t open = context_.size();
          if (!Enter(node, depth == 0 && is_top)) return false;
          pushed_.push_back(context_.size() > open);
          return true;
        },
        [&](const GumboNode* node) { Leave(node); });
    Flush();
  }

  std::vector<Block> TakeBlocks() { return std::move(blocks_); }

  // Whether subtrees classed as discussion ("comments") are dropped.
  void set_drop_discussions(bool drop) { drop_discussions_ = drop; }
  // Whether link-heavy lists are kept: on a listing they are the content.
  void set_keep_link_lists(bool keep) { keep_link_lists_ = keep; }
  // Code points of prose dropped as discussion so far.
  int discussion_prose() const { return discussion_prose_; }

 private:
  struct Context {
    BlockKind kind;
    int level;
    bool ordered;
    // Text here sits in a paragraph of its own, not loose in a container.
    bool paragraph = false;
  };

  bool Enter(const GumboNode* node, bool is_root) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      buffer_.append(node->v.text.text);
      return false;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    GumboTag tag = node->v.element.tag;
    if (skips_.Skipped(node) || skips_.Hidden(node)) return false;
    if (!is_root && (IsDialog(node) || IsBoilerplate(node))) return false;
    switch (tag) {
      case GUMBO_TAG_BR:
        if (context_.empty() || context_.back().kind == BlockKind::kParagraph) {
          Flush();
        } else {
          buffer_.push_back(' ');
        }
        return false;
      case GUMBO_TAG_IMG:
        Flush();
        AddImage(node, "");
        return false;
      case GUMBO_TAG_FIGURE:
        Flush();
        // A figure around a quote, a code listing or a table, without a
        // picture, is read like any other block, its caption a paragraph.
        if (!HasDescendant(node, GUMBO_TAG_IMG) &&
            (HasDescendant(node, GUMBO_TAG_BLOCKQUOTE) ||
             HasDescendant(node, GUMBO_TAG_PRE) ||
             HasDescendant(node, GUMBO_TAG_TABLE))) {
          return true;
        }
        AddFigure(node);
        return false;
      case GUMBO_TAG_TR:
        if (IsDataRow(node)) {
          Flush();
          AddTableRow(node);
          return false;
        }
        return true;
      default:
        break;
    }
    if (!IsBlockTag(tag)) return true;
    Flush();
    if (int level = HeadingLevel(tag); level > 0) {
      context_.push_back({BlockKind::kHeading, level, false});
    } else if (tag == GUMBO_TAG_LI) {
      bool ordered =
          node->parent != nullptr && IsElement(node->parent, GUMBO_TAG_OL);
      context_.push_back(
          {BlockKind::kListItem, std::max(0, list_depth_ - 1), ordered});
    } else if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) {
      ++list_depth_;
      context_.push_back({CurrentKind(), 0, false});
    } else if (tag == GUMBO_TAG_BLOCKQUOTE) {
      context_.push_back({BlockKind::kQuote, 0, false});
    } else if (tag == GUMBO_TAG_PRE) {
      context_.push_back({BlockKind::kCode, 0, false});
    } else {
      context_.push_back({CurrentKind(), CurrentLevel(), false,
                          tag == GUMBO_TAG_P || tag == GUMBO_TAG_FIGCAPTION});
    }
    return true;
  }

  // Pops what `node` pushed, and only that: a table row or a figure read
  // like any other block pushes nothing.
  void Leave(const GumboNode* node) {
    const bool pushed = pushed_.back();
    pushed_.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) return;
    GumboTag tag = node->v.element.tag;
    if (!IsBlockTag(tag) || context_.empty()) return;
    Flush();
    if (!pushed) return;
    if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) --list_depth_;
    context_.pop_back();
  }

  BlockKind CurrentKind() const {
    if (context_.empty()) return BlockKind::kParagraph;
    BlockKind kind = context_.back().kind;
    // A list item's nested blocks stay part of the item.
    return kind == BlockKind::kHeading ? BlockKind::kParagraph : kind;
  }
  int CurrentLevel() const {
    return context_.empty() ? 0 : context_.back().level;
  }

  // Whether `node` holds most of the root's text with few links, or the
  // headline or the <main> and much of the text: a content wrapper whatever
  // its class says ("main-wrapper sidebar-left", "container_wrap
  // sidebar_right").
  // A discussion thread (`discussion`) that merely outweighs the article
  // beside it is still the thread: it needs the headline or a larger share.
  bool HoldsTheContent(const GumboNode* node, bool discussion = false) const {
    auto it = stats_.find(node);
    if (it == stats_.end() || root_text_length_ == 0) return false;
    const double share = it->second.holds_landmark
                             ? content_rules::kMinContentShareKeptWithLandmark
                         : discussion
                             ? content_rules::kMinThreadShareKeptAsContent
                             : content_rules::kMinContentShareKeptDespiteClass;
    return it->second.text_length >= share * root_text_length_ &&
           LinkDensity(it->second) < 0.3;
  }

  bool HoldsMain(const GumboNode* node) const {
    auto it = stats_.find(node);
    return it != stats_.end() && it->second.holds_main;
  }

  bool IsBoilerplate(const GumboNode* node) {
    static const LazyRE2 kDrop = {content_rules::kDropClassPattern};
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_FORM) return IsFurnitureForm(node);
    // Inline elements (tag links, keyword spans) are part of the sentence
    // around them, whatever their class says.
    if (!IsBlockTag(tag)) return false;
    static const LazyRE2 kDiscussion = {content_rules::kDiscussionClassPattern};
    std::string classes = RoleClasses(Attribute(node, "class"));
    bool classed_as_boilerplate = false;
    bool classed_as_discussion = false;
    for (absl::string_view value :
         {absl::string_view(classes), Attribute(node, "id")}) {
      if (value.empty()) continue;
      if (RE2::PartialMatch(Piece(value), *kDrop)) {
        classed_as_boilerplate = true;
      } else if (RE2::PartialMatch(Piece(value), *kDiscussion)) {
        classed_as_discussion = true;
      }
    }
    // A layout box around the page's <main> ("fixed-sidebar", "has-nav")
    // names what sits beside the content, not what it holds.
    if (classed_as_boilerplate) {
      return !HoldsTheContent(node) && !HoldsMain(node);
    }
    if (classed_as_discussion && drop_discussions_ &&
        !HoldsTheContent(node, /*discussion=*/true)) {
      auto it = stats_.find(node);
      if (it != stats_.end()) discussion_prose_ += Prose(it->second);
      return true;
    }
    if (!keep_link_lists_ &&
        (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DIV ||
         tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_DL)) {
      auto it = stats_.find(node);
      if (it != stats_.end() && it->second.text_length > 0 &&
          LinkDensity(it->second) > rules_.max_container_link_density) {
        // A link-heavy wrapper around much of the prose is walked into: the
        // link lists inside it are dropped one by one.
        return Prose(it->second) <
               content_rules::kMinProseShareWalkedInto * root_prose_length_;
      }
    }
    return false;
  }

  // A comment, sign-up, login, search or rating form, by what it says it
  // does; not every form: ASP.NET wraps the whole page in one, Reddit each
  // comment, shops a product's description.
  bool IsFurnitureForm(const GumboNode* form) const {
    static const LazyRE2 kFurniture = {content_rules::kFurnitureFormPattern};
    bool furniture = false;
    ForEachAttribute(form, [&](absl::string_view name, const char* value) {
      furniture = (name == "action" || name == "id" || name == "class" ||
                   name == "name" || name == "role") &&
                  RE2::PartialMatch(value, *kFurniture);
      return !furniture;
    });
    return furniture && !HoldsTheContent(form);
  }

  static bool IsDataRow(const GumboNode* row) {
    bool has_cell = false;
    bool nested_block = false;
    WalkTree(row, [&](const GumboNode* node, int depth) {
      if (node->type != GUMBO_NODE_ELEMENT) return false;
      GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) has_cell = true;
      if (depth > 1 && (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV ||
                        tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_UL ||
                        tag == GUMBO_TAG_IMG)) {
        nested_block = true;
      }
      return !nested_block;
    });
    return has_cell && !nested_block;
  }

  void AddTableRow(const GumboNode* row) {
    Block block;
    block.kind = BlockKind::kTableRow;
    const GumboVector& cells = row->v.element.children;
    bool all_headers = true;
    for (unsigned int i = 0; i < cells.length; ++i) {
      const auto* cell = static_cast<const GumboNode*>(cells.data[i]);
      if (!IsElement(cell, GUMBO_TAG_TD) && !IsElement(cell, GUMBO_TAG_TH)) {
        continue;
      }
      if (!IsElement(cell, GUMBO_TAG_TH)) all_headers = false;
      block.cells.push_back(TextContent(cell));
    }
    if (block.cells.empty()) return;
    block.header_row = all_headers;
    std::string joined;
    for (const std::string& cell : block.cells) {
      if (cell.empty()) continue;
      if (!joined.empty()) joined += " ";
      joined += cell;
    }
    if (joined.empty()) return;
    block.text = joined;
    blocks_.push_back(std::move(block));
  }

  void AddImage(const GumboNode* img, std::string caption) {
    ImageSource source = PickImageSource(img);
    if (source.url.empty()) return;
    std::string url = ResolveUrl(options_.url.value, source.url);
    if (url.empty()) return;
    if (source.element != img && Attribute(img, "width").empty()) {
      img = source.element;  // the <noscript> copy carries the attributes
    }
    Block block;
    block.kind = BlockKind::kFigure;
    block.image.url = std::move(url);
    block.image.alt = CollapseWhitespace(Attribute(img, "alt"));
    block.image.width = ParseDimension(Attribute(img, "width"));
    block.image.height = ParseDimension(Attribute(img, "height"));
    if (block.image.width == 0) {
      block.image.width = ParseDimension(Attribute(img, "data-width"));
    }
    if (block.image.height == 0) {
      block.image.height = ParseDimension(Attribute(img, "data-height"));
    }
    // Tracking pixels and icons are not article images.
    if ((block.image.width > 0 && block.image.width < 50) ||
        (block.image.height > 0 && block.image.height < 50)) {
      return;
    }
    block.image.caption = caption;
    block.text = std::move(caption);
    blocks_.push_back(std::move(block));
  }

  void AddFigure(const GumboNode* figure) {
    const GumboNode* img = nullptr;
    const GumboNode* caption = nullptr;
    WalkTree(figure, [&](const GumboNode* node, int) {
      if (node->type != GUMBO_NODE_ELEMENT) return false;
      if (img == nullptr && IsElement(node, GUMBO_TAG_IMG)) img = node;
      if (caption == nullptr && IsElement(node, GUMBO_TAG_FIGCAPTION)) {
        caption = node;
      }
      return true;
    });
    std::string caption_text = caption ? TextContent(caption) : "";
    if (img != nullptr) {
      AddImage(img, caption_text);
    } else if (!caption_text.empty()) {
      blocks_.push_back({BlockKind::kParagraph, caption_text});
    }
  }

  void Flush() {
    if (buffer_.empty()) return;
    BlockKind kind =
        context_.empty() ? BlockKind::kParagraph : context_.back().kind;
    std::string text;
    if (kind == BlockKind::kCode) {
      text = std::string(absl::StripTrailingAsciiWhitespace(buffer_));
      size_t first = text.find_first_not_of('\n');
      text = first == std::string::npos ? "" : text.substr(first);
    } else {
      text = CollapseWhitespace(buffer_);
    }
    buffer_.clear();
    if (text.empty()) return;
    if (kind == BlockKind::kHeading && !title_dropped_ &&
        !options_.title.value.empty() &&
        CollapseWhitespace(options_.title.value) == text) {
      title_dropped_ = true;
      return;
    }
    if (IsLooseCaption(kind, text)) {
      blocks_.back().image.caption = text;
      blocks_.back().text = std::move(text);
      return;
    }
    Block block;
    block.kind = kind;
    block.text = std::move(text);
    block.level = context_.empty() ? 0 : context_.back().level;
    block.ordered = !context_.empty() && context_.back().ordered;
    blocks_.push_back(std::move(block));
  }

  // Short loose text right after an image, as CMSs write captions:
  // <div><img></div>Caption<p>...
  // A listing's line after a picture is its item's title, not a caption.
  bool IsLooseCaption(BlockKind kind, absl::string_view text) const {
    if (kind != BlockKind::kParagraph || blocks_.empty() || keep_link_lists_) {
      return false;
    }
    const Block& last = blocks_.back();
    if (last.kind != BlockKind::kFigure || !last.image.caption.empty()) {
      return false;
    }
    if (!context_.empty() && context_.back().paragraph) return false;
    return CodePointCount(text) <= content_rules::kMaxLooseCaptionLength;
  }

  const StatsMap& stats_;
  const PageFacts& options_;
  const content_rules::BiasRules& rules_;
  const Skips& skips_;
  std::vector<Context> context_;
  // For each element the walk is inside, whether it pushed a context.
  std::vector<bool> pushed_;
  std::vector<Block> blocks_;
  std::string buffer_;
  int list_depth_ = 0;
  int root_text_length_ = 0;
  int root_prose_length_ = 0;
  bool drop_discussions_ = true;
  bool keep_link_lists_ = false;
  int discussion_prose_ = 0;
  bool title_dropped_ = false;
};

size_t TextLength(const std::vector<Block>& blocks) {
  size_t length = 0;
  for (const Block& block : blocks) length += CodePointCount(block.text);
  return length;
}

// The declared body as paragraphs, when the
// extracted blocks hold next to no text and the declaration much more;
// otherwise nothing.
std::vector<Block> DeclaredBlocks(const std::vector<Block>& extracted,
                                  const PageFacts& options) {
  size_t extracted_length = TextLength(extracted);
  if (extracted_length >= content_rules::kMinExtractedTextLength) return {};
  absl::string_view declared = options.declared_body.value;
  if (CodePointCount(declared) <= 2 * extracted_length) return {};
  std::vector<Block> blocks;
  for (absl::string_view line : absl::StrSplit(declared, '\n')) {
    std::string text = CollapseWhitespace(line);
    if (text.empty()) continue;
    Block block;
    block.text = std::move(text);
    blocks.push_back(std::move(block));
  }
  return blocks;
}

const content_rules::BiasRules& RulesFor(v1::Bias bias) {
  switch (bias) {
    case v1::BIAS_PRECISION:
      return content_rules::kPrecisionBias;
    case v1::BIAS_RECALL:
      return content_rules::kRecallBias;
    default:
      return content_rules::kBalancedBias;
  }
}

bool IsEndOfArticleMarker(absl::string_view text) {
  std::string folded = AsciiLower(absl::StripAsciiWhitespace(text));
  // "Related articles:" and "【相关阅读】" mark the end as well.
  absl::string_view core = absl::StripSuffix(
      absl::StripSuffix(absl::StripPrefix(folded, "【"), "】"), ":");
  core = absl::StripSuffix(core, "：");
  for (absl::string_view marker : content_rules::kEndOfArticleMarkers) {
    if (core == marker) return true;
  }
  return false;
}

// A line that only dates the page ("Saturday, September 10th, 2005 10:56
// am", "2005-04-05 06:40更新", "Aktualisiert: 23.10.2018"): the date is
// metadata, read by the metadata stage, not part of the body.
bool IsDateline(absl::string_view text) {
  std::optional<ParsedDate> date =
      FindDate(text, DateHints(), /*allow_relative=*/false);
  if (!date) return false;
  return LetterCount(absl::StrReplaceAll(text, {{date->text, ""}})) <=
         content_rules::kMaxDatelineLetters;
}

// "Posted by Anna @ 2005-06-14 03:25 | 11 comments": the line that closes a
// post. On a blog's front page, what follows is the next post.
bool IsPostFooter(absl::string_view text) {
  static const LazyRE2 kCommentCount = {content_rules::kCommentCountPattern};
  return RE2::PartialMatch(Piece(text), *kCommentCount) &&
         FindDate(text, DateHints(), /*allow_relative=*/false).has_value();
}

// A line that names the article's authors and says little else ("By Jane
// Doe", "von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr", "Publicado
// por Alberto González"): the byline, which is metadata.
bool IsByline(absl::string_view text, const std::vector<std::string>& authors) {
  std::string rest(text);
  bool named = false;
  for (const std::string& author : authors) {
    if (CodePointCount(author) < content_rules::kMinBylineNameLength) continue;
    size_t at = rest.find(author);
    if (at == std::string::npos) continue;
    rest.erase(at, author.size());
    named = true;
  }
  if (!named) return false;
  if (std::optional<ParsedDate> date =
          FindDate(rest, DateHints(), /*allow_relative=*/false)) {
    rest = absl::StrReplaceAll(rest, {{date->text, ""}});
  }
  return LetterCount(rest) <= content_rules::kMaxBylineLetters;
}

// Drops page furniture lines inside the article and everything after an
// end-of-article marker ("相关阅读", "Related articles"), and the byline
// when it stands near the top.
void DropBoilerplateLines(const std::vector<std::string>& authors,
                          std::vector<Block>* blocks) {
  static const LazyRE2 kFurniture = {content_rules::kBoilerplateLinePattern};
  static const LazyRE2 kFurniturePhrase = {
      content_rules::kBoilerplatePhrasePattern};
  static const LazyRE2 kCaption = {content_rules::kCaptionCreditPattern};
  // One or two datelines date the article; more date posts of a thread or
  // entries of a list, and stay with them.
  std::vector<size_t> lengths(blocks->size());
  std::vector<bool> dateline(blocks->size(), false);
  size_t datelines = 0;
  for (size_t i = 0; i < blocks->size(); ++i) {
    const Block& block = (*blocks)[i];
    lengths[i] = CodePointCount(block.text);
    if (block.kind == BlockKind::kParagraph &&
        lengths[i] <= content_rules::kMaxDatelineLength &&
        IsDateline(block.text)) {
      dateline[i] = true;
      ++datelines;
    }
  }
  const bool drop_datelines = datelines <= content_rules::kMaxDatelinesDropped;
  std::vector<Block> kept;
  size_t text_so_far = 0;
  for (size_t i = 0; i < blocks->size(); ++i) {
    Block& block = (*blocks)[i];
    if (block.kind == BlockKind::kFigure) {
      kept.push_back(std::move(block));
      continue;
    }
    const size_t length = lengths[i];
    if (length <= content_rules::kMaxBoilerplateLineLength) {
      if (text_so_far >= content_rules::kMinTextBeforeEndMarker &&
          IsEndOfArticleMarker(block.text)) {
        break;
      }
      if (text_so_far >= content_rules::kMinTextBeforePostFooter &&
          IsPostFooter(block.text)) {
        break;
      }
      if (RE2::FullMatch(Piece(block.text), *kFurniture) ||
          RE2::PartialMatch(Piece(block.text), *kFurniturePhrase)) {
        continue;
      }
      if (drop_datelines && dateline[i]) continue;
      if (length <= content_rules::kMaxCaptionLength &&
          RE2::PartialMatch(Piece(block.text), *kCaption)) {
        continue;
      }
      if (text_so_far < content_rules::kMaxTextBeforeByline &&
          IsByline(block.text, authors)) {
        continue;
      }
    }
    text_so_far += length;
    kept.push_back(std::move(block));
  }
  *blocks = std::move(kept);
}

bool EndsLikeASentence(absl::string_view text) {
  text = absl::StripTrailingAsciiWhitespace(text);
  for (absl::string_view end : {"!", "?", "！", "？", "…"}) {
    if (absl::EndsWith(text, end)) return true;
  }
  return false;
}

// Short lines that are not sentences after the article's last paragraph
// ("Share", "Tags: x, y", "Next post", a teaser's title) are the page's
// furniture, when the article before them is long enough to stand alone.
void TrimTrailingFurniture(std::vector<Block>* blocks) {
  size_t end = blocks->size();
  size_t trimmed_text = 0;
  while (end > 0) {
    const Block& block = (*blocks)[end - 1];
    if (block.kind == BlockKind::kFigure || block.kind == BlockKind::kCode ||
        block.kind == BlockKind::kTableRow) {
      break;
    }
    const size_t length = CodePointCount(block.text);
    if (length > content_rules::kMaxTrailingFurnitureLength ||
        HasSentenceEnd(block.text) || EndsLikeASentence(block.text)) {
      break;
    }
    trimmed_text += length;
    --end;
  }
  if (end == blocks->size() ||
      TextLength(*blocks) - trimmed_text < content_rules::kMinTextBeforeTrim) {
    return;
  }
  blocks->resize(end);
}

// Elements under `top` hidden by their markup that hold most of the page's
// text: a wrapper that a script shows once the page has loaded (a shop's
// password gate, an anti-flicker snippet). A reader sees them; a notice or an
// alternative text hidden beside the content stays hidden.
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

absl::StatusOr<std::vector<Block>> ExtractBlocks(const Dom& dom,
                                                 const PageFacts& options,
                                                 v1::Bias bias,
                                                 absl::Time deadline) {
  Skips skips;
  skips.read_anyway = ReadAnyway(dom.body(), options.title.value);
  StatsMap stats = MeasureTree(dom.body(), skips);
  if (stats[dom.body()].text_length < content_rules::kMinScriptedPageText) {
    Skips with_noscript = skips;
    with_noscript.read_noscript = true;
    StatsMap stats_with_noscript = MeasureTree(dom.body(), with_noscript);
    if (stats_with_noscript[dom.body()].text_length >
        2 * stats[dom.body()].text_length) {
      skips = std::move(with_noscript);
      stats = std::move(stats_with_noscript);
    }
  }
  ScoreCandidates(dom.body(), skips, &stats);
  if (absl::Now() > deadline) {
    return absl::DeadlineExceededError(
        "deadline passed while scoring the page's content");
  }
  const content_rules::BiasRules& rules = RulesFor(bias);
  const GumboNode* top = WidenToArticle(PickTopCandidate(dom.body(), &stats),
                                        dom.body(), stats, rules);
  // The blocks below `root`, with the article's lead when it stands outside
  // and there is a body for it to lead.
  auto build = [&](const GumboNode* root, bool drop_discussions,
                   int* discussion_prose, bool listing = false) {
    BlockBuilder builder(stats, options, rules, skips);
    builder.set_drop_discussions(drop_discussions);
    builder.set_keep_link_lists(listing);
    std::vector<const GumboNode*> selected =
        SelectContentNodes(root, stats, rules);
    for (const GumboNode* node : selected) {
      builder.Build(node, node == root);
    }
    *discussion_prose = builder.discussion_prose();
    std::vector<Block> blocks = builder.TakeBlocks();
    const GumboNode* lead = FindLead(root, dom.body(), stats);
    if (lead == nullptr || IsInside(lead, selected) ||
        TextLength(blocks) < content_rules::kMinExtractedTextLength) {
      return blocks;
    }
    BlockBuilder lead_builder(stats, options, rules, skips);
    lead_builder.Build(lead, false);
    std::vector<Block> with_lead = lead_builder.TakeBlocks();
    std::move(blocks.begin(), blocks.end(), std::back_inserter(with_lead));
    return with_lead;
  };
  auto drop_furniture = [&](std::vector<Block>* blocks) {
    DropBoilerplateLines(options.authors.value, blocks);
    if (rules.trim_trailing_lines) TrimTrailingFurniture(blocks);
  };
  // Forum posts are often classed as comments: when the discussion holds
  // much more prose than the rest, the discussion is the page.
  int discussion_prose = 0;
  std::vector<Block> blocks = build(top, true, &discussion_prose);
  if (static_cast<size_t>(discussion_prose) >
      content_rules::kMinDiscussionShareKept * TextLength(blocks)) {
    blocks = build(top, false, &discussion_prose);
  }
  drop_furniture(&blocks);
  if (TextLength(blocks) < content_rules::kMinExtractedTextLength) {
    skips.shown_anyway = ShownByScript(top, dom.body(), stats, skips);
    if (!skips.shown_anyway.empty()) {
      blocks = build(top, true, &discussion_prose);
      drop_furniture(&blocks);
    }
  }
  if (std::vector<Block> declared = DeclaredBlocks(blocks, options);
      !declared.empty()) {
    return declared;
  }
  // The first pass found next to nothing (its winner sat in a box that the
  // block pass drops, a consent dialog's tabs): read the whole page, with
  // the page furniture dropped as usual, when that gives much more.
  const size_t found = TextLength(blocks);
  if (found < content_rules::kMinExtractedTextLength && top != dom.body()) {
    std::vector<Block> whole = build(dom.body(), true, &discussion_prose);
    drop_furniture(&whole);
    const size_t whole_length = TextLength(whole);
    if (whole_length >= content_rules::kMinExtractedTextLength &&
        whole_length > 2 * found) {
      return whole;
    }
  }
  // A page that gave a few lines is a listing or a shop's category (the
  // votes crowned its intro, not the grid of items): its main area, read
  // whole with the furniture dropped, when that gives much more.
  if (found < content_rules::kMaxListingIntroText) {
    // The page's main area; the crowned container itself when it holds that
    // area (its grid was dropped as link lists). The measured text bounds
    // what a build can give: most pages stop here.
    const GumboNode* area = MainArea(dom.body());
    if (top != dom.body() && IsInside(area, {top})) area = top;
    const bool dated = options.published.found();
    const size_t gain = dated ? content_rules::kMinDatedListingGain
                              : content_rules::kMinListingGain;
    auto measured = stats.find(area);
    if ((!dated || area != dom.body()) && measured != stats.end() &&
        static_cast<size_t>(measured->second.text_length) >= gain * found) {
      std::vector<Block> whole =
          build(area, true, &discussion_prose, /*listing=*/true);
      drop_furniture(&whole);
      if (TextLength(whole) >= gain * found) return whole;
    }
  }
  return blocks;
}

}  // namespace

absl::StatusOr<Body> ExtractContent(const Dom& dom, const PageFacts& facts,
                                    v1::Bias bias, absl::Time deadline) {
  absl::StatusOr<std::vector<Block>> blocks =
      ExtractBlocks(dom, facts, bias, deadline);
  if (!blocks.ok()) return blocks.status();
  Body body;
  body.blocks = *std::move(blocks);
  for (const Block& block : body.blocks) {
    if (block.kind == BlockKind::kFigure) body.images.push_back(block.image);
  }
  return body;
}

}  // namespace lede::engine
