// The page as the content stage reads it: what each element holds (text,
// links, punctuation), what the walks leave out, and the questions every
// pass asks of an element or a text. Internal to the content stage.
#ifndef LEDE_SERVER_ENGINE_CONTENT_TREE_H_
#define LEDE_SERVER_ENGINE_CONTENT_TREE_H_

#include <gumbo.h>

#include <cstddef>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"

namespace lede::engine::content {

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

// Code points of text outside links.
inline int Prose(const NodeStats& stats) {
  return stats.text_length - stats.link_length;
}

inline double LinkDensity(const NodeStats& stats) {
  return stats.text_length == 0
             ? 0
             : static_cast<double>(stats.link_length) / stats.text_length;
}

// What the walks leave out: elements that are never the article's text
// (scripts, navigation, form controls; <noscript> unless `read_noscript`,
// for pages whose text sits only there), except those in `read_anyway`
// (ReadAnyway); and elements hidden by the page's markup, except those in
// `shown_anyway` (ShownByScript); and the elements in `left_out`, whatever
// they are (the parts of a reader's comment around its text).
// `field_labels` (FieldLabels) are left out of the text only: the
// measures still count them, since a shop's options sit beside its
// product's description, and the container that holds both is the one to
// read (tuned on WCXB dev's half A: left out of the measures too, they
// moved the body off three products' descriptions).
struct Skips {
  bool read_noscript = false;
  std::vector<const GumboNode*> read_anyway;
  std::vector<const GumboNode*> shown_anyway;
  absl::flat_hash_set<const GumboNode*> left_out;
  absl::flat_hash_set<const GumboNode*> field_labels;

  bool Skipped(const GumboNode* element) const;
  bool Hidden(const GumboNode* element) const;
  // Whether a walk for the page's text leaves `element` out: Skipped,
  // Hidden, or one of `field_labels`, unless it is the walk's `root`, which
  // is read whatever it labels. The one test of every walk that reads text
  // (KeepPolicy::Judge, the comments', the list's entries').
  bool LeftOutOfText(const GumboNode* element, bool root = false) const;
};

// Skipped elements that hold the article all the same: an <aside> around an
// <h1> that states `title`, and a <noscript> copy of content a script
// renders. `noscripts_and_h1s`: the document's <noscript> and <h1> elements
// in document order (Dom::noscripts_and_h1s); those a walk from `body`
// reaches are read, as it reaches them: below the body, inside no <noscript>,
// <h1> or <template>.
std::vector<const GumboNode*> ReadAnyway(
    const GumboNode* body,
    const std::vector<const GumboNode*>& noscripts_and_h1s,
    absl::string_view title);

// An element the measuring walk entered, with its tag.
struct EnteredElement {
  const GumboNode* node;
  GumboTag tag;
};

// Text and link lengths of every element under `body`, bottom up; a dialog's
// text counts for the dialog, not for the page around it. `entered`, when
// given, gets the elements the walk entered (`body` and those below it that
// `skips` leaves in, below none it leaves out), in document order: a later
// pass over the same elements reads them from there instead of walking the
// tree again, whose nodes (spread over the parser's arena) have left the
// cache by then. `elements`, when given, is about how many elements the
// walk will enter at most (Dom::element_count): the map and `entered` are
// sized once, instead of growing and copying their entries as they fill.
StatsMap MeasureTree(const GumboNode* body, const Skips& skips,
                     std::vector<EnteredElement>* entered = nullptr,
                     size_t elements = 0);

// The <label>s among `entered` (MeasureTree's, under `body`) that name a
// field the page sends among `fields` (Dom::fields: a named <select>,
// <textarea> or <input> but kUnseenInputTypes): the innermost label around
// one below `body`, or one whose `for` is its id. Each element above a
// field is looked at once.
absl::flat_hash_set<const GumboNode*> FieldLabels(
    const GumboNode* body, const std::vector<const GumboNode*>& fields,
    const std::vector<EnteredElement>& entered);

// Elements under `top` hidden by their markup that hold most of the page's
// text: a wrapper a script shows once the page has loaded.
std::vector<const GumboNode*> ShownByScript(const GumboNode* top,
                                            const GumboNode* body,
                                            const StatsMap& stats,
                                            const Skips& skips);

// A dialog over the page: a consent manager, a sign-up or login modal, a
// tooltip, a popover, a script's status message (content_rules::kPopupRoles).
bool IsDialog(const GumboNode* element);

// 1 to 6 for <h1> to <h6>, 0 for other tags.
int HeadingLevel(GumboTag tag);

// Code points of `text` that are not ASCII white space.
int CountNonSpaceCodePoints(absl::string_view text);

// An <a> with an href. A named anchor (<a name=top>) left open swallows the
// rest of the page in the parser's tree, and it links nowhere.
bool IsLink(const GumboNode* node);

// Whether `text` holds the end of a sentence (content_rules::kSentenceEnds).
bool HasSentenceEnd(absl::string_view text);

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_CONTENT_TREE_H_
