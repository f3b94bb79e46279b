#include "server/service/log.h"

#include <cstdio>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace lede::service {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kTrace[] =
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST(TraceparentTest, AcceptsTheW3CFormOnly) {
  EXPECT_TRUE(IsTraceparent(kTrace));
  EXPECT_TRUE(IsTraceparent(
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future"));
  EXPECT_FALSE(IsTraceparent(""));
  EXPECT_FALSE(IsTraceparent(
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"));
  EXPECT_FALSE(
      IsTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
  EXPECT_FALSE(
      IsTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
  EXPECT_FALSE(
      IsTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
  EXPECT_FALSE(IsTraceparent(
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\nforged"));
}

// Runs `write` against a Logger on a temporary file; what it wrote.
template <typename Write>
std::string Captured(LogFormat format, Write write) {
  std::FILE* file = std::tmpfile();
  {
    Logger log(format, /*access_log=*/true, file);
    write(log);
  }
  std::rewind(file);
  std::string out;
  char buffer[512];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    out.append(buffer, n);
  }
  std::fclose(file);
  return out;
}

CallLine SampleCall() {
  CallLine call;
  call.time = absl::FromUnixMillis(1700000000123);
  call.method = Method::kParse;
  call.transport = Transport::kHttp;
  call.peer = "ipv4:127.0.0.1:5555";
  call.code = absl::StatusCode::kResourceExhausted;
  call.http_status = 413;
  call.elapsed = absl::Microseconds(1500);
  call.bytes = 17;
  call.traceparent = kTrace;
  return call;
}

TEST(LoggerTest, JsonCallLineHasEveryField) {
  std::string out = Captured(LogFormat::kJson,
                             [](const Logger& log) { log.Call(SampleCall()); });
  ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
  nlohmann::json line = nlohmann::json::parse(out);
  EXPECT_EQ(line["time"], "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(line["level"], "warning");
  EXPECT_EQ(line["method"], "Parse");
  EXPECT_EQ(line["transport"], "http");
  EXPECT_EQ(line["peer"], "ipv4:127.0.0.1:5555");
  EXPECT_EQ(line["status"], "RESOURCE_EXHAUSTED");
  EXPECT_EQ(line["http_status"], 413);
  EXPECT_EQ(line["ms"], 1.5);
  EXPECT_EQ(line["bytes"], 17);
  EXPECT_EQ(line["traceparent"], kTrace);
}

TEST(LoggerTest, TextCallLineKeepsItsShape) {
  std::string out = Captured(LogFormat::kText,
                             [](const Logger& log) { log.Call(SampleCall()); });
  EXPECT_EQ(out,
            "lede-server: call Parse peer=ipv4:127.0.0.1:5555 "
            "status=RESOURCE_EXHAUSTED ms=1.5 transport=http bytes=17 "
            "http_status=413 traceparent=" +
                std::string(kTrace) + "\n");
}

TEST(LoggerTest, EventsInBothFormats) {
  EXPECT_EQ(Captured(LogFormat::kText,
                     [](const Logger& log) { log.Event("info", "drained"); }),
            "lede-server: drained\n");
  std::string json = Captured(LogFormat::kJson, [](const Logger& log) {
    log.Event("info", "say \"hi\"\n");
  });
  nlohmann::json line = nlohmann::json::parse(json);
  EXPECT_EQ(line["msg"], "say \"hi\"\n");
  EXPECT_EQ(line["level"], "info");
  EXPECT_THAT(std::string(line["time"]), StartsWith("20"));
}

TEST(LoggerTest, NoCallLinesWithoutAccessLog) {
  std::FILE* file = std::tmpfile();
  Logger(LogFormat::kJson, /*access_log=*/false, file).Call(SampleCall());
  EXPECT_EQ(std::ftell(file), 0);
  std::fclose(file);
}

}  // namespace
}  // namespace lede::service
