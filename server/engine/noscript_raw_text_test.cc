#include "server/engine/noscript_raw_text.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "server/engine/dom.h"

namespace lede::engine {
namespace {

constexpr absl::string_view kTagManager =
    "<noscript><iframe src=\"https://www.googletagmanager.com/ns.html\" "
    "height=\"0\" width=\"0\" style=\"display:none\" /></noscript>";

// The body's text as gumbo reads it, with any raw text (an <iframe>'s).
std::string BodyText(absl::string_view html) {
  absl::StatusOr<Dom> dom =
      Dom::Parse(std::string(html), Limits(), absl::InfiniteFuture());
  if (!dom.ok()) return dom.status().ToString();
  return TextContent(dom->body());
}

// Google Tag Manager's snippet written self-closed: gumbo, parsing with
// scripting off, read the rest of the page as the <iframe>'s text; a
// browser reads the <noscript> as text and shows the page after it.
TEST(NoscriptRawTextTest, SelfClosedIframeEndsWithItsNoscript) {
  EXPECT_EQ(BodyText(absl::StrCat("<body>", kTagManager,
                                  "<h1>Title</h1><p>The article.</p>")),
            "Title The article.");
}

// The same in the head, which gumbo leaves for the body at the <iframe>,
// and in capitals with white space before the end tag's ">".
TEST(NoscriptRawTextTest, InTheHeadAndInAnyCase) {
  EXPECT_EQ(BodyText("<head><title>T</title><NOSCRIPT><iframe src=x />"
                     "</NOSCRIPT ><meta name=a content=b></head>"
                     "<body><p>The article.</p>"),
            "The article.");
}

// An unclosed <noembed>, and two snippets, the second of which the first
// parse read as the first's text.
TEST(NoscriptRawTextTest, EachRawTextElementIsClosed) {
  EXPECT_EQ(BodyText("<body><p>One.</p><noscript><noembed>x</noscript>"
                     "<p>Two.</p>"),
            "One. Two.");
  EXPECT_EQ(BodyText(absl::StrCat("<body>", kTagManager, "<p>One.</p>",
                                  kTagManager, "<p>Two.</p>")),
            "One. Two.");
}

// What a browser reads as an <iframe>'s text stays so: an unclosed one
// outside any <noscript>, or after a <noscript> its end tag closed.
TEST(NoscriptRawTextTest, OnlyAnOpenNoscriptsEndEndsIt) {
  EXPECT_EQ(BodyText("<body><p>One.</p><iframe src=x /><p>Two.</p>"),
            "One.<p>Two.</p>");
  EXPECT_EQ(BodyText("<body><p>One.</p><noscript>x</noscript><iframe src=x />"
                     "</noscript><p>Two.</p>"),
            "One.</noscript><p>Two.</p>");
}

// The ends noted by a walk over gumbo's own tree: before the first
// "</noscript" that ends a tag name, as a <noscript> read as text by a
// browser ends (not at "</noscripts>"), in the body and in the head (an
// unclosed <style>); after a <noscript> gumbo closed at an <iframe>, before
// its end as a browser reads it.
std::vector<RawTextEnd> EndsNoted(const std::string& html) {
  GumboOutput* output = gumbo_parse(html.c_str());
  RawTextPastNoscripts noted(html);
  WalkTree(output->document, [&](const GumboNode* node, int depth) {
    if (node->type == GUMBO_NODE_ELEMENT) noted.VisitElement(node, depth);
    return true;
  });
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return noted.ends();
}

TEST(NoscriptRawTextTest, NotesWhereABrowserEndsTheNoscript) {
  struct Case {
    const char* html;
    const char* end;  // What the element's end goes before.
    GumboTag tag;
  };
  for (const Case& noted : {
           Case{"<body><noscript><iframe/>a</noscripts>b</NoScript\tc",
                "</NoScript", GUMBO_TAG_IFRAME},
           Case{"<head><noscript><link rel=x><style>a</noscript><p>b",
                "</noscript", GUMBO_TAG_STYLE},
           Case{"<head><noscript><iframe src=x/></noscript><p>b</p>"
                "<script>c</script>",
                "</noscript", GUMBO_TAG_IFRAME},
       }) {
    const std::string html = noted.html;
    const std::vector<RawTextEnd> ends = EndsNoted(html);
    ASSERT_EQ(ends.size(), 1u) << html;
    EXPECT_EQ(ends[0].offset, html.find(noted.end)) << html;
    EXPECT_EQ(ends[0].tag, noted.tag) << html;
  }
  EXPECT_TRUE(EndsNoted("<head><noscript><img src=x></noscript><body>"
                        "<script>a</noscript></script>")
                  .empty())
      << "the <noscript> the browser ended before the <script>";
}

TEST(NoscriptRawTextTest, CloseRawTextInsertsEachEndTag) {
  EXPECT_EQ(CloseRawText("<a>x</noscript><b>y</noscript>",
                         {{4, GUMBO_TAG_IFRAME}, {19, GUMBO_TAG_STYLE}}),
            "<a>x</iframe></noscript><b>y</style></noscript>");
  EXPECT_EQ(CloseRawText("abc", {}), "abc");
}

TEST(NoscriptRawTextTest, EndsOnlyAtItsEndTag) {
  EXPECT_TRUE(EndsOnlyAtItsEndTag(GUMBO_TAG_IFRAME));
  EXPECT_TRUE(EndsOnlyAtItsEndTag(GUMBO_TAG_TEXTAREA));
  EXPECT_FALSE(EndsOnlyAtItsEndTag(GUMBO_TAG_PLAINTEXT));
  EXPECT_FALSE(EndsOnlyAtItsEndTag(GUMBO_TAG_DIV));
}

}  // namespace
}  // namespace lede::engine
