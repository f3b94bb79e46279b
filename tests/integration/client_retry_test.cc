// The C++ client's retry policy against an in-process ArticleService whose
// answers a test scripts: a full queue (RESOURCE_EXHAUSTED) is retried, a
// refusal by the limits (RESOURCE_EXHAUSTED with the grpc-retry-pushback-ms
// of -1 lede-server sends with it) is not, and neither is anything else.
#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "client/cpp/client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede {
namespace {

using ::testing::HasSubstr;

// Given the call number (1, 2, ...), the status to answer with (OK: an
// article).
using Script = std::function<grpc::StatusCode(int call)>;

class ScriptedService final : public v1::ArticleService::Service {
 public:
  ScriptedService(Script script, std::string pushback_ms)
      : script_(std::move(script)), pushback_ms_(std::move(pushback_ms)) {}

  grpc::Status Parse(grpc::ServerContext* context,
                     const v1::ParseRequest* request,
                     v1::ParseResponse* response) override {
    int call;
    {
      absl::MutexLock lock(&mutex_);
      call = ++calls_;
    }
    const grpc::StatusCode code = script_(call);
    if (code != grpc::StatusCode::OK) {
      if (!pushback_ms_.empty()) {
        context->AddTrailingMetadata("grpc-retry-pushback-ms", pushback_ms_);
      }
      return grpc::Status(code, absl::StrCat("scripted on call ", call));
    }
    response->set_id(request->id());
    response->mutable_article()->set_site_name("fake");
    return grpc::Status::OK;
  }

  int calls() {
    absl::MutexLock lock(&mutex_);
    return calls_;
  }

 private:
  const Script script_;
  const std::string pushback_ms_;
  absl::Mutex mutex_;
  int calls_ ABSL_GUARDED_BY(mutex_) = 0;
};

// The service on a free loopback port, for the test's lifetime.
class FakeServer {
 public:
  explicit FakeServer(Script script, std::string pushback_ms = "")
      : service_(std::move(script), std::move(pushback_ms)) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(),
                             &port_);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
  }
  ~FakeServer() { server_->Shutdown(); }

  std::string address() const { return absl::StrCat("127.0.0.1:", port_); }
  int calls() { return service_.calls(); }

 private:
  ScriptedService service_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

Script BusyFirst(int times) {
  return [times](int call) {
    return call <= times ? grpc::StatusCode::RESOURCE_EXHAUSTED
                         : grpc::StatusCode::OK;
  };
}

std::unique_ptr<Client> Connect(const FakeServer& server, int max_attempts) {
  ClientOptions options;
  options.max_attempts = max_attempts;
  return Client::Create(server.address(), options);
}

TEST(ClientRetryTest, AFullQueueIsRetriedUntilAnAnswer) {
  FakeServer server(BusyFirst(2));
  v1::ParseRequest request;
  // Over gRPC's 256 KiB default retry buffer: retried all the same.
  request.set_content(absl::StrCat("<p>", std::string(1 << 20, 'x'), "</p>"));
  absl::StatusOr<v1::ParseResponse> response =
      Connect(server, 4)->Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->article().site_name(), "fake");
  EXPECT_EQ(server.calls(), 3);
}

TEST(ClientRetryTest, AFullQueueIsTriedAtMostMaxAttemptsTimes) {
  FakeServer server(BusyFirst(100));
  v1::ParseRequest request;
  request.set_content("<p>hello</p>");
  absl::StatusOr<v1::ParseResponse> response =
      Connect(server, 3)->Parse(request);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(response.status().message(), HasSubstr("on call 3"));
  EXPECT_EQ(server.calls(), 3);
}

TEST(ClientRetryTest, ARefusalByTheLimitsIsNotRetried) {
  FakeServer server(BusyFirst(100), /*pushback_ms=*/"-1");
  v1::ParseRequest request;
  request.set_content("<p>hello</p>");
  absl::StatusOr<v1::ParseResponse> response =
      Connect(server, 5)->Parse(request);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(server.calls(), 1);
}

TEST(ClientRetryTest, OtherFailuresAreNotRetried) {
  for (grpc::StatusCode code :
       {grpc::StatusCode::INVALID_ARGUMENT, grpc::StatusCode::PERMISSION_DENIED,
        grpc::StatusCode::INTERNAL}) {
    FakeServer server([code](int) { return code; });
    v1::ParseRequest request;
    request.set_content("<p>hello</p>");
    absl::StatusOr<v1::ParseResponse> response =
        Connect(server, 5)->Parse(request);
    EXPECT_EQ(static_cast<int>(response.status().code()),
              static_cast<int>(code));
    EXPECT_EQ(server.calls(), 1) << "code " << code;
  }
}

}  // namespace
}  // namespace lede
