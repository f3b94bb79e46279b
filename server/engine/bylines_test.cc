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

TEST(BylinesTest, ChineseReportersAsNewsPagesSignThem) {
  const std::pair<const char*, const char*> kCases[] = {
      {"……推动云南工业高质量发展。（记者 胡晓蓉）", "胡晓蓉"},
      {"新京报记者 彭冲 山东冠县报道 【编辑:刘欢】", "彭冲"},
      {"组委会还成立了俱乐部。(信报记者 蔡雪婧)", "蔡雪婧"},
      {"……都不是利益再分配的过程吗？”（姚峰 上海报道）", "姚峰"},
  };
  for (const auto& [text, name] : kCases) {
    EXPECT_THAT(ReadChineseCredits(text).authors, ElementsAre(name)) << text;
  }
}

TEST(BylinesTest, InterviewQuestionsAndQuotesNameNoReporter) {
  EXPECT_THAT(ReadChineseCredits("记者：首先欢迎你来到新华网接受我们的采访，"
                                 "既然你是农机行业的专家")
                  .authors,
              IsEmpty());
  EXPECT_THAT(
      ReadChineseCredits("西吉县委书记白学贵告诉记者：“西吉县已形成了县有繁育")
          .authors,
      IsEmpty());
}

TEST(BylinesTest, ChineseEditorsPlaceholdersAndButtonsAreNoAuthors) {
  EXPECT_THAT(SplitAuthors("未知 责任编辑：棒棒不是糖"), IsEmpty());
  EXPECT_THAT(SplitAuthors("责任编辑：张申"), IsEmpty());
  EXPECT_THAT(SplitAuthors("佚名"), IsEmpty());
  EXPECT_THAT(SplitAuthors("[ 责任编辑：张申 ]"), IsEmpty());
  EXPECT_THAT(SplitAuthors("请广大股民甄别消息是否可靠！）。"), IsEmpty());
  EXPECT_THAT(SplitAuthors("中国广州发布 关注"), ElementsAre("中国广州发布"));
  EXPECT_THAT(
      SplitAuthors("明日大盘行情实时播报栏目为广大股民提供及时行情资讯"),
      IsEmpty());
}

TEST(BylinesTest, PaddedChineseNamesAreJoined) {
  EXPECT_THAT(SplitAuthors("赵  培"), ElementsAre("赵培"));
  EXPECT_THAT(SplitAuthors("王 建宏"), ElementsAre("王建宏"));
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
