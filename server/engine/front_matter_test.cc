#include "server/engine/front_matter.h"

#include <random>
#include <string>
#include <vector>

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

// The subset read without yaml-cpp gives what yaml-cpp gives, and declines
// what it cannot read the same.
TEST(FrontMatterTest, PlainYamlReadsAsYamlCppDoes) {
  using front_matter_internal::ParseYamlCpp;
  using front_matter_internal::ReadPlainYaml;
  const std::string kRead[] = {
      "title: '刚刚，海康威视回应_美严厉制裁威胁_'\ncategories: \n - 新媒体\n"
      " - ZAKER\nauthor: ZAKER\ncomments: false\n"
      "date: Wed, 04 May 2022 23:12:35 GMT\n",
      "Title: Hello world\n# a comment\n\ntags:\n- a\n- 'b c'\n- \"d\"\n",
      "title:   spaced out   \nurl: https://x.test/a?b=c#frag\n",
      "title: 'it''s'\nx: \"say 'hi'\"\ny: a [b] {c}, d\nz: 12:30\n",
      "a: 2022-05-04\nb: yes\nc: ' padded '\nd: x'y\"z\ne: 1.5e3\n",
      "empty:\nnext: value\nlast:\n",
      "last-modified: x.y\nk_2: x-\u4e2d\n",
  };
  for (const std::string& body : kRead) {
    std::optional<FrontMatter> plain = ReadPlainYaml(body);
    ASSERT_TRUE(plain.has_value()) << body;
    FrontMatter yaml_cpp;
    EXPECT_TRUE(ParseYamlCpp(body, &yaml_cpp)) << body;
    EXPECT_EQ(*plain, yaml_cpp) << body;
  }
  const std::string kDeclined[] = {
      "title: a: b\n",
      "title: a # comment\n",
      "tags: [a, b]\n",
      "author:\n  name: x\n",
      "title: one\n  two\n",
      "a: 1\na: 2\n",
      "A: 1\na: 2\n",
      "t: \"a\\nb\"\n",
      "t: 'open\n  close'\n",
      "t: |\n  block\n",
      "t: &x 1\nu: *x\n",
      "t: !!str 1\n",
      "null: x\n",
      "t: ~\n",
      "t:\tx\n",
      "t: x\r\n",
      "- a\n- b\n",
      "just text\n",
      "t: -5\n",
      "t: x:\n",
      "%YAML 1.2\nt: x\n",
      "t:\n - a\n  - b\n",
      "t:\n - a: b\n",
      "t:\n -\n",
      "t: 'a' b\n",
      "'t': x\n",
      "t: x\n  # c\n",
      "",
  };
  for (const std::string& body : kDeclined) {
    EXPECT_FALSE(ReadPlainYaml(body).has_value()) << body;
  }
}

// Lines made of YAML's awkward characters, the same in every run: whatever
// the subset reads, yaml-cpp reads to the same entries.
TEST(FrontMatterTest, PlainYamlAgreesWithYamlCppOnRandomLines) {
  const std::vector<std::string> kKeys = {"title", "Tags", "a-b", "x.y",
                                          "_k",    "null", "1",   "- a"};
  const std::vector<std::string> kColons = {":", ": ", ":  ", " :", ":\t"};
  const std::vector<std::string> kPieces = {
      "a", "b c", ":", ": ", "#", " #", "-",   "'",   "''",   "\"",   "\\",
      "[", "]",   "{", "}",  ",", "&",  "*",   "!",   "|",    ">",    "%",
      "@", "`",   "~", "中", " ", "?",  "...", "---", "0x1F", "true", "\u2028"};
  std::mt19937 random(22);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[random() % from.size()];
  };
  int read = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string body;
    for (int line = 0, lines = 1 + random() % 4; line < lines; ++line) {
      if (random() % 4 == 0)
        body += std::string(random() % 3, ' ') + "- ";
      else
        body += pick(kKeys) + pick(kColons);
      for (int i = 0, pieces = random() % 4; i < pieces; ++i) {
        body += pick(kPieces);
      }
      body += random() % 8 == 0 ? "\n\n" : "\n";
    }
    std::optional<FrontMatter> plain =
        front_matter_internal::ReadPlainYaml(body);
    if (!plain) continue;
    ++read;
    FrontMatter yaml_cpp;
    EXPECT_TRUE(front_matter_internal::ParseYamlCpp(body, &yaml_cpp)) << body;
    EXPECT_EQ(*plain, yaml_cpp) << body;
  }
  EXPECT_GT(read, 300);  // the subset is not empty
}

}  // namespace
}  // namespace lede::engine
