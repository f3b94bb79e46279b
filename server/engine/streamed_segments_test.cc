#include "server/engine/streamed_segments.h"

#include <optional>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/dom.h"

namespace lede::engine {
namespace {

std::optional<std::string> Place(const std::string& html) {
  GumboOutput* output = gumbo_parse(html.c_str());
  std::optional<std::string> placed =
      PlaceStreamedSegments(output->document, html);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return placed;
}

TEST(StreamedSegmentsTest, SegmentReplacesTheBoundarysFallback) {
  EXPECT_EQ(Place("<main><!--$?--><template id=\"B:0\"></template>"
                  "<div>Loading...</div><!--/$--></main><footer>f</footer>"
                  "<div hidden id=\"S:0\"><p>Story</p></div>"
                  "<script>$RC(\"B:0\",\"S:0\")</script>"),
            "<main><!--$?--><p>Story</p><!--/$--></main><footer>f</footer>"
            "<script>$RC(\"B:0\",\"S:0\")</script>");
}

TEST(StreamedSegmentsTest, SegmentsNestAndFillPlainPlaceholders) {
  EXPECT_EQ(Place("<p>a</p><template id=\"P:1\"></template><p>d</p>"
                  "<div hidden id=\"S:1\"><p>b</p><template id=\"P:2\">"
                  "</template></div><div hidden id=\"S:2\"><p>c</p></div>"),
            "<p>a</p><p>b</p><p>c</p><p>d</p>");
}

TEST(StreamedSegmentsTest, WithoutItsClosingCommentOnlyThePlaceholderGoes) {
  EXPECT_EQ(Place("<template id=\"B:0\"></template><div>Loading</div>"
                  "<div hidden id=\"S:0\"><p>Story</p></div>"),
            "<p>Story</p><div>Loading</div>");
}

TEST(StreamedSegmentsTest, PagesWithoutPlacedSegmentsAreLeftAlone) {
  EXPECT_EQ(Place("<p>Plain page</p>"), std::nullopt);
  // A segment with no placeholder stays where it is.
  EXPECT_EQ(Place("<div hidden id=\"S:0\"><p>x</p></div>"), std::nullopt);
  EXPECT_FALSE(MayHoldStreamedSegments("<p>Plain page</p>"));
  EXPECT_TRUE(MayHoldStreamedSegments("<div hidden id=\"S:0\">"));
}

}  // namespace
}  // namespace lede::engine
