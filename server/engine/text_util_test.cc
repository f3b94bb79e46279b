#include "server/engine/text_util.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

TEST(TextUtilTest, LetterPairIndexReadsTwoAsciiLettersInAnyCase) {
  EXPECT_EQ(LetterPairIndex("aa"), 0);
  EXPECT_EQ(LetterPairIndex("zz"), kLetterPairs - 1);
  EXPECT_EQ(LetterPairIndex("byline"), ('b' - 'a') * 26 + ('y' - 'a'));
  EXPECT_EQ(LetterPairIndex("ByLine"), LetterPairIndex("byline"));
  EXPECT_EQ(LetterPairIndex("BY"), LetterPairIndex("by"));
  EXPECT_EQ(LetterPairIndex("a"), -1);
  EXPECT_EQ(LetterPairIndex(""), -1);
  EXPECT_EQ(LetterPairIndex("a1"), -1);
  EXPECT_EQ(LetterPairIndex("_a"), -1);
  EXPECT_EQ(LetterPairIndex("\xC3\xA9t\xC3\xA9"), -1);  // "été"
}

TEST(TextUtilTest, CollapseWhitespace) {
  EXPECT_EQ(CollapseWhitespace("  a \t\n b\u00A0\u3000c\u200B "), "a b c");
  // Soft hyphens only mark where a line may break.
  EXPECT_EQ(CollapseWhitespace("Mit\u00ADtel\u00ADal\u00ADter"), "Mittelalter");
  // Invalid bytes become U+FFFD; everything else is kept.
  EXPECT_EQ(CollapseWhitespace("a\xFF b"), "a\xEF\xBF\xBD b");
  EXPECT_EQ(CollapseWhitespace("中文 text"), "中文 text");
  EXPECT_EQ(CollapseWhitespace(""), "");
  // Runs of kept characters around spaces, soft hyphens and invalid bytes
  // at either end and side by side.
  EXPECT_EQ(CollapseWhitespace("\u00ADa\u00AD \u00AD b\u00AD"), "a b");
  EXPECT_EQ(CollapseWhitespace(" \xFF\xFE x\u0085y\u2028"),
            "\xEF\xBF\xBD\xEF\xBF\xBD x y");
  EXPECT_EQ(CollapseWhitespace("\x1F"
                               "a\x0B\x0C"
                               "b"),
            "\x1F"
            "a b");
  EXPECT_EQ(CollapseWhitespace("一\uFEFF二\u3000\u3000三"), "一 二 三");
}

// CollapseWhitespace passes the characters of lead bytes E4..EC by without
// decoding them: ICU holds that none of U+4000..U+CFFF is white space (or
// a soft hyphen, or a zero-width space), so each is kept as it stands.
TEST(TextUtilTest, CollapseWhitespaceKeepsEveryCharacterOfItsFastRange) {
  for (UChar32 c = 0x4000; c <= 0xCFFF; ++c) {
    ASSERT_FALSE(u_isUWhiteSpace(c)) << c;
    std::string text = " a";
    text.push_back(static_cast<char>(0xE0 | (c >> 12)));
    text.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    text.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    text += "b ";
    ASSERT_EQ(CollapseWhitespace(text), text.substr(1, text.size() - 2)) << c;
  }
}

// Sequences with those lead bytes that are not whole characters are still
// decoded, each invalid one becoming U+FFFD.
TEST(TextUtilTest, CollapseWhitespaceReplacesBrokenSequencesOfItsFastRange) {
  EXPECT_EQ(CollapseWhitespace("\xE4\xB8"), "\xEF\xBF\xBD");
  EXPECT_EQ(CollapseWhitespace("a\xE4\xB8 b"), "a\xEF\xBF\xBD b");
  EXPECT_EQ(CollapseWhitespace("\xE4 \xB8\xAD"),
            "\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(CollapseWhitespace("\xE4\xB8\xAD\xE4\xB8"), "中\xEF\xBF\xBD");
  EXPECT_EQ(CollapseWhitespace("\xEC\x41\x80\xE9\xBF\xBF"),
            "\xEF\xBF\xBD"
            "A\xEF\xBF\xBD\xE9\xBF\xBF");
}

// CollapseWhitespace as its contract says, a code point at a time: the
// kept characters (an invalid sequence as U+FFFD, no soft hyphen), with one
// ' ' where white space stood between two of them.
std::string CollapseWhitespaceByCodePoint(absl::string_view text) {
  std::string out;
  bool pending_space = false;
  ForEachCodePoint(text, [&](UChar32 c, absl::string_view bytes) {
    if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF ||
        (c >= 0 && u_isUWhiteSpace(c))) {
      pending_space = true;
      return true;
    }
    if (c == 0x00AD) return true;
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    const absl::string_view kept = c < 0 ? kReplacementUtf8 : bytes;
    out.append(kept.data(), kept.size());
    return true;
  });
  return out;
}

// The runs CollapseWhitespace copies whole (ASCII words and the single
// spaces between them, ideographs) give what the code points one by one
// give, on texts made at random of white space, soft hyphens, ideographs,
// broken and whole sequences, and ASCII.
TEST(TextUtilTest, CollapseWhitespaceCollapsesAsEachCodePointSays) {
  const std::vector<std::string> pieces = {
      " ",      "  ",   "\t",     "\n",     "\u00A0", "\u3000",    "\u200B",
      "\u00AD", "a",    "Z",      ".",      "!",      "\x7F",      "\x1F",
      "\x0B",   "中",   "\u4000", "\uD7A3", "é",      "\xE4",      "\xE4\xB8",
      "\xB8",   "\xFF", "\uFEFF", "\u2028", "\u0085", "\U0001F600"};
  std::mt19937 random(23);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 16);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int i = count(random); i > 0; --i) text += pieces[pick(random)];
    ASSERT_EQ(CollapseWhitespace(text), CollapseWhitespaceByCodePoint(text))
        << text;
  }
  EXPECT_EQ(CollapseWhitespace("one two  three \u00ADfour"),
            "one two three four");
}

// CollapsedSizeAtLeast bounds CollapseWhitespace's size from below, and
// the bounds of two texts add up to at most their concatenation's, on
// texts made at random of white space, soft hyphens, ideographs, broken and
// whole sequences of every length, and ASCII.
TEST(TextUtilTest, CollapsedSizeAtLeastBoundsTheCollapsedText) {
  const std::vector<std::string> pieces = {
      " ",        "\t",     "\n",     "\u00A0",   "\u3000",     "\u200B",
      "\u00AD",   "a",      "Z",      ".",        "中",         "\u4000",
      "\uCFFF",   "\uD7A3", "\u3042", "é",        "\U0001F600", "\xE4",
      "\xE4\xB8", "\xB8",   "\xAD",   "\xEC\x41", "\xFF",       "\uFEFF",
      "\x1F",     "\u2028", "\uE000"};
  std::mt19937 random(22);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 12);
  for (int round = 0; round < 20000; ++round) {
    std::string a, b;
    for (int i = count(random); i > 0; --i) a += pieces[pick(random)];
    for (int i = count(random); i > 0; --i) b += pieces[pick(random)];
    const std::string ab = a + b;
    ASSERT_LE(CollapsedSizeAtLeast(ab), CollapseWhitespace(ab).size()) << ab;
    ASSERT_LE(CollapsedSizeAtLeast(a) + CollapsedSizeAtLeast(b),
              CollapsedSizeAtLeast(ab))
        << ab;
  }
  EXPECT_EQ(CollapsedSizeAtLeast(" 中文 ab\u00A0"), 8u);
  EXPECT_EQ(CollapsedSizeAtLeast(""), 0u);
}

TEST(TextUtilTest, IsBlank) {
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank(" \t\n\u00A0\u200B"));
  EXPECT_FALSE(IsBlank(" x "));
  EXPECT_FALSE(IsBlank("\xFF"));
}

TEST(TextUtilTest, ForEachCodePointStopsWhenAsked) {
  std::vector<int> seen;
  ForEachCodePoint("a\xFFé中z", [&](UChar32 c, absl::string_view bytes) {
    seen.push_back(c < 0 ? -static_cast<int>(bytes.size()) : c);
    return c != 0x4E2D;
  });
  EXPECT_EQ(seen, (std::vector<int>{'a', -1, 0xE9, 0x4E2D}));
}

TEST(TextUtilTest, EscapeAndDecode) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">&</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(DecodeHtmlEntities("Tom &amp; Jerry &#8211; &#x2014; &rsquo;"),
            "Tom & Jerry \u2013 \u2014 \u2019");
  EXPECT_EQ(EscapeHtml(""), "");
  EXPECT_EQ(EscapeHtml("plain text"), "plain text");
  EXPECT_EQ(EscapeHtml("\"&&<>\""), "&quot;&amp;&amp;&lt;&gt;&quot;");
  EXPECT_EQ(EscapeHtml("a<b"), "a&lt;b");
  EXPECT_EQ(DecodeHtmlEntities("&unknown; & &#0; &#x110000;"),
            "&unknown; & &#0; &#x110000;");
}

// A special character at every place of texts of every length up to 20,
// beside bytes one off from the specials and beside UTF-8, is escaped.
TEST(TextUtilTest, EscapesASpecialCharacterAtEveryPlace) {
  for (const char special : {'&', '<', '>', '"'}) {
    for (size_t length = 1; length <= 20; ++length) {
      for (size_t at = 0; at < length; ++at) {
        std::string text(length, 'x');
        text[(at + 1) % length] = special + 1;
        text[(at + 2) % length] = '\xE4';
        text[at] = special;
        std::string expected;
        for (char c : text) {
          expected += c == '&'   ? "&amp;"
                      : c == '<' ? "&lt;"
                      : c == '>' ? "&gt;"
                      : c == '"' ? "&quot;"
                                 : std::string(1, c);
        }
        EXPECT_EQ(EscapeHtml(text), expected) << length << " " << at;
      }
    }
  }
}

TEST(TextUtilTest, Counting) {
  EXPECT_EQ(AsciiLower("ÉcoLE"), "École");
  EXPECT_EQ(CodePointCount("héllo 世界"), 8u);
  EXPECT_EQ(LetterCount("héllo, 世界 42!"), 7u);
  EXPECT_TRUE(IsHan(0x4E2D));
  EXPECT_FALSE(IsHan('a'));
}

// CodePointCount reads eight bytes at a time and adds its counts up every
// 255 words: held to a byte-by-byte count at every length around those
// steps, on text of one- to four-byte characters and stray bytes.
TEST(TextUtilTest, CodePointCountMatchesAByteByByteCount) {
  const std::string pieces[] = {"a", "é", "世", "😀", "\x80", "\xFF"};
  std::string text;
  for (size_t k = 0; text.size() < 2 * 8 * 255 + 40; ++k) {
    text += pieces[(k * 7 + k / 3) % 6];
  }
  for (size_t length = 0; length <= text.size(); ++length) {
    const absl::string_view prefix(text.data(), length);
    size_t expected = 0;
    for (unsigned char c : prefix) expected += (c & 0xC0) != 0x80;
    ASSERT_EQ(CodePointCount(prefix), expected) << length;
  }
}

// HasAsciiDigit tests eight bytes at a time: held to a byte-by-byte test for
// every byte value, alone and at each place of a word and of the tail.
TEST(TextUtilTest, HasAsciiDigitMatchesAByteByByteTest) {
  for (int byte = 0; byte < 256; ++byte) {
    const bool digit = byte >= '0' && byte <= '9';
    for (size_t length = 1; length <= 19; ++length) {
      for (size_t at = 0; at < length; ++at) {
        // Filled with the bytes on either side of the digits, which the
        // word test must not take for them.
        std::string text(length, at % 2 == 0 ? '/' : ':');
        text[at] = static_cast<char>(byte);
        ASSERT_EQ(HasAsciiDigit(text), digit)
            << byte << " " << length << " " << at;
      }
    }
  }
  EXPECT_FALSE(HasAsciiDigit(""));
  EXPECT_FALSE(HasAsciiDigit("no digit in this sentence, none at all"));
  EXPECT_TRUE(HasAsciiDigit("posted on May 5"));
}

// The fast paths of IsHan and the language stage's script count take every
// CJK Unified Ideograph as an alphabetic Han letter without asking ICU:
// this holds ICU to it, code point by code point.
TEST(TextUtilTest, CjkUnifiedIdeographsAreHanLetters) {
  for (int32_t c = kCjkUnifiedFirst; c <= kCjkUnifiedLast; ++c) {
    UErrorCode status = U_ZERO_ERROR;
    ASSERT_EQ(uscript_getScript(c, &status), USCRIPT_HAN) << std::hex << c;
    ASSERT_TRUE(u_isalpha(c)) << std::hex << c;
  }
  EXPECT_TRUE(IsHan(kCjkUnifiedFirst));
  EXPECT_TRUE(IsHan(kCjkUnifiedLast));
  EXPECT_TRUE(IsHan(0x3400));   // Extension A, through ICU
  EXPECT_FALSE(IsHan(0x3042));  // Hiragana
}

}  // namespace
}  // namespace lede::engine
