#include "server/service/metrics.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace lede::service {
namespace {

// Data: bucket bounds. Calls from a millisecond (a short text's language) to
// a minute (past the default deadline); stages from 0.1 ms; documents from
// 1 KiB to 64 MiB, past the default --max_input_bytes of 16 MiB.
constexpr double kCallSecondsBounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                         0.05,  0.1,    0.25,  0.5,  1,
                                         2.5,   5,      10,    30,   60};
constexpr double kStageSecondsBounds[] = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
    0.05,   0.1,     0.25,   0.5,   1,      2.5,   10};
constexpr double kInputBytesBounds[] = {1 << 10,  4 << 10,   16 << 10,
                                        64 << 10, 256 << 10, 1 << 20,
                                        4 << 20,  16 << 20,  64 << 20};

using Label = std::pair<absl::string_view, absl::string_view>;

// The shortest text that reads back as `value`, as Prometheus's own Go
// formatting would print it ("0.005", "1024", "+Inf").
std::string FormatNumber(double value) {
  if (value == std::numeric_limits<double>::infinity()) return "+Inf";
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, end);
}

// Label values may hold any UTF-8; the format escapes \, " and newline.
void AppendEscaped(absl::string_view value, std::string* out) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out->append("\\\\");
        break;
      case '"':
        out->append("\\\"");
        break;
      case '\n':
        out->append("\\n");
        break;
      default:
        out->push_back(c);
    }
  }
}

// Writes metric families in the text format: HELP and TYPE once per family,
// then its samples.
class TextWriter {
 public:
  void Family(absl::string_view name, absl::string_view type,
              absl::string_view help) {
    absl::StrAppend(&out_, "# HELP ", name, " ", help, "\n# TYPE ", name, " ",
                    type, "\n");
  }

  void Sample(absl::string_view name, std::initializer_list<Label> labels,
              double value, const Label* extra = nullptr) {
    out_.append(name.data(), name.size());
    if (labels.size() > 0 || extra != nullptr) {
      out_.push_back('{');
      bool first = true;
      auto append = [&](const Label& label) {
        if (!first) out_.push_back(',');
        first = false;
        absl::StrAppend(&out_, label.first, "=\"");
        AppendEscaped(label.second, &out_);
        out_.push_back('"');
      };
      for (const Label& label : labels) append(label);
      if (extra != nullptr) append(*extra);
      out_.push_back('}');
    }
    absl::StrAppend(&out_, " ", FormatNumber(value), "\n");
  }

  void HistogramSamples(absl::string_view name,
                        std::initializer_list<Label> labels,
                        const Histogram& histogram) {
    const Histogram::Snapshot snapshot = histogram.Read();
    const std::string bucket = absl::StrCat(name, "_bucket");
    for (size_t i = 0; i <= histogram.bounds().size(); ++i) {
      const std::string le =
          FormatNumber(i < histogram.bounds().size()
                           ? histogram.bounds()[i]
                           : std::numeric_limits<double>::infinity());
      const Label le_label = {"le", le};
      Sample(bucket, labels, static_cast<double>(snapshot.cumulative[i]),
             &le_label);
    }
    Sample(absl::StrCat(name, "_sum"), labels, snapshot.sum);
    Sample(absl::StrCat(name, "_count"), labels,
           static_cast<double>(snapshot.count));
  }

  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

// The process's resident memory, from /proc/self/statm (pages).
double ResidentBytes() {
  FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return 0;
  unsigned long size = 0, resident = 0;
  int read = std::fscanf(statm, "%lu %lu", &size, &resident);
  std::fclose(statm);
  if (read != 2) return 0;
  return static_cast<double>(resident) *
         static_cast<double>(sysconf(_SC_PAGESIZE));
}

double CpuSeconds() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

absl::string_view TransportName(Transport transport) {
  return transport == Transport::kGrpc ? "grpc" : "http";
}

absl::string_view MethodName(Method method) {
  static constexpr absl::string_view kNames[kMethodCount] = {
      "Parse", "ParseStream", "DetectLanguage"};
  return kNames[static_cast<size_t>(method)];
}

absl::string_view StatusCodeName(absl::StatusCode code) {
  static constexpr absl::string_view kNames[] = {
      "OK",
      "CANCELLED",
      "UNKNOWN",
      "INVALID_ARGUMENT",
      "DEADLINE_EXCEEDED",
      "NOT_FOUND",
      "ALREADY_EXISTS",
      "PERMISSION_DENIED",
      "RESOURCE_EXHAUSTED",
      "FAILED_PRECONDITION",
      "ABORTED",
      "OUT_OF_RANGE",
      "UNIMPLEMENTED",
      "INTERNAL",
      "UNAVAILABLE",
      "DATA_LOSS",
      "UNAUTHENTICATED",
  };
  const int index = static_cast<int>(code);
  if (index < 0 || index >= static_cast<int>(std::size(kNames))) {
    return "UNKNOWN";
  }
  return kNames[index];
}

Histogram::Histogram(absl::Span<const double> bounds)
    : bounds_(bounds), counts_(new std::atomic<uint64_t>[bounds.size() + 1]) {
  for (size_t i = 0; i <= bounds_.size(); ++i) counts_[i] = 0;
}

void Histogram::Observe(double value) {
  const size_t bucket =
      std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin();
  counts_[bucket].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::Read() const {
  Snapshot snapshot;
  snapshot.cumulative.resize(bounds_.size() + 1);
  uint64_t running = 0;
  for (size_t i = 0; i <= bounds_.size(); ++i) {
    running += counts_[i].load(std::memory_order_relaxed);
    snapshot.cumulative[i] = running;
  }
  snapshot.count = running;
  snapshot.sum = sum_.load(std::memory_order_relaxed);
  return snapshot;
}

Metrics::Metrics(BuildInfo build)
    : build_(std::move(build)), start_(absl::Now()) {
  for (size_t i = 0; i < kMethodCount * kTransportCount; ++i) {
    call_seconds_.emplace_back(kCallSecondsBounds);
  }
  for (size_t i = 0; i < kMethodCount; ++i) {
    input_bytes_.emplace_back(kInputBytesBounds);
  }
  for (size_t i = 0; i < engine::kStageCount; ++i) {
    stage_seconds_.emplace_back(kStageSecondsBounds);
  }
}

void Metrics::SetWorkerLoadSource(std::function<WorkerLoad()> source) {
  absl::MutexLock lock(&load_mutex_);
  load_source_ = std::move(source);
}

void Metrics::CallStarted(Transport transport) {
  in_flight_[static_cast<size_t>(transport)].fetch_add(
      1, std::memory_order_relaxed);
}

void Metrics::CallFinished(Method method, Transport transport,
                           absl::StatusCode code, absl::Duration elapsed) {
  const size_t m = static_cast<size_t>(method);
  const size_t t = static_cast<size_t>(transport);
  const size_t c = std::min(static_cast<size_t>(code), kCodeCount - 1);
  in_flight_[t].fetch_sub(1, std::memory_order_relaxed);
  calls_[m][t][c].fetch_add(1, std::memory_order_relaxed);
  call_seconds_[m * kTransportCount + t].Observe(
      absl::ToDoubleSeconds(elapsed));
}

void Metrics::DocumentDone(Method method, Transport transport,
                           size_t input_bytes, const engine::StageTimes* times,
                           const absl::Status& status) {
  input_bytes_[static_cast<size_t>(method)].Observe(
      static_cast<double>(input_bytes));
  if (method != Method::kDetectLanguage) {
    const size_t c =
        std::min(static_cast<size_t>(status.code()), kCodeCount - 1);
    documents_[static_cast<size_t>(transport)][c].fetch_add(
        1, std::memory_order_relaxed);
  }
  if (std::optional<engine::Limit> limit = engine::ExceededLimit(status)) {
    refused_[static_cast<size_t>(*limit)].fetch_add(1,
                                                    std::memory_order_relaxed);
  }
  if (times == nullptr) return;
  for (size_t s = 0; s < engine::kStageCount; ++s) {
    // A stage that did not run (the document failed before it) has no time.
    if (times->elapsed[s] > absl::ZeroDuration()) {
      stage_seconds_[s].Observe(absl::ToDoubleSeconds(times->elapsed[s]));
    }
  }
}

std::string Metrics::Exposition() const {
  TextWriter out;
  out.Family("lede_calls_total", "counter",
             "Finished API calls by method, transport and gRPC status code "
             "(HTTP calls are counted by the code their HTTP status maps "
             "from).");
  for (size_t m = 0; m < kMethodCount; ++m) {
    for (size_t t = 0; t < kTransportCount; ++t) {
      for (size_t c = 0; c < kCodeCount; ++c) {
        const uint64_t n = calls_[m][t][c].load(std::memory_order_relaxed);
        // OK is always there, so rates start from zero; other codes once
        // seen. ParseStream has no HTTP door.
        if (n == 0 &&
            (c != 0 || (m == static_cast<size_t>(Method::kParseStream) &&
                        t == static_cast<size_t>(Transport::kHttp)))) {
          continue;
        }
        out.Sample("lede_calls_total",
                   {{"method", MethodName(static_cast<Method>(m))},
                    {"transport", TransportName(static_cast<Transport>(t))},
                    {"code", StatusCodeName(static_cast<absl::StatusCode>(c))}},
                   static_cast<double>(n));
      }
    }
  }

  out.Family("lede_call_duration_seconds", "histogram",
             "Time from a call's arrival to its answer, by method and "
             "transport (a ParseStream call: the whole stream).");
  for (size_t m = 0; m < kMethodCount; ++m) {
    for (size_t t = 0; t < kTransportCount; ++t) {
      if (m == static_cast<size_t>(Method::kParseStream) &&
          t == static_cast<size_t>(Transport::kHttp)) {
        continue;
      }
      out.HistogramSamples(
          "lede_call_duration_seconds",
          {{"method", MethodName(static_cast<Method>(m))},
           {"transport", TransportName(static_cast<Transport>(t))}},
          call_seconds_[m * kTransportCount + t]);
    }
  }

  out.Family("lede_calls_in_flight", "gauge",
             "Calls received and not yet answered, by transport.");
  for (size_t t = 0; t < kTransportCount; ++t) {
    out.Sample("lede_calls_in_flight",
               {{"transport", TransportName(static_cast<Transport>(t))}},
               static_cast<double>(in_flight_[t].load()));
  }

  out.Family("lede_documents_total", "counter",
             "Documents the engine was given (each Parse call, each document "
             "of a ParseStream), by transport and status code.");
  for (size_t t = 0; t < kTransportCount; ++t) {
    for (size_t c = 0; c < kCodeCount; ++c) {
      const uint64_t n = documents_[t][c].load(std::memory_order_relaxed);
      if (n == 0 && c != 0) continue;
      out.Sample("lede_documents_total",
                 {{"transport", TransportName(static_cast<Transport>(t))},
                  {"code", StatusCodeName(static_cast<absl::StatusCode>(c))}},
                 static_cast<double>(n));
    }
  }

  WorkerLoad load;
  {
    absl::MutexLock lock(&load_mutex_);
    if (load_source_) load = load_source_();
  }
  out.Family("lede_documents_refused_total", "counter",
             "Documents (and DetectLanguage texts) refused by a limit, by the "
             "flag that sets it: the engine's limits, and max_queue when the "
             "work queue was full.");
  for (size_t l = 0; l < engine::kLimitCount; ++l) {
    out.Sample("lede_documents_refused_total",
               {{"limit", engine::LimitName(static_cast<engine::Limit>(l))}},
               static_cast<double>(refused_[l].load()));
  }
  out.Sample("lede_documents_refused_total", {{"limit", "max_queue"}},
             static_cast<double>(load.refused));

  out.Family("lede_input_size_bytes", "histogram",
             "Size of each document (Parse, ParseStream) or text "
             "(DetectLanguage) received, by method.");
  for (size_t m = 0; m < kMethodCount; ++m) {
    out.HistogramSamples("lede_input_size_bytes",
                         {{"method", MethodName(static_cast<Method>(m))}},
                         input_bytes_[m]);
  }

  out.Family("lede_stage_duration_seconds", "histogram",
             "Time each engine stage took per document, by stage.");
  for (size_t s = 0; s < engine::kStageCount; ++s) {
    out.HistogramSamples(
        "lede_stage_duration_seconds",
        {{"stage", engine::StageName(static_cast<engine::Stage>(s))}},
        stage_seconds_[s]);
  }

  out.Family("lede_worker_threads", "gauge",
             "Worker threads that run the engine (--threads).");
  out.Sample("lede_worker_threads", {}, load.threads);
  out.Family("lede_workers_busy", "gauge",
             "Worker threads running a document now.");
  out.Sample("lede_workers_busy", {}, load.busy);
  out.Family("lede_queue_depth", "gauge",
             "Documents and texts waiting for a worker thread.");
  out.Sample("lede_queue_depth", {}, load.queued);
  out.Family("lede_queue_capacity", "gauge",
             "Most documents and texts that may wait (--max_queue); past it "
             "new ones are refused with RESOURCE_EXHAUSTED.");
  out.Sample("lede_queue_capacity", {}, load.capacity);

  out.Family("lede_build_info", "gauge",
             "Always 1; the labels say which build is running.");
  out.Sample("lede_build_info",
             {{"version", build_.version}, {"commit", build_.commit}}, 1);

  out.Family("process_start_time_seconds", "gauge",
             "Start time of the process since the Unix epoch, in seconds.");
  out.Sample("process_start_time_seconds", {},
             absl::ToUnixMillis(start_) / 1e3);
  out.Family("process_cpu_seconds_total", "counter",
             "User and system CPU time the process has used, in seconds.");
  out.Sample("process_cpu_seconds_total", {}, CpuSeconds());
  out.Family("process_resident_memory_bytes", "gauge",
             "Resident memory size of the process, in bytes.");
  out.Sample("process_resident_memory_bytes", {}, ResidentBytes());
  return out.Take();
}

}  // namespace lede::service
