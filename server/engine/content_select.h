// Where the article is: paragraphs vote for the containers above them
// (Readability's method), the winner widens to the whole article, and its
// siblings that look like more of it join it. Internal to the content stage.
#ifndef LEDE_SERVER_ENGINE_CONTENT_SELECT_H_
#define LEDE_SERVER_ENGINE_CONTENT_SELECT_H_

#include <gumbo.h>

#include <vector>

#include "server/engine/class_readings.h"
#include "server/engine/content_rules.h"
#include "server/engine/content_tree.h"

namespace lede::engine::content {

// Paragraph-like elements among `elements` (what MeasureTree entered, in
// document order) vote for their ancestors: marks the candidates in `stats`
// and adds up their scores, weighed by their class and id (`classes`: the
// page's readings of them).
void ScoreCandidates(const std::vector<EnteredElement>& elements,
                     ClassReadings* classes, StatsMap* stats);

// The candidate with the best score once weighed by its link density (the
// scores in `stats` become the weighed ones); `body` when there is none.
const GumboNode* PickTopCandidate(const GumboNode* body, StatsMap* stats);

// The ancestor of `top`, up to `body`, that gains the most text outside
// links against the link text it takes in: the whole article, when the
// votes crowned one of its sections.
const GumboNode* WidenToArticle(const GumboNode* top, const GumboNode* body,
                                const StatsMap& stats,
                                const content_rules::BiasRules& rules);

// `top` and those of its siblings that look like more of it, in document
// order (`classes`: the page's readings of class and id values).
std::vector<const GumboNode*> SelectContentNodes(
    const GumboNode* top, const StatsMap& stats,
    const content_rules::BiasRules& rules, ClassReadings* classes);

// The article's lead ("standfirst") when it stands before `top`, outside
// it, in the article's header; nullptr when there is none.
const GumboNode* FindLead(const GumboNode* top, const GumboNode* body,
                          const StatsMap& stats);

// A page's intro outside the body's container `top`: the nearest element
// before it (in its ancestors' earlier children, kMaxLeadLevelsUp levels
// up) that holds the page's <h1> and, beside it, at least kMinIntroProse
// code points of prose: documentation heads its sections with the
// headline and the paragraphs that say what the page covers. nullptr when
// there is none.
const GumboNode* FindIntro(const GumboNode* top, const GumboNode* body,
                           const StatsMap& stats);

// The page's <main> (or role="main"), else its <body>.
const GumboNode* MainArea(const GumboNode* body);

// Whether `node` is one of `roots` or inside one.
bool IsInside(const GumboNode* node,
              const std::vector<const GumboNode*>& roots);

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_CONTENT_SELECT_H_
