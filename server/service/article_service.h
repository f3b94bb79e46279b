// lede.v1.ArticleService on gRPC's callback API: validates nothing itself
// (the engine does), runs the engine on the shared work queue (a call it
// refuses gets RESOURCE_EXHAUSTED at once), maps its status.
#ifndef LEDE_SERVER_SERVICE_ARTICLE_SERVICE_H_
#define LEDE_SERVER_SERVICE_ARTICLE_SERVICE_H_

#include "absl/time/time.h"
#include "lede/v1/lede.grpc.pb.h"
#include "server/engine/engine.h"
#include "server/service/queue.h"

namespace lede::service {

struct ServiceOptions {
  engine::Limits limits;
  // Used when the caller set no deadline.
  absl::Duration default_deadline = absl::Seconds(30);
  // Documents of one ParseStream parsed at the same time.
  int stream_parallelism = 4;
  // One line on stderr per finished call (see access_log.h).
  bool access_log = false;
};

class ArticleService final : public v1::ArticleService::CallbackService {
 public:
  // `queue` must outlive the service.
  ArticleService(const ServiceOptions& options, WorkQueue* queue);

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
  // The engine's deadline for one document: the caller's, else the default
  // from now.
  absl::Time EngineDeadline(absl::Time caller_deadline) const;
  // Runs the engine on one document, unless its deadline passed while it
  // waited in the queue.
  absl::StatusOr<v1::ParseResponse> ParseDocument(
      const v1::ParseRequest& request, absl::Time caller_deadline) const;

  ServiceOptions options_;
  engine::Engine engine_;
  WorkQueue* queue_;
};

// Maps an engine status to the gRPC status with the same code and message.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_ARTICLE_SERVICE_H_
