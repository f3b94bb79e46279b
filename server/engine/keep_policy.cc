#include "server/engine/keep_policy.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"
#include "server/engine/dom.h"
#include "server/engine/text_util.h"

namespace lede::engine::content {

Verdict KeepPolicy::Judge(const GumboNode* element, const NodeStats& root,
                          bool is_root) const {
  if (skips_.LeftOutOfText(element, is_root)) return Verdict::kDrop;
  if (is_root) return Verdict::kKeep;
  if (MayBeDialog(element) && IsDialog(element)) return Verdict::kDrop;
  return JudgeByClass(element, root);
}

// MeasureTree asked IsDialog of every element it entered outside a dialog,
// and marked the dialogs and what is inside them (in_dialog): an element it
// measured unmarked is none, and is not asked again (the question reads
// every byte of its class and id). Besides the elements that walk entered,
// the map holds only the candidates ScoreCandidates adds above the <body>:
// the <html> element, never a dialog.
bool KeepPolicy::MayBeDialog(const GumboNode* element) const {
  auto it = stats_.find(element);
  return it == stats_.end() || it->second.in_dialog;
}

NodeStats KeepPolicy::StatsOf(const GumboNode* element) const {
  auto it = stats_.find(element);
  return it == stats_.end() ? NodeStats() : it->second;
}

namespace {

// Whether the element's aria-label names it as the page's furniture
// (content_rules::kFurnitureAriaLabels), whatever its class says.
bool LabelledAsFurniture(const GumboNode* element) {
  const absl::string_view label =
      absl::StripAsciiWhitespace(Attribute(element, "aria-label"));
  if (label.empty()) return false;
  for (absl::string_view furniture : content_rules::kFurnitureAriaLabels) {
    if (absl::EqualsIgnoreCase(label, furniture)) return true;
  }
  return false;
}

// Whether the element carries an attribute by which the page tells search
// engines that it is not the page's text (content_rules::
// kNotContentAttributes).
bool MarkedNotContent(const GumboNode* element) {
  for (const char* name : content_rules::kNotContentAttributes) {
    if (FindAttribute(element, name) != nullptr) return true;
  }
  return false;
}

}  // namespace

// Boilerplate by its class or id, readers' discussion, a furniture form, a
// list of links.
Verdict KeepPolicy::JudgeByClass(const GumboNode* element,
                                 const NodeStats& root) const {
  const GumboTag tag = element->v.element.tag;
  if (tag == GUMBO_TAG_FORM) {
    return IsFurnitureForm(element, root) ? Verdict::kDrop : Verdict::kKeep;
  }
  // Inline elements (tag links, keyword spans) are part of the sentence
  // around them, whatever their class says.
  if (!IsBlockTag(tag)) return Verdict::kKeep;
  if (LabelledAsFurniture(element)) return Verdict::kDrop;
  const unsigned says = classes_->Says(Attribute(element, "class"), true) |
                        classes_->Says(Attribute(element, "id"), false);
  const bool classed_as_boilerplate =
      (says & kSaysBoilerplate) != 0 || MarkedNotContent(element);
  const bool classed_as_discussion = (says & kSaysDiscussion) != 0;
  // A layout box around the page's <main> ("fixed-sidebar", "has-nav")
  // names what sits beside the content, not what it holds.
  if (classed_as_boilerplate) {
    return HoldsTheContent(element, root) || StatsOf(element).holds_main
               ? Verdict::kKeep
               : Verdict::kDrop;
  }
  if (classed_as_discussion && options_.drop_discussions &&
      !HoldsTheContent(element, root, /*discussion=*/true)) {
    return Verdict::kDropDiscussion;
  }
  return IsLinkList(element, root) ? Verdict::kDropLinkList : Verdict::kKeep;
}

// A link-heavy container, unless the walk is reading a listing. One around
// much of the prose is walked into: the link lists inside it are dropped
// one by one.
bool KeepPolicy::IsLinkList(const GumboNode* element,
                            const NodeStats& root) const {
  const GumboTag tag = element->v.element.tag;
  if (options_.keep_link_lists ||
      (tag != GUMBO_TAG_UL && tag != GUMBO_TAG_OL && tag != GUMBO_TAG_DIV &&
       tag != GUMBO_TAG_TABLE && tag != GUMBO_TAG_DL)) {
    return false;
  }
  auto it = stats_.find(element);
  if (it == stats_.end() || it->second.text_length == 0 ||
      LinkDensity(it->second) <= rules_.max_container_link_density) {
    return false;
  }
  return Prose(it->second) <
         content_rules::kMinProseShareWalkedInto * Prose(root);
}

// Whether `element` holds most of the root's text with few links, or the
// headline or the <main> and much of the text: a content wrapper whatever
// its class says ("main-wrapper sidebar-left", "container_wrap
// sidebar_right"). A discussion thread (`discussion`) that merely outweighs
// the article beside it is still the thread: it needs the headline or a
// larger share.
bool KeepPolicy::HoldsTheContent(const GumboNode* element,
                                 const NodeStats& root, bool discussion) const {
  auto it = stats_.find(element);
  if (it == stats_.end() || root.text_length == 0) return false;
  const double share = it->second.holds_landmark
                           ? content_rules::kMinContentShareKeptWithLandmark
                       : discussion
                           ? content_rules::kMinThreadShareKeptAsContent
                           : content_rules::kMinContentShareKeptDespiteClass;
  return it->second.text_length >= share * root.text_length &&
         LinkDensity(it->second) < 0.3;
}

bool SaysItIsFurniture(const GumboNode* form) {
  static const LazyRE2 kFurniture = {content_rules::kFurnitureFormPattern};
  bool furniture = false;
  ForEachAttribute(form, [&](AttributeName name, const char* value) {
    furniture = (name == "action" || name == "id" || name == "class" ||
                 name == "name" || name == "role") &&
                RE2::PartialMatch(value, *kFurniture);
    return !furniture;
  });
  return furniture;
}

// A form that says it is furniture, unless it holds the content: ASP.NET
// wraps the whole page in one, Reddit each comment, shops a product's
// description.
bool KeepPolicy::IsFurnitureForm(const GumboNode* form,
                                 const NodeStats& root) const {
  return SaysItIsFurniture(form) && !HoldsTheContent(form, root);
}

}  // namespace lede::engine::content
