// Part of stage 3, parse: an attribute written twice in one start tag. The
// HTML standard keeps the first and drops the repeat, and so does gumbo,
// but when it records no parse errors (as the engine runs it: gumbo_arena.h)
// it forgets to clear a dropped name that has no value, and reads the next
// attribute's name as the two run together: <div class=k hidden hidden id=q>
// gives the div an attribute "hiddenid" and no id. So the pre-scan
// (nesting.h) lists those repeats, the parse gives gumbo the page with each
// one's name blanked (white space between attributes, where the standard
// drops it), and then checks in the tree that each blank lay in an
// element's start tag, outside its attributes; when one did not, it parses
// the page as sent.
#ifndef LEDE_SERVER_ENGINE_REPEATED_ATTRIBUTES_H_
#define LEDE_SERVER_ENGINE_REPEATED_ATTRIBUTES_H_

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace lede::engine {

// Bytes [begin, end) of a document.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};

// An attribute of a start tag as the pre-scan reads it: views into the
// document, the value without its quotes.
struct TagAttribute {
  absl::string_view name;
  absl::string_view value;
  bool has_value = false;
};

// Appends to `repeats` the names, as ranges of `html`, of the attributes of
// one start tag (`attributes`, in the order written, views into `html`)
// that have no value, repeat a name written before them in the tag, and
// have another attribute after them. Names are alike as gumbo reads them:
// ASCII letters without case. Left unlisted (gumbo then runs the names
// together, as without the blank): repeats on a tag with a NUL in a name,
// where gumbo's names are not the scan's, and two names that differ in
// bytes that are not UTF-8, which gumbo reads alike as U+FFFD. Linear in
// the attributes, give or take hashing.
void FindRepeatedAttributeNames(absl::string_view html,
                                absl::Span<const TagAttribute> attributes,
                                std::vector<ByteRange>* repeats);

// An attribute name blanked: where it was, and the name as gumbo reads it.
struct BlankedName {
  ByteRange range;
  std::string name;
};

// Overwrites each of `names` (ascending ranges of `html`, as
// FindRepeatedAttributeNames lists them) with spaces, and returns them.
std::vector<BlankedName> BlankAttributeNames(absl::Span<const ByteRange> names,
                                             std::string* html);

// Finds blanked names in the tree gumbo parsed from the page that holds
// them. Each must lie in the start tag of an element, outside its
// attributes and after one of the same name: then the page as sent, where
// the name stood there, repeated that attribute, which the standard drops.
class BlankCheck {
 public:
  // `blanks` ascending, their ranges offsets of the page gumbo parsed.
  explicit BlankCheck(std::vector<BlankedName> blanks);

  // Counts the blanks in `element`'s start tag that are where they must be.
  void VisitElement(const GumboNode* element) {
    if (!blanks_.empty()) CountBlanksIn(element);  // most pages have none
  }
  // Whether every blank was found so.
  bool AllFound() const { return found_ == blanks_.size(); }

 private:
  void CountBlanksIn(const GumboNode* element);

  std::vector<BlankedName> blanks_;
  absl::flat_hash_set<size_t> tags_checked_;  // by their offsets
  size_t found_ = 0;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_REPEATED_ATTRIBUTES_H_
