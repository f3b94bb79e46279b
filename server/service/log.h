// The server's log lines on stderr: human-readable text (the default), or
// one JSON object per line for log pipelines (--log_format=json).
#ifndef LEDE_SERVER_SERVICE_LOG_H_
#define LEDE_SERVER_SERVICE_LOG_H_

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/service/metrics.h"

namespace lede::service {

enum class LogFormat { kText, kJson };

// "text" or "json"; nullopt for anything else.
std::optional<LogFormat> ParseLogFormat(absl::string_view name);

// One finished call, as the access log writes it.
struct CallLine {
  absl::Time time;  // when it finished
  Method method = Method::kParse;
  Transport transport = Transport::kGrpc;
  absl::string_view peer;  // "ipv4:127.0.0.1:5555", as gRPC writes peers
  absl::StatusCode code = absl::StatusCode::kOk;
  int http_status = 0;  // 0 for a gRPC call
  absl::Duration elapsed;
  size_t bytes = 0;               // document or text bytes received
  absl::string_view traceparent;  // the caller's W3C traceparent, or empty
};

class Logger {
 public:
  // Writes to `out` (stderr unless a test asks otherwise). Call lines only
  // when `access_log`.
  explicit Logger(LogFormat format, bool access_log = false,
                  std::FILE* out = stderr);

  // A server event ("serving on ...", "signal 15, draining ..."): text
  // "lede-server: MESSAGE", or {"time", "level", "msg"}.
  void Event(absl::string_view level, absl::string_view message) const;

  // With --access_log, one line per finished call: text "lede-server: call
  // METHOD peer=P status=CODE ms=N transport=T bytes=B [http_status=S]
  // [traceparent=TP]", or JSON with the same fields (time, level, method,
  // transport, peer, status, ms, bytes, http_status, traceparent). One
  // fwrite per line, so concurrent calls' lines do not interleave.
  void Call(const CallLine& call) const;

  bool access_log() const { return access_log_; }

 private:
  void Write(const std::string& line) const;

  LogFormat format_;
  bool access_log_;
  std::FILE* out_;
};

// Whether `value` is a W3C Trace Context traceparent header
// ("00-<32 hex>-<16 hex>-<2 hex>", later versions may append fields); only
// such values are logged, so a caller cannot write arbitrary text into the
// log.
bool IsTraceparent(absl::string_view value);

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_LOG_H_
