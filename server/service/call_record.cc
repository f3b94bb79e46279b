#include "server/service/call_record.h"

#include <utility>

#include "absl/time/clock.h"

namespace lede::service {

CallRecord::CallRecord(const Telemetry& telemetry, Method method,
                       Transport transport, std::string peer,
                       absl::string_view traceparent)
    : telemetry_(telemetry),
      method_(method),
      transport_(transport),
      peer_(std::move(peer)),
      traceparent_(IsTraceparent(traceparent) ? std::string(traceparent) : ""),
      start_(absl::Now()) {
  telemetry_.metrics->CallStarted(transport_);
}

void CallRecord::Finish(absl::StatusCode code, size_t input_bytes,
                        int http_status) const {
  const absl::Time now = absl::Now();
  telemetry_.metrics->CallFinished(method_, transport_, code, now - start_);
  CallLine line;
  line.time = now;
  line.method = method_;
  line.transport = transport_;
  line.peer = peer_;
  line.code = code;
  line.http_status = http_status;
  line.elapsed = now - start_;
  line.bytes = input_bytes;
  line.traceparent = traceparent_;
  telemetry_.log->Call(line);
}

}  // namespace lede::service
