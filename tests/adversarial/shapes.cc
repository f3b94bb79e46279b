#include "tests/adversarial/shapes.h"

#include <cstdint>
#include <random>

#include "absl/strings/str_cat.h"

namespace lede::adversarial {
namespace {

constexpr size_t kMB = 1 << 20;

// `head`, then `unit` repeated until the document has `bytes` bytes, then
// `tail`.
std::string Repeat(absl::string_view head, absl::string_view unit,
                   absl::string_view tail, size_t bytes) {
  std::string out(head);
  out.reserve(bytes + tail.size() + unit.size());
  while (out.size() + tail.size() < bytes) out.append(unit.data(), unit.size());
  out.append(tail.data(), tail.size());
  return out;
}

constexpr char kPage[] = "<html><head><title>t</title></head><body>";

std::string DivNesting(size_t bytes) { return Repeat("", "<div>", "x", bytes); }
// The <div>s follow an SVG <style>, whose text gumbo reads as markup (the
// first <div> breaks out of the SVG): the pre-scan once read them as the
// style's text, and left gumbo to build them until its parse budget.
std::string NestingAfterForeignStyle(size_t bytes) {
  return Repeat("<svg><style>", "<div>", "x", bytes);
}
// The same in a <noscript>, whose content gumbo (scripting off) reads as
// markup too.
std::string NestingInNoscript(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<noscript>"), "<div>", "x", bytes);
}
// The same after a comment that "--!>" ends, a "-->" far behind: the scan
// once read on to the "-->".
std::string NestingAfterBangComment(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<!-- x --!>"), "<div>", "-->", bytes);
}
// The same in an SVG <desc> inside an SVG <select>, an element like any
// other: the scan once took it for a select, which drops the <div>s.
std::string NestingInForeignSelect(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<svg><select><desc>"), "<div>", "x",
                bytes);
}
// The same in a template's cell after a select there, which the cell ends
// (gumbo's template takes a first <td> as a row's): the scan once dropped
// the cells and the <div>s in them.
std::string NestingInTemplateCell(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<template><td><select><td>"), "<div>", "x",
                bytes);
}
// The same after an SVG <font> and <select> (a <font> without color, face
// or size stays SVG's): the scan once broke out at the <font> and took the
// <select> for HTML's, which drops the <div>s.
std::string NestingAfterForeignFont(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<svg><font><select>"), "<div>", "x",
                bytes);
}
// The same beside a table, after a select there that a </tr> ends: the
// row gumbo implied around the cell stays open after </td>, and the scan,
// which once implied none, stayed in the select, which drops the <div>s.
std::string NestingBesideImpliedRow(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<table><td></td><select></tr>"), "<div>",
                "x", bytes);
}
// The same in a template in a table's cell, where gumbo ignores </tr>: the
// scan once closed the row, and the template with it.
std::string NestingInTemplateInCell(size_t bytes) {
  return Repeat(
      absl::StrCat(kPage, "<table><tr><td><template></tr><select><td><select>"),
      "<div>", "x", bytes);
}
// The same after an SVG that gumbo closes with a formatting element it
// reopened beside a table: the scan once kept the SVG open, and read the
// <div>s in the SVG's <select> as in an HTML one, which drops them.
std::string NestingAfterReopenedLink(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<table><a><table><x><a><svg></y><select>"),
                "<div>", "x", bytes);
}
// The same after "<![CDATA[" behind an SVG that gumbo closes with the
// formatting element it reopened around it: gumbo reads a bogus comment to
// the first '>', the scan once a CDATA section to the end.
std::string NestingAfterCdataInClosedSvg(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<p><i></p><svg></i><![CDATA["), "<div>",
                "x", bytes);
}
std::string FiftyThousandDivs(size_t) {
  return Repeat("", "<div>", "x", 5 * 50000 + 1);
}
// A heading in an inline element in a heading, again and again: gumbo
// closes only a heading that is the current node, so each nests.
std::string HeadingNesting(size_t bytes) {
  return Repeat("", "<h1 class=title><e class=inline>", "x", bytes);
}
std::string MisnestedFormatting(size_t bytes) {
  return Repeat(kPage, "<b><i><u><s>x</b>", "", bytes);
}
std::string AdoptionAgency(size_t bytes) {
  return Repeat(kPage, "<a href=x><p>text", "", bytes);
}
std::string TableNesting(size_t bytes) {
  return Repeat(kPage, "<table><tr><td>", "x", bytes);
}
std::string SelectNesting(size_t bytes) {
  return Repeat(kPage, "<select><option>x", "", bytes);
}
std::string ListNesting(size_t bytes) {
  return Repeat(kPage, "<ul><li>", "x", bytes);
}
std::string ManyAttributes(size_t) {
  std::string out = absl::StrCat(kPage, "<div");
  for (int i = 0; i < 100000; ++i) absl::StrAppend(&out, " a", i, "=x");
  return out + ">text</div>";
}
// One of a <b>'s 1 000 attributes written again without a value, over and
// over (gumbo recording no errors would run each repeat into the next
// name; the parse blanks them, repeated_attributes.h), and the <b> reopened
// in 200 paragraphs, each copy repeating its start tag.
std::string RepeatedAttributes(size_t bytes) {
  std::string out = absl::StrCat(kPage, "<p><b");
  for (int i = 0; i < 1000; ++i) absl::StrAppend(&out, " a", i);
  out = Repeat(out, " a7", " z>x", bytes - 4000);
  for (int i = 0; i < 200; ++i) out += "<p>y";
  return out;
}
// A <b> with 2 000 attributes reopened in each paragraph after it: the tree
// builder copies the element, attributes and all, for every one.
std::string ReopenedAttributes(size_t bytes) {
  std::string out = absl::StrCat(kPage, "<p><b");
  for (int i = 0; i < 2000; ++i) absl::StrAppend(&out, " a", i);
  out += ">x";
  // Within --max_nodes_per_mb: two nodes a paragraph.
  const size_t paragraphs = bytes / 14;
  for (size_t i = 0; i < paragraphs; ++i) out += "<p>y";
  out.resize(std::max(out.size(), bytes), ' ');
  return out;
}
std::string HugeAttributeValue(size_t bytes) {
  return absl::StrCat(kPage, "<p title=\"", std::string(bytes, 'x'),
                      "\">Some text.</p>");
}
std::string CharacterReferences(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<p>"), "&amp;&#x41;&lt;&eacute;&#20013;",
                "</p>", bytes);
}
std::string HugeComment(size_t bytes) {
  return absl::StrCat(kPage, "<!--", std::string(bytes, '-'),
                      "--><p>Some text after it.</p>");
}
std::string UnclosedTags(size_t bytes) {
  return Repeat(kPage, "<a href=\"x\" ", "", bytes);
}
std::string NulBytes(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<p>"), std::string("a\0b ", 4), "", bytes);
}
std::string InvalidUtf8(size_t bytes) {
  return Repeat(absl::StrCat(kPage, "<p>"), "text \xFF\xFE\xC3 \xE2\x82 ",
                "</p>", bytes);
}
std::string MixedCharsets(size_t bytes) {
  // UTF-8 "café", GBK "中文", Shift_JIS "テスト", one after another.
  return Repeat(absl::StrCat(kPage, "<p>"),
                "caf\xC3\xA9 \xD6\xD0\xCE\xC4 \x83\x65\x83\x58\x83\x67 ",
                "</p>", bytes);
}
std::string YamlAliasBomb(size_t) {
  // Nine levels of nine aliases: 9^9 (387 million) strings if expanded.
  std::string yaml =
      "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level < 10; ++level) {
    absl::StrAppend(&yaml, "a", level, ": &a", level, " [");
    for (int i = 0; i < 9; ++i) {
      absl::StrAppend(&yaml, i ? ", " : "", "*a", level - 1);
    }
    absl::StrAppend(&yaml, "]\n");
  }
  return yaml + "title: *a9\ntags: *a9\n---\n\n# A bomb\n\nSome text.\n";
}
std::string DeepJsonLd(size_t bytes) {
  const size_t depth = bytes / 2;
  return absl::StrCat("<html><head><script type=\"application/ld+json\">",
                      std::string(depth, '['), std::string(depth, ']'),
                      "</script></head><body><p>Some text.</p></body></html>");
}
std::string DeepJsonLdObjects(size_t bytes) {
  std::string json;
  const size_t depth = bytes / 12;
  for (size_t i = 0; i < depth; ++i) json += "{\"author\":";
  json += "\"x\"" + std::string(depth, '}');
  return absl::StrCat("<html><head><script type=\"application/ld+json\">", json,
                      "</script></head><body><p>Some text.</p></body></html>");
}
std::string HugeSrcset(size_t bytes) {
  std::string srcset;
  for (int i = 0; srcset.size() < bytes; ++i) {
    absl::StrAppend(&srcset, i ? ", " : "", "/img/", i, ".jpg ", i + 1, "w");
  }
  return absl::StrCat(kPage, "<article><p>Some text of the article.</p>",
                      "<img src=\"/a.jpg\" srcset=\"", srcset,
                      "\"></article></body></html>");
}
std::string MarkdownTable(size_t bytes) {
  return Repeat("# A table\n\n| a | b | c | d | e |\n|---|---|---|---|---|\n",
                "| cell | cell | cell | cell | cell |\n", "", bytes);
}
// Headings nested 480 deep (two levels each: under --max_depth), each with a
// run of empty elements and a hidden panel after it: a closed accordion's
// toggle holds the next one, so each panel's check of its toggle
// (content_tree.cc) meets every toggle below.
std::string NestedPanelToggles(size_t bytes) {
  constexpr size_t kDepth = 480;
  const size_t run = bytes / kDepth / 7;
  std::string empties;
  for (size_t i = 0; i < run; ++i) empties += "<i></i>";
  std::string out = absl::StrCat(kPage, "<p>Some text of the page.</p>");
  for (size_t i = 0; i < kDepth; ++i)
    absl::StrAppend(&out, "<div><h2>", empties);
  for (size_t i = 0; i < kDepth; ++i) out += "</h2><div hidden></div></div>";
  return out;
}
// Accordion headers nested 400 deep, each a toggle naming many ids but not
// the hidden panel after its header: each panel's check of its header
// (content_tree.cc, HoldsToggleOf) reads the toggles of the headers nested
// in it as well.
std::string NestedAriaControls(size_t bytes) {
  constexpr size_t kDepth = 400;
  const size_t ids = bytes / kDepth / 6;
  std::string named;
  for (size_t i = 0; i < ids; ++i)
    absl::StrAppend(&named, i ? " " : "", "q", i % 10);
  std::string out = absl::StrCat(kPage, "<p>Some text of the page.</p>");
  for (size_t i = 0; i < kDepth; ++i) {
    absl::StrAppend(&out, "<div><a role=button aria-controls=\"", named,
                    "\">Open</a>");
  }
  for (size_t i = 0; i < kDepth; ++i) {
    absl::StrAppend(&out, "</div><div id=p", i, " hidden>Closed.</div>");
  }
  return out;
}
// Google Tag Manager's snippet written self-closed, again and again: each
// parse brings to light the <noscript> the last one read as an <iframe>'s
// text, and the parser closes that raw text and parses again
// (noscript_raw_text.h), a bounded number of times.
std::string NoscriptRawTextChain(size_t bytes) {
  constexpr absl::string_view kLink =
      "<noscript><iframe src=x height=0 width=0 /></noscript><p>Text.</p>";
  std::string out = absl::StrCat(kPage, "<p>Some text of the page.</p>");
  while (out.size() + kLink.size() <= bytes) absl::StrAppend(&out, kLink);
  return out;
}
// A MathML <select> that gumbo 0.10.1's reset of the insertion mode takes
// for HTML's, failing one of its assertions (bounded_parse.h), which once
// aborted the process.
std::string GumboFailedCheck(size_t /*bytes*/) {
  return absl::StrCat(kPage,
                      "<table><math><select><mi><template></template><tr>");
}
std::string RandomBytes(size_t bytes) {
  std::mt19937 random(19);
  std::string out(bytes, '\0');
  for (char& byte : out) byte = static_cast<char>(random() & 0xFF);
  return out;
}

}  // namespace

const std::vector<Shape>& Shapes() {
  using absl::StatusCode;
  // clang-format off
  static const std::vector<Shape>* shapes = new std::vector<Shape>{
      {"div nesting", "unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, DivNesting},
      {"50 000 divs", "50 000 unclosed <div>s (250 KB)", "", StatusCode::kResourceExhausted, 0, FiftyThousandDivs},
      {"div nesting after an SVG style", "<svg><style>, then unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingAfterForeignStyle},
      {"div nesting in a noscript", "<noscript>, then unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingInNoscript},
      {"div nesting after a --!> comment", "<!-- x --!>, then unclosed <div>s and a \"-->\", 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingAfterBangComment},
      {"div nesting in an SVG select", "<svg><select><desc>, then unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingInForeignSelect},
      {"div nesting in a template's cell", "<template><td><select><td>, then unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingInTemplateCell},
      {"div nesting after an SVG font", "<svg><font><select>, then unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingAfterForeignFont},
      {"div nesting beside an implied row", "<table><td></td><select></tr>, then unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingBesideImpliedRow},
      {"div nesting in a template in a cell", "<table><tr><td><template></tr><select><td><select>, then unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingInTemplateInCell},
      {"div nesting after a reopened link", "<table><a><table><x><a><svg></y><select>, then unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingAfterReopenedLink},
      {"div nesting after CDATA in a closed SVG", "<p><i></p><svg></i><![CDATA[, then unclosed <div>s, 1 MB", "", StatusCode::kResourceExhausted, kMB, NestingAfterCdataInClosedSvg},
      {"heading nesting", "<h1><e> repeated: a heading in an inline element in a heading, 1 MB", "", StatusCode::kResourceExhausted, kMB, HeadingNesting},
      {"misnested b/i", "<b><i><u><s>x</b> repeated: the adoption agency reopens i, u, s ever deeper", "", StatusCode::kResourceExhausted, kMB, MisnestedFormatting},
      {"adoption agency", "<a href=x><p>text repeated: a link around each paragraph, never closed", "", StatusCode::kResourceExhausted, kMB, AdoptionAgency},
      {"table nesting", "<table><tr><td> repeated", "", StatusCode::kResourceExhausted, kMB, TableNesting},
      {"select nesting", "<select><option>x repeated", "", StatusCode::kOk, kMB, SelectNesting},
      {"list nesting", "<ul><li> repeated", "", StatusCode::kResourceExhausted, kMB, ListNesting},
      {"100 000 attributes", "one element with 100 000 attributes (0.9 MB)", "", StatusCode::kResourceExhausted, 0, ManyAttributes},
      {"repeated attributes", "a <b> with 1 000 attributes, one written again without a value to 1 MB, reopened in 200 paragraphs", "", StatusCode::kOk, kMB, RepeatedAttributes},
      {"reopened attributes", "a <b> with 2 000 attributes, reopened (copied) in 75 000 paragraphs, 1 MB", "", StatusCode::kResourceExhausted, kMB, ReopenedAttributes},
      {"10 MB attribute", "one attribute value of 10 MB", "", StatusCode::kOk, 10 * kMB, HugeAttributeValue},
      {"character references", "1 MB of named and numeric character references", "", StatusCode::kOk, kMB, CharacterReferences},
      {"10 MB comment", "one comment of 10 MB", "", StatusCode::kOk, 10 * kMB, HugeComment},
      {"unclosed tags", "tags that never close, to the end of the input", "", StatusCode::kOk, kMB, UnclosedTags},
      {"NUL bytes", "text with a NUL in every four bytes", "", StatusCode::kInvalidArgument, kMB, NulBytes},
      {"invalid UTF-8", "text with bytes that are not UTF-8", "", StatusCode::kOk, kMB, InvalidUtf8},
      {"mixed charsets", "UTF-8, GBK and Shift_JIS in turn", "", StatusCode::kOk, kMB, MixedCharsets},
      {"YAML alias bomb", "front matter of nine levels of nine aliases (9^9 strings if expanded)", "text/markdown", StatusCode::kOk, 0, YamlAliasBomb},
      {"deep JSON-LD arrays", "JSON-LD nested 0.5 million arrays deep", "", StatusCode::kOk, kMB, DeepJsonLd},
      {"deep JSON-LD objects", "JSON-LD nested 87 000 objects deep", "", StatusCode::kOk, kMB, DeepJsonLdObjects},
      {"huge srcset", "an <img> with 1 MB of srcset candidates", "", StatusCode::kOk, kMB, HugeSrcset},
      {"Markdown table", "a 1 MB Markdown table", "text/markdown", StatusCode::kResourceExhausted, kMB, MarkdownTable},
      {"nested panel toggles", "headings nested 480 deep, each with empty elements and a hidden panel after it", "", StatusCode::kOk, kMB, NestedPanelToggles},
      {"nested aria-controls", "accordion headers nested 400 deep, each a toggle naming 1 MB / 2400 ids, none the panel after it", "", StatusCode::kOk, kMB, NestedAriaControls},
      {"noscript raw text", "1 MB of self-closed <iframe/>s, each in a <noscript>, each the rest of the page as text to the parse before", "", StatusCode::kOk, kMB, NoscriptRawTextChain},
      {"gumbo's failed check", "a MathML <select> in a table, which gumbo 0.10.1 takes for HTML's and fails an assertion on", "", StatusCode::kInvalidArgument, 0, GumboFailedCheck},
      {"random bytes", "1 MB of random bytes", "", StatusCode::kInvalidArgument, kMB, RandomBytes},
  };
  // clang-format on
  return *shapes;
}

}  // namespace lede::adversarial
