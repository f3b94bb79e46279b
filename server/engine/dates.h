// Date and time parsing for the metadata stage.
#ifndef LEDE_SERVER_ENGINE_DATES_H_
#define LEDE_SERVER_ENGINE_DATES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"

namespace lede::engine {

struct ParsedDate {
  absl::Time time;
  v1::DatePrecision precision = v1::DATE_PRECISION_UNSPECIFIED;
  // The text the date was read from.
  std::string text;
  // The calendar day the text names, in the page's own time zone (the UTC
  // day for epochs and texts without one).
  absl::CivilDay day;
};

// What decides between readings the text alone leaves open.
struct DateHints {
  // "Now": relative dates count back from it.
  absl::Time reference_time = absl::InfiniteFuture();
  // Whether 05/10/2023 is 5 October (day first, most of the world) or
  // 10 May (month first: en-US). Unset: decided from the values when one
  // is over 12, else day first.
  std::optional<bool> day_first;
};

// Parses `text` as one date as pages write it: ISO 8601 / RFC 3339,
// RFC 2822, Unix epochs (10 or 13 digits), "2024-05-28 10:20",
// "2024年5月28日 10:20", "05/10/2023 - 15:28", "5 October 2023", "June 4,
// 2025", month names in English, German, French, Spanish, Italian,
// Portuguese and Dutch, and relative forms ("3 hours ago", "昨天") against
// `hints.reference_time`. Times without a zone are read as UTC. nullopt
// when `text` is not a date.
std::optional<ParsedDate> ParseDate(absl::string_view text,
                                    const DateHints& hints = {});

// Finds the first date inside a longer text ("Posted on June 4, 2025 by
// ..."), as ParseDate reads it. Relative forms count only when allowed.
std::optional<ParsedDate> FindDate(absl::string_view text,
                                   const DateHints& hints, bool allow_relative);

// Whether `text` may name one of date_rules::kMonthNames in any case: it
// holds a character one of them starts with. A text that does not holds no
// date with its month named ("June 4, 2025", "4. Juni 2025").
bool MayNameAMonth(absl::string_view text);

// A date from a URL path: /2023/10/05/, /20231005/, /2023-10-05-.
std::optional<ParsedDate> DateFromUrl(absl::string_view url);

// A ParsedDate for an epoch in milliseconds, with second precision.
ParsedDate DateFromEpochMillis(int64_t millis, std::string text);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_DATES_H_
