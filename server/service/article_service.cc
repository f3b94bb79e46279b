#include "server/service/article_service.h"

#include <chrono>
#include <deque>
#include <optional>
#include <utility>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "server/service/access_log.h"

namespace lede::service {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

namespace {

// A request over the engine's limits fails the same way on every replica:
// a negative retry pushback (gRPC's retry design, A6) tells clients whose
// retry policy covers RESOURCE_EXHAUSTED, for a full queue, not to send it
// again.
void NoRetryIfOverLimits(const absl::Status& status,
                         grpc::CallbackServerContext* context) {
  if (status.code() == absl::StatusCode::kResourceExhausted) {
    context->AddTrailingMetadata("grpc-retry-pushback-ms", "-1");
  }
}

// Ends a unary call with the engine's answer or its error.
template <typename Response>
void FinishUnary(absl::StatusOr<Response> result, Response* response,
                 grpc::CallbackServerContext* context, const CallLog& log,
                 grpc::ServerUnaryReactor* reactor) {
  grpc::Status status = grpc::Status::OK;
  if (result.ok()) {
    *response = *std::move(result);
  } else {
    NoRetryIfOverLimits(result.status(), context);
    status = ToGrpcStatus(result.status());
  }
  log.Finish(status);
  reactor->Finish(status);
}

// Answers a unary call the queue refused (worth a retry elsewhere).
void Refuse(const absl::Status& refusal, const CallLog& log,
            grpc::ServerUnaryReactor* reactor) {
  grpc::Status status = ToGrpcStatus(refusal);
  log.Finish(status);
  reactor->Finish(status);
}

}  // namespace

ArticleService::ArticleService(const ServiceOptions& options, WorkQueue* queue)
    : options_(options), engine_(options.limits), queue_(queue) {}

absl::Time ArticleService::CallerDeadline(
    const grpc::CallbackServerContext& context) {
  absl::Time caller = absl::FromChrono(context.deadline());
  // gRPC reports "no deadline" as the far future.
  if (caller - absl::Now() > absl::Hours(24 * 365)) {
    return absl::InfiniteFuture();
  }
  return caller;
}

absl::Time ArticleService::EngineDeadline(absl::Time caller_deadline) const {
  if (caller_deadline != absl::InfiniteFuture()) return caller_deadline;
  return absl::Now() + options_.default_deadline;
}

absl::StatusOr<v1::ParseResponse> ArticleService::ParseDocument(
    const v1::ParseRequest& request, absl::Time caller_deadline) const {
  const absl::Time deadline = EngineDeadline(caller_deadline);
  if (absl::Now() > deadline) {
    return absl::DeadlineExceededError(
        "deadline passed while the request waited for a worker");
  }
  return engine_.Parse(request, deadline);
}

grpc::ServerUnaryReactor* ArticleService::Parse(
    grpc::CallbackServerContext* context, const v1::ParseRequest* request,
    v1::ParseResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::Time caller_deadline = CallerDeadline(*context);
  CallLog log(options_.access_log, "Parse", *context);
  absl::Status accepted = queue_->TrySubmit(
      [this, context, reactor, request, response, caller_deadline, log] {
        FinishUnary(ParseDocument(*request, caller_deadline), response, context,
                    log, reactor);
      });
  if (!accepted.ok()) Refuse(accepted, log, reactor);
  return reactor;
}

grpc::ServerUnaryReactor* ArticleService::DetectLanguage(
    grpc::CallbackServerContext* context,
    const v1::DetectLanguageRequest* request,
    v1::DetectLanguageResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  CallLog log(options_.access_log, "DetectLanguage", *context);
  absl::Status accepted =
      queue_->TrySubmit([this, context, reactor, request, response, log] {
        FinishUnary(engine_.DetectLanguage(*request), response, context, log,
                    reactor);
      });
  if (!accepted.ok()) Refuse(accepted, log, reactor);
  return reactor;
}

// Reads documents, parses up to `stream_parallelism` at once on the work
// queue, and writes each answer as soon as it is ready (tagged with its id).
// A document the queue refuses is answered with that error, and the stream
// goes on, as for any failed document. gRPC operations are started outside
// the mutex, since their reactions may run on any thread.
class ArticleService::StreamReactor
    : public grpc::ServerBidiReactor<v1::ParseRequest, v1::ParseResponse> {
 public:
  StreamReactor(ArticleService* service, grpc::CallbackServerContext* context)
      : service_(service),
        caller_deadline_(CallerDeadline(*context)),
        log_(service->options_.access_log, "ParseStream", *context) {
    reading_ = true;
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    Actions actions;
    if (!ok) {
      absl::MutexLock lock(&mutex_);
      reading_ = false;
      reads_done_ = true;
      actions = DecideLocked();
    } else {
      v1::ParseRequest request = std::move(request_);
      {
        absl::MutexLock lock(&mutex_);
        reading_ = false;
        ++in_flight_;
        actions = DecideLocked();
      }
      // The request is moved into the task; the copy of its id answers a
      // refusal.
      std::string id = request.id();
      absl::Status accepted =
          service_->queue_->TrySubmit([this, request = std::move(request)] {
            Deliver(ToResponse(request.id(), service_->ParseDocument(
                                                 request, caller_deadline_)));
          });
      if (!accepted.ok()) Deliver(ToResponse(id, accepted));
    }
    Run(actions);
  }

  void OnWriteDone(bool ok) override {
    Actions actions;
    {
      absl::MutexLock lock(&mutex_);
      writing_ = false;
      if (!ok) {
        write_failed_ = true;
        ready_.clear();
      }
      actions = DecideLocked();
    }
    Run(actions);
  }

  void OnDone() override { delete this; }

 private:
  // gRPC operations to start once the mutex is released: their reactions
  // may run on any thread, and Finish may delete the reactor.
  struct Actions {
    bool start_read = false;
    const v1::ParseResponse* write = nullptr;
    bool finish = false;
    grpc::Status status;
  };

  // One document's answer: the engine's, or its error tagged with the id.
  static v1::ParseResponse ToResponse(
      const std::string& id, absl::StatusOr<v1::ParseResponse> result) {
    if (result.ok()) return *std::move(result);
    v1::ParseResponse failed;
    failed.set_id(id);
    failed.mutable_error()->set_code(static_cast<int>(result.status().code()));
    failed.mutable_error()->set_message(std::string(result.status().message()));
    return failed;
  }

  // Hands one document's answer to the writer; its slot in flight is free.
  void Deliver(v1::ParseResponse response) {
    Actions after;
    {
      absl::MutexLock lock(&mutex_);
      --in_flight_;
      if (!write_failed_) ready_.push_back(std::move(response));
      after = DecideLocked();
    }
    Run(after);
  }

  Actions DecideLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    Actions actions;
    if (!reading_ && !reads_done_ && !write_failed_ &&
        in_flight_ < service_->options_.stream_parallelism) {
      reading_ = true;
      actions.start_read = true;
    }
    if (!writing_ && !ready_.empty()) {
      writing_ = true;
      writing_now_ = std::move(ready_.front());
      ready_.pop_front();
      actions.write = &writing_now_;
    }
    if (reads_done_ && in_flight_ == 0 && ready_.empty() && !writing_ &&
        !finished_) {
      finished_ = true;
      actions.finish = true;
      actions.status = write_failed_
                           ? grpc::Status(grpc::StatusCode::CANCELLED,
                                          "the client stopped reading")
                           : grpc::Status::OK;
    }
    return actions;
  }

  // Finish comes last: nothing of `this` is touched after it.
  void Run(const Actions& actions) {
    if (actions.start_read) StartRead(&request_);
    if (actions.write != nullptr) StartWrite(actions.write);
    if (actions.finish) {
      log_.Finish(actions.status);
      Finish(actions.status);
    }
  }

  ArticleService* service_;
  const absl::Time caller_deadline_;
  const CallLog log_;
  v1::ParseRequest request_;  // filled by StartRead; only one read at a time
  absl::Mutex mutex_;
  bool reading_ ABSL_GUARDED_BY(mutex_) = false;
  bool reads_done_ ABSL_GUARDED_BY(mutex_) = false;
  bool writing_ ABSL_GUARDED_BY(mutex_) = false;
  bool write_failed_ ABSL_GUARDED_BY(mutex_) = false;
  bool finished_ ABSL_GUARDED_BY(mutex_) = false;
  int in_flight_ ABSL_GUARDED_BY(mutex_) = 0;
  std::deque<v1::ParseResponse> ready_ ABSL_GUARDED_BY(mutex_);
  v1::ParseResponse writing_now_;  // owned by the write in progress
};

grpc::ServerBidiReactor<v1::ParseRequest, v1::ParseResponse>*
ArticleService::ParseStream(grpc::CallbackServerContext* context) {
  return new StreamReactor(this, context);
}

}  // namespace lede::service
