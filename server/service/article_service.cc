#include "server/service/article_service.h"

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "client/cpp/json.h"

namespace lede::service {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

ArticleService::ArticleService(Dispatcher* dispatcher,
                               const Telemetry& telemetry)
    : dispatcher_(dispatcher), telemetry_(telemetry) {}

absl::Time ArticleService::CallerDeadline(
    const grpc::CallbackServerContext& context) {
  absl::Time caller = absl::FromChrono(context.deadline());
  // gRPC reports "no deadline" as the far future.
  if (caller - absl::Now() > absl::Hours(24 * 365)) {
    return absl::InfiniteFuture();
  }
  return caller;
}

namespace {

// A request over the engine's limits fails the same way on every replica:
// a negative retry pushback (gRPC's retry design, A6) tells clients whose
// retry policy covers RESOURCE_EXHAUSTED, for a full queue, not to send it
// again.
void NoRetryIfOverLimits(const absl::Status& status,
                         grpc::CallbackServerContext* context) {
  if (engine::ExceededLimit(status)) {
    context->AddTrailingMetadata("grpc-retry-pushback-ms", "-1");
  }
}

}  // namespace

CallRecord ArticleService::StartCall(
    Method method, const grpc::CallbackServerContext& context) const {
  absl::string_view traceparent;
  auto found = context.client_metadata().find("traceparent");
  if (found != context.client_metadata().end()) {
    traceparent = absl::string_view(found->second.data(), found->second.size());
  }
  return CallRecord(telemetry_, method, Transport::kGrpc, context.peer(),
                    traceparent);
}

namespace {

// How a unary call ends: with the answer or the error, the call recorded
// (`input_bytes` of input) and, for a request over the limits, no retry.
template <typename Response>
auto FinishUnary(grpc::CallbackServerContext* context,
                 grpc::ServerUnaryReactor* reactor, Response* response,
                 CallRecord call, size_t input_bytes) {
  return [context, reactor, response, call,
          input_bytes](absl::StatusOr<Response> result) {
    if (result.ok()) *response = *std::move(result);
    NoRetryIfOverLimits(result.status(), context);
    call.Finish(result.status().code(), input_bytes);
    reactor->Finish(ToGrpcStatus(result.status()));
  };
}

}  // namespace

grpc::ServerUnaryReactor* ArticleService::Parse(
    grpc::CallbackServerContext* context, const v1::ParseRequest* request,
    v1::ParseResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  CallRecord call = StartCall(Method::kParse, *context);
  dispatcher_->Parse(Method::kParse, Transport::kGrpc, request,
                     CallerDeadline(*context),
                     FinishUnary(context, reactor, response, std::move(call),
                                 request->content().size()));
  return reactor;
}

grpc::ServerUnaryReactor* ArticleService::DetectLanguage(
    grpc::CallbackServerContext* context,
    const v1::DetectLanguageRequest* request,
    v1::DetectLanguageResponse* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  CallRecord call = StartCall(Method::kDetectLanguage, *context);
  dispatcher_->DetectLanguage(
      Transport::kGrpc, request,
      FinishUnary(context, reactor, response, std::move(call),
                  request->text().size()));
  return reactor;
}

// Reads documents, parses up to `stream_parallelism` at once on the work
// queue, and writes each answer as soon as it is ready (tagged with its id).
// Documents with a url and no content are fetched meanwhile, up to the
// fetcher's parallelism, so fetches overlap with parsing; a fetched page
// waits here for a parse slot, and no more is read while one waits, so a
// stream never puts more than `stream_parallelism` parses on the queue. A
// document the queue refuses is answered with that error, and the stream
// goes on, as for any failed document. gRPC operations are started outside
// the mutex, since their reactions may run on any thread.
class ArticleService::StreamReactor
    : public grpc::ServerBidiReactor<v1::ParseRequest, v1::ParseResponse> {
 public:
  StreamReactor(ArticleService* service, grpc::CallbackServerContext* context)
      : service_(service),
        caller_deadline_(CallerDeadline(*context)),
        call_(service->StartCall(Method::kParseStream, *context)) {
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
      // Kept until the document is answered: reads go on meanwhile.
      auto request = std::make_shared<v1::ParseRequest>(std::move(request_));
      const bool wants_fetch = fetch::WantsFetch(*request);
      {
        absl::MutexLock lock(&mutex_);
        reading_ = false;
        ++in_flight_;
        input_bytes_ += request->content().size();
        if (wants_fetch) {
          ++fetching_;
        } else {
          to_parse_.push_back({request, nullptr, absl::InfiniteFuture()});
        }
        actions = DecideLocked();
      }
      if (wants_fetch) {
        service_->dispatcher_->Fetch(
            Method::kParseStream, Transport::kGrpc, request.get(),
            caller_deadline_,
            [this, request](absl::StatusOr<fetch::FetchedRequest> page,
                            absl::Time deadline) {
              Fetched(request, std::move(page), deadline);
            });
      }
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
  // A document waiting for a parse slot: sent with its content, or fetched
  // (with the deadline its fetch started).
  struct ToParse {
    std::shared_ptr<v1::ParseRequest> request;
    std::shared_ptr<const fetch::FetchedRequest> fetched;
    absl::Time deadline;
  };

  // gRPC operations to start once the mutex is released: their reactions
  // may run on any thread, and Finish may delete the reactor. Parses are
  // queued outside it too: a refusal answers at once, on this thread.
  struct Actions {
    bool start_read = false;
    std::vector<ToParse> parse;
    const v1::ParseResponse* write = nullptr;
    bool finish = false;
    grpc::Status status;
    size_t input_bytes = 0;
  };

  void Fetched(const std::shared_ptr<v1::ParseRequest>& request,
               absl::StatusOr<fetch::FetchedRequest> page,
               absl::Time deadline) {
    Actions actions;
    {
      absl::MutexLock lock(&mutex_);
      --fetching_;
      if (page.ok()) {
        to_parse_.push_back(
            {request,
             std::make_shared<const fetch::FetchedRequest>(*std::move(page)),
             deadline});
      } else {
        AnswerLocked(ErrorResponse(request->id(), page.status()));
      }
      actions = DecideLocked();
    }
    Run(actions);
  }

  void Parsed(const std::string& id, absl::StatusOr<v1::ParseResponse> result) {
    Actions actions;
    {
      absl::MutexLock lock(&mutex_);
      --parsing_;
      AnswerLocked(result.ok() ? *std::move(result)
                               : ErrorResponse(id, result.status()));
      actions = DecideLocked();
    }
    Run(actions);
  }

  void AnswerLocked(v1::ParseResponse response)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    --in_flight_;
    if (!write_failed_) ready_.push_back(std::move(response));
  }

  // Documents of this stream fetched at once: the fetcher's bound.
  int FetchParallelism() const {
    const fetch::Fetcher* fetcher = service_->dispatcher_->options().fetcher;
    return fetcher != nullptr ? fetcher->options().parallelism : 1;
  }

  Actions DecideLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
    Actions actions;
    const int parallelism = service_->dispatcher_->options().stream_parallelism;
    while (parsing_ < parallelism && !to_parse_.empty()) {
      ++parsing_;
      actions.parse.push_back(std::move(to_parse_.front()));
      to_parse_.pop_front();
    }
    if (!reading_ && !reads_done_ && !write_failed_ && to_parse_.empty() &&
        fetching_ < FetchParallelism()) {
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
      actions.input_bytes = input_bytes_;
    }
    return actions;
  }

  // Finish comes last: nothing of `this` is touched after it. Once a read
  // or a write has started, another thread may finish the call (and delete
  // this) unless a parse of `actions` keeps it (it counts in `in_flight_`),
  // so what the parses need is read first (ASan saw the reactor freed under
  // the read of `service_` that came after StartWrite). Parses are queued
  // after everything else: a refused one is answered at once, on this
  // thread, and the last answer may finish the call, so the loop reads only
  // locals.
  void Run(const Actions& actions) {
    Dispatcher* const dispatcher = service_->dispatcher_;
    const absl::Time caller_deadline = caller_deadline_;
    if (actions.start_read) StartRead(&request_);
    if (actions.write != nullptr) StartWrite(actions.write);
    if (actions.finish) {
      call_.Finish(static_cast<absl::StatusCode>(actions.status.error_code()),
                   actions.input_bytes);
      Finish(actions.status);
      return;
    }
    for (const ToParse& document : actions.parse) {
      auto parsed = [this, id = document.request->id()](
                        absl::StatusOr<v1::ParseResponse> result) {
        Parsed(id, std::move(result));
      };
      if (document.fetched != nullptr) {
        dispatcher->ParseFetched(Method::kParseStream, Transport::kGrpc,
                                 document.fetched, document.deadline,
                                 std::move(parsed));
      } else {
        // The request stays alive in the callback until its answer.
        dispatcher->Parse(
            Method::kParseStream, Transport::kGrpc, document.request.get(),
            caller_deadline,
            [request = document.request, parsed = std::move(parsed)](
                absl::StatusOr<v1::ParseResponse> result) {
              parsed(std::move(result));
            });
      }
    }
  }

  ArticleService* service_;
  const absl::Time caller_deadline_;
  const CallRecord call_;
  v1::ParseRequest request_;  // filled by StartRead; only one read at a time
  absl::Mutex mutex_;
  bool reading_ ABSL_GUARDED_BY(mutex_) = false;
  bool reads_done_ ABSL_GUARDED_BY(mutex_) = false;
  bool writing_ ABSL_GUARDED_BY(mutex_) = false;
  bool write_failed_ ABSL_GUARDED_BY(mutex_) = false;
  bool finished_ ABSL_GUARDED_BY(mutex_) = false;
  // Documents read and not yet answered; of them, those being fetched,
  // waiting for a parse slot, and parsing.
  int in_flight_ ABSL_GUARDED_BY(mutex_) = 0;
  int fetching_ ABSL_GUARDED_BY(mutex_) = 0;
  std::deque<ToParse> to_parse_ ABSL_GUARDED_BY(mutex_);
  int parsing_ ABSL_GUARDED_BY(mutex_) = 0;
  size_t input_bytes_ ABSL_GUARDED_BY(mutex_) = 0;
  std::deque<v1::ParseResponse> ready_ ABSL_GUARDED_BY(mutex_);
  v1::ParseResponse writing_now_;  // owned by the write in progress
};

grpc::ServerBidiReactor<v1::ParseRequest, v1::ParseResponse>*
ArticleService::ParseStream(grpc::CallbackServerContext* context) {
  return new StreamReactor(this, context);
}

}  // namespace lede::service
