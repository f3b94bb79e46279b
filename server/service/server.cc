#include "server/service/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace lede::service {
namespace {

constexpr char kServiceName[] = "lede.v1.ArticleService";

void SetServing(grpc::Server* server, bool serving) {
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
  const int max_queue =
      options.max_queue > 0 ? options.max_queue : kQueuePerThread * threads;
  WorkQueue queue(threads, max_queue);
  ArticleService service(options.service, &queue);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(options.address, grpc::InsecureServerCredentials(),
                           &port);
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
  SetServing(server.get(), true);
  std::cerr << "lede-server: serving on " << options.address << " with "
            << threads << " worker threads, at most " << max_queue
            << " requests waiting" << std::endl;

  int signal_number = WaitForStopSignal(stop_signals);
  std::cerr << "lede-server: signal " << signal_number
            << ", draining for up to "
            << absl::FormatDuration(options.drain_timeout) << std::endl;
  SetServing(server.get(), false);
  const absl::Time deadline = absl::Now() + options.drain_timeout;
  // Lame duck: connections stay open while the calls in flight finish, and
  // for `drain_linger` more so their answers reach the callers, who then
  // close. Closing a connection whose last frames are still unread resets
  // it, and a proxy in between (a container's port forwarder, a load
  // balancer) may drop the answer with it. Work that arrives meanwhile
  // (a request still uploading) restarts the wait.
  while (queue.WaitUntilIdle(deadline) && absl::Now() < deadline) {
    absl::SleepFor(std::min(options.drain_linger, deadline - absl::Now()));
    if (queue.WaitUntilIdle(absl::Now())) break;
  }
  server->Shutdown(absl::ToChronoTime(deadline));
  server->Wait();
  std::cerr << "lede-server: drained, exiting" << std::endl;
  return absl::OkStatus();
}

}  // namespace lede::service
