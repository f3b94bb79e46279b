#include "server/engine/element_reads.h"

#include <vector>

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

// The body's elements, in document order.
std::vector<const GumboNode*> Elements(const Dom& dom) {
  std::vector<const GumboNode*> elements;
  WalkTree(dom.body(), [&](const GumboNode* node, int) {
    if (node->type == GUMBO_NODE_ELEMENT && node != dom.body()) {
      elements.push_back(node);
    }
    return true;
  });
  return elements;
}

TEST(ElementReadsTest, ReadsTheAttributesTheWalksRead) {
  absl::StatusOr<Dom> dom = Dom::Parse(
      "<a class='x y' id=top href=/next rel='' itemprop=url itemscope "
      "itemtype=https://schema.org/Thing data-x=1>a</a><span>b</span>",
      Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  const std::vector<const GumboNode*> elements = Elements(*dom);
  ASSERT_EQ(elements.size(), 2u);
  ElementReads reads;
  const ElementAttributes link = reads.Of(elements[0]).attributes;
  EXPECT_EQ(link.class_name, "x y");
  EXPECT_EQ(link.id, "top");
  EXPECT_EQ(link.href, "/next");
  EXPECT_EQ(link.itemprop, "url");
  EXPECT_EQ(link.itemtype, "https://schema.org/Thing");
  EXPECT_TRUE(link.itemscope);
  EXPECT_TRUE(link.has_rel);  // empty, but there
  EXPECT_EQ(link.rel, "");
  const ElementReads::Read& span = reads.Of(elements[1]);
  EXPECT_FALSE(span.attributes.has_rel);
  EXPECT_FALSE(span.attributes.itemscope);
  EXPECT_EQ(span.class_value, nullptr);  // no class
}

// Elements of one class value share its reading, which keeps what a walk
// wrote in it; the second call for an element hands back what the first
// read.
TEST(ElementReadsTest, OneReadingForEachClassValue) {
  absl::StatusOr<Dom> dom =
      Dom::Parse("<p class=card>a</p><p class=card>b</p><p class=other>c</p>",
                 Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok()) << dom.status();
  const std::vector<const GumboNode*> elements = Elements(*dom);
  ASSERT_EQ(elements.size(), 3u);
  ElementReads reads;
  ClassValueReading* first = reads.Of(elements[0]).class_value;
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->roles, ClassValueReading::kUnread);
  EXPECT_FALSE(first->measured);
  first->roles = 2;
  EXPECT_EQ(&reads.Of(elements[0]), &reads.Of(elements[0]));
  EXPECT_EQ(reads.Of(elements[0]).class_value, first);
  ClassValueReading* second = reads.Of(elements[1]).class_value;
  EXPECT_EQ(second, first);
  EXPECT_EQ(second->roles, 2);
  ClassValueReading* other = reads.Of(elements[2]).class_value;
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->roles, ClassValueReading::kUnread);
}

}  // namespace
}  // namespace lede::engine
