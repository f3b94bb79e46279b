#include "server/engine/engine.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

using ::testing::HasSubstr;

v1::ParseRequest Request(std::string content) {
  v1::ParseRequest request;
  request.set_content(std::move(content));
  request.set_id("doc-1");
  return request;
}

TEST(EngineTest, EmptyContentIsInvalidArgument) {
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(Request(" \n"));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("empty"));
}

TEST(EngineTest, BinaryContentIsInvalidArgument) {
  absl::StatusOr<v1::ParseResponse> response =
      Engine().Parse(Request(std::string("\x89PNG\r\n\x1a\n\0\0", 10)));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("PNG"));
}

TEST(EngineTest, OversizeContentIsResourceExhausted) {
  Limits limits;
  limits.max_input_bytes = 100;
  absl::StatusOr<v1::ParseResponse> response =
      Engine(limits).Parse(Request(std::string(101, 'x')));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(response.status().message(), HasSubstr("max_input_bytes"));
}

TEST(EngineTest, PassedDeadlineIsDeadlineExceeded) {
  absl::StatusOr<v1::ParseResponse> response =
      Engine().Parse(Request("<p>Hello there.</p>"), absl::InfinitePast());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded);
}

TEST(EngineTest, ParsesAPageEndToEnd) {
  v1::ParseRequest request = Request(
      "<html lang=en><head><title>Budget passes - Example</title></head>"
      "<body><article><h1>Budget passes</h1><p>The council voted on Tuesday "
      "to approve the new budget, which raises spending on schools, roads "
      "and parks by a tenth.</p></article></body></html>");
  request.set_url("https://example.com/2024/05/budget");
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->id(), "doc-1");
  EXPECT_EQ(response->framing(), "html-page");
  const v1::Article& article = response->article();
  EXPECT_EQ(article.title(), "Budget passes");
  EXPECT_THAT(article.text(), HasSubstr("The council voted"));
  EXPECT_THAT(article.html(), HasSubstr("<p>The council voted"));
  EXPECT_EQ(article.language(), "en");
  EXPECT_GT(article.word_count(), 15);
  EXPECT_EQ(article.fingerprint().size(), 16u);
}

TEST(EngineTest, FormatsOptionLimitsRenderings) {
  v1::ParseRequest request = Request("<p>The council voted on Tuesday.</p>");
  request.mutable_options()->add_formats(v1::FORMAT_MARKDOWN);
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(request);
  ASSERT_TRUE(response.ok());
  EXPECT_TRUE(response->article().text().empty());
  EXPECT_TRUE(response->article().html().empty());
  EXPECT_FALSE(response->article().markdown().empty());
}

TEST(EngineTest, DetectLanguageAnswersAndValidates) {
  v1::DetectLanguageRequest request;
  request.set_text("Le conseil municipal a voté mardi le nouveau budget.");
  absl::StatusOr<v1::DetectLanguageResponse> response =
      Engine().DetectLanguage(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->language(), "fr");
  request.set_text("");
  EXPECT_EQ(Engine().DetectLanguage(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace lede::engine
