#include "server/engine/language.h"

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

std::string Best(absl::string_view text) {
  LanguageResult result = IdentifyLanguage(text, {});
  return result.guesses.empty() ? "und" : result.guesses.front().language;
}

TEST(LanguageTest, SimplifiedChinese) {
  EXPECT_EQ(Best("比利时情报部门正在监控位于该国的中国电子商务巨头阿里巴巴的主"
                 "要欧洲物流平台，"
                 "担心可能发生可能的间谍活动。"),
            "zh-Hans");
}

TEST(LanguageTest, TraditionalChinese) {
  EXPECT_EQ(Best("比利時情報部門正在監控位於該國的中國電子商務巨頭阿里巴巴的主"
                 "要歐洲物流平台，"
                 "擔心可能發生可能的間諜活動。"),
            "zh-Hant");
}

TEST(LanguageTest, EnglishAndFrench) {
  EXPECT_EQ(Best("The council voted on Tuesday to approve the new budget, "
                 "which raises spending on schools and roads."),
            "en");
  EXPECT_EQ(Best("Le conseil municipal a voté mardi le nouveau budget, qui "
                 "augmente les dépenses pour les écoles et les routes."),
            "fr");
}

TEST(LanguageTest, EmptyTextHasNoGuess) {
  EXPECT_TRUE(IdentifyLanguage("", {}).guesses.empty());
}

}  // namespace
}  // namespace lede::engine
