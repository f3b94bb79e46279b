#include "server/engine/block_passes.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/block_testing.h"
#include "server/engine/thread_cpu.h"

namespace lede::engine::content {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Block Make(BlockKind kind, std::string text) {
  Block block;
  block.kind = kind;
  block.text = std::move(text);
  return block;
}

Block Picture(std::string url) {
  Block block = Make(BlockKind::kFigure, "");
  block.image.url = std::move(url);
  return block;
}

TEST(BlockPassesTest, OnlyTheFirstHeadingThatSaysTheTitleGoes) {
  std::vector<DraftBlock> drafts = {
      {Make(BlockKind::kParagraph, "Budget passes")},
      {Make(BlockKind::kHeading, "Budget passes")},
      {Make(BlockKind::kHeading, "Schools first")},
      {Make(BlockKind::kHeading, "Budget passes")}};
  DropTitleHeading("Budget  passes", &drafts);
  ASSERT_EQ(drafts.size(), 3u);
  EXPECT_EQ(drafts[0].block.kind, BlockKind::kParagraph);
  EXPECT_EQ(drafts[1].block.text, "Schools first");
  EXPECT_EQ(drafts[2].block.text, "Budget passes");
  std::vector<DraftBlock> untitled = {
      {Make(BlockKind::kHeading, "Budget passes")}};
  DropTitleHeading("", &untitled);
  EXPECT_EQ(untitled.size(), 1u);
}

TEST(BlockPassesTest, LooseShortTextAfterAPictureIsItsCaption) {
  std::vector<DraftBlock> drafts = {
      {Picture("https://example.com/a.jpg")},
      {Make(BlockKind::kParagraph, "The council chamber."), /*loose=*/true},
      {Make(BlockKind::kParagraph, "A second loose line."), /*loose=*/true},
      {Picture("https://example.com/b.jpg")},
      {Make(BlockKind::kParagraph, "In a paragraph of its own."),
       /*loose=*/false}};
  std::vector<Block> blocks = FinishWalk(drafts, "", /*listing=*/false);
  EXPECT_THAT(Texts(blocks),
              ElementsAre("The council chamber.", "A second loose line.", "",
                          "In a paragraph of its own."));
  EXPECT_EQ(blocks[0].image.caption, "The council chamber.");
  EXPECT_EQ(blocks[2].image.caption, "");
  // On a listing, the line after a picture is its item's title.
  std::vector<Block> listing = FinishWalk(drafts, "", /*listing=*/true);
  EXPECT_EQ(listing.size(), 5u);
  EXPECT_EQ(listing[0].image.caption, "");
}

TEST(BlockPassesTest, MetadataAndFurnitureLinesGoTheArticleStays) {
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph, "By Jane Doe, 4 May 2024"),
      Make(BlockKind::kParagraph,
           "The council voted on Tuesday to approve the new budget, which "
           "raises spending on schools, roads and parks by a tenth."),
      Make(BlockKind::kParagraph, "Advertisement"),
      Make(BlockKind::kParagraph,
           "Opponents said the plan, drafted in a hurry, leaves the city "
           "exposed if tax receipts fall, as they did two years ago."),
      Make(BlockKind::kParagraph, "Related articles:"),
      Make(BlockKind::kParagraph, "Another story about budgets")};
  DropMetadataAndFurnitureLines({"Jane Doe"}, &blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre(::testing::StartsWith("The council voted"),
                          ::testing::StartsWith("Opponents said")));
}

// A post's closing line, a date and a count of its comments, ends a blog's
// front page's first post in Chinese as in English; a line whose numbers
// count no comments stays.
TEST(BlockPassesTest, APostFooterEndsThePostInAnyOfItsLanguages) {
  const std::string post(120, 'x');  // 120 code points a paragraph
  for (absl::string_view footer :
       {"\u7531\u5F35\u4E09\u5F35\u8CBC @ 2005-06-14 03:25 \u5171 11 "
        "\u7BC7\u8BC4\u8BBA",
        "\u767C\u8868\u65BC 2005-06-14 03:25 | \u8A55\u8AD6 (3)",
        "Posted June 4, 2019 | 12 comments"}) {
    std::vector<Block> blocks = {
        Make(BlockKind::kParagraph, post),
        Make(BlockKind::kParagraph, post),
        Make(BlockKind::kParagraph, post),
        Make(BlockKind::kParagraph,
             "\u5171\u6709 11 \u4F4D\u8BFB\u8005\u5728 12 "
             "\u4E2A\u57CE\u5E02\u53C2\u52A0\u4E86\u6D3B\u52A8"),
        Make(BlockKind::kParagraph, std::string(footer)),
        Make(BlockKind::kParagraph, "The next post")};
    DropMetadataAndFurnitureLines({}, &blocks);
    EXPECT_THAT(Texts(blocks),
                ElementsAre(post, post, post, ::testing::StartsWith("\u5171")))
        << footer;
  }
}

// A shop puts its "You may also like" carousel between the buy box and the
// product's details: a marker with more text after it than before ends
// nothing, its line goes. One near the end still ends the article.
TEST(BlockPassesTest, AnEndMarkerMidPageDropsOnlyItsLine) {
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph,
           "A leather case that wears in beautifully and becomes yours, "
           "with magnets for chargers."),
      Make(BlockKind::kHeading, "You may also like"),
      Make(BlockKind::kParagraph, "Wallet, black leather"),
      Make(BlockKind::kHeading, "Materials"),
      Make(BlockKind::kParagraph,
           "Full-grain leather from a tannery in Denmark, a microfiber "
           "lining, aluminium buttons and a bumper that takes a fall of "
           "eight feet. The leather darkens into a patina in a few weeks."),
      Make(BlockKind::kHeading, "Related articles"),
      Make(BlockKind::kParagraph, "How to care for leather")};
  DropMetadataAndFurnitureLines({}, &blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre(::testing::StartsWith("A leather case"),
                          "Wallet, black leather", "Materials",
                          ::testing::StartsWith("Full-grain leather")));
}

// Lines without an ASCII letter skip the phrase and credit patterns, save
// a credit's "©"; under (?i) the long s reads as s.
TEST(BlockPassesTest, CreditsAndPhrasesGoInAnyScript) {
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph,
           "新华社北京5月4日电 "
           "国务院总理今天主持召开常务会议，部署稳就业的措施。"),
      Make(BlockKind::kParagraph, "图为会场 © 新华社"),
      Make(BlockKind::kParagraph, "\u017Fubscribe now"),
      Make(BlockKind::kParagraph, "会议指出，要加大对中小企业的支持力度。")};
  DropMetadataAndFurnitureLines({}, &blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre(HasSubstr("国务院总理"), HasSubstr("中小企业")));
}

// Each branch of the credit pattern still drops its line: those the
// pattern reads from a '(', ':' or "©", and "courtesy of" at the start.
TEST(BlockPassesTest, CreditsOfEveryKindGo) {
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph, "Dmitry Muratov in Oslo (REUTERS/Denis)"),
      Make(BlockKind::kParagraph, "Die Bühne (Foto: Jane Doe)"),
      Make(BlockKind::kParagraph, "The stage \u00A9 Augusta National"),
      Make(BlockKind::kParagraph, "Die Bühne. Bild: AFP/SID"),
      Make(BlockKind::kParagraph, "  Courtesy of the museum"),
      Make(BlockKind::kParagraph, "Photo courtesy of NASA"),
      Make(BlockKind::kParagraph, "Video courtesy of the club"),
      Make(BlockKind::kParagraph, "Illustration: Jane Doe/Axios"),
      Make(BlockKind::kParagraph, "Ein Hafen (Symbolbild)"),
      Make(BlockKind::kParagraph, "The museum lent it, courtesy of Jane."),
      Make(BlockKind::kParagraph, "A view courtesy of the harbour master")};
  DropMetadataAndFurnitureLines({}, &blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre("The museum lent it, courtesy of Jane.",
                          "A view courtesy of the harbour master"));
}

// A widget's label goes whatever its count, marks and case; a line with
// more letters than any label, or a count that does not close it, stays.
TEST(BlockPassesTest, WidgetLinesGoWithTheirCounts) {
  EXPECT_TRUE(IsWidgetLine("Comments (12)"));
  EXPECT_TRUE(IsWidgetLine("COMMENTS [1.2k] "));
  EXPECT_TRUE(IsWidgetLine("Read less \u00BB"));
  EXPECT_TRUE(IsWidgetLine("Advertisement - Scroll to Continue (3)"));
  EXPECT_TRUE(IsWidgetLine("139 shares"));
  EXPECT_FALSE(IsWidgetLine("Comments (12) on the budget"));
  EXPECT_FALSE(IsWidgetLine("Advertisement - Scroll to Continue reading"));
  EXPECT_EQ(WidgetLineKey("Share (4) "), "share");
  EXPECT_EQ(WidgetLineKey("Share 4"), "share 4");
}

// A line longer than every label is still one when its marks and white
// space, or its count, make up the difference.
TEST(BlockPassesTest, LongLinesOfMarksOrCountsAroundALabelAreWidgetLines) {
  const std::string dots(200, '.');
  EXPECT_TRUE(IsWidgetLine(absl::StrCat("  Loading ", dots, "   ")));
  EXPECT_TRUE(IsWidgetLine(absl::StrCat("\u00BB \u00BB Read less ", dots)));
  EXPECT_TRUE(
      IsWidgetLine(absl::StrCat("Comments (", std::string(150, '9'), ")")));
  EXPECT_FALSE(IsWidgetLine(absl::StrCat("Loading the ship ", dots)));
}

TEST(BlockPassesTest, NoticesThatThePageNeedsJavaScriptGo) {
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph,
           "You need to enable JavaScript to run this app."),
      Make(BlockKind::kParagraph,
           "The team rewrote the checkout in JavaScript last spring."),
      Make(BlockKind::kHeading, "JavaScript is disabled in your browser!"),
      Make(BlockKind::kParagraph,
           "Bitte aktivieren Sie JavaScript. JavaScript ist deaktiviert."),
      Make(BlockKind::kParagraph, "请启用 JavaScript。"),
      Make(BlockKind::kParagraph, "Please enable JavaScript to see the map."),
      Make(BlockKind::kParagraph, "Enable JavaScript")};
  DropMetadataAndFurnitureLines({}, &blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre("The team rewrote the checkout in JavaScript last "
                          "spring.",
                          "Please enable JavaScript to see the map."));
  EXPECT_TRUE(IsScriptNotice("PLEASE ENABLE JAVASCRIPT"));
  EXPECT_FALSE(IsScriptNotice("Please enable JavaScript. Then read on."));
  EXPECT_FALSE(IsScriptNotice("JavaScript"));
}

TEST(BlockPassesTest, LinesMadeOfMachineIdentifiersGo) {
  // A "Sponsored" label spelled a letter at a time between hidden UUIDs.
  const std::string noise =
      "S0d48abc0-6602-4407-a05b-e5f87e8f229cp4b75a245-1d18-4cd6-a8bb-"
      "c003e1120f4co38252f27-527d-4457-91c8-eacb55ffbb34n b3579602-0dd3-4c7e-"
      "9140-18b37963a3b6sbf7c621b-560f-41ff-86fe-eeb9e765510c";
  const std::string command =
      "$ celery -A proj result -t tasks.add 4e196aa4-0141-4601-8138-"
      "7aa33db0f577";
  const std::string sentence =
      "Orders 4e196aa4-0141-4601-8138-7aa33db0f577, e9f6c8f0-fec9-4ae8-a8c6-"
      "cf8c8451d4f8 and 0d48abc0-6602-4407-a05b-e5f87e8f229c were refunded "
      "on Monday after the warehouse found the parcels damaged in transit.";
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph, "Similar items"),
      Make(BlockKind::kParagraph, noise), Make(BlockKind::kParagraph, command),
      Make(BlockKind::kParagraph, sentence), Make(BlockKind::kCode, noise)};
  DropMetadataAndFurnitureLines({}, &blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre("Similar items", command, sentence, noise));
  EXPECT_TRUE(IsIdentifierNoise(noise));
  EXPECT_FALSE(IsIdentifierNoise(command));
  EXPECT_FALSE(IsIdentifierNoise(sentence));
}

TEST(BlockPassesTest, ShortTrailingLinesAreTrimmedAfterALongArticle) {
  std::string long_paragraph;
  for (int i = 0; i < 10; ++i) {
    long_paragraph +=
        "The council voted on Tuesday to approve the new budget. ";
  }
  std::vector<Block> blocks = {Make(BlockKind::kParagraph, long_paragraph),
                               Make(BlockKind::kParagraph, "Is it enough?"),
                               Make(BlockKind::kParagraph, "Share"),
                               Make(BlockKind::kParagraph, "Next post")};
  TrimTrailingFurniture(&blocks);
  EXPECT_THAT(Texts(blocks), ElementsAre(long_paragraph, "Is it enough?"));
  // A short article keeps its last lines: they may be all it has.
  std::vector<Block> short_article = {Make(BlockKind::kParagraph, "Hello"),
                                      Make(BlockKind::kParagraph, "Share")};
  TrimTrailingFurniture(&short_article);
  EXPECT_EQ(short_article.size(), 2u);
}

// A list at the end is the page's own: a product's details. The short
// lines after it still go.
TEST(BlockPassesTest, AListAtTheEndEndsTheTrim) {
  std::string description;
  for (int i = 0; i < 10; ++i) {
    description += "A springy foam midsole gives an energized ride. ";
  }
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph, description),
      Make(BlockKind::kHeading, "Product details"),
      Make(BlockKind::kListItem, "Weight: 297 g"),
      Make(BlockKind::kListItem, "Shown: Black/Anthracite/White"),
      Make(BlockKind::kParagraph, "Share"),
      Make(BlockKind::kParagraph, "Next post")};
  TrimTrailingFurniture(&blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre(description, "Product details", "Weight: 297 g",
                          "Shown: Black/Anthracite/White"));
}

TEST(BlockPassesTest, AnAuthorsBioAfterTheArticleGoes) {
  std::string article;
  for (int i = 0; i < 10; ++i) {
    article += "The council voted on Tuesday to approve the new budget. ";
  }
  const std::string bio =
      "Jane Doe is a freelance writer covering city hall and the schools "
      "for the Gazette since 2012.";
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph, article),
      Make(BlockKind::kParagraph, "Contributing Writer"),
      Make(BlockKind::kParagraph, "Jane Doe"), Make(BlockKind::kParagraph, bio),
      Make(BlockKind::kParagraph, "Share this")};
  DropAuthorBio({"Jane Doe"}, &blocks);
  EXPECT_THAT(Texts(blocks), ElementsAre(article));
  // The first name opens a bio too; an "*" before it is a footnote's mark.
  blocks = {Make(BlockKind::kParagraph, article),
            Make(BlockKind::kParagraph,
                 "*Jane, MD, has written about medicine and the council's "
                 "health budget for a decade.")};
  DropAuthorBio({"Jane Doe"}, &blocks);
  EXPECT_THAT(Texts(blocks), ElementsAre(article));
}

TEST(BlockPassesTest, WhatOnlyLooksLikeABioStays) {
  std::string article;
  for (int i = 0; i < 10; ++i) {
    article += "The council voted on Tuesday to approve the new budget. ";
  }
  const std::string about_someone_else =
      "John Roe is the council's treasurer and has argued for the budget "
      "since the spring.";
  const std::string bio =
      "Jane Doe is a freelance writer covering city hall and the schools "
      "for the Gazette since 2012.";
  // Not the byline's author.
  std::vector<Block> blocks = {Make(BlockKind::kParagraph, article),
                               Make(BlockKind::kParagraph, about_someone_else)};
  DropAuthorBio({"Jane Doe"}, &blocks);
  EXPECT_EQ(blocks.size(), 2u);
  // A name that only starts the first word ("Janet" is not "Jane").
  blocks = {Make(BlockKind::kParagraph, article),
            Make(BlockKind::kParagraph,
                 "Janet is the council's treasurer and has argued for the "
                 "budget since the spring.")};
  DropAuthorBio({"Jane Doe"}, &blocks);
  EXPECT_EQ(blocks.size(), 2u);
  // Too much article after it: the bio is not at the end.
  blocks = {Make(BlockKind::kParagraph, article),
            Make(BlockKind::kParagraph, bio),
            Make(BlockKind::kParagraph, article)};
  DropAuthorBio({"Jane Doe"}, &blocks);
  EXPECT_EQ(blocks.size(), 3u);
  // Too little article before it: the page may be about the author.
  blocks = {Make(BlockKind::kParagraph, "Our team."),
            Make(BlockKind::kParagraph, bio)};
  DropAuthorBio({"Jane Doe"}, &blocks);
  EXPECT_EQ(blocks.size(), 2u);
}

// A block whose text is all inside a link to the page's own site.
Block Linked(BlockKind kind, std::string text) {
  Block block = Make(kind, std::move(text));
  for (char c : block.text) block.site_link_length += c != ' ';
  return block;
}

TEST(BlockPassesTest, TeaserCardsThatCloseTheArticleGo) {
  std::string article;
  for (int i = 0; i < 10; ++i) {
    article += "The council voted on Tuesday to approve the new budget. ";
  }
  const std::string first_sentence =
      "The mayor said the plan would be ready by the spring.";
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph, article),
      Make(BlockKind::kHeading, "More from the Gazette"),
      Picture("https://example.com/a.jpg"),
      Linked(BlockKind::kHeading, "Schools reopen after the storm"),
      Make(BlockKind::kParagraph, "May 3, 2024"),
      Make(BlockKind::kParagraph, first_sentence),
      Picture("https://example.com/b.jpg"),
      Linked(BlockKind::kHeading, "Bridge repairs to start in June"),
      Make(BlockKind::kParagraph, first_sentence),
      Linked(BlockKind::kParagraph, "Library hours change this summer"),
      Make(BlockKind::kParagraph, "Read more")};
  DropTeaserCards(&blocks);
  EXPECT_THAT(Texts(blocks), ElementsAre(article));
}

TEST(BlockPassesTest, ListsASentenceLeadsIntoAreNotTeaserCards) {
  std::string article;
  for (int i = 0; i < 10; ++i) {
    article += "The council voted on Tuesday to approve the new budget. ";
  }
  const Block lead_in =
      Make(BlockKind::kParagraph, "For the council's own papers on it, see:");
  const Block reference =
      Linked(BlockKind::kListItem, "The budget committee's minutes");
  std::vector<Block> blocks = {Make(BlockKind::kParagraph, article),
                               lead_in,
                               reference,
                               reference,
                               lead_in,
                               reference,
                               reference};
  DropTeaserCards(&blocks);
  EXPECT_EQ(blocks.size(), 7u);
  // Teasers after the last such list still go.
  const Block teaser =
      Linked(BlockKind::kHeading, "Schools reopen after the storm");
  blocks.push_back(teaser);
  blocks.push_back(teaser);
  DropTeaserCards(&blocks);
  EXPECT_EQ(blocks.size(), 7u);
}

TEST(BlockPassesTest, ALongListOfLinksIsLookedAtInLinearTime) {
  // Each item of a list asks whether a sentence leads into the list; asked
  // item by item, scanning back to the list's start, 200 000 items would
  // take tens of seconds (it takes milliseconds).
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph, "Our stories, newest first.")};
  blocks.resize(200'000, Linked(BlockKind::kListItem, "Schools reopen"));
  const absl::Duration start = ThreadCpuTime();
  DropTeaserCards(&blocks);
  EXPECT_LT(ThreadCpuTime() - start, absl::Seconds(2));
  EXPECT_EQ(blocks.size(), 200'000u);
}

TEST(BlockPassesTest, WhatOnlyLooksLikeTeaserCardsStays) {
  std::string article;
  for (int i = 0; i < 10; ++i) {
    article += "The council voted on Tuesday to approve the new budget. ";
  }
  const Block headline =
      Linked(BlockKind::kHeading, "Schools reopen after the storm");
  const Block prose = Make(BlockKind::kParagraph, article);
  // One card is not a run of them.
  std::vector<Block> blocks = {prose, headline};
  DropTeaserCards(&blocks);
  EXPECT_EQ(blocks.size(), 2u);
  // Headlines that do not link within the site (a list of products or of
  // friends' blogs), or a headline's words as plain text.
  Block elsewhere = headline;
  elsewhere.site_link_length = 0;
  blocks = {prose, elsewhere, elsewhere, elsewhere};
  DropTeaserCards(&blocks);
  EXPECT_EQ(blocks.size(), 4u);
  // The article's prose between the headlines: a list of linked sections,
  // each with its text.
  blocks = {prose, headline, prose, headline, prose, headline, prose};
  DropTeaserCards(&blocks);
  EXPECT_EQ(blocks.size(), 7u);
  // The cards hold more text than the article before them: they are the
  // page (a list of webcams, a guide's chapters).
  blocks = {Make(BlockKind::kParagraph, article.substr(0, 520))};
  for (int i = 0; i < 8; ++i) {
    blocks.push_back(headline);
    blocks.push_back(Make(BlockKind::kParagraph, article.substr(0, 200)));
  }
  DropTeaserCards(&blocks);
  EXPECT_EQ(blocks.size(), 17u);
  // Too little article before them.
  blocks = {Make(BlockKind::kParagraph, "Our stories."), headline, headline,
            headline};
  DropTeaserCards(&blocks);
  EXPECT_EQ(blocks.size(), 4u);
}

// A block whose text is all inside a link, to the site or elsewhere.
Block AnyLinked(BlockKind kind, std::string text) {
  Block block = Make(kind, std::move(text));
  for (char c : block.text) block.link_length += c != ' ';
  return block;
}

// The blocks of a product's page: its name, price and description, then a
// carousel of `cards` other products (a linked name, a price, a seller's
// line), led into by "Similar items", then its specifications.
std::vector<Block> ProductWithCarousel(int cards) {
  Block name = Make(BlockKind::kHeading, "Trail runner 3 waterproof shoe");
  name.level = 1;
  std::vector<Block> blocks = {
      name, Make(BlockKind::kParagraph, "$129.00"),
      Make(BlockKind::kParagraph,
           "A light trail shoe with a waterproof membrane and a grippy "
           "outsole for wet rock, mud and loose gravel on long days out."),
      Make(BlockKind::kHeading, "Similar items")};
  for (int i = 0; i < cards; ++i) {
    blocks.push_back(Picture("https://shop.example/p.jpg"));
    blocks.push_back(AnyLinked(BlockKind::kParagraph,
                               "Road runner " + std::to_string(i) + " shoe"));
    blocks.push_back(Make(BlockKind::kListItem, "EUR 89,99"));
    blocks.push_back(Make(BlockKind::kListItem, "New · Business"));
  }
  blocks.push_back(Make(BlockKind::kHeading, "Specifications"));
  blocks.push_back(Make(BlockKind::kParagraph,
                        "Weight: 310 g. Drop: 6 mm. Upper: recycled mesh "
                        "with a welded toe cap and a gusseted tongue."));
  return blocks;
}

TEST(BlockPassesTest, ARunOfOtherProductsPricedCardsGoes) {
  std::vector<Block> blocks = ProductWithCarousel(4);
  DropPricedCards(&blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre("Trail runner 3 waterproof shoe", "$129.00",
                          HasSubstr("waterproof membrane"), "Specifications",
                          HasSubstr("Weight: 310 g")));
  // A card whose name is a heading, not a link (the link overlays the
  // card), its price after a seller's line.
  blocks = {Make(BlockKind::kParagraph, std::string(300, 'a'))};
  for (int i = 0; i < 3; ++i) {
    blocks.push_back(
        Make(BlockKind::kHeading, "Gold chain 520 with 104 links"));
    blocks.push_back(Make(BlockKind::kListItem, "Pre-owned · Private"));
    blocks.push_back(Make(BlockKind::kListItem, "£20.12"));
  }
  DropPricedCards(&blocks);
  EXPECT_EQ(blocks.size(), 1u);
}

TEST(BlockPassesTest, WhatOnlyLooksLikePricedCardsStays) {
  // Two cards are not a carousel.
  std::vector<Block> blocks = ProductWithCarousel(2);
  DropPricedCards(&blocks);
  EXPECT_EQ(blocks.size(), ProductWithCarousel(2).size());
  // The product's own variants, named in a few letters ("512GB OLED")
  // with their prices: what the page sells.
  blocks = {Make(BlockKind::kParagraph, std::string(300, 'a'))};
  for (const char* variant : {"256GB LCD", "512GB OLED", "1TB OLED"}) {
    blocks.push_back(Make(BlockKind::kHeading, variant));
    blocks.push_back(Make(BlockKind::kListItem, "Wi-Fi 6E"));
    blocks.push_back(Make(BlockKind::kParagraph, "569,00€"));
  }
  DropPricedCards(&blocks);
  EXPECT_EQ(blocks.size(), 10u);
  // Linked cards without prices (a shop's guides), and priced lines under
  // a heading with more than a card's text (a price list's sections).
  blocks = ProductWithCarousel(4);
  for (Block& block : blocks) {
    if (block.text == "EUR 89,99") block.text = "In stock";
  }
  DropPricedCards(&blocks);
  EXPECT_EQ(blocks.size(), ProductWithCarousel(4).size());
  blocks = {};
  for (int i = 0; i < 4; ++i) {
    blocks.push_back(Make(BlockKind::kHeading, "Deep tissue massage session"));
    blocks.push_back(Make(BlockKind::kParagraph, std::string(320, 'b')));
    blocks.push_back(Make(BlockKind::kParagraph, "$80"));
  }
  DropPricedCards(&blocks);
  EXPECT_EQ(blocks.size(), 12u);
  // Cards that are all the page has: nothing would be left.
  blocks = ProductWithCarousel(4);
  blocks.erase(blocks.begin(), blocks.begin() + 3);
  blocks.resize(blocks.size() - 2);
  const size_t cards_only = blocks.size();
  DropPricedCards(&blocks);
  EXPECT_EQ(blocks.size(), cards_only);
}

Block Button(std::string text) {
  Block block = Make(BlockKind::kParagraph, std::move(text));
  for (char c : block.text) block.link_length += c != ' ';
  return block;
}

TEST(BlockPassesTest, AButtonAfterProseGoes) {
  const std::string review =
      "The service ships five pieces a month and lets you keep what fits, "
      "with free returns on the rest. Stylists read your notes closely. ";
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph, review + review + review),
      Button("Try Stitch Fix"),
      Make(BlockKind::kParagraph, review),
      Picture("https://example.com/a.jpg"),
      Button("LEARN MORE"),
      Make(BlockKind::kListItem, "Free returns on every box."),
      Button("Book now")};
  DropLinkButtons(&blocks);
  EXPECT_THAT(Texts(blocks), ElementsAre(review + review + review, review, "",
                                         "Free returns on every box."));
}

TEST(BlockPassesTest, LinkedLinesThatAreNotButtonsStay) {
  const std::string prose =
      "The council voted on Tuesday to approve the new budget, and the "
      "mayor said the schools come first this year. ";
  const Block article = Make(BlockKind::kParagraph, prose + prose + prose);
  // A list of linked places after a label, each with a line about it.
  std::vector<Block> blocks = {
      article, Make(BlockKind::kParagraph, "The places in the video:"),
      Button("Crash Room"),
      Make(BlockKind::kParagraph, "3 minutes from Ostkreuz"),
      Button("Base Flying")};
  DropLinkButtons(&blocks);
  EXPECT_EQ(blocks.size(), 5u);
  // A run of linked lines after prose: a list of links.
  blocks = {article, Button("Dataminr acquires ThreatConnect"),
            Button("Imprivata acquires Verosint")};
  DropLinkButtons(&blocks);
  EXPECT_EQ(blocks.size(), 3u);
  // Too long, a sentence, not a link, a number, a heading.
  Block heading = Button("Our services");
  heading.kind = BlockKind::kHeading;
  Block plain = Make(BlockKind::kParagraph, "Learn more");
  blocks = {article, Button("Read the full review of the new model"),
            article, Button("See the rating."),
            article, plain,
            article, Button("12"),
            article, heading,
            article};
  DropLinkButtons(&blocks);
  EXPECT_EQ(blocks.size(), 11u);
  // Too little article without it.
  blocks = {Make(BlockKind::kParagraph, "Our stories."), Button("Read more")};
  DropLinkButtons(&blocks);
  EXPECT_EQ(blocks.size(), 2u);
}

TEST(BlockPassesTest, TheDeclaredBodyStandsInOnlyForNextToNothing) {
  const std::string declared =
      "The council voted on Tuesday to approve the new budget.\n\n  Opponents "
      "said the plan leaves the city exposed if tax receipts fall.";
  EXPECT_THAT(
      Texts(DeclaredBlocks({Make(BlockKind::kParagraph, "Loading")}, declared)),
      ElementsAre(::testing::StartsWith("The council voted"),
                  ::testing::StartsWith("Opponents said")));
  std::string found(250, 'x');
  EXPECT_TRUE(
      DeclaredBlocks({Make(BlockKind::kParagraph, found)}, declared).empty());
  EXPECT_TRUE(DeclaredBlocks({}, "").empty());
  EXPECT_EQ(TextLength({Make(BlockKind::kParagraph, "héllo"),
                        Make(BlockKind::kHeading, "世界")}),
            7u);
}

TEST(BlockPassesTest, TextLengthUpToIsExactUnderItsCapAndTheCapAbove) {
  const std::vector<Block> blocks = {Make(BlockKind::kParagraph, "héllo"),
                                     Make(BlockKind::kHeading, "世界")};
  EXPECT_EQ(TextLengthUpTo(blocks, 8), 7u);
  EXPECT_EQ(TextLengthUpTo(blocks, 7), 7u);
  EXPECT_EQ(TextLengthUpTo(blocks, 6), 6u);
  EXPECT_EQ(TextLengthUpTo(blocks, 3), 3u);
  EXPECT_EQ(TextLengthUpTo({}, 5), 0u);
  EXPECT_EQ(TextLengthUpTo(blocks, 0), 0u);
}

TEST(BlockPassesTest, AGridsControlsGoItsEntriesStay) {
  // A shop's category grid as the walk gives it: the count and switches
  // above it, then cards whose lines a <br> parts, each closing on its
  // action.
  std::vector<Block> blocks = {
      Make(BlockKind::kHeading, "Hiking boots"),
      Make(BlockKind::kParagraph, "338 products"),
      Make(BlockKind::kParagraph, "Sort by: Best Match"),
      Make(BlockKind::kParagraph, "Filters"),
      Make(BlockKind::kListItem,
           "Moab 3 Mid Waterproof Boots\n$170.00\nAdd to Cart"),
      Make(BlockKind::kListItem, "Trail Runner GTX\n$135.00\nQuick view"),
      Make(BlockKind::kParagraph, "Compare (0)"),
      Make(BlockKind::kParagraph,
           "Compare the boots by their weight and their warmth."),
      Make(BlockKind::kTableRow, "Add to cart"),
  };
  blocks[4].link_length = 40;
  DropGridControls(&blocks);
  EXPECT_THAT(
      Texts(blocks),
      ElementsAre("Hiking boots", "Moab 3 Mid Waterproof Boots\n$170.00",
                  "Trail Runner GTX\n$135.00",
                  "Compare the boots by their weight and their warmth.",
                  "Add to cart"));
  // The link text left is no more than the text left.
  EXPECT_LE(blocks[1].link_length, 34);

  std::vector<Block> none;
  DropGridControls(&none);
  EXPECT_TRUE(none.empty());
}

TEST(BlockPassesTest, AGridsBadgesGoWhenSeveralCardsCarryThem) {
  // Cards whose badges say their stock and novelty, one a line of its own.
  std::vector<Block> blocks = {
      Make(BlockKind::kListItem, "Sold out\nKoi watercolor set\n$24.00"),
      Make(BlockKind::kParagraph, "New!"),
      Make(BlockKind::kListItem, "QoR watercolor set\n$31.00"),
      Make(BlockKind::kParagraph, "Sold out"),
      Make(BlockKind::kParagraph, "New pigments are sold out by spring."),
  };
  DropGridControls(&blocks);
  EXPECT_THAT(
      Texts(blocks),
      ElementsAre("Koi watercolor set\n$24.00", "QoR watercolor set\n$31.00",
                  "New pigments are sold out by spring."));

  // A lone badge may be the page's own item's: it stays.
  std::vector<Block> lone = {
      Make(BlockKind::kHeading, "White speckle mug"),
      Make(BlockKind::kParagraph, "Sold out"),
      Make(BlockKind::kParagraph, "A wheel-thrown stoneware mug."),
  };
  DropGridControls(&lone);
  EXPECT_THAT(Texts(lone), ElementsAre("White speckle mug", "Sold out",
                                       "A wheel-thrown stoneware mug."));
}

TEST(BlockPassesTest, PriceLabelsGoThePricesStay) {
  // A shop's prices as the walk gives them, the labels its theme writes for
  // screen readers read with them.
  std::vector<Block> blocks = {
      Make(BlockKind::kHeading, "Sundara headphones"),
      Make(BlockKind::kParagraph, "Sale price $179 Regular price $299.00"),
      Make(BlockKind::kParagraph, "Unit price / per"),
      Make(BlockKind::kListItem, "Etched cable\nRegular price: €89,99\nBlue"),
      Make(BlockKind::kParagraph, "Sonderpreis 149,00 € Normaler Preis"),
      Make(BlockKind::kParagraph,
           "The sale price holds until Friday, the regular price after."),
      Make(BlockKind::kParagraph, "Regular price includes free shipping"),
      Make(BlockKind::kTableRow, "Regular price $299.00"),
  };
  blocks[3].link_length = 40;
  DropPriceLabels(&blocks);
  EXPECT_THAT(
      Texts(blocks),
      ElementsAre("Sundara headphones", "$179 $299.00",
                  "Etched cable\n€89,99\nBlue", "149,00 €",
                  "The sale price holds until Friday, the regular price after.",
                  "Regular price includes free shipping",
                  "Regular price $299.00"));
  // The link text left is no more than the text left.
  EXPECT_LE(blocks[2].link_length, 22);

  std::vector<Block> none;
  DropPriceLabels(&none);
  EXPECT_TRUE(none.empty());
}

TEST(BlockPassesTest, ARunOfCopiedParagraphsGoesALoneRepeatStays) {
  // A shop's overview as its markup gives it: the section twice (one copy
  // per screen size), then entries that each carry the same label.
  std::vector<Block> blocks = {
      Make(BlockKind::kHeading, "Designed for everyday"),
      Make(BlockKind::kParagraph, "Built to endure. For life."),
      Make(BlockKind::kParagraph, "Risk-free 99 day trial."),
      Make(BlockKind::kHeading, "DESIGNED FOR EVERYDAY"),
      Make(BlockKind::kParagraph, "Built to endure. For life."),
      Make(BlockKind::kParagraph, "Risk-free 99 day trial."),
      Make(BlockKind::kParagraph, "Material"),
      Make(BlockKind::kParagraph, "Aluminium"),
      Make(BlockKind::kParagraph, "Material"),
      Make(BlockKind::kParagraph, "Carbon fibre"),
      Picture("https://example.com/a.jpg"),
      Picture("https://example.com/a.jpg"),
      Make(BlockKind::kListItem, "Rest day"),
      Make(BlockKind::kListItem, "Rest day"),
      Make(BlockKind::kListItem, "Rest day"),
  };
  // The copy's heading differs only in case.
  DropRepeatedRuns(&blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre("Designed for everyday", "Built to endure. For life.",
                          "Risk-free 99 day trial.", "Material", "Aluminium",
                          "Material", "Carbon fibre", "", "", "Rest day",
                          "Rest day", "Rest day"));
  EXPECT_EQ(blocks[7].image.url, "https://example.com/a.jpg");

  std::vector<Block> none;
  DropRepeatedRuns(&none);
  EXPECT_TRUE(none.empty());
}

// A copy is of the same kind and the same text but for ASCII case: a
// paragraph that reads as a heading does, or a line that differs from
// another in the case of a letter past ASCII, is none.
TEST(BlockPassesTest, RepeatsAreOfOneKindAndDifferOnlyInAsciiCase) {
  std::vector<Block> kinds = {
      Make(BlockKind::kHeading, "Size"), Make(BlockKind::kParagraph, "Size"),
      Make(BlockKind::kParagraph, "SIZE"), Make(BlockKind::kParagraph, "size")};
  DropRepeatedRuns(&kinds);
  EXPECT_THAT(Texts(kinds), ElementsAre("Size", "Size"));

  const std::string summer = "\u00C9t\u00E9 2024";
  std::vector<Block> cases;
  for (const std::string& text :
       {summer, std::string("\u00E9t\u00E9 2024"),
        std::string("\u00C9T\u00E9 2024"), std::string("\u00E9T\u00E9 2024")}) {
    cases.push_back(Make(BlockKind::kParagraph, text));
  }
  DropRepeatedRuns(&cases);
  EXPECT_THAT(Texts(cases), ElementsAre(summer, "\u00E9t\u00E9 2024"));
}

TEST(BlockPassesTest, AProductsLoneCopiesGoItsOneWordLabelsStay) {
  // A product page as a shop's markup gives it: the name again in the
  // sticky bar, a selling point again as a list item, and a one-word label
  // once per variant.
  std::vector<Block> blocks = {
      Make(BlockKind::kHeading, "Classic II watch"),
      Make(BlockKind::kListItem, "Free engraving on every case"),
      Make(BlockKind::kParagraph, "Size"),
      Make(BlockKind::kParagraph, "40 mm"),
      Make(BlockKind::kParagraph, "Size"),
      Make(BlockKind::kParagraph, "44 mm"),
      Make(BlockKind::kHeading, "CLASSIC II WATCH"),
      Make(BlockKind::kListItem, "Free engraving on every case"),
      Make(BlockKind::kParagraph, "Sapphire crystal, steel case."),
  };
  std::vector<Block> as_article = blocks;
  DropRepeatedRuns(&as_article);
  EXPECT_EQ(as_article.size(), blocks.size());
  DropRepeatedRuns(&blocks, /*lone_repeats=*/true);
  EXPECT_THAT(
      Texts(blocks),
      ElementsAre("Classic II watch", "Free engraving on every case", "Size",
                  "40 mm", "Size", "44 mm", "Sapphire crystal, steel case."));
}

TEST(BlockPassesTest, ALineWrittenTwiceEndToEndKeepsOneCopy) {
  // A shop's labels, each once to be seen and once for screen readers; a
  // word doubled, a number and two copies with a space between stay.
  std::vector<Block> blocks = {
      Make(BlockKind::kHeading, "Brand NewBrand New"),
      Make(BlockKind::kParagraph, "EUR 20.99EUR 20.99\nShips in 2 days"),
      Make(BlockKind::kListItem, "Seller's other itemsSeller's other items"),
      Make(BlockKind::kListItem, "couscous"),
      Make(BlockKind::kParagraph, "2020 2020"),
      Make(BlockKind::kParagraph, "Talk Talk"),
      Make(BlockKind::kParagraph, "Bora Bora Bora Bora"),
  };
  UndoubleLines(&blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre("Brand New", "EUR 20.99\nShips in 2 days",
                          "Seller's other items", "couscous", "2020 2020",
                          "Talk Talk", "Bora Bora Bora Bora"));
}

TEST(BlockPassesTest, AReplysQuoteOfAnEarlierPostGoesWithItsAttribution) {
  // A thread as XenForo renders it: the second reply quotes the first post
  // (its opening sentence, the software cuts the rest) under "X said:".
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph,
           "What is the most profitable electrical skill in the industry? "
           "Solar, lightning protection or communications?"),
      Make(BlockKind::kParagraph, "Troubleshooting, by a long way."),
      Make(BlockKind::kQuote, "khixxx said:"),
      Make(BlockKind::kQuote,
           "What is the most profitable electrical skill in the industry?"),
      Make(BlockKind::kParagraph, "Keeping yourself and others safe."),
      Make(BlockKind::kQuote, "An old foreman of mine said:"),
      Make(BlockKind::kQuote,
           "Measure twice and cut once, and never trust a dead circuit."),
  };
  DropQuotedCopies(&blocks);
  // The quote of a saying the page does not show stays, and so does its
  // attribution.
  EXPECT_THAT(
      Texts(blocks),
      ElementsAre(
          ::testing::StartsWith("What is the most profitable"),
          "Troubleshooting, by a long way.",
          "Keeping yourself and others safe.", "An old foreman of mine said:",
          "Measure twice and cut once, and never trust a dead circuit."));

  std::vector<Block> none;
  DropQuotedCopies(&none);
  EXPECT_TRUE(none.empty());
}

TEST(BlockPassesTest, AQuotedCopyIsFoundWhateverItsSpacingAndCase) {
  // The quote's words stand two spaces apart and in capitals: its runs are
  // the earlier post's all the same.
  const std::string post =
      "Measure twice and cut once, and never trust a dead circuit.";
  const std::string saying = "Measure once and cut twice, they told me.";
  std::vector<Block> blocks = {
      Make(BlockKind::kParagraph, post),
      Make(BlockKind::kQuote,
           "MEASURE twice  and cut once,  and never Trust a dead circuit. "),
      Make(BlockKind::kQuote, saying)};
  DropQuotedCopies(&blocks);
  EXPECT_THAT(Texts(blocks), ElementsAre(post, saying));
}

}  // namespace
}  // namespace lede::engine::content
