#include "server/engine/dates.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "server/engine/date_rules.h"

namespace lede::engine {
namespace {

std::string Iso(const std::optional<ParsedDate>& date) {
  if (!date) return "none";
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S", date->time, absl::UTCTimeZone());
}

// Every month name of the patterns' alternation passes MayNameAMonth, in
// lower and upper case, and its date is still found.
TEST(DatesTest, EveryMonthNameMayNameAMonth) {
  for (const auto& month : date_rules::kMonthNames) {
    const std::string upper = absl::AsciiStrToUpper(month.name);
    for (const std::string& name : {std::string(month.name), upper}) {
      EXPECT_TRUE(MayNameAMonth(name)) << name;
      const std::string day_first = absl::StrCat("4 ", name, " 2025");
      auto date = FindDate(day_first, DateHints(), /*allow_relative=*/false);
      ASSERT_TRUE(date.has_value()) << day_first;
      EXPECT_EQ(absl::FormatTime("%m-%d", date->time, absl::UTCTimeZone()),
                absl::StrFormat("%02d-04", month.month))
          << day_first;
    }
  }
}

TEST(DatesTest, MonthInitialsAreClosedOverCase) {
  // The Kelvin sign folds to "k" ("kwietnia") in RE2's (?i).
  EXPECT_TRUE(MayNameAMonth("\u212Awietnia"));
  EXPECT_TRUE(MayNameAMonth("4 SEPTEMBER 2025"));
  EXPECT_FALSE(MayNameAMonth("2024年3月5日 09:30"));
  EXPECT_EQ(Iso(FindDate("2024年3月5日 09:30", DateHints(), false)),
            "2024-03-05T09:30:00");
}

TEST(DatesTest, Iso8601WithOffset) {
  auto date = ParseDate("2023-10-05T15:28:00+02:00");
  EXPECT_EQ(Iso(date), "2023-10-05T13:28:00");
  EXPECT_EQ(date->precision, v1::DATE_PRECISION_SECOND);
}

TEST(DatesTest, DayIsTheOneWrittenInThePagesZone) {
  auto date = ParseDate("2023-10-05T01:00:00+08:00");
  EXPECT_EQ(Iso(date), "2023-10-04T17:00:00");
  EXPECT_EQ(date->day, absl::CivilDay(2023, 10, 5));
  date = ParseDate("Tue, 24 Feb 2020 21:25:54 -0500");
  EXPECT_EQ(date->day, absl::CivilDay(2020, 2, 24));
  // Epochs name no zone: their day is UTC's.
  EXPECT_EQ(ParseDate("1582597554")->day, absl::CivilDay(2020, 2, 25));
}

TEST(DatesTest, DottedTwoDigitYear) {
  EXPECT_EQ(Iso(FindDate("Erstellt 28.01.22 / 3 Kommentare", {}, false)),
            "2022-01-28T00:00:00");
  EXPECT_EQ(Iso(FindDate("31.10.23 14:05", {}, false)), "2023-10-31T14:05:00");
  EXPECT_EQ(Iso(FindDate("28.01.98", {}, false)), "1998-01-28T00:00:00");
  // A four-digit year is not cut short, and version numbers are not dates.
  EXPECT_EQ(Iso(FindDate("28.01.2022", {}, false)), "2022-01-28T00:00:00");
  EXPECT_EQ(Iso(FindDate("Version 1.2.19", {}, false)), "none");
}

TEST(DatesTest, NoBreakSpacesBetweenTheParts) {
  EXPECT_EQ(Iso(FindDate("Wiesbaden, 11. November\u00a02021", {}, false)),
            "2021-11-11T00:00:00");
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

absl::Time Utc(int y, int m, int d, int hh = 0, int mm = 0) {
  return absl::FromCivil(absl::CivilMinute(y, m, d, hh, mm),
                         absl::UTCTimeZone());
}

TEST(DatesTest, Iso8601Variants) {
  EXPECT_EQ(Iso(ParseDate("2023-10-05T15:28:00Z")), "2023-10-05T15:28:00");
  EXPECT_EQ(Iso(ParseDate("2023-10-05T15:28:00.123+0000")),
            "2023-10-05T15:28:00");
  EXPECT_EQ(Iso(ParseDate("2024-05-28 10:20")), "2024-05-28T10:20:00");
  EXPECT_EQ(Iso(ParseDate("2024/05/28")), "2024-05-28T00:00:00");
}

TEST(DatesTest, Rfc2822WithNumericZone) {
  EXPECT_EQ(Iso(ParseDate("Thu, 5 Oct 2023 15:28:00 +0200")),
            "2023-10-05T13:28:00");
}

TEST(DatesTest, SlashedDateWithTimeIsDayFirstByDefault) {
  auto date = ParseDate("05/10/2023 - 15:28");
  EXPECT_EQ(Iso(date), "2023-10-05T15:28:00");
  EXPECT_EQ(date->precision, v1::DATE_PRECISION_MINUTE);
}

TEST(DatesTest, MonthFirstWhenTheLocaleSaysSo) {
  DateHints us;
  us.day_first = false;
  EXPECT_EQ(Iso(ParseDate("05/10/2023", us)), "2023-05-10T00:00:00");
}

TEST(DatesTest, AValueOverTwelveSettlesTheOrder) {
  DateHints day_first;
  day_first.day_first = true;
  // 13 cannot be a month, whatever the locale.
  EXPECT_EQ(Iso(ParseDate("10/13/2023", day_first)), "2023-10-13T00:00:00");
}

TEST(DatesTest, EnglishMonthNames) {
  EXPECT_EQ(Iso(ParseDate("5 October 2023")), "2023-10-05T00:00:00");
  EXPECT_EQ(Iso(ParseDate("June 4, 2025")), "2025-06-04T00:00:00");
  EXPECT_EQ(Iso(ParseDate("Sept. 12, 2021")), "2021-09-12T00:00:00");
}

TEST(DatesTest, MonthNamesInOtherLanguages) {
  EXPECT_EQ(Iso(ParseDate("5. Oktober 2023")), "2023-10-05T00:00:00");
  EXPECT_EQ(Iso(ParseDate("12 février 2022")), "2022-02-12T00:00:00");
  EXPECT_EQ(Iso(ParseDate("3 de marzo de 2021")), "2021-03-03T00:00:00");
  EXPECT_EQ(Iso(ParseDate("21 agosto 2020")), "2020-08-21T00:00:00");
  EXPECT_EQ(Iso(ParseDate("7 de dezembro de 2019")), "2019-12-07T00:00:00");
  EXPECT_EQ(Iso(ParseDate("9 januari 2018")), "2018-01-09T00:00:00");
  // Slavic day-first dates name the month in the genitive.
  EXPECT_EQ(Iso(ParseDate("15 августа 2016, 13:43")), "2016-08-15T13:43:00");
  EXPECT_EQ(Iso(ParseDate("5 maja 2021")), "2021-05-05T00:00:00");
  EXPECT_EQ(Iso(ParseDate("3. září 2020")), "2020-09-03T00:00:00");
  EXPECT_EQ(Iso(ParseDate("7 листопада 2019")), "2019-11-07T00:00:00");
}

// The named-month finders read a match's groups with any run of letters
// where the month's name stands, and with the names where that run is none:
// a suffix that could open a name ("1stycznia"), a word that is no month
// before a date, a capital past ASCII, a name inside a longer word.
TEST(DatesTest, NamedMonthsWhereAnyWordCouldStand) {
  // Each text with the date found in it and its text, or "none".
  const std::pair<const char*, const char*> kCases[] = {
      {"1stycznia 2021", "2021-01-01T00:00:00 1stycznia 2021"},
      {"4thJune 2025", "2025-06-04T00:00:00 4thJune 2025"},
      {"12 comments 2024, 4 June 2025 at 10:20 pm",
       "2025-06-04T22:20:00 4 June 2025 at 10:20 pm"},
      {"Posted March 4th, 2025 at 10:20",
       "2025-03-04T10:20:00 March 4th, 2025 at 10:20"},
      {"Le 4 DÉCEMBRE 2025", "none"},
      {"4 Junex 2025", "none"},
      {"x4 June 2025", "none"},
      {"15 августа 2016 12:00", "2016-08-15T12:00:00 15 августа 2016 12:00"},
      {"Mayor 4, 2025 y 4 de junio de 2025",
       "2025-06-04T00:00:00 4 de junio de 2025"},
  };
  for (const auto& [text, expected] : kCases) {
    std::optional<ParsedDate> date = FindDate(text, DateHints(), false);
    EXPECT_EQ(date ? absl::StrCat(Iso(date), " ", date->text) : "none",
              expected)
        << text;
  }
}

// FindDate runs a finder only on a text with what its pattern needs beside
// the year: a separator after it (ISO), one before it (numeric), a "年"
// (Chinese), white space before it (a named month's forms, "\s+(\d{4})"; a
// no-break space counts, FindDate making it a space).
TEST(DatesTest, FormsByWhatStandsBesideTheYear) {
  const std::pair<const char*, const char*> kCases[] = {
      {"4 June\t2025", "2025-06-04T00:00:00"},
      {"June 4,\n2025", "2025-06-04T00:00:00"},
      {"4 June\u00a02025", "2025-06-04T00:00:00"},
      {"4 de junio de\r2025", "2025-06-04T00:00:00"},
      {"4 June,2025", "none"},
      {"June 4,2025", "none"},
      {"4 June/2025", "none"},
      {"am 2025-06-04 um", "2025-06-04T00:00:00"},
      {"le 04.06.2025", "2025-06-04T00:00:00"},
      {"发布于 2025 年 6 月 4 日", "2025-06-04T00:00:00"},
      {"2025/6/4 10:20", "2025-06-04T10:20:00"},
      {"04/06 2025", "none"},
      {"2025 - 06 - 04", "none"},
      {"12345-1-2", "none"},
  };
  for (const auto& [text, expected] : kCases) {
    EXPECT_EQ(Iso(FindDate(text, DateHints(), false)), expected) << text;
  }
}

TEST(DatesTest, RelativeFormsCountBackFromTheReferenceTime) {
  DateHints hints;
  hints.reference_time = Utc(2025, 3, 10, 12, 0);
  EXPECT_EQ(Iso(ParseDate("3 hours ago", hints)), "2025-03-10T09:00:00");
  EXPECT_EQ(Iso(ParseDate("2 days ago", hints)).substr(0, 10), "2025-03-08");
  EXPECT_EQ(Iso(ParseDate("昨天", hints)).substr(0, 10), "2025-03-09");
  EXPECT_EQ(Iso(ParseDate("5分钟前", hints)), "2025-03-10T11:55:00");
}

// dates_fuzzer found "201002010days ago": 24 times that overflowed an int
// (undefined behaviour); counted in int64 it is no date, from before any.
TEST(DatesTest, RelativeFormsBeforeAnyDateAreNoDate) {
  DateHints hints;
  hints.reference_time = Utc(2025, 3, 10, 12, 0);
  EXPECT_FALSE(ParseDate("201002010days ago", hints).has_value());
  EXPECT_FALSE(ParseDate("2147483647 weeks ago", hints).has_value());
  EXPECT_EQ(Iso(ParseDate("3 weeks ago", hints)).substr(0, 10), "2025-02-17");
}

TEST(DatesTest, RelativeFormsNeedAReferenceTime) {
  EXPECT_FALSE(ParseDate("3 hours ago").has_value());
}

TEST(DatesTest, FindDateInsideAByline) {
  auto date =
      FindDate("Posted on June 4, 2025 by Jane Doe", DateHints(), false);
  EXPECT_EQ(Iso(date), "2025-06-04T00:00:00");
  auto chinese =
      FindDate("发布时间：2024-05-28 10:20 来源：新华社", DateHints(), false);
  EXPECT_EQ(Iso(chinese), "2024-05-28T10:20:00");
}

TEST(DatesTest, FindDateSkipsRelativeFormsUnlessAllowed) {
  DateHints hints;
  hints.reference_time = Utc(2025, 3, 10, 12, 0);
  EXPECT_FALSE(FindDate("updated 3 hours ago", hints, false).has_value());
  EXPECT_TRUE(FindDate("updated 3 hours ago", hints, true).has_value());
}

// Absolute dates are written with ASCII digits; a text without one still
// gives its relative date when allowed.
TEST(DatesTest, WithoutAsciiDigitsOnlyARelativeDate) {
  DateHints hints;
  hints.reference_time = Utc(2025, 3, 10, 12, 0);
  EXPECT_FALSE(FindDate("June fourth, twenty twenty-five", hints, true));
  EXPECT_FALSE(FindDate("二〇二五年三月十日", hints, true));
  EXPECT_FALSE(FindDate("\uFF12\uFF10\uFF12\uFF15-03-10", hints, false));
  EXPECT_EQ(Iso(FindDate("更新于昨天", hints, true)).substr(0, 10),
            "2025-03-09");
  EXPECT_FALSE(FindDate("更新于昨天", hints, false));
}

TEST(DatesTest, DatesFromUrls) {
  const std::pair<const char*, const char*> kCases[] = {
      {"https://x.com/2023/10/05/story.html", "2023-10-05T00:00:00"},
      {"https://x.com/news/20231005/123.html", "2023-10-05T00:00:00"},
      {"https://x.com/2023-10-05-story", "2023-10-05T00:00:00"},
      {"https://x.de/meldungen/29-10-2021", "2021-10-29T00:00:00"},
      {"https://x.de/news/05.10.2023/story", "2023-10-05T00:00:00"},
      {"https://x.com/news/10-29-2021-story", "2021-10-29T00:00:00"},
  };
  for (const auto& [url, iso] : kCases) {
    EXPECT_EQ(Iso(DateFromUrl(url)), iso) << url;
  }
  EXPECT_EQ(DateFromUrl("https://x.com/2023/10/05/")->precision,
            v1::DATE_PRECISION_DAY);
  EXPECT_FALSE(DateFromUrl("https://x.com/item/12345678").has_value());
  EXPECT_FALSE(DateFromUrl("https://x.com/item/31-31-2021").has_value());
}

}  // namespace
}  // namespace lede::engine
