#include "server/engine/block_builders.h"

#include "gtest/gtest.h"
#include "server/engine/dom.h"

namespace lede::engine::content {
namespace {

// The first element `tag` of `html`, parsed; the Dom lives in `dom`.
const GumboNode* First(const std::string& html, GumboTag tag,
                       std::unique_ptr<Dom>* dom) {
  absl::StatusOr<Dom> parsed =
      Dom::Parse(html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(parsed.ok());
  *dom = std::make_unique<Dom>(*std::move(parsed));
  const GumboNode* found = nullptr;
  WalkTree((*dom)->body(), [&](const GumboNode* node, int) {
    if (found == nullptr && IsElement(node, tag)) found = node;
    return found == nullptr;
  });
  return found;
}

TEST(BlockBuildersTest, ImagesResolveAndPixelsAreNotImages) {
  std::unique_ptr<Dom> dom;
  std::optional<Block> image = ImageBlock(
      First("<img src=\"a.jpg\" alt=\" The  chamber \" width=640 height=480>",
            GUMBO_TAG_IMG, &dom),
      "Caption", "https://example.com/news/1");
  ASSERT_TRUE(image.has_value());
  EXPECT_EQ(image->kind, BlockKind::kFigure);
  EXPECT_EQ(image->image.url, "https://example.com/news/a.jpg");
  EXPECT_EQ(image->image.alt, "The chamber");
  EXPECT_EQ(image->image.width, 640);
  EXPECT_EQ(image->image.caption, "Caption");
  EXPECT_EQ(image->text, "Caption");
  EXPECT_FALSE(ImageBlock(First("<img src=\"p.gif\" width=1 height=1>",
                                GUMBO_TAG_IMG, &dom),
                          "", "https://example.com/")
                   .has_value());
  EXPECT_FALSE(ImageBlock(First("<img alt=x>", GUMBO_TAG_IMG, &dom), "", "")
                   .has_value());
}

TEST(BlockBuildersTest, AFigureIsItsPictureOrItsCaption) {
  std::unique_ptr<Dom> dom;
  std::optional<Block> picture =
      FigureBlock(First("<figure><a><img src=/a.jpg></a><figcaption>The "
                        "chamber.</figcaption></figure>",
                        GUMBO_TAG_FIGURE, &dom),
                  "https://example.com/");
  ASSERT_TRUE(picture.has_value());
  EXPECT_EQ(picture->image.url, "https://example.com/a.jpg");
  EXPECT_EQ(picture->image.caption, "The chamber.");
  std::optional<Block> caption =
      FigureBlock(First("<figure><figcaption>Only words.</figcaption></figure>",
                        GUMBO_TAG_FIGURE, &dom),
                  "");
  ASSERT_TRUE(caption.has_value());
  EXPECT_EQ(caption->kind, BlockKind::kParagraph);
  EXPECT_EQ(caption->text, "Only words.");
  EXPECT_FALSE(
      FigureBlock(First("<figure></figure>", GUMBO_TAG_FIGURE, &dom), "")
          .has_value());
  EXPECT_TRUE(
      IsFigureOfBlocks(First("<figure><blockquote>Words.</blockquote></figure>",
                             GUMBO_TAG_FIGURE, &dom)));
  EXPECT_FALSE(IsFigureOfBlocks(
      First("<figure><img src=a.jpg><blockquote>Words.</blockquote></figure>",
            GUMBO_TAG_FIGURE, &dom)));
}

TEST(BlockBuildersTest, DataRowsAreRowsLayoutRowsAreNot) {
  std::unique_ptr<Dom> dom;
  const GumboNode* header =
      First("<table><tr><th>City</th><th>Budget</th></tr></table>",
            GUMBO_TAG_TR, &dom);
  ASSERT_TRUE(IsDataRow(header));
  std::optional<Block> row = TableRowBlock(header);
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->kind, BlockKind::kTableRow);
  EXPECT_TRUE(row->header_row);
  EXPECT_EQ(row->cells, (std::vector<std::string>{"City", "Budget"}));
  EXPECT_EQ(row->text, "City Budget");
  const GumboNode* mixed = First(
      "<table><tr><th>Oslo</th><td>1.2</td></tr></table>", GUMBO_TAG_TR, &dom);
  EXPECT_FALSE(TableRowBlock(mixed)->header_row);
  EXPECT_FALSE(
      IsDataRow(First("<table><tr><td><p>A paragraph.</p></td></tr></table>",
                      GUMBO_TAG_TR, &dom)));
  EXPECT_FALSE(TableRowBlock(First("<table><tr><td> </td></tr></table>",
                                   GUMBO_TAG_TR, &dom))
                   .has_value());
}

TEST(BlockBuildersTest, ASentenceEndingWithAColonLeadsIntoAList) {
  EXPECT_TRUE(LeadsIntoList("For more information, see:", 0));
  EXPECT_TRUE(LeadsIntoList("Load data into BigQuery using: ", 0));
  EXPECT_TRUE(LeadsIntoList("更多信息请参阅以下文档和命令参考资料页面：", 0));
  // A label, not a sentence, unless it names references
  // (content_rules::kReferenceListLabels), whatever its case.
  EXPECT_FALSE(LeadsIntoList("Related:", 0));
  EXPECT_FALSE(LeadsIntoList("Learn more", 0));
  EXPECT_TRUE(LeadsIntoList("See also:", 0));
  EXPECT_TRUE(LeadsIntoList("See Also", 0));
  EXPECT_TRUE(LeadsIntoList(" References ", 0));
  EXPECT_TRUE(LeadsIntoList("Parameters：", 0));
  // The label as a link: a menu's entry.
  EXPECT_FALSE(LeadsIntoList("See also", 8));
  // No colon at its end, or a line of labels.
  EXPECT_FALSE(LeadsIntoList("For more information, see the docs.", 0));
  EXPECT_FALSE(LeadsIntoList("Display: Sort by: Direction: Order:", 0));
  // Mostly a link itself: a menu's entry.
  EXPECT_FALSE(LeadsIntoList("Getting started with the API:", 24));
}

}  // namespace
}  // namespace lede::engine::content
