#include "server/engine/title_choice.h"

#include "gtest/gtest.h"

namespace lede::engine::metadata {
namespace {

TEST(TitleChoiceTest, StripSiteName) {
  EXPECT_EQ(
      StripSiteName("The council approves the budget | Example News", {"", ""}),
      "The council approves the budget");
  // The site's name first, when it is known.
  EXPECT_EQ(StripSiteName("Example News - The council approves the budget",
                          {"Example News", ""}),
            "The council approves the budget");
  // "Headline_Section_Site": the short section goes too.
  EXPECT_EQ(StripSiteName("市议会通过新预算案_国内_新闻网", {"", ""}),
            "市议会通过新预算案");
  // Too short a head to be the headline: the title stays whole.
  EXPECT_EQ(StripSiteName("Home | Example News", {"", ""}),
            "Home | Example News");
  EXPECT_EQ(StripSiteName("No separator here", {"Example", ""}),
            "No separator here");
}

TEST(TitleChoiceTest, APartThatNamesTheSiteGoes) {
  // The host names the site: the title before its part, motto and all.
  EXPECT_EQ(StripSiteName("Ten tips for online courses – Journey To College – "
                          "Realize your potential",
                          {"", "https://journeytocollege.example.gov/tips"}),
            "Ten tips for online courses");
  // The site first: its last part, past the blog's archive.
  EXPECT_EQ(StripSiteName("Four Years » Blog Archive » Interning small ints",
                          {"", "http://fouryears.example/2019/interning"}),
            "Interning small ints");
  // A web archive's URL: the archived page's host.
  EXPECT_EQ(StripSiteName("Time 4 talks » Cinemas go digital",
                          {"",
                           "https://web.archive.org/web/2014/http://www."
                           "time4talks.com/cinemas"}),
            "Cinemas go digital");
  // The site's name as the page states it; short sections before it go.
  EXPECT_EQ(StripSiteName("No app store on mobile data? | iPhone | Forum | "
                          "MacNews.example",
                          {"MacNews.example", ""}),
            "No app store on mobile data?");
  // A part after the headline may start with the host's name.
  EXPECT_EQ(StripSiteName("Why crime novels decay | Krimiblog-Archiv",
                          {"", "http://archiv.krimiblog.example/?p=1"}),
            "Why crime novels decay");
  // A first part must be the name itself: a product of the site is not
  // the site ("Nintendo Switch – OLED Model" would give "OLED Model").
  EXPECT_EQ(StripSiteName("Nintendo Switch – OLED Model",
                          {"", "https://www.nintendo.example/switch"}),
            StripSiteName("Nintendo Switch – OLED Model", {"", ""}));
  // A bullet separates too.
  EXPECT_EQ(StripSiteName("A brief intro to git • Cory Example", {"", ""}),
            "A brief intro to git");
}

TEST(SiteNamesTest, KeysFromTheSiteAndTheHost) {
  SiteNames names("The Example Times", "https://news.example.co.uk/a/b");
  EXPECT_TRUE(names.Names("the example times", SiteNames::kWhole));
  EXPECT_TRUE(names.Names("Example", SiteNames::kWhole));
  EXPECT_FALSE(names.Names("News", SiteNames::kWhole));  // a host's word
  EXPECT_FALSE(names.Names("co", SiteNames::kWhole));    // too short a label
  EXPECT_FALSE(names.Names("Example Gallery", SiteNames::kWhole));
  EXPECT_TRUE(names.Names("Example Gallery", SiteNames::kWholeOrStart));
  // Too many words to be a name.
  EXPECT_FALSE(names.Names("Example shows how five words fail",
                           SiteNames::kWholeOrStart));
}

// Picks the title among `title_tag`, an og:title `meta` ("" for none) and
// `headings`.
Sourced<std::string> Choose(const std::string& meta,
                            const std::string& title_tag,
                            std::vector<Heading> headings,
                            const std::string& site = "",
                            const std::string& url = "") {
  Candidates candidates;
  if (!meta.empty()) {
    candidates.Add(Field::kTitle, meta, "opengraph", kRankOpenGraph);
  }
  PageScan scan;
  scan.title_tag = title_tag;
  scan.headings = std::move(headings);
  Sourced<std::string> title;
  std::string heading;
  Sourced<std::string> named;
  ChooseTitle(candidates, scan, SiteNames(site, url), &title, &heading, &named);
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

TEST(TitleChoiceTest, AHeadingLosesTheSiteItCarries) {
  // The <h1> says the <title> whole, site and all.
  Sourced<std::string> title =
      Choose("", "Vehicle rental news and coverage | WRAL",
             {{"Vehicle rental news and coverage | WRAL", 1, false}}, "",
             "https://www.wral.example/vehicle-rental/1");
  EXPECT_EQ(title.value, "Vehicle rental news and coverage");
  EXPECT_EQ(title.source, "heading");
  // ...and the heading as shown is what the body leaves out.
  Candidates none;
  PageScan scan;
  scan.title_tag = "Vehicle rental news and coverage | WRAL";
  scan.headings = {{"Vehicle rental news and coverage | WRAL", 1, false}};
  std::string heading;
  Sourced<std::string> named;
  ChooseTitle(none, scan,
              SiteNames("", "https://www.wral.example/vehicle-rental/1"),
              &title, &heading, &named);
  EXPECT_EQ(heading, "Vehicle rental news and coverage | WRAL");
  // A logo <h1> that is the site's part of the <title> is not the headline.
  title =
      Choose("", "seelenradio » Number two: Leo", {{"seelenradio", 1, true}},
             "", "http://www.seelenradio.example/number-two-leo/");
  EXPECT_EQ(title.value, "Number two: Leo");
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
  std::string heading = "stale";
  Sourced<std::string> named;
  named.Set("stale", "title-tag");
  ChooseTitle(front_matter, scan, SiteNames("", ""), &title, &heading, &named);
  EXPECT_EQ(heading, "");
  EXPECT_FALSE(named.found());
  EXPECT_EQ(title.value, "Stated");
  EXPECT_EQ(title.source, "front-matter");
}

TEST(TitleChoiceTest, TheOnlyHeaderH1StandsWhenNoneIsOutsideTheChrome) {
  // An article's own <header> holds its headline; the og:title is written
  // for search engines.
  Sourced<std::string> title =
      Choose("Online classes: definition, platforms and more",
             "Online classes: definition, platforms and more | Example",
             {{"Everything you need to know about online classes", 1, true},
              {"Related posts", 2, false}});
  EXPECT_EQ(title.value, "Everything you need to know about online classes");
  EXPECT_EQ(title.source, "heading");
  // Two <h1>s in the chrome, or one outside it besides: the og:title.
  EXPECT_EQ(
      Choose("Online classes: definition, platforms and more", "",
             {{"Everything you need to know about online classes", 1, true},
              {"Subscribe to our newsletter", 1, true}})
          .source,
      "opengraph");
  // The blog's name in the <header> is no headline.
  EXPECT_EQ(Choose("", "Why we garden in winter – The Example Garden Blog",
                   {{"The Example Garden Blog", 1, true}})
                .value,
            "Why we garden in winter");
  // The same words in other quotes: the title as the metadata writes it.
  title = Choose("Let's meet at the spring conferences", "",
                 {{"Let’s meet at the spring conferences", 1, true}});
  EXPECT_EQ(title.value, "Let's meet at the spring conferences");
  EXPECT_EQ(title.source, "opengraph");
  // Other marks are the page's own spelling: the headline stands.
  title = Choose("Best bread machines, my favourites ⋆", "",
                 {{"Best bread machines, my favourites!", 1, true}});
  EXPECT_EQ(title.value, "Best bread machines, my favourites!");
  EXPECT_EQ(title.source, "heading");
}

TEST(TitleChoiceTest, ALoneHeadingNoTitleConfirmsKeepsThePagesName) {
  // A landing page: the <h1> is a pitch, the <title> names the page.
  Candidates none;
  PageScan scan;
  scan.title_tag = "Customer service software for teams | Helpdesk";
  scan.headings = {{"The complete customer service solution", 1, false}};
  Sourced<std::string> title, named;
  std::string heading;
  ChooseTitle(none, scan, SiteNames("Helpdesk", "https://helpdesk.example/"),
              &title, &heading, &named);
  EXPECT_EQ(title.value, "The complete customer service solution");
  EXPECT_EQ(heading, "The complete customer service solution");
  EXPECT_EQ(named.value, "Customer service software for teams");
  EXPECT_EQ(named.source, "title-tag");
  // A heading the <title> confirms leaves nothing to name the page by.
  scan.headings = {{"Customer service software for teams", 1, false}};
  ChooseTitle(none, scan, SiteNames("Helpdesk", "https://helpdesk.example/"),
              &title, &heading, &named);
  EXPECT_EQ(title.source, "heading");
  EXPECT_FALSE(named.found());
}

TEST(TitleChoiceTest, TheTitleAroundTheMetadatasTitleHasTheSitesPart) {
  // The <title> is the og:title after the blog's name: that name, an <h1>
  // besides, is the site's part, not a headline the <title> confirms.
  Sourced<std::string> title =
      Choose("Why we plant our vegetables in winter",
             "Notes from the garden: Why we plant our vegetables in winter",
             {{"Notes from the garden", 1, false}});
  EXPECT_EQ(title.value, "Why we plant our vegetables in winter");
  EXPECT_EQ(title.source, "opengraph");
  // The same with the <title> written over lines, as pages often do.
  title = Choose(
      "Why we plant our vegetables in winter",
      "\n    Notes from the garden:  Why we plant our vegetables in winter\n",
      {{"Notes from the garden", 1, false}});
  EXPECT_EQ(title.value, "Why we plant our vegetables in winter");
  EXPECT_EQ(title.source, "opengraph");
  // A heading of no words is no fragment of the <title> either.
  title = Choose("Hello again", "...: Hello again", {{"...", 1, false}});
  EXPECT_EQ(title.value, "Hello again");
  // An og:title that is the site's name leaves the <title> as it is.
  title =
      Choose("Example Mowers", "Which mower suits which lawn? | Example Mowers",
             {{"Which mower suits which lawn?", 1, false}}, "Example Mowers",
             "https://www.examplemowers.example/blog");
  EXPECT_EQ(title.value, "Which mower suits which lawn?");
  EXPECT_EQ(title.source, "heading");
}

TEST(TitleChoiceTest, AHeaderH1ThatLeadsTheTitleBeforeAColonStands) {
  // A shop's shelf: the <h1> in its header, the og:title goes on past a
  // colon for search engines. The <h1> is confirmed: nothing renames it.
  Candidates candidates;
  candidates.Add(
      Field::kTitle,
      "Hiking Boots: Shop Boots for Hiking & Backpacking | Outfitter",
      "opengraph", kRankOpenGraph);
  PageScan scan;
  scan.headings = {{"Hiking Boots", 1, true}, {"Filters", 2, false}};
  Sourced<std::string> title, named;
  std::string heading;
  ChooseTitle(candidates, scan,
              SiteNames("Outfitter", "https://www.outfitter.example/c/boots"),
              &title, &heading, &named);
  EXPECT_EQ(title.value, "Hiking Boots");
  EXPECT_EQ(title.source, "heading");
  EXPECT_FALSE(named.found());
  // The site's name before a colon is no headline.
  title = Choose("Example Daily: News for nerds, stuff that matters", "",
                 {{"Example Daily", 1, true}}, "Example Daily",
                 "https://exampledaily.example/");
  EXPECT_EQ(title.value, "Example Daily: News for nerds, stuff that matters");
  EXPECT_EQ(title.source, "opengraph");
  // Nor a part of the title without a colon after it.
  title = Choose("Hiking Boots for Winter Trails", "",
                 {{"Hiking Boots", 1, true}, {"Another", 1, false}});
  EXPECT_EQ(title.source, "opengraph");
}

TEST(TitleChoiceTest, ATitleCutShortGivesWayToOneThatSaysItWhole) {
  // The og:title ends in an ellipsis; the <title> goes on.
  Sourced<std::string> title = Choose(
      "The council approves the budget after a long…",
      "The council approves the budget after a long night of talks | Example",
      {});
  EXPECT_EQ(title.value,
            "The council approves the budget after a long night of talks");
  EXPECT_EQ(title.source, "title-tag");
  // The headline in the article's header says it whole ("..." too).
  title = Choose("The council approves the budget after a long...", "",
                 {{"The council approves the budget after a long night of "
                   "talks",
                   1, true},
                  {"Related", 1, false}});
  EXPECT_EQ(title.value,
            "The council approves the budget after a long night of talks");
  EXPECT_EQ(title.source, "heading");
  // Nothing says more: the title as it is.
  EXPECT_EQ(
      Choose("The council approves the budget after a long…", "", {}).value,
      "The council approves the budget after a long…");
  // Too little before the ellipsis to be a title cut short.
  title = Choose("Well...", "",
                 {{"Well, that was a year", 1, true}, {"Related", 1, false}});
  EXPECT_EQ(title.value, "Well...");
}

}  // namespace
}  // namespace lede::engine::metadata
