// The gRPC door's transport security: plaintext by default; TLS with
// --tls_cert/--tls_key; mutual TLS (a client certificate signed by
// --tls_client_ca required) with --tls_client_ca. The files are read again
// every --tls_reload_interval, so certificates that cert-manager (or anyone)
// rotates in place are served without a restart.
#ifndef LEDE_SERVER_SERVICE_TLS_H_
#define LEDE_SERVER_SERVICE_TLS_H_

#include <grpcpp/security/server_credentials.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace lede::service {

struct TlsOptions {
  // PEM files: the server's certificate chain and its private key.
  std::string cert_file;
  std::string key_file;
  // PEM file of the CAs whose client certificates are accepted; set, a
  // client without such a certificate is refused at the handshake.
  std::string client_ca_file;
  // How often the files are read again.
  absl::Duration reload_interval = absl::Seconds(60);
};

// True when `options` asks for TLS (a certificate, a key or a client CA).
bool TlsRequested(const TlsOptions& options);

// Server credentials for `options`: insecure when it names no file, else
// TLS from a file watcher (gRPC's FileWatcherCertificateProvider).
// INVALID_ARGUMENT, naming the flag, when only one of cert and key is set, a
// client CA comes without them, or a file cannot be read as PEM.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentials(
    const TlsOptions& options);

// A word for the log: "plaintext", "TLS" or "mutual TLS".
const char* TransportName(const TlsOptions& options);

}  // namespace lede::service

#endif  // LEDE_SERVER_SERVICE_TLS_H_
