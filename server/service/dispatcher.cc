#include "server/service/dispatcher.h"

#include <malloc.h>

#include <memory>
#include <optional>
#include <utility>

#include "absl/time/clock.h"

namespace lede::service {

Dispatcher::Dispatcher(const ServiceOptions& options, WorkQueue* queue,
                       WorkQueue* fetch_queue, Metrics* metrics)
    : options_(options),
      engine_(options.limits),
      queue_(queue),
      fetch_queue_(fetch_queue),
      metrics_(metrics) {}

namespace {

// A document whose deadline passed while it waited in a queue is not parsed.
absl::Status WaitedTooLong(absl::Time deadline) {
  if (absl::Now() <= deadline) return absl::OkStatus();
  return absl::DeadlineExceededError(
      "deadline passed while the request waited for a worker");
}

}  // namespace

void Dispatcher::TrimWhenIdle(std::optional<size_t> document_bytes) {
  const int64_t trim_after_bytes = options_.malloc_trim_after_bytes;
  if (trim_after_bytes < 0) return;
  if (document_bytes.has_value() &&
      *document_bytes >= static_cast<size_t>(trim_after_bytes)) {
    trim_due_.store(true, std::memory_order_relaxed);
  }
  // Whichever worker takes the next task waiting trims after it.
  if (queue_->Stats().waiting > 0) return;
  if (!trim_due_.exchange(false, std::memory_order_relaxed)) return;
  if (options_.trim_heaps) {
    options_.trim_heaps();
  } else {
    malloc_trim(0);
  }
}

absl::Time Dispatcher::EngineDeadline(absl::Time caller_deadline) const {
  if (caller_deadline != absl::InfiniteFuture()) return caller_deadline;
  return absl::Now() + options_.default_deadline;
}

absl::StatusOr<v1::ParseResponse> Dispatcher::ParseDocument(
    const v1::ParseRequest& request, absl::Time caller_deadline,
    engine::StageTimes* times) const {
  const absl::Time deadline = EngineDeadline(caller_deadline);
  if (absl::Status waited = WaitedTooLong(deadline); !waited.ok()) {
    return waited;
  }
  return engine_.Parse(request, deadline, times);
}

void Dispatcher::Parse(Method method, Transport transport,
                       const v1::ParseRequest* request,
                       absl::Time caller_deadline, ParseDone done) {
  if (fetch::WantsFetch(*request)) {
    Fetch(method, transport, request, caller_deadline,
          [this, method, transport, done = std::move(done)](
              absl::StatusOr<fetch::FetchedRequest> page, absl::Time deadline) {
            if (!page.ok()) {
              done(page.status());
              return;
            }
            ParseFetched(
                method, transport,
                std::make_shared<const fetch::FetchedRequest>(*std::move(page)),
                deadline, done);
          });
    return;
  }
  // `done` is shared: a refused task is dropped unrun, and then it is
  // called here.
  auto shared_done = std::make_shared<ParseDone>(std::move(done));
  absl::Status accepted = queue_->TrySubmit([this, method, transport, request,
                                             caller_deadline, shared_done] {
    engine::StageTimes times;
    absl::StatusOr<v1::ParseResponse> result =
        ParseDocument(*request, caller_deadline, &times);
    // `request` may go with `done`.
    const size_t bytes = request->content().size();
    metrics_->DocumentDone(method, transport, bytes, &times, result.status());
    (*shared_done)(std::move(result));
    TrimWhenIdle(bytes);
  });
  if (!accepted.ok()) {
    metrics_->DocumentDone(method, transport, request->content().size(),
                           nullptr, accepted);
    (*shared_done)(accepted);
  }
}

void Dispatcher::Fetch(Method method, Transport transport,
                       const v1::ParseRequest* request,
                       absl::Time caller_deadline, FetchDone done) {
  auto shared_done = std::make_shared<FetchDone>(std::move(done));
  // With fetching off there is no fetch queue; the refusal is immediate.
  WorkQueue* fetch_queue = fetch_queue_ != nullptr ? fetch_queue_ : queue_;
  absl::Status accepted = fetch_queue->TrySubmit(
      [this, method, transport, request, caller_deadline, shared_done] {
        // One deadline for the fetch and the parse after it.
        const absl::Time deadline = EngineDeadline(caller_deadline);
        absl::StatusOr<fetch::FetchedRequest> page =
            fetch::FetchRequest(options_.fetcher, *request, deadline);
        if (!page.ok()) {
          metrics_->DocumentDone(method, transport, 0, nullptr, page.status());
        }
        (*shared_done)(std::move(page), deadline);
      });
  if (!accepted.ok()) {
    metrics_->DocumentDone(method, transport, 0, nullptr, accepted);
    (*shared_done)(accepted, EngineDeadline(caller_deadline));
  }
}

void Dispatcher::ParseFetched(
    Method method, Transport transport,
    std::shared_ptr<const fetch::FetchedRequest> fetched, absl::Time deadline,
    ParseDone done) {
  auto shared_done = std::make_shared<ParseDone>(std::move(done));
  const size_t bytes = fetched->request.content().size();
  absl::Status accepted = queue_->TrySubmit([this, method, transport, fetched,
                                             deadline, bytes, shared_done] {
    engine::StageTimes times;
    absl::Status waited = WaitedTooLong(deadline);
    absl::StatusOr<v1::ParseResponse> result =
        waited.ok() ? fetch::ParseFetched(engine_, *fetched, deadline, &times)
                    : absl::StatusOr<v1::ParseResponse>(waited);
    metrics_->DocumentDone(method, transport, bytes, &times, result.status());
    (*shared_done)(std::move(result));
    TrimWhenIdle(bytes);
  });
  if (!accepted.ok()) {
    metrics_->DocumentDone(method, transport, bytes, nullptr, accepted);
    (*shared_done)(accepted);
  }
}

void Dispatcher::DetectLanguage(Transport transport,
                                const v1::DetectLanguageRequest* request,
                                DetectDone done) {
  auto shared_done = std::make_shared<DetectDone>(std::move(done));
  absl::Status accepted = queue_->TrySubmit([this, transport, request,
                                             shared_done] {
    absl::StatusOr<v1::DetectLanguageResponse> result =
        engine_.DetectLanguage(*request);
    metrics_->DocumentDone(Method::kDetectLanguage, transport,
                           request->text().size(), nullptr, result.status());
    (*shared_done)(std::move(result));
    TrimWhenIdle(std::nullopt);
  });
  if (!accepted.ok()) {
    metrics_->DocumentDone(Method::kDetectLanguage, transport,
                           request->text().size(), nullptr, accepted);
    (*shared_done)(accepted);
  }
}

}  // namespace lede::service
