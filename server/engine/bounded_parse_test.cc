#include "server/engine/bounded_parse.h"

#include <string>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

using ::testing::HasSubstr;

// One element with `count` attributes: gumbo checks each new attribute
// against all before it, so its cost grows with the square of the count.
std::string ManyAttributes(int count) {
  std::string html = "<div";
  for (int i = 0; i < count; ++i) html += " a" + std::to_string(i) + "=x";
  return html + ">text</div>";
}

TEST(BoundedParseTest, AnOrdinaryPageParses) {
  GumboArena arena;
  std::string html = "<html><body><p>Hello</p></body></html>";
  absl::StatusOr<GumboOutput*> output =
      ParseWithinBudget(arena, html, absl::InfiniteFuture(), Limits());
  ASSERT_TRUE(output.ok()) << output.status();
  EXPECT_NE((*output)->root, nullptr);
}

TEST(BoundedParseTest, MarkupThatCostsFarMoreThanItsSizeIsRefused) {
  // 100 000 attributes (0.9 MB) take gumbo over a minute; the budget for
  // their size is 0.3 s of CPU.
  GumboArena arena;
  std::string html = ManyAttributes(100000);
  absl::StatusOr<GumboOutput*> output =
      ParseWithinBudget(arena, html, absl::InfiniteFuture(), Limits());
  EXPECT_EQ(output.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(output.status().message(), HasSubstr("--max_parse_ms_per_mb"));
}

TEST(BoundedParseTest, TheDeadlineStopsTheParse) {
  GumboArena arena;
  std::string html = ManyAttributes(100000);
  Limits limits;
  limits.max_parse_ms_per_mb = 1'000'000;
  absl::StatusOr<GumboOutput*> output = ParseWithinBudget(
      arena, html, absl::Now() + absl::Milliseconds(20), limits);
  EXPECT_EQ(output.status().code(), absl::StatusCode::kDeadlineExceeded);
}

TEST(BoundedParseTest, TheBudgetGrowsWithTheSize) {
  EXPECT_EQ(ParseBudget(0, 250), absl::Milliseconds(100));
  EXPECT_EQ(ParseBudget(4 << 20, 250), absl::Milliseconds(1100));
  EXPECT_EQ(ParseMemoryBudget(0, 64), size_t{32} << 20);
  EXPECT_EQ(ParseMemoryBudget(4 << 20, 64), size_t{288} << 20);
}

// A <b> with 2 000 attributes, reopened (and so copied, attributes and
// all) in 60 000 paragraphs: hundreds of bytes of tree for every byte of
// the document, which the CPU budget alone would let grow past 400 MB.
TEST(BoundedParseTest, MarkupThatTakesFarMoreMemoryThanItsSizeIsRefused) {
  std::string html = "<p><b";
  for (int i = 0; i < 2000; ++i) html += " a" + std::to_string(i);
  html += ">x";
  for (int i = 0; i < 60000; ++i) html += "<p>y";
  GumboArena arena;
  Limits limits;
  limits.max_parse_ms_per_mb = 1'000'000;
  absl::StatusOr<GumboOutput*> output =
      ParseWithinBudget(arena, html, absl::InfiniteFuture(), limits);
  EXPECT_EQ(output.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(output.status().message(), HasSubstr("--max_parse_mb_per_mb"));
  // Stopped within a watch's allocations of the budget.
  EXPECT_LT(arena.taken(),
            ParseMemoryBudget(html.size(), limits.max_parse_mb_per_mb) +
                (size_t{4} << 20));
}

// Markup that fails one of gumbo's own checks is that document's error: the
// process goes on, and the thread parses the next document.
TEST(BoundedParseTest, MarkupThatFailsOneOfGumbosChecksIsTheDocumentsError) {
  GumboArena arena;
  const std::string failing =
      "<table><math><select><mi><template></template><tr>";
  absl::StatusOr<GumboOutput*> output =
      ParseWithinBudget(arena, failing, absl::InfiniteFuture(), Limits());
  EXPECT_EQ(output.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(output.status().message(),
              HasSubstr("the HTML parser (gumbo) cannot parse this markup"));
  const std::string html = "<p>Hello";
  output = ParseWithinBudget(arena, html, absl::InfiniteFuture(), Limits());
  ASSERT_TRUE(output.ok()) << output.status();
  EXPECT_NE((*output)->root, nullptr);
  // Outside a parse, nothing is left: a check failed there is not one of
  // the parse's.
  EXPECT_FALSE(LeaveGumboOnFailedCheck("x", "y.c", 1));
}

}  // namespace
}  // namespace lede::engine
