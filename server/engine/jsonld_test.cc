#include "server/engine/jsonld.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Values(const Candidates& candidates, Field field) {
  std::vector<std::string> values;
  for (const Candidate& c : candidates.InOrder(field)) {
    values.push_back(c.value + "@" + std::to_string(c.rank));
  }
  return values;
}

TEST(JsonLdTest, AnArticlesProperties) {
  Candidates out;
  ReadJsonLd(R"({"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Budget passes", "name": "Not the headline",
    "author": [{"@type": "Person", "name": "Jane Doe"}, "John Roe"],
    "datePublished": "2024-05-04T10:00:00Z", "dateCreated": "2024-05-03",
    "image": {"@type": "ImageObject", "url": "https://example.com/a.jpg"},
    "keywords": "budget, schools", "articleSection": ["Politics"],
    "publisher": {"@type": "Organization", "name": "Example News"},
    "articleBody": "The council voted."})",
             &out);
  EXPECT_THAT(Values(out, Field::kTitle), ElementsAre("Budget passes@0"));
  EXPECT_THAT(Values(out, Field::kAuthors),
              ElementsAre("Jane Doe@0", "John Roe@0"));
  EXPECT_THAT(Values(out, Field::kPublished),
              ElementsAre("2024-05-04T10:00:00Z@0", "2024-05-03@1"));
  EXPECT_THAT(Values(out, Field::kImage),
              ElementsAre("https://example.com/a.jpg@0"));
  EXPECT_THAT(Values(out, Field::kTags), ElementsAre("budget@0", "schools@0"));
  EXPECT_THAT(Values(out, Field::kCategories), ElementsAre("Politics@0"));
  EXPECT_THAT(Values(out, Field::kSiteName), ElementsAre("Example News@0"));
  EXPECT_THAT(Values(out, Field::kBody), ElementsAre("The council voted.@0"));
}

TEST(JsonLdTest, GraphReferencesAndRanks) {
  Candidates out;
  ReadJsonLd(R"({"@graph": [
      {"@type": "WebPage", "@id": "#page", "name": "Page name"},
      {"@type": "BlogPosting", "headline": "Post title",
       "author": {"@id": "#jane"}},
      {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
      {"@type": "WebSite", "name": "The Blog"}]})",
             &out);
  // The post ranks above the page it sits on; the site's name below both.
  EXPECT_THAT(Values(out, Field::kTitle),
              ElementsAre("Page name@1", "Post title@0"));
  EXPECT_EQ(out.Best(Field::kTitle)->value, "Post title");
  EXPECT_THAT(Values(out, Field::kAuthors), ElementsAre("Jane Doe@0"));
  EXPECT_THAT(Values(out, Field::kSiteName), ElementsAre("The Blog@1"));
}

TEST(JsonLdTest, PublishersAreNotAuthorsAndBadJsonAddsNothing) {
  Candidates out;
  ReadJsonLd(R"([{"@type": "Article", "headline": "A",
    "author": {"@type": "Organization", "name": "Example News"}}])",
             &out);
  EXPECT_THAT(Values(out, Field::kTitle), ElementsAre("A@0"));
  EXPECT_TRUE(Values(out, Field::kAuthors).empty());
  Candidates broken;
  ReadJsonLd(R"({"@type": "Article", "headline": )", &broken);
  ReadJsonLd(R"({"@type": "Product", "name": "A lamp"})", &broken);
  EXPECT_TRUE(Values(broken, Field::kTitle).empty());
  // Wrapped for old XHTML parsers.
  ReadJsonLd("<!-- {\"@type\": \"Article\", \"headline\": \"B\"} -->", &broken);
  EXPECT_THAT(Values(broken, Field::kTitle), ElementsAre("B@0"));
}

}  // namespace
}  // namespace lede::engine
