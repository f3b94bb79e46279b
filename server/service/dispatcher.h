// The one way both doors (gRPC and HTTP) reach the engine: a request runs on
// the shared work queue (or is refused at once when it is full), under the
// caller's deadline or the default one, within the same limits, and each
// document's size, stage times and any limit it hit go to the metrics. A
// request with a url and no content is fetched first (server/fetch), on a
// queue of its own, so waiting on the network never holds a parse worker.
#ifndef LEDE_SERVER_SERVICE_DISPATCHER_H_
#define LEDE_SERVER_SERVICE_DISPATCHER_H_

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"
#include "server/engine/engine.h"
#include "server/fetch/fetcher.h"
#include "server/fetch/request_fetch.h"
#include "server/service/metrics.h"
#include "server/service/queue.h"

namespace lede::service {

struct ServiceOptions {
  engine::Limits limits;
  // Used when the caller set no deadline.
  absl::Duration default_deadline = absl::Seconds(30);
  // Documents of one ParseStream parsed at the same time.
  int stream_parallelism = 4;
  // Fetches the requests that name a url and send no content; null turns
  // fetching off (--enable_fetch=false). Must outlive the dispatcher.
  fetch::Fetcher* fetcher = nullptr;
  // After a document of at least this many bytes, the heaps' free memory
  // goes back to the system (glibc's malloc_trim) as soon as no document
  // waits in the queue: 0 after every document, negative never. Under
  // steady load the next document reuses that memory instead of faulting it
  // in again page by page; at rest it goes back.
  int64_t malloc_trim_after_bytes = 0;
  // Returns the heaps' free memory to the system; null: malloc_trim(0).
  std::function<void()> trim_heaps;
};

class Dispatcher {
 public:
  // `queue`, `fetch_queue` and `metrics` must outlive the dispatcher.
  // `fetch_queue` runs fetches; it may be null when `options.fetcher` is.
  Dispatcher(const ServiceOptions& options, WorkQueue* queue,
             WorkQueue* fetch_queue, Metrics* metrics);

  using ParseDone =
      std::function<void(absl::StatusOr<v1::ParseResponse> result)>;
  using DetectDone =
      std::function<void(absl::StatusOr<v1::DetectLanguageResponse> result)>;

  // Parses `request` on a worker and calls `done` there with the outcome;
  // when the queue is full, calls `done` at once, on the calling thread,
  // with its RESOURCE_EXHAUSTED (QueueFullError). A document whose deadline
  // passed while it waited gets DEADLINE_EXCEEDED unparsed.
  // `caller_deadline` is absl::InfiniteFuture() when the caller set none;
  // `method` and `transport` label the document's metrics. `request` must
  // stay valid until `done` runs. A request with a url and no content is
  // fetched first: Fetch, then ParseFetched.
  void Parse(Method method, Transport transport,
             const v1::ParseRequest* request, absl::Time caller_deadline,
             ParseDone done);

  using FetchDone = std::function<void(
      absl::StatusOr<fetch::FetchedRequest> page, absl::Time deadline)>;
  // Fetches `request.url` on the fetch queue and calls `done` there with
  // the page, ready for the engine, or the error (which the metrics
  // count); and with the deadline its parse must meet: the caller's, else
  // the default from when the fetch started. A full fetch queue calls
  // `done` at once, on the calling thread. `request` must stay valid until
  // `done` runs.
  void Fetch(Method method, Transport transport,
             const v1::ParseRequest* request, absl::Time caller_deadline,
             FetchDone done);

  // Parses a page Fetch returned, on the work queue; as Parse.
  void ParseFetched(Method method, Transport transport,
                    std::shared_ptr<const fetch::FetchedRequest> fetched,
                    absl::Time deadline, ParseDone done);

  // Identifies the language of `request` on a worker; as Parse.
  void DetectLanguage(Transport transport,
                      const v1::DetectLanguageRequest* request,
                      DetectDone done);

  const ServiceOptions& options() const { return options_; }

 private:
  // The engine's deadline for one document: the caller's, else the default
  // from when its work starts.
  absl::Time EngineDeadline(absl::Time caller_deadline) const;
  // After a task (a document of `document_bytes`, or none): trims the heaps
  // when a document since the last trim had at least malloc_trim_after_bytes
  // and no task waits in the queue.
  void TrimWhenIdle(std::optional<size_t> document_bytes);
  // Runs the engine on one document, unless its deadline passed while it
  // waited in the queue.
  absl::StatusOr<v1::ParseResponse> ParseDocument(
      const v1::ParseRequest& request, absl::Time caller_deadline,
      engine::StageTimes* times) const;

  ServiceOptions options_;
  engine::Engine engine_;
  WorkQueue* queue_;
  WorkQueue* fetch_queue_;
  Metrics* metrics_;
  // A document since the last trim was at least malloc_trim_after_bytes.
  std::atomic<bool> trim_due_{false};
};

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_DISPATCHER_H_
