#include "server/engine/metadata.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/article_writer.h"

namespace lede::engine {
namespace {

// The facts of `document`, as the Article reports them.
v1::Article Extract(const std::string& document, const std::string& url = "",
                    absl::Time reference_time = absl::InfiniteFuture()) {
  FramedDocument framed = FrameDocument(document);
  absl::StatusOr<Dom> dom =
      Dom::Parse(framed.html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok());
  MetadataOptions options;
  options.url = url;
  options.reference_time = reference_time;
  absl::StatusOr<PageFacts> facts =
      ExtractMetadata(*dom, framed.facts, options, absl::InfiniteFuture());
  EXPECT_TRUE(facts.ok());
  v1::Article article;
  if (facts.ok()) {
    WriteArticle(*facts, Body(), PageTypeVerdict(), LanguageResult(),
                 TextMeasures(), v1::ParseOptions(), &article);
  }
  return article;
}

// A page's DOM and its facts, which point into it.
struct Read {
  explicit Read(const std::string& document) {
    FramedDocument framed = FrameDocument(document);
    absl::StatusOr<Dom> parsed =
        Dom::Parse(framed.html, Limits(), absl::InfiniteFuture());
    EXPECT_TRUE(parsed.ok());
    if (!parsed.ok()) return;
    dom = std::make_unique<Dom>(*std::move(parsed));
    absl::StatusOr<PageFacts> read =
        ExtractMetadata(*dom, framed.facts, {}, absl::InfiniteFuture());
    EXPECT_TRUE(read.ok());
    if (read.ok()) facts = *std::move(read);
  }
  std::unique_ptr<Dom> dom;
  PageFacts facts;
};

PageFacts Facts(const std::string& document) { return Read(document).facts; }

TEST(MetadataTest, DeclaredLanguage) {
  EXPECT_EQ(Facts("<html lang=\" zh-TW \"><p>x</p></html>").declared_language,
            "zh-TW");
  EXPECT_EQ(Facts("<html><head><meta http-equiv=\"Content-Language\" "
                  "content=\"fr\"></head><p>x</p></html>")
                .declared_language,
            "fr");
  EXPECT_EQ(Facts("<html><head><meta property=\"og:locale\" "
                  "content=\"zh_HK\"></head><p>x</p></html>")
                .declared_language,
            "zh-HK");
  // <html lang> first; the head's first <meta> that names a language next.
  EXPECT_EQ(Facts("<html lang=\"de\"><head><meta name=\"language\" "
                  "content=\"fr\"></head><p>x</p></html>")
                .declared_language,
            "de");
  EXPECT_EQ(Facts("<html><head><meta name=\"description\" content=\"en\">"
                  "<meta name=\"language\" content=\"it\">"
                  "<meta name=\"dc.language\" content=\"es\"></head>"
                  "<p>x</p></html>")
                .declared_language,
            "it");
  EXPECT_EQ(Facts("<p>x</p>").declared_language, "");
}

TEST(MetadataTest, NodesOfBylinesAndDatesAreKept) {
  Read read(
      "<html><head><meta name=\"author\" content=\"Meta Name\">"
      "</head><body><h1>A headline long enough</h1>"
      "<p class=\"byline\">By Jane Doe</p>"
      "<time datetime=\"2024-05-04T10:00:00Z\">May 4</time>"
      "<p>The council met on Tuesday, and it voted.</p></body></html>");
  const PageFacts& facts = read.facts;
  ASSERT_EQ(facts.byline_nodes.size(), 1u);
  EXPECT_EQ(TextContent(facts.byline_nodes[0].node), "By Jane Doe");
  EXPECT_EQ(facts.byline_nodes[0].field, Field::kAuthors);
  EXPECT_EQ(facts.byline_nodes[0].source, "byline");
  // A byline is read for a date too ("By Jane Doe, May 4"), before the
  // <time>.
  ASSERT_EQ(facts.date_nodes.size(), 2u);
  EXPECT_EQ(facts.date_nodes[0].node, facts.byline_nodes[0].node);
  EXPECT_EQ(facts.date_nodes[0].field, Field::kPublishedText);
  EXPECT_EQ(facts.date_nodes[0].source, "dateline");
  EXPECT_EQ(TextContent(facts.date_nodes[1].node), "May 4");
  EXPECT_EQ(facts.date_nodes[1].field, Field::kPublished);
  EXPECT_EQ(facts.date_nodes[1].source, "time");
  // The <meta> author wins over the byline's; the node is there all the
  // same, for the body to drop.
  EXPECT_THAT(facts.authors.value, ::testing::ElementsAre("Meta Name"));
  EXPECT_EQ(facts.authors.source, "meta");
  EXPECT_EQ(facts.published.source, "time");
}

TEST(MetadataTest, OpenGraphBeatsTitleTag) {
  v1::Article article = Extract(
      "<html><head><title>Budget passes - Example News</title>"
      "<meta property=\"og:title\" content=\"Budget passes\">"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "</head><body><p>x</p></body></html>");
  EXPECT_EQ(article.title(), "Budget passes");
  EXPECT_EQ(article.site_name(), "Example News");
  EXPECT_EQ(article.provenance().at("title"), "opengraph");
}

TEST(MetadataTest, AServicePageIsTitledByItsName) {
  const std::string page =
      "<html><head><title>Team chat software | Chatly</title>"
      "<meta property=\"og:site_name\" content=\"Chatly\"></head>"
      "<body><h1>Talk to your whole team, anywhere</h1><p>x</p></body></html>";
  PageFacts facts = Facts(page);
  EXPECT_EQ(facts.title.value, "Talk to your whole team, anywhere");
  EXPECT_EQ(facts.named_title.value, "Team chat software");
  // An article keeps its headline; a service page takes its name, and the
  // heading the body leaves out is still the <h1>.
  PageFacts article = facts;
  RetitleForType(v1::PAGE_TYPE_ARTICLE, &article);
  EXPECT_EQ(article.title.value, "Talk to your whole team, anywhere");
  RetitleForType(v1::PAGE_TYPE_SERVICE, &facts);
  EXPECT_EQ(facts.title.value, "Team chat software");
  EXPECT_EQ(facts.title.source, "title-tag");
  EXPECT_EQ(facts.title_heading, "Talk to your whole team, anywhere");
}

TEST(MetadataTest, ACollectionIsTitledByItsMetadatasTitleAlone) {
  PageFacts facts = Facts(
      "<html><head><title>Boots: shop boots for every trail | Outfitter"
      "</title></head><body><h1>Hiking boots for sale</h1><p>x</p>"
      "</body></html>");
  RetitleForType(v1::PAGE_TYPE_COLLECTION, &facts);
  EXPECT_EQ(facts.title.value, "Hiking boots for sale");
  facts = Facts(
      "<html><head><title>Boots: shop boots for every trail | Outfitter"
      "</title><meta property=\"og:title\" content=\"Hiking Boots for "
      "Every Trail\"></head><body><h1>Hiking boots for sale</h1><p>x</p>"
      "</body></html>");
  RetitleForType(v1::PAGE_TYPE_COLLECTION, &facts);
  EXPECT_EQ(facts.title.value, "Hiking Boots for Every Trail");
  EXPECT_EQ(facts.title.source, "opengraph");
}

TEST(MetadataTest, TitleTagLosesItsSiteSuffix) {
  v1::Article article = Extract(
      "<html><head><title>The council approves the budget | Example "
      "News</title></head><body><p>x</p></body></html>");
  EXPECT_EQ(article.title(), "The council approves the budget");
  EXPECT_EQ(article.provenance().at("title"), "title-tag");
}

// The page's title is an HTML <title>: an SVG <title>, an icon's tooltip,
// is no title tag, even where the head has none.
TEST(MetadataTest, AnSvgTitleIsNotThePagesTitle) {
  const v1::Article article = Extract(
      "<html><head></head><body><a href=\"/\"><svg><title>Facebook"
      "</title><path d=\"M0 0\"/></svg></a><article><h2>Council "
      "passes budget</h2><p>The council voted on Tuesday.</p>"
      "</article></body></html>");
  EXPECT_EQ(article.title(), "Council passes budget");
  EXPECT_NE(article.provenance().at("title"), "title-tag");
}

// Nor is what an SVG holds: a sprite sheet's <symbol id="shape-author">,
// whose <title> named the icon, was read as a byline ("author").
TEST(MetadataTest, WhatAnSvgHoldsIsNoByline) {
  const v1::Article article = Extract(
      "<html><head><title>Council passes budget</title></head><body>"
      "<svg style=\"display: none\"><symbol viewBox=\"0 0 16 16\" "
      "id=\"shape-author\"><title>author</title><path d=\"M0 0\"/>"
      "</symbol></svg><article><h1>Council passes budget</h1><p>The "
      "council voted on Tuesday.</p></article></body></html>");
  EXPECT_THAT(article.authors(), testing::IsEmpty());
}

TEST(MetadataTest, FrontMatterFieldsAndProvenance) {
  v1::Article article = Extract(
      "---\ntitle: Hello\nauthor: ZAKER\ndate: 2022-05-04 23:12:35\n"
      "categories:\n - 新媒体\ntags: [a, b]\nheadimg: https://x.cn/a.jpg\n"
      "---\n<p>Body</p>");
  EXPECT_EQ(article.title(), "Hello");
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("ZAKER"));
  EXPECT_THAT(article.categories(), ::testing::ElementsAre("新媒体"));
  EXPECT_THAT(article.tags(), ::testing::ElementsAre("a", "b"));
  EXPECT_EQ(article.published_time().seconds(), 1651705955);
  EXPECT_EQ(article.lead_image().url(), "https://x.cn/a.jpg");
  EXPECT_EQ(article.provenance().at("published_time"), "front-matter");
}

TEST(MetadataTest, SourceFromChineseTextPattern) {
  v1::Article article =
      Extract("<div><p>正文。</p><p>来源：环球网 / 乌元春</p></div>");
  EXPECT_EQ(article.source(), "环球网");
  EXPECT_EQ(article.provenance().at("source"), "text-pattern");
}

TEST(MetadataTest, RelTagLinksAreTags) {
  v1::Article article = Extract(
      "<p><a rel=\"tag\" href=/t/1>康威</a> and <a rel=\"tag\" "
      "href=/t/2>俄罗斯</a></p>");
  EXPECT_THAT(article.tags(), ::testing::ElementsAre("康威", "俄罗斯"));
}

TEST(MetadataTest, MarkdownLinkGivesTitleUrlAndSite) {
  v1::Article article =
      Extract("[A title](https://www.rfi.fr/cn/a)\n------\n\n<p>Body.</p>");
  EXPECT_EQ(article.title(), "A title");
  EXPECT_EQ(article.url(), "https://www.rfi.fr/cn/a");
  EXPECT_EQ(article.site_name(), "www.rfi.fr");
}

TEST(MetadataTest, NoDateMeansNone) {
  v1::Article article = Extract("<h2>Title</h2><p>Body.</p>");
  EXPECT_FALSE(article.has_published_time());
}

TEST(MetadataTest, DateAfterReferenceTimeIsNotBelieved) {
  v1::Article article = Extract(
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2030-01-01T00:00:00Z\"></head><body>x</body></html>",
      "", absl::FromCivil(absl::CivilDay(2025, 1, 1), absl::UTCTimeZone()));
  EXPECT_FALSE(article.has_published_time());
}

std::string Day(const google::protobuf::Timestamp& time) {
  return absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(time.seconds()),
                          absl::UTCTimeZone());
}

std::string Page(const std::string& head, const std::string& body) {
  return "<html><head>" + head + "</head><body>" + body + "</body></html>";
}

TEST(MetadataTest, JsonLdInsideGraphWithNestedAuthors) {
  v1::Article article = Extract(Page(
      R"(<script type="application/ld+json">{"@context":"https://schema.org",
      "@graph":[{"@type":"WebSite","name":"Daily Example"},
      {"@type":"NewsArticle","headline":"Rates rise again",
       "datePublished":"2024-02-03T08:00:00Z",
       "dateModified":"2024-02-04T09:00:00Z",
       "author":[{"@type":"Person","name":"Ann Lee"},
                 {"@type":"Person","name":"Bo Chen"}],
       "publisher":{"@type":"Organization","name":"Daily Example"},
       "keywords":["economy","rates"]}]}</script>)",
      "<p>Body.</p>"));
  EXPECT_EQ(article.title(), "Rates rise again");
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("Ann Lee", "Bo Chen"));
  EXPECT_EQ(Day(article.published_time()), "2024-02-03");
  EXPECT_EQ(Day(article.modified_time()), "2024-02-04");
  EXPECT_EQ(article.provenance().at("authors"), "json-ld");
  EXPECT_EQ(article.provenance().at("published_time"), "json-ld");
}

TEST(MetadataTest, JsonLdOrganizationAuthorIsNotAPerson) {
  v1::Article article = Extract(Page(
      R"(<script type="application/ld+json">{"@type":"Article",
      "headline":"X","author":{"@type":"Organization","name":"ACME"}}
      </script>)",
      "<p>Body.</p>"));
  EXPECT_THAT(article.authors(), ::testing::IsEmpty());
}

TEST(MetadataTest, OpenGraphArticleProperties) {
  v1::Article article = Extract(Page(
      R"(<meta property="og:title" content="Storm hits coast">
      <meta property="article:published_time" content="2023-09-01T10:00:00+02:00">
      <meta property="article:tag" content="weather">
      <meta property="article:section" content="News">
      <meta property="og:image" content="https://img.example/storm.jpg">)",
      "<p>Body.</p>"));
  EXPECT_EQ(article.title(), "Storm hits coast");
  EXPECT_EQ(Day(article.published_time()), "2023-09-01");
  EXPECT_THAT(article.tags(), ::testing::Contains("weather"));
  EXPECT_EQ(article.lead_image().url(), "https://img.example/storm.jpg");
}

TEST(MetadataTest, TwitterCardTitle) {
  v1::Article article = Extract(
      Page(R"(<meta name="twitter:title" content="A tweetable headline">)",
           "<p>Body.</p>"));
  EXPECT_EQ(article.title(), "A tweetable headline");
}

TEST(MetadataTest, PlainMetaNames) {
  v1::Article article = Extract(Page(
      R"(<meta name="author" content="Jane Roe">
      <meta name="pubdate" content="2021-06-07">
      <meta name="keywords" content="alpha, beta">
      <meta name="description" content="What happened.">)",
      "<p>Body.</p>"));
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("Jane Roe"));
  EXPECT_EQ(Day(article.published_time()), "2021-06-07");
  EXPECT_THAT(article.tags(), ::testing::ElementsAre("alpha", "beta"));
  EXPECT_EQ(article.description(), "What happened.");
}

TEST(MetadataTest, DublinCore) {
  v1::Article article = Extract(Page(
      R"(<meta name="DC.title" content="Dublin title">
      <meta name="DC.creator" content="Sam Poe">
      <meta name="DC.date.issued" content="2020-01-02">)",
      "<p>Body.</p>"));
  EXPECT_EQ(article.title(), "Dublin title");
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("Sam Poe"));
  EXPECT_EQ(Day(article.published_time()), "2020-01-02");
}

TEST(MetadataTest, Microdata) {
  v1::Article article = Extract(
      R"(<article itemscope itemtype="https://schema.org/NewsArticle">
      <h1 itemprop="headline">Micro headline here</h1>
      <span itemprop="author" itemscope><span itemprop="name">Kim Park</span></span>
      <meta itemprop="datePublished" content="2019-11-12">
      <p>Body.</p></article>)");
  EXPECT_EQ(article.title(), "Micro headline here");
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("Kim Park"));
  EXPECT_EQ(Day(article.published_time()), "2019-11-12");
  EXPECT_EQ(article.provenance().at("published_time"), "microdata");
}

TEST(MetadataTest, TimeElementDatetime) {
  v1::Article article = Extract(
      R"(<article><h1>Headline of the piece</h1>
      <time datetime="2022-08-09T07:30:00Z">9 Aug</time><p>Body.</p></article>)");
  EXPECT_EQ(Day(article.published_time()), "2022-08-09");
}

TEST(MetadataTest, RelAuthorLink) {
  v1::Article article = Extract(
      R"(<article><p>By <a rel="author" href="/u/ana">Ana Ruiz</a></p>
      <p>Body.</p></article>)");
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("Ana Ruiz"));
}

TEST(MetadataTest, CanonicalResolvedAgainstBase) {
  v1::Article article = Extract(Page(
      R"(<base href="https://news.example/section/">
      <link rel="canonical" href="story-1.html">)",
      "<p>Body.</p>"));
  EXPECT_EQ(article.canonical_url(),
            "https://news.example/section/story-1.html");
}

TEST(MetadataTest, HeadingThatAgreesWithTitleTagWins) {
  v1::Article article =
      Extract(Page("<title>Minister resigns after vote_政治_Example网</title>",
                   "<h1>Minister resigns after vote</h1><p>Body.</p>"));
  EXPECT_EQ(article.title(), "Minister resigns after vote");
}

TEST(MetadataTest, LowerHeadingThatStatesTheTitleBeatsASectionH1) {
  v1::Article article = Extract(
      Page("<title>Babies who eat peanuts early may avoid allergy</title>",
           "<h1>Allergies Health Center</h1><h2>Tools</h2>"
           "<h2>Babies Who Eat Peanuts Early May Avoid Allergy</h2>"
           "<p>Body.</p>"));
  EXPECT_EQ(article.title(), "Babies who eat peanuts early may avoid allergy");
}

TEST(MetadataTest, LogoHeadingInTheTitlesSitePartIsNotTheHeadline) {
  v1::Article article = Extract(
      Page("<title>Autumn leaves at the camp :: PIXNET Blog ::</title>",
           "<div class=\"topbar\"><h1>PIXNET Blog</h1></div><p>Body.</p>"));
  EXPECT_EQ(article.title(), "Autumn leaves at the camp");
}

TEST(MetadataTest, HeadlineInTheArticlesOwnHeader) {
  v1::Article article = Extract(
      Page("<title>Jobs data shows high demand for React – Tavern</title>",
           "<article><header><h1>Jobs data shows high demand for React</h1>"
           "</header><p>Body.</p></article><h1>Original text</h1>"));
  EXPECT_EQ(article.title(), "Jobs data shows high demand for React");
  EXPECT_EQ(article.provenance().at("title"), "heading");
}

TEST(MetadataTest, KickerInAHeaderHeadlineIsNotTheTitle) {
  v1::Article article = Extract(
      Page("<meta property=\"og:title\" content=\"Mayor elected\">",
           "<header><h1><span>Politics |</span> Mayor elected</h1></header>"
           "<p>Body.</p>"));
  EXPECT_EQ(article.title(), "Mayor elected");
  EXPECT_EQ(article.provenance().at("title"), "opengraph");
}

TEST(MetadataTest, MetaTagNamingSeveralProperties) {
  v1::Article article = Extract(Page(
      R"(<meta property="x:title dc:title" content="Preferred title">
      <meta property="dc:creator twitter:site_name" content="Creator Name">)",
      "<p>Body.</p>"));
  EXPECT_EQ(article.title(), "Preferred title");
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("Creator Name"));
}

TEST(MetadataTest, ChineseTitleSuffixesAreSiteNames) {
  v1::Article article = Extract(
      Page("<title>苹果发布新款手机_科技_腾讯网</title>", "<p>正文。</p>"));
  EXPECT_EQ(article.title(), "苹果发布新款手机");
}

TEST(MetadataTest, EpochInHtmlComment) {
  v1::Article article =
      Extract("<!-- publish_time: 1696513502 --><h2>Title</h2><p>Body.</p>");
  EXPECT_EQ(Day(article.published_time()), "2023-10-05");
}

TEST(MetadataTest, DateFromUrlWhenThePageHasNone) {
  v1::Article article = Extract("<h2>Title</h2><p>Body.</p>",
                                "https://news.example/2023/10/05/story.html");
  EXPECT_EQ(Day(article.published_time()), "2023-10-05");
  EXPECT_EQ(article.provenance().at("published_time"), "url");
}

TEST(MetadataTest, UrlDateDecidesDayMonthOrder) {
  v1::Article article = Extract(
      "<h1>Un titre assez long</h1><p class=\"date\">05/10/2023 - "
      "15:28</p><p>Texte.</p>",
      "https://www.example.fr/2023/10/05/un-titre");
  EXPECT_EQ(Day(article.published_time()), "2023-10-05");
}

TEST(MetadataTest, EnglishByline) {
  v1::Article article = Extract(
      "<article><h1>Headline of the story</h1><p class=\"byline\">By John "
      "Smith and Mary Jones</p><p>Body text.</p></article>");
  EXPECT_THAT(article.authors(),
              ::testing::ElementsAre("John Smith", "Mary Jones"));
}

TEST(MetadataTest, ChineseCredits) {
  v1::Article article = Extract(
      "<div><p>作者：李明</p><p>正文内容很长。</p>"
      "<p>责任编辑：王芳</p></div>");
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("李明"));
  EXPECT_THAT(article.editors(), ::testing::ElementsAre("王芳"));
}

TEST(MetadataTest, ReporterAndSlashCredits) {
  EXPECT_THAT(Extract("<div><p>本报记者 张伟</p><p>正文。</p></div>").authors(),
              ::testing::ElementsAre("张伟"));
  EXPECT_THAT(Extract("<div><p>文/赵静</p><p>正文。</p></div>").authors(),
              ::testing::ElementsAre("赵静"));
}

TEST(MetadataTest, DatesThatBelongToOtherPagesAreIgnored) {
  const char* const kPages[] = {
      // A related story's link.
      "<aside class=\"related\"><a href=/x>Older story, June 4, 2019</a>"
      "</aside>",
      // A menu entry that mentions a date.
      "<nav><ul><li><a href=/t>Tarifverträge (zum 28.02.2017 gekündigt)</a>"
      "</li></ul></nav>",
      // A blog archive's period.
      "<div class=nav><a href=/a>12/01/2004 - 01/01/2005</a></div>",
      // The Wayback Machine's toolbar: the archive's capture dates.
      "<div id=\"wm-ipp-base\"><div id=\"wm-ipp\"><div class=r>10 Nov 2013"
      "</div></div></div>",
  };
  for (const char* page : kPages) {
    v1::Article article = Extract(
        std::string(page) +
        "<article><h1>Headline of the story</h1><p>Body.</p></article>");
    EXPECT_FALSE(article.has_published_time()) << page;
  }
}

TEST(MetadataTest, ADateAnnouncedAsThePublicationComesFirst) {
  // The blog's founding date in the sidebar comes first in the page.
  v1::Article article = Extract(
      "<div class=side>Blog名:洞庭一叶<br>建立于:2004年10月6日</div>"
      "<div><h1>陈天华《警世钟》</h1>ggjjzhzz 发表于 2005-9-15 11:46:00"
      "<p>正文。</p></div>");
  EXPECT_EQ(article.published_date(), "2005-09-15");
  // The announcement may sit in its own element before the date.
  article = Extract(
      "<div class=side>Member since 12 March 2019</div><article><h1>Headline "
      "of the story</h1><p><span>Posted on</span> May 5, 2020</p></article>");
  EXPECT_EQ(article.published_date(), "2020-05-05");
}

TEST(MetadataTest, APermalinkOnTheDateIsTheDate) {
  v1::Article article = Extract(
      "<article><h1>Headline of the story</h1><p>Posted on <a href=/p>"
      "<span>May 5, 2020</span></a> by admin</p><p>Body.</p></article>");
  EXPECT_EQ(article.published_date(), "2020-05-05");
}

TEST(MetadataTest, LayoutAndTaxonomyClassesDoNotHideTheArticlesDate) {
  // A post filed under "category-popular" is not a list of popular posts.
  v1::Article article = Extract(
      "<div class=\"post category-popular\"><h2>Top ten</h2>"
      "<p>January 22, 2014</p><p>Body.</p></div>");
  EXPECT_EQ(article.published_time_text(), "January 22, 2014");
  // A layout box named for its sidebar holds the headline and its date.
  article = Extract(
      "<div class=\"content right-sidebar\"><h1>Headline of the story</h1>"
      "<span>April 19, 2019</span><p>Body.</p></div>");
  EXPECT_EQ(article.published_time_text(), "April 19, 2019");
  // The sidebar beside the headline still holds other stories' dates.
  article = Extract(
      "<h1>Headline of the story</h1><p>Body.</p>"
      "<div class=\"right-sidebar\"><p>June 4, 2019</p></div>");
  EXPECT_FALSE(article.has_published_time());
}

TEST(MetadataTest, DatelineAtTheStartOfALongParagraph) {
  v1::Article article = Extract(
      "<h1>Headline of the story</h1><p>27.1.2022 - Bei der Erinnerung an "
      "die Opfer kamen am Donnerstag viele Menschen zusammen, um gemeinsam "
      "der Verfolgten zu gedenken und ihre Geschichten zu erzählen.</p>");
  EXPECT_EQ(article.published_time_text(), "27.1.2022");
}

TEST(MetadataTest, UtcStampKeepsTheDayThePageShows) {
  // 00:44 UTC on 4 May is 21:44 on 3 May where the page is read.
  const std::string head =
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2022-05-04T00:44:52Z\"></head><body><h1>Headline of the "
      "story</h1>";
  v1::Article article =
      Extract(head + "<p class=date>03.05.2022 21:44</p><p>Body.</p>");
  EXPECT_EQ(article.published_time().seconds(), 1651625092);
  EXPECT_EQ(article.published_time_text(), "03.05.2022 21:44");
  EXPECT_EQ(article.published_date(), "2022-05-03");
  // A shown time no zone explains (21:50), or a shown day without a time,
  // may be another date: the stamp's day stays.
  for (const char* shown : {"03.05.2022 21:50", "03.05.2022"}) {
    article = Extract(head + "<p class=date>" + shown + "</p><p>Body.</p>");
    EXPECT_EQ(article.published_time_text(), "2022-05-04T00:44:52Z") << shown;
    EXPECT_EQ(article.published_date(), "2022-05-04") << shown;
  }
}

TEST(MetadataTest, PublishedDateIsTheDayInThePagesOwnZone) {
  v1::Article article =
      Extract(Page("<meta property=\"article:published_time\" "
                   "content=\"2020-02-24T21:25:54-05:00\">",
                   "<p>Body.</p>"));
  EXPECT_EQ(Day(article.published_time()), "2020-02-25");
  EXPECT_EQ(article.published_date(), "2020-02-24");
}

TEST(MetadataTest, UtcStampTakesTheUrlsDayWhenTheInstantFallsOnIt) {
  const std::string page = Page(
      "<meta property=\"article:published_time\" "
      "content=\"2020-02-25T02:25:54Z\">",
      "<p>Body.</p>");
  // 02:25 UTC is the evening before in New York, where the URL was written.
  v1::Article article =
      Extract(page, "https://example.com/2020/02/24/press-secretary-exits/");
  EXPECT_EQ(article.published_date(), "2020-02-24");
  EXPECT_EQ(Day(article.published_time()), "2020-02-25");
  // A URL day no zone puts the instant on is not believed.
  article = Extract(page, "https://example.com/2020/02/20/press-secretary/");
  EXPECT_EQ(article.published_date(), "2020-02-25");
}

TEST(MetadataTest, UtcStampTakesTheDayOfTheSameInstantWithAnOffset) {
  v1::Article article = Extract(Page(
      R"(<script type="application/ld+json">{"@type": "NewsArticle",
      "datePublished": "2017-02-24T01:18:13Z"}</script>
      <meta property="article:published_time"
      content="2017-02-23T17:18:13-08:00">)",
      "<p>Body.</p>"));
  EXPECT_EQ(Day(article.published_time()), "2017-02-24");
  EXPECT_EQ(article.published_date(), "2017-02-23");
}

TEST(MetadataTest, JsonLdInsideCdataOrCommentWrappers) {
  for (const char* wrapped :
       {"<![CDATA[ {\"@type\": \"NewsArticle\", \"headline\": \"Wrapped\"} ]]>",
        "//<![CDATA[\n{\"@type\": \"NewsArticle\", \"headline\": "
        "\"Wrapped\"}\n//]]>",
        "<!-- {\"@type\": \"NewsArticle\", \"headline\": \"Wrapped\"} -->"}) {
    v1::Article article =
        Extract(Page(std::string("<script type=\"application/ld+json\">") +
                         wrapped + "</script>",
                     "<p>Body.</p>"));
    EXPECT_EQ(article.title(), "Wrapped") << wrapped;
    EXPECT_EQ(article.provenance().at("title"), "json-ld") << wrapped;
  }
}

TEST(MetadataTest, MarkupInsideAValueIsDropped) {
  v1::Article article = Extract(
      Page("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
           "\"author\": {\"@type\": \"Person\", \"name\": [\"\\u003Ca "
           "href=\\u0022/pl/eksperci/jan-nowak\\u0022\\u003EJan "
           "Nowak\\u003C/a\\u003E\"]}}</script>",
           "<p>Body.</p>"));
  ASSERT_EQ(article.authors_size(), 1);
  EXPECT_EQ(article.authors(0), "Jan Nowak");
}

TEST(MetadataTest, ApplicationStateDatesAPageThatSaysNothingElse) {
  const std::string state =
      "<script>window.__STATE__ = {\"review\": {\"publishedDate\": "
      "\"2016-11-04T20:37:27Z\", \"updatedDate\": "
      "\"2016-11-05T08:00:00Z\"}};</script>";
  v1::Article article = Extract(Page(state, "<p>Body.</p>"));
  EXPECT_EQ(article.published_date(), "2016-11-04");
  EXPECT_EQ(article.provenance().at("published_time"), "script");
  // Any date the page shows comes first.
  article = Extract(Page(
      state, "<time datetime=\"2016-11-02\">2 November</time><p>Body.</p>"));
  EXPECT_EQ(article.published_date(), "2016-11-02");
}

TEST(MetadataTest, PhotoCreditInAnImageItemIsNotTheAuthor) {
  v1::Article article = Extract(
      Page("", R"(<article itemscope itemtype="http://schema.org/NewsArticle">
      <figure itemprop="image" itemscope
      itemtype="http://schema.org/ImageObject"><img src="a.jpg">
      <span itemprop="creator">Benoit Tessier/Reuters</span></figure>
      <span itemprop="author">Sarah Archer</span><p>Body.</p></article>)"));
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("Sarah Archer"));
}

TEST(MetadataTest, CommentItemsDateIsNotTheArticles) {
  v1::Article article =
      Extract(Page("", R"(<h1>A question about routers</h1><p>Body.</p>
      <div itemscope itemtype="https://schema.org/Comment">
      <span itemprop="author">Sam</span>
      <meta itemprop="datePublished" content="2021-04-08"></div>)"));
  EXPECT_FALSE(article.has_published_time());
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("Sam"));
}

TEST(MetadataTest, BlogNameHeadingIsNotThePostsTitle) {
  v1::Article article = Extract(Page(
      R"(<meta property="og:site_name" content="Steven's Home">
      <title>Autumn leaves at the camp @ Steven's Home :: PIXNET ::</title>)",
      "<h1><a href=\"/blog\">Steven's Home</a></h1><p>Body.</p>"));
  EXPECT_EQ(article.title(), "Autumn leaves at the camp @ Steven's Home");
}

TEST(MetadataTest, PermalinkMarkAfterAHeadingIsNotTitle) {
  v1::Article article =
      Extract(Page("<title>Evolve: Shared Mutable History - Mercurial</title>",
                   "<h1>Evolve: Shared Mutable History<a class=\"headerlink\" "
                   "href=\"#evolve\">¶</a></h1><p>Body.</p>"));
  EXPECT_EQ(article.title(), "Evolve: Shared Mutable History");
}

// The page type's signals: every schema.org type, the page's own apart from
// those nested in another item, and og:type.
TEST(MetadataTest, SchemaTypesAndOgType) {
  PageFacts facts = Facts(
      R"(<head><meta property="og:type" content="Product.Item">
      <script type="application/ld+json">{"@graph": [
        {"@type": "WebPage", "mainEntity": {"@type": ["QAPage", "x:Thing"],
          "acceptedAnswer": {"@type": "Answer"}}},
        {"@type": "http://schema.org/Product",
         "offers": [{"@type": "Offer"}]}]}</script></head>
      <body><div itemscope itemtype="https://schema.org/ItemList">
      <div itemscope itemtype="http://schema.org/ListItem/"></div></div>
      <p>x</p></body>)");
  std::vector<std::pair<std::string, bool>> types;
  for (const SchemaType& type : facts.schema_types) {
    types.push_back({type.name, type.nested});
  }
  EXPECT_THAT(
      types,
      testing::ElementsAre(
          testing::Pair("WebPage", false), testing::Pair("QAPage", false),
          testing::Pair("Thing", false), testing::Pair("Answer", true),
          testing::Pair("Product", false), testing::Pair("Offer", true),
          testing::Pair("ItemList", false), testing::Pair("ListItem", true)));
  EXPECT_EQ(facts.og_type, "product.item");
  EXPECT_EQ(Facts("<p>x</p>").og_type, "");
  EXPECT_TRUE(Facts("<p>x</p>").schema_types.empty());
}

}  // namespace
}  // namespace lede::engine
