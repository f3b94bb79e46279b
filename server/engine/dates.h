// Date and time parsing for the metadata stage.
#ifndef LEDE_SERVER_ENGINE_DATES_H_
#define LEDE_SERVER_ENGINE_DATES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"

namespace lede::engine {

struct ParsedDate {
  absl::Time time;
  v1::DatePrecision precision = v1::DATE_PRECISION_UNSPECIFIED;
  // The text the date was read from.
  std::string text;
};

// Parses one date as pages write it: ISO 8601 / RFC 3339, RFC 2822,
// "2024-05-28 10:20", "2024年5月28日 10:20", "2024/05/28", Unix epochs (10
// or 13 digits). Times without a zone are read as UTC. nullopt when `text`
// is not a date.
std::optional<ParsedDate> ParseDate(absl::string_view text);

// A ParsedDate for an epoch in milliseconds, with second precision.
ParsedDate DateFromEpochMillis(int64_t millis, std::string text);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_DATES_H_
