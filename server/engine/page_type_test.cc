#include "server/engine/page_type.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "server/engine/engine.h"
#include "server/engine/page_type_model.h"

namespace lede::engine {
namespace {

// The Article the engine writes of `html` at `url`.
v1::Article Parse(const std::string& url, const std::string& head,
                  const std::string& body) {
  v1::ParseRequest request;
  request.set_url(url);
  request.set_content(absl::StrCat("<html><head>", head, "</head><body>", body,
                                   "</body></html>"));
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(request);
  EXPECT_TRUE(response.ok()) << response.status();
  return response.ok() ? response->article() : v1::Article();
}

std::string Sentences(absl::string_view topic, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    absl::StrAppend(&text, "The ", topic, " was discussed again at length, ",
                    "and the people who live nearby said what they thought ",
                    "of it in meeting number ", i, ". ");
  }
  return text;
}

std::string JsonLd(const std::string& json) {
  return "<script type=\"application/ld+json\">" + json + "</script>";
}

TEST(PageTypeTest, NewsArticle) {
  v1::Article article = Parse(
      "https://news.example.com/2024/05/03/council-votes-on-the-new-bridge",
      R"(<title>Council votes on the new bridge</title>
         <meta property="og:type" content="article">)" +
          JsonLd(R"({"@type": "NewsArticle", "headline": "Council votes",
                     "author": {"@type": "Person", "name": "Ann Lee"},
                     "datePublished": "2024-05-03T10:00:00Z"})"),
      "<article><h1>Council votes on the new bridge</h1><p class=\"byline\">"
      "By Ann Lee</p><time datetime=\"2024-05-03\">May 3, 2024</time><p>" +
          Sentences("bridge", 6) + "</p><p>" + Sentences("budget", 6) +
          "</p><p>" + Sentences("river", 6) + "</p></article>");
  EXPECT_EQ(article.page_type(), v1::PAGE_TYPE_ARTICLE);
}

TEST(PageTypeTest, ForumThread) {
  std::string posts;
  for (int i = 0; i < 5; ++i) {
    absl::StrAppend(
        &posts, "<article class=\"message message--post\"><div class=\"",
        "message-userDetails\"><a class=\"username\">user", i,
        "</a><dl><dt>Joined</dt><dd>Jan 2020</dd><dt>Messages</dt><dd>",
        100 + i, "</dd></dl></div><div class=\"message-content\"><time>May ",
        i + 1, ", 2024</time><div class=\"bbWrapper\">",
        Sentences("engine noise", 3),
        "</div><a>Reply</a><a>Quote</a><a>Report</a></div></article>");
  }
  v1::Article article =
      Parse("https://forums.example.com/threads/engine-noise-at-idle.123456/",
            "<title>Engine noise at idle | Example Forums</title>" +
                JsonLd(R"({"@type": "DiscussionForumPosting",
                           "headline": "Engine noise at idle"})"),
            "<h1>Engine noise at idle</h1>" + posts);
  EXPECT_EQ(article.page_type(), v1::PAGE_TYPE_FORUM);
}

TEST(PageTypeTest, Product) {
  v1::Article article =
      Parse("https://shop.example.com/products/steel-kettle-1-7-l",
            R"(<title>Steel kettle 1.7 l | Example Shop</title>
         <meta property="og:type" content="product">)" +
                JsonLd(R"({"@type": "Product", "name": "Steel kettle",
                     "offers": {"@type": "Offer", "price": "39.00"},
                     "aggregateRating": {"@type": "AggregateRating"}})"),
            R"(<div class="product-detail"><h1>Steel kettle 1.7 l</h1>
         <span class="price">$39.00</span><select class="variant">
         <option>Silver</option></select><label>Quantity</label>
         <input class="qty" value="1"><button class="add-to-cart">Add to cart
         </button><p>In stock</p><div class="product-description"><p>A steel
         kettle that boils 1.7 litres in three minutes, with a filter you can
         take out and wash.</p><ul><li>Capacity: 1.7 l</li><li>Power: 3 kW
         </li></ul></div></div>)");
  EXPECT_EQ(article.page_type(), v1::PAGE_TYPE_PRODUCT);
}

TEST(PageTypeTest, Documentation) {
  v1::Article article = Parse(
      "https://docs.example.org/en/latest/api/client.html",
      "<title>Client API reference - Example 2.1 documentation</title>",
      R"(<nav class="sidebar toc"><ul><li><a href="/en/latest/">Guide</a><ul>
         <li><a href="install.html">Install</a></li><li><a href="api/">API
         </a></li></ul></li></ul></nav><div class="document"><h1 id="client">
         Client<a class="headerlink" href="#client">#</a></h1><p>The
         <code>Client</code> opens one connection and keeps it open; call
         <code>close()</code> when you are done with it.</p>
         <div class="highlight"><pre><code>client = Client("host")
client.close()</code></pre></div><h2 id="options">Options<a
         class="headerlink" href="#options">#</a></h2><dl><dt>timeout</dt>
         <dd>Seconds to wait for an answer.</dd><dt>retries</dt><dd>How many
         times to try again.</dd></dl><pre><code>client = Client("host",
         timeout=5)</code></pre><a>Edit this page</a></div>)");
  EXPECT_EQ(article.page_type(), v1::PAGE_TYPE_DOCUMENTATION);
}

TEST(PageTypeTest, ServicePage) {
  v1::Article article = Parse(
      "https://www.example-roofing.com/services/roof-repair/",
      "<title>Roof repair services | Example Roofing Company</title>" +
          JsonLd(R"({"@type": "RoofingContractor", "name": "Example Roofing",
                     "telephone": "+1 555 0100"})"),
      R"(<section class="hero"><h1>Roof repair you can count on</h1><p>We
         repair every kind of roof, and our team is there for you within a
         day.</p><a class="cta" href="tel:+15550100">Call us</a><a
         href="/contact">Get a quote</a></section><section class="features">
         <h2>Why choose us</h2><div class="feature"><h3>Licensed</h3><p>Our
         roofers are licensed and insured, so your home is in good hands.</p>
         </div><div class="feature"><h3>Fast</h3><p>We answer your call the
         same day and we give you a written estimate.</p></div></section>
         <section class="testimonials"><p>They fixed our roof in a day.</p>
         </section><a href="/contact">Contact us</a>)");
  EXPECT_EQ(article.page_type(), v1::PAGE_TYPE_SERVICE);
}

TEST(PageTypeTest, CollectionOfProducts) {
  std::string grid = "<ul class=\"product-grid\">";
  for (int i = 0; i < 12; ++i) {
    absl::StrAppend(
        &grid, "<li class=\"product-card\"><a href=\"/products/", "kettle-", i,
        "\"><img src=\"/k", i, ".jpg\"><h3>Kettle model ", i,
        "</h3></a><span class=\"price\">$", 20 + i, ".00</span></li>");
  }
  absl::StrAppend(&grid, "</ul>");
  v1::Article article =
      Parse("https://shop.example.com/collections/kettles",
            "<title>Kettles | Example Shop</title>" +
                JsonLd(R"({"@type": "CollectionPage", "name": "Kettles"})"),
            "<h1>Kettles</h1><div class=\"filters\"><span>Sort by</span><span>"
            "Filter</span></div>" +
                grid + "<nav class=\"pagination\"><a>Next</a></nav>");
  EXPECT_EQ(article.page_type(), v1::PAGE_TYPE_COLLECTION);
}

TEST(PageTypeTest, ListingOfArticles) {
  std::string teasers;
  for (int i = 0; i < 10; ++i) {
    absl::StrAppend(&teasers, "<article class=\"teaser\"><h2><a href=\"/",
                    "2024/05/", i + 1, "/story-", i, "\">Story number ", i,
                    " about the town</a></h2><time>May ", i + 1,
                    ", 2024</time><p class=\"excerpt\">What happened in the ",
                    "town this week, in short.</p><a>Read more</a></article>");
  }
  v1::Article article =
      Parse("https://www.example-news.com/category/local/page/2/",
            "<title>Local news archive - Page 2 - Example News</title>",
            "<h1>Local</h1><div class=\"posts-list\">" + teasers +
                "</div><nav class=\"pagination\"><a>Previous</a><a>Next</a>"
                "</nav>");
  EXPECT_EQ(article.page_type(), v1::PAGE_TYPE_LISTING);
}

TEST(PageTypeTest, AVerdictIsAlwaysAKnownTypeWithItsConfidence) {
  PageFeatures nothing{};
  PageTypeVerdict verdict = ClassifyPage(nothing);
  EXPECT_NE(verdict.type, v1::PAGE_TYPE_UNSPECIFIED);
  EXPECT_GT(verdict.confidence, 0);
  EXPECT_LE(verdict.confidence, 1);
  v1::Article article = Parse("", "", "<p>Hello.</p>");
  EXPECT_NE(article.page_type(), v1::PAGE_TYPE_UNSPECIFIED);
  EXPECT_GT(article.page_type_confidence(), 0);
  EXPECT_LE(article.page_type_confidence(), 1);
}

// The model as trained: each tree walked node by node, the feature widened
// to double and compared with the double threshold; the class with the
// highest score, and its softmax probability.
std::pair<size_t, float> ReferenceVerdict(const PageFeatures& features) {
  namespace model = page_type_model;
  std::vector<double> scores(std::begin(model::kInitialScores),
                             std::end(model::kInitialScores));
  for (const model::Tree& tree : model::kTrees) {
    const model::Node* nodes = model::kNodes + tree.first_node;
    int at = 0;
    while (nodes[at].feature >= 0) {
      at = static_cast<double>(features[nodes[at].feature]) <= nodes[at].value
               ? nodes[at].left
               : nodes[at].right;
    }
    scores[tree.class_index] += nodes[at].value;
  }
  const size_t best =
      std::max_element(scores.begin(), scores.end()) - scores.begin();
  double sum = 0;
  for (double score : scores) sum += std::exp(score - scores[best]);
  return {best, static_cast<float>(1 / sum)};
}

TEST(PageTypeTest, ClassifiesAsTheTreesDoAtEveryThreshold) {
  namespace model = page_type_model;
  // Per feature, the values where a split could go either way: each
  // threshold as the nearest float and the floats either side of it.
  std::vector<std::vector<float>> edges(kPageFeatureCount, {0.0f});
  for (const model::Node& node : model::kNodes) {
    if (node.feature < 0) continue;
    const float near = static_cast<float>(node.value);
    for (float value : {near, std::nextafter(near, -INFINITY),
                        std::nextafter(near, INFINITY)}) {
      edges[node.feature].push_back(value);
    }
  }
  std::mt19937 random(7);
  for (int trial = 0; trial < 2000; ++trial) {
    PageFeatures features{};
    for (size_t f = 0; f < kPageFeatureCount; ++f) {
      features[f] = edges[f][random() % edges[f].size()];
    }
    const auto [best, confidence] = ReferenceVerdict(features);
    const PageTypeVerdict verdict = ClassifyPage(features);
    EXPECT_EQ(PageTypeName(verdict.type), model::kClassNames[best]);
    EXPECT_EQ(verdict.confidence, confidence);
  }
}

TEST(PageTypeTest, NamesAsWcxbLabelsPages) {
  EXPECT_EQ(PageTypeName(v1::PAGE_TYPE_FORUM), "forum");
  EXPECT_EQ(PageTypeName(v1::PAGE_TYPE_DOCUMENTATION), "documentation");
  EXPECT_EQ(PageTypeName(v1::PAGE_TYPE_UNSPECIFIED), "");
}

}  // namespace
}  // namespace lede::engine
