#include "server/engine/page_features.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "server/engine/content.h"
#include "server/engine/engine.h"
#include "server/engine/metadata.h"

namespace lede::engine {
namespace {

// What the page-type stage measures of `html` at `url`, through the engine.
PageFeatures Measure(const std::string& html, const std::string& url = "") {
  v1::ParseRequest request;
  request.set_content(html);
  request.set_url(url);
  PageFeatures features{};
  absl::StatusOr<v1::ParseResponse> response =
      Engine().Parse(request, absl::InfiniteFuture(), nullptr, &features);
  EXPECT_TRUE(response.ok()) << response.status();
  return features;
}

// Some prose, so the content stage finds a body.
std::string Prose(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    absl::StrAppend(&text, "This sentence is part of the text number ", i,
                    " and says what the page is about in plain words. ");
  }
  return text;
}

std::string Page(const std::string& head, const std::string& body) {
  return absl::StrCat("<html><head>", head, "</head><body>", body,
                      "</body></html>");
}

// The engine measures the markup in the metadata stage's pass over the
// tree; a walk of the body alone afterwards measures the same.
TEST(PageFeaturesTest, TheWalkInTheMetadataPassMeasuresAsAWalkAlone) {
  const std::string page = Page(
      "<title>Red shoes | Shop</title>"
      "<meta property=og:type content=product><script>x()</script>",
      "<nav><a href=/>Home</a><a href=/about>About</a></nav>"
      "<div class=product-card><h2><a href=/a>Red shoes</a></h2>"
      "<img src=a.jpg><span class=price>$12</span></div>"
      "<div class=product-card><h2><a href=/b>Blue shoes</a></h2>"
      "<img src=b.jpg><span class=price>$14</span></div>"
      "<div class=product-card><h2><a href=/c>Green shoes</a></h2>"
      "<img src=c.jpg><span class=price>$16</span></div>"
      "<article><h1>Red shoes</h1><time>May 3, 2024</time><p>" +
          Prose(8) +
          "</p><noscript>Turn on scripts</noscript><svg><text>s</text></svg>"
          "<button>Add to cart</button></article>"
          "<ul class=pager><li><a href=/2>2</a><li><a href=/3>3</a></ul>");
  absl::StatusOr<Dom> dom = Dom::Parse(page, Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  PageTreeMeasure tree;
  absl::StatusOr<PageFacts> facts = ExtractMetadata(
      *dom, FrameFacts(), MetadataOptions(), absl::InfiniteFuture(), &tree);
  ASSERT_TRUE(facts.ok()) << facts.status();
  absl::StatusOr<Body> body =
      ExtractContent(*dom, *facts, ContentOptions(), absl::InfiniteFuture());
  ASSERT_TRUE(body.ok()) << body.status();
  const PageFeatures together = MeasurePage(&tree, *facts, *body);
  EXPECT_EQ(together, MeasurePage(*dom, *facts, *body));
  EXPECT_GT(together[kElements], 20);
  EXPECT_EQ(together[kImages], 3);
  EXPECT_GT(together[kTitleWords], 0);
}

TEST(PageFeaturesTest, TheUrlsShape) {
  const std::string page = Page("", "<p>" + Prose(5) + "</p>");
  PageFeatures forum =
      Measure(page, "https://forum.example.com/threads/why-is-it-so.123456/");
  EXPECT_EQ(forum[kUrlForum], 2);  // the host's "forum", the path's "threads"
  EXPECT_EQ(forum[kUrlDepth], 2);
  EXPECT_EQ(forum[kUrlNumericSegment], 1);
  EXPECT_EQ(forum[kUrlQuery], 0);
  EXPECT_EQ(forum[kUrlMissing], 0);

  PageFeatures docs = Measure(
      page, "https://docs.example.org/en/latest/api/reference.html?x=1");
  EXPECT_EQ(docs[kUrlDocs], 4);  // docs, latest, api, reference
  EXPECT_EQ(docs[kUrlFileExtension], 1);
  EXPECT_EQ(docs[kUrlQuery], 1);

  PageFeatures article =
      Measure(page, "https://news.example.com/2024/05/03/a-long-story-slug");
  EXPECT_EQ(article[kUrlDate], 1);
  EXPECT_EQ(article[kUrlSlugWords], 4);

  EXPECT_EQ(Measure(page)[kUrlMissing], 1);
}

TEST(PageFeaturesTest, WhatThePageSaysItIs) {
  const std::string product_ld =
      R"(<script type="application/ld+json">{"@context": "https://schema.org",
        "@type": "Product", "name": "Kettle",
        "offers": {"@type": "Offer", "price": "19.99"},
        "review": [{"@type": "Review"}, {"@type": "Review"}]}</script>
        <meta property="og:type" content="product">)";
  PageFeatures product = Measure(Page(product_ld, "<p>" + Prose(4) + "</p>"));
  EXPECT_EQ(product[kSchemaProduct], 1);
  EXPECT_EQ(product[kNestedProduct], 1);  // the Offer
  EXPECT_EQ(product[kNestedReview], 2);
  EXPECT_EQ(product[kOgProduct], 1);
  EXPECT_EQ(product[kSchemaArticle], 0);

  const std::string microdata =
      R"(<div itemscope itemtype="https://schema.org/QAPage">
           <div itemscope itemtype="https://schema.org/Question"></div>
           <div itemscope itemtype="https://schema.org/Answer"><p>)" +
      Prose(3) + "</p></div></div>";
  PageFeatures forum = Measure(
      Page(R"(<meta property="og:type" content="website">)", microdata));
  EXPECT_EQ(forum[kSchemaForum], 1);  // the QAPage
  EXPECT_EQ(forum[kNestedForum], 2);  // the Question and the Answer in it
  EXPECT_EQ(forum[kOgWebsite], 1);
  EXPECT_EQ(forum[kOgProduct], 0);
}

TEST(PageFeaturesTest, AShopsSignals) {
  PageFeatures features = Measure(
      Page("", R"(<h1>Blue kettle</h1><p class="product-price">$ 19.99</p>
             <button class="add-to-cart">Add to  Cart</button>
             <p>In stock</p><p>)" +
                   Prose(3) + "</p>"));
  EXPECT_EQ(features[kPrices], 1);
  EXPECT_EQ(features[kShortProduct], 2);  // "add to cart", "in stock"
  EXPECT_GE(features[kClassProduct], 2);  // product-price, add-to-cart
  EXPECT_EQ(features[kButtons], 1);
}

TEST(PageFeaturesTest, RepeatedCardsAndPrices) {
  std::string grid = "<ul class=\"grid\">";
  for (int i = 0; i < 6; ++i) {
    absl::StrAppend(&grid, "<li class=\"card\"><a href=\"/p/", i,
                    "\"><img src=\"/", i, ".jpg\"><h3>Item ", i,
                    "</h3></a><span>", 10 + i, ",99 \u20AC</span></li>");
  }
  absl::StrAppend(&grid, "</ul>");
  PageFeatures features = Measure(Page("", grid + "<p>" + Prose(2) + "</p>"));
  EXPECT_EQ(features[kRepeatedCards], 6);
  EXPECT_EQ(features[kRepeatedLinks], 6);
  EXPECT_EQ(features[kRepeatedPrices], 6);
  EXPECT_EQ(features[kRepeatedGroups], 1);
  EXPECT_EQ(features[kPrices], 6);
  EXPECT_GT(features[kRepeatedTextShare], 0);
}

TEST(PageFeaturesTest, PostsWithDates) {
  std::string thread;
  for (int i = 0; i < 4; ++i) {
    absl::StrAppend(&thread, "<div class=\"message\"><span>May ", i + 1,
                    ", 2024</span><p>", Prose(3), "</p><a>Reply</a></div>");
  }
  PageFeatures features = Measure(Page("", thread));
  EXPECT_EQ(features[kRepeatedPosts], 4);
  EXPECT_EQ(features[kRepeatedDated], 4);
  EXPECT_EQ(features[kDateTexts], 4);
  EXPECT_EQ(features[kShortForum], 4);  // "Reply"
  EXPECT_EQ(features[kClassForum], 4);  // "message"
}

TEST(PageFeaturesTest, DocumentationsCodeAndNavigationTree) {
  PageFeatures features = Measure(Page(
      "", R"(<nav><ul><li><a href="/a">A</a><ul><li><a href="/a/b">B</a></li>
             <li><a href="/a/c">C</a></li></ul></li></ul></nav>
             <main><h2 id="usage">Usage</h2><p>Call <code>open()</code> first.
             </p><pre><code>open("x")</code></pre><p>)" +
              Prose(3) + R"(</p><a href="#usage">Usage</a></main>)"));
  EXPECT_EQ(features[kNestedListItems], 2);
  EXPECT_EQ(features[kNavs], 1);
  EXPECT_EQ(features[kCodeBlocks], 1);
  EXPECT_EQ(features[kInlineCode], 1);  // the <code> inside <pre> is a block's
  EXPECT_EQ(features[kHeadingAnchors], 1);
  EXPECT_EQ(features[kAnchorLinks], 1);
  EXPECT_GT(features[kCodeTextShare], 0);
}

TEST(PageFeaturesTest, AServicesVoice) {
  PageFeatures features =
      Measure(Page("", R"(<section class="hero"><h1>We fix your roof</h1>
             <a href="tel:+15550100">Call us</a><a href="/c">Contact us</a>
             </section><p>We help you and your family: our team gives you
             our word that we will be there for you when you need us.</p>)"));
  EXPECT_EQ(features[kPhoneLinks], 1);
  EXPECT_EQ(features[kShortService], 1);  // "contact us"
  EXPECT_GE(features[kClassService], 1);  // "hero"
  EXPECT_GT(features[kBodyWeShare], 0.1);
  EXPECT_GT(features[kBodyYouShare], 0.1);
}

TEST(PageFeaturesTest, AListsTeasersAndPager) {
  std::string river = "<div class=\"river\">";
  for (int i = 0; i < 5; ++i) {
    absl::StrAppend(&river, "<div class=\"story\"><h2><a href=\"/news/", i,
                    "\">Council votes to rebuild the old bridge number ", i,
                    "</a></h2><p>The vote ends two years of talks on what the "
                    "town should do with its river crossing.</p></div>");
  }
  absl::StrAppend(&river,
                  "</div><p class=\"pager\"><a href=\"?page=1\">1</a> "
                  "<a href=\"?page=2\">2</a> <a rel=\"next\" "
                  "href=\"?page=2\">Next</a></p>");
  PageFeatures list =
      Measure(Page("", river), "https://news.example.com/topics/bridges");
  EXPECT_EQ(list[kHeadlineLinks], 5);
  EXPECT_GT(list[kHeadlineLinkTextShare], 0.2);
  EXPECT_EQ(list[kRepeatedTeasers], 5);
  EXPECT_EQ(list[kTeaserItems], 5);
  EXPECT_EQ(list[kPageNumberLinks], 3);  // "1", "2" and rel=next
  EXPECT_EQ(list[kHeadingLinkShare], 1);
  EXPECT_EQ(list[kUrlSlugListing], 1);  // "topics"
  EXPECT_EQ(list[kUrlPaged], 0);

  PageFeatures article =
      Measure(Page("", "<article><h1>Title</h1><p>" + Prose(6) +
                           "</p><p>Read <a href=\"/x\">this</a>.</p>"
                           "</article>"),
              "https://news.example.com/2024/how-the-bridge-was-built");
  EXPECT_EQ(article[kHeadlineLinks], 0);
  EXPECT_EQ(article[kRepeatedTeasers], 0);
  EXPECT_EQ(article[kTeaserItems], 0);
  EXPECT_EQ(article[kPageNumberLinks], 0);
  EXPECT_EQ(article[kHeadingLinkShare], 0);
  EXPECT_EQ(article[kUrlSlugArticle], 2);  // "how", "the"
  EXPECT_EQ(article[kUrlSlugListing], 0);
}

TEST(PageFeaturesTest, LinkDenseBlocks) {
  // Two blocks all links, one of prose with a link in it: the link-dense
  // blocks hold their own text, whatever the prose's length.
  PageFeatures features =
      Measure(Page("", R"(<ul><li><a href="/a">Alpha links</a></li>
             <li><a href="/b">Beta links</a></li></ul><div><p>)" +
                           Prose(1) + R"( <a href="/c">one</a></p></div>)"));
  EXPECT_GT(features[kLinkDenseBlockShare], 0.1);
  EXPECT_LT(features[kLinkDenseBlockShare], 0.5);
  PageFeatures prose = Measure(Page("", "<p>" + Prose(3) + "</p>"));
  EXPECT_EQ(prose[kLinkDenseBlockShare], 0);
}

TEST(PageFeaturesTest, TheUrlsWordsOfAListAndAnOffer) {
  const std::string page = Page("", "<p>" + Prose(3) + "</p>");
  PageFeatures paged =
      Measure(page, "https://example.com/recipes/page/3/?sort=new");
  EXPECT_EQ(paged[kUrlPaged], 1);
  EXPECT_EQ(paged[kUrlSlugListing], 1);  // "recipes"
  EXPECT_EQ(Measure(page, "https://example.com/jobs?Page=2")[kUrlPaged], 1);
  EXPECT_EQ(Measure(page, "https://example.com/page-two")[kUrlPaged], 0);
  PageFeatures offer = Measure(
      page, "https://example.com/services/roof-repair-san-jose-company");
  EXPECT_EQ(offer[kUrlSlugService], 3);  // services, repair, company
}

TEST(PageFeaturesTest, TheDescriptionsWords) {
  PageFeatures features =
      Measure(Page(R"(<title>Roofing</title><meta name="description"
             content="We repair roofs: contact our team. Browse the list of
             answers.">)",
                   "<p>" + Prose(3) + "</p>"));
  EXPECT_EQ(features[kDescriptionService], 4);  // we, repair, contact, our
  EXPECT_EQ(features[kDescriptionListing], 2);  // browse, list
  EXPECT_EQ(features[kDescriptionForum], 1);    // answers
  EXPECT_EQ(features[kDescriptionArticle], 0);
}

TEST(PageFeaturesTest, TheBody) {
  PageFeatures features =
      Measure(Page("", "<article><h1>Title</h1><p>" + Prose(4) + "</p><p>" +
                           Prose(4) + "</p></article>"));
  EXPECT_GT(features[kBodyLength], 500);
  EXPECT_GT(features[kBodyWords], 100);
  EXPECT_GT(features[kBodyShare], 0.5);
  EXPECT_LE(features[kBodyShare], 1);
  EXPECT_EQ(features[kArticleElements], 1);
  EXPECT_GT(features[kBodyMeanParagraphLength], 200);
}

}  // namespace
}  // namespace lede::engine
