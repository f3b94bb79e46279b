#include "server/engine/date_choice.h"

#include "gtest/gtest.h"

namespace lede::engine::metadata {
namespace {

std::string Day(const ParsedDate& date) {
  return absl::FormatCivilTime(date.day);
}

TEST(DateChoiceTest, MonthFirstOnlyWhereThePageWritesSo) {
  PageScan scan;
  scan.lang = "en-US";
  EXPECT_EQ(HintsFor(scan, absl::InfiniteFuture()).day_first, false);
  scan.lang = "en-GB";
  EXPECT_FALSE(HintsFor(scan, absl::InfiniteFuture()).day_first.has_value());
}

TEST(DateChoiceTest, MarkupFirstThenTextThenTheUrl) {
  Candidates candidates;
  candidates.Add(Field::kPublishedText, "Posted on 3 May 2021", "text",
                 kRankText);
  candidates.Add(Field::kPublished, "2021-05-04T10:00:00+02:00", "time",
                 kRankMarkup);
  const DateHints hints = HintsFor(PageScan(), absl::InfiniteFuture());
  Sourced<ParsedDate> date;
  ChooseDate(candidates, Field::kPublished, Field::kPublishedText, hints,
             std::nullopt, &date);
  EXPECT_EQ(Day(date.value), "2021-05-04");
  EXPECT_EQ(date.source, "time");

  Candidates text_only;
  text_only.Add(Field::kPublishedText, "Posted on 3 May 2021", "text",
                kRankText);
  Sourced<ParsedDate> from_text;
  ChooseDate(text_only, Field::kPublished, Field::kPublishedText, hints,
             DateFromUrl("https://example.com/2020/01/02/a"), &from_text);
  EXPECT_EQ(Day(from_text.value), "2021-05-03");

  Sourced<ParsedDate> from_url;
  ChooseDate(Candidates(), Field::kPublished, Field::kPublishedText, hints,
             DateFromUrl("https://example.com/2020/01/02/a"), &from_url);
  EXPECT_EQ(Day(from_url.value), "2020-01-02");
  EXPECT_EQ(from_url.source, "url");
}

TEST(DateChoiceTest, NothingAfterTheReferenceTime) {
  Candidates candidates;
  candidates.Add(Field::kModified, "2030-01-01", "meta", kRankMeta);
  Sourced<ParsedDate> date;
  ChooseDate(candidates, Field::kModified, std::nullopt,
             HintsFor(PageScan(), absl::FromUnixSeconds(0)), std::nullopt,
             &date);
  EXPECT_FALSE(date.found());
}

TEST(DateChoiceTest, AUtcStampTakesTheDayThePageShows) {
  Candidates candidates;
  candidates.Add(Field::kPublished, "2022-05-04T00:44:52Z", "json-ld",
                 kRankStructured);
  candidates.Add(Field::kPublishedText, "03/05/2022 21:44", "dateline",
                 kRankText);
  Sourced<ParsedDate> date;
  ChooseDate(candidates, Field::kPublished, Field::kPublishedText,
             HintsFor(PageScan(), absl::InfiniteFuture()), std::nullopt, &date);
  EXPECT_EQ(absl::ToUnixSeconds(date.value.time), 1651625092);
  EXPECT_EQ(Day(date.value), "2022-05-03");
  EXPECT_EQ(date.value.text, "03/05/2022 21:44");
  EXPECT_EQ(date.source, "json-ld");
}

}  // namespace
}  // namespace lede::engine::metadata
