// lede.v1.ArticleService on gRPC's callback API: the gRPC door. It validates
// nothing itself (the engine does) and runs nothing itself (the dispatcher
// does); it maps statuses and records each call.
#ifndef LEDE_SERVER_SERVICE_ARTICLE_SERVICE_H_
#define LEDE_SERVER_SERVICE_ARTICLE_SERVICE_H_

#include "absl/time/time.h"
#include "lede/v1/lede.grpc.pb.h"
#include "server/service/call_record.h"
#include "server/service/dispatcher.h"

namespace lede::service {

class ArticleService final : public v1::ArticleService::CallbackService {
 public:
  // `dispatcher` and the telemetry must outlive the service.
  ArticleService(Dispatcher* dispatcher, const Telemetry& telemetry);

  grpc::ServerUnaryReactor* Parse(grpc::CallbackServerContext* context,
                                  const v1::ParseRequest* request,
                                  v1::ParseResponse* response) override;
  grpc::ServerBidiReactor<v1::ParseRequest, v1::ParseResponse>* ParseStream(
      grpc::CallbackServerContext* context) override;
  grpc::ServerUnaryReactor* DetectLanguage(
      grpc::CallbackServerContext* context,
      const v1::DetectLanguageRequest* request,
      v1::DetectLanguageResponse* response) override;

 private:
  class StreamReactor;

  // The caller's deadline, or absl::InfiniteFuture() when it set none.
  static absl::Time CallerDeadline(const grpc::CallbackServerContext& context);
  // Starts the record of a call: peer and traceparent from the context.
  CallRecord StartCall(Method method,
                       const grpc::CallbackServerContext& context) const;

  Dispatcher* dispatcher_;
  Telemetry telemetry_;
};

// Maps an engine status to the gRPC status with the same code and message.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_ARTICLE_SERVICE_H_
