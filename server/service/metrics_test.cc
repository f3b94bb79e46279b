#include "server/service/metrics.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr double kBounds[] = {1, 5, 10};

TEST(HistogramTest, BucketsAreCumulativeAndBoundsInclusive) {
  Histogram histogram(kBounds);
  for (double value : {0.5, 1.0, 3.0, 10.0, 11.0}) histogram.Observe(value);
  Histogram::Snapshot snapshot = histogram.Read();
  EXPECT_THAT(snapshot.cumulative, ::testing::ElementsAre(2, 3, 4, 5));
  EXPECT_EQ(snapshot.count, 5u);
  EXPECT_DOUBLE_EQ(snapshot.sum, 25.5);
}

TEST(MetricsTest, CallsAreCountedByMethodTransportAndCode) {
  Metrics metrics({"1.2.3", "abc"});
  metrics.CallStarted(Transport::kHttp);
  metrics.CallStarted(Transport::kGrpc);
  EXPECT_THAT(metrics.Exposition(),
              HasSubstr("lede_calls_in_flight{transport=\"http\"} 1\n"));
  metrics.CallFinished(Method::kParse, Transport::kHttp,
                       absl::StatusCode::kInvalidArgument,
                       absl::Milliseconds(3));
  metrics.CallFinished(Method::kDetectLanguage, Transport::kGrpc,
                       absl::StatusCode::kOk, absl::Milliseconds(1));
  const std::string text = metrics.Exposition();
  EXPECT_THAT(text, HasSubstr("lede_calls_total{method=\"Parse\",transport="
                              "\"http\",code=\"INVALID_ARGUMENT\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("lede_calls_total{method=\"DetectLanguage\","
                              "transport=\"grpc\",code=\"OK\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("lede_calls_in_flight{transport=\"http\"} 0\n"));
  // 3 ms falls in the 5 ms bucket and every one above it.
  EXPECT_THAT(text,
              HasSubstr("lede_call_duration_seconds_bucket{method=\"Parse\","
                        "transport=\"http\",le=\"0.0025\"} 0\n"));
  EXPECT_THAT(text,
              HasSubstr("lede_call_duration_seconds_bucket{method=\"Parse\","
                        "transport=\"http\",le=\"0.005\"} 1\n"));
  EXPECT_THAT(text,
              HasSubstr("lede_call_duration_seconds_bucket{method=\"Parse\","
                        "transport=\"http\",le=\"+Inf\"} 1\n"));
  // No HTTP ParseStream exists, so none is exported.
  EXPECT_THAT(text,
              Not(HasSubstr("method=\"ParseStream\",transport=\"http\"")));
}

TEST(MetricsTest, DocumentsRecordStagesBytesAndTheLimitThatRefused) {
  Metrics metrics({"1.2.3", "abc"});
  engine::StageTimes times;
  times[engine::Stage::kDecode] = absl::Microseconds(200);
  times[engine::Stage::kParse] = absl::Milliseconds(2);
  metrics.DocumentDone(Method::kParse, Transport::kGrpc, 2000, &times,
                       absl::OkStatus());
  metrics.DocumentDone(
      Method::kParseStream, Transport::kGrpc, 5000, nullptr,
      engine::LimitExceededError(engine::Limit::kMaxDepth, "too deep"));
  const std::string text = metrics.Exposition();
  EXPECT_THAT(text,
              HasSubstr("lede_documents_refused_total{limit=\"max_depth\"}"
                        " 1\n"));
  EXPECT_THAT(text, HasSubstr("lede_documents_refused_total{limit="
                              "\"max_input_bytes\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("lede_documents_total{transport=\"grpc\",code="
                              "\"RESOURCE_EXHAUSTED\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("lede_input_size_bytes_sum{method=\"Parse\"} "
                              "2000\n"));
  EXPECT_THAT(text, HasSubstr("lede_input_size_bytes_bucket{method=\"Parse\","
                              "le=\"1024\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("lede_input_size_bytes_bucket{method=\"Parse\","
                              "le=\"4096\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("lede_stage_duration_seconds_count{stage="
                              "\"parse\"} 1\n"));
  // A stage that did not run has no observation.
  EXPECT_THAT(text, HasSubstr("lede_stage_duration_seconds_count{stage="
                              "\"render\"} 0\n"));
}

TEST(MetricsTest, GaugesComeFromTheLoadSourceAndBuildLabelsAreEscaped) {
  Metrics metrics({"1.0", "a\"b\\c\nd"});
  metrics.SetWorkerLoadSource([] { return WorkerLoad{4, 3, 7, 32, 5}; });
  const std::string text = metrics.Exposition();
  EXPECT_THAT(text, HasSubstr("lede_worker_threads 4\n"));
  EXPECT_THAT(text, HasSubstr("lede_workers_busy 3\n"));
  EXPECT_THAT(text, HasSubstr("lede_queue_depth 7\n"));
  EXPECT_THAT(text, HasSubstr("lede_queue_capacity 32\n"));
  EXPECT_THAT(text, HasSubstr("lede_documents_refused_total{limit="
                              "\"max_queue\"} 5\n"));
  EXPECT_THAT(text, HasSubstr("lede_build_info{version=\"1.0\",commit="
                              "\"a\\\"b\\\\c\\nd\"} 1\n"));
  EXPECT_THAT(text,
              HasSubstr("# TYPE lede_stage_duration_seconds histogram\n"));
}

}  // namespace
}  // namespace lede::service
