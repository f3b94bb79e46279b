#include "server/engine/repeated_attributes.h"

#include <gumbo.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/dom.h"
#include "server/engine/inert_text.h"
#include "server/engine/nesting.h"
#include "server/engine/same_tree_testing.h"

namespace lede::engine {
namespace {

// The names ScanMarkup lists as repeats, as written.
std::vector<std::string> Repeats(absl::string_view html) {
  std::vector<std::string> names;
  for (const ByteRange& range :
       ScanMarkup(html, 1 << 20).repeated_attribute_names) {
    names.emplace_back(html.substr(range.begin, range.end - range.begin));
  }
  return names;
}

// The attributes of the first element with `tag`, as "name=value".
std::vector<std::string> AttributesOf(const GumboNode* root, GumboTag tag) {
  std::vector<std::string> attributes;
  bool found = false;
  WalkTree(root, [&](const GumboNode* node, int) {
    if (found || node->type != GUMBO_NODE_ELEMENT) return !found;
    if (node->v.element.tag != tag) return true;
    found = true;
    const GumboVector& list = node->v.element.attributes;
    for (unsigned int i = 0; i < list.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(list.data[i]);
      attributes.push_back(absl::StrCat(a->name, "=", a->value));
    }
    return false;
  });
  return attributes;
}

TEST(RepeatedAttributesTest, ListsValuelessRepeatsWithAnAttributeAfterThem) {
  EXPECT_THAT(Repeats("<div class=k hidden hidden id=q>"),
              testing::ElementsAre("hidden"));
  EXPECT_THAT(Repeats("<video muted Playsinline MUTED src=v.mp4>"),
              testing::ElementsAre("MUTED"));
  EXPECT_THAT(Repeats("<p a a a b>"), testing::ElementsAre("a", "a"));
  EXPECT_THAT(Repeats("<p a=1 a\tb/>"), testing::ElementsAre("a"));
  EXPECT_THAT(Repeats("<p a a/b>"), testing::ElementsAre("a"));
  // Gumbo reads these as the standard does: the repeat is the last
  // attribute, or has a value (gumbo clears the name with the value), or
  // the tag is an end tag, or there is no repeat.
  for (const char* html :
       {"<p a b a>", "<p a a/>", "<p a a = 1 b>", "<p a a='' b>", "</p a a b>",
        "<p a b c>", "<p a ab b>", "<p data-x data-y z>"}) {
    EXPECT_THAT(Repeats(html), testing::IsEmpty()) << html;
  }
  // Gumbo drops a NUL where a name would start and reads one in a name as
  // U+FFFD: a tag with a NUL in a name is left as gumbo runs it.
  EXPECT_THAT(Repeats(absl::StrCat("<p a b b ", std::string(1, '\0'), "c>")),
              testing::IsEmpty());
}

// Past kPairwiseAttributes the names are hashed: the same repeats.
TEST(RepeatedAttributesTest, FindsRepeatsOnTagsOfManyAttributes) {
  std::string html = "<div";
  for (int i = 0; i < 40; ++i) absl::StrAppend(&html, " a", i);
  absl::StrAppend(&html, " A7 a39 id=q>");
  EXPECT_THAT(Repeats(html), testing::ElementsAre("A7", "a39"));
}

// Gumbo, recording no errors, would give the div "hiddenid": the blank
// gives it the attributes the standard does.
TEST(RepeatedAttributesTest, TheParsedElementHasTheStandardsAttributes) {
  absl::StatusOr<Dom> dom =
      Dom::Parse("<div class=k hidden hidden id=q>v</div>", Limits(),
                 absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  EXPECT_THAT(AttributesOf(dom->document(), GUMBO_TAG_DIV),
              testing::ElementsAre("class=k", "hidden=", "id=q"));
}

// The tree is the one gumbo makes of the page as sent when it records its
// errors: with the repeats among cut scripts (whose cut moves the blanks'
// offsets), in foreign content, on a formatting element the tree builder
// reopens (a clone's start tag is its original's), and where the tree
// builder merges a second <body>'s attributes into the first's: that blank
// lies in no element's start tag, so the page is parsed as sent, and
// gumbo runs the names together as it would have.
TEST(RepeatedAttributesTest, TheTreeIsTheStandardsOrThePageAsSent) {
  const std::string code(300, 'x');
  const std::string standard[] = {
      absl::StrCat("<script>", code, "</script><p a a b=1>x<style>", code,
                   "</style><img src=i.png alt alt width=3>"),
      "<svg><path d=M0 fill fill stroke=red /></svg><p x y x z>",
      "<p><b c c d>one<p>two</b> three",
      "<div a a a b c c>x</div><div q=\"1\"q r>y</div>",
  };
  for (const std::string& page : standard) {
    absl::StatusOr<Dom> dom =
        Dom::Parse(page, Limits(), absl::InfiniteFuture());
    ASSERT_TRUE(dom.ok()) << dom.status();
    EXPECT_EQ(testing_only::DifferenceFromStandard(dom->document(), page,
                                                   kInertTextStub),
              "")
        << page;
  }
  const std::string merged = "<body a><p>x</p><body b b c>";
  absl::StatusOr<Dom> dom =
      Dom::Parse(merged, Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  EXPECT_THAT(AttributesOf(dom->document(), GUMBO_TAG_BODY),
              testing::ElementsAre("a=", "b=", "bc="));
}

TEST(RepeatedAttributesTest, BlankCheckWantsTheBlankAfterItsNameInATag) {
  std::string html = "<p a a b>x</p><i>a a b</i>";
  const std::vector<ByteRange> names = {{5, 6}, {19, 20}};
  const std::vector<BlankedName> blanked = BlankAttributeNames(names, &html);
  EXPECT_EQ(html, "<p a   b>x</p><i>a   b</i>");
  GumboOutput* output = gumbo_parse(html.c_str());
  auto check = [&](std::vector<BlankedName> blanks) {
    BlankCheck blank_check(std::move(blanks));
    WalkTree(output->document, [&](const GumboNode* node, int) {
      if (node->type == GUMBO_NODE_ELEMENT) blank_check.VisitElement(node);
      return true;
    });
    return blank_check.AllFound();
  };
  EXPECT_TRUE(check({blanked[0]}));
  EXPECT_FALSE(check(blanked));          // the second is text
  EXPECT_FALSE(check({{{5, 6}, "b"}}));  // no b before it
  EXPECT_FALSE(check({{{7, 8}, "a"}}));  // in the attribute b
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

TEST(RepeatedAttributesTest, TheCutMovesOffsetsPastItsStubs) {
  const std::string code(200, 'x');
  const std::string html = absl::StrCat(
      "<p a><script>", code, "</script><i b><style>", code, "</style><b c>");
  const MarkupScan scan = ScanMarkup(html, 1 << 20);
  std::optional<InertTextCut> cut =
      CutInertText(html, scan.scripts_and_styles, scan.svg_contents);
  ASSERT_TRUE(cut.has_value());
  for (const char* mark : {"<p a>", "<i b>", "<b c>"}) {
    EXPECT_EQ(cut->html.substr(cut->Moved(html.find(mark)), 5), mark);
  }
}

}  // namespace
}  // namespace lede::engine
