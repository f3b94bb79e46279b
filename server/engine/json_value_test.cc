#include "server/engine/json_value.h"

#include <string>

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

using Json = nlohmann::json;

Json ByNlohmann(absl::string_view text) {
  return Json::parse(text.begin(), text.end(), nullptr,
                     /*allow_exceptions=*/false);
}

// The same value and the same number types as nlohmann's parse (dump()
// tells them apart, == compares numbers across types).
void ExpectAsNlohmann(const std::string& text) {
  const Json expected = ByNlohmann(text);
  const Json read = ParseJsonValue(text);
  EXPECT_EQ(read.is_discarded(), expected.is_discarded()) << text;
  if (!expected.is_discarded()) EXPECT_EQ(read.dump(), expected.dump()) << text;
}

TEST(JsonValueTest, ReadsWhatNlohmannReadsToTheSameValue) {
  const std::string kDocuments[] = {
      R"({"@context": "https://schema.org", "@type": ["NewsArticle"],
          "headline": "Budget passes", "author": [{"@type": "Person",
          "name": "Jane Doe"}], "articleBody": "The council voted \"yes\".",
          "wordCount": 1200, "rating": -3, "ratio": 1.5e3, "big":
          123456789012345678901234, "free": true, "paid": false,
          "none": null, "empty": {}, "list": [], "nested": [[1, [2]]]})",
      // Escapes, a surrogate pair, text past ASCII in two to four bytes.
      R"(["a\/b\\c\bd\fe\nf\rg\th", "\u00e9\u4e2d\uD83D\uDE00\u0000",
          "café 中文 😀", "\u0041\u00C9"])",
      // A key written twice keeps its last value.
      R"({"name": "first", "name": "second"})",
      " \t\r\n\"alone\" \n",
      "0",
      "-0",
      "18446744073709551615",
      "18446744073709551616",
      "9223372036854775808",
      "-9223372036854775808",
      "[0.5, -0.0, 1E+2, 3e-2]",
      "\xEF\xBB\xBF{\"a\": 1}",
      std::string("[1]\0 not read", 13),
  };
  for (const std::string& text : kDocuments) {
    ASSERT_FALSE(ByNlohmann(text).is_discarded()) << text;
    ExpectAsNlohmann(text);
  }
}

TEST(JsonValueTest, IntegersAreTypedAsNlohmannTypesThem) {
  EXPECT_TRUE(ParseJsonValue("7").is_number_unsigned());
  EXPECT_TRUE(ParseJsonValue("-7").is_number_integer());
  EXPECT_FALSE(ParseJsonValue("-7").is_number_unsigned());
  EXPECT_TRUE(ParseJsonValue("7.0").is_number_float());
}

TEST(JsonValueTest, RefusesWhatNlohmannRefuses) {
  const std::string kNotJson[] = {
      "",
      " ",
      "[1, 2,]",
      R"({"a": 1,})",
      R"({"a" 1})",
      R"({a: 1})",
      "[1 2]",
      "{} {}",
      "01",
      "-",
      "1.",
      ".5",
      "+1",
      "1-2",
      "tru",
      "trueish",
      "nul",
      "[\"unterminated]",
      "\"a\tb\"",
      "\"bad escape \\x\"",
      "\"short \\u12\"",
      "\"lone high \\uD83D\"",
      "\"lone low \\uDE00\"",
      "\"high then other \\uD83D\\u0041\"",
      "\"overlong \xC0\x80\"",
      "\"surrogate \xED\xA0\x80\"",
      "\"past U+10FFFF \xF4\x90\x80\x80\"",
      "\"lead byte \xF5\x80\x80\x80\"",
      "\"cut short \xE4\xB8\"",
      "\"stray continuation \x80\"",
      "// comment\n{}",
      "{/* comment */}",
      std::string("[1\0]", 4),
  };
  for (const std::string& text : kNotJson) {
    ASSERT_TRUE(ByNlohmann(text).is_discarded()) << text;
    EXPECT_TRUE(ParseJsonValue(text).is_discarded()) << text;
  }
}

TEST(JsonValueTest, DeepNestingIsLeftToNlohmann) {
  // Not thousands deep: dump() and == recurse, and the test's stack (under
  // AddressSanitizer) is the limit then, not the parsers'.
  for (int depth : {kMaxCopiedJsonDepth, kMaxCopiedJsonDepth + 1, 300}) {
    ExpectAsNlohmann(std::string(depth, '[') + std::string(depth, ']'));
  }
}

}  // namespace
}  // namespace lede::engine
