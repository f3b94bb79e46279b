#include "server/engine/block_walker.h"

#include <iterator>
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/content_tree.h"
#include "server/engine/dom.h"

namespace lede::engine::content {
namespace {

// One walk of `html`'s body, kept whole.
struct Walked {
  std::vector<DraftBlock> blocks;
  int dropped_discussion = 0;
};

Walked WalkOf(const std::string& html) {
  absl::StatusOr<Dom> dom = Dom::Parse(html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok());
  if (!dom.ok()) return {};
  Skips skips;
  StatsMap stats = MeasureTree(dom->body(), skips);
  ClassReadings classes;
  KeepPolicy policy(stats, skips, content_rules::kBalancedBias, {}, &classes);
  BlockWalker walker(policy, "https://example.com/");
  walker.Walk(dom->body(), /*is_top=*/true);
  return {walker.TakeBlocks(), walker.dropped_discussion()};
}

// Each draft of a walk as "kind level: text", "~" marking loose text and
// "+" text that continues the list item before it.
std::string Walk(const std::string& html) {
  std::string out;
  for (const DraftBlock& draft : WalkOf(html).blocks) {
    const char* kinds[] = {"h", "p", "li", "quote", "code", "tr", "figure"};
    absl::StrAppend(&out, kinds[static_cast<int>(draft.block.kind)],
                    draft.block.level, draft.loose ? "~" : "",
                    draft.block.continues_item ? "+" : "", ": ",
                    draft.block.text, "\n");
  }
  return out;
}

// The elements MeasureTree hands to the passes after it: the body and what
// the walk entered below it, in document order with their tags, none that
// the skips leave out or that sits inside one.
TEST(BlockWalkerTest, MeasureTreeListsTheElementsItEntered) {
  absl::StatusOr<Dom> dom = Dom::Parse(
      "<body><div id=a><p>One <b>two</b></p><nav><ul><li>x</ul></nav></div>"
      "<script>y()</script><section><p>Three</section></body>",
      Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  Skips skips;
  const GumboNode* section =
      static_cast<const GumboNode*>(dom->body()->v.element.children.data[2]);
  ASSERT_TRUE(IsElement(section, GUMBO_TAG_SECTION));
  skips.left_out.insert(section);
  std::vector<EnteredElement> entered;
  MeasureTree(dom->body(), skips, &entered);
  std::vector<GumboTag> tags;
  for (const EnteredElement& element : entered) {
    EXPECT_EQ(element.tag, element.node->v.element.tag);
    tags.push_back(element.tag);
  }
  EXPECT_THAT(tags, testing::ElementsAre(GUMBO_TAG_BODY, GUMBO_TAG_DIV,
                                         GUMBO_TAG_P, GUMBO_TAG_B));
  EXPECT_EQ(entered.front().node, dom->body());
}

// MeasureTree's map: an entry for each element that holds text or a flag,
// none for the others; a subtree's counts in its entry and in each one above
// it up to the body, except a dialog's, which stop at the dialog.
TEST(BlockWalkerTest, MeasureTreeCountsEachSubtreeForItsAncestors) {
  absl::StatusOr<Dom> dom = Dom::Parse(
      "<body><div id=a><p id=p1>Hello, world</p><a id=l href=/x>Link "
      "text</a><div id=empty></div></div><div id=d role=dialog><p "
      "id=p2>Accept all</p></div><main id=m><h1 id=h>Title</h1></main>"
      "<script>var x, y;</script></body>",
      Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  StatsMap stats = MeasureTree(dom->body(), Skips());
  auto by_id = [&](absl::string_view id) {
    const GumboNode* found = nullptr;
    WalkTree(dom->body(), [&](const GumboNode* node, int) {
      if (node->type == GUMBO_NODE_ELEMENT && Attribute(node, "id") == id) {
        found = node;
      }
      return found == nullptr;
    });
    return found;
  };
  struct Expected {
    const char* id;  // "" for the body
    int text, link, punctuation;
    bool landmark, main, dialog;
  };
  const Expected kExpected[] = {
      {"", 24, 8, 1, true, true, false},
      {"a", 19, 8, 1, false, false, false},
      {"p1", 11, 0, 1, false, false, false},
      {"l", 8, 8, 0, false, false, false},
      {"d", 9, 0, 0, false, false, true},
      {"p2", 9, 0, 0, false, false, true},
      {"m", 5, 0, 0, true, false, false},
      {"h", 5, 0, 0, false, false, false},
  };
  EXPECT_EQ(stats.size(), std::size(kExpected));
  EXPECT_FALSE(stats.contains(by_id("empty")));
  for (const Expected& expected : kExpected) {
    SCOPED_TRACE(expected.id);
    const GumboNode* node = *expected.id ? by_id(expected.id) : dom->body();
    ASSERT_NE(node, nullptr);
    auto it = stats.find(node);
    ASSERT_NE(it, stats.end());
    const NodeStats& s = it->second;
    EXPECT_EQ(s.text_length, expected.text);
    EXPECT_EQ(s.link_length, expected.link);
    EXPECT_EQ(s.punctuation, expected.punctuation);
    EXPECT_TRUE(s.holds_text);
    EXPECT_EQ(s.holds_landmark, expected.landmark);
    EXPECT_EQ(s.holds_main, expected.main);
    EXPECT_EQ(s.in_dialog, expected.dialog);
  }
}

// Sized from the page's element count, the map holds the same entries with
// the same counts.
TEST(BlockWalkerTest, MeasureTreeSizedFromTheElementCountMeasuresTheSame) {
  absl::StatusOr<Dom> dom = Dom::Parse(
      "<body><div><p>Hello, world</p><a href=/x>Link text</a></div><div "
      "role=dialog><p>Accept all</p></div><main><h1>Title</h1></main></body>",
      Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  const StatsMap unsized = MeasureTree(dom->body(), Skips());
  std::vector<EnteredElement> entered;
  const StatsMap sized =
      MeasureTree(dom->body(), Skips(), &entered, dom->element_count());
  EXPECT_EQ(entered.size(), 8u);
  ASSERT_EQ(sized.size(), unsized.size());
  for (const auto& [node, s] : unsized) {
    auto it = sized.find(node);
    ASSERT_NE(it, sized.end());
    EXPECT_EQ(it->second.text_length, s.text_length);
    EXPECT_EQ(it->second.link_length, s.link_length);
    EXPECT_EQ(it->second.punctuation, s.punctuation);
    EXPECT_EQ(it->second.holds_landmark, s.holds_landmark);
    EXPECT_EQ(it->second.holds_main, s.holds_main);
    EXPECT_EQ(it->second.in_dialog, s.in_dialog);
  }
}

TEST(BlockWalkerTest, CountNonSpaceCodePointsCountsEveryRunOfALongText) {
  // 15 bytes, 10 code points that are not space; 40 times over, past the
  // 255 bytes a run of the count holds.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "h\u00E9llo w\u00F6rld\t\n";
  EXPECT_EQ(CountNonSpaceCodePoints(text), 400);
  EXPECT_EQ(CountNonSpaceCodePoints(text.substr(0, 255)), 170);
  EXPECT_EQ(CountNonSpaceCodePoints(" \r\n\t"), 0);
  EXPECT_EQ(CountNonSpaceCodePoints(""), 0);
  // A form feed and a no-break space are not the white space it passes.
  EXPECT_EQ(CountNonSpaceCodePoints("a\fb\u00A0c"), 5);
}

// Punctuation counts commas and the Chinese comma, full stop and enumeration
// comma, wherever they stand in a text, and no other character.
TEST(BlockWalkerTest, MeasureTreeCountsCommasAndChineseMarks) {
  absl::StatusOr<Dom> dom = Dom::Parse(
      "<body><p id=zh>，开头、中间,结尾。</p><p id=one>,</p><p "
      "id=none>「引号」！？；：…</p></body>",
      Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  StatsMap stats = MeasureTree(dom->body(), Skips());
  auto punctuation = [&](int child) {
    const auto* node = static_cast<const GumboNode*>(
        dom->body()->v.element.children.data[child]);
    return stats[node].punctuation;
  };
  EXPECT_EQ(punctuation(0), 4);
  EXPECT_EQ(punctuation(1), 1);
  EXPECT_EQ(punctuation(2), 0);
  EXPECT_EQ(stats[dom->body()].punctuation, 5);
}

// ReadAnyway reads the <noscript>s and <h1>s a walk from the body reaches:
// not one in a <template>, or inside a <noscript> or an <h1>.
TEST(BlockWalkerTest, ReadAnywayReadsWhatAWalkFromTheBodyReaches) {
  std::string copy = "<p>";
  for (int i = 0; i < 4; ++i) {
    copy +=
        "The post, as the crawler reads it, in sentences long enough to "
        "count as a copy of what the script renders on the page. ";
  }
  copy += "</p>";
  absl::StatusOr<Dom> dom =
      Dom::Parse(std::string("<body>") + "<aside id=a><h1>Title</h1></aside>" +
                     "<template><aside id=b><h1>Title</h1></aside></template>" +
                     "<h1><aside id=c><h1>Title</h1></aside></h1>" +
                     "<div id=d><noscript>" + copy + "</noscript></div>" +
                     "<noscript><div><noscript>" + copy +
                     "</noscript></div></noscript>" + "</body>",
                 Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  std::vector<std::string> read;
  for (const GumboNode* node :
       ReadAnyway(dom->body(), dom->noscripts_and_h1s(), "Title")) {
    read.push_back(absl::StrCat(TagName(node), "#",
                                Attribute(node->parent, "id"),
                                Attribute(node, "id")));
  }
  EXPECT_THAT(read, testing::ElementsAre("aside#a", "noscript#d"));
}

TEST(BlockWalkerTest, EachElementPopsOnlyWhatItPushed) {
  EXPECT_EQ(Walk("<ul><li>item one<table><tr><td><p>cell text</p></td></tr>"
                 "</table>tail of the item</li><li>item two</li></ul>"
                 "<p>After the list.</p><ul><li>Next list</li></ul>"),
            "li0~: item one\n"
            "li0+: cell text\n"
            "li0~+: tail of the item\n"
            "li0~: item two\n"
            "p0: After the list.\n"
            "li0~: Next list\n");
  EXPECT_EQ(Walk("<ul><li>one<figure><blockquote><p>quoted</p></blockquote>"
                 "</figure>tail</li></ul><p>After.</p>"),
            "li0~: one\nquote0: quoted\nli0~+: tail\np0: After.\n");
}

TEST(BlockWalkerTest, NestedListsHeadingsAndCode) {
  EXPECT_EQ(Walk("<h2>Plan</h2><ol><li>Schools<ul><li>new roofs</li></ul>"
                 "</li></ol><pre>\n\nline one\n  line two  \n</pre>"),
            "h2~: Plan\nli0~: Schools\nli1~: new roofs\n"
            "code0~: line one\n  line two\n");
}

TEST(BlockWalkerTest, WhiteSpaceAloneMakesNoBlock) {
  // The markup's white space between blocks, a code block of blank lines
  // and a paragraph of a form feed and a tab give nothing.
  EXPECT_EQ(Walk("<div>\n  <p>One</p>\n\t<pre>\n   \n</pre> <p>\f\t</p>"
                 "<p>Two</p>\n</div>"),
            "p0: One\np0: Two\n");
}

TEST(BlockWalkerTest, CodeLineElementsAreLinesOfOneCodeBlock) {
  // Shiki's lines with no newline between them; an empty one is a blank
  // line.
  EXPECT_EQ(Walk("<pre class=shiki><code><span class=line><span>npm</span>"
                 "<span> i</span></span><span class=line></span>"
                 "<span class=line>cd app</span></code></pre>"),
            "code0~: npm i\n\ncd app\n");
  // CodeMirror's rows, each ending in a <br>: one block, not one a row.
  EXPECT_EQ(Walk("<pre><code><div class=cm-line>f() {<br></div>"
                 "<div class=cm-line>  return 1;<br></div>"
                 "<div class=cm-line><br></div><div class=cm-line>}</div>"
                 "</code></pre>"),
            "code0~: f() {\n  return 1;\n\n}\n");
  // Nested line elements make one line; a <br> in code breaks the line.
  EXPECT_EQ(Walk("<pre><div class=ec-line><div class=code>a</div></div>"
                 "<div class=ec-line><div class=code>b<br>c</div></div></pre>"),
            "code0~: a\nb\nc\n");
  // Outside code, a class named "line" is no line.
  EXPECT_EQ(Walk("<p><span class=line>a</span><span class=line>b</span></p>"),
            "p0: ab\n");
}

TEST(BlockWalkerTest, CodeLinesWithTheirOwnNewlinesAreNotDoubled) {
  const std::string want = "code0~: a = 1\n\n  b = 2\n";
  // Shiki with newlines between its lines.
  EXPECT_EQ(Walk("<pre><code><span class=line>a = 1</span>\n"
                 "<span class=line></span>\n<span class=line>  b = 2</span>"
                 "</code></pre>"),
            want);
  // Hugo's (Chroma's) lines, each ending in its newline.
  EXPECT_EQ(Walk("<pre><code><span class=line><span class=cl>a = 1\n</span>"
                 "</span><span class=line><span class=cl>\n</span></span>"
                 "<span class=line><span class=cl>  b = 2\n</span></span>"
                 "</code></pre>"),
            want);
  // The markup's indentation between line elements stays the next line's.
  EXPECT_EQ(Walk("<pre><code>\n<span class=line>a = 1</span>\n"
                 "<span class=line></span>\n  <span class=line>b = 2</span>"
                 "</code></pre>"),
            want);
  EXPECT_EQ(Walk("<pre>a = 1\n\n  b = 2\n</pre>"), want);
}

TEST(BlockWalkerTest, PicturesRowsAndBreaks) {
  EXPECT_EQ(Walk("<div><img src=a.jpg width=640>The chamber<p>One<br>Two</p>"
                 "<table><tr><td>Oslo</td><td>1.2</td></tr></table>"
                 "<img src=pixel.gif width=1 height=1></div>"),
            "figure0: \np0~: The chamber\np0: One\np0: Two\ntr0: Oslo 1.2\n");
}

TEST(BlockWalkerTest, DroppedDiscussionIsCounted) {
  const std::string prose =
      "<p>The council voted on Tuesday to approve the new budget.</p>";
  Walked walked = WalkOf("<div>" + prose + prose + prose +
                         "</div><div class=comments>" + prose + "</div>");
  // The thread's code points of prose, spaces left out.
  EXPECT_EQ(walked.dropped_discussion, 46);
  EXPECT_EQ(walked.blocks.size(), 3u);
}

TEST(BlockWalkerTest, TextInLinksWithinTheSiteIsCounted) {
  // The page is https://example.com/: relative links, its own host and its
  // subdomains are the site; another host, a fragment and mail are not.
  Walked walked = WalkOf(
      "<h3><a href=/2024/other-story>Other story</a></h3>"
      "<p>See <a href='https://news.example.com/x'>the news</a> and "
      "<a href='https://elsewhere.org/y'>elsewhere</a>.</p>"
      "<p><a href='#top'>Top</a> <a href='mailto:a@example.com'>Mail</a> "
      "<a href='//www.example.com/z'>Site</a></p>");
  ASSERT_EQ(walked.blocks.size(), 3u);
  EXPECT_EQ(walked.blocks[0].block.site_link_length, 10);
  EXPECT_EQ(walked.blocks[1].block.site_link_length, 7);
  EXPECT_EQ(walked.blocks[2].block.site_link_length, 4);
  // Every link counts toward link_length, wherever it points.
  EXPECT_EQ(walked.blocks[0].block.link_length, 10);
  EXPECT_EQ(walked.blocks[1].block.link_length, 16);
  EXPECT_EQ(walked.blocks[2].block.link_length, 11);
}

TEST(BlockWalkerTest, AnAbsoluteLinksHostIsReadAsWritten) {
  // Its scheme and host in capitals, dot segments in its path: the site's
  // all the same. A script's pseudo-URL and a broken one name no host.
  Walked walked = WalkOf(
      "<p><a href='HTTPS://News.EXAMPLE.com/a/../b'>Kept</a> "
      "<a href='javascript:void(0)'>Menu</a> "
      "<a href='https://exa mple.com/'>Broken</a></p>");
  ASSERT_EQ(walked.blocks.size(), 1u);
  EXPECT_EQ(walked.blocks[0].block.site_link_length, 4);
  EXPECT_EQ(walked.blocks[0].block.link_length, 14);
}

}  // namespace
}  // namespace lede::engine::content
