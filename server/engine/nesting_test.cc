#include "server/engine/nesting.h"

#include <climits>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/limits.h"
#include "server/engine/nesting_testing.h"

namespace lede::engine {
namespace {

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// After `prefix`, 200 <div>s nest in gumbo's tree, and the scan reads them
// nesting, no deeper than gumbo builds them.
void ExpectDivsNestAfter(const std::string& prefix) {
  const std::string html = absl::StrCat(prefix, Repeat("<div>", 200));
  EXPECT_GT(GumboDepth(html), 200) << prefix;
  EXPECT_GT(ScanNestingDepth(html, INT_MAX), 200) << prefix;
  EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << prefix;
}

// Gumbo's tree for `html` stays under `most` levels deep, and the scan
// reads it no deeper.
void ExpectShallowInBoth(const std::string& html, int most) {
  EXPECT_LT(GumboDepth(html), most) << html.substr(0, 80);
  EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html))
      << html.substr(0, 80);
}

// Markup whose implied closings the scan follows: repeated, each must keep
// the scan's depth at or below gumbo's, or a page gumbo parses within the
// limit would be refused.
const char* const kShapes[] = {
    "<div>",
    "<div></div>",
    "<p>text",
    "<p><div>",
    "<li>item",
    "<ul><li>item",
    "<dl><dt>t<dd>d",
    "<dd><dt>",
    "<table><tr><td>cell",
    "<table><td>",
    "<table>",
    "<tr><td>",
    "<td><tr>",
    "<table><caption><table>",
    "<select><option>a<option>b<optgroup><option>",
    "<select><div><select>",
    "<select><caption><i>x<div>",
    "<table><tr><td><select><td><div>",
    "<b><i>x</b></i>",
    "<a href=x><a href=y>",
    "<nobr><nobr>",
    "<button><button>",
    "<h1><h2>",
    "<ruby>a<rt>b<rp>c<rt>",
    "<svg><g><path/><div>",
    "<math><mi><b>",
    "<svg><foreignObject><a><a>",
    "<option><option>",
    "<form><form>",
    "<html><body><head>",
    "<br><img><input><hr>",
    "<span attr='<div>'>",
    "<span a=\"x>y\">",
    "<!-- <div> -->",
    "<!--><div>",
    "<![CDATA[<div>]]>",
    "<script><div></script>",
    "<script/><div></script>",
    "<textarea><div></textarea>",
    "<title><div></title>",
    "<style><div></style>",
    "</span>",
    "</div><div>",
    "<my-element><my-element>",
    "<template><div>",
    "<frameset><frame>",
    "<frameset><f\x88\x61me>",  // fuzz regression crash-8ef34fed: f 0x88 a m e
    "<div/>",
    "<p><table><p>",
    "<li><div><li>",
    "<li><ul><li>",
    "<object><p><div>",
    "x < y <3 </3 </>",
    "<p><b>x</p>",
    "<table><td><b>x</td>",
    "<object><i>x</object>",
    "<b>x<div>y</b>z</div>",
    "<a>x<p>y</a>",
    "<i><b></i>x",
    "<select><b>x</select>",
    "<svg><b>x",
    "<table><b>x<tr>",
    "<b><i><u><s>x</b>",
    "<p><b>x<p>y",
    "<b>x<p>y</b>z",
    "<a href=x><p>text",
    "<b><i>x</b>y<span>z</i>",
    "<td><b>x</td>y",
    "<b>x<table><td>y</table>z",
    "<i>x<object>y</i>z</object>w",
    "<b>x<select>y</b>z",
    "<s>x<li>y</s>z<li>",
    "<p><mi>",
    "<h2><mi><p>",
    "<li><desc><li>",
    "<a>x<mi><h2><p>y</a>",
    "<math><mi><mi><p>",
    "<svg><desc><desc>",
    "<b><select><option>x</b><div>",
    "<table><td><select></td><div>",
    "<svg><style><div></style>",
    "<select><style></select><div>",
    "<svg><plaintext><p>",
    "<p><svg><section>",
    "<table><td><table><select></td><o>",
    "<script><!--<script></script>b<x><p>b</script>",
    "<h1><e>",
    "<h2><b><span>",
};

TEST(NestingTest, TheScanNeverReadsDeeperThanGumboBuilds) {
  for (const char* shape : kShapes) {
    for (int times : {1, 3, 40}) {
      std::string html = Repeat(shape, times);
      EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html))
          << shape << " x" << times;
    }
  }
  // And mixed, in every order of two.
  for (const char* first : kShapes) {
    for (const char* second : kShapes) {
      std::string html = Repeat(absl::StrCat(first, second), 20);
      EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html))
          << first << second;
    }
  }
}

TEST(NestingTest, TheScanNeverCountsMoreNodesThanGumboBuilds) {
  for (const char* first : kShapes) {
    for (const char* second : kShapes) {
      for (int times : {1, 20}) {
        std::string html = Repeat(absl::StrCat(first, second), times);
        EXPECT_LE(ScanMarkup(html, INT_MAX).nodes, GumboMeasure(html).nodes)
            << first << second << " x" << times;
      }
    }
  }
}

// The scan remembers the tag of each name as the page writes it: the same
// names in other cases, one page naming them in several, read alike.
TEST(NestingTest, TagNamesReadAlikeInEveryCase) {
  std::string lower, upper, mixed;
  for (const char* first : kShapes) {
    for (const char* second : kShapes) {
      const std::string html = absl::StrCat(first, second, "</p></div>");
      lower += html;
      upper += absl::AsciiStrToUpper(html);
      mixed += html.size() % 2 == 0 ? absl::AsciiStrToUpper(html) : html;
    }
  }
  const MarkupScan expected = ScanMarkup(lower, INT_MAX);
  for (const std::string* html : {&upper, &mixed}) {
    const MarkupScan scan = ScanMarkup(*html, INT_MAX);
    EXPECT_EQ(scan.depth, expected.depth);
    EXPECT_EQ(scan.nodes, expected.nodes);
    EXPECT_EQ(scan.attribute_checks, expected.attribute_checks);
    const GumboTree gumbo = GumboMeasure(*html);
    EXPECT_LE(scan.depth, gumbo.depth);
    EXPECT_LE(scan.nodes, gumbo.nodes);
  }
}

TEST(NestingTest, DenseMarkupIsRefusedByItsNodeBudget) {
  // A link around each paragraph, a table of one-word cells: elements and
  // their text at every few bytes, far denser than pages are.
  for (const std::string& html :
       {Repeat("<a href=x><p>text", 60000),
        absl::StrCat("<table>",
                     Repeat("<tr><td>1</td><td>2</td><td>3</td></tr>", 30000),
                     "</table>")}) {
    absl::Status status = CheckMarkup(html, Limits());
    EXPECT_EQ(ExceededLimit(status), Limit::kMaxNodesPerMb) << html.size();
    EXPECT_THAT(status.message(), testing::HasSubstr("--max_nodes_per_mb"));
    // With the flag raised, the same markup is within the other limits.
    Limits more;
    more.max_nodes_per_mb = 1'000'000;
    EXPECT_TRUE(CheckMarkup(html, more).ok()) << html.size();
  }
  // A small document has nodes to spare whatever its density.
  EXPECT_TRUE(CheckMarkup(Repeat("<a href=x><p>text", 1000), Limits()).ok());
}

TEST(NestingTest, TheDeepShapesAreSeenInFull) {
  // Gumbo nests these one level (or more) per repetition, and so does the
  // scan: a document of them is refused before gumbo runs.
  for (const char* shape :
       {"<div>", "<span>", "<b><i>", "<table><tr><td>", "<ul><li>",
        "<blockquote>", "<my-element>", "<svg><g>",
        // Misnested formatting: each </b> closes the <i>, <u> and <s>
        // opened inside it, and the text after the next <b> reopens them,
        // three levels deeper each time.
        "<b><i><u><s>x</b>"}) {
    std::string html = Repeat(shape, 2000);
    EXPECT_GT(ScanNestingDepth(html, INT_MAX), 1024) << shape;
    EXPECT_EQ(CheckMarkup(html, Limits()).code(),
              absl::StatusCode::kResourceExhausted)
        << shape;
  }
}

TEST(NestingTest, MathMlAndSvgNamesOutsideTheirContentAreOrdinary) {
  // Outside <math> and <svg>, <mi>, <annotation-xml>, <desc> and
  // <foreignObject> are HTML elements of no scope of their own: the next
  // <p> or <h2> closes the <p> opened around them, and the document stays
  // shallow. (Fuzz regression crash-33c14922: with them taken as scopes,
  // the scan read 31 levels where gumbo built 11.)
  for (const char* shape : {"<p><mi>x", "<p><annotation-xml>x<h2>y</h2>",
                            "<p><desc>x", "<p><foreignObject>x<h3>"}) {
    const std::string html = Repeat(shape, 500);
    const int gumbo = GumboDepth(html);
    EXPECT_LT(gumbo, 10) << shape;
    EXPECT_LE(ScanNestingDepth(html, INT_MAX), gumbo) << shape;
    EXPECT_TRUE(CheckMarkup(html, Limits()).ok()) << shape;
  }
  // Inside <math>, an <mi> is MathML, and does end the scope: the scan
  // still reads what gumbo builds there.
  const std::string math = "<p><math><mi>x</mi></math>y";
  EXPECT_LE(ScanNestingDepth(math, INT_MAX), GumboDepth(math));
  EXPECT_GE(ScanNestingDepth(math, INT_MAX), 5);  // html body p math mi
}

TEST(NestingTest, ForeignContentRulesGoByTheCurrentNode) {
  // The tree builder takes a start tag by the rules for foreign content
  // only when the current node is an SVG or MathML element that is no
  // integration point. A select opened in an <mi> (a MathML text
  // integration point, which holds HTML) is current: the <b> after it is
  // the select's, which drops it and the <div>s that follow. (Fuzz
  // regression crash-43bd1c25: the scan let the <b> break out of the
  // <math> below, closing the select, and read 48 levels where gumbo built
  // 19.)
  const std::string select =
      absl::StrCat("<math><mi><select><option>x<b>", Repeat("<div>", 200));
  const int gumbo = GumboDepth(select);
  EXPECT_LT(gumbo, 10);
  EXPECT_LE(ScanNestingDepth(select, INT_MAX), gumbo);
  EXPECT_TRUE(CheckMarkup(select, Limits()).ok());
  // In an <mi>, the <div>s are HTML and nest in it, in gumbo and in the
  // scan alike.
  const std::string in_mi = absl::StrCat("<math><mi>", Repeat("<div>", 200));
  EXPECT_GT(GumboDepth(in_mi), 200);
  EXPECT_EQ(ScanNestingDepth(in_mi, INT_MAX), GumboDepth(in_mi));
  // Below an SVG or MathML element that holds no HTML, an HTML start tag
  // breaks out, up to the last element that holds HTML: here the <mi>, so
  // each <p> closes the <svg> opened in the one before.
  const std::string out =
      absl::StrCat("<math><mi>", Repeat("<p>x<svg><g><g>", 200), "<p>x");
  ExpectShallowInBoth(out, 12);
  EXPECT_GE(ScanNestingDepth(out, INT_MAX), GumboDepth(out) - 1);
  // "<![CDATA[" opens a CDATA section only where the current node is
  // foreign: in a <div> in an <mi> it is a bogus comment to the next '>',
  // and the </div> after it closes the <div>.
  const std::string cdata =
      absl::StrCat("<math><mi>", Repeat("<div><![CDATA[x></div>", 200), "]]>");
  ExpectShallowInBoth(cdata, 10);
}

TEST(NestingTest, AFontBreaksOutOfForeignContentOnlyWithItsAttributes) {
  // A <font> without color, face or size is an SVG element: the <select>
  // after it is SVG's too, and the <div>s break out and nest. (hiding_fuzzer
  // crash-d2c4e328: the scan broke out at the <font>, opened an HTML select
  // and dropped the <div>s.)
  const std::string plain =
      absl::StrCat("<svg><font><select>", Repeat("<div>", 200));
  EXPECT_GT(GumboDepth(plain), 200);
  EXPECT_GT(ScanNestingDepth(plain, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(plain, INT_MAX), GumboDepth(plain));
  // With one of them, in any case and of any value, it breaks out: the
  // select is HTML's and drops the <div>s.
  for (const char* font :
       {"<font color=red>", "<font FACE>", "<font size=2>"}) {
    const std::string html =
        absl::StrCat("<svg>", font, "<select>", Repeat("<div>", 200));
    ExpectShallowInBoth(html, 8);
  }
}

TEST(NestingTest, AnAnnotationXmlHoldsHtmlByItsEncoding) {
  // A MathML <annotation-xml> whose encoding is text/html or
  // application/xhtml+xml (in any case) is an HTML integration point: the
  // <div> in it is HTML and stays in it, below the <x>s opened before it,
  // and so do the <x>s after it. The scan, which took every annotation-xml
  // for MathML only, let the <div> break out of the <math> there, closing
  // the first 200 levels, and read half of gumbo's depth.
  const std::string xs = Repeat("<x>", 200);
  for (const char* encoding :
       {"text/html", "TEXT/HTML", "application/xhtml+xml"}) {
    const std::string html = absl::StrCat("<math><annotation-xml encoding='",
                                          encoding, "'>", xs, "<div>", xs);
    EXPECT_GT(GumboDepth(html), 400) << encoding;
    EXPECT_EQ(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << encoding;
  }
  // Without such an encoding (none, another, or one after a first that is
  // not HTML: the tokenizer keeps the first), it holds MathML, and the
  // <div> breaks out of the <math>, in gumbo and in the scan alike.
  for (const char* attributes :
       {"", " encoding=image/svg+xml", " encoding=x encoding=text/html"}) {
    const std::string html =
        absl::StrCat("<math><annotation-xml", attributes, ">", xs, "<div>", xs);
    EXPECT_LT(GumboDepth(html), 210) << attributes;
    EXPECT_EQ(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << attributes;
  }
}

TEST(NestingTest, ASecondLinkKeepsTheTableOpenedInTheFirst) {
  // A second <a> closes the first by the adoption agency, which keeps the
  // <table> opened inside it open: the rows and cells after it go in the
  // table, each closing the one before, and the spans do not nest. (Fuzz
  // regression crash-115fbdad: the scan closed the table with the <a>,
  // dropped the cells as out of a table, and read 97 levels where gumbo
  // built 27.)
  const std::string html = absl::StrCat("<a href=x>x<table><a href=y>",
                                        Repeat("<tr><th><span>y", 100));
  const int gumbo = GumboDepth(html);
  EXPECT_LT(gumbo, 12);
  EXPECT_LE(ScanNestingDepth(html, INT_MAX), gumbo);
  EXPECT_TRUE(CheckMarkup(html, Limits()).ok());
  // A <nobr> around a block, repeated, nests in gumbo: the scan reads it.
  const std::string nobr = Repeat("<nobr>x<div>y<nobr>z", 100);
  EXPECT_GT(ScanNestingDepth(nobr, INT_MAX), 100);
  EXPECT_LE(ScanNestingDepth(nobr, INT_MAX), GumboDepth(nobr));
}

TEST(NestingTest, TheAdoptionAgencyClosesWhatIsOffTheListOfFormatting) {
  // The list of active formatting elements keeps the <s>s a <div> closed
  // (with the <p> they were in) until they are reopened, and counts them:
  // a fourth <s> takes the earliest off the list (the Noah's Ark clause).
  // The <s> left open below, off the list, closes in the adoption agency of
  // the next <a>, which finds it between the formatting element and the
  // furthest block; one on the list would stay, as a copy. (Fuzz shape:
  // the scan took closed elements off the list, kept every formatting
  // element between as a copy, and left one <s> more open at each
  // repetition: 88 levels read where gumbo built 14.)
  const std::string html =
      Repeat("<s><p><s><s><div><i><s><b><p><a></i></s></div></b>", 80);
  const int gumbo = GumboDepth(html);
  EXPECT_LT(gumbo, 20);
  EXPECT_LE(ScanNestingDepth(html, INT_MAX), gumbo);
  EXPECT_TRUE(CheckMarkup(html, Limits()).ok());
  // An end tag finds its formatting element on the list: a <b> reopened
  // by the text is the one </b> closes, every time, and the <div>s stay
  // shallow in both.
  const std::string reopened = Repeat("<b><p>x</p>y</b><div>z</div>", 200);
  ExpectShallowInBoth(reopened, 8);
}

TEST(NestingTest, TheScanReadsTheDeepestTheTreeGetsWhileItIsBuilt) {
  // Formatting elements misnested around blocks, then a late end tag: its
  // adoption agency closes the elements between the formatting element and
  // the block that are off the list of active formatting elements (the
  // <b>s past three of a kind, every <span>) and moves the block up, up to
  // eight blocks an end tag. The finished tree is shallower than the tree
  // was before that end tag, and the scan reads the depth before: the
  // depth --max_depth bounds, as gumbo's stack of open elements, which its
  // scope checks walk, was that deep. (Fuzz shape (a), crash-30cb361d,
  // minimized to an <a>, unknown elements and <div>s, and a second <a>: 29
  // read, 29 while gumbo built it, 10 in the finished tree.)
  struct Case {
    std::string html;
    int finished_at_most;  // gumbo's finished tree
  };
  for (const Case& shape : std::vector<Case>{
           {absl::StrCat("<i>", Repeat("<b><b><b><ul>", 8), "</i>"), 15},
           {absl::StrCat("<i>x", Repeat("<b><b><b><ul><li>", 8), "</i>y"), 32},
           {absl::StrCat("<table><tr><td><i>", Repeat("<b><b><b><div>", 8),
                         "</i>"),
            18},
           {absl::StrCat("<i>", Repeat("<span><span><span><ul>", 30),
                         Repeat("</i>", 4)),
            35}}) {
    const int deepest = GumboDeepestWhileParsing(shape.html, INT_MAX);
    EXPECT_GE(deepest, shape.finished_at_most + 10) << shape.html;
    EXPECT_LE(GumboDepth(shape.html), shape.finished_at_most) << shape.html;
    EXPECT_LE(ScanNestingDepth(shape.html, INT_MAX), deepest) << shape.html;
    EXPECT_GE(ScanNestingDepth(shape.html, INT_MAX), deepest - 1) << shape.html;
  }
  // Without a late adoption agency the tree is never deeper than when it
  // is finished, and the scan reads it as deep (but for the text, a leaf).
  for (const char* shape : {"<div>", "<b><i>x</b>", "<ul><li>"}) {
    const std::string html = Repeat(shape, 30);
    EXPECT_EQ(GumboDeepestWhileParsing(html, INT_MAX), GumboDepth(html))
        << shape;
    EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << shape;
    EXPECT_GE(ScanNestingDepth(html, INT_MAX), GumboDepth(html) - 1) << shape;
  }
}

TEST(NestingTest, TheNextLinkClosesTheCopyGumboReopened) {
  // The second <li> closes the first with its <a>, which the scan leaves
  // closed (dormant) where gumbo reopens it before the <u>; the next <a>'s
  // adoption agency then closes, or moves up past the <div>, all that was
  // opened inside gumbo's copy. The scan opens the copy where gumbo did
  // and runs the adoption agency on it. (Fuzz regression crash-81fffb7b,
  // repeated: 107 read, 48 while gumbo built it; the scan read 37 and 33
  // here.)
  const std::string element = "<x-e>";
  for (const std::string& html :
       {absl::StrCat("<li><a><li><u>", Repeat(element, 12), "<div>",
                     Repeat(element, 3), "<a>", Repeat(element, 16)),
        absl::StrCat("<li><a><li><u>", Repeat(element, 12), "<a>",
                     Repeat(element, 16))}) {
    const int deepest = GumboDeepestWhileParsing(html, INT_MAX);
    EXPECT_LT(deepest, 25) << html;
    EXPECT_LE(ScanNestingDepth(html, INT_MAX), deepest) << html;
    EXPECT_GE(ScanNestingDepth(html, INT_MAX), deepest - 1) << html;
  }
}

TEST(NestingTest, MaxDepthBoundsTheTreeWhileItIsBuilt) {
  // 300 <ul>s, each three <span>s below the one before, and forty </i>s
  // whose adoption agency moves them up: 1203 levels while gumbo builds
  // it, 305 when it is done. Refused at the default --max_depth (1024)
  // before gumbo runs, though its finished tree is well within it.
  const std::string html = absl::StrCat(
      "<i>", Repeat("<span><span><span><ul>", 300), Repeat("</i>", 40));
  EXPECT_LT(GumboDepth(html), 400);
  EXPECT_GT(GumboDeepestWhileParsing(html, 1024), 1024);
  EXPECT_GT(ScanNestingDepth(html, INT_MAX), 1024);
  EXPECT_EQ(CheckMarkup(html, Limits()).code(),
            absl::StatusCode::kResourceExhausted);
  // A <frameset> replaces the body and all it held, however deep.
  const std::string frameset = absl::StrCat(Repeat("<div>", 100), "<frameset>");
  EXPECT_LT(GumboDepth(frameset), 5);
  EXPECT_EQ(ScanNestingDepth(frameset, INT_MAX),
            GumboDeepestWhileParsing(frameset, INT_MAX));
  Limits limits;
  limits.max_depth = 50;
  EXPECT_EQ(CheckMarkup(frameset, limits).code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(NestingTest, AnEndTagOfNoRuleOfItsOwnStopsAtASpecialElement) {
  // An end tag of an unknown element (or a span) closes the last open one
  // of its name only when no special element is open above it: </t> after
  // <x><table> is ignored, the table stays open, and its rows and cells
  // keep the spans from nesting. (Fuzz regression crash-8b82ce23: the scan
  // closed the <x> and the table with it, and read 63 levels where gumbo
  // built 21.)
  const std::string table =
      absl::StrCat("<x><table></t>", Repeat("<tr><th><span>y", 100));
  const int gumbo = GumboDepth(table);
  EXPECT_LT(gumbo, 12);
  EXPECT_LE(ScanNestingDepth(table, INT_MAX), gumbo);
  EXPECT_TRUE(CheckMarkup(table, Limits()).ok());
  // Gumbo 0.10 tells unknown elements apart by their tag enum only: there
  // </x-c> closes the <x-b>, and the <x-a>s nest. The scan reads as deep
  // (but the text).
  const std::string unknown = Repeat("<x-a><x-b>text</x-c>", 100);
  EXPECT_GT(GumboDepth(unknown), 100);
  EXPECT_LE(ScanNestingDepth(unknown, INT_MAX), GumboDepth(unknown));
  EXPECT_GE(ScanNestingDepth(unknown, INT_MAX), GumboDepth(unknown) - 1);
}

TEST(NestingTest, AnEndTagBelowAForeignNodeClosesItsForeignElement) {
  // Below an SVG or MathML current node, an end tag closes the last foreign
  // element of its name, as the rules for foreign content do, before any
  // HTML rule: an SVG <a> is no formatting element, and the adoption agency
  // left it open. (Fuzz regression crash-ea113a76: the scan read 24 levels
  // where gumbo's tree stayed under 8.)
  const std::string links = absl::StrCat("x<svg>", Repeat("<a>x</a>", 40));
  const int gumbo = GumboDepth(links);
  EXPECT_LT(gumbo, 8);
  EXPECT_LE(ScanNestingDepth(links, INT_MAX), gumbo);
  // An HTML <a> below the foreign content is the HTML rules' to close.
  const std::string inside =
      absl::StrCat("<a href=x>y<svg>", Repeat("<a>x</a>", 40), "</svg></a>z");
  ExpectShallowInBoth(inside, 8);
}

TEST(NestingTest, AForeignElementClosesByItsNameAsWritten) {
  // Gumbo 0.10 matches an end tag with a foreign element by the names as
  // written, not by the tag enum that every unknown name shares: </c>
  // closes no SVG <r>, and the HTML rules take it, which close the unknown
  // HTML <g> below the <svg> (its enum's), the <svg> with it. The <a>s are
  // then HTML links, each closing the one before. (Fuzz regression
  // crash-b6a139d7: the scan closed the <r> only and read the SVG <a>s
  // nesting, 44 levels here where gumbo builds 5.)
  const std::string stray = absl::StrCat("<g><svg><r></c>", Repeat("<a>", 40));
  ExpectShallowInBoth(stray, 6);
  // The end tag of its own name closes it, in any case.
  const std::string named = Repeat("<svg><q><R></Q>", 40);
  EXPECT_LE(ScanNestingDepth(named, INT_MAX), GumboDepth(named));
  EXPECT_GE(ScanNestingDepth(named, INT_MAX), GumboDepth(named) - 1);
  // An end tag with anything after its name matches no foreign element,
  // and with no HTML one of its name open, it is ignored: the <q>s nest,
  // in gumbo and in the scan.
  // The HTML rules stop at a special element below the foreign ones: the
  // <dd> leaves </c> ignored, and the MathML <a>s after it nest.
  const std::string stopped =
      absl::StrCat("<h><dd><math><x></c>", Repeat("<a>", 40));
  EXPECT_GT(GumboDepth(stopped), 40);
  EXPECT_LE(ScanNestingDepth(stopped, INT_MAX), GumboDepth(stopped));
  EXPECT_GE(ScanNestingDepth(stopped, INT_MAX), GumboDepth(stopped) - 1);
  const std::string spaced = absl::StrCat("<svg>", Repeat("<q></q >", 40));
  EXPECT_GT(GumboDepth(spaced), 40);
  EXPECT_LE(ScanNestingDepth(spaced, INT_MAX), GumboDepth(spaced));
  EXPECT_GE(ScanNestingDepth(spaced, INT_MAX), GumboDepth(spaced) - 1);
}

TEST(NestingTest, TextGumboReadsAsMarkupIsReadAsMarkup) {
  // A <style>, <script>, <title>... or <plaintext> switches the tokenizer to
  // read what follows as text only where the HTML rules insert it: not as an
  // SVG or MathML element, nor in a select or a frameset that drops it.
  // There what follows is markup: in <svg><style><div>, the <div> breaks
  // out of the SVG, and the <a>s after it are HTML links, each closing the
  // one before. (Fuzz regression crash-e92ea79d: the scan skipped the
  // <div>, and read the SVG <a>s nesting.)
  const std::string links =
      absl::StrCat("<svg><style><div></style>", Repeat("<a>", 40));
  ExpectShallowInBoth(links, 6);
  // Nesting after such a tag is seen, and refused before gumbo builds it
  // (a frameset drops all but framesets, which nest).
  // A <noscript>'s content is markup too: gumbo parses as a browser with
  // scripting off does.
  for (const char* opening :
       {"<svg><style>", "<math><script>", "<svg><plaintext>",
        "<select><style></select>", "<select><title></select>",
        "<frameset><style>", "<body><noscript>", "<p>x<noscript>"}) {
    const std::string unit =
        absl::StartsWith(opening, "<frameset>") ? "<frameset>" : "<div>";
    const std::string deep = absl::StrCat(opening, Repeat(unit, 2000));
    const int scan = ScanNestingDepth(deep, INT_MAX);
    EXPECT_GT(scan, 1024) << opening;
    EXPECT_LE(scan, GumboDepth(deep)) << opening;
    EXPECT_EQ(CheckMarkup(deep, Limits()).code(),
              absl::StatusCode::kResourceExhausted)
        << opening;
  }
  // Where the HTML rules insert it, its text is text: an integration point
  // holds HTML, and a select takes a script by the head's rules.
  for (const char* opening :
       {"<style>", "<svg><foreignObject><style>", "<math><mi><title>",
        "<select><script>", "<table><style>", "<plaintext>"}) {
    const std::string text = absl::StrCat(opening, Repeat("<div>", 2000));
    EXPECT_LT(ScanNestingDepth(text, INT_MAX), 8) << opening;
    EXPECT_LT(GumboDepth(text), 8) << opening;
  }
}

TEST(NestingTest, RubyTextAndForeignTablePartsCloseOnlyWhatGumboCloses) {
  // Found by fuzzing the other way (documents gumbo builds far deeper than
  // the scan reads): an <rt> or <rp> closes only the implied end tags
  // (another <rt>, a <p>...), not the unknown element opened in the ruby;
  // and an SVG <tr> fosters nothing, so what opens in it nests in it.
  for (const std::string& deep :
       {absl::StrCat("<ruby>", Repeat("<r><rt>", 100)),
        absl::StrCat("<table><td><svg>", Repeat("<tr><g>", 100))}) {
    EXPECT_GT(GumboDepth(deep), 150) << deep.substr(0, 30);
    EXPECT_LE(ScanNestingDepth(deep, INT_MAX), GumboDepth(deep));
    EXPECT_GE(ScanNestingDepth(deep, INT_MAX), GumboDepth(deep) - 2);
  }
  // An <rt> after an <rt> closes it, in gumbo and in the scan.
  const std::string flat = absl::StrCat("<ruby>", Repeat("<rt>x", 100));
  ExpectShallowInBoth(flat, 6);
}

TEST(NestingTest, ACommentEndsWhereTheTokenizerEndsIt) {
  // "--!>" ends a comment as "-->" does: the <div>s after it nest, and
  // --max_depth sees them (the scan once read on to the "-->", and such a
  // page went on to gumbo's parse budget).
  const std::string divs =
      absl::StrCat("<!-- x --!>", Repeat("<div>", 200), "-->");
  EXPECT_GT(ScanNestingDepth(divs, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(divs, INT_MAX), GumboDepth(divs));
  // A select after it drops what follows. (Fuzz regression crash-7059eca7:
  // the scan read the <select> as the comment's and counted the tags after
  // it as nodes.)
  const std::string select =
      absl::StrCat("<!----!><select>-->", Repeat("<p><a>", 20));
  EXPECT_LE(ScanMarkup(select, INT_MAX).nodes, GumboMeasure(select).nodes);
  EXPECT_LE(ScanNestingDepth(select, INT_MAX), GumboDepth(select));
  // "<!-->" and "<!--->" are empty comments; "--!" alone ends nothing.
  for (const char* open : {"<!-->", "<!--->", "<!---->", "<!-- --!-->"}) {
    const std::string after = absl::StrCat(open, Repeat("<div>", 50));
    EXPECT_EQ(ScanNestingDepth(after, INT_MAX), GumboDepth(after)) << open;
  }
  const std::string unended =
      absl::StrCat("<!-- --! -- !>", Repeat("<div>", 50), "-->");
  EXPECT_LE(ScanNestingDepth(unended, INT_MAX), GumboDepth(unended));
  EXPECT_LT(GumboDepth(unended), 5);
}

TEST(NestingTest, AScriptEndsWhereTheTokenizersScriptStatesEndIt) {
  // After "<!--", a "<script" in a script's text starts a run where
  // "</script>" does not end the script, up to "-->". (Fuzz regression
  // crash-29ac943a: the scan ended the script at the first end tag and
  // counted elements gumbo reads as the script's text.)
  const std::string escaped =
      absl::StrCat("<script><!--<script></script>", Repeat("<div>x", 100));
  EXPECT_LE(ScanMarkup(escaped, INT_MAX).nodes, GumboMeasure(escaped).nodes);
  ExpectShallowInBoth(escaped, 5);
  // "-->" ends the run, and the script's next end tag the script.
  for (const char* closed :
       {"<script><!--<script></script>--></script>",
        "<script><!--<script></script>--x--></script>",
        "<SCRIPT><!--></SCRIPT>", "<script><!-- x --></script>",
        "<script><!--<scripts></script>"}) {
    const std::string html = absl::StrCat(closed, Repeat("<div>x", 100));
    EXPECT_GT(GumboDepth(html), 100) << closed;
    EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << closed;
    EXPECT_GE(ScanNestingDepth(html, INT_MAX), GumboDepth(html) - 1) << closed;
  }
}

TEST(NestingTest, AnEndTagOutOfScopeIsIgnored) {
  // </h2>, </div>, </li>... close their element only when it is in scope:
  // a table opened inside it ends the scope, the end tag is ignored, and the
  // table's cells keep the spans from nesting. (Fuzz regression
  // crash-min-024192c1: </h2> after <h2><table> closed the table in the
  // scan, 37 levels read where gumbo built 14.)
  for (const char* open :
       {"<h2><table></h2>", "<div><table></div>", "<ul><li><table></li>"}) {
    const std::string html = absl::StrCat(open, Repeat("<tr><th><span>y", 100));
    const int gumbo = GumboDepth(html);
    EXPECT_LT(gumbo, 12) << open;
    EXPECT_LE(ScanNestingDepth(html, INT_MAX), gumbo) << open;
  }
  // In scope, they close as before: the <div>s do not nest.
  const std::string closed = Repeat("<div><span>x</div>", 200);
  EXPECT_LE(ScanNestingDepth(closed, INT_MAX), GumboDepth(closed));
  EXPECT_LT(GumboDepth(closed), 8);
}

TEST(NestingTest, EndTagsInASelectAreIgnoredAsGumboIgnoresThem) {
  // In a select, gumbo drops every tag but options, groups and a few that
  // end the select: the </b> does not close the <b> opened before it, and
  // the <div>s after it are dropped. (Fuzz regression crash-3064eebe: the
  // scan closed the select there and read 41 levels where gumbo built 16.)
  const std::string html =
      absl::StrCat("<b><select><option>x</b>", Repeat("<div>", 200));
  const int gumbo = GumboDepth(html);
  EXPECT_LT(gumbo, 10);
  EXPECT_LE(ScanNestingDepth(html, INT_MAX), gumbo);
  EXPECT_TRUE(CheckMarkup(html, Limits()).ok());
  // Nor does an </optgroup> close one opened before the select (fuzz
  // regression crash-d1ea71f4).
  const std::string group = absl::StrCat(
      "<optgroup><select><option>x</optgroup>", Repeat("<div>", 200));
  EXPECT_LE(ScanNestingDepth(group, INT_MAX), GumboDepth(group));
  EXPECT_LT(GumboDepth(group), 10);
  // </select> ends it, and the <div>s after that nest again in both.
  const std::string closed =
      absl::StrCat("<b><select><option>x</select>", Repeat("<div>", 200));
  EXPECT_GT(ScanNestingDepth(closed, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(closed, INT_MAX), GumboDepth(closed));
  // In a table, the end tag of a table part ends the select only when the
  // part is in table scope: a table opened in the cell leaves </td>
  // ignored, and the select drops what follows (fuzz regression
  // crash-9ac0604d: the scan read the <o>s nesting). With the part in
  // scope, the select ends and they nest in both.
  const std::string inner =
      absl::StrCat("<table><td><table><select></td>", Repeat("<o>", 200));
  ExpectShallowInBoth(inner, 10);
  const std::string cell =
      absl::StrCat("<table><td><select></td>", Repeat("<o>", 200));
  EXPECT_GT(ScanNestingDepth(cell, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(cell, INT_MAX), GumboDepth(cell));
  // So does </tr> for the row gumbo puts around a cell written without one,
  // and the <div>s nest beside the table. (hiding_fuzzer crash-da284348:
  // the scan found no row, stayed in the select and dropped them.)
  const std::string row =
      absl::StrCat("<table><td><select></tr>", Repeat("<div>", 200));
  EXPECT_GT(GumboDepth(row), 200);
  EXPECT_GT(ScanNestingDepth(row, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(row, INT_MAX), GumboDepth(row));
}

TEST(NestingTest,
     WhiteSpaceWrittenAsAReferenceLeavesAFramesetToReplaceTheBody) {
  // Gumbo decodes "&#32" to a space before its tree builder asks whether
  // the body showed text: the <frameset> replaces the body, and drops the
  // elements after it. (nesting_fuzzer crash-f0d8995d: the scan took the
  // reference for text, ignored the frameset and counted the elements.)
  for (const std::string space : {"&#32", "&#x20;", "&#X0a", "&#0009;"}) {
    const std::string html =
        absl::StrCat("<i>", space, "<frameset>", Repeat("<h>", 50));
    EXPECT_LE(ScanMarkup(html, INT_MAX).nodes, GumboMeasure(html).nodes)
        << space;
    EXPECT_LT(ScanNestingDepth(html, INT_MAX), 5) << space;
  }
  // Any other reference shows text, and so does a "#32" after anything but
  // '&': the frameset is ignored, and the <div>s nest in both (hiding_fuzzer
  // crash-a76fb693: the scan once read "z#32" as a reference).
  for (const std::string text :
       {"&#33", "&#x200B;", "&amp;", "&#", "&#x;", "z#32", "#32"}) {
    ExpectDivsNestAfter(absl::StrCat("<i>", text, "<frameset>"));
  }
}

TEST(NestingTest, ATemplateWhoseFirstTagIsACaptionOrASectionHoldsATable) {
  // Gumbo reads such a template's content as a table's: each <tr> ends the
  // elements the row before it holds. (nesting_fuzzer crash-916f1bc5: the
  // scan read it as the body's, dropped the rows and nested the rest.)
  for (const std::string first : {"<caption>", "<tbody>", "<colgroup>"}) {
    const std::string html =
        absl::StrCat("<template>", first, Repeat("<tr><h><l><e>", 100));
    ExpectShallowInBoth(html, 10);
    EXPECT_LE(ScanMarkup(html, INT_MAX).nodes, GumboMeasure(html).nodes)
        << first;
    // What a row holds nests, in both.
    ExpectDivsNestAfter(absl::StrCat("<template>", first, "<tr>"));
  }
}

TEST(NestingTest, FormattingIsReopenedBesideATableAsInTheBody) {
  // An element fostered out of a table goes in by the body's rules, which
  // reopen the formatting elements first: the first <a>'s copy holds the
  // <bp>, and the second <a> closes both. So </x> finds no unknown element
  // open, the <svg> stays, its <select> is SVG's, and the <div>s break out
  // and nest. (hiding_fuzzer crash-6e95fb6b: the scan kept the <bp> open,
  // closed it and the SVG at </x>, and read the <div>s in an HTML select.)
  ExpectDivsNestAfter("<table><a><table><bp><a><svg></x><select>");
}

TEST(NestingTest, AFormattingElementReopenedFirstInTheBodyClosesWhatItHolds) {
  // Gumbo reopens the <i> the </p> closed around the <svg>, and </i> closes
  // that copy with the SVG in it; "<![CDATA[" is then a bogus comment that
  // ends at the first <div>'s '>', and the other <div>s nest. (hiding_fuzzer
  // crash-9bc71aed: with no element open below the copy, the scan kept no
  // place for it, left the SVG open and read a CDATA section to the end.)
  ExpectDivsNestAfter("<p><i></p><svg></i><![CDATA[");
  ExpectDivsNestAfter("<p><i></p><b><svg></i><![CDATA[");
}

TEST(NestingTest, ARubyTextInAReopenedFormattingElementClosesNothing) {
  // Gumbo reopens the <b> the second <li> closed around the text, and puts
  // the <rt> in it, closing nothing: each <li> then closes the one before.
  // (nesting_fuzzer crash-06410d70: the scan, which keeps such a copy's
  // place but does not open it, closed the <li> as an implied end tag,
  // and the <li>s after it nested: 83 read where gumbo built 11.)
  const std::string html =
      absl::StrCat("<ruby>", Repeat("<li><b><li>x<rt><t><r><t>", 50));
  ExpectShallowInBoth(html, 15);
  ExpectDivsNestAfter("<ruby><li><b><li>x<rt>");
}

TEST(NestingTest, NoFramesetOpensAfterTheFirstCloses) {
  // After the frameset that replaced the body closes, gumbo drops every
  // tag. (nesting_fuzzer crash-9e0ab7b2: the scan nested the framesets
  // after it.)
  const std::string html =
      absl::StrCat("<frameset></frameset>", Repeat("<frameset>", 100));
  ExpectShallowInBoth(html, 5);
  // Nested in an open one, they nest in both.
  const std::string nested = Repeat("<frameset>", 100);
  EXPECT_GT(ScanNestingDepth(nested, INT_MAX), 100);
  EXPECT_LE(ScanNestingDepth(nested, INT_MAX), GumboDepth(nested));
}

TEST(NestingTest, AForeignTagRightAfterAnEmptyEndTagMatchesNothing) {
  // "</>" makes no token, so gumbo's text of the next tag starts at it, and
  // the name gumbo reads from that text for the rules for foreign content
  // matches nothing: </svg> leaves the SVG open, its <select> is SVG's, and
  // the <div>s break out and nest. (hiding_fuzzer crash-4f81f6de: the scan
  // closed the SVG and read the <div>s in an HTML select, which drops
  // them.) With anything between, a token, the tag reads as written.
  ExpectDivsNestAfter("<svg></></svg><select>");
  ExpectDivsNestAfter("<svg><g>x</></g><select>");
  const std::string spaced =
      absl::StrCat("<svg></> </svg><select>", Repeat("<div>", 200));
  ExpectShallowInBoth(spaced, 10);
}

TEST(NestingTest, AButtonClosesOnlyAnHtmlButtonInScope) {
  // An SVG <button> is no button to close, and an SVG <title> bounds the
  // scope: the second <title> opens as HTML's, and gumbo reads what follows
  // as its text. (nesting_fuzzer crash-bc7b9781: the scan closed the SVG
  // button, read the second <title> as SVG's, and nested the elements.)
  const std::string html = absl::StrCat("<svg><button><title><button><title>",
                                        Repeat("<b><i><e>", 30));
  ExpectShallowInBoth(html, 10);
  // An HTML one in scope closes, with what it holds, in both.
  const std::string buttons = Repeat("<button><div>", 100);
  ExpectShallowInBoth(buttons, 10);
}

TEST(NestingTest, AnSvgTitleIsNoSpecialElement) {
  // Gumbo 0.10 leaves an SVG <title> out of its special elements: </t>
  // looks past it and closes the unknown <g>, with the SVG. (nesting_fuzzer
  // crash-ebe3f26b: the scan stopped at the title, kept them open, and
  // nested what followed.) An SVG <desc> is special: there </t> is ignored.
  const std::string title =
      Repeat("<g><svg><title><svg></t><f><a><t><a><select>", 20);
  ExpectShallowInBoth(title, 10);
  ExpectDivsNestAfter("<g><svg><desc></t><f>");
  ExpectDivsNestAfter("<li><svg><title><li>");
}

TEST(NestingTest, AResetThatFindsAForeignFramesetDropsTheTagsAfterIt) {
  // Gumbo's reset of the insertion mode goes by tag: once the second
  // <select> closes the first, it finds the SVG <frameset> first and reads
  // on by a frameset's rules, which drop every tag but framesets.
  // (nesting_fuzzer crash-7b483a7e: the scan read on and nested them.)
  for (const std::string prefix : {"<svg><frameset><title><select><select>",
                                   "<svg><frameset><title><table></table>"}) {
    const std::string html = absl::StrCat(prefix, Repeat("<svg><a>", 100));
    ExpectShallowInBoth(html, 10);
  }
}

TEST(NestingTest, AFramesetFirstInATemplateDecidesItsContentIsTheBodys) {
  // Gumbo drops the <frameset>, but as the template's first tag it makes
  // the content the body's, which drops the captions after it.
  // (nesting_fuzzer crash-f6292d07: the scan let the first caption decide
  // the content and counted them.)
  const std::string html =
      absl::StrCat("<template><frameset>", Repeat("<caption>x", 20));
  EXPECT_LE(ScanMarkup(html, INT_MAX).nodes, GumboMeasure(html).nodes);
  EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html));
}

TEST(NestingTest, AResetTakesASelectInATemplatesCellOutOfTheTable) {
  // Closing a template inside the select resets gumbo's mode; walking down
  // from the select it meets the template before any table, so the select
  // goes by a plain select's rules: the <td> is dropped, the second
  // <select> closes the first, and the <div>s nest in the cell.
  // (hiding_fuzzer crash-01d94b4b: the scan let the <td> end the select
  // and read a new select, which dropped them.) Below a table, the reset
  // meets the table first, and the <td> ends the select in both.
  ExpectDivsNestAfter(
      "<template><td><select><template></template><td><select>");
  const std::string table =
      absl::StrCat("<table><td><select><template></template><td><select>",
                   Repeat("<div>", 200));
  ExpectShallowInBoth(table, 10);
}

TEST(NestingTest, ATablesEndTagsInATemplateInItAreIgnored) {
  // In a template's content, table scope ends at the template: gumbo
  // ignores </tr>, </td> and </table> there, the template stays open, and
  // the <div>s after its select nest in it. (hiding_fuzzer crash-a7f3c5b9:
  // the scan closed the row the cell sits in, the template with it, and
  // read the <div>s in the second select, which drops them.)
  for (const std::string prefix :
       {"<table><td><template></tr><select><td><select>",
        "<table><tr><td><template></tr><select><td><select>",
        "<table><td><template></td><select><td><select>",
        "<table><td><template></table><select><td><select>"}) {
    ExpectDivsNestAfter(prefix);
  }
}

TEST(NestingTest, TheRowsPartsGumboImpliesStayOpenForTheirEndTags) {
  // Gumbo puts a cell written without a row in a <tr>, and a row written
  // without a body in a <tbody>. Each stays open after the cell or the row
  // closes, so its end tag in a select opened beside the table ends the
  // select, and the <div>s nest beside the table. (hiding_fuzzer
  // crash-da6c52f3: the scan implied neither, stayed in the select and
  // dropped them.)
  for (const std::string prefix :
       {"<table><td></td><select></tr>", "<table><tr></tr><select></tbody>",
        "<table><th></th><select></tbody>",
        "<table><thead><td></td><select></thead>"}) {
    ExpectDivsNestAfter(prefix);
  }
  // So does a template of table parts, but for one of cells: a cell after
  // its first row's end tag is in a row gumbo implied. (hiding_fuzzer
  // crash-7625eaff: the scan implied none in a template.)
  for (const std::string prefix :
       {"<template><tr></tr><td><select></tr>",
        "<template><caption></caption><td><select></tr>",
        "<template><tbody></tbody><td><select></tbody>"}) {
    ExpectDivsNestAfter(prefix);
  }
  // A <col> closes the implied row (and puts the <col> in a <colgroup>):
  // the </tr> is ignored, and the select drops the <div>s.
  const std::string col =
      absl::StrCat("<table><td></td><col><select></tr>", Repeat("<div>", 200));
  ExpectShallowInBoth(col, 10);
  // In a template whose rows are cells, a <tr> ends the open cell before
  // gumbo drops it, and a <table> after it is dropped too: the rows after
  // that are in no table, and imply nothing. (nesting_fuzzer crash-c8cb16e5:
  // the scan kept the cell, opened the table in it and counted a <tbody>
  // and the rows, more nodes than gumbo's tree has.)
  const std::string template_rows =
      absl::StrCat("<template><td><tr><table>", Repeat("<tr>", 50));
  EXPECT_LE(ScanMarkup(template_rows, INT_MAX).nodes,
            GumboMeasure(template_rows).nodes);
  // The implied parts are nodes of gumbo's tree, counted as if written.
  EXPECT_EQ(ScanMarkup("<table><td>a<td>b</table>", INT_MAX).nodes,
            ScanMarkup("<table><tbody><tr><td>a<td>b</table>", INT_MAX).nodes);
}

TEST(NestingTest, ATemplateInASelectHoldsContentByTheBodysRules) {
  // A <template> in a select opens as in the head, and its content goes by
  // the body's rules: a <select> in it opens a second one, which drops the
  // unknown tags after it. (Fuzz regression crash-63807473: the scan
  // dropped the template, let the second <select> close the first, and
  // nested the tags gumbo drops: 19 levels where gumbo built 5.)
  const std::string html =
      absl::StrCat("<select><template><select>", Repeat("<r>", 200));
  const int gumbo = GumboDepth(html);
  EXPECT_LT(gumbo, 8);
  EXPECT_LE(ScanNestingDepth(html, INT_MAX), gumbo);
  EXPECT_TRUE(CheckMarkup(html, Limits()).ok());
  // The <div>s in the template nest in it, in gumbo and in the scan; after
  // </template>, the select drops them again.
  const std::string divs =
      absl::StrCat("<select><template>", Repeat("<div>", 100), "</template>",
                   Repeat("<div>", 100));
  EXPECT_GT(ScanNestingDepth(divs, INT_MAX), 100);
  ExpectShallowInBoth(divs, 110);
}

TEST(NestingTest, AForeignSelectIsASelectOnlyOnceGumbosResetTakesIt) {
  // An SVG <select> is an element like any other, and a <select> in an
  // integration point above it opens an HTML select, which drops the <a>s
  // after it. (Fuzz regression crash-7193feff: the scan let the second
  // <select> close the SVG one, and read the <a>s nesting in the SVG.)
  const std::string html =
      absl::StrCat("<svg><select><desc><select>", Repeat("<a>", 200));
  ExpectShallowInBoth(html, 8);
  // Without that second <select>, the <div>s nest in the <desc>, in gumbo
  // and in the scan: --max_depth sees them (the scan once took the SVG
  // <select> for a select and dropped them, and such a page went on to
  // gumbo's parse budget).
  const std::string divs =
      absl::StrCat("<svg><select><desc>", Repeat("<div>", 200));
  EXPECT_GT(ScanNestingDepth(divs, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(divs, INT_MAX), GumboDepth(divs));
  // Gumbo's reset of the insertion mode after a table closes goes by tag:
  // it takes the SVG <select> for a select, which drops the <div>s.
  const std::string reset =
      absl::StrCat("<svg><select><desc><table></table>", Repeat("<div>", 200));
  ExpectShallowInBoth(reset, 8);
  EXPECT_LE(ScanMarkup(reset, INT_MAX).nodes, GumboMeasure(reset).nodes);
  // There a <select>, an <input> or a <textarea> finds no HTML select to
  // close, and is dropped. (Fuzz regression crash-7163e9eb: the scan closed
  // the SVG <select> and read the <a>s after it nesting in the SVG.)
  for (const char* drops : {"<select>", "<input>", "<textarea>"}) {
    const std::string again = absl::StrCat(
        "<svg><select><title><select><select>", drops, Repeat("<a>", 200));
    ExpectShallowInBoth(again, 8);
  }
  // Gumbo keeps that mode once the SVG <select> has closed: the <div>s
  // after </a> (which closes the SVG elements by the foreign rules) are
  // dropped. (Fuzz regression crash-54710134: the scan left the select
  // with the SVG and read them nesting.)
  const std::string closed = absl::StrCat(
      "<svg><select><a><title><select><select></a>", Repeat("<div>", 200));
  ExpectShallowInBoth(closed, 8);
  // Nor does </select> in an HTML element there end the mode: gumbo finds
  // no HTML select to close. (Fuzz regression crash-65553e95: the scan
  // closed the SVG one and read the tags after it nesting.)
  const std::string ended =
      absl::StrCat("<svg><select><title><e><select><select></select>",
                   Repeat("<b><r>", 100));
  ExpectShallowInBoth(ended, 8);
}

TEST(NestingTest, ATemplateWhoseFirstTagIsATablePartHoldsATablesParts) {
  // A template whose first start tag is a cell holds cells: a select in one
  // is a select in a table, which the next <td> ends, and the <div>s in
  // that cell nest, in gumbo and in the scan. (hiding_fuzzer crash-887f8f3e:
  // the scan dropped the cells, and the <div>s with them, in the select.)
  const std::string html =
      absl::StrCat("<template><td><select><td>", Repeat("<div>", 200));
  EXPECT_GT(GumboDepth(html), 200);
  EXPECT_GT(ScanNestingDepth(html, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html));
  // Between a template's rows a <table> is dropped, and a select there ends
  // at </tr>. (hiding_fuzzer crash-9ec8c601: the scan opened the table,
  // kept the select and dropped the <div>s after it.)
  const std::string rows =
      absl::StrCat("<template><tr><table><select></tr>", Repeat("<div>", 200));
  EXPECT_GT(GumboDepth(rows), 200);
  EXPECT_GT(ScanNestingDepth(rows, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(rows, INT_MAX), GumboDepth(rows));
  // A table in a template opens its own, and leaves the one below open.
  // (hiding_fuzzer crash-7e03ffdb: the scan closed the outer table, whose
  // reset took the MathML <select> below for a select.)
  const std::string inner = absl::StrCat(
      "<math><select><annotation-xml encoding=\"text/html\"><table>"
      "<template><table>",
      Repeat("<div>", 200));
  EXPECT_GT(GumboDepth(inner), 200);
  EXPECT_GT(ScanNestingDepth(inner, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(inner, INT_MAX), GumboDepth(inner));
  // A script before the first row decides nothing. (hiding_fuzzer
  // crash-d77bc182: the scan took the script for the content's first tag.)
  const std::string script = absl::StrCat(
      "<template><script></script><tr><select><tr>", Repeat("<div>", 200));
  EXPECT_GT(GumboDepth(script), 200);
  EXPECT_GT(ScanNestingDepth(script, INT_MAX), 200);
  EXPECT_LE(ScanNestingDepth(script, INT_MAX), GumboDepth(script));
  // In a template of cells a caption is dropped. (Fuzz regression
  // crash-c650b40c: the scan counted the captions as nodes.)
  const std::string captions =
      absl::StrCat("<template><td>", Repeat("<caption>", 50));
  EXPECT_LE(ScanMarkup(captions, INT_MAX).nodes, GumboMeasure(captions).nodes);
  EXPECT_LE(ScanNestingDepth(captions, INT_MAX), GumboDepth(captions));
  // A template whose first tag is not a table's drops the cells after it.
  const std::string body =
      absl::StrCat("<template><b><td><select><td>", Repeat("<div>", 200));
  ExpectShallowInBoth(body, 10);
}

TEST(NestingTest, ATableBelowATemplateHoldsNoneOfItsContent) {
  // The content of a <template> opened in a table is not the table's: after
  // an element there, table parts go by the body's rules, which drop them.
  // (Fuzz regression crash-82c3cba8: the scan took the captions for the
  // table's, and counted more nodes than gumbo builds.)
  const std::string html =
      absl::StrCat("<table><template><v>", Repeat("<caption>n", 50));
  const size_t gumbo = GumboMeasure(html).nodes;
  EXPECT_LT(gumbo, 12u);
  EXPECT_LE(ScanMarkup(html, INT_MAX).nodes, gumbo);
  // A table's own captions count, as before.
  const std::string own = Repeat("<table><caption>n</table>", 50);
  EXPECT_GT(ScanMarkup(own, INT_MAX).nodes, 50u);
  EXPECT_LE(ScanMarkup(own, INT_MAX).nodes, GumboMeasure(own).nodes);
}

TEST(NestingTest, NulsShowNothingBeforeAFrameset) {
  // The tree builder drops NULs in the body, so text of NULs leaves a
  // <frameset> after it free to replace the body, and all that follows is
  // dropped. (Fuzz regression crash-fd0a171b: the scan took the NUL for
  // shown text, kept the body and counted nodes gumbo never made.)
  const std::string html =
      absl::StrCat(std::string(3, '\0'), "<frameset>", Repeat("<p>text", 50));
  const size_t gumbo = GumboMeasure(html).nodes;
  EXPECT_LT(gumbo, 10u);
  EXPECT_LE(ScanMarkup(html, INT_MAX).nodes, gumbo);
  // Text that shows keeps the body, and its paragraphs: there both count
  // them.
  const std::string shown = absl::StrCat("x<frameset>", Repeat("<p>text", 50));
  EXPECT_GT(ScanMarkup(shown, INT_MAX).nodes, 50u);
  EXPECT_LE(ScanMarkup(shown, INT_MAX).nodes, GumboMeasure(shown).nodes);
}

TEST(NestingTest, AFramesetTakesTheNodesOfTheBodyItReplaces) {
  // Elements that do not show (an unknown one, a <span> with no text)
  // leave a <frameset> after them free to replace the body, with them in
  // it. (Fuzz regression crash-2105de8b: the scan kept counting them.)
  const std::string html = absl::StrCat(Repeat("<my-element><span>", 40),
                                        "<frameset><frame></frameset>");
  const size_t gumbo = GumboMeasure(html).nodes;
  EXPECT_LT(gumbo, 10u);
  EXPECT_LE(ScanMarkup(html, INT_MAX).nodes, gumbo);
}

// A heading opened in an inline element in a heading nests: gumbo closes
// only a heading that is the current node (<h1><e> repeated, 1 MB, once
// reached gumbo and its parse budget, 0.36 s). Where an <a> or <nobr> is
// on the list of active formatting elements, the next one's adoption agency
// can make the heading current again in gumbo, and the scan closes it
// (<h2><span><p><a href=x> repeated stays 7 deep).
TEST(NestingTest, AFramesetInATemplateOrAfterOneInTheBodyReplacesNothing) {
  // In a template gumbo drops a <frameset>, and the <div>s after it nest in
  // the template. (hiding_fuzzer crash-7d0f142a: the scan let the frameset
  // replace the body and dropped them.)
  for (const char* before :
       {"<template><frameset>", "<div><template></template><frameset>"}) {
    const std::string html = absl::StrCat(before, Repeat("<div>", 200));
    EXPECT_GT(GumboDepth(html), 200) << before;
    EXPECT_GT(ScanNestingDepth(html, INT_MAX), 200) << before;
    EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << before;
  }
  // A template in the head leaves it to replace the body.
  const std::string head = absl::StrCat(
      "<template><div></div></template><frameset>", Repeat("<div>", 200));
  ExpectShallowInBoth(head, 5);
}

TEST(NestingTest, HeadingsInInlineElementsNestAsGumboBuildsThem) {
  for (const char* shape : {"<h1><e>", "<h2><b><span>"}) {
    const std::string html = Repeat(shape, 40);
    EXPECT_EQ(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << shape;
  }
  const std::string links = Repeat("<h2><span><p><a href=x>", 40);
  EXPECT_LE(ScanNestingDepth(links, INT_MAX), GumboDepth(links));
  EXPECT_EQ(CheckMarkup(Repeat("<h1><e>", 2000), Limits()).code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(NestingTest, ImpliedClosingsDoNotCountAsNesting) {
  for (const char* shape : {"<p>text", "<li>item", "<tr><td>", "<option>",
                            "<a href=x>", "<dt>a<dd>b", "<h1>"}) {
    std::string html = Repeat(shape, 5000);
    EXPECT_LT(ScanNestingDepth(html, INT_MAX), 10) << shape;
    EXPECT_TRUE(CheckMarkup(html, Limits()).ok()) << shape;
  }
}

TEST(NestingTest, AttributesEndWhereTheTokenizerEndsThem) {
  // Names end at white space, '/', '>' or '=' (which may also start one),
  // unquoted values at white space or '>', quoted ones at their quote only:
  // the scan finds each tag's end where gumbo does, and reads its depth.
  for (const char* tag :
       {"<div a=b>", "<div a\t=\tb\f>", "<div a\r\nb>", "<div a/ b>",
        "<div a=x/y>", "<div a='>'>", "<div a=\"/>\">", "<div =a>",
        "<div a=b/>", "<div a==b>", "<div\fa=b>"}) {
    const std::string html = Repeat(tag, 20);
    EXPECT_EQ(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << tag;
  }
  // So do the end tags of raw text: a quote there hides the '>' after it,
  // and the elements after it are the value, dropped with the tag at the
  // end of the input (crash-3440e643: the scan counted the elements).
  for (const char* end_tag : {"<script></script/x='>", "<style></style a=\">",
                              "<title></title b='"}) {
    const std::string html = absl::StrCat(end_tag, Repeat("<s>x", 20));
    EXPECT_LE(ScanMarkup(html, INT_MAX).nodes, GumboMeasure(html).nodes)
        << html;
  }
}

TEST(NestingTest, SelfClosingNestsUnlessTheElementIsForeign) {
  // The tree builder ignores "/>" on an HTML element: <div/> opens a div.
  for (const char* shape :
       {"<div/>", "<span a=b/>", "<b/>", "<svg><foreignObject><div/>"}) {
    const std::string html = Repeat(shape, 30);
    EXPECT_GE(GumboDepth(html), 30) << shape;
    EXPECT_EQ(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << shape;
  }
  // On an <svg>, a <math> or an element inside them it closes it: the
  // closed element is a leaf, which the scan (a lower bound) leaves out.
  for (const char* shape : {"<svg><g/>", "<math><mi/>", "<svg/>", "<math/>"}) {
    const std::string html = Repeat(shape, 30);
    EXPECT_LE(ScanNestingDepth(html, INT_MAX), GumboDepth(html)) << shape;
    EXPECT_EQ(ScanNestingDepth(html, INT_MAX) + 1, GumboDepth(html)) << shape;
  }
  EXPECT_EQ(CheckMarkup(Repeat("<div/>", 50000), Limits()).code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(NestingTest, FiftyThousandDivsAreRefusedWithTheLimitsMessage) {
  absl::Status status = CheckMarkup(Repeat("<div>", 50000), Limits());
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(status.message(),
            "the document nests elements more than 1024 deep; raise "
            "--max_depth or send a smaller document");
}

// A start tag with `count` attributes named by `name(i)`.
template <typename Name>
std::string TagWithAttributes(int count, Name name) {
  std::string tag = "<div";
  for (int i = 0; i < count; ++i) absl::StrAppend(&tag, " ", name(i), "=x");
  return tag + ">text</div>";
}

TEST(MarkupTest, ThousandsOfAttributesOnOneElementAreRefusedBeforeGumbo) {
  const std::string html =
      TagWithAttributes(100000, [](int i) { return absl::StrCat("a", i); });
  EXPECT_EQ(ScanMarkup(html, INT_MAX).most_attributes, 100000u);
  absl::Status status = CheckMarkup(html, Limits());
  EXPECT_EQ(ExceededLimit(status), Limit::kMaxParseMsPerMb);
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("an element has 100000 attributes"));
  EXPECT_THAT(std::string(status.message()),
              ::testing::HasSubstr("--max_parse_ms_per_mb=250"));
}

TEST(MarkupTest, AttributeChecksAreCountedAsGumboMakesThem) {
  // Each distinct name against every one before it; gumbo lowercases names
  // and drops a duplicate at its first comparison that matches.
  const std::string distinct =
      TagWithAttributes(5000, [](int i) { return absl::StrCat("a", i); });
  EXPECT_EQ(ScanMarkup(distinct, INT_MAX).attribute_checks,
            uint64_t{5000} * 4999 / 2);
  EXPECT_TRUE(CheckMarkup(distinct, Limits()).ok());
  const std::string duplicates =
      TagWithAttributes(100000, [](int i) { return i % 2 ? "a" : "A"; });
  EXPECT_EQ(ScanMarkup(duplicates, INT_MAX).most_attributes, 1u);
  EXPECT_TRUE(CheckMarkup(duplicates, Limits()).ok());
  // Few attributes are not counted; nor are those of end tags, comments
  // and raw text, which gumbo does not check.
  EXPECT_EQ(ScanMarkup(TagWithAttributes(
                           1000, [](int i) { return absl::StrCat("a", i); }),
                       INT_MAX)
                .attribute_checks,
            0u);
  const std::string many =
      TagWithAttributes(5000, [](int i) { return absl::StrCat("a", i); });
  const std::string tag = many.substr(0, many.find('>') + 1);
  for (const std::string& ignored :
       {"<p>x</p" + tag.substr(4), "<!--" + tag + "-->",
        "<script>" + tag + "</script>"}) {
    EXPECT_EQ(ScanMarkup(ignored, INT_MAX).attribute_checks, 0u) << ignored;
  }
}

// The content of an <svg> is listed (for inert_text.h's cut) only where it
// can change nothing outside its <svg> as gumbo builds the tree.
TEST(MarkupTest, SvgContentIsListedWhereItChangesNothingOutside) {
  const std::string content =
      "<path d=\"M0 0h24v24H0z\"/> <g fill=red><circle r=1></circle>"
      "<svg><rect/></svg><!-- icon --></G>";
  const std::string listed[] = {
      absl::StrCat("<p>a<svg viewBox=\"0 0 1 1\">", content, "</svg>b"),
      absl::StrCat("<table><svg>", content, "</SVG></table>"),
      absl::StrCat("<math><mi><svg>", content, "</svg></mi></math>"),
  };
  for (const std::string& html : listed) {
    const std::vector<ByteRange> contents =
        ScanMarkup(html, INT_MAX).svg_contents;
    ASSERT_EQ(contents.size(), 1u) << html;
    EXPECT_EQ(
        html.substr(contents[0].begin, contents[0].end - contents[0].begin),
        content);
  }
  const std::string not_listed[] = {
      "<svg><text>Share</text></svg>",       // text
      "<svg><g>&#32;</g></svg>",             // text, however it reads
      "<svg>a < b</svg>",                    // text
      "<svg><![CDATA[ ]]></svg>",            // text
      "<svg><g><div></div></g></svg>",       // breaks out of SVG
      "<svg><font color=red></font></svg>",  // breaks out of SVG
      "<svg><title></title></svg>",          // HTML integration points
      "<svg><desc></desc></svg>",            //
      "<svg><foreignObject></foreignObject></svg>",
      "<svg><math></math></svg>",
      "<p><svg><g></p></g></svg>",  // closes the <p> and <svg>
      "<svg><g></g foo></svg>",     // matches no element
      "<svg><g></g></svg >",        // nor this one (gumbo 0.10's foreign rules)
      "<svg><path a a b/></svg>",   // a repeated attribute name
      "<svg><!-- a --!><g> --></svg>",        // where the comment ends
      "<svg/><g></g></svg>",                  // no content
      "<svg><g></g>",                         // never closed
      "<select><svg><g></g></svg></select>",  // the select drops the <svg>
  };
  for (const std::string& html : not_listed) {
    EXPECT_THAT(ScanMarkup(html, INT_MAX).svg_contents, testing::IsEmpty())
        << html;
  }
  // Inside an integration point of an <svg> not listed, another is.
  const std::string inner = "<svg><foreignObject><svg><g></g></svg>";
  EXPECT_EQ(ScanMarkup(inner, INT_MAX).svg_contents.size(), 1u);
}

}  // namespace
}  // namespace lede::engine
