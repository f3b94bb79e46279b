// What every call leaves behind, whichever door it came through: the
// metrics (in flight while it runs; its method, status and time when it
// ends) and, with --access_log, one log line.
#ifndef LEDE_SERVER_SERVICE_CALL_RECORD_H_
#define LEDE_SERVER_SERVICE_CALL_RECORD_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/service/log.h"
#include "server/service/metrics.h"

namespace lede::service {

// Where calls are recorded. Both must outlive every call.
struct Telemetry {
  Metrics* metrics = nullptr;
  const Logger* log = nullptr;
};

class CallRecord {
 public:
  // Starts one call: counts it in flight and starts its clock. `peer` is
  // the caller's address as gRPC writes it ("ipv4:127.0.0.1:5555"); an
  // invalid `traceparent` is dropped (see IsTraceparent).
  CallRecord(const Telemetry& telemetry, Method method, Transport transport,
             std::string peer, absl::string_view traceparent);

  // Ends the call with `code` (and the HTTP status it answered, if any),
  // after `input_bytes` of documents or text. Call exactly once, on one copy
  // of the record.
  void Finish(absl::StatusCode code, size_t input_bytes,
              int http_status = 0) const;

 private:
  Telemetry telemetry_;
  Method method_;
  Transport transport_;
  std::string peer_;
  std::string traceparent_;
  absl::Time start_;
};

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_CALL_RECORD_H_
