#include "server/engine/bylines.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(BylinesTest, SplitsNamesAndDropsPrefixAndDate) {
  EXPECT_THAT(SplitAuthors("By Jane Doe and John Roe | June 4"),
              ElementsAre("Jane Doe", "John Roe"));
  EXPECT_THAT(SplitAuthors("作者：张三、李四"), ElementsAre("张三", "李四"));
  EXPECT_THAT(SplitAuthors("Von Max Muster, Reporter"),
              ElementsAre("Max Muster"));
}

TEST(BylinesTest, UpdateLabelIsNoName) {
  EXPECT_THAT(SplitAuthors("Last Updated: January 7, 2025"), IsEmpty());
  EXPECT_THAT(SplitAuthors("Jane Doe Last updated June 4"),
              ElementsAre("Jane Doe"));
}

TEST(BylinesTest, SentencesAndAddressesAreNotNames) {
  EXPECT_THAT(SplitAuthors("jane@example.com"), IsEmpty());
  EXPECT_THAT(SplitAuthors("She has written about cities for many years."),
              IsEmpty());
}

TEST(BylinesTest, ChineseCreditsByRole) {
  ChineseCredits credits =
      ReadChineseCredits("来源：环球网 记者 张三 责任编辑：李四");
  EXPECT_EQ(credits.source, "环球网");
  EXPECT_THAT(credits.authors, ElementsAre("张三"));
  EXPECT_THAT(credits.editors, ElementsAre("李四"));
}

TEST(BylinesTest, MarkupLeftInTheTextIsNoCredit) {
  // A broken template printed its attributes where the values belonged.
  ChineseCredits credits =
      ReadChineseCredits("作者： size=\"20\" 来源： size=\"20\" 发布日期：");
  EXPECT_EQ(credits.source, "");
  EXPECT_THAT(credits.authors, IsEmpty());
}

}  // namespace
}  // namespace lede::engine
