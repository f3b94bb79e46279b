#include "server/service/tls.h"

#include <grpcpp/security/tls_certificate_provider.h>
#include <grpcpp/security/tls_credentials_options.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace lede::service {
namespace {

// A readable file that holds a PEM block, or the error that names `flag`.
absl::Status CheckPemFile(const std::string& path, const char* flag) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read ", path, " (", flag, ")"));
  }
  std::ostringstream text;
  text << file.rdbuf();
  if (!absl::StrContains(text.str(), "-----BEGIN ")) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, " (", flag, ") is not a PEM file"));
  }
  return absl::OkStatus();
}

}  // namespace

bool TlsRequested(const TlsOptions& options) {
  return !options.cert_file.empty() || !options.key_file.empty() ||
         !options.client_ca_file.empty();
}

const char* TransportName(const TlsOptions& options) {
  if (!TlsRequested(options)) return "plaintext";
  return options.client_ca_file.empty() ? "TLS" : "mutual TLS";
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentials(
    const TlsOptions& options) {
  if (!TlsRequested(options)) return grpc::InsecureServerCredentials();
  if (options.cert_file.empty() || options.key_file.empty()) {
    return absl::InvalidArgumentError(
        "TLS needs both --tls_cert and --tls_key (--tls_client_ca alone "
        "cannot serve TLS)");
  }
  for (const auto& [path, flag] :
       {std::pair(options.cert_file, "--tls_cert"),
        std::pair(options.key_file, "--tls_key"),
        std::pair(options.client_ca_file, "--tls_client_ca")}) {
    if (path.empty()) continue;
    if (absl::Status status = CheckPemFile(path, flag); !status.ok()) {
      return status;
    }
  }
  const unsigned int interval = static_cast<unsigned int>(
      std::max<int64_t>(1, absl::ToInt64Seconds(options.reload_interval)));
  auto provider =
      std::make_shared<grpc::experimental::FileWatcherCertificateProvider>(
          options.key_file, options.cert_file, options.client_ca_file,
          interval);
  grpc::experimental::TlsServerCredentialsOptions tls(provider);
  tls.watch_identity_key_cert_pairs();
  if (options.client_ca_file.empty()) {
    tls.set_cert_request_type(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  } else {
    tls.watch_root_certs();
    tls.set_cert_request_type(
        GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  }
  return grpc::experimental::TlsServerCredentials(tls);
}

}  // namespace lede::service
