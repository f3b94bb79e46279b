#include "server/engine/chinese_script.h"

#include <algorithm>
#include <iterator>
#include <random>
#include <string>

#include "gtest/gtest.h"
#include "server/engine/chinese_script_data.h"
#include "server/engine/text_util.h"

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

// The lookups answer exactly the generated tables, over every code point.
TEST(ChineseScriptTest, LookupsMatchTheTables) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    ASSERT_EQ(IsSimplifiedOnlyHan(c),
              std::binary_search(std::begin(kSimplifiedOnlyHan),
                                 std::end(kSimplifiedOnlyHan), c))
        << std::hex << static_cast<uint32_t>(c);
    ASSERT_EQ(IsTraditionalOnlyHan(c),
              std::binary_search(std::begin(kTraditionalOnlyHan),
                                 std::end(kTraditionalOnlyHan), c))
        << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(ChineseScriptTest, Counts) {
  ChineseScriptCounts counts = CountChineseScript("这是中國 text");
  EXPECT_EQ(counts.han, 4);
  EXPECT_EQ(counts.simplified, 1);
  EXPECT_EQ(counts.traditional, 1);
  EXPECT_EQ(CountChineseScript("\xFF\xFE plain").han, 0);
}

// Random text of ASCII, Simplified-only, Traditional-only and shared
// ideographs, CJK punctuation, Extension A and B, compatibility ideographs,
// radicals and invalid bytes: counted as one code point at a time.
TEST(ChineseScriptTest, CountsMatchCodePointByCodePoint) {
  static const std::string kPieces[] = {
      "a ", "这", "國", "中",          "，",   "\xE3\x80\x87",
      "㐀", "𠀀", "豈", "⺀",          "\xFF", "\xE4\xB8",
      "é",  "の", "한", "\xED\xA0\x80"};
  std::mt19937 random(2026);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> count(1, 80);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int i = count(random); i > 0; --i) text += kPieces[pick(random)];
    ChineseScriptCounts expected;
    ForEachCodePoint(text, [&](UChar32 c, absl::string_view) {
      if (c < 0 || !IsHan(c)) return true;
      ++expected.han;
      expected.simplified += IsSimplifiedOnlyHan(c);
      expected.traditional += IsTraditionalOnlyHan(c);
      return true;
    });
    const ChineseScriptCounts counts = CountChineseScript(text);
    ASSERT_EQ(counts.han, expected.han) << text;
    ASSERT_EQ(counts.simplified, expected.simplified) << text;
    ASSERT_EQ(counts.traditional, expected.traditional) << text;
  }
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

}  // namespace
}  // namespace lede::engine
