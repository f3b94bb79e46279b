#include "server/engine/words.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/han_words.h"
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
  Words words = SplitWords("比利时情报部门正在监控阿里巴巴的物流平台。");
  EXPECT_GE(words.size(), 6u);
  int letters = 0;
  for (const Word& word : words) {
    EXPECT_EQ(word.script, USCRIPT_HAN);
    letters += word.letters;
  }
  EXPECT_EQ(letters, 20);
}

// Whether ICU's case folding keeps `c` as it is, and UTF-8 writes it in
// three bytes.
bool IsOwnThreeByteFolding(UChar32 c) {
  icu::UnicodeString character(c);
  std::string utf8, folded;
  character.toUTF8String(utf8);
  character.foldCase().toUTF8String(folded);
  return folded == utf8 && utf8.size() == 3;
}

// SplitWords writes a word of CJK Unified Ideographs as it is, with its
// letters counted and its script Han, without asking ICU: each of them is
// its own case folding, an alphabetic Han letter, and a word of its own
// written as ICU's UTF-8.
TEST(WordsTest, CjkUnifiedIdeographsAreTheirOwnFolding) {
  for (UChar32 c = kCjkUnifiedFirst; c <= kCjkUnifiedLast; ++c) {
    ASSERT_TRUE(IsOwnThreeByteFolding(c)) << std::hex << c;
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    Words words = SplitWords(utf8);
    ASSERT_EQ(words.size(), 1u) << std::hex << c;
    ASSERT_EQ(words[0].folded, utf8) << std::hex << c;
    ASSERT_EQ(words[0].letters, 1) << std::hex << c;
    ASSERT_EQ(words[0].script, USCRIPT_HAN) << std::hex << c;
  }
}

// Kana and the other ideographs that SplitWords writes out without ICU's
// case folding are their own folding, three UTF-8 bytes each.
TEST(WordsTest, KanaAndIdeographsAreTheirOwnFolding) {
  const std::vector<std::pair<UChar32, UChar32>> ranges = {
      {0x3040, 0x30FF}, {0x31F0, 0x31FF}, {0x3400, 0x4DBF}, {0xFF65, 0xFF9F}};
  for (const auto& [first, last] : ranges) {
    for (UChar32 c = first; c <= last; ++c) {
      ASSERT_TRUE(IsOwnThreeByteFolding(c)) << std::hex << c;
    }
  }
}

TEST(WordsTest, ScriptAndLettersOfEachWord) {
  Words words = SplitWords("Straße 2024 слово");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].folded, "strasse");  // full case folding
  EXPECT_EQ(words[0].script, USCRIPT_LATIN);
  EXPECT_EQ(words[0].letters, 6);
  EXPECT_EQ(words[1].script, USCRIPT_COMMON);  // a number has no letters
  EXPECT_EQ(words[1].letters, 0);
  EXPECT_EQ(words[2].script, USCRIPT_CYRILLIC);
}

// The oracle: the words of `text` as ICU's word break iterator alone makes
// them from the whole text, each written as "folded/letters/script".
std::vector<std::string> IcuWords(const std::string& text) {
  static const std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    EXPECT_TRUE(U_SUCCESS(status));
    return made;
  }();
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  breaker->setText(unicode);
  std::vector<std::string> words;
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker->next()) {
    if (breaker->getRuleStatus() == UBRK_WORD_NONE) continue;
    int letters = 0;
    int script = USCRIPT_COMMON;
    for (int32_t i = start; i < end; i = unicode.moveIndex32(i, 1)) {
      const UChar32 c = unicode.char32At(i);
      if (!u_isalpha(c)) continue;
      if (letters++ == 0) {
        UErrorCode script_status = U_ZERO_ERROR;
        script = uscript_getScript(c, &script_status);
      }
    }
    std::string folded;
    icu::UnicodeString(unicode, start, end - start)
        .foldCase()
        .toUTF8String(folded);
    words.push_back(folded + "/" + std::to_string(letters) + "/" +
                    std::to_string(script));
  }
  return words;
}

std::vector<std::string> Written(const Words& words) {
  std::vector<std::string> written;
  for (const Word& word : words) {
    written.push_back(std::string(word.folded) + "/" +
                      std::to_string(word.letters) + "/" +
                      std::to_string(word.script));
  }
  return written;
}

// The words' bytes are held by the Words, one buffer for all: a short text
// (whose buffer a string would keep inline) still reads the same after the
// Words are moved, and a token met again reads as the first.
TEST(WordsTest, WordsKeepTheirBytesWhenMoved) {
  Words split = SplitWords("Ab 比利时 ab 比利时");
  const std::vector<std::string> written = Written(split);
  Words moved = std::move(split);
  EXPECT_EQ(Written(moved), written);
  // "比利时" is two words ("比利", "时"), and the same two again.
  ASSERT_EQ(moved.size(), 6u);
  EXPECT_EQ(moved[0].folded, "ab");
  EXPECT_EQ(moved[1].folded, "比利");
  EXPECT_EQ(moved[2].folded, "时");
  EXPECT_EQ(moved[3].folded, "ab");
  EXPECT_EQ(moved[4].folded.data(), moved[1].folded.data());
  EXPECT_EQ(moved[5].folded.data(), moved[2].folded.data());
}

// SplitWords breaks ASCII by its own rules: every ASCII text up to five
// characters long over the characters those rules tell apart (letters,
// digits, '_', '@', the middle marks, other punctuation, spaces and line
// breaks) breaks into ICU's words.
TEST(WordsTest, AsciiBreaksAsIcuDoes) {
  constexpr char kAlphabet[] = "a7_.':,;@- \n\r";
  const std::string alphabet(kAlphabet);
  std::vector<size_t> digits;
  for (int length = 1; length <= 5; ++length) {
    digits.assign(length, 0);
    while (true) {
      std::string text;
      for (size_t d : digits) text += alphabet[d];
      ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
          << "\"" << text << "\"";
      int at = length - 1;
      while (at >= 0 && ++digits[at] == alphabet.size()) digits[at--] = 0;
      if (at < 0) break;
    }
  }
  EXPECT_EQ(
      Written(SplitWords("U.S. e.g. 3.14 1,000.50 don't a_b __ _ x:y a@b.c")),
      IcuWords("U.S. e.g. 3.14 1,000.50 don't a_b __ _ x:y a@b.c"));
}

// Texts that mix ASCII with other scripts, combining marks, joiners and
// emoji, next to spaces and inside words, break alike whether the ASCII
// runs go to ICU or not.
TEST(WordsTest, MixedTextBreaksAsIcuDoes) {
  std::vector<std::string> pieces = {
      "a",  "Z",  "7",      "_",      ".",      "'",      ":",  ",",
      ";",  " ",  "\n",     "\r",     "\t",     "\v",     "\f", "é",
      "ß",  "中", "文",     "\u0301", "\u200D", "😀",      "א",  "ア",
      "한", "ก",  "\u00A0", "\u2019", "\u3000", "\u00AD", "€"};
  for (char c = '!'; c <= '~'; ++c) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      pieces.push_back(std::string(1, c));
    }
  }
  std::mt19937 random(22);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 24);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int i = length(random); i > 0; --i) text += pieces[pick(random)];
    ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
        << "\"" << text << "\"";
  }
}

// Random texts of 1 to `most` pieces, each one from `sometimes` one time in
// `one_in` and from `others` else, 40,000 of them, break and fold as ICU
// does.
void ExpectMixesBreakAsIcu(const std::vector<std::string>& sometimes,
                           const std::vector<std::string>& others, int one_in,
                           int most, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<size_t> pick_sometimes(0, sometimes.size() - 1);
  std::uniform_int_distribution<size_t> pick_others(0, others.size() - 1);
  std::uniform_int_distribution<int> length(1, most);
  for (int round = 0; round < 40000; ++round) {
    std::string text;
    for (int i = length(random); i > 0; --i) {
      text += random() % one_in == 0 ? sometimes[pick_sometimes(random)]
                                     : others[pick_others(random)];
    }
    ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
        << "\"" << text << "\"";
  }
}

// The ASCII rules break the letters UTF-8 writes in two bytes too: texts
// of every character U+0080..U+07FF (letters of Latin, Greek, Cyrillic,
// Armenian, Hebrew, Arabic...; their marks, digits and signs, which send a
// token to ICU), beside ASCII letters, digits, marks and spaces and a byte
// that is no UTF-8, break and fold as ICU does.
TEST(WordsTest, TwoByteLettersBreakAsIcuDoes) {
  const std::vector<std::string> ascii = {
      "a",  "Z", "7",    "_",    ".", "'", ",",  ":",       " ",
      "\n", "-", "\xC3", "\xA9", "@", ";", "\t", "\xC0\xAF"};
  std::vector<std::string> two_byte;
  for (char32_t c = 0x80; c < 0x800; ++c) {
    two_byte.push_back({static_cast<char>(0xC0 | (c >> 6)),
                        static_cast<char>(0x80 | (c & 0x3F))});
  }
  ExpectMixesBreakAsIcu(ascii, two_byte, /*one_in=*/2, /*most=*/16,
                        /*seed=*/23);
  for (const std::string text :
       {"Straße GRÜNE Ærø l'été 3é ÿ", "Łódź ĞÜŞ İstanbul ſ ŉ ǰ",
        "Москва ЁЖИК ёлка's", "ΣΊΣΥΦΟΣ ΐ ς", "Երևան և", "مرحبا"}) {
    EXPECT_EQ(Written(SplitWords(text)), IcuWords(text)) << text;
  }
}

// The ASCII rules break the punctuation of U+2000..U+203F that ICU's
// rules break beside letters (quotation marks, dashes, the ellipsis) or
// between them (the apostrophe of "don\u2019t"): texts of every character
// of that block, beside ASCII letters, digits, marks and spaces, two-byte
// letters, a truncated sequence and other characters past ASCII, break and
// fold as ICU does.
TEST(WordsTest, GeneralPunctuationBreaksAsIcuDoes) {
  std::vector<std::string> pieces = {
      "a", "Z",      "7",      "_",  ".",      "'",        ",",
      ":", " ",      "\n",     "-",  "\xE2",   "\xE2\x80", "\xE2\x80\x80\x80",
      "é", "\u0301", "\u00A0", "中", "\u3000", "\u2060",   "\uFE52"};
  std::vector<std::string> punctuation;
  for (char32_t c = 0x2000; c < 0x2040; ++c) {
    punctuation.push_back({static_cast<char>(0xE2),
                           static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (c & 0x3F))});
  }
  ExpectMixesBreakAsIcu(punctuation, pieces, /*one_in=*/3, /*most=*/12,
                        /*seed=*/24);
  for (const std::string text :
       {"\u201CDon\u2019t,\u201D she said \u2014 \u2018twice\u2019\u2026",
        "1\u20192 a\u2019\u2019b \u2019a\u2019 3\u20134 x\u2024y"}) {
    EXPECT_EQ(Written(SplitWords(text)), IcuWords(text)) << text;
  }
}

// A text whose tokens come again, as a text of few distinct words does:
// the tokens of the dictionary scripts that SplitWords breaks once and
// copies after, beside new ones, other scripts, ASCII and bytes that are
// not UTF-8, break as ICU breaks the whole text.
TEST(WordsTest, TokensMetAgainBreakAsIcuDoes) {
  const std::vector<std::string> tokens = {
      "caf\xEF\xBE\x83\xEF\xBD\xA9",  // "caf" and half-width katakana
      "\xEF\xBE\x96\xEF\xBE\x90\xEF\xBE\x8E\xEF\xBE\x84",
      "テスト",
      "コンピュータソフトウェア",
      "東京都の新しいビル",
      "中文",
      "比利时情报部门",
      "ภาษาไทย",
      "ສະບາຍດີ",
      "ខ្មែរ",
      "မြန်မာ",
      "한국어",
      "слово",
      "word",
      "2024年",
      "ア\u0301",
      "\u200Dア",
      "ア_イ",
      "\xFF中\xFE",
      "中\xE4\xB8",
      "「引用」",
      "…",
      "東京。大阪",
      "\U00020000\U00020001"};
  const std::vector<std::string> spaces = {" ", "  ", "\n", "\t", "\r\n"};
  std::mt19937 random(19);
  std::uniform_int_distribution<size_t> pick_token(0, tokens.size() - 1);
  std::uniform_int_distribution<size_t> pick_space(0, spaces.size() - 1);
  std::uniform_int_distribution<int> length(1, 40);
  std::uniform_int_distribution<int> coin(0, 1);
  for (int round = 0; round < 3000; ++round) {
    std::string text = coin(random) ? spaces[pick_space(random)] : "";
    for (int i = length(random); i > 0; --i) {
      text += tokens[pick_token(random)];
      if (i > 1 || coin(random)) text += spaces[pick_space(random)];
    }
    ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
        << "\"" << text << "\"";
  }
}

// A text's tokens are found eight bytes at a time: each of the spaces
// that part tokens, and control characters under 0x21 that do not, at
// every place of a Chinese line, break as ICU breaks the whole text.
TEST(WordsTest, SpacesAtEveryPlaceOfALineBreakAsIcuDoes) {
  const std::string line = "海康威视服务于全球一百五十多个国家和地区";
  for (const char mark : {' ', '\t', '\n', '\v', '\f', '\r', '\x01', '\x1f'}) {
    for (size_t at = 0; at <= line.size(); at += 3) {
      std::string text = line;
      text.insert(at, 1, mark);
      ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
          << static_cast<int>(mark) << " at " << at;
      // And again after a token, as a token met again is copied.
      text = line + " " + text;
      ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
          << static_cast<int>(mark) << " at " << at;
    }
  }
}

// Runs of ideographs between characters that break beside them are broken
// by HanSegmenter, the rest by ICU's iterator: pieces of Chinese news text
// cut at random (so the dictionary's words meet at every place), with the
// punctuation around runs, ASCII, kana, the other ideographs, combining
// marks, joiners and bytes that are not UTF-8 between them, break as ICU
// breaks the whole text.
// ASCII between ideographs (a year, a Latin name, "3.14", "U.S.") is broken
// by the ASCII rules, not by ICU's iterator: every run of up to six
// characters over the characters those rules tell apart, between
// ideographs and Chinese punctuation, breaks into ICU's words, and so do
// its tokens met again.
TEST(WordsTest, AsciiBetweenIdeographsBreaksAsIcuDoes) {
  const std::string alphabet = "a7_.':,;@-A ";
  const std::vector<std::string> sides = {"中国", "经济", "，", "。", "“", ""};
  std::mt19937 random(22);
  std::uniform_int_distribution<size_t> pick_char(0, alphabet.size() - 1);
  std::uniform_int_distribution<size_t> pick_side(0, sides.size() - 1);
  std::uniform_int_distribution<int> length(1, 6);
  for (int round = 0; round < 20000; ++round) {
    std::string text = "发展";
    for (int piece = 0; piece < 3; ++piece) {
      text += sides[pick_side(random)];
      for (int i = length(random); i > 0; --i)
        text += alphabet[pick_char(random)];
      text += sides[pick_side(random)] + "年";
    }
    // Its tokens again: their words are copied by the token ends.
    text += " " + text;
    ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
        << "\"" << text << "\"";
  }
}

// Chinese text's punctuation between ideographs (a full-width comma in
// "5\uFF0C000", brackets around "iPhone", a colon after a name) is broken
// by the ASCII rules too: 40 000 runs of up to eight characters over ASCII
// and every character of U+2000..U+203F, U+3000..U+303F and U+FF00..U+FF7F
// (letters, digits and marks the rules leave to ICU's iterator among them),
// between ideographs, break into ICU's words, and so does each of those
// characters between two digits or two letters.
TEST(WordsTest, ChinesePunctuationBetweenIdeographsBreaksAsIcuDoes) {
  std::vector<std::string> alphabet;
  for (const char c : std::string("a7_.':,;@-A ")) {
    alphabet.push_back(std::string(1, c));
  }
  for (const auto& [first, last] : std::vector<std::pair<UChar32, UChar32>>{
           {0x2000, 0x203F}, {0x3000, 0x303F}, {0xFF00, 0xFF7F}}) {
    for (UChar32 c = first; c <= last; ++c) {
      std::string utf8;
      icu::UnicodeString(c).toUTF8String(utf8);
      alphabet.push_back(utf8);
    }
  }
  // Each character between two digits, two letters, and a digit and a
  // letter, where a mark that joins them would.
  for (const std::string& mark : alphabet) {
    for (const std::string& around : {"7X7", "aXa", "7Xa", "a.X", "X_7"}) {
      std::string text = "中" + around + "国";
      text.replace(text.find('X'), 1, mark);
      ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
          << "\"" << text << "\"";
    }
  }
  const std::vector<std::string> sides = {"中国", "经济", "，", "。", "（", ""};
  std::mt19937 random(23);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<size_t> pick_ascii(0, 11);
  std::uniform_int_distribution<size_t> pick_side(0, sides.size() - 1);
  std::uniform_int_distribution<int> length(1, 8);
  std::uniform_int_distribution<int> coin(0, 1);
  for (int round = 0; round < 40000; ++round) {
    std::string text = "发展";
    for (int piece = 0; piece < 2; ++piece) {
      text += sides[pick_side(random)];
      for (int i = length(random); i > 0; --i) {
        // Half the characters ASCII, so that marks stand between digits
        // and letters.
        text += alphabet[coin(random) ? pick_ascii(random) : pick(random)];
      }
      text += sides[pick_side(random)] + "年";
    }
    ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
        << "\"" << text << "\"";
  }
}

// ICU's dictionary is there and HanSegmenter is made from it (without it,
// every run of ideographs would go to ICU's iterator, at several times the
// cost, and the tests of whole texts would still pass); a run alone breaks
// where ICU's iterator breaks it.
TEST(WordsTest, HanSegmenterIsMadeFromIcusDictionary) {
  const HanSegmenter* const han = HanSegmenter::Get();
  ASSERT_NE(han, nullptr);
  const icu::UnicodeString run(u"中华人民共和国海康威视服务于全球");
  std::vector<int32_t> ends;
  std::vector<uint32_t> costs;
  std::vector<int32_t> previous;
  han->Segment(run.getBuffer(), run.length(), &ends, &costs, &previous);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> breaker(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  ASSERT_TRUE(U_SUCCESS(status));
  breaker->setText(run);
  std::vector<int32_t> icu_ends;
  breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE;
       end = breaker->next()) {
    icu_ends.push_back(end);
  }
  EXPECT_EQ(ends, icu_ends);
  EXPECT_GT(ends.size(), 3u);
}

// HanSegmenter keeps the trie's step after the pairs of ideographs a
// thread met last, in slots that later pairs take over: pieces of text
// whose pairs come again after tens of thousands of others (characters of
// news text, and any ideograph, at random) break as ICU breaks them, the
// first time and after.
TEST(WordsTest, PairsMetAgainAfterOthersBreakAsIcuDoes) {
  const icu::UnicodeString news(
      u"国务院新闻办公室今天上午举行发布会介绍上半年国民经济运行情况"
      u"人工智能技术正在改变软件开发者的工作方式与日常生活");
  std::mt19937 random(42);
  std::uniform_int_distribution<int32_t> pick_news(0, news.length() - 1);
  std::uniform_int_distribution<int32_t> pick_any(kCjkUnifiedFirst,
                                                  kCjkUnifiedLast);
  std::uniform_int_distribution<int> run_length(1, 40);
  std::uniform_int_distribution<int> coin(0, 3);
  for (int round = 0; round < 400; ++round) {
    icu::UnicodeString text;
    for (int run = 0; run < 8; ++run) {
      for (int i = run_length(random); i > 0; --i) {
        text.append(coin(random) == 0 ? static_cast<char16_t>(pick_any(random))
                                      : news[pick_news(random)]);
      }
      text.append(u'\uFF0C');  // a full-width comma between runs
    }
    std::string utf8;
    text.toUTF8String(utf8);
    ASSERT_EQ(Written(SplitWords(utf8)), IcuWords(utf8)) << utf8;
  }
}

TEST(WordsTest, ChineseBreaksAsIcuDoes) {
  const std::vector<std::string> sentences = {
      "英国金融时报四日援引四名知情人士的消息称美国政府正在考虑制裁",
      "海康威视服务于全球一百五十多个国家和地区",
      "中方将继续采取一切必要举措维护中国企业合法权益",
      "比利时情报部门正在监控阿里巴巴在欧洲的物流平台",
      "最近俄媒盛传中国的两大商业巨头毫无预警地仓促撤离俄罗斯",
      "國際貨幣基金組織週二發佈最新一期世界經濟展望報告",
      "研究生命起源的科学家在南极冰层下发现了新的微生物群落",
      "北京市人民政府新闻办公室举行新闻发布会介绍有关情况",
      // Characters that start no dictionary word of one character, some of
      // them the start of a longer one (倹治, 偸安, 剱崎, 叁拾).
      "他在倹治偸安的丂丄之间厮守叁拾年剱崎呑助丨丩丬丯叄拾働丒丗"};
  std::vector<std::string> between = {
      " ",      "\n", "\t", "\r\n",   "，",     "。",     "、",     "：",
      "；",     "！", "？", "“",      "”",      "‘",      "’",      "（",
      "）",     "《", "》", "「",     "」",     "『",     "』",     "【",
      "】",     "〈", "〉", "…",      "—",      "·",      "\u3000", "2024",
      "iPhone", "_",  "@",  ".",      "'",      ",",      "-",      "é",
      "の",     "ア", "ー", "한",     "㐀",     "豈",     "𠀀",     "々",
      "〇",     "１", "Ａ", "\u0301", "\u200D", "\uFE0F", "\xFF",   "\uFFFD",
      "😀",      "ก"};
  for (char c = '!'; c <= '~'; ++c) between.push_back(std::string(1, c));
  std::mt19937 random(22);
  std::uniform_int_distribution<size_t> pick_sentence(0, sentences.size() - 1);
  std::uniform_int_distribution<size_t> pick_between(0, between.size() - 1);
  std::uniform_int_distribution<int> pieces(1, 12);
  std::uniform_int_distribution<int> coin(0, 2);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    for (int i = pieces(random); i > 0; --i) {
      // A piece of a sentence, whole characters of three bytes each.
      const std::string& sentence = sentences[pick_sentence(random)];
      const size_t characters = sentence.size() / 3;
      std::uniform_int_distribution<size_t> at(0, characters - 1);
      size_t from = at(random), to = at(random);
      if (from > to) std::swap(from, to);
      text += sentence.substr(3 * from, 3 * (to - from + 1));
      if (coin(random) > 0) text += between[pick_between(random)];
    }
    ASSERT_EQ(Written(SplitWords(text)), IcuWords(text))
        << "\"" << text << "\"";
  }
  for (const std::string& sentence : sentences) {
    EXPECT_EQ(Written(SplitWords(sentence)), IcuWords(sentence));
  }
}

}  // namespace
}  // namespace lede::engine
