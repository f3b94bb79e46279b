#include "server/engine/inert_text.h"

#include <gumbo.h>

#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/dom.h"
#include "server/engine/engine.h"
#include "server/engine/nesting.h"
#include "server/engine/same_tree_testing.h"
#include "server/engine/streamed_segments.h"

namespace lede::engine {
namespace {

// A text long enough to be cut.
std::string Code(absl::string_view seed) {
  std::string code;
  while (code.size() < 300) absl::StrAppend(&code, seed, "(1 < 2); ");
  return code;
}

std::optional<InertTextCut> Cut(absl::string_view html) {
  const MarkupScan scan = ScanMarkup(html, 1 << 20);
  return CutInertText(html, scan.scripts_and_styles, scan.svg_contents);
}

// What the cut page keeps of each element, by its stubs.
std::vector<std::string> Stubbed(const InertTextCut& cut) {
  std::vector<std::string> around;
  for (size_t stub : cut.stubs) {
    const bool svg = absl::c_binary_search(cut.svg_stubs, stub);
    EXPECT_EQ(cut.html[stub], svg ? kSvgContentStub : kInertTextStub);
    const size_t open = cut.html.rfind('<', stub);
    around.push_back(cut.html.substr(open, stub + 1 - open));
  }
  return around;
}

// Expects Dom::Parse's tree of each of `pages` to be gumbo's of the page as
// sent, but for what was cut; returns the nodes that are `cut` in them.
int CountInSameTrees(absl::Span<const std::string> pages,
                     absl::FunctionRef<bool(const GumboNode*)> cut) {
  int count = 0;
  for (const std::string& page : pages) {
    absl::StatusOr<Dom> dom =
        Dom::Parse(page, Limits(), absl::InfiniteFuture());
    EXPECT_TRUE(dom.ok()) << dom.status();
    if (!dom.ok()) continue;
    WalkTree(dom->document(), [&](const GumboNode* node, int) {
      count += cut(node);
      return true;
    });
    EXPECT_EQ(testing_only::DifferenceFromStandard(dom->document(), page,
                                                   kInertTextStub),
              "")
        << page;
  }
  return count;
}

TEST(InertTextTest, CutsLongScriptsAndStylesThatNoStageReads) {
  const std::string html = absl::StrCat(
      "<head><script>", Code("a"), "</script><style>", Code("p"),
      "</style><script>short()</script><script type=application/json>",
      Code("{}"), R"({"publisher": "A", "datePublished": null})",
      "</script></head><body><p>Text</p><script type=module>", Code("b"),
      "</SCRIPT ></body>");
  std::optional<InertTextCut> cut = Cut(html);
  ASSERT_TRUE(cut.has_value());
  EXPECT_THAT(Stubbed(*cut),
              testing::ElementsAre("<script>;", "<style>;",
                                   "<script type=application/json>;",
                                   "<script type=module>;"));
  EXPECT_EQ(cut->html,
            "<head><script>;</script><style>;</style><script>short()</script>"
            "<script type=application/json>;</script></head><body><p>Text</p>"
            "<script type=module>;</SCRIPT ></body>");
}

// The metadata stage reads JSON-LD, by its type, and the scripts that name
// a publishing date in its pattern (a script that names one otherwise is
// cut above); a script whose text may enter the tokenizer's escaped
// states may end elsewhere than the scan read; white space alone makes a
// node of another type.
TEST(InertTextTest, LeavesWhatIsReadOrMayEndElsewhere) {
  const std::string kept[] = {
      absl::StrCat("<script type=\"application/ld+json\">", Code("{}"),
                   "</script>"),
      absl::StrCat("<script type=\"application&#47;ld+json\">", Code("{}"),
                   "</script>"),
      absl::StrCat(
          "<script>", Code("a"),
          R"(s = {"datePublished": "2024-05-28T10:00:00Z"};</script>)"),
      absl::StrCat(
          "<script>", Code("a"),
          "s = {\"datePublished\":\r\n\"2024-05-28T10:00Z\"};</script>"),
      // Gumbo's text would not hold the CR that ends the search here.
      absl::StrCat("<script>", Code("a"),
                   "s = {\"datePublished\": null};\r\n</script>"),
      absl::StrCat("<script><!--", Code("a"), "</script>"),
      absl::StrCat("<style>", std::string(300, ' '), "</style>"),
      absl::StrCat("<math><style>", Code("p"), "</style></math>"),
      absl::StrCat("<script>", Code("a")),  // never ends
  };
  for (const std::string& html : kept) {
    EXPECT_FALSE(Cut(html).has_value()) << html;
  }
}

// The tree Dom::Parse makes is the one gumbo makes of the page as sent, but
// for the texts it cut: on shapes where the end of a script's text, or
// whether it is a script's text at all, takes the tokenizer's and the tree
// builder's rules.
TEST(InertTextTest, TheTreeIsThePageAsSentLessTheCutTexts) {
  const std::string code = Code("f");
  const std::string pages[] = {
      absl::StrCat("<p>a<script>", code, "</script>b<style>", code,
                   "</style>c"),
      absl::StrCat("<script>", code, "</scripts></script\r\n>x"),
      absl::StrCat("<script>", code, "</script/>x</p>"),
      absl::StrCat("<script>", code, "</SCRIPT\f>x"),
      absl::StrCat("<script>", code, "<!--<script>", code,
                   "</script>x-->y</script>z"),
      absl::StrCat("<script data-x='a>b'>", code, "</script>x"),
      absl::StrCat("<!-- <script> -->", code, "<script>", code, "</script>"),
      absl::StrCat("<textarea><script>", code, "</script></textarea>x"),
      absl::StrCat("<title><style>", code, "</style></title>x"),
      absl::StrCat("<table><script>", code, "</script><tr><td>x</table>"),
      absl::StrCat("<select><style>", code, "</style><option>x</select>"),
      absl::StrCat("<select><script>", code, "</script><option>x</select>"),
      absl::StrCat("<svg><script>", code, "</script><style>", code,
                   "</style></svg><script>", code, "</script>"),
      absl::StrCat("<math><mi><script>", code, "</script></mi></math>"),
      absl::StrCat("<template><script>", code, "</script></template>x"),
      absl::StrCat("<xmp><script>", code, "</script></xmp><script>", code,
                   "</script>"),
      absl::StrCat("<plaintext><script>", code, "</script>"),
      absl::StrCat("<script/>", code, "</script>x"),
      absl::StrCat("<p><script>", std::string(200, '\0'), "</script>x"),
  };
  const int cut = CountInSameTrees(pages, [](const GumboNode* node) {
    return node->type == GUMBO_NODE_TEXT &&
           absl::string_view(node->v.text.text) == ";";
  });
  // Cut: every script and style above but those in the escaped states, in
  // a <textarea>, <title>, SVG or <plaintext>, and the style a <select>
  // drops (the scan read it as a style's; the check found no such element,
  // so that page was parsed as sent).
  EXPECT_EQ(cut, 15);
}

// A page streamed in segments is cut and blanked too: its segments are
// placed in the page as rewritten, with their cut texts and blanked names,
// and the tree is the one gumbo makes of the page as sent with its
// segments placed, but for the cut texts.
TEST(InertTextTest, StreamedSegmentsArePlacedWithTheirTextsCut) {
  const std::string code = Code("f");
  const std::string page = absl::StrCat(
      "<main><!--$?--><template id=\"B:0\"></template><div>Loading...</div>",
      "<!--/$--></main><script>", code, "</script><div hidden id=\"S:0\">",
      "<p class=k hidden hidden id=q>Story</p><script>", code,
      "</script><style>", Code("p"), "</style></div>",
      "<script>$RC(\"B:0\",\"S:0\")</script>");
  GumboOutput* output = gumbo_parse(page.c_str());
  const std::optional<std::string> placed =
      PlaceStreamedSegments(output->document, page);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  ASSERT_TRUE(placed.has_value());
  absl::StatusOr<Dom> dom = Dom::Parse(page, Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  EXPECT_EQ(testing_only::DifferenceFromStandard(dom->document(), *placed,
                                                 kInertTextStub),
            "");
  int cut = 0;
  WalkTree(dom->document(), [&](const GumboNode* node, int) {
    cut += node->type == GUMBO_NODE_TEXT &&
           absl::string_view(node->v.text.text) == ";";
    return true;
  });
  EXPECT_EQ(cut, 3);
}

// Source takes an offset of the cut page back to the page as sent, where
// the pages parsed again after the cut (segments placed, raw text closed)
// are made.
TEST(InertTextTest, SourceTakesOffsetsBackToThePageAsSent) {
  const std::string code = Code("f");
  const std::string html = absl::StrCat("<p>a<script>", code, "</script><i>b",
                                        "<style>", code, "</style><b>c");
  std::optional<InertTextCut> cut = Cut(html);
  ASSERT_TRUE(cut.has_value());
  for (const char* mark : {"<p>", "</script>", "<i>", "</style>", "<b>"}) {
    const size_t offset = html.find(mark);
    EXPECT_EQ(cut->Source(cut->Moved(offset)), offset) << mark;
  }
  ASSERT_EQ(cut->stubs.size(), 2u);
  EXPECT_EQ(cut->Source(cut->stubs[1]), html.find("</style>") - 1);
}

// Each stub must be the whole text of an HTML script or style.
TEST(InertTextTest, StubCheckFindsOnlyWholeTextsOfHtmlElements) {
  const std::string html = absl::StrCat("<script>;</script><svg><style>;",
                                        "</style></svg><style>;x</style>");
  GumboOutput* output = gumbo_parse(html.c_str());
  const size_t in_svg = html.find(';', 9);
  const std::vector<size_t> stubs = {8, in_svg, html.find(';', in_svg + 1)};
  StubCheck check(stubs, {});
  WalkTree(output->document, [&](const GumboNode* node, int) {
    if (node->type == GUMBO_NODE_ELEMENT) check.VisitElement(node);
    return true;
  });
  EXPECT_FALSE(check.AllFound());
  const std::vector<size_t> first = {8};
  StubCheck only_first(first, {});
  WalkTree(output->document, [&](const GumboNode* node, int) {
    if (node->type == GUMBO_NODE_ELEMENT) only_first.VisitElement(node);
    return true;
  });
  EXPECT_TRUE(only_first.AllFound());
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

// An icon long enough to be cut.
std::string Icon() {
  std::string path;
  while (path.size() < 200) path += "M12 2a10 10 0 1 0 0 20 ";
  return absl::StrCat("<path d=\"", path, "\"/>\n<g><circle r=1></circle></g>");
}

TEST(InertTextTest, CutsTheContentOfSvgThatShowsNoText) {
  const std::string html =
      absl::StrCat("<p>Share<svg viewBox=\"0 0 24 24\">", Icon(),
                   "</svg><svg><text>Hi</text>", Icon(), "</svg><script>",
                   Code("a"), "</script><svg><path/></svg>");
  std::optional<InertTextCut> cut = Cut(html);
  ASSERT_TRUE(cut.has_value());
  // The first <svg>'s content and the script; not the <svg> with text, nor
  // the short one.
  EXPECT_THAT(Stubbed(*cut), testing::ElementsAre(
                                 "<svg viewBox=\"0 0 24 24\"> ", "<script>;"));
  EXPECT_THAT(cut->svg_stubs, testing::ElementsAre(cut->stubs[0]));
  EXPECT_EQ(cut->html.substr(0, cut->html.find("<svg><text>")),
            "<p>Share<svg viewBox=\"0 0 24 24\"> </svg>");
}

// The tree Dom::Parse makes is the one gumbo makes of the page as sent, but
// for the content of each <svg> it cut, wherever the <svg> is.
TEST(InertTextTest, TheTreeIsThePageAsSentLessTheCutSvgContent) {
  const std::string icon = Icon();
  const std::string pages[] = {
      absl::StrCat("<p>a<svg>", icon, "</svg>b"),
      absl::StrCat("<table><svg>", icon, "</svg><tr><td>x</table>"),
      absl::StrCat("<table><tr><svg>", icon, "</svg><td>x</table>"),
      absl::StrCat("<select><svg>", icon, "</svg><option>x</select>"),
      absl::StrCat("<template><svg>", icon, "</svg></template>x"),
      absl::StrCat("<b><p>x</b><svg>", icon, "</svg>y"),
      absl::StrCat("<svg>", icon, "<svg>", icon, "</svg></svg>x"),
      absl::StrCat("<svg>", icon, "</SVG>x"),
      absl::StrCat("<svg>", icon, "</svg >x"),
      absl::StrCat("<math><mi><svg>", icon, "</svg></mi>x</math>y"),
      absl::StrCat("<svg><foreignObject><svg>", icon, "</svg><p>x</svg>y"),
      absl::StrCat("<textarea><svg>", icon, "</svg></textarea>x"),
      absl::StrCat("<script><svg>", icon, "</svg></script>x"),
      absl::StrCat("<!-- <svg> -->", icon, "</svg>x"),
  };
  const int cut = CountInSameTrees(pages, [](const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT &&
           testing_only::IsCutSvg(node->v.element);
  });
  // Cut, one a page: all but the <svg> a select drops (the check found no
  // <svg> for its stub, so that page was parsed as sent), the one closed by
  // "</svg >", and the text of a textarea, a script or a comment. Of two
  // nested, the outer's content (the inner in it); of an <svg> with a
  // <foreignObject>, the inner <svg>'s.
  EXPECT_EQ(cut, 9);
}

// The stub is white space, as the content was: a <frameset> after the
// <svg> still replaces the body, as it does in the page as sent (text
// there would have kept it out).
TEST(InertTextTest, AFramesetAfterACutSvgReplacesTheBodyAsSent) {
  const std::string page =
      absl::StrCat("<svg>", Icon(), "</svg><frameset><frame></frameset>");
  std::optional<InertTextCut> cut = Cut(page);
  ASSERT_TRUE(cut.has_value());
  for (const std::string& html : {page, cut->html}) {
    GumboOutput* output = gumbo_parse(html.c_str());
    const GumboVector& children = output->root->v.element.children;
    ASSERT_EQ(children.length, 2u) << html;
    EXPECT_EQ(static_cast<const GumboNode*>(children.data[1])->v.element.tag,
              GUMBO_TAG_FRAMESET)
        << html;
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
}

// Through the whole engine: the metadata stage still reads a long JSON-LD
// and a long application state that names the date, on pages whose other
// scripts and styles are cut.
TEST(InertTextTest, TheFactsOfLongScriptsAreReadThroughTheCut) {
  const std::string article =
      "<article><h1>Budget passes</h1><p>The council voted on Tuesday to "
      "approve the new budget, which raises spending on schools, roads and "
      "parks by a tenth.</p></article>";
  const std::string json_ld = absl::StrCat(
      R"(<script type="application/ld+json">{"@type": "NewsArticle", )",
      R"("headline": "Budget passes", "author": {"@type": "Person", )",
      R"("name": "Ada Byline"}, "dateCreated": "2024-05-28T10:00:00Z", )",
      R"("description": ")", std::string(200, 'x'), R"("}</script>)");
  const std::string state = absl::StrCat(
      "<script>window.__STATE__ = {", Code("f"),
      R"("article": {"publishedAt": "2023-03-01T08:30:00Z"}};</script>)");
  const std::string inert = absl::StrCat(
      "<script>", Code("g"), "</script><style>", Code("p"), "</style>");
  v1::ParseRequest request;
  request.set_content(absl::StrCat("<html><head>", inert, json_ld,
                                   "</head><body>", article, inert,
                                   "</body></html>"));
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(response->article().authors(),
              testing::ElementsAre("Ada Byline"));
  // Its date is not one the pattern of application states finds: only the
  // type keeps this script whole.
  EXPECT_EQ(response->article().published_time().seconds(), 1716890400);

  request.set_content(absl::StrCat("<html><head>", inert, state,
                                   "</head><body>", article, inert,
                                   "</body></html>"));
  response = Engine().Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->article().published_time().seconds(), 1677659400);
  EXPECT_THAT(response->article().text(), testing::HasSubstr("council voted"));
}

}  // namespace
}  // namespace lede::engine
