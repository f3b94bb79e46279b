#include "server/service/http/api_request.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/limits.h"
#include "server/service/http/http_status.h"

namespace lede::service::http {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ReadParseCallTest, QueryFillsTheRequest) {
  absl::StatusOr<ParseCall> call =
      ReadParseCall({{"url", "https://example.com/a"},
                     {"id", "seed"},
                     {"formats", "text, markdown"},
                     {"bias", "precision"},
                     {"include_comments", "true"},
                     {"convert_chinese", "traditional"},
                     {"reference_time", "2024-05-01T12:00:00.5Z"},
                     {"timeout", "2s"},
                     {"pretty", ""}},
                    "text/html; charset=gbk");
  ASSERT_TRUE(call.ok()) << call.status();
  EXPECT_EQ(call->body, BodyKind::kRaw);
  EXPECT_EQ(call->request.url(), "https://example.com/a");
  EXPECT_EQ(call->request.id(), "seed");
  EXPECT_EQ(call->request.content_type(), "text/html; charset=gbk");
  EXPECT_THAT(call->request.options().formats(),
              ElementsAre(v1::FORMAT_TEXT, v1::FORMAT_MARKDOWN));
  EXPECT_EQ(call->request.options().bias(), v1::BIAS_PRECISION);
  EXPECT_TRUE(call->request.options().include_comments());
  EXPECT_EQ(call->request.options().convert_chinese(),
            v1::CHINESE_SCRIPT_TRADITIONAL);
  EXPECT_EQ(call->request.options().reference_time().seconds(), 1714564800);
  EXPECT_EQ(call->request.options().reference_time().nanos(), 500000000);
  EXPECT_EQ(call->timeout, absl::Seconds(2));
  EXPECT_TRUE(call->pretty);
}

TEST(ReadParseCallTest, FormUploadTypeSaysNothingAboutTheDocument) {
  absl::StatusOr<ParseCall> call =
      ReadParseCall({}, "application/x-www-form-urlencoded");
  ASSERT_TRUE(call.ok());
  EXPECT_EQ(call->request.content_type(), "");
  EXPECT_EQ(call->timeout, absl::InfiniteDuration());
}

TEST(ReadParseCallTest, JsonBodyTakesOnlyTimeoutAndPretty) {
  absl::StatusOr<ParseCall> call =
      ReadParseCall({{"pretty", "1"}}, "Application/JSON; charset=utf-8");
  ASSERT_TRUE(call.ok());
  EXPECT_EQ(call->body, BodyKind::kJson);
  absl::StatusOr<ParseCall> with_url =
      ReadParseCall({{"url", "https://x"}}, "application/json");
  EXPECT_EQ(with_url.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(with_url.status().message(), HasSubstr("JSON body"));
}

TEST(ReadParseCallTest, BadParametersAreNamed) {
  struct Case {
    QueryParams params;
    const char* message;
  } cases[] = {
      {{{"formt", "text"}}, "unknown query parameter 'formt'"},
      {{{"url", "a"}, {"url", "b"}}, "'url' is given twice"},
      {{{"formats", "pdf"}}, "formats=pdf is not one of: text, html"},
      {{{"bias", "high"}}, "bias=high"},
      {{{"include_comments", "maybe"}}, "not true or false"},
      {{{"timeout", "-1s"}}, "positive duration"},
      {{{"timeout", "soon"}}, "positive duration"},
      {{{"reference_time", "yesterday"}}, "RFC 3339"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<ParseCall> call = ReadParseCall(c.params, "text/html");
    EXPECT_EQ(call.status().code(), absl::StatusCode::kInvalidArgument)
        << c.message;
    EXPECT_THAT(call.status().message(), HasSubstr(c.message));
  }
  EXPECT_THAT(
      ReadParseCall({}, "multipart/form-data; boundary=x").status().message(),
      HasSubstr("--data-binary"));
}

TEST(ReadDetectCallTest, HintAndPretty) {
  absl::StatusOr<DetectCall> call =
      ReadDetectCall({{"hint", "fr"}, {"pretty", "false"}}, "text/plain");
  ASSERT_TRUE(call.ok());
  EXPECT_EQ(call->request.hint(), "fr");
  EXPECT_FALSE(call->pretty);
  EXPECT_FALSE(ReadDetectCall({{"url", "x"}}, "text/plain").ok());
}

TEST(HttpStatusTest, CodesMapAsTheApiSays) {
  EXPECT_EQ(HttpStatusFor(absl::OkStatus()), 200);
  EXPECT_EQ(HttpStatusFor(absl::InvalidArgumentError("")), 400);
  EXPECT_EQ(HttpStatusFor(absl::PermissionDeniedError("")), 403);
  EXPECT_EQ(HttpStatusFor(absl::NotFoundError("")), 404);
  EXPECT_EQ(HttpStatusFor(engine::LimitExceededError(
                engine::Limit::kMaxInputBytes, "big")),
            413);
  EXPECT_EQ(HttpStatusFor(absl::ResourceExhaustedError("queue full")), 429);
  EXPECT_EQ(HttpStatusFor(absl::UnavailableError("")), 503);
  EXPECT_EQ(HttpStatusFor(absl::DeadlineExceededError("")), 504);
  EXPECT_EQ(HttpStatusFor(absl::InternalError("")), 500);
}

}  // namespace
}  // namespace lede::service::http
