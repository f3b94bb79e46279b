// Runs the lede gRPC server until SIGTERM or SIGINT, then drains.
#ifndef LEDE_SERVER_SERVICE_SERVER_H_
#define LEDE_SERVER_SERVICE_SERVER_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "server/service/dispatcher.h"
#include "server/service/http/http_server.h"
#include "server/service/log.h"
#include "server/service/tls.h"

namespace lede::service {

// The default --max_queue per worker thread: room for a burst of a few
// seconds of typical pages, little enough that a waiting call still meets
// a deadline of a few seconds.
inline constexpr int kQueuePerThread = 8;

struct ServerOptions {
  std::string address = "0.0.0.0:50051";
  // The gRPC door's TLS (plaintext when it names no file).
  TlsOptions tls;
  int threads = 0;  // 0: one per core
  // Requests waiting for a worker beyond which new ones are refused with
  // RESOURCE_EXHAUSTED; 0: kQueuePerThread per worker thread.
  int max_queue = 0;
  ServiceOptions service;
  // The HTTP door (/metrics, /healthz, /readyz, /v1/..., the playground);
  // an empty address turns it off.
  http::HttpOptions http;
  LogFormat log_format = LogFormat::kText;
  // One line per finished call (see log.h).
  bool access_log = false;
  // Connections are closed after this long, so clients behind an L4
  // balancer reconnect and spread over new replicas.
  absl::Duration max_connection_age = absl::Minutes(5);
  // How long in-flight calls may run on after a stop signal.
  absl::Duration drain_timeout = absl::Seconds(20);
  // After the last call in flight, connections stay open this long before
  // they close, so the answers reach callers behind proxies (see server.cc).
  absl::Duration drain_linger = absl::Seconds(1);
};

// Serves lede.v1.ArticleService, grpc.health.v1.Health and server reflection
// on `options.address`, and the HTTP door on `options.http.address`, until
// SIGTERM or SIGINT arrives. Then health (and /readyz) turns NOT_SERVING and
// in-flight calls, on both doors, get up to `drain_timeout` to finish.
// Returns OK after a drain, UNAVAILABLE when an address cannot be bound,
// INVALID_ARGUMENT when the TLS files are not usable (tls.h). Call
// from the main thread before starting any other thread: it blocks the stop
// signals for the whole process.
absl::Status RunServer(const ServerOptions& options);

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_SERVER_H_
