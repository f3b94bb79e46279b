#include "server/engine/chinese_conversion.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

LanguageResult InLanguage(std::string language) {
  LanguageResult result;
  result.guesses.push_back({std::move(language), 1.0f});
  return result;
}

PageFacts ChineseFacts() {
  PageFacts facts;
  facts.title.Set("经济发展", "opengraph");
  facts.authors.Set({"张国"}, "json-ld");
  facts.url.Set("https://example.cn/国家/1", "request");
  return facts;
}

Body ChineseBody() {
  Body body;
  Block paragraph;
  paragraph.text = "头发";
  Block row;
  row.kind = BlockKind::kTableRow;
  row.cells = {"国家", "发展"};
  row.text = "国家 发展";
  Block figure;
  figure.kind = BlockKind::kFigure;
  figure.image.url = "https://example.cn/国家.jpg";
  figure.image.caption = "国家";
  figure.text = "国家";
  body.blocks = {paragraph, row, figure};
  body.images = {figure.image};
  return body;
}

TEST(ChineseConversionTest, ConvertsTheFactsAndTheBodyButNotUrls) {
  PageFacts facts = ChineseFacts();
  Body body = ChineseBody();
  EXPECT_TRUE(ConvertChinese(v1::CHINESE_SCRIPT_TRADITIONAL,
                             InLanguage("zh-Hans"), &facts, &body));
  EXPECT_EQ(facts.title.value, "經濟發展");
  EXPECT_EQ(facts.title.source, "opengraph");
  EXPECT_THAT(facts.authors.value, ::testing::ElementsAre("張國"));
  EXPECT_EQ(facts.url.value, "https://example.cn/国家/1");
  EXPECT_EQ(body.blocks[0].text, "頭髮");
  EXPECT_THAT(body.blocks[1].cells, ::testing::ElementsAre("國家", "發展"));
  EXPECT_EQ(body.blocks[1].text, "國家 發展");
  EXPECT_EQ(body.blocks[2].image.caption, "國家");
  EXPECT_EQ(body.blocks[2].image.url, "https://example.cn/国家.jpg");
  EXPECT_EQ(body.images[0].caption, "國家");
  EXPECT_EQ(body.images[0].url, "https://example.cn/国家.jpg");
}

TEST(ChineseConversionTest, LeavesOtherLanguagesAndUnchangedAlone) {
  PageFacts facts;
  facts.title.Set("経済発展について", "opengraph");
  Body body;
  EXPECT_FALSE(ConvertChinese(v1::CHINESE_SCRIPT_SIMPLIFIED, InLanguage("ja"),
                              &facts, &body));
  EXPECT_EQ(facts.title.value, "経済発展について");

  PageFacts chinese = ChineseFacts();
  Body chinese_body = ChineseBody();
  EXPECT_FALSE(ConvertChinese(v1::CHINESE_SCRIPT_UNCHANGED,
                              InLanguage("zh-Hans"), &chinese, &chinese_body));
  EXPECT_EQ(chinese.title.value, "经济发展");
  EXPECT_EQ(chinese_body.blocks[0].text, "头发");
  EXPECT_FALSE(ConvertChinese(v1::CHINESE_SCRIPT_TRADITIONAL, LanguageResult(),
                              &chinese, &chinese_body));
  EXPECT_EQ(chinese.title.value, "经济发展");
}

}  // namespace
}  // namespace lede::engine
