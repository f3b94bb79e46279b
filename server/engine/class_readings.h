// What the class and id values of a page's elements say to the content
// stage. Internal to the content stage.
#ifndef LEDE_SERVER_ENGINE_CLASS_READINGS_H_
#define LEDE_SERVER_ENGINE_CLASS_READINGS_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace lede::engine::content {

// What ClassReadings::Says reads in a class or id value, as bits.
inline constexpr unsigned kSaysBoilerplate = 1;
inline constexpr unsigned kSaysDiscussion = 2;

// The readings of one page's class and id values, each distinct value read
// once: a page repeats a few hundred values over thousands of elements, and
// the candidates' votes, the selection of siblings, every walk of the body
// and the walk of each comment ask about them. A class value is read by
// its role classes (RoleClasses), an id as it stands. The values are
// views of the page's tree, which must outlive the readings.
class ClassReadings {
 public:
  // What a class value (`of_class`) or an id says of its element:
  // kSaysBoilerplate (kDropClassPattern), else kSaysDiscussion
  // (kDiscussionClassPattern), else 0.
  unsigned Says(absl::string_view value, bool of_class);

  // What a class value (`of_class`) or an id adds to its element's score
  // as a candidate: -25 for kNegativeClassPattern, +25 for
  // kPositiveClassPattern, both or neither.
  double Weight(absl::string_view value, bool of_class);

 private:
  struct Reading {
    std::string roles;  // A class value's role classes; empty for an id.
    int says = -1;      // Not read yet when negative.
    bool weighed = false;
    double weight = 0;
  };

  // The reading of `value`, made on first sight; nullptr for a value that
  // says nothing, empty or of no role class.
  Reading* Find(absl::string_view value, bool of_class);

  absl::flat_hash_map<absl::string_view, Reading> readings_[2];
  std::vector<int> matches_;  // a search's, kept for its storage
};

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_CLASS_READINGS_H_
