#include "server/engine/text_util.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

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
