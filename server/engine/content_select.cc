#include "server/engine/content_select.h"

#include <algorithm>
#include <string>

#include "re2/re2.h"
#include "server/engine/dom.h"
#include "server/engine/role_classes.h"
#include "server/engine/text_util.h"

namespace lede::engine::content {
namespace {

bool IsParagraphLike(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD ||
         tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_SECTION;
}

double ClassWeight(const GumboNode* node, ClassReadings* classes) {
  return classes->Weight(Attribute(node, "class"), /*of_class=*/true) +
         classes->Weight(Attribute(node, "id"), /*of_class=*/false);
}

// A class that names the content ("popup-content") is believed in
// proportion to the text it holds: a 33-character pop-up must not outscore
// the article on its two class words.
double CandidateClassWeight(const GumboNode* node, const NodeStats& stats,
                            ClassReadings* classes) {
  double weight = ClassWeight(node, classes);
  if (weight <= 0) return weight;
  return weight * std::min(1.0, stats.text_length /
                                    content_rules::kMinTextForFullClassWeight);
}

// Readability's weights: articles and divisions hold prose, lists and
// headings seldom do.
double TagWeight(GumboTag tag) {
  if (HeadingLevel(tag) > 0) return -5;
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
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

}  // namespace

void ScoreCandidates(const std::vector<EnteredElement>& elements,
                     ClassReadings* classes, StatsMap* stats) {
  for (const auto& [node, tag] : elements) {
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
      continue;
    }
    double vote = 1 + own.punctuation + std::min(3.0, own.text_length / 100.0);
    int level = 0;
    for (const GumboNode* up = node->parent;
         up != nullptr && up->type == GUMBO_NODE_ELEMENT && level < 3;
         up = up->parent, ++level) {
      NodeStats& s = (*stats)[up];
      if (!s.candidate) {
        s.candidate = true;
        s.score =
            TagWeight(up->v.element.tag) + CandidateClassWeight(up, s, classes);
      }
      s.score += level == 0 ? vote : vote / (level * 2.0);
    }
  }
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

bool IsInside(const GumboNode* node,
              const std::vector<const GumboNode*>& roots) {
  for (const GumboNode* up = node; up != nullptr; up = up->parent) {
    if (std::find(roots.begin(), roots.end(), up) != roots.end()) return true;
  }
  return false;
}

namespace {

// What `find` finds in the elements before `top`: its ancestors' earlier
// children, kMaxLeadLevelsUp levels up, the nearest level first. At the
// first level where `find` gives an element for one of them, the last it
// gives (the nearest to `top`); nullptr when it gives none.
template <typename Find>
const GumboNode* FindBefore(const GumboNode* top, const GumboNode* body,
                            Find find) {
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
      if (const GumboNode* in_child = find(child)) found = in_child;
    }
    if (found != nullptr) return found;
  }
  return nullptr;
}

}  // namespace

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
  return FindBefore(top, body, [&](const GumboNode* child) {
    const GumboNode* found = nullptr;
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
          static const LazyRE2 kNotLead = {content_rules::kNotLeadClassPattern};
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
    return found;
  });
}

namespace {

// The first <h1> below `node`, or nullptr.
const GumboNode* FirstH1(const GumboNode* node) {
  const GumboNode* h1 = nullptr;
  WalkTree(node, [&](const GumboNode* n, int) {
    if (h1 != nullptr || n->type != GUMBO_NODE_ELEMENT) return false;
    if (n->v.element.tag == GUMBO_TAG_H1) h1 = n;
    return h1 == nullptr;
  });
  return h1;
}

}  // namespace

const GumboNode* FindIntro(const GumboNode* top, const GumboNode* body,
                           const StatsMap& stats) {
  auto prose = [&](const GumboNode* node) {
    auto it = stats.find(node);
    return it == stats.end() ? 0 : Prose(it->second);
  };
  return FindBefore(top, body, [&](const GumboNode* child) {
    const GumboNode* h1 = FirstH1(child);
    return h1 != nullptr &&
                   prose(child) - prose(h1) >= content_rules::kMinIntroProse
               ? child
               : nullptr;
  });
}

std::vector<const GumboNode*> SelectContentNodes(
    const GumboNode* top, const StatsMap& stats,
    const content_rules::BiasRules& rules, ClassReadings* classes) {
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
  // holds all of its body: paragraphs after it are notices and teasers, and
  // only classed ones before it join it, as its lead (content_rules.h, beside
  // kMinSiblingParagraphText).
  bool labelled_container = ClassWeight(top, classes) > 0;
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
    if (ClassWeight(sibling, classes) < 0) continue;
    bool keep = s.candidate && s.score >= threshold;
    const bool may_join_as_paragraph =
        !labelled_container ||
        (selected.empty() && !Attribute(sibling, "class").empty());
    if (!keep && may_join_as_paragraph &&
        (IsElement(sibling, GUMBO_TAG_P) ||
         IsElement(sibling, GUMBO_TAG_BLOCKQUOTE))) {
      double density = LinkDensity(s);
      if (s.text_length >= content_rules::kMinSiblingParagraphText &&
          density < content_rules::kMaxSiblingParagraphLinkDensity) {
        keep = true;
      }
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

}  // namespace lede::engine::content
