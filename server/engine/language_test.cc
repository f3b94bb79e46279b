#include "server/engine/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "server/engine/limits.h"
#include "server/engine/render.h"

namespace lede::engine {
namespace {

constexpr char kSimplified[] =
    "比利时情报部门正在监控位于该国的中国电子商务巨头阿里巴巴的主要欧洲物流平"
    "台，担心可能发生可能的间谍活动。";
constexpr char kTraditional[] =
    "比利時情報部門正在監控位於該國的中國電子商務巨頭阿里巴巴的主要歐洲物流平"
    "台，擔心可能發生可能的間諜活動。";
constexpr char kEnglish[] =
    "The council voted on Tuesday to approve the new budget, which raises "
    "spending on schools and roads and cuts the cost of bus fares for "
    "students and pensioners across the city.";

std::string Best(absl::string_view text, const LanguageHints& hints = {}) {
  LanguageResult result = IdentifyLanguage(text, hints);
  return result.guesses.empty() ? "und" : result.guesses.front().language;
}

bool HasCandidate(const LanguageResult& result, absl::string_view language) {
  for (size_t i = 1; i < result.guesses.size(); ++i) {
    if (result.guesses[i].language == language) return true;
  }
  return false;
}

TEST(LanguageTest, SimplifiedChinese) {
  EXPECT_EQ(Best(kSimplified), "zh-Hans");
}

// A long text is sampled in pieces; the last piece's start moves to a
// character boundary, which once carried its end past the text (a read of
// whatever memory followed, so the same page got different confidences).
TEST(LanguageTest, SampledPiecesStayInsideTheText) {
  std::string text;
  while (text.size() < 3200) text += kSimplified;
  for (size_t cut = 0; cut < 3; ++cut) {
    std::string page = text.substr(0, text.size() - cut);
    std::string copy = page;  // Different memory after the end.
    copy.reserve(copy.size() + 64);
    LanguageResult first = IdentifyLanguage(page, {});
    LanguageResult second = IdentifyLanguage(copy, {});
    ASSERT_FALSE(first.guesses.empty());
    EXPECT_EQ(first.guesses.front().language, "zh-Hans");
    EXPECT_EQ(first.guesses.front().confidence,
              second.guesses.front().confidence);
  }
}

TEST(LanguageTest, TraditionalChinese) {
  EXPECT_EQ(Best(kTraditional), "zh-Hant");
}

TEST(LanguageTest, ChineseScriptComesFromCharactersNotTheLabel) {
  // A page labelled zh-TW written in Simplified characters is zh-Hans.
  LanguageHints taiwan{"zh-TW", "tw"};
  EXPECT_EQ(Best(kSimplified, taiwan), "zh-Hans");
  EXPECT_EQ(Best(kTraditional, LanguageHints{"zh-CN", "cn"}), "zh-Hant");
  // Only when no character tells (中文 is written alike in both) do the
  // hints decide.
  EXPECT_EQ(Best("中文", taiwan), "zh-Hant");
  EXPECT_EQ(Best("中文", LanguageHints{".hk", ""}), "zh-Hans");
  EXPECT_EQ(Best("中文", LanguageHints{"", "hk"}), "zh-Hant");
}

TEST(LanguageTest, ScriptsDecideFirst) {
  // Kana means Japanese even with Han characters in the majority.
  EXPECT_EQ(Best("東京都の新しい知事は、経済政策を発表した。"), "ja");
  EXPECT_EQ(Best("ソウル"), "ja");
  // Hangul means Korean, Hanja and all.
  EXPECT_EQ(Best("서울의 날씨는 오늘 맑습니다"), "ko");
  EXPECT_EQ(Best("大韓民國 서울특별시"), "ko");
  // Scripts written for one language.
  EXPECT_EQ(Best("Αθήνα"), "el");
  EXPECT_EQ(Best("ქართული"), "ka");
  EXPECT_EQ(Best("ภาษาไทย"), "th");
  EXPECT_EQ(Best("Հայաստան"), "hy");
}

TEST(LanguageTest, EnglishAndFrench) {
  EXPECT_EQ(Best(kEnglish), "en");
  EXPECT_EQ(Best("Le conseil municipal a voté mardi le nouveau budget, qui "
                 "augmente les dépenses pour les écoles et les routes."),
            "fr");
}

TEST(LanguageTest, OutputIsBcp47) {
  // CLD2 says iw, jw, tl and no; callers get he, jv, fil and nb.
  EXPECT_EQ(Best("הממשלה החליטה היום על תקציב חדש לבתי הספר ולכבישים בכל "
                 "רחבי המדינה"),
            "he");
  EXPECT_EQ(Best("Regjeringen la i dag fram et nytt budsjett som øker "
                 "bevilgningene til skoler og veier over hele landet, og "
                 "kutter prisen på bussbilletter for studenter."),
            "nb");
  EXPECT_EQ(Best("Ang lahat ng tao'y isinilang na malaya at pantay-pantay "
                 "sa karangalan at mga karapatan. Sila'y pinagkalooban ng "
                 "katwiran at budhi at dapat magturingan sa isa't isa sa "
                 "diwa ng pagkakapatiran."),
            "fil");
}

TEST(LanguageTest, ConfidenceAndReliability) {
  LanguageResult paragraph = IdentifyLanguage(kEnglish, {});
  ASSERT_FALSE(paragraph.guesses.empty());
  EXPECT_TRUE(paragraph.reliable);
  EXPECT_GT(paragraph.guesses.front().confidence, 0.7f);
  EXPECT_LE(paragraph.guesses.front().confidence, 1.0f);
  // Two words are weak evidence: lower confidence, not reliable.
  LanguageResult title = IdentifyLanguage("Budget approved", {});
  ASSERT_FALSE(title.guesses.empty());
  EXPECT_FALSE(title.reliable);
  EXPECT_LT(title.guesses.front().confidence,
            paragraph.guesses.front().confidence);
  // A script that names its language is sure at any length.
  LanguageResult korean = IdentifyLanguage("서울", {});
  EXPECT_TRUE(korean.reliable);
  EXPECT_FLOAT_EQ(korean.guesses.front().confidence, 1.0f);
}

TEST(LanguageTest, ShortTitlesHaveRunnersUp) {
  // A Han-only title could be Japanese, and the other Chinese script.
  LanguageResult tokyo = IdentifyLanguage("東京", {});
  ASSERT_FALSE(tokyo.guesses.empty());
  EXPECT_EQ(tokyo.guesses.front().language, "zh-Hant");
  EXPECT_TRUE(HasCandidate(tokyo, "ja"));
  EXPECT_TRUE(HasCandidate(tokyo, "zh-Hans"));
  // Languages CLD2 confuses on a few words.
  LanguageResult russian = IdentifyLanguage("Привет, как дела?", {});
  EXPECT_EQ(russian.guesses.front().language, "ru");
  EXPECT_TRUE(HasCandidate(russian, "uk"));
  LanguageResult malay = IdentifyLanguage("Selamat pagi semua", {});
  EXPECT_TRUE(HasCandidate(
      malay, malay.guesses.front().language == "ms" ? "id" : "ms"));
  // Runners-up are less likely than the guess, in order.
  for (const LanguageResult* result : {&tokyo, &russian, &malay}) {
    for (size_t i = 1; i < result->guesses.size(); ++i) {
      EXPECT_LE(result->guesses[i].confidence,
                result->guesses[i - 1].confidence);
    }
  }
}

TEST(LanguageTest, MixedTextHasShares) {
  LanguageResult mixed = IdentifyLanguage(
      absl::StrCat(kEnglish, "\n\n", kSimplified, kSimplified, kSimplified),
      {});
  ASSERT_EQ(mixed.shares.size(), 2u);
  float total = 0;
  bool english = false, chinese = false;
  for (const LanguageShare& share : mixed.shares) {
    total += share.share;
    english |= share.language == "en" && share.share > 0.1f;
    chinese |= share.language == "zh-Hans" && share.share > 0.3f;
  }
  EXPECT_TRUE(english);
  EXPECT_TRUE(chinese);
  EXPECT_NEAR(total, 1.0f, 0.01f);
  // One language: one share.
  EXPECT_EQ(IdentifyLanguage(kEnglish, {}).shares.size(), 1u);
}

TEST(LanguageTest, LongTextIsReadFromStartToEnd) {
  // Fifty paragraphs of English, then fifty of Chinese: far more than the
  // sample, whose pieces still come from both halves.
  std::string english, chinese;
  for (int i = 0; i < 50; ++i) {
    absl::StrAppend(&english, kEnglish, "\n\n");
    absl::StrAppend(&chinese, kSimplified, "\n\n");
  }
  LanguageResult mixed = IdentifyLanguage(english + chinese, {});
  ASSERT_EQ(mixed.shares.size(), 2u);
  EXPECT_EQ(mixed.guesses.front().language, "en");
  EXPECT_EQ(mixed.shares[1].language, "zh-Hans");
  EXPECT_GT(mixed.shares[1].share, 0.2f);
  // A Chinese text cut at any byte is still read as Chinese.
  EXPECT_EQ(Best(chinese.substr(1) + chinese), "zh-Hans");
}

TEST(LanguageTest, EmptyTextHasNoGuess) {
  EXPECT_TRUE(IdentifyLanguage("", {}).guesses.empty());
  EXPECT_TRUE(IdentifyLanguage("12 345 — !!", {}).guesses.empty());
}

TEST(LanguageTest, HintsFromPage) {
  LanguageHints lang =
      PageLanguageHints("zh-TW", "https://news.example.com.tw/a/1");
  EXPECT_EQ(lang.content_language, "zh-TW");
  EXPECT_EQ(lang.tld, "tw");
  LanguageHints none = PageLanguageHints("", "not a url");
  EXPECT_EQ(none.content_language, "");
  EXPECT_EQ(none.tld, "");
}

TEST(LanguageTest, ArticleIsReadFromItsTitleAndBlocks) {
  std::vector<Block> blocks(2);
  blocks[0].text =
      "Le conseil municipal a voté mardi le nouveau budget, qui augmente "
      "les dépenses pour les écoles et les routes.";
  blocks[1].kind = BlockKind::kFigure;
  blocks[1].text = "Photo: the town hall";
  LanguageResult result =
      IdentifyArticleLanguage("Le budget est adopté", RenderText(blocks), {});
  ASSERT_FALSE(result.guesses.empty());
  EXPECT_EQ(result.guesses.front().language, "fr");
  EXPECT_EQ(result.shares.size(), 1u);
}

TEST(LanguageTest, HintsFromString) {
  EXPECT_EQ(HintsFromString(".tw").tld, "tw");
  EXPECT_EQ(HintsFromString(".tw").content_language, "");
  EXPECT_EQ(HintsFromString("zh-TW").content_language, "zh-TW");
}

// Every letter ICU puts in the Hiragana or Katakana script is found, alone
// or behind a CJK character, a broken one or an ASCII byte; a text of
// ideographs, CJK punctuation and Latin letters is turned away.
TEST(LanguageTest, MayHoldKanaFindsEveryKanaLetter) {
  int kana = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (!u_isalpha(c) ||
        (script != USCRIPT_HIRAGANA && script != USCRIPT_KATAKANA)) {
      continue;
    }
    char bytes[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, c);
    const std::string letter(bytes, length);
    ++kana;
    for (absl::string_view before : {"", "\u4E2D", "\xE4\xB8", "a"}) {
      EXPECT_TRUE(MayHoldKana(absl::StrCat(before, letter))) << c;
    }
  }
  EXPECT_GT(kana, 300);
  EXPECT_FALSE(MayHoldKana("\u4E2D\u56FD\u3002\u300C\u4E2D\u300D abc"));
  EXPECT_FALSE(MayHoldKana(""));
}

// Without kana the rate is the script's, whatever the words; a text whose
// only letters are in no script of their own reads in no time.
TEST(LanguageTest, ReadingTimeWithoutKanaOrLetters) {
  const std::string han = "\u4E2D\u56FD\u7ECF\u6D4E\u53D1\u5C55";
  std::string text;
  for (int i = 0; i < 43; ++i) absl::StrAppend(&text, han, "\u3002");
  EXPECT_NEAR(EstimateReadingSeconds(text, SplitWords(text).list()), 60, 2);
  const std::string digits = "12 34 -- !";
  EXPECT_EQ(EstimateReadingSeconds(digits, SplitWords(digits).list()), 0);
}

TEST(LanguageTest, ReadingTimeByScript) {
  auto repeat = [](absl::string_view piece, int times) {
    std::string text;
    for (int i = 0; i < times; ++i) absl::StrAppend(&text, piece);
    return text;
  };
  auto seconds = [](absl::string_view text) {
    return EstimateReadingSeconds(text, SplitWords(text).list());
  };
  // 228 English words a minute.
  EXPECT_EQ(seconds(repeat("word ", 228)), 60);
  // 184 Russian words a minute.
  EXPECT_EQ(seconds(repeat("слово ", 184)), 60);
  // 255 Chinese characters a minute, however ICU groups them into words.
  EXPECT_NEAR(seconds(repeat("中国经济发展", 255 / 6 + 1)), 60, 2);
  // Japanese: 357 characters a minute, kanji included.
  EXPECT_NEAR(seconds(repeat("日本の経済", 357 / 5)), 60, 2);
  EXPECT_EQ(seconds(""), 0);
  EXPECT_EQ(seconds("1 2 3"), 0);
  // The script counts read the ideographs' bytes (lead E4..E9) without
  // decoding them: the block's first and last, and not the hexagram
  // symbols just before it (U+4DC0..U+4DFF, no letters: no reading time).
  EXPECT_NEAR(seconds(repeat("\u4E00\u9FFF", 255 / 2 + 1)), 60, 2);
  EXPECT_EQ(seconds(repeat("\u4DC0\u4DFF", 100)), 0);
  // Kana beside them: Japanese, as ICU's decoding counts them.
  EXPECT_NEAR(seconds(repeat("\u9FFF\u4E00\u306E\u3042\u3044", 357 / 5)), 60,
              2);
}

TEST(LanguageTest, ClaimsIncludeChineseScripts) {
  bool hans = false, hant = false;
  for (const SupportedLanguage& language : SupportedLanguages()) {
    hans |= language.language == "zh-Hans";
    hant |= language.language == "zh-Hant";
  }
  EXPECT_TRUE(hans);
  EXPECT_TRUE(hant);
}

}  // namespace
}  // namespace lede::engine
