#include "server/engine/title_choice.h"

#include "gtest/gtest.h"

namespace lede::engine::metadata {
namespace {

TEST(TitleChoiceTest, StripSiteName) {
  EXPECT_EQ(StripSiteName("The council approves the budget | Example News", ""),
            "The council approves the budget");
  // The site's name first, when it is known.
  EXPECT_EQ(StripSiteName("Example News - The council approves the budget",
                          "Example News"),
            "The council approves the budget");
  // "Headline_Section_Site": the short section goes too.
  EXPECT_EQ(StripSiteName("市议会通过新预算案_国内_新闻网", ""),
            "市议会通过新预算案");
  // Too short a head to be the headline: the title stays whole.
  EXPECT_EQ(StripSiteName("Home | Example News", ""), "Home | Example News");
  EXPECT_EQ(StripSiteName("No separator here", "Example"), "No separator here");
}

// Picks the title among `title_tag`, an og:title `meta` ("" for none) and
// `headings`.
Sourced<std::string> Choose(const std::string& meta,
                            const std::string& title_tag,
                            std::vector<Heading> headings,
                            const std::string& site = "") {
  Candidates candidates;
  if (!meta.empty()) {
    candidates.Add(Field::kTitle, meta, "opengraph", kRankOpenGraph);
  }
  PageScan scan;
  scan.title_tag = title_tag;
  scan.headings = std::move(headings);
  Sourced<std::string> title;
  ChooseTitle(candidates, scan, site, &title);
  return title;
}

TEST(TitleChoiceTest, TheVisibleHeadlineThatATitleConfirms) {
  // Tier 1: an <h1> outside the chrome that the <title> confirms.
  Sourced<std::string> title =
      Choose("", "Budget passes at last | Example",
             {{"Example", 1, true}, {"Budget passes at last", 1, false}});
  EXPECT_EQ(title.value, "Budget passes at last");
  EXPECT_EQ(title.source, "heading");
  // Tier 2: an <h1> in the article's own header with a kicker: the title.
  title = Choose("Budget passes at last", "",
                 {{"Politics | Budget passes at last", 1, true}});
  EXPECT_EQ(title.value, "Budget passes at last");
  EXPECT_EQ(title.source, "opengraph");
  // Tier 3: a lower heading longer than the lone <h1> that names the
  // section.
  title =
      Choose("", "Babies who eat peanuts early are less allergic - Health",
             {{"Allergies Health Center", 1, false},
              {"Babies who eat peanuts early are less allergic", 2, false}});
  EXPECT_EQ(title.value, "Babies who eat peanuts early are less allergic");
  EXPECT_EQ(title.source, "title-tag");
}

TEST(TitleChoiceTest, WhatStandsWhenNoHeadingConfirms) {
  EXPECT_EQ(Choose("", "", {{"A lone headline, long enough", 1, false}}).value,
            "A lone headline, long enough");
  EXPECT_EQ(Choose("Meta title", "Tag title | Site", {}).value, "Meta title");
  EXPECT_EQ(Choose("", "", {{"Menu", 1, true}, {"Section", 2, true}}).value,
            "Section");
  Candidates front_matter;
  front_matter.Add(Field::kTitle, "Stated", "front-matter", kRankStructured);
  PageScan scan;
  scan.headings = {{"Another headline entirely", 1, false}};
  Sourced<std::string> title;
  ChooseTitle(front_matter, scan, "", &title);
  EXPECT_EQ(title.value, "Stated");
  EXPECT_EQ(title.source, "front-matter");
}

}  // namespace
}  // namespace lede::engine::metadata
