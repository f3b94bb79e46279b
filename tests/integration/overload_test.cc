// Load shedding: a burst of ten times what a server can hold (its workers
// plus --max_queue) against the real lede-server. The calls it accepts
// finish within their deadline, the rest are refused at once with
// RESOURCE_EXHAUSTED, health stays SERVING and memory stays bounded.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "client/cpp/client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"

namespace lede {
namespace {

using ::lede::testing::LargePage;
using ::lede::testing::MemoryKib;
using ::lede::testing::ServerProcess;
using ::testing::HasSubstr;

struct Outcome {
  absl::StatusCode code;
  std::string message;
  absl::Duration latency;
};

absl::Duration Percentile(std::vector<absl::Duration> values, double p) {
  if (values.empty()) return absl::ZeroDuration();
  std::sort(values.begin(), values.end());
  size_t index = static_cast<size_t>(p * (values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

TEST(ServerOverloadTest, BurstOfTenTimesCapacityIsShed) {
  constexpr int kThreads = 1;
  constexpr int kMaxQueue = 2;
  constexpr int kCapacity = kThreads + kMaxQueue;
  constexpr int kCalls = 10 * kCapacity;
  const absl::Duration kDeadline = absl::Seconds(30);
  ServerProcess server(LEDE_SERVER_BIN,
                       {absl::StrCat("--threads=", kThreads),
                        absl::StrCat("--max_queue=", kMaxQueue)});
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());

  v1::ParseRequest request;
  request.set_content(LargePage());
  ClientOptions options;
  options.timeout = kDeadline;
  options.max_attempts = 1;  // what the server answers, not a retry of it
  std::unique_ptr<Client> client = Client::Create(server.address(), options);
  ASSERT_TRUE(client->Parse(request).ok());  // warm: the engine's tables
  const long rss_before = MemoryKib(server.pid(), "VmRSS");

  // Health, asked on its own connection all through the burst.
  std::atomic<bool> burst_over{false};
  std::atomic<int> health_checks{0};
  std::atomic<int> health_failures{0};
  std::thread health([&] {
    ClientOptions quick;
    quick.timeout = absl::Seconds(5);
    quick.max_attempts = 1;
    std::unique_ptr<Client> prober = Client::Create(server.address(), quick);
    while (!burst_over) {
      absl::StatusOr<bool> serving = prober->IsServing();
      ++health_checks;
      if (!serving.ok() || !*serving) ++health_failures;
      absl::SleepFor(absl::Milliseconds(20));
    }
  });

  absl::Mutex mutex;
  std::vector<Outcome> outcomes;
  std::atomic<int> ready{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < kCalls; ++i) {
    callers.emplace_back([&] {
      ++ready;
      while (ready < kCalls) std::this_thread::yield();
      const absl::Time start = absl::Now();
      absl::StatusOr<v1::ParseResponse> response = client->Parse(request);
      Outcome outcome{response.status().code(),
                      std::string(response.status().message()),
                      absl::Now() - start};
      absl::MutexLock lock(&mutex);
      outcomes.push_back(std::move(outcome));
    });
  }
  for (std::thread& caller : callers) caller.join();
  burst_over = true;
  health.join();
  const long rss_peak = MemoryKib(server.pid(), "VmHWM");
  const long rss_after = MemoryKib(server.pid(), "VmRSS");

  std::vector<absl::Duration> accepted, refused;
  for (const Outcome& outcome : outcomes) {
    if (outcome.code == absl::StatusCode::kOk) {
      accepted.push_back(outcome.latency);
      EXPECT_LT(outcome.latency, kDeadline);
    } else {
      EXPECT_EQ(outcome.code, absl::StatusCode::kResourceExhausted)
          << outcome.message;
      EXPECT_THAT(outcome.message, HasSubstr("--max_queue"));
      refused.push_back(outcome.latency);
    }
  }
  const absl::Duration accepted_p99 = Percentile(accepted, 0.99);
  const absl::Duration refused_p99 = Percentile(refused, 0.99);
  const std::string figures = absl::StrFormat(
      "%d calls at once to --threads=%d --max_queue=%d: %d accepted (p99 "
      "%.0f ms), %d refused (p99 %.0f ms); %d health checks, %d not "
      "SERVING; RSS %ld KiB before, peak %ld KiB, %ld KiB after; request "
      "%d bytes",
      kCalls, kThreads, kMaxQueue, accepted.size(),
      absl::ToDoubleMilliseconds(accepted_p99), refused.size(),
      absl::ToDoubleMilliseconds(refused_p99), health_checks.load(),
      health_failures.load(), rss_before, rss_peak, rss_after,
      request.content().size());
  std::printf("overload: %s\n", figures.c_str());
  // bench/reliability reads the figures from here.
  if (const char* report = std::getenv("LEDE_OVERLOAD_REPORT")) {
    std::ofstream(report) << absl::StrFormat(
        "{\"calls\": %d, \"threads\": %d, \"max_queue\": %d, \"accepted\": "
        "%d, \"refused\": %d, \"accepted_p99_ms\": %.1f, \"refused_p99_ms\": "
        "%.1f, \"health_checks\": %d, \"health_failures\": %d, "
        "\"rss_before_kib\": %ld, \"rss_peak_kib\": %ld, \"rss_after_kib\": "
        "%ld, \"request_bytes\": %d}\n",
        kCalls, kThreads, kMaxQueue, accepted.size(), refused.size(),
        absl::ToDoubleMilliseconds(accepted_p99),
        absl::ToDoubleMilliseconds(refused_p99), health_checks.load(),
        health_failures.load(), rss_before, rss_peak, rss_after,
        request.content().size());
  }

  EXPECT_EQ(accepted.size() + refused.size(), static_cast<size_t>(kCalls));
  // The first kCapacity to arrive always find room.
  EXPECT_GE(accepted.size(), static_cast<size_t>(kCapacity));
  // Each parse holds the one worker for about 0.4 s while the whole burst
  // arrives: most calls find the queue full.
  EXPECT_GE(refused.size(), static_cast<size_t>(kCalls / 2)) << figures;
  // Refused at once: long before even one parse would have finished, let
  // alone the queue ahead of it.
  EXPECT_LT(refused_p99, accepted_p99 / 2) << figures;
  EXPECT_GT(health_checks, 0);
  EXPECT_EQ(health_failures, 0) << figures;
  // Bounded memory: the burst's requests in transit, and the parses of at
  // most kThreads documents, whatever the number of callers.
  const long request_kib = static_cast<long>(request.content().size() / 1024);
  EXPECT_LT(rss_peak - rss_before, kCalls * request_kib * 3 + 256 * 1024)
      << figures;
}

}  // namespace
}  // namespace lede
