// The server's Prometheus metrics, which both doors (gRPC and HTTP) update,
// and their text exposition (format 0.0.4). prometheus-cpp is not packaged
// in Debian and the format is small, so it is written here once; the test
// in tests/http reads it with the Python prometheus_client parser.
//
// Names follow Prometheus's conventions: the lede_ prefix, base units
// (seconds, bytes) in the name, _total on counters. Every label takes values
// from a fixed set (methods, transports, status codes, stages, limits), so
// the series count is bounded whatever callers send.
#ifndef LEDE_SERVER_SERVICE_METRICS_H_
#define LEDE_SERVER_SERVICE_METRICS_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "server/engine/limits.h"
#include "server/engine/stage_times.h"

namespace lede::service {

// The door a call came through.
enum class Transport { kGrpc, kHttp };
inline constexpr size_t kTransportCount = 2;
// "grpc" or "http".
absl::string_view TransportName(Transport transport);

// The API method a call asked for, whichever door it came through.
enum class Method { kParse, kParseStream, kDetectLanguage };
inline constexpr size_t kMethodCount = 3;
// "Parse", "ParseStream" or "DetectLanguage", as the gRPC service names them.
absl::string_view MethodName(Method method);

// The canonical name of a status code, as gRPC and its tools print it:
// "OK", "INVALID_ARGUMENT", ... ("UNKNOWN" for a code out of range).
absl::string_view StatusCodeName(absl::StatusCode code);

// A histogram with fixed bucket bounds. Observe is lock-free and may be
// called from any thread.
class Histogram {
 public:
  // `bounds` are the buckets' upper bounds, ascending; +Inf is implied. They
  // must outlive the histogram.
  explicit Histogram(absl::Span<const double> bounds);

  void Observe(double value);

  struct Snapshot {
    std::vector<uint64_t> cumulative;  // one per bound, then +Inf
    double sum = 0;
    uint64_t count = 0;
  };
  // The counts so far, cumulative as the exposition format wants them.
  Snapshot Read() const;
  absl::Span<const double> bounds() const { return bounds_; }

 private:
  absl::Span<const double> bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> counts_;  // bounds_.size() + 1
  std::atomic<double> sum_{0};
};

// What the build was: exported as lede_build_info{version, commit}.
struct BuildInfo {
  std::string version;
  std::string commit;
};

// The work queue's state at one moment, read at each scrape.
struct WorkerLoad {
  int threads = 0;      // worker threads
  int busy = 0;         // threads running a task
  int queued = 0;       // tasks waiting for a thread
  int capacity = 0;     // most tasks that may wait (--max_queue)
  int64_t refused = 0;  // tasks refused so far because the queue was full
};

class Metrics {
 public:
  explicit Metrics(BuildInfo build);
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Where the worker gauges come from; called at each scrape, from the
  // scraping thread. Call before serving.
  void SetWorkerLoadSource(std::function<WorkerLoad()> source);

  // A call began / ended on `transport`: the in-flight gauge. Every
  // CallStarted is followed by exactly one CallFinished.
  void CallStarted(Transport transport);
  void CallFinished(Method method, Transport transport, absl::StatusCode code,
                    absl::Duration elapsed);

  // One document (or DetectLanguage text) the engine was given: its size,
  // the time of each stage that ran (`times` may be null), its outcome, and
  // the limit that refused it if one did.
  void DocumentDone(Method method, Transport transport, size_t input_bytes,
                    const engine::StageTimes* times,
                    const absl::Status& status);

  // Every metric in the text exposition format, version 0.0.4.
  std::string Exposition() const;

 private:
  static constexpr size_t kCodeCount = 17;

  const BuildInfo build_;
  const absl::Time start_;
  mutable absl::Mutex load_mutex_;
  std::function<WorkerLoad()> load_source_ ABSL_GUARDED_BY(load_mutex_);

  std::array<std::atomic<int64_t>, kTransportCount> in_flight_{};
  // [method][transport][code]
  std::array<std::array<std::array<std::atomic<uint64_t>, kCodeCount>,
                        kTransportCount>,
             kMethodCount>
      calls_{};
  std::array<std::array<std::atomic<uint64_t>, kCodeCount>, kTransportCount>
      documents_{};
  std::array<std::atomic<uint64_t>, engine::kLimitCount> refused_{};
  // Deques: a Histogram does not move.
  std::deque<Histogram>
      call_seconds_;                   // [method * kTransportCount + transport]
  std::deque<Histogram> input_bytes_;  // [method]
  std::deque<Histogram> stage_seconds_;  // [stage]
};

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_METRICS_H_
