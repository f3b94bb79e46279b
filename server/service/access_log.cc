#include "server/service/access_log.h"

#include <cstdio>
#include <iterator>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace lede::service {
namespace {

// The canonical names of gRPC status codes, as grpcurl and the clients
// print them.
const char* CodeName(grpc::StatusCode code) {
  static constexpr const char* kNames[] = {
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
  int index = static_cast<int>(code);
  if (index < 0 || index >= static_cast<int>(std::size(kNames))) {
    return "UNKNOWN";
  }
  return kNames[index];
}

}  // namespace

CallLog::CallLog(bool enabled, absl::string_view method,
                 const grpc::CallbackServerContext& context)
    : enabled_(enabled), method_(method) {
  if (!enabled_) return;
  // Read now: the context may be gone once the call has finished.
  peer_ = context.peer();
  start_ = absl::Now();
}

void CallLog::Finish(const grpc::Status& status) const {
  if (!enabled_) return;
  std::string line =
      absl::StrFormat("lede-server: call %s peer=%s status=%s ms=%.1f\n",
                      method_, peer_, CodeName(status.error_code()),
                      absl::ToDoubleMilliseconds(absl::Now() - start_));
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace lede::service
