// The HTTP door of lede-server (cpp-httplib, Debian's libcpp-httplib-dev):
//   GET  /metrics              Prometheus text exposition
//   GET  /healthz              200 while the process runs
//   GET  /readyz               200 SERVING, 503 NOT_SERVING (as gRPC health)
//   POST /v1/parse             a document -> the JSON `lede parse` prints
//   POST /v1/detect-language   a text -> the JSON `lede detect` prints
//   GET  /                     the playground
// It shares the engine, the worker pool, the limits and the deadlines with
// the gRPC door through the Dispatcher; it only reads requests and writes
// answers.
#ifndef LEDE_SERVER_SERVICE_HTTP_HTTP_SERVER_H_
#define LEDE_SERVER_SERVICE_HTTP_HTTP_SERVER_H_

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/service/call_record.h"
#include "server/service/dispatcher.h"

namespace httplib {
class Server;
}

namespace lede::service::http {

struct HttpOptions {
  // "HOST:PORT" ("[::]:8080" for IPv6); port 0 picks a free one.
  std::string address = "0.0.0.0:8080";
  // Connections served at once; more wait (at most 4x this many), then the
  // kernel's backlog holds them.
  int connection_threads = 16;
  // Longest wait for the next bytes of a request, or for the client to take
  // the answer's.
  absl::Duration io_timeout = absl::Seconds(10);
};

class HttpServer {
 public:
  // `dispatcher` and the telemetry must outlive the server.
  HttpServer(Dispatcher* dispatcher, const Telemetry& telemetry,
             const HttpOptions& options);
  // Stops serving if still running.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the address and starts serving on a thread of its own. Returns
  // the port bound; UNAVAILABLE when the address cannot be bound,
  // INVALID_ARGUMENT when it is not HOST:PORT.
  absl::StatusOr<int> Start();

  // What /readyz answers; follows the gRPC health status.
  void SetReady(bool ready) { ready_.store(ready); }

  // Blocks until no request is being handled, or until `deadline`. Returns
  // whether the server is idle.
  bool WaitUntilIdle(absl::Time deadline);

  // Closes the listener, lets the requests in progress finish, and joins.
  void Stop();

 private:
  class ActiveRequest;
  void Route();

  Dispatcher* dispatcher_;
  Telemetry telemetry_;
  HttpOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread listener_;
  std::atomic<bool> ready_{false};
  absl::Mutex mutex_;
  int active_ ABSL_GUARDED_BY(mutex_) = 0;
};

// Splits "HOST:PORT" / "[V6]:PORT"; INVALID_ARGUMENT when malformed.
absl::StatusOr<std::pair<std::string, int>> SplitHostPort(
    absl::string_view address);

}  // namespace lede::service::http

#endif  // LEDE_SERVER_SERVICE_HTTP_HTTP_SERVER_H_
