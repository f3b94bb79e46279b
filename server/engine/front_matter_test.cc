#include "server/engine/front_matter.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

using ::testing::ElementsAre;

TEST(FrontMatterTest, Yaml) {
  FrontMatter out;
  const std::string text =
      "\n---\ntitle: Hello\ntags: [a, b]\nauthor:\n  name: Jane\n"
      "categories:\n - news\n - local\n---\n# Body\n";
  const size_t end = ParseFrontMatter(text, &out);
  EXPECT_EQ(text.substr(end), "# Body\n");
  EXPECT_THAT(out["title"], ElementsAre("Hello"));
  EXPECT_THAT(out["tags"], ElementsAre("a", "b"));
  EXPECT_THAT(out["author.name"], ElementsAre("Jane"));
  EXPECT_THAT(out["categories"], ElementsAre("news", "local"));
}

TEST(FrontMatterTest, Toml) {
  FrontMatter out;
  const std::string text =
      "+++\nTitle = \"Hugo post\"\ntags = [\"x\", \"y\"]\n+++\nBody\n";
  const size_t end = ParseFrontMatter(text, &out);
  EXPECT_EQ(text.substr(end), "Body\n");
  EXPECT_THAT(out["title"], ElementsAre("Hugo post"));
  EXPECT_THAT(out["tags"], ElementsAre("x", "y"));
}

TEST(FrontMatterTest, NoBlockIsNoFrontMatter) {
  FrontMatter out;
  EXPECT_EQ(ParseFrontMatter("# Just Markdown\n---\n", &out), 0u);
  EXPECT_EQ(ParseFrontMatter("---\ntitle: never closed\n", &out), 0u);
  EXPECT_EQ(ParseFrontMatter("--- not a fence\ntitle: x\n---\n", &out), 0u);
  EXPECT_EQ(ParseFrontMatter("---\n: [unbalanced\n---\nBody", &out), 0u);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace lede::engine
