// lede::Client: a thin C++ client for lede.v1.ArticleService.
#ifndef LEDE_CLIENT_CPP_CLIENT_H_
#define LEDE_CLIENT_CPP_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lede/v1/lede.grpc.pb.h"

namespace lede {

// TLS to the server, as PEM text (ReadClientTls reads it from files).
struct ClientTls {
  bool enabled = false;
  // CAs the server's certificate must chain to; empty: the system's roots.
  std::string root_certs;
  // The client's own certificate chain and key, for a server that requires
  // one (mutual TLS); both or neither.
  std::string cert_chain;
  std::string private_key;
  // The name the server's certificate must carry when it is not the
  // target's host (e.g. dialing 127.0.0.1 for a certificate of "lede").
  std::string server_name;
};

// ClientTls from PEM files ("" for one not given), enabled. NOT_FOUND
// naming the file that cannot be read; INVALID_ARGUMENT when only one of
// the certificate and the key is given.
absl::StatusOr<ClientTls> ReadClientTls(const std::string& ca_file,
                                        const std::string& cert_file,
                                        const std::string& key_file,
                                        const std::string& server_name);

struct ClientOptions {
  // Plaintext unless tls.enabled.
  ClientTls tls;
  // Deadline of each call.
  absl::Duration timeout = absl::Seconds(30);
  // Attempts per call on UNAVAILABLE, and on RESOURCE_EXHAUSTED from a
  // server whose queue is full (gRPC retry policy), 1 = no retries. A
  // document over the server's limits is not retried: those refusals carry a
  // grpc-retry-pushback-ms of -1.
  int max_attempts = 4;
};

class Client {
 public:
  // Connects lazily to `target` (e.g. "localhost:50051", "dns:///lede:50051",
  // "ipv4:10.0.0.1:50051,10.0.0.2:50051"), balancing calls round-robin over
  // every address the target resolves to.
  static std::unique_ptr<Client> Create(const std::string& target,
                                        const ClientOptions& options = {});

  // Parses one document. The status carries the server's code and message.
  absl::StatusOr<v1::ParseResponse> Parse(const v1::ParseRequest& request);

  // Parses many documents over one ParseStream call; answers come back in
  // the order they finish, each with its request's id.
  absl::StatusOr<std::vector<v1::ParseResponse>> ParseMany(
      const std::vector<v1::ParseRequest>& requests);

  absl::StatusOr<v1::DetectLanguageResponse> DetectLanguage(
      const v1::DetectLanguageRequest& request);

  // True when the server's health service says SERVING.
  absl::StatusOr<bool> IsServing();

 private:
  Client(std::shared_ptr<grpc::Channel> channel, const ClientOptions& options);
  void SetDeadline(grpc::ClientContext* context) const;

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::ArticleService::Stub> stub_;
  ClientOptions options_;
};

// The service config every client uses: round-robin, retries on
// UNAVAILABLE and RESOURCE_EXHAUSTED, bounded.
std::string ServiceConfigJson(int max_attempts);

}  // namespace lede

#endif  // LEDE_CLIENT_CPP_CLIENT_H_
