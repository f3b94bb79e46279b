#include "server/engine/content.h"

#include <initializer_list>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/render.h"

namespace lede::engine {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kParagraphs[] =
    "<p>The council voted on Tuesday to approve the new budget, which "
    "raises spending on schools, roads and parks by a tenth.</p>"
    "<p>Opponents said the plan, drafted in a hurry, leaves the city "
    "exposed if tax receipts fall, as they did two years ago.</p>"
    "<p>The mayor, who backed the plan, said it would be reviewed in the "
    "spring, once the first quarter's figures are known.</p>";

absl::StatusOr<Body> ExtractBody(const std::string& html,
                                 const PageFacts& facts = {},
                                 v1::Bias bias = v1::BIAS_BALANCED) {
  absl::StatusOr<Dom> dom = Dom::Parse(html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok());
  if (!dom.ok()) return dom.status();
  return ExtractContent(*dom, facts, {.bias = bias}, absl::InfiniteFuture());
}

std::vector<Block> Extract(const std::string& html, const PageFacts& facts = {},
                           v1::Bias bias = v1::BIAS_BALANCED) {
  absl::StatusOr<Body> body = ExtractBody(html, facts, bias);
  EXPECT_TRUE(body.ok());
  return body.ok() ? body->blocks : std::vector<Block>();
}

// Facts as the metadata stage would hand them over.
PageFacts WithUrl(std::string url) {
  PageFacts facts;
  facts.url.Set(std::move(url), "request");
  return facts;
}

PageFacts WithTitle(std::string title) {
  PageFacts facts;
  facts.title.Set(std::move(title), "opengraph");
  return facts;
}

PageFacts Dated() {
  PageFacts facts;
  facts.published.Set(ParsedDate(), "json-ld");
  return facts;
}

constexpr char kMorePararaphs[] =
    "<p>Engineers will start on the bridge in March, and the work should "
    "last until the end of the summer, the council's planners said.</p>"
    "<p>Drivers will be sent along the river road while the bridge is "
    "closed, which adds about ten minutes to the trip into town.</p>";

// The text RenderText gives for an article whose blocks are `parts`, each
// a heading's text or a run of whole <p> elements: every paragraph kept,
// in order, a blank line between blocks, nothing else. Tests that check
// what is dropped compare with it, so that the article is kept too.
std::string ArticleText(std::initializer_list<absl::string_view> parts) {
  std::vector<std::string> blocks;
  for (absl::string_view part : parts) {
    blocks.push_back(absl::StrReplaceAll(
        part, {{"</p><p>", "\n\n"}, {"<p>", ""}, {"</p>", ""}}));
  }
  return absl::StrJoin(blocks, "\n\n");
}

// `count` copies of `item`, each "#" in it replaced by the copy's number.
std::string Numbered(int count, absl::string_view item) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += absl::StrReplaceAll(item, {{"#", std::to_string(i)}});
  }
  return out;
}

TEST(ContentTest, PicksTheArticleOverNavigation) {
  std::string text = RenderText(
      Extract(std::string("<nav><a href=/>Home</a><a href=/news>News</a></nav>"
                          "<div class=\"article-body\">") +
              kParagraphs + "</div><footer>Copyright 2024 Example</footer>"));
  EXPECT_EQ(text, ArticleText({kParagraphs}));
  EXPECT_THAT(text, Not(HasSubstr("Home")));
  EXPECT_THAT(text, Not(HasSubstr("Copyright")));
}

TEST(ContentTest, ShareBarIsDropped) {
  std::string text = RenderText(
      Extract(std::string("<div class=\"content\">") + kParagraphs +
              "<div class=\"share-bar\"><span>Share this story on</span>"
              "<a href=#>Facebook</a></div></div>"));
  EXPECT_EQ(text, ArticleText({kParagraphs}));
  EXPECT_THAT(text, Not(HasSubstr("Share this")));
  EXPECT_THAT(text, Not(HasSubstr("Facebook")));
}

TEST(ContentTest, RelatedLinkListIsDropped) {
  std::string text = RenderText(
      Extract(std::string("<div class=\"entry\">") + kParagraphs +
              "<ul><li><a href=/1>Another story about budgets</a></li>"
              "<li><a href=/2>Yet another story</a></li></ul></div>"));
  EXPECT_EQ(text, ArticleText({kParagraphs}));
  EXPECT_THAT(text, Not(HasSubstr("Another story")));
  EXPECT_THAT(text, Not(HasSubstr("Yet another")));
}

TEST(ContentTest, TheLabelsOfTheFieldsAPageSendsAreDropped) {
  // Labels around their radio buttons, and labels naming a checkbox and a
  // text field by `for`.
  std::string text = RenderText(
      Extract(std::string("<div class=\"product\">") + kParagraphs +
              "<fieldset>"
              "<label><input type=radio name=size value=s>Small bottle</label>"
              "<label><input type=radio name=size value=l>Large bottle</label>"
              "</fieldset>"
              "<input type=checkbox name=gift id=gift>"
              "<label for=gift>Wrap it as a gift</label>"
              "<label for=email>Your email address</label>"
              "<input type=email name=email id=email></div>"));
  EXPECT_EQ(text, ArticleText({kParagraphs}));
  EXPECT_THAT(text, Not(HasSubstr("bottle")));
  EXPECT_THAT(text, Not(HasSubstr("gift")));
  EXPECT_THAT(text, Not(HasSubstr("email")));
}

TEST(ContentTest, AChecklistsLabelsAreKept) {
  // A recipe's ingredients with boxes to tick, unnamed: the page sends
  // nothing.
  std::string text = RenderText(
      Extract(std::string("<div class=\"recipe\">") + kParagraphs +
              "<p><label><input type=checkbox>Two cups of flour</label></p>"
              "<p><input type=checkbox id=salt>"
              "<label for=salt>A pinch of salt</label></p></div>"));
  EXPECT_THAT(text, HasSubstr("Two cups of flour"));
  EXPECT_THAT(text, HasSubstr("A pinch of salt"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
}

TEST(ContentTest, AClosedDialogIsHiddenAndAnOpenOneShown) {
  std::string text = RenderText(Extract(
      std::string("<div class=\"content\">") + kParagraphs +
      "<dialog><p>Subscribe to our newsletter for the week's news, in your "
      "inbox every Friday.</p></dialog>"
      "<dialog open><p>The council's answers to readers' questions.</p>"
      "</dialog></div>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, Not(HasSubstr("Subscribe")));
  EXPECT_THAT(text, HasSubstr("answers to readers' questions"));
}

TEST(ContentTest, ALinkListASentenceLeadsIntoIsKept) {
  const std::string list =
      "<ul><li><a href=/strings>Overview of strings</a></li>"
      "<li><a href=/strings/commands>String command reference</a></li></ul>";
  const std::string lead_in =
      "<p>Strings are the simplest values. For more information, see:</p>";
  std::string text =
      RenderText(Extract(std::string("<div class=\"entry\">") + kParagraphs +
                         lead_in + list + "</div>"));
  EXPECT_THAT(text, HasSubstr("see:\n\nOverview of strings\n"
                              "String command reference"));
  // The same list after a label, a form's labels or no sentence at all is
  // the site's navigation.
  for (absl::string_view before :
       {"<p>Related:</p>", "<p>Display: Sort by: Direction:</p>",
        "<p>Strings are the simplest values we store.</p>", ""}) {
    text =
        RenderText(Extract(std::string("<div class=\"entry\">") + kParagraphs +
                           std::string(before) + list + "</div>"));
    EXPECT_THAT(text, Not(HasSubstr("Overview of strings"))) << before;
  }
}

TEST(ContentTest, ALinkListAReferenceHeadingLeadsIntoIsKept) {
  const std::string list =
      "<ul><li><a href=/fetch>Using the Fetch API</a></li>"
      "<li><a href=/streams>Streams API</a></li></ul>";
  for (absl::string_view heading :
       {"<h2>See also</h2>", "<h3>References</h3>", "<p>Parameters:</p>"}) {
    std::string text =
        RenderText(Extract(std::string("<div class=\"entry\">") + kParagraphs +
                           std::string(heading) + list + "</div>"));
    EXPECT_THAT(text, HasSubstr("Using the Fetch API\nStreams API")) << heading;
  }
  // A heading that names something else, or a button's label, does not.
  for (absl::string_view heading :
       {"<h2>More stories</h2>", "<p>Learn more</p>",
        "<h2>See also these</h2>"}) {
    std::string text =
        RenderText(Extract(std::string("<div class=\"entry\">") + kParagraphs +
                           std::string(heading) + list + "</div>"));
    EXPECT_THAT(text, Not(HasSubstr("Using the Fetch API"))) << heading;
  }
}

TEST(ContentTest, InlineTagLinksStayInTheSentence) {
  std::string text = RenderText(
      Extract(std::string("<div class=\"entry\"><p>The <a class=\"st_tag\" "
                          "rel=\"tag\" href=/t>council</a> met, and voted, at "
                          "length, on the plan.</p>") +
              kParagraphs + "</div>"));
  EXPECT_THAT(text, HasSubstr("The council met"));
}

TEST(ContentTest, ListStaysAList) {
  std::vector<Block> blocks =
      Extract(std::string("<article>") + kParagraphs +
              "<ol><li>First, the schools, which get most of it.</li>"
              "<li>Second, the roads.</li></ol></article>");
  int items = 0;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kListItem) {
      ++items;
      EXPECT_TRUE(block.ordered);
    }
  }
  EXPECT_EQ(items, 2);
  EXPECT_THAT(RenderText(blocks),
              HasSubstr("which get most of it.\nSecond, the roads."));
}

// The kinds and texts of `blocks`, one "kind:text" a line (list items with
// their level).
std::string Outline(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& block : blocks) {
    switch (block.kind) {
      case BlockKind::kListItem:
        absl::StrAppend(&out, "li", block.level, ":");
        break;
      case BlockKind::kQuote:
        out += "quote:";
        break;
      case BlockKind::kParagraph:
        out += "p:";
        break;
      default:
        out += "other:";
    }
    absl::StrAppend(&out, block.text, "\n");
  }
  return out;
}

TEST(ContentTest, ATableInsideAListItemStaysInTheList) {
  std::vector<Block> blocks = Extract(
      std::string("<article><ul><li>item one<table><tr><td><p>cell text</p>"
                  "</td></tr></table>tail of the item</li><li>item two</li>"
                  "</ul>") +
      kParagraphs + "<ul><li>Next list, first item.</li></ul>" +
      kMorePararaphs + "</article>");
  EXPECT_THAT(Outline(blocks),
              HasSubstr("li0:item one\nli0:cell text\nli0:tail of the item\n"
                        "li0:item two\np:The council voted"));
  // The list closes where it ends: the next one is at the top level again.
  EXPECT_THAT(Outline(blocks), HasSubstr("li0:Next list, first item."));
  // One list, the table's text and the item's tail inside the first item.
  EXPECT_THAT(RenderHtml(blocks),
              HasSubstr("<ul>\n<li>item one<br>cell text<br>tail of the "
                        "item</li>\n<li>item two</li>\n</ul>\n"
                        "<p>The council voted"));
  EXPECT_THAT(RenderMarkdown(blocks),
              HasSubstr("- item one\n\n  cell text\n\n  tail of the item\n"
                        "- item two\n\nThe council voted"));
}

TEST(ContentTest, AHighlightersLinesAreOneCodeBlock) {
  std::vector<Block> blocks =
      Extract(std::string("<article>") + kParagraphs +
              "<pre><code><div class=token-line>npm install<br></div>"
              "<div class=token-line>npm start<br></div></code></pre>" +
              kMorePararaphs + "</article>");
  EXPECT_THAT(RenderMarkdown(blocks),
              HasSubstr("\n\n```\nnpm install\nnpm start\n```\n\n"));
  EXPECT_THAT(RenderText(blocks), HasSubstr("\n\nnpm install\nnpm start\n\n"));
}

TEST(ContentTest, AQuoteInAFigureInsideAListItemStaysInTheList) {
  std::vector<Block> blocks = Extract(
      std::string("<article><ul><li>item one<figure><blockquote><p>quoted "
                  "words</p></blockquote></figure>tail of the item</li>"
                  "<li>item two</li></ul>") +
      kParagraphs + "<ul><li>Next list, first item.</li></ul>" +
      kMorePararaphs + "</article>");
  EXPECT_THAT(Outline(blocks), HasSubstr("li0:item one\nquote:quoted words\n"
                                         "li0:tail of the item\nli0:item two\n"
                                         "p:The council voted"));
  EXPECT_THAT(Outline(blocks), HasSubstr("li0:Next list, first item."));
}

TEST(ContentTest, FigureCaptionIsKept) {
  std::vector<Block> blocks = Extract(
      std::string("<article>") + kParagraphs +
          "<figure><img src=\"/a.jpg\" width=\"640\" height=\"480\" "
          "alt=\"Council\"><figcaption>The council chamber.</figcaption>"
          "</figure></article>",
      WithUrl("https://example.com/news/1"));
  const Block* figure = nullptr;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kFigure) figure = &block;
  }
  ASSERT_NE(figure, nullptr);
  EXPECT_EQ(figure->image.url, "https://example.com/a.jpg");
  EXPECT_EQ(figure->image.caption, "The council chamber.");
  EXPECT_EQ(figure->image.width, 640);
}

TEST(ContentTest, LooseTextAfterImageIsItsCaption) {
  std::vector<Block> blocks = Extract(
      std::string("<div class=\"content\">") + kParagraphs +
      "<div class=\"img_box\"><div><img data-original=\"https://x.cn/b.jpg\" "
      "data-width=\"1080\" data-height=\"351\" src=\"/lazy.gif\"></div></div>"
      "报道截图<p>正文继续，很长的一段话。</p></div>");
  const Block* figure = nullptr;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kFigure) figure = &block;
  }
  ASSERT_NE(figure, nullptr);
  EXPECT_EQ(figure->image.url, "https://x.cn/b.jpg");
  EXPECT_EQ(figure->image.caption, "报道截图");
  EXPECT_EQ(figure->image.height, 351);
}

std::vector<const Block*> Figures(const std::vector<Block>& blocks) {
  std::vector<const Block*> figures;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kFigure) figures.push_back(&block);
  }
  return figures;
}

TEST(ContentTest, SrcsetGivesTheLargestCandidate) {
  std::vector<Block> blocks =
      Extract(std::string("<article>") + kParagraphs +
                  "<img src=\"data:image/gif;base64,R0lGOD\" "
                  "srcset=\"/s.jpg 320w, /l.jpg 1280w, /m.jpg 640w\" alt=\"A\">"
                  "</article>",
              WithUrl("https://example.com/n/1"));
  std::vector<const Block*> figures = Figures(blocks);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0]->image.url, "https://example.com/l.jpg");
}

TEST(ContentTest, NoscriptCopyReplacesTheLazyPlaceholder) {
  std::vector<Block> blocks =
      Extract(std::string("<article>") + kParagraphs +
                  "<img class=\"lazy\" src=\"data:image/gif;base64,R0lGOD\">"
                  "<noscript><img src=\"/real.jpg\" width=\"800\"></noscript>"
                  "</article>",
              WithUrl("https://example.com/n/1"));
  std::vector<const Block*> figures = Figures(blocks);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0]->image.url, "https://example.com/real.jpg");
  EXPECT_EQ(figures[0]->image.width, 800);
}

TEST(ContentTest, TheBodysImagesAreItsFigures) {
  absl::StatusOr<Body> body = ExtractBody(
      std::string("<article><img src=\"/a.jpg\" alt=\"First\">") + kParagraphs +
          "<figure><img src=\"/b.jpg\"><figcaption>The chamber."
          "</figcaption></figure></article>",
      WithUrl("https://example.com/news/1"));
  ASSERT_TRUE(body.ok());
  ASSERT_EQ(body->images.size(), 2u);
  EXPECT_EQ(body->images[0].url, "https://example.com/a.jpg");
  EXPECT_EQ(body->images[0].alt, "First");
  EXPECT_EQ(body->images[1].url, "https://example.com/b.jpg");
  EXPECT_EQ(body->images[1].caption, "The chamber.");
  EXPECT_THAT(RenderText(body->blocks), HasSubstr("The council voted"));
}

TEST(ContentTest, TrackingPixelIsNotAnImage) {
  std::vector<Block> blocks =
      Extract(std::string("<article>") + kParagraphs +
                  "<img src=\"/pixel.gif\" width=\"1\" height=\"1\">"
                  "<img src=\"/chamber.jpg\" width=\"640\"></article>",
              WithUrl("https://example.com/news/1"));
  std::vector<const Block*> figures = Figures(blocks);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0]->image.url, "https://example.com/chamber.jpg");
  EXPECT_EQ(RenderText(blocks), ArticleText({kParagraphs}));
}

TEST(ContentTest, HeadingRepeatingTheTitleIsDropped) {
  std::string text = RenderText(Extract(
      std::string("<article><h1>Budget passes</h1><h2>Schools first</h2>") +
          kParagraphs + "</article>",
      WithTitle("Budget passes")));
  EXPECT_THAT(text, Not(HasSubstr("Budget passes")));
  EXPECT_THAT(text, HasSubstr("Schools first"));
}

constexpr char kChineseParagraphs[] =
    "<p>国务院新闻办公室今天举行发布会，介绍今年前三季度经济运行情况，"
    "各项主要指标保持稳定增长，就业形势总体平稳。</p>"
    "<p>发言人表示，下一步将继续加大宏观政策调节力度，稳定市场预期，"
    "推动经济持续回升向好，努力完成全年目标任务。</p>";

constexpr char kNavigation[] =
    "<ul><li><a href=/a>Home</a></li><li><a href=/b>Local news</a></li>"
    "<li><a href=/c>Sport and leisure</a></li><li><a href=/d>Weather</a>"
    "</li><li><a href=/e>Contact the newsroom</a></li></ul>";

TEST(ContentTest, ArticleSplitAcrossSectionsIsKeptWhole) {
  std::string text = RenderText(Extract(
      std::string("<div class=wrap>") + kNavigation +
      "<div class=page><div class=section><div class=col><div class=text>" +
      kParagraphs + "</div></div></div><div class=section><div class=col>" +
      "<div class=text>" + kMorePararaphs + "</div></div></div></div></div>"));
  EXPECT_EQ(text, ArticleText({kParagraphs, kMorePararaphs}));
  EXPECT_THAT(text, Not(HasSubstr("Local news")));
}

TEST(ContentTest, PageWrappedInAFormIsRead) {
  std::string text = RenderText(Extract(
      std::string("<form id=aspnetForm><input name=q><div class=main>") +
      kParagraphs + "</div></form>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
}

TEST(ContentTest, NamedAnchorLeftOpenIsNotALink) {
  std::string text = RenderText(
      Extract(std::string("<div><a name=top>Floor 1</div><div class=post>") +
              kParagraphs + "</div>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
}

TEST(ContentTest, LinkHeavyCellAroundTheArticleIsWalkedInto) {
  std::string links;
  for (int i = 0; i < 12; ++i) {
    links += "<a href=/r" + std::to_string(i) +
             ">A related story with a long headline about the city</a><br>";
  }
  std::string text = RenderText(Extract(
      "<table><tr><td><p>Site notice: all content belongs to its owners, "
      "reproduced with permission.</p></td></tr></table><table><tr><td>" +
      std::string(kParagraphs) + "<div>" + links + "</div></td></tr></table>"));
  EXPECT_THAT(text, HasSubstr(ArticleText({kParagraphs})));
  EXPECT_THAT(text, Not(HasSubstr("related story")));
}

TEST(ContentTest, TaxonomyClassesDoNotMarkBoilerplate) {
  std::string text = RenderText(Extract(
      std::string("<article class=\"post tag-share tag-news category-ads\">") +
      kParagraphs + "</article>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
}

TEST(ContentTest, NoscriptIsReadWhenThePageHasNothingElse) {
  std::string text = RenderText(Extract(
      std::string("<div id=app>Loading</div><noscript><div class=post>") +
      kParagraphs + "</div></noscript>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  // A page with text of its own keeps its noscript notices out.
  text = RenderText(
      Extract(std::string("<div class=post>") + kParagraphs + kMorePararaphs +
              "<noscript><p>Please turn on JavaScript to see the comments.</p>"
              "</noscript></div>"));
  EXPECT_THAT(text, Not(HasSubstr("JavaScript")));
}

TEST(ContentTest, NoscriptCopyOfAScriptRenderedPostIsRead) {
  // Blogger: the post is a script template, its copy a <noscript>, and the
  // sidebar alone holds more text than the page-wide threshold.
  std::string sidebar;
  for (int i = 0; i < 30; ++i) {
    sidebar += "<li><a href=/archive>Archive of older posts, month " +
               std::to_string(i) + "</a></li>";
  }
  std::string text = RenderText(
      Extract("<div class=post-body><script type=text/template>" +
              std::string(kParagraphs) + "</script><noscript>" + kParagraphs +
              kMorePararaphs +
              "</noscript></div><div class=sidebar><p>About this blog: news "
              "and notes from the team that keeps the city running.</p><ul>" +
              sidebar + "</ul></div>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, HasSubstr("once the first quarter"));
  EXPECT_THAT(text, Not(HasSubstr("Archive of older posts")));
}

TEST(ContentTest, AnUndatedListingIsReadWhole) {
  // A shop's category: one intro paragraph the votes crown, and the grid of
  // items, all links, that is what the page lists.
  std::string grid;
  for (int i = 0; i < 12; ++i) {
    grid += "<li><a href=/p" + std::to_string(i) + ">Walnut desk model " +
            std::to_string(i) + ", solid wood, free delivery</a></li>";
  }
  const std::string page =
      "<nav><a href=/>Home</a><a href=/shop>Shop</a></nav><main><div "
      "class=intro><h1>Desks</h1><p>Our desks are made to order in our "
      "workshop, from oak, walnut and ash, and delivered within a "
      "fortnight.</p></div><ul class=grid>" +
      grid + "</ul></main><footer>Copyright 2024 Example</footer>";
  std::string text = RenderText(Extract(page));
  EXPECT_THAT(text, HasSubstr("made to order"));
  EXPECT_THAT(text, HasSubstr("Walnut desk model 11"));
  EXPECT_THAT(text, Not(HasSubstr("Copyright")));
  // A dated page is a story unless its list dwarfs its text: a few times
  // the story's text in links is the site's teasers.
  PageFacts dated = Dated();
  text = RenderText(Extract(page, dated));
  EXPECT_THAT(text, Not(HasSubstr("Walnut desk model 11")));
}

TEST(ContentTest, AListingsCardTitlesAreTextNotCaptions) {
  // Each card: a picture, then the item's title, in one link.
  const std::string cards =
      Numbered(12,
               "<a class=card href=/r#><div><img src=/i#.jpg alt=\"A bowl\">"
               "</div><span>Slow-cooked tomato sauce, variation #</span></a>");
  std::string text = RenderText(Extract(
      "<main><div class=intro><h1>Tomato sauces</h1><p>Our collection of "
      "tomato sauce recipes has something for every dish you cook.</p></div>"
      "<div class=grid>" +
      cards + "</div></main>"));
  EXPECT_THAT(text, HasSubstr("Slow-cooked tomato sauce, variation 11"));
}

TEST(ContentTest, ACrownedContainerAroundMainIsReadAsTheListing) {
  // The intro's votes crown a container that holds the page's <main>: the
  // grid inside it was dropped as link lists.
  const std::string grid =
      Numbered(12,
               "<li><a href=/s#>Running shoe model #, cushioned, for road and "
               "track</a></li>");
  std::string text = RenderText(Extract(
      "<div class=results><p>Find the running shoes that suit your stride, "
      "from cushioned trainers for long runs to light racers for race "
      "day.</p><main><ul class=grid>" +
      grid + "</ul></main></div>"));
  EXPECT_THAT(text, HasSubstr("suit your stride"));
  EXPECT_THAT(text, HasSubstr("Running shoe model 11"));
}

TEST(ContentTest, ADatedFrontPageIsReadWholeOnlyWithinItsMain) {
  // A blog's front page, dated by its newest post: a line of intro and
  // forty posts' titles in its <main>.
  const std::string posts =
      Numbered(40,
               "<li><a href=/p#>Notes from the workshop, part #: joints and "
               "glue</a></li>");
  const std::string intro =
      "<div class=intro><h1>The workshop</h1><p>Our desks are made to order "
      "in our workshop, from oak, walnut and ash, and delivered within a "
      "fortnight.</p></div><ul class=posts>" +
      posts + "</ul>";
  PageFacts dated = Dated();
  std::string text = RenderText(Extract(
      "<nav><a href=/>Home</a></nav><main>" + intro + "</main>", dated));
  EXPECT_THAT(text, HasSubstr("made to order"));
  EXPECT_THAT(text, HasSubstr("part 39: joints"));
  // Without a <main>, the area would be the whole page, menus and all.
  text = RenderText(Extract(
      "<nav><a href=/>Home</a></nav><div class=page>" + intro + "</div>",
      dated));
  EXPECT_THAT(text, Not(HasSubstr("part 39: joints")));
}

TEST(ContentTest, DeclaredBodyStandsInForAnEmptyPage) {
  PageFacts options;
  options.declared_body.Set(
      "The council voted on Tuesday to approve the new budget.\n\nOpponents "
      "said the plan leaves the city exposed if tax receipts fall, as they "
      "did two years ago, and the mayor said it would be reviewed in spring.",
      "json-ld");
  std::string text = RenderText(Extract("<div id=app>Loading…</div>", options));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, HasSubstr("\n\nOpponents said"));
  // A page with its own text keeps it.
  text = RenderText(Extract(
      std::string("<div class=post>") + kParagraphs + kMorePararaphs + "</div>",
      options));
  EXPECT_THAT(text, HasSubstr("Engineers will start"));
}

TEST(ContentTest, BiasMovesTheLinkDensityLine) {
  // A list with about 40 % of its text in links: kept unless the caller
  // asks for precision.
  std::string html =
      std::string("<div class=post>") + kParagraphs +
      "<ul><li>Budget papers, as filed: <a href=/p1>part one of the papers"
      "</a></li><li>Minutes of the meeting: <a href=/p2>"
      "January and February</a></li></ul></div>";
  EXPECT_THAT(RenderText(Extract(html)), HasSubstr("Budget papers"));
  EXPECT_THAT(RenderText(Extract(html, {}, v1::BIAS_RECALL)),
              HasSubstr("Budget papers"));
  EXPECT_THAT(RenderText(Extract(html, {}, v1::BIAS_PRECISION)),
              Not(HasSubstr("Budget papers")));
}

TEST(ContentTest, FurnitureLinesAndWhatFollowsRelatedReadingAreDropped) {
  std::string text = RenderText(Extract(
      std::string("<div class=article>") + kChineseParagraphs +
      "<p>（责任编辑：王小明）</p><p>【编辑:刘欢】 返回搜狐，查看更多</p>"
      "<p>Copyright © 2024 Example News. All rights reserved.</p>"
      "<h3>相关阅读</h3><p>前三季度国内生产总值同比增长百分之五，"
      "经济运行总体平稳、稳中有进，高质量发展扎实推进。</p></div>"));
  EXPECT_EQ(text, ArticleText({kChineseParagraphs}));
  EXPECT_THAT(text, Not(HasSubstr("责任编辑")));
  EXPECT_THAT(text, Not(HasSubstr("返回搜狐")));
  EXPECT_THAT(text, Not(HasSubstr("Copyright")));
  EXPECT_THAT(text, Not(HasSubstr("相关阅读")));
  EXPECT_THAT(text, Not(HasSubstr("前三季度国内生产总值")));
}

TEST(ContentTest, ForumPostsClassedAsCommentsAreThePage) {
  std::string posts;
  for (int i = 0; i < 4; ++i) {
    posts += std::string("<div class=\"ipsComment\" id=\"comment-") +
             std::to_string(i) + "_wrap\">" + kParagraphs + "</div>";
  }
  std::string text = RenderText(
      Extract("<div class=topic><h1>Budget thread</h1><p>Replies</p>" + posts +
              "</div>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  // An article's own comment section stays out.
  text = RenderText(Extract(
      std::string("<div class=post>") + kParagraphs + kMorePararaphs +
      "<ol class=commentlist><li class=comment><p>Great piece, thanks for "
      "writing it up so clearly.</p></li></ol></div>"));
  EXPECT_THAT(text, Not(HasSubstr("Great piece")));
}

TEST(ContentTest, ACommentThreadLongerThanThePostIsStillTheThread) {
  // The comments outweigh the post (a wrapper with more than half the text)
  // but do not hold the headline: the thread, its heading and its notices
  // stay out.
  std::string comments;
  for (int i = 0; i < 4; ++i) {
    comments += std::string("<li class=comment><p>Reader ") +
                std::to_string(i) +
                " wrote: I read this twice, and I still think the council "
                "should have waited for the spring figures before it "
                "voted.</p></li>";
  }
  std::string text = RenderText(Extract(
      std::string("<div class=main-post><h1>Budget</h1>") + kParagraphs +
      "<div id=comments class=comment-wrapper><h3>4 replies to this "
      "post</h3><ol class=commentlist>" +
      comments +
      "</ol><p>This site uses Akismet to reduce spam.</p></div></div>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, Not(HasSubstr("replies to this post")));
  EXPECT_THAT(text, Not(HasSubstr("Akismet")));
  // A forum thread under a short question is most of the page: kept.
  text = RenderText(Extract(
      "<div class=topic><h1>Budget</h1><p>What do you make of the new "
      "budget the council passed?</p><section id=replies>" +
      absl::StrReplaceAll(comments, {{"<li class=comment>", "<article>"},
                                     {"</li>", "</article>"}}) +
      "</section></div>"));
  EXPECT_THAT(text, HasSubstr("Reader 3 wrote"));
}

TEST(ContentTest, CustomerReviewsAreADiscussion) {
  // A product's description, and its buyers' reviews, longer than it.
  const std::string reviews = Numbered(
      4,
      "<div class=review><p>Buyer # says: the straps are comfortable on "
      "long hikes, and the pockets hold everything I need for a day "
      "out.</p></div>");
  std::string text = RenderText(Extract(
      std::string("<div class=product><h1>Trail 25 pack</h1><div "
                  "class=description><p>Keep your day's gear within easy "
                  "reach in the Trail 25 pack, designed to fit a wide range "
                  "of body types, with pockets galore.</p>") +
      kParagraphs + "</div><section class=product-reviews><h2>Reviews</h2>" +
      reviews + "</section></div>"));
  EXPECT_THAT(text, HasSubstr("Keep your day's gear"));
  EXPECT_THAT(text, Not(HasSubstr("Buyer 3 says")));
}

TEST(ContentTest, AConsentDialogIsNeverTheArticle) {
  // A consent manager's vendor list, longer than the article.
  std::string vendors;
  for (int i = 0; i < 12; ++i) {
    vendors += "<p>Vendor " + std::to_string(i) +
               ", Dublin, Ireland, processes your data for analytics, "
               "advertising and the measurement of reach, as its policy, "
               "which you can read in full, explains.</p>";
  }
  const std::string article =
      std::string("<article class=\"post tag-gdpr\"><h1>Budget</h1>") +
      kParagraphs + "</article>";
  for (const std::string& dialog :
       {"<div class=\"sp-dsgvo sp-dsgvo-overlay-hidden\"><div>" + vendors +
            "</div></div>",
        "<div role=dialog aria-label=Privacy><div>" + vendors +
            "</div></div>"}) {
    std::string text = RenderText(Extract(dialog + article));
    EXPECT_THAT(text, HasSubstr("The council voted"));
    EXPECT_THAT(text, Not(HasSubstr("Vendor 3")));
  }
}

TEST(ContentTest, ATooltipsTextIsNotTheArticles) {
  // A feature list whose items each explain themselves in a tooltip, hidden
  // by a class the extractor cannot read, not by the markup; a block or an
  // inline element.
  for (const char* tag : {"div", "span"}) {
    const std::string tip = absl::StrCat(
        "<", tag, " role=tooltip class=opacity-0>Free lunches ",
        "for every pupil in the city's primary schools.</", tag, ">");
    const std::string text = RenderText(
        Extract(std::string("<article><h1>Budget</h1>") + kParagraphs +
                "<ul><li>School meals <button>?</button>" + tip +
                "</li><li>Road repairs</li></ul></article>"));
    EXPECT_THAT(text, HasSubstr("School meals")) << tag;
    EXPECT_THAT(text, HasSubstr("Road repairs")) << tag;
    EXPECT_THAT(text, Not(HasSubstr("Free lunches"))) << tag;
  }
}

TEST(ContentTest, AStatusMessageIsNotTheArticles) {
  // A shop's grid tells screen readers what its script did, in a live
  // region of role status ("loaded 338 results", "Added to your cart").
  const std::string text = RenderText(Extract(
      std::string("<main><h1>Hiking boots</h1>") + kParagraphs +
      "<div role=status aria-live=polite><p>Loaded 338 results for your "
      "search</p></div><div role=status><span>Added to your cart</span>"
      "</div><p>Boots for every trail, from day hikes to long treks.</p>"
      "</main>"));
  EXPECT_THAT(text, HasSubstr("Boots for every trail"));
  EXPECT_THAT(text, Not(HasSubstr("Loaded 338 results")));
  EXPECT_THAT(text, Not(HasSubstr("Added to your cart")));
}

TEST(ContentTest, APopoversTextIsNotTheArticlesHoweverLong) {
  // An "install our app" card, hidden until a button opens it, with more
  // text than the post.
  std::string steps;
  for (const char* step :
       {"Tap the Share icon in the browser's toolbar at the bottom.",
        "Scroll the menu down and tap Add to Home Screen there.",
        "Tap Add in the top-right corner to confirm the shortcut.",
        "Open the app from your home screen and sign in again."}) {
    absl::StrAppend(&steps, "<p>", step, "</p>");
  }
  const std::vector<Block> blocks = Extract(absl::StrCat(
      "<div id=app-card popover=manual><h4>Install the ", "app</h4>", steps,
      "</div><div class=post>", kParagraphs, "</div>"));
  EXPECT_THAT(RenderText(blocks), HasSubstr("The council voted"));
  EXPECT_THAT(RenderText(blocks), Not(HasSubstr("Home Screen")));
}

TEST(ContentTest, TheAuthorsBioBoxIsDropped) {
  // "author-box" begins like WordPress's taxonomy class "author-jane", and
  // is a box all the same.
  for (const char* box : {"author-box", "bmg-author-box", "about-the-author"}) {
    std::string text = RenderText(Extract(
        std::string("<article class=\"post author-jane\"><h1>Budget</h1>") +
        kParagraphs + "<section class=\"" + box +
        "\"><p>Jane Doe has covered the city council for the paper since "
        "2008, and writes about schools and transport.</p></section>"
        "</article>"));
    EXPECT_EQ(text, ArticleText({"Budget", kParagraphs})) << box;
    EXPECT_THAT(text, Not(HasSubstr("has covered the city council"))) << box;
  }
}

TEST(ContentTest, CommentAndSignUpFormsAreDropped) {
  std::string text = RenderText(Extract(
      std::string("<article><h1>Budget</h1>") + kParagraphs +
      "<form action=\"/wp-comments-post.php\" id=commentform><p>Your email "
      "address is only used to reply to your comment, and we keep it for a "
      "year at most.</p><textarea></textarea></form>"
      "<form action=\"https://x.us2.list-manage.com/subscribe/post\"><p>Get "
      "the city newsletter in your inbox every Friday morning for "
      "free.</p></form>"
      "<form name=calculator><p>Enter your household income to see what the "
      "new budget means for your own council tax bill.</p></form>"
      "</article>"));
  // A form that says nothing of comments, accounts or search is content.
  EXPECT_EQ(text, ArticleText({"Budget", kParagraphs,
                               "Enter your household income to see what the "
                               "new budget means for your own council tax "
                               "bill."}));
  EXPECT_THAT(text, Not(HasSubstr("reply to your comment")));
  EXPECT_THAT(text, Not(HasSubstr("newsletter")));
}

TEST(ContentTest, TheBylineNearTheTopIsMetadata) {
  PageFacts options;
  options.authors.Set({"Anja Schmoll-Trautmann"}, "byline");
  std::string text = RenderText(Extract(
      std::string("<article><h1>Budget</h1><p>von Anja Schmoll-Trautmann am "
                  "14. Mai 2014, 15:40 Uhr</p>") +
          kParagraphs +
          "<p>Anja Schmoll-Trautmann asked the mayor about it.</p></article>",
      options));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, Not(HasSubstr("von Anja")));
  // A sentence that names the author is no byline.
  EXPECT_THAT(text, HasSubstr("asked the mayor"));
}

TEST(ContentTest, AnAsideHoldingTheHeadlineIsTheArticle) {
  PageFacts options = WithTitle("Budget passes");
  std::string text = RenderText(Extract(
      std::string("<main><aside class=story><h1>Budget passes</h1>") +
          kParagraphs +
          "</aside><aside class=widget><h1>Recent posts</h1><p>The zoo "
          "opens a new house for its elephants, at last, in May.</p></aside>"
          "</main>",
      options));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  // Other asides, with their own h1s, are still asides.
  EXPECT_THAT(text, Not(HasSubstr("elephants")));
}

TEST(ContentTest, LooseCaptionsEndingInACreditAreDropped) {
  std::string text = RenderText(Extract(
      std::string("<article><h1>Budget</h1>") + kParagraphs +
      "<p>The mayor on the town hall steps (REUTERS/Jane Doe)</p>"
      "<p>The new bus depot in spring. | © City Archive/Getty Images</p>"
      "<p>Councillors at the vote. Bild: AFP/SID</p>"
      "<p>Photo Courtesy of the City Archive</p><p>Courtesy of Amp</p>"
      "<p>Photo Illustration: Getty Images, PlugShare</p>"
      "<p>Two more buses will run at night, the council said (dpa).</p>"
      "<p>Fares fall for students and pensioners (from March / April).</p>"
      "<p>The museum lent the painting, courtesy of its director.</p>"
      "<p>Illustration: how the new depot will look. It opens in May.</p>" +
      kMorePararaphs + "</article>"));
  // A wire story's source, a parenthesis that credits no one, a sentence
  // that says "courtesy of" and a label before sentences stay.
  EXPECT_EQ(text,
            ArticleText({"Budget", kParagraphs,
                         "Two more buses will run at night, the council said "
                         "(dpa).",
                         "Fares fall for students and pensioners (from March "
                         "/ April).",
                         "The museum lent the painting, courtesy of its "
                         "director.",
                         "Illustration: how the new depot will look. It opens "
                         "in May.",
                         kMorePararaphs}));
  EXPECT_THAT(text, Not(HasSubstr("town hall steps")));
  EXPECT_THAT(text, Not(HasSubstr("bus depot")));
  EXPECT_THAT(text, Not(HasSubstr("Councillors at the vote")));
}

TEST(ContentTest, TeasersCreditsAndFeedbackPromptsAreDropped) {
  std::string text = RenderText(Extract(
      std::string("<div class=article>") +
      "<p>Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, der "
      "mehr Geld für Schulen, Straßen und Parks vorsieht.</p>"
      "<p>Lesen Sie auch: Wie andere Städte ihre Haushalte planen</p>"
      "<p>Foto: dpa</p><p>Lesezeit: 3 Minuten</p>"
      "<p>Zurück zur Übersicht</p>"
      "<p>Die Opposition kritisierte den Plan als übereilt und warnte vor "
      "sinkenden Steuereinnahmen im kommenden Jahr.</p>"
      "<p>Follow us on Twitter and Facebook for the latest updates</p>"
      "<p>Posted by Anna at 21:11</p>"
      "<h3>War der Artikel nützlich?</h3><p>Ja, sehr hilfreich, danke für "
      "die ausführliche Darstellung der Zahlen.</p></div>"));
  EXPECT_EQ(text, ArticleText({"Der Stadtrat hat am Dienstag den neuen "
                               "Haushalt beschlossen, der mehr Geld für "
                               "Schulen, Straßen und Parks vorsieht.",
                               "Die Opposition kritisierte den Plan als "
                               "übereilt und warnte vor sinkenden "
                               "Steuereinnahmen im kommenden Jahr."}));
  EXPECT_THAT(text, Not(HasSubstr("Lesen Sie auch")));
  EXPECT_THAT(text, Not(HasSubstr("Foto: dpa")));
  EXPECT_THAT(text, Not(HasSubstr("Lesezeit")));
  EXPECT_THAT(text, Not(HasSubstr("Übersicht")));
  EXPECT_THAT(text, Not(HasSubstr("Follow us")));
  EXPECT_THAT(text, Not(HasSubstr("Posted by")));
  EXPECT_THAT(text, Not(HasSubstr("nützlich")));
  EXPECT_THAT(text, Not(HasSubstr("ausführliche Darstellung")));
}

TEST(ContentTest, ReprintNoticesAppPromosAndRatingPromptsAreDropped) {
  std::string text = RenderText(Extract(
      std::string("<div class=article>") + kParagraphs +
      "<p>For the latest stories download the Nationnews apps for iOS and "
      "Android.</p><p>Log in to comment</p>" +
      kMorePararaphs +
      "<p>This article is the copyrighted property of Example News.</p>"
      "<h3>Wie bewerten Sie diesen Artikel?</h3><p>Sehr gut, gut, mittel, "
      "schlecht oder sehr schlecht: Ihre Stimme zählt.</p></div>"));
  EXPECT_EQ(text, ArticleText({kParagraphs, kMorePararaphs}));
  EXPECT_THAT(text, Not(HasSubstr("apps for iOS")));
  EXPECT_THAT(text, Not(HasSubstr("Log in")));
  EXPECT_THAT(text, Not(HasSubstr("copyrighted")));
  EXPECT_THAT(text, Not(HasSubstr("bewerten")));
  EXPECT_THAT(text, Not(HasSubstr("Ihre Stimme")));
}

TEST(ContentTest, PaywallNewsletterSupportAndFormNoticesAreDropped) {
  // One furniture line of each kind, between the article's paragraphs.
  const char* furniture[] = {
      "To view the full story, please subscribe to Example News.",
      "Never miss the latest news by signing up to our newsletter today!",
      "If you enjoyed reading this post, would you consider supporting us?",
      "Follow us on Twitter and Instagram @examplenews.",
      "Submit your letter to the editor via this form.",
      "Anzeige, enthält Affiliate Links",
      "Klicken Sie auf den Button, um den Inhalt von www.komoot.de zu laden.",
      "This site uses Akismet to reduce spam.",
      "Sie sind aktuell nicht eingeloggt.",
      "This entry was posted in News. Bookmark the permalink.",
      "VEA TAMBIÉN: El alcalde inaugura la nueva estación",
      "Weitere Informationen:",
      "Quelle: Landesregierung",
      "Telefon: +49 (40) 300 30-1141",
  };
  std::string html = std::string("<article><h1>Budget</h1>") + kParagraphs;
  for (const char* line : furniture) html += std::string("<p>") + line + "</p>";
  std::string text = RenderText(Extract(html + kMorePararaphs + "</article>"));
  EXPECT_EQ(text, ArticleText({"Budget", kParagraphs, kMorePararaphs}));
  for (const char* line : furniture) {
    EXPECT_THAT(text, Not(HasSubstr(line))) << line;
  }
}

TEST(ContentTest, ASmallBoxWithContentClassesDoesNotOutscoreTheArticle) {
  std::string text = RenderText(Extract(
      std::string("<div class=top><ul><li><a href=/a>Home</a></li><li><a "
                  "href=/b>News</a></li><li><a href=/c>Sport</a></li></ul>"
                  "<div class=\"popup-content\" id=\"recoverycontent\">"
                  "<div class=\"edit-form\">Enter your e-mail address to "
                  "recover the password.</div></div></div><div>") +
      kParagraphs + "</div>"));
  EXPECT_EQ(text, ArticleText({kParagraphs}));
  EXPECT_THAT(text, Not(HasSubstr("recover the password")));
}

TEST(ContentTest, LayoutClassNamingASidebarDoesNotDropTheMain) {
  std::string consent;
  for (int i = 0; i < 4; ++i) {
    consent +=
        "<p>We use cookies and similar technologies to measure the use of "
        "this site, to show you content that suits you and to keep it "
        "running; you can change your choice at any time.</p>";
  }
  std::string text = RenderText(Extract(
      std::string("<div class=\"container_wrap sidebar_right\"><main>") +
      kParagraphs + kMorePararaphs +
      "</main></div><div class=\"consent-dialog\">" + consent + "</div>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, HasSubstr("Engineers will start"));
}

TEST(ContentTest, TheLeadInTheArticlesHeaderIsKept) {
  std::string text = RenderText(Extract(
      std::string("<article><header><h1>Budget passes</h1><p>The city will "
                  "spend more on schools and roads next year, after a long "
                  "night of votes.</p></header><div class=\"row\"><div "
                  "class=\"columns\">") +
      kParagraphs + kMorePararaphs + "</div></div></article>"));
  EXPECT_THAT(text, HasSubstr("after a long night of votes"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  // The page's own header is not the article's: its notice is no lead.
  text = RenderText(Extract(
      std::string("<header><p>The site is secure. The https:// ensures that "
                  "you are connecting to the official website.</p></header>"
                  "<div class=\"row\"><div class=\"columns\">") +
      kParagraphs + kMorePararaphs + "</div></div>"));
  EXPECT_THAT(text, Not(HasSubstr("The site is secure")));
}

TEST(ContentTest, TheLeadBesideTheHeadlineInAnEarlierBlockIsKept) {
  // A CMS that sets each part in its own content element (TYPO3): the
  // headline and the lead in one, the body in the next.
  std::string text = RenderText(Extract(
      std::string("<div class=col><div id=c1><article><h1>Budget "
                  "passes</h1><div class=text><p>The city will spend more on "
                  "schools and roads next year, after a long night of "
                  "votes.</p></div></article></div><div id=c2><article><div "
                  "class=text>") +
      kParagraphs + kMorePararaphs + "</div></article></div></div>"));
  EXPECT_THAT(text, HasSubstr("after a long night of votes"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
}

TEST(ContentTest, AClassedParagraphBeforeTheLabelledBodyJoinsIt) {
  // A lead set above the container the page labels as the article's body,
  // outside it, in a paragraph of its own class; a bare paragraph before
  // it is a notice, and so is one after it.
  std::string text = RenderText(Extract(
      std::string("<div><p>Readers abroad can reach this site without a "
                  "proxy, as the notice above says.</p><p "
                  "class=\"ingress\">The city will spend more on schools "
                  "and roads next year, after a long night of votes.</p><div "
                  "class=\"article-body\">") +
      kParagraphs + kMorePararaphs +
      "</div><p>Printed copies of this edition can be collected, as always, "
      "from the library on Mill Street.</p></div>"));
  EXPECT_EQ(text, ArticleText({"<p>The city will spend more on schools and "
                               "roads next year, after a long night of "
                               "votes.</p>",
                               kParagraphs, kMorePararaphs}));
}

TEST(ContentTest, ALoneDatelineIsMetadataNotBody) {
  std::string text = RenderText(Extract(
      std::string("<div class=article><p>Saturday, September 10th, 2005 "
                  "10:56 am</p>") +
      kParagraphs + "<p>2005-04-05 06:40更新</p></div>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, Not(HasSubstr("September")));
  EXPECT_THAT(text, Not(HasSubstr("更新")));
  // A thread dates each of its posts: those dates stay.
  std::string thread = "<div class=thread>";
  for (int i = 1; i <= 4; ++i) {
    thread += "<p>March " + std::to_string(i) + ", 2021</p><p>Reply number " +
              std::to_string(i) +
              " to the budget thread, with enough words to be a post.</p>";
  }
  text = RenderText(Extract(thread + "</div>"));
  EXPECT_THAT(text, HasSubstr("March 3, 2021"));
}

TEST(ContentTest, WidgetLabelsAndCountersAreDropped) {
  std::string text = RenderText(Extract(
      std::string("<article><p>Caption</p><p>toggle caption</p>") +
      kParagraphs +
      "<p>Close</p><p>Comments (12)</p><p>4.5K</p><p>139 shares</p><p>9.0</p>"
      "<p>Join the conversation</p><p>Log in</p><p>Register</p>"
      "<p>Password recovery</p><p>Subscribe »</p>"
      "<p>Close the bridge by May, the planners urged.</p>"
      "<pre>print</pre></article>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  for (const char* widget :
       {"Caption", "caption", "Close\n", "Comments", "4.5K", "shares",
        "Join the", "Log in", "Register", "Password", "Subscribe"}) {
    EXPECT_THAT(text, Not(HasSubstr(widget))) << widget;
  }
  // A bare number is a listing's rating or rank, not a counter.
  EXPECT_THAT(text, HasSubstr("9.0"));
  // A sentence that starts with a widget's word, and code, stay.
  EXPECT_THAT(text, HasSubstr("Close the bridge by May"));
  EXPECT_THAT(text, HasSubstr("print"));
}

TEST(ContentTest, ANoticeThatThePageNeedsJavaScriptIsNotText) {
  // A script-built page: its only text is the notice in its <noscript>.
  std::string text = RenderText(
      Extract("<div id=root></div><noscript>You need to enable JavaScript to "
              "run this app.</noscript>"));
  EXPECT_THAT(text, Not(HasSubstr("JavaScript")));
  text = RenderText(Extract(
      std::string("<article><p>Please enable JavaScript.</p>") + kParagraphs +
      "<p>The city's new site needs JavaScript, and older phones cannot "
      "load it.</p><p>JavaScript is disabled in your browser.</p></article>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, HasSubstr("needs JavaScript, and older phones"));
  EXPECT_THAT(text, Not(HasSubstr("enable JavaScript")));
  EXPECT_THAT(text, Not(HasSubstr("disabled in your browser")));
}

TEST(ContentTest, ALineOfHiddenIdentifiersIsNotText) {
  // A shop spells "Sponsored" one letter at a time between identifiers its
  // stylesheet hides: what the markup reads is the identifiers.
  std::string label;
  const char* const ids[] = {"f2f260c3-bf1f-466a-b856-6f031758a086",
                             "16207f0d-5442-4472-ad51-162a45a841c3",
                             "58304ab9-e401-4091-b773-e7e337a260ad",
                             "49b6f097-183c-42bd-adfd-fa9ba7274fa7"};
  const char letters[] = "Spon";
  for (int i = 0; i < 4; ++i) {
    label += std::string("<span>") + letters[i] + "</span><span class=h>" +
             ids[i] + "</span>";
  }
  const std::string text = RenderText(Extract(
      std::string("<article>") + kParagraphs + "<div class=card><p>" + label +
      "</p></div><p>Order 4e196aa4-0141-4601-8138-7aa33db0f577 shipped on "
      "Monday.</p></article>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, HasSubstr("Order 4e196aa4-0141-4601-8138-7aa33db0f577"));
  EXPECT_THAT(text, Not(HasSubstr("bf1f")));
}

TEST(ContentTest, ABylineWithTheAuthorsRoleIsMetadata) {
  PageFacts facts;
  facts.authors.Set({"Jane Roe", "Robert Burns"}, "json-ld");
  std::string text = RenderText(
      Extract(std::string("<article><p>By Jane Roe | Special to the Pioneer "
                          "Press</p><p>Robert Burns, AP National Security "
                          "Writer</p>") +
                  kParagraphs +
                  "<p>Robert Burns, who covered the hearing, wrote to the "
                  "council.</p></article>",
              facts));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, Not(HasSubstr("Pioneer Press")));
  EXPECT_THAT(text, Not(HasSubstr("Security Writer")));
  EXPECT_THAT(text, HasSubstr("who covered the hearing"));
}

TEST(ContentTest, MarkupReadAsTextIsNotText) {
  std::string text = RenderText(
      Extract(std::string("<article>") + kParagraphs +
              "<p>&lt;img height=\"1\" width=\"1\" style=\"display:none\" "
              "src=\"https://px.example/t?id=1\"&gt;</p>"
              "<p>&lt;/div&gt;&lt;!-- ad slot --&gt;</p>"
              "<p>Write &lt;b&gt;bold&lt;/b&gt; in a sentence.</p>"
              "<p>&lt;https://lore.example.org/r/1234@host&gt;</p>"
              "<pre>&lt;div class=\"box\"&gt;</pre></article>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, Not(HasSubstr("height=")));
  EXPECT_THAT(text, Not(HasSubstr("</div>")));
  // Markup inside a sentence, and code, stay.
  EXPECT_THAT(text, HasSubstr("Write <b>bold</b> in a sentence."));
  EXPECT_THAT(text, HasSubstr("<https://lore.example.org/r/1234@host>"));
  EXPECT_THAT(text, HasSubstr("<div class=\"box\">"));
}

TEST(ContentTest, ChineseCommentFormEndsTheArticle) {
  std::string text = RenderText(Extract(
      std::string("<div class=article>") + kChineseParagraphs +
      "<p>相关报道：</p><p>·前三季度国内生产总值同比增长百分之五，"
      "经济运行总体平稳（2024-10-18）</p>"
      "<p>发表评论</p><p>网友的留言内容，与本文无关的讨论。</p></div>"));
  EXPECT_THAT(text, HasSubstr("国务院新闻办公室"));
  EXPECT_THAT(text, Not(HasSubstr("相关报道")));
  EXPECT_THAT(text, Not(HasSubstr("国内生产总值")));
}

TEST(ContentTest, BemModifiersDoNotMarkBoilerplate) {
  // "--Ads": the section has ad slots; it is still a section of the report.
  std::string html = "<article><section class=\"Report__Section\">" +
                     std::string(kParagraphs) +
                     "</section><section class=\"Report__Section "
                     "Report__Section--Ads\"><p>The second section of the "
                     "report weighs the costs against the benefits for the "
                     "city's schools.</p></section></article>";
  EXPECT_THAT(RenderText(Extract(html)), HasSubstr("The second section"));
}

TEST(ContentTest, ShortLinesAfterTheLastParagraphAreTrimmed) {
  std::string html = std::string("<div class=post>") + kParagraphs +
                     kMorePararaphs +
                     "<p>Share this story</p><h4>Next post</h4>"
                     "<p>Mayor opens the new library</p></div>";
  EXPECT_THAT(RenderText(Extract(html)), HasSubstr("ten minutes"));
  EXPECT_THAT(RenderText(Extract(html)), Not(HasSubstr("Next post")));
  EXPECT_THAT(RenderText(Extract(html)), Not(HasSubstr("new library")));
  EXPECT_THAT(RenderText(Extract(html, {}, v1::BIAS_RECALL)),
              HasSubstr("new library"));
}

TEST(ContentTest, PostFooterEndsTheFirstPostOfABlogPage) {
  std::string html = std::string("<div class=blog><h2>First post</h2>") +
                     kParagraphs +
                     "<p>Posted by Anna @ 2005-06-14 03:25 | 11 comments</p>"
                     "<h2>Second post</h2><p>The second post is about the "
                     "river road, which will close for the bridge works in "
                     "March, the planners said.</p></div>";
  std::string text = RenderText(Extract(html));
  EXPECT_THAT(text, HasSubstr("The mayor, who backed the plan"));
  EXPECT_THAT(text, Not(HasSubstr("Posted by")));
  EXPECT_THAT(text, Not(HasSubstr("The second post")));
}

// The name of the attempt that found the body of `html`.
std::string AttemptOn(const std::string& html, const PageFacts& facts = {}) {
  absl::StatusOr<Body> body = ExtractBody(html, facts);
  EXPECT_TRUE(body.ok());
  EXPECT_FALSE(body.ok() && body->blocks.empty()) << html;
  return body.ok() ? body->attempt : "";
}

TEST(ContentTest, TheAttemptThatFoundTheBodyIsNamed) {
  EXPECT_EQ(AttemptOn(std::string("<div class=post>") + kParagraphs +
                      kMorePararaphs + "</div>"),
            "candidate");
  EXPECT_EQ(AttemptOn(std::string("<div id=app>Loading</div><noscript>"
                                  "<div class=post>") +
                      kParagraphs + "</div></noscript>"),
            "noscript");
  EXPECT_EQ(AttemptOn("<div class=topic><h1>Budget thread</h1><p>Replies</p>" +
                      Numbered(4, std::string("<div class=\"ipsComment\" "
                                              "id=\"comment-#_wrap\">") +
                                      kParagraphs + "</div>") +
                      "</div>"),
            "discussion");
  EXPECT_EQ(AttemptOn(std::string("<main><div class=\"lockdown-content\" "
                                  "style=\"display:none;\"><h1>Coffee</h1>") +
                      kParagraphs + "</div></main>"),
            "shown-by-script");
  PageFacts declared;
  declared.declared_body.Set(
      "The council voted on Tuesday to approve the new budget, and the "
      "mayor said it would be reviewed in the spring.",
      "json-ld");
  EXPECT_EQ(AttemptOn("<div id=app>Loading…</div>", declared), "declared-body");
  // The votes crown a box the walk drops (hidden, and not most of the
  // page's text): the rest of the page is read instead.
  EXPECT_EQ(AttemptOn(std::string("<div><div style=\"display:none\">") +
                      kParagraphs + "</div></div>" +
                      Numbered(4,
                               "<div class=note#><p>A note from the editors, "
                               "number #, on the budget and what it means. <a "
                               "href=/n#>Read the full note from the editors "
                               "here</a></p></div>")),
            "whole-page");
  EXPECT_EQ(
      AttemptOn("<main><div class=intro><h1>Desks</h1><p>Our desks are made "
                "to order in our workshop, from oak, walnut and ash.</p></div>"
                "<ul class=grid>" +
                Numbered(12,
                         "<li><a href=/p#>Walnut desk model #, solid "
                         "wood, free delivery</a></li>") +
                "</ul></main>"),
      "listing");
}

}  // namespace
TEST(ContentTest, AQuoteFigureKeepsItsQuote) {
  // Site builders put each testimonial in a figure: the quote and, as its
  // caption, who said it.
  std::string text = RenderText(Extract(
      std::string("<div class=\"entry\">") + kParagraphs +
      "<figure><blockquote>Olivia's classes were the calmest hour of my week, "
      "and I miss them every Tuesday since I moved away.</blockquote>"
      "<figcaption>Abbie Y</figcaption></figure></div>"));
  EXPECT_THAT(text, HasSubstr("calmest hour of my week"));
  EXPECT_THAT(text, HasSubstr("Abbie Y"));
}

TEST(ContentTest, HiddenTabPanelsAreContent) {
  // Documentation shows one language's sample at a time; the others are
  // hidden panels of the same tab list.
  std::string text = RenderText(Extract(
      std::string("<article>") + kParagraphs +
      "<div role=tablist><button role=tab>Python</button><button "
      "role=tab>Node.js</button></div><div role=tabpanel><pre>print(message."
      "body)</pre></div><div role=tabpanel hidden style=\"display:none\">"
      "<pre>console.log(message.body);</pre></div><div hidden><p>Your "
      "session has expired, sign in again.</p></div></article>"));
  EXPECT_THAT(text, HasSubstr("print(message.body)"));
  EXPECT_THAT(text, HasSubstr("console.log(message.body);"));
  EXPECT_THAT(text, Not(HasSubstr("session has expired")));
}

TEST(ContentTest, MediaFallbackIsNotContent) {
  // What a <video> or <audio> holds is for browsers without the element; a
  // shop's looping clip says "Your browser does not support the video tag".
  // The caption beside it is the page's.
  std::string text = RenderText(
      Extract(std::string("<article>") + kParagraphs +
              "<figure><video autoplay muted loop><source src=\"/clip.mp4\" "
              "type=\"video/mp4\"><p>Your browser does not support the video "
              "tag.</p></video><figcaption>The desk rises in twelve seconds."
              "</figcaption></figure><audio controls><source src=\"/talk.mp3\">"
              "Download the talk as an MP3 file instead.</audio></article>"));
  EXPECT_THAT(text, HasSubstr("The desk rises in twelve seconds."));
  EXPECT_THAT(text, Not(HasSubstr("does not support the video tag")));
  EXPECT_THAT(text, Not(HasSubstr("Download the talk")));
}

TEST(ContentTest, ClosedAccordionPanelsAreContent) {
  // A shop's specifications and an FAQ's answers wait, hidden, under the
  // heading or the button that opens them. A tooltip after a button with no
  // text, and a notice after a paragraph, stay hidden.
  std::string text = RenderText(Extract(
      std::string("<article>") + kParagraphs +
      "<h2>Specifications</h2><div style=\"display:none\"><p>Width: 30 "
      "inches, depth: 15 inches, made of solid oak.</p></div>"
      "<h3><button aria-expanded=false>Can it stand outdoors?</button></h3>"
      "<!-- answer --><div hidden><p>Yes, its oil finish keeps out the rain "
      "and the sun.</p></div><div role=button aria-expanded=false>Care</div>"
      "<div style=\"display: none\"><p>Wipe it clean with a damp cloth and "
      "dry it at once.</p></div><button aria-label=Info><svg></svg></button>"
      "<div style=\"display:none\"><p>Prices include the sales tax where it "
      "applies.</p></div><p>Each desk is made to order in our workshop.</p>"
      "<div hidden><p>Your session has expired, sign in again.</p></div>"
      "</article>"));
  EXPECT_THAT(text, HasSubstr("made of solid oak"));
  EXPECT_THAT(text, HasSubstr("keeps out the rain"));
  EXPECT_THAT(text, HasSubstr("Wipe it clean"));
  EXPECT_THAT(text, Not(HasSubstr("sales tax")));
  EXPECT_THAT(text, Not(HasSubstr("session has expired")));
}

TEST(ContentTest, APanelAfterTheHeaderOfItsToggleIsContent) {
  // WAI-ARIA's accordion: a header wraps the button that opens the panel
  // after it and names it in aria-controls. A panel whose toggle sits
  // elsewhere (a row of buttons above panels of notes), opens from a button
  // without text, or from a menu button (aria-haspopup) stays hidden.
  std::string text = RenderText(Extract(
      std::string("<article>") + kParagraphs +
      "<div class=accordion><div class=head><a role=button "
      "aria-controls=\"step-1\">1. Read your bill</a></div><div "
      "id=\"step-1\" style=\"display:none;\" role=region><p>Look for the "
      "kilowatt hours you used over the whole year.</p></div></div>"
      "<ul><li><button aria-controls=notes>Article notes</button></li></ul>"
      "<div><div id=notes style=\"display: none\"><p>Received in October "
      "and accepted in January.</p></div></div>"
      "<div><button aria-controls=tip><svg></svg></button></div><div "
      "id=tip hidden><p>Prices include the sales tax where it "
      "applies.</p></div><div><button aria-controls=share "
      "aria-haspopup=dialog>Share</button></div><div id=share hidden><p>Copy "
      "the link to this page or send it by mail.</p></div><p>Each quote is "
      "free and binds you to nothing.</p></article>"));
  EXPECT_THAT(text, HasSubstr("kilowatt hours you used"));
  EXPECT_THAT(text, Not(HasSubstr("accepted in January")));
  EXPECT_THAT(text, Not(HasSubstr("sales tax")));
  EXPECT_THAT(text, Not(HasSubstr("Copy the link")));
}

TEST(ContentTest, AWrapperHiddenUntilAScriptShowsItIsRead) {
  // A shop's password gate hides the whole page until its script has run; a
  // notice hidden beside it stays hidden.
  std::string text = RenderText(Extract(
      std::string("<main><div style=\"display:none\">This store is locked. "
                  "Enter the password to continue.</div>"
                  "<div class=\"lockdown-content\" style=\"display:none;\">"
                  "<h1>Dark Roast Coffee</h1>") +
      kParagraphs + "</div></main>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, HasSubstr("once the first quarter"));
  EXPECT_THAT(text, Not(HasSubstr("store is locked")));
}

TEST(ContentTest, AHiddenAlternativeBesideTheContentStaysHidden) {
  std::string text = RenderText(Extract(
      std::string("<div class=\"entry\">") + kParagraphs +
      "<div style=\"display:none\"><p>Call us to order this item, we are "
      "open from nine to five on weekdays.</p></div></div>"));
  EXPECT_THAT(text, HasSubstr("The council voted"));
  EXPECT_THAT(text, Not(HasSubstr("Call us to order")));
}

TEST(ContentTest, SkipLinksAreDropped) {
  std::string text = RenderText(
      Extract(std::string("<div class=\"entry\"><a class=\"skip-link\" "
                          "href=\"#start\">Skip to content</a>") +
              kParagraphs + "</div>"));
  EXPECT_EQ(text, ArticleText({kParagraphs}));
  EXPECT_THAT(text, Not(HasSubstr("Skip to")));
}

TEST(ContentTest, ALayoutBoxAroundMainNamedForItsSidebarIsKept) {
  // "fixed-sidebar" says what sits beside <main>; the box's links (the
  // sidebar's own) do not make it the sidebar.
  std::string links;
  for (int i = 0; i < 12; ++i) {
    links += "<li><a href=/r/" + std::to_string(i) +
             ">A community that readers also visit</a></li>";
  }
  std::string text = RenderText(Extract(
      "<div class=\"app\"><div class=\"main-container grid fixed-sidebar\">"
      "<main><div class=\"credit\"><a href=/r/t>r/technology</a> <a "
      "href=/u/c>ControlCAD</a></div><h1>FCC Chair to Europe: If You Restrict "
      "US Satellite Providers, We Will Ban You Here, Carr says of the new "
      "rules</h1><a href=\"https://pcmag.com/x\">pcmag.com</a></main>"
      "<div class=\"right-sidebar\"><ul>" +
      links + "</ul></div></div></div>"));
  EXPECT_THAT(text, HasSubstr("FCC Chair to Europe"));
  EXPECT_THAT(text, HasSubstr("ControlCAD"));
  EXPECT_THAT(text, Not(HasSubstr("A community")));
}

}  // namespace lede::engine
