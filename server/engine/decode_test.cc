#include "server/engine/decode.h"

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

// "中文" in GBK.
constexpr char kGbkChinese[] = "\xD6\xD0\xCE\xC4";

TEST(DecodeTest, Utf8PassesThrough) {
  DecodedText decoded = DecodeToUtf8("<p>中文</p>", "");
  EXPECT_EQ(decoded.utf8, "<p>中文</p>");
  EXPECT_EQ(decoded.charset, "UTF-8");
}

TEST(DecodeTest, BomWinsOverLabels) {
  DecodedText decoded =
      DecodeToUtf8("\xEF\xBB\xBF<p>x</p>", "text/html; charset=gbk");
  EXPECT_EQ(decoded.utf8, "<p>x</p>");
  EXPECT_EQ(decoded.charset_source, "bom");
}

TEST(DecodeTest, ContentTypeCharsetIsUsed) {
  DecodedText decoded = DecodeToUtf8(std::string("<p>") + kGbkChinese + "</p>",
                                     "text/html; charset=GBK");
  EXPECT_EQ(decoded.utf8, "<p>中文</p>");
  EXPECT_EQ(decoded.charset, "GB18030");
  EXPECT_EQ(decoded.charset_source, "content-type");
}

TEST(DecodeTest, MetaCharsetGb2312DecodesAsGb18030) {
  DecodedText decoded = DecodeToUtf8(
      std::string("<meta charset=\"gb2312\"><p>") + kGbkChinese + "</p>", "");
  EXPECT_EQ(decoded.charset, "GB18030");
  EXPECT_NE(decoded.utf8.find("中文"), std::string::npos);
}

TEST(DecodeTest, Latin1LabelReadsAsWindows1252) {
  // 0x93/0x94 are curly quotes in windows-1252, controls in ISO-8859-1.
  DecodedText decoded =
      DecodeToUtf8("<p>\x93hi\x94</p>", "text/html; charset=iso-8859-1");
  EXPECT_EQ(decoded.utf8, "<p>\xE2\x80\x9Chi\xE2\x80\x9D</p>");
}

TEST(DecodeTest, InvalidUtf8BecomesReplacementCharacter) {
  DecodedText decoded = DecodeToUtf8(
      "<p>a\xFF"
      "b</p>",
      "text/html; charset=utf-8");
  EXPECT_EQ(decoded.utf8,
            "<p>a\xEF\xBF\xBD"
            "b</p>");
}

TEST(DecodeTest, CanonicalCharsetFollowsWhatwgLabels) {
  EXPECT_EQ(CanonicalCharset("GBK"), "GB18030");
  EXPECT_EQ(CanonicalCharset(" latin1 "), "windows-1252");
  EXPECT_EQ(CanonicalCharset("Shift_JIS"), "windows-31j");
  EXPECT_EQ(CanonicalCharset("no-such-charset"), "");
}

}  // namespace
}  // namespace lede::engine
