#include "server/engine/frame.h"

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

TEST(FrameTest, FullPageIsHtmlPage) {
  FramedDocument framed =
      FrameDocument("<!DOCTYPE html><html><body><p>x</p></body></html>");
  EXPECT_EQ(framed.framing, Framing::kHtmlPage);
}

TEST(FrameTest, FragmentAfterCommentIsHtmlFragment) {
  FramedDocument framed = FrameDocument(" <!-- nav --> <h2>Title</h2><p>x</p>");
  EXPECT_EQ(framed.framing, Framing::kHtmlFragment);
  EXPECT_FALSE(framed.facts.comment_epoch_ms.has_value());
}

TEST(FrameTest, TomlTheParserCannotReadIsNotFrontMatter) {
  // Letters outside strings are not TOML, and Debian's toml++ reaches
  // undefined behaviour on some (found by tests/fuzz): they are not given
  // to it.
  for (const char* page : {"+++\nt\xC3\xB6tle = \"x\"\n+++\n\nText.\n",
                           "+++\ntitle = \xE3\x81\x82\n+++\n\nText.\n",
                           "+++\n\xEF\xBA\xBFle zzz8\n+++\n+o\n"}) {
    EXPECT_TRUE(FrameDocument(page).facts.front_matter.empty()) << page;
  }
  // In a string they are read.
  FramedDocument framed = FrameDocument(
      "+++\ntitle = \"\xE3\x81\xB2\xE3\x82\x89 \xC3\xB6\"\n+++\n\nText.\n");
  EXPECT_EQ(framed.facts.front_matter["title"],
            std::vector<std::string>{"\xE3\x81\xB2\xE3\x82\x89 \xC3\xB6"});
}

TEST(FrameTest, YamlFrontMatterBecomesCandidates) {
  FramedDocument framed = FrameDocument(
      "\n---\ntitle: 'Hello'\ncategories:\n - a\n - b\n"
      "date: Wed, 04 May 2022 23:12:35 GMT\n---\n\n<div><p>Body</p></div>\n");
  EXPECT_EQ(framed.framing, Framing::kMarkdownFrontMatter);
  EXPECT_EQ(framed.facts.front_matter["title"],
            std::vector<std::string>{"Hello"});
  EXPECT_EQ(framed.facts.front_matter["categories"],
            (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(framed.facts.front_matter["date"][0],
            "Wed, 04 May 2022 23:12:35 GMT");
  EXPECT_NE(framed.html.find("<p>Body</p>"), std::string::npos);
  EXPECT_EQ(framed.html.find("title:"), std::string::npos);
}

TEST(FrameTest, TomlFrontMatterIsRead) {
  FramedDocument framed = FrameDocument(
      "+++\ntitle = \"Hugo post\"\ntags = [\"x\", \"y\"]\n+++\nBody text.\n");
  EXPECT_EQ(framed.facts.front_matter["title"][0], "Hugo post");
  EXPECT_EQ(framed.facts.front_matter["tags"],
            (std::vector<std::string>{"x", "y"}));
}

TEST(FrameTest, MarkdownLinkTitleAndEpochComment) {
  FramedDocument framed = FrameDocument(
      "<!--1696513502000-->\n[A title](https://example.com/a)\n------\n\n"
      "<div>05/10/2023</div><p>Body.</p>\n");
  EXPECT_EQ(framed.framing, Framing::kMarkdownHtml);
  EXPECT_EQ(framed.facts.heading_title, "A title");
  EXPECT_EQ(framed.facts.heading_url, "https://example.com/a");
  ASSERT_TRUE(framed.facts.comment_epoch_ms.has_value());
  EXPECT_EQ(*framed.facts.comment_epoch_ms, 1696513502000);
  // The setext underline is Markdown, not body text.
  EXPECT_EQ(framed.html.find("------"), std::string::npos);
  EXPECT_NE(framed.html.find("<h2>"), std::string::npos);
}

// A comment ends where gumbo's tokenizer ends it, at "--!>" too: the
// Markdown after it is the document's, and the stamp is read.
TEST(FrameTest, ACommentEndedByBangIsSkippedAsTheTokenizerEndsIt) {
  FramedDocument framed = FrameDocument(
      "<!-- 1696513502 --!>\n[A title](https://example.com/a)\n\n"
      "<p>Body. <!-- x --></p>\n");
  EXPECT_EQ(framed.framing, Framing::kMarkdownHtml);
  EXPECT_EQ(framed.facts.heading_title, "A title");
  ASSERT_TRUE(framed.facts.comment_epoch_ms.has_value());
  EXPECT_EQ(*framed.facts.comment_epoch_ms, 1696513502000);
}

// The title runs to the first ']', the URL to the line's last ')': a URL
// may hold brackets and parentheses, a title an opening bracket; a line
// that is not one link has no title.
TEST(FrameTest, MarkdownLinkTitleWithBracketsInTitleAndUrl) {
  FramedDocument framed =
      FrameDocument("[Notes [draft]](https://example.com/a_(b)]c)\n\nBody.\n");
  EXPECT_EQ(framed.facts.heading_title, "");  // "]]": no link
  EXPECT_EQ(framed.facts.heading_url, "");
  framed = FrameDocument("  [A [b](https://example.com/a_(b)]c)  \nBody.\n");
  EXPECT_EQ(framed.facts.heading_title, "A [b");
  EXPECT_EQ(framed.facts.heading_url, "https://example.com/a_(b)]c");
  framed = FrameDocument("[A](https://example.com/a b)\nBody.\n");
  EXPECT_EQ(framed.facts.heading_title, "");
}

TEST(FrameTest, IndentedHtmlStaysMarkup) {
  FramedDocument framed =
      FrameDocument("# Title\n\n    <p class=\"x\">Indented</p>\n");
  EXPECT_EQ(framed.html.find("&lt;p"), std::string::npos);
}

TEST(FrameTest, PlainTextIsText) {
  FramedDocument framed = FrameDocument("Just a sentence.\n\nAnother one.");
  EXPECT_EQ(framed.framing, Framing::kText);
  EXPECT_NE(framed.html.find("<p>Another one.</p>"), std::string::npos);
}

}  // namespace
}  // namespace lede::engine
