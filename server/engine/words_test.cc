#include "server/engine/words.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

TEST(WordsTest, SpacesAndPunctuationAreNotWords) {
  EXPECT_THAT(
      SplitWords("The quick, brown fox."),
      ElementsAre(Field(&Word::folded, "the"), Field(&Word::folded, "quick"),
                  Field(&Word::folded, "brown"), Field(&Word::folded, "fox")));
  EXPECT_TRUE(SplitWords("").empty());
  EXPECT_TRUE(SplitWords(" — !? ").empty());
}

TEST(WordsTest, ChineseSplitsIntoDictionaryWords) {
  // ICU's dictionary splits Chinese into words, not one run per sentence.
  std::vector<Word> words =
      SplitWords("比利时情报部门正在监控阿里巴巴的物流平台。");
  EXPECT_GE(words.size(), 6u);
  int letters = 0;
  for (const Word& word : words) {
    EXPECT_EQ(word.script, USCRIPT_HAN);
    letters += word.letters;
  }
  EXPECT_EQ(letters, 20);
}

// SplitWords writes a word of CJK Unified Ideographs as it is, with its
// letters counted and its script Han, without asking ICU: each of them is
// its own case folding, an alphabetic Han letter, and a word of its own
// written as ICU's UTF-8.
TEST(WordsTest, CjkUnifiedIdeographsAreTheirOwnFolding) {
  for (UChar32 c = kCjkUnifiedFirst; c <= kCjkUnifiedLast; ++c) {
    icu::UnicodeString character(c);
    std::string utf8, folded;
    character.toUTF8String(utf8);
    character.foldCase().toUTF8String(folded);
    ASSERT_EQ(folded, utf8) << std::hex << c;
    std::vector<Word> words = SplitWords(utf8);
    ASSERT_EQ(words.size(), 1u) << std::hex << c;
    ASSERT_EQ(words[0].folded, utf8) << std::hex << c;
    ASSERT_EQ(words[0].letters, 1) << std::hex << c;
    ASSERT_EQ(words[0].script, USCRIPT_HAN) << std::hex << c;
  }
}

TEST(WordsTest, ScriptAndLettersOfEachWord) {
  std::vector<Word> words = SplitWords("Straße 2024 слово");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].folded, "strasse");  // full case folding
  EXPECT_EQ(words[0].script, USCRIPT_LATIN);
  EXPECT_EQ(words[0].letters, 6);
  EXPECT_EQ(words[1].script, USCRIPT_COMMON);  // a number has no letters
  EXPECT_EQ(words[1].letters, 0);
  EXPECT_EQ(words[2].script, USCRIPT_CYRILLIC);
}

}  // namespace
}  // namespace lede::engine
