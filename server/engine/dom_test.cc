#include "server/engine/dom.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

TEST(DomTest, ParsesAndReadsText) {
  absl::StatusOr<Dom> dom =
      Dom::Parse("<p>Hello <b>world</b><script>x()</script></p>", Limits(),
                 absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  EXPECT_EQ(TextContent(dom->body()), "Hello world");
}

// The walk that checks the tree lists every <noscript> and <h1>, in
// document order: in the head, in a <template>, inside one another.
TEST(DomTest, ListsTheNoscriptsAndH1sInDocumentOrder) {
  absl::StatusOr<Dom> dom = Dom::Parse(
      "<head><noscript><link rel=x></noscript></head><body><h1>A</h1>"
      "<div><noscript><h1>B</h1></noscript></div><template><h1>C</h1>"
      "</template><h2>D</h2></body>",
      Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  std::vector<std::string> listed;
  for (const GumboNode* node : dom->noscripts_and_h1s()) {
    listed.push_back(absl::StrCat(TagName(node), ":", TextContent(node)));
  }
  EXPECT_THAT(listed, testing::ElementsAre("noscript:", "h1:A",
                                           "noscript:", "h1:B", "h1:C"));
}

// Writes down the calls of one walk; goes into the elements whose tag is
// not `stop`.
class Recorder : public TreeVisitor {
 public:
  explicit Recorder(GumboTag stop) : stop_(stop) {}
  bool Enter(const GumboNode* node) override {
    const bool in = node->type != GUMBO_NODE_TEXT && !IsElement(node, stop_);
    calls += absl::StrCat("+", Name(node), in ? "" : "!");
    return in;
  }
  void Leave(const GumboNode* node) override {
    calls += absl::StrCat("-", Name(node));
  }
  std::string calls;

 private:
  static std::string Name(const GumboNode* node) {
    if (node->type == GUMBO_NODE_ELEMENT) return TagName(node);
    return node->type == GUMBO_NODE_TEXT ? node->v.text.text : "#";
  }
  GumboTag stop_;
};

// Each of two walks run together gets the calls it gets alone, whichever
// goes into a node the other does not, and when the first never reaches the
// second's root.
TEST(DomTest, WalksTogetherAsEachWalksAlone) {
  absl::StatusOr<Dom> dom = Dom::Parse(
      "<head><title>T</title></head><body><p>a<b>b</b></p><nav>c<i>d</i>"
      "</nav><ul><li>e</ul></body>",
      Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  auto alone = [](const GumboNode* root, GumboTag stop) {
    Recorder walk(stop);
    WalkTreeWith(root, &walk);
    return walk.calls;
  };
  for (GumboTag first_stop :
       {GUMBO_TAG_NAV, GUMBO_TAG_UL, GUMBO_TAG_BODY, GUMBO_TAG_HTML}) {
    for (GumboTag second_stop : {GUMBO_TAG_NAV, GUMBO_TAG_P, GUMBO_TAG_B}) {
      Recorder first(first_stop), second(second_stop);
      WalkTogether(dom->document(), &first, dom->body(), &second);
      EXPECT_EQ(first.calls, alone(dom->document(), first_stop));
      EXPECT_EQ(second.calls, alone(dom->body(), second_stop));
    }
  }
  Recorder first(GUMBO_TAG_NAV), second(GUMBO_TAG_NAV);
  WalkTogether(dom->body(), &first, dom->body(), &second);
  EXPECT_EQ(second.calls, "+body+p+a!+b+b!-b-p+nav!+ul+li+e!-li-ul-body");
  EXPECT_EQ(first.calls, second.calls);
}

TEST(DomTest, TextLeavesOutRubyAnnotationsAndSoftHyphens) {
  absl::StatusOr<Dom> dom = Dom::Parse(
      "<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども: "
      "Mit&shy;tel&shy;al&shy;ter</p>",
      Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  EXPECT_EQ(TextContent(dom->body()), "子ども: Mittelalter");
}

TEST(DomTest, BlocksAreSeparatedInlineElementsAreNot) {
  absl::StatusOr<Dom> dom = Dom::Parse(
      "<h2>Title</h2><h3>Sub</h3><table><tr><th>City</th><th>Budget</th>"
      "</tr></table><dl><dt>Term</dt><dd>Meaning</dd></dl><span>in</span>"
      "<b>line</b>a<br>b",
      Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(TextContent(dom->body()),
            "Title Sub City Budget Term Meaninginlinea b");
  EXPECT_TRUE(IsBlockTag(GUMBO_TAG_TH));
  EXPECT_FALSE(IsBlockTag(GUMBO_TAG_SPAN));
  EXPECT_FALSE(IsBlockTag(GUMBO_TAG_BR));
}

// TextContentWithin gives TextContent's text up to its bound, and nothing
// past it, whether the walk stops early (the ASCII and the ideographs it
// counts as it goes pass the bound) or only the collapsed text tells.
TEST(DomTest, TextContentWithinIsTextContentUpToItsBound) {
  const std::string long_text(300, 'x');
  const std::string han = "记者张三报道中文新闻";  // 30 bytes
  for (const std::string& html :
       {std::string("<p>By <a>Jane Doe</a></p>"),
        absl::StrCat("<div><span>记者 张三</span>", long_text, "</div>"),
        absl::StrCat("<div>", han, han, han, han, han, han, han, "</div>"),
        absl::StrCat("<div>", std::string(500, ' '), "a\u00A0b</div>"),
        absl::StrCat("<div>", std::string(70, 'y'), "<br>é\u00E9\u00E9",
                     "\u3042\u3042\u3042\u3042", std::string(60, 'z'),
                     "</div>"),
        std::string("<div><script>") + long_text + "</script>ok</div>"}) {
    absl::StatusOr<Dom> dom =
        Dom::Parse(html, Limits(), absl::InfiniteFuture());
    ASSERT_TRUE(dom.ok()) << dom.status();
    const std::string full = TextContent(dom->body());
    for (size_t bound : {size_t{0}, size_t{5}, size_t{139}, size_t{140},
                         size_t{141}, size_t{200}, size_t{1000}}) {
      const std::optional<std::string> within =
          TextContentWithin(dom->body(), bound);
      if (full.size() <= bound) {
        ASSERT_TRUE(within.has_value()) << html << " " << bound;
        EXPECT_EQ(*within, full);
      } else {
        EXPECT_FALSE(within.has_value()) << html << " " << bound;
      }
    }
  }
}

TEST(DomTest, DeepNestingIsWalkedWithoutRecursion) {
  // Far deeper than a recursive walk's stack would survive in a small
  // thread, and within a raised limit.
  std::string html;
  const int depth = 10000;
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += "deep";
  Limits limits;
  limits.max_depth = depth + 10;
  // Gumbo's cost grows with the square of the nesting: 10 000 levels take
  // it about 0.5 s, past the budget for 50 KB.
  limits.max_parse_ms_per_mb = 1'000'000;
  absl::StatusOr<Dom> dom = Dom::Parse(html, limits, absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  EXPECT_EQ(TextContent(dom->body()), "deep");
}

TEST(DomTest, NestingOverTheLimitIsResourceExhausted) {
  std::string html;
  for (int i = 0; i < 300; ++i) html += "<div>";
  Limits limits;
  limits.max_depth = 100;
  absl::StatusOr<Dom> dom = Dom::Parse(html, limits, absl::InfiniteFuture());
  EXPECT_EQ(dom.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(ExceededLimit(dom.status()), Limit::kMaxDepth);
}

TEST(DomTest, NodesOverTheLimitAreResourceExhausted) {
  std::string html;
  for (int i = 0; i < 300; ++i) html += "<p>x</p>";
  Limits limits;
  limits.max_nodes = 100;
  absl::StatusOr<Dom> dom = Dom::Parse(html, limits, absl::InfiniteFuture());
  EXPECT_EQ(dom.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(ExceededLimit(dom.status()), Limit::kMaxNodes);
}

TEST(DomTest, NodesPerMegabyteOfTheDocumentAsSentAreLimited) {
  // 60 000 nodes of HTML: as framed from a 1 MiB document, within 20 000 +
  // 150 000 per MiB; from a 100 KiB one (a dense Markdown table), over.
  std::string html;
  for (int i = 0; i < 30000; ++i) html += "<p>x</p>";
  absl::StatusOr<Dom> dom =
      Dom::Parse(html, 1 << 20, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok()) << dom.status();
  dom = Dom::Parse(html, 100 << 10, Limits(), absl::InfiniteFuture());
  EXPECT_EQ(ExceededLimit(dom.status()), Limit::kMaxNodesPerMb);
  EXPECT_THAT(dom.status().message(), testing::HasSubstr("--max_nodes_per_mb"));
}

TEST(DomTest, PassedDeadlineIsDeadlineExceeded) {
  absl::StatusOr<Dom> dom =
      Dom::Parse("<p>x</p>", Limits(), absl::InfinitePast());
  EXPECT_EQ(dom.status().code(), absl::StatusCode::kDeadlineExceeded);
}

TEST(DomTest, AttributeAndTagName) {
  absl::StatusOr<Dom> dom =
      Dom::Parse("<div class=\"a b\"><my-widget>x</my-widget></div>", Limits(),
                 absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  const GumboNode* div =
      static_cast<const GumboNode*>(dom->body()->v.element.children.data[0]);
  EXPECT_EQ(Attribute(div, "class"), "a b");
  EXPECT_EQ(Attribute(div, "id"), "");
  const GumboNode* widget =
      static_cast<const GumboNode*>(div->v.element.children.data[0]);
  EXPECT_EQ(TagName(widget), "my-widget");
}

TEST(DomTest, FindAttributeTellsAnEmptyAttributeFromNone) {
  // Gumbo lowercases attribute names as it reads them, so the exact
  // comparison finds HIDDEN and Href as well as hidden and href.
  absl::StatusOr<Dom> dom =
      Dom::Parse("<div HIDDEN><a Href=\"/x\">x</a><a name=n>y</a></div>",
                 Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  const GumboNode* div =
      static_cast<const GumboNode*>(dom->body()->v.element.children.data[0]);
  ASSERT_NE(FindAttribute(div, "hidden"), nullptr);
  EXPECT_STREQ(FindAttribute(div, "hidden")->value, "");
  EXPECT_EQ(FindAttribute(div, "id"), nullptr);
  const GumboNode* link =
      static_cast<const GumboNode*>(div->v.element.children.data[0]);
  const GumboNode* anchor =
      static_cast<const GumboNode*>(div->v.element.children.data[1]);
  EXPECT_EQ(Attribute(link, "href"), "/x");
  EXPECT_EQ(FindAttribute(anchor, "href"), nullptr);
  // Text has no attributes.
  EXPECT_EQ(FindAttribute(
                static_cast<const GumboNode*>(link->v.element.children.data[0]),
                "href"),
            nullptr);
}

// A name is compared up to the first byte that differs, its NUL included:
// a prefix of the name asked for, or a name that starts with it, is another
// name.
TEST(DomTest, AttributeNameIsEqualToTheWholeNameOnly) {
  EXPECT_TRUE(AttributeName("class") == "class");
  EXPECT_FALSE(AttributeName("cla") == "class");
  EXPECT_FALSE(AttributeName("classes") == "class");
  EXPECT_FALSE(AttributeName("") == "id");
  EXPECT_FALSE(AttributeName("id") == "");
  EXPECT_TRUE(AttributeName("") == "");
}

// ForEachAttribute hands each attribute in source order, its name lower
// case as gumbo stores it, until the visitor says stop.
TEST(DomTest, ForEachAttributeVisitsInSourceOrderUntilStopped) {
  absl::StatusOr<Dom> dom =
      Dom::Parse("<div ID=a idx=b data-id=c Class=d i=e>x</div>", Limits(),
                 absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  const GumboNode* div =
      static_cast<const GumboNode*>(dom->body()->v.element.children.data[0]);
  std::vector<std::string> seen;
  ForEachAttribute(div, [&](AttributeName name, const char* value) {
    if (name == "id") seen.push_back(absl::StrCat("id=", value));
    if (name == "class") seen.push_back(absl::StrCat("class=", value));
    return true;
  });
  EXPECT_THAT(seen, testing::ElementsAre("id=a", "class=d"));
  int visited = 0;
  ForEachAttribute(div, [&](AttributeName name, const char*) {
    ++visited;
    return !(name == "data-id");
  });
  EXPECT_EQ(visited, 3);
}

// The walk that checks the tree counts its elements: those gumbo adds
// (html, head, body) and those in a <template> too, but not the <template>
// itself, a node of a type of its own.
TEST(DomTest, CountsTheElements) {
  absl::StatusOr<Dom> dom =
      Dom::Parse("<p>a <b>b</b></p><template><i>c</i></template>", Limits(),
                 absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(dom->element_count(), 6u);
  EXPECT_GT(dom->node_count(), dom->element_count());
}

}  // namespace
}  // namespace lede::engine
