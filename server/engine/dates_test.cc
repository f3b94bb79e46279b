#include "server/engine/dates.h"

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

std::string Iso(const std::optional<ParsedDate>& date) {
  if (!date) return "none";
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S", date->time, absl::UTCTimeZone());
}

TEST(DatesTest, Iso8601WithOffset) {
  auto date = ParseDate("2023-10-05T15:28:00+02:00");
  EXPECT_EQ(Iso(date), "2023-10-05T13:28:00");
  EXPECT_EQ(date->precision, v1::DATE_PRECISION_SECOND);
}

TEST(DatesTest, Rfc2822) {
  EXPECT_EQ(Iso(ParseDate("Wed, 04 May 2022 23:12:35 GMT")),
            "2022-05-04T23:12:35");
}

TEST(DatesTest, DayOnlyKeepsDayPrecision) {
  auto date = ParseDate("2024-05-28");
  EXPECT_EQ(Iso(date), "2024-05-28T00:00:00");
  EXPECT_EQ(date->precision, v1::DATE_PRECISION_DAY);
}

TEST(DatesTest, ChineseDateWithTime) {
  auto date = ParseDate("2024年5月28日 10:20");
  EXPECT_EQ(Iso(date), "2024-05-28T10:20:00");
  EXPECT_EQ(date->precision, v1::DATE_PRECISION_MINUTE);
  EXPECT_EQ(date->text, "2024年5月28日 10:20");
}

TEST(DatesTest, EpochSecondsAndMillis) {
  EXPECT_EQ(Iso(ParseDate("1696513502")), "2023-10-05T13:45:02");
  EXPECT_EQ(Iso(ParseDate("1696513502000")), "2023-10-05T13:45:02");
}

TEST(DatesTest, NonDatesAreRejected) {
  EXPECT_FALSE(ParseDate("yesterday's news").has_value());
  EXPECT_FALSE(ParseDate("").has_value());
  EXPECT_FALSE(ParseDate("2024年13月40日").has_value());
}

}  // namespace
}  // namespace lede::engine
