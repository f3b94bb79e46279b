#include "server/service/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <algorithm>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "server/service/article_service.h"
#include "server/service/build_info.h"
#include "server/service/metrics.h"

namespace lede::service {
namespace {

constexpr char kServiceName[] = "lede.v1.ArticleService";

// gRPC health and /readyz say the same thing.
void SetServing(grpc::Server* server, http::HttpServer* http, bool serving) {
  if (http != nullptr) http->SetReady(serving);
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  if (health == nullptr) return;
  health->SetServingStatus(serving);
  health->SetServingStatus(kServiceName, serving);
}

int WaitForStopSignal(const sigset_t& signals) {
  int received = 0;
  while (sigwait(&signals, &received) != 0) {
  }
  return received;
}

}  // namespace

absl::Status RunServer(const ServerOptions& options) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  // Every thread started from here on inherits the mask, so only
  // WaitForStopSignal sees the signals.
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  int threads =
      options.threads > 0
          ? options.threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const Logger log(options.log_format, options.access_log);
  Metrics metrics(CurrentBuild());
  const int max_queue =
      options.max_queue > 0 ? options.max_queue : kQueuePerThread * threads;
  WorkQueue queue(threads, max_queue);
  // Fetches wait on the network, not the CPU: threads of their own, one per
  // fetch in flight, and up to --max_queue more wait for one (a burst's
  // tasks count as waiting until a worker takes them, hence the sum).
  // Declared after `queue`, so it stops first: its last tasks still hand
  // their pages to `queue`.
  std::unique_ptr<WorkQueue> fetch_queue;
  if (options.service.fetcher != nullptr) {
    const int fetchers = options.service.fetcher->options().parallelism;
    fetch_queue = std::make_unique<WorkQueue>(fetchers, fetchers + max_queue);
  }
  metrics.SetWorkerLoadSource([&queue] {
    const QueueStats stats = queue.Stats();
    return WorkerLoad{queue.threads(), stats.running, stats.waiting,
                      queue.max_waiting(), stats.refused};
  });
  const Telemetry telemetry{&metrics, &log};
  Dispatcher dispatcher(options.service, &queue, fetch_queue.get(), &metrics);
  ArticleService service(&dispatcher, telemetry);

  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      ServerCredentials(options.tls);
  if (!credentials.ok()) return credentials.status();
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.address, *credentials, &port);
  builder.RegisterService(&service);
  // Leave room above the document limit for the rest of the request, so the
  // engine (with its clearer message) judges the size.
  builder.SetMaxReceiveMessageSize(static_cast<int>(std::min<size_t>(
      options.service.limits.max_input_bytes + (1 << 20), INT32_MAX)));
  builder.AddChannelArgument(
      GRPC_ARG_MAX_CONNECTION_AGE_MS,
      static_cast<int>(absl::ToInt64Milliseconds(options.max_connection_age)));
  builder.AddChannelArgument(
      GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS,
      static_cast<int>(absl::ToInt64Milliseconds(options.drain_timeout)));
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return absl::UnavailableError(absl::StrCat(
        "could not listen on ", options.address,
        ": is the address valid and the port free? (set --address)"));
  }
  std::unique_ptr<http::HttpServer> http;
  std::string http_note;
  if (!options.http.address.empty()) {
    http = std::make_unique<http::HttpServer>(&dispatcher, telemetry,
                                              options.http);
    absl::StatusOr<int> http_port = http->Start();
    if (!http_port.ok()) {
      server->Shutdown();
      return http_port.status();
    }
    http_note = absl::StrCat(", HTTP on port ", *http_port);
  }
  SetServing(server.get(), http.get(), true);
  log.Event("info",
            absl::StrCat("serving on ", options.address, " (port ", port, ", ",
                         TransportName(options.tls), ") with ", threads,
                         " worker threads, at most ", max_queue,
                         " requests waiting", http_note));

  int signal_number = WaitForStopSignal(stop_signals);
  log.Event("info",
            absl::StrCat("signal ", signal_number, ", draining for up to ",
                         absl::FormatDuration(options.drain_timeout)));
  SetServing(server.get(), http.get(), false);
  const absl::Time deadline = absl::Now() + options.drain_timeout;
  // Idle: no HTTP request being read or answered, no work in the queues. A
  // fetch hands its page to `queue` before its own task ends, so the fetch
  // queue is asked first.
  auto idle_by = [&](absl::Time when) {
    return (http == nullptr || http->WaitUntilIdle(when)) &&
           (fetch_queue == nullptr || fetch_queue->WaitUntilIdle(when)) &&
           queue.WaitUntilIdle(when);
  };
  // Lame duck: connections stay open while the calls in flight finish, and
  // for `drain_linger` more so their answers reach the callers, who then
  // close. Closing a connection whose last frames are still unread resets
  // it, and a proxy in between (a container's port forwarder, a load
  // balancer) may drop the answer with it. Work that arrives meanwhile
  // (a request still uploading) restarts the wait.
  while (idle_by(deadline) && absl::Now() < deadline) {
    absl::SleepFor(std::min(options.drain_linger, deadline - absl::Now()));
    if (idle_by(absl::Now())) break;
  }
  if (http != nullptr) http->Stop();
  server->Shutdown(absl::ToChronoTime(deadline));
  server->Wait();
  log.Event("info", "drained, exiting");
  return absl::OkStatus();
}

}  // namespace lede::service
