#include "server/service/dispatcher.h"

#include <memory>
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
                       absl::Time caller_deadline, ParseDone done,
                       std::function<void()> fetched) {
  // `done` is shared: a refused task is dropped unrun, and then it is
  // called here.
  auto shared_done = std::make_shared<ParseDone>(std::move(done));
  if (fetch::WantsFetch(*request)) {
    FetchThenParse(method, transport, request, caller_deadline,
                   std::move(shared_done), std::move(fetched));
    return;
  }
  absl::Status accepted = queue_->TrySubmit(
      [this, method, transport, request, caller_deadline, shared_done] {
        engine::StageTimes times;
        absl::StatusOr<v1::ParseResponse> result =
            ParseDocument(*request, caller_deadline, &times);
        metrics_->DocumentDone(method, transport, request->content().size(),
                               &times, result.status());
        (*shared_done)(std::move(result));
      });
  if (!accepted.ok()) {
    metrics_->DocumentDone(method, transport, request->content().size(),
                           nullptr, accepted);
    (*shared_done)(accepted);
  }
}

void Dispatcher::FetchThenParse(Method method, Transport transport,
                                const v1::ParseRequest* request,
                                absl::Time caller_deadline,
                                std::shared_ptr<ParseDone> done,
                                std::function<void()> fetched) {
  // With fetching off there is no fetch queue; the refusal is immediate.
  WorkQueue* fetch_queue = fetch_queue_ != nullptr ? fetch_queue_ : queue_;
  auto shared_fetched =
      std::make_shared<std::function<void()>>(std::move(fetched));
  auto fetch_over = [shared_fetched] {
    if (*shared_fetched) (*shared_fetched)();
  };
  absl::Status accepted = fetch_queue->TrySubmit([this, method, transport,
                                                  request, caller_deadline,
                                                  done, fetch_over] {
    // One deadline for the fetch and the parse after it.
    const absl::Time deadline = EngineDeadline(caller_deadline);
    absl::StatusOr<fetch::FetchedRequest> page =
        fetch::FetchRequest(options_.fetcher, *request, deadline);
    fetch_over();
    if (!page.ok()) {
      metrics_->DocumentDone(method, transport, 0, nullptr, page.status());
      (*done)(page.status());
      return;
    }
    // Shared: a queued task must be copyable, and the page may be large.
    auto fetched = std::make_shared<fetch::FetchedRequest>(*std::move(page));
    const size_t bytes = fetched->request.content().size();
    absl::Status queued = queue_->TrySubmit([this, method, transport, fetched,
                                             deadline, bytes, done] {
      engine::StageTimes times;
      absl::Status waited = WaitedTooLong(deadline);
      absl::StatusOr<v1::ParseResponse> result =
          waited.ok() ? fetch::ParseFetched(engine_, *fetched, deadline, &times)
                      : absl::StatusOr<v1::ParseResponse>(waited);
      metrics_->DocumentDone(method, transport, bytes, &times, result.status());
      (*done)(std::move(result));
    });
    if (!queued.ok()) {
      metrics_->DocumentDone(method, transport, bytes, nullptr, queued);
      (*done)(queued);
    }
  });
  if (!accepted.ok()) {
    fetch_over();
    metrics_->DocumentDone(method, transport, 0, nullptr, accepted);
    (*done)(accepted);
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
  });
  if (!accepted.ok()) {
    metrics_->DocumentDone(Method::kDetectLanguage, transport,
                           request->text().size(), nullptr, accepted);
    (*shared_done)(accepted);
  }
}

}  // namespace lede::service
