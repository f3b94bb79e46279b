#include "client/cpp/client.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>
#include <utility>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"

namespace lede {
namespace {

absl::Status ToAbsl(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

}  // namespace

std::string ServiceConfigJson(int max_attempts) {
  return absl::StrFormat(R"json({
  "loadBalancingConfig": [{"round_robin": {}}],
  "methodConfig": [{
    "name": [{"service": "lede.v1.ArticleService"},
             {"service": "grpc.health.v1.Health"}],
    "retryPolicy": {
      "maxAttempts": %d,
      "initialBackoff": "0.1s",
      "maxBackoff": "2s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE", "RESOURCE_EXHAUSTED"]
    }
  }]
})json",
                         std::clamp(max_attempts, 2, 5));
}

absl::StatusOr<ClientTls> ReadClientTls(const std::string& ca_file,
                                        const std::string& cert_file,
                                        const std::string& key_file,
                                        const std::string& server_name) {
  if (cert_file.empty() != key_file.empty()) {
    return absl::InvalidArgumentError(
        "a client certificate needs both its certificate and its key");
  }
  ClientTls tls;
  tls.enabled = true;
  tls.server_name = server_name;
  for (auto [path, into] : {std::pair(&ca_file, &tls.root_certs),
                            std::pair(&cert_file, &tls.cert_chain),
                            std::pair(&key_file, &tls.private_key)}) {
    if (path->empty()) continue;
    std::ifstream file(*path, std::ios::binary);
    if (!file) return absl::NotFoundError("cannot read " + *path);
    std::ostringstream text;
    text << file.rdbuf();
    *into = text.str();
  }
  return tls;
}

std::unique_ptr<Client> Client::Create(const std::string& target,
                                       const ClientOptions& options) {
  grpc::ChannelArguments arguments;
  if (options.max_attempts > 1) {
    arguments.SetServiceConfigJSON(ServiceConfigJson(options.max_attempts));
  } else {
    arguments.SetLoadBalancingPolicyName("round_robin");
  }
  // The server judges sizes; the client must not refuse large answers.
  arguments.SetMaxReceiveMessageSize(-1);
  arguments.SetMaxSendMessageSize(-1);
  // gRPC retries a call only while its request fits in the call's retry
  // buffer (256 KiB by default, less than many pages). This holds a document
  // up to the server's default --max_input_bytes (16 MiB) with room for the
  // rest of the request; a larger one is sent once, as the default server
  // refuses it.
  arguments.SetInt(GRPC_ARG_PER_RPC_RETRY_BUFFER_SIZE, (16 + 1) << 20);
  std::shared_ptr<grpc::ChannelCredentials> credentials =
      grpc::InsecureChannelCredentials();
  if (options.tls.enabled) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = options.tls.root_certs;
    ssl.pem_cert_chain = options.tls.cert_chain;
    ssl.pem_private_key = options.tls.private_key;
    credentials = grpc::SslCredentials(ssl);
    if (!options.tls.server_name.empty()) {
      arguments.SetSslTargetNameOverride(options.tls.server_name);
    }
  }
  auto channel = grpc::CreateCustomChannel(target, credentials, arguments);
  return std::unique_ptr<Client>(new Client(std::move(channel), options));
}

Client::Client(std::shared_ptr<grpc::Channel> channel,
               const ClientOptions& options)
    : channel_(std::move(channel)),
      stub_(v1::ArticleService::NewStub(channel_)),
      options_(options) {}

void Client::SetDeadline(grpc::ClientContext* context) const {
  context->set_deadline(absl::ToChronoTime(absl::Now() + options_.timeout));
}

absl::StatusOr<v1::ParseResponse> Client::Parse(
    const v1::ParseRequest& request) {
  grpc::ClientContext context;
  SetDeadline(&context);
  v1::ParseResponse response;
  grpc::Status status = stub_->Parse(&context, request, &response);
  if (!status.ok()) return ToAbsl(status);
  return response;
}

absl::StatusOr<std::vector<v1::ParseResponse>> Client::ParseMany(
    const std::vector<v1::ParseRequest>& requests) {
  grpc::ClientContext context;
  SetDeadline(&context);
  auto stream = stub_->ParseStream(&context);
  // Reading on the side keeps the server's writes flowing while we send.
  std::vector<v1::ParseResponse> responses;
  std::thread reader([&] {
    v1::ParseResponse response;
    while (stream->Read(&response)) responses.push_back(std::move(response));
  });
  for (const v1::ParseRequest& request : requests) {
    if (!stream->Write(request)) break;
  }
  stream->WritesDone();
  reader.join();
  grpc::Status status = stream->Finish();
  if (!status.ok()) return ToAbsl(status);
  return responses;
}

absl::StatusOr<v1::DetectLanguageResponse> Client::DetectLanguage(
    const v1::DetectLanguageRequest& request) {
  grpc::ClientContext context;
  SetDeadline(&context);
  v1::DetectLanguageResponse response;
  grpc::Status status = stub_->DetectLanguage(&context, request, &response);
  if (!status.ok()) return ToAbsl(status);
  return response;
}

absl::StatusOr<bool> Client::IsServing() {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  grpc::ClientContext context;
  SetDeadline(&context);
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = health->Check(&context, request, &response);
  if (!status.ok()) return ToAbsl(status);
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING;
}

}  // namespace lede
