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

// The types read, "Name" for the page's own and "Name*" for a nested one.
std::vector<std::string> Names(const std::vector<SchemaType>& types) {
  std::vector<std::string> names;
  for (const SchemaType& type : types) {
    names.push_back(type.name + (type.nested ? "*" : ""));
  }
  return names;
}

TEST(JsonLdTest, AnArticlesProperties) {
  Candidates out;
  std::vector<SchemaType> types;
  ReadJsonLd(R"({"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Budget passes", "name": "Not the headline",
    "author": [{"@type": "Person", "name": "Jane Doe"}, "John Roe"],
    "datePublished": "2024-05-04T10:00:00Z", "dateCreated": "2024-05-03",
    "image": {"@type": "ImageObject", "url": "https://example.com/a.jpg"},
    "keywords": "budget, schools", "articleSection": ["Politics"],
    "publisher": {"@type": "Organization", "name": "Example News"},
    "articleBody": "The council voted."})",
             &out, &types);
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
  EXPECT_THAT(Names(types), ElementsAre("NewsArticle", "Person*",
                                        "ImageObject*", "Organization*"));
}

TEST(JsonLdTest, GraphReferencesAndRanks) {
  Candidates out;
  std::vector<SchemaType> types;
  ReadJsonLd(R"({"@graph": [
      {"@type": "WebPage", "@id": "#page", "name": "Page name"},
      {"@type": "BlogPosting", "headline": "Post title",
       "author": {"@id": "#jane"}},
      {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
      {"@type": "WebSite", "name": "The Blog"}]})",
             &out, &types);
  // The post ranks above the page it sits on; the site's name below both.
  EXPECT_THAT(Values(out, Field::kTitle),
              ElementsAre("Page name@1", "Post title@0"));
  EXPECT_EQ(out.Best(Field::kTitle)->value, "Post title");
  EXPECT_THAT(Values(out, Field::kAuthors), ElementsAre("Jane Doe@0"));
  EXPECT_THAT(Values(out, Field::kSiteName), ElementsAre("The Blog@1"));
  // Everything in @graph is the page's own.
  EXPECT_THAT(Names(types),
              ElementsAre("WebPage", "BlogPosting", "Person", "WebSite"));
}

TEST(JsonLdTest, PublishersAreNotAuthorsAndBadJsonAddsNothing) {
  Candidates out;
  std::vector<SchemaType> types;
  ReadJsonLd(R"([{"@type": "Article", "headline": "A",
    "author": {"@type": "Organization", "name": "Example News"}}])",
             &out, &types);
  EXPECT_THAT(Values(out, Field::kTitle), ElementsAre("A@0"));
  EXPECT_TRUE(Values(out, Field::kAuthors).empty());
  Candidates broken;
  std::vector<SchemaType> broken_types;
  ReadJsonLd(R"({"@type": "Article", "headline": )", &broken, &broken_types);
  EXPECT_TRUE(broken_types.empty());
  ReadJsonLd(R"({"@type": "Product", "name": "A lamp"})", &broken,
             &broken_types);
  EXPECT_TRUE(Values(broken, Field::kTitle).empty());
  EXPECT_THAT(Names(broken_types), ElementsAre("Product"));
  // Wrapped for old XHTML parsers.
  ReadJsonLd("<!-- {\"@type\": \"Article\", \"headline\": \"B\"} -->", &broken,
             &broken_types);
  EXPECT_THAT(Values(broken, Field::kTitle), ElementsAre("B@0"));
}

}  // namespace
}  // namespace lede::engine
