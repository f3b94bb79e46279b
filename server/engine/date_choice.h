// The article's publication and modification dates, chosen among the
// candidates. Internal to the metadata stage.
#ifndef LEDE_SERVER_ENGINE_DATE_CHOICE_H_
#define LEDE_SERVER_ENGINE_DATE_CHOICE_H_

#include <optional>

#include "absl/time/time.h"
#include "server/engine/candidates.h"
#include "server/engine/dates.h"
#include "server/engine/metadata_scan.h"
#include "server/engine/page_facts.h"

namespace lede::engine::metadata {

// How the page's dates read: no later than `reference_time`; month first
// on a page whose language writes dates so (kMonthFirstLanguages).
DateHints HintsFor(const PageScan& scan, absl::Time reference_time);

// The first candidate of `field`, then of `text_field` (text that holds a
// date) when given, that reads as a date no later than the reference time;
// an ambiguous day/month reading that agrees with `url_date` wins. A stamp
// in UTC takes the day the page shows its readers. Else `url_date` itself
// (give it for the publication date only). Nothing found leaves `out` as
// it is.
void ChooseDate(const Candidates& candidates, Field field,
                std::optional<Field> text_field, const DateHints& hints,
                const std::optional<ParsedDate>& url_date,
                Sourced<ParsedDate>* out);

}  // namespace lede::engine::metadata

#endif  // LEDE_SERVER_ENGINE_DATE_CHOICE_H_
