#include "server/engine/images.h"

#include <memory>

#include "gtest/gtest.h"
#include "server/engine/dom.h"

namespace lede::engine {
namespace {

// The source of the first <img> of `html`.
std::string SourceOf(const std::string& html) {
  absl::StatusOr<Dom> dom = Dom::Parse(html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok());
  const GumboNode* img = nullptr;
  WalkTree(dom->body(), [&](const GumboNode* node, int) {
    if (img == nullptr && IsElement(node, GUMBO_TAG_IMG)) img = node;
    return img == nullptr;
  });
  EXPECT_NE(img, nullptr);
  ImageSource source = PickImageSource(img);
  if (!source.url.empty()) {
    EXPECT_NE(source.element, nullptr);
    // Where it came from says what sizes it has.
    if (source.element != img) EXPECT_EQ(source.url, "/real.jpg");
  }
  return source.url;
}

TEST(ImagesTest, TheUrlAnImageShowsOnceLoaded) {
  EXPECT_EQ(SourceOf("<img src=/a.jpg>"), "/a.jpg");
  EXPECT_EQ(SourceOf("<img src=\"data:image/gif;base64,R0lG\" "
                     "data-src=/lazy.jpg>"),
            "/lazy.jpg");
  EXPECT_EQ(SourceOf("<img src=/placeholder.gif srcset=\"/s.jpg 320w, "
                     "/l.jpg 1280w\">"),
            "/l.jpg");
  EXPECT_EQ(SourceOf("<span><img class=lazy src=\"data:,\"></span>"
                     "<noscript><img src=/real.jpg></noscript>"),
            "/real.jpg");
  EXPECT_EQ(SourceOf("<img src=\"data:,\">"), "");
}

TEST(ImagesTest, LargestSrcsetCandidate) {
  EXPECT_EQ(LargestSrcsetCandidate("a.jpg 320w, b.jpg 1280w, c.jpg 640w"),
            "b.jpg");
  EXPECT_EQ(LargestSrcsetCandidate("a.jpg 1x, b.jpg 2x"), "b.jpg");
  EXPECT_EQ(LargestSrcsetCandidate("a.jpg, b.jpg"), "a.jpg");
  EXPECT_EQ(LargestSrcsetCandidate(""), "");
}

TEST(ImagesTest, ParseDimension) {
  EXPECT_EQ(ParseDimension("640"), 640);
  EXPECT_EQ(ParseDimension("640px"), 640);
  EXPECT_EQ(ParseDimension("auto"), 0);
  EXPECT_EQ(ParseDimension(""), 0);
}

}  // namespace
}  // namespace lede::engine
