// What the content stage keeps of the tree: the elements a walk enters and
// those it leaves out, with why. Internal to the content stage.
#ifndef LEDE_SERVER_ENGINE_KEEP_POLICY_H_
#define LEDE_SERVER_ENGINE_KEEP_POLICY_H_

#include <gumbo.h>

#include "server/engine/class_readings.h"
#include "server/engine/content_rules.h"
#include "server/engine/content_tree.h"

namespace lede::engine::content {

enum class Verdict {
  kKeep,
  kDrop,            // not the article's: skipped, hidden, a dialog, boilerplate
  kDropDiscussion,  // readers' comments, dropped as asked
  kDropLinkList,    // a list of links, kept after a sentence leading into it
};

struct KeepOptions {
  // Whether subtrees classed as discussion ("comments") are dropped.
  bool drop_discussions = true;
  // Whether link-heavy lists are kept: on a listing they are the content.
  bool keep_link_lists = false;
};

// Whether `form` says it is a comment, sign-up, login, search or rating
// form (its action, id, class, name or role: kFurnitureFormPattern).
bool SaysItIsFurniture(const GumboNode* form);

// Decides, element by element, what a walk of one subtree keeps. Pure: it
// reads the measures and changes nothing.
class KeepPolicy {
 public:
  // `classes`: the page's class readings, which the policy adds to.
  KeepPolicy(const StatsMap& stats, const Skips& skips,
             const content_rules::BiasRules& rules, KeepOptions options,
             ClassReadings* classes)
      : stats_(stats),
        skips_(skips),
        rules_(rules),
        options_(options),
        classes_(classes) {}

  // The verdict on `element` in a walk of the subtree `root` measures
  // (`is_root`: the element is the crowned container itself, kept whatever
  // its class says).
  Verdict Judge(const GumboNode* element, const NodeStats& root,
                bool is_root) const;

  // What `element` measures; zeros for an element not measured.
  NodeStats StatsOf(const GumboNode* element) const;

  const KeepOptions& options() const { return options_; }

 private:
  // False for an element the measures say is no dialog (IsDialog).
  bool MayBeDialog(const GumboNode* element) const;
  Verdict JudgeByClass(const GumboNode* element, const NodeStats& root) const;
  bool IsLinkList(const GumboNode* element, const NodeStats& root) const;
  bool HoldsTheContent(const GumboNode* element, const NodeStats& root,
                       bool discussion = false) const;
  bool IsFurnitureForm(const GumboNode* form, const NodeStats& root) const;

  const StatsMap& stats_;
  const Skips& skips_;
  const content_rules::BiasRules& rules_;
  KeepOptions options_;
  // A cache of what the page's class and id values say, shared by the
  // walks of a page: Judge still changes nothing it reads.
  ClassReadings* classes_;
};

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_KEEP_POLICY_H_
