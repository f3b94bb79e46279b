#include "server/engine/class_readings.h"

#include "re2/re2.h"
#include "re2/set.h"
#include "server/engine/content_rules.h"
#include "server/engine/role_classes.h"
#include "server/engine/text_util.h"

namespace lede::engine::content {
namespace {

// Two patterns searched for in one pass over a value (a value is read for
// both, and a search's cost is mostly its start and its pass).
class PatternPair {
 public:
  PatternPair(const char* first, const char* second)
      : set_(RE2::DefaultOptions, RE2::UNANCHORED),
        first_{first},
        second_{second} {
    ok_ = set_.Add(first, nullptr) == 0 && set_.Add(second, nullptr) == 1 &&
          set_.Compile();
  }

  // Which patterns `text` holds a match of: bit 1 the first, bit 2 the
  // second. `scratch` is the set's list of matches.
  unsigned Matches(absl::string_view text, std::vector<int>* scratch) const {
    RE2::Set::ErrorInfo error{};
    scratch->clear();
    if (ok_ && (set_.Match(Piece(text), scratch, &error) ||
                error.kind == RE2::Set::kNoError)) {
      unsigned found = 0;
      for (int index : *scratch) found |= 1u << index;
      return found;
    }
    // The set could not run (its automaton out of memory): one by one.
    return (RE2::PartialMatch(Piece(text), *first_) ? 1u : 0u) |
           (RE2::PartialMatch(Piece(text), *second_) ? 2u : 0u);
  }

 private:
  RE2::Set set_;
  LazyRE2 first_;
  LazyRE2 second_;
  bool ok_ = false;
};

}  // namespace

ClassReadings::Reading* ClassReadings::Find(absl::string_view value,
                                            bool of_class) {
  if (value.empty()) return nullptr;
  auto [entry, added] = readings_[of_class].try_emplace(value);
  Reading& reading = entry->second;
  if (added && of_class) reading.roles = RoleClasses(value);
  if (of_class && reading.roles.empty()) return nullptr;
  return &reading;
}

unsigned ClassReadings::Says(absl::string_view value, bool of_class) {
  static const PatternPair* const kDropOrDiscussion = new PatternPair(
      content_rules::kDropClassPattern, content_rules::kDiscussionClassPattern);
  Reading* reading = Find(value, of_class);
  if (reading == nullptr) return 0;
  if (reading->says < 0) {
    const unsigned found = kDropOrDiscussion->Matches(
        of_class ? reading->roles : value, &matches_);
    reading->says = (found & 1)   ? kSaysBoilerplate
                    : (found & 2) ? kSaysDiscussion
                                  : 0;
  }
  return static_cast<unsigned>(reading->says);
}

double ClassReadings::Weight(absl::string_view value, bool of_class) {
  static const PatternPair* const kNegativeOrPositive =
      new PatternPair(content_rules::kNegativeClassPattern,
                      content_rules::kPositiveClassPattern);
  Reading* reading = Find(value, of_class);
  if (reading == nullptr) return 0;
  if (!reading->weighed) {
    const unsigned found = kNegativeOrPositive->Matches(
        of_class ? reading->roles : value, &matches_);
    if (found & 1) reading->weight -= 25;
    if (found & 2) reading->weight += 25;
    reading->weighed = true;
  }
  return reading->weight;
}

}  // namespace lede::engine::content
