// One line on stderr per finished call, when --access_log is on: which
// method, from which peer, with what status and how long it took. Operators
// read it; tests/scale counts it to see which replica served each call.
#ifndef LEDE_SERVER_SERVICE_ACCESS_LOG_H_
#define LEDE_SERVER_SERVICE_ACCESS_LOG_H_

#include <grpcpp/grpcpp.h>

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace lede::service {

// Times one call from its start; Finish writes its line. Does nothing when
// constructed disabled, so the hot path only pays for a bool.
class CallLog {
 public:
  CallLog(bool enabled, absl::string_view method,
          const grpc::CallbackServerContext& context);

  // Writes "lede-server: call METHOD peer=PEER status=CODE ms=N". One
  // fwrite, so lines from concurrent calls do not interleave.
  void Finish(const grpc::Status& status) const;

 private:
  bool enabled_;
  absl::string_view method_;
  std::string peer_;
  absl::Time start_;
};

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_ACCESS_LOG_H_
