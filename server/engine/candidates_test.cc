#include "server/engine/candidates.h"

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

TEST(CandidatesTest, BestRankWinsFirstAmongEquals) {
  Candidates candidates;
  EXPECT_EQ(candidates.Best(Field::kTitle), nullptr);
  EXPECT_TRUE(candidates.Add(Field::kTitle, "From meta", "meta", kRankMeta));
  EXPECT_TRUE(
      candidates.Add(Field::kTitle, "First OG", "opengraph", kRankOpenGraph));
  EXPECT_TRUE(
      candidates.Add(Field::kTitle, "Second OG", "twitter", kRankOpenGraph));
  ASSERT_NE(candidates.Best(Field::kTitle), nullptr);
  EXPECT_EQ(candidates.Best(Field::kTitle)->value, "First OG");
  std::vector<const Candidate*> all = candidates.All(Field::kTitle);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0]->source, "opengraph");
  EXPECT_EQ(all[1]->source, "twitter");
  EXPECT_EQ(all[2]->source, "meta");
  // In the order they came, and other fields apart.
  EXPECT_EQ(candidates.InOrder(Field::kTitle)[0].value, "From meta");
  EXPECT_TRUE(candidates.All(Field::kAuthors).empty());
}

TEST(CandidatesTest, ValuesAreCleanedAndEmptyOnesRefused) {
  Candidates candidates;
  EXPECT_TRUE(candidates.Add(Field::kAuthors,
                             "<a href=\"/u/jane\">Jane&nbsp;Doe</a> &amp; "
                             "co",
                             "json-ld", kRankStructured));
  EXPECT_EQ(candidates.Best(Field::kAuthors)->value, "Jane Doe & co");
  EXPECT_FALSE(candidates.Add(Field::kAuthors, " \u3000 ", "meta", kRankMeta));
  EXPECT_FALSE(candidates.Add(Field::kAuthors, "<br/>", "meta", kRankMeta));
  EXPECT_EQ(candidates.All(Field::kAuthors).size(), 1u);
  // A "<" that opens no tag is text.
  EXPECT_TRUE(candidates.Add(Field::kTitle, "1 < 2", "meta", kRankMeta));
  EXPECT_EQ(candidates.Best(Field::kTitle)->value, "1 < 2");
}

}  // namespace
}  // namespace lede::engine
