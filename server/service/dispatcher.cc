#include "server/service/dispatcher.h"

#include <memory>
#include <utility>

#include "absl/time/clock.h"

namespace lede::service {

Dispatcher::Dispatcher(const ServiceOptions& options, WorkQueue* queue,
                       Metrics* metrics)
    : options_(options),
      engine_(options.limits),
      queue_(queue),
      metrics_(metrics) {}

absl::Time Dispatcher::EngineDeadline(absl::Time caller_deadline) const {
  if (caller_deadline != absl::InfiniteFuture()) return caller_deadline;
  return absl::Now() + options_.default_deadline;
}

absl::StatusOr<v1::ParseResponse> Dispatcher::ParseDocument(
    const v1::ParseRequest& request, absl::Time caller_deadline,
    engine::StageTimes* times) const {
  const absl::Time deadline = EngineDeadline(caller_deadline);
  if (absl::Now() > deadline) {
    return absl::DeadlineExceededError(
        "deadline passed while the request waited for a worker");
  }
  return engine_.Parse(request, deadline, times);
}

void Dispatcher::Parse(Method method, Transport transport,
                       const v1::ParseRequest* request,
                       absl::Time caller_deadline, ParseDone done) {
  // `done` is shared: a refused task is dropped unrun, and then it is
  // called here.
  auto shared_done = std::make_shared<ParseDone>(std::move(done));
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
