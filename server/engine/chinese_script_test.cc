#include "server/engine/chinese_script.h"

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

TEST(ChineseScriptTest, CharactersOfOneScript) {
  EXPECT_TRUE(IsSimplifiedOnlyHan(U'这'));
  EXPECT_TRUE(IsSimplifiedOnlyHan(U'国'));
  EXPECT_TRUE(IsTraditionalOnlyHan(U'這'));
  EXPECT_TRUE(IsTraditionalOnlyHan(U'國'));
  // Written alike in both.
  EXPECT_FALSE(IsSimplifiedOnlyHan(U'中'));
  EXPECT_FALSE(IsTraditionalOnlyHan(U'中'));
}

TEST(ChineseScriptTest, Counts) {
  ChineseScriptCounts counts = CountChineseScript("这是中國 text");
  EXPECT_EQ(counts.han, 4);
  EXPECT_EQ(counts.simplified, 1);
  EXPECT_EQ(counts.traditional, 1);
  EXPECT_EQ(CountChineseScript("\xFF\xFE plain").han, 0);
}

TEST(ChineseScriptTest, ConvertsByPhrase) {
  // One Simplified character, several Traditional ones: the phrase decides
  // (a character-by-character converter writes 復習 and 放松).
  EXPECT_EQ(ConvertChineseScript("他的头发很长，经济发展很快。",
                                 ChineseScriptTarget::kTraditional),
            "他的頭髮很長，經濟發展很快。");
  EXPECT_EQ(ConvertChineseScript("复习，放松，干部晒干衣服",
                                 ChineseScriptTarget::kTraditional),
            "複習，放鬆，幹部曬乾衣服");
  EXPECT_EQ(ConvertChineseScript("頭髮與發展，乾隆",
                                 ChineseScriptTarget::kSimplified),
            "头发与发展，乾隆");
}

TEST(ChineseScriptTest, KeepsEverythingElse) {
  EXPECT_EQ(ConvertChineseScript("<p class=\"x\">Hello 国家 \xFF!</p>",
                                 ChineseScriptTarget::kTraditional),
            "<p class=\"x\">Hello 國家 \xFF!</p>");
  EXPECT_EQ(ConvertChineseScript("", ChineseScriptTarget::kSimplified), "");
}

TEST(ChineseScriptTest, ConvertsOnlyChineseArticles) {
  v1::Article article;
  article.set_language("zh-Hans");
  article.set_title("经济发展");
  article.set_text("头发");
  article.add_authors("张国");
  article.add_images()->set_caption("国家");
  ConvertArticleChinese(v1::CHINESE_SCRIPT_TRADITIONAL, &article);
  EXPECT_EQ(article.title(), "經濟發展");
  EXPECT_EQ(article.text(), "頭髮");
  EXPECT_EQ(article.authors(0), "張國");
  EXPECT_EQ(article.images(0).caption(), "國家");

  v1::Article japanese;
  japanese.set_language("ja");
  japanese.set_title("経済発展について");
  ConvertArticleChinese(v1::CHINESE_SCRIPT_SIMPLIFIED, &japanese);
  EXPECT_EQ(japanese.title(), "経済発展について");

  v1::Article unchanged = article;
  ConvertArticleChinese(v1::CHINESE_SCRIPT_UNCHANGED, &unchanged);
  EXPECT_EQ(unchanged.title(), "經濟發展");
}

}  // namespace
}  // namespace lede::engine
