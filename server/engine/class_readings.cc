#include "server/engine/class_readings.h"

#include "re2/re2.h"
#include "server/engine/content_rules.h"
#include "server/engine/role_classes.h"
#include "server/engine/text_util.h"

namespace lede::engine::content {

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
  static const LazyRE2 kDrop = {content_rules::kDropClassPattern};
  static const LazyRE2 kDiscussion = {content_rules::kDiscussionClassPattern};
  Reading* reading = Find(value, of_class);
  if (reading == nullptr) return 0;
  if (reading->says < 0) {
    const re2::StringPiece read = Piece(of_class ? reading->roles : value);
    reading->says = RE2::PartialMatch(read, *kDrop)         ? kSaysBoilerplate
                    : RE2::PartialMatch(read, *kDiscussion) ? kSaysDiscussion
                                                            : 0;
  }
  return static_cast<unsigned>(reading->says);
}

double ClassReadings::Weight(absl::string_view value, bool of_class) {
  static const LazyRE2 kPositive = {content_rules::kPositiveClassPattern};
  static const LazyRE2 kNegative = {content_rules::kNegativeClassPattern};
  Reading* reading = Find(value, of_class);
  if (reading == nullptr) return 0;
  if (!reading->weighed) {
    const re2::StringPiece read = Piece(of_class ? reading->roles : value);
    if (RE2::PartialMatch(read, *kNegative)) reading->weight -= 25;
    if (RE2::PartialMatch(read, *kPositive)) reading->weight += 25;
    reading->weighed = true;
  }
  return reading->weight;
}

}  // namespace lede::engine::content
