// TLS and mutual TLS on the real lede-server, with certificates made by
// openssl for the test: health over TLS, a client without a certificate
// refused under --tls_client_ca, and a certificate rotated in place served
// without a restart.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/cpp/client.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"

namespace lede {
namespace {

using ::lede::testing::RunCommand;
using ::lede::testing::ServerProcess;

// A CA and the certificates it signs, made with openssl in a fresh folder.
class Certificates {
 public:
  Certificates() {
    char pattern[] = "/tmp/lede-tls-XXXXXX";
    dir_ = mkdtemp(pattern);
  }
  ~Certificates() { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const {
    return absl::StrCat(dir_, "/", name);
  }

  // A self-signed CA: NAME.key, NAME.crt.
  void MakeCa(const std::string& name) {
    Run(absl::StrCat(
        "openssl req -x509 -newkey ec -pkeyopt "
        "ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=",
        name, " -keyout ", Path(name + ".key"), " -out ", Path(name + ".crt")));
  }

  // A certificate for 127.0.0.1 and localhost signed by `ca`.
  void MakeSigned(const std::string& name, const std::string& ca) {
    std::ofstream(Path(name + ".ext"))
        << "subjectAltName=IP:127.0.0.1,DNS:localhost\n";
    Run(absl::StrCat(
        "openssl req -newkey ec -pkeyopt "
        "ec_paramgen_curve:prime256v1 -nodes -subj /CN=",
        name, " -keyout ", Path(name + ".key"), " -out ", Path(name + ".csr")));
    Run(absl::StrCat("openssl x509 -req -days 2 -in ", Path(name + ".csr"),
                     " -CA ", Path(ca + ".crt"), " -CAkey ", Path(ca + ".key"),
                     " -CAcreateserial -extfile ", Path(name + ".ext"),
                     " -out ", Path(name + ".crt")));
  }

  // Copies NAME.crt/.key over the served files, as cert-manager rotates a
  // Secret's volume: the new files appear whole (a rename).
  void Serve(const std::string& name) {
    for (const char* ext : {".key", ".crt"}) {
      std::filesystem::copy_file(
          Path(name + ext), Path(std::string("next") + ext),
          std::filesystem::copy_options::overwrite_existing);
      std::filesystem::rename(Path(std::string("next") + ext),
                              Path(std::string("served") + ext));
    }
  }

 private:
  static void Run(const std::string& command) {
    testing::CommandResult result = RunCommand(command + " 2>&1");
    ASSERT_EQ(result.exit_code, 0) << command << "\n" << result.output;
  }
  std::string dir_;
};

ClientOptions TlsClient(const Certificates& certs, const std::string& ca,
                        const std::string& client = "") {
  absl::StatusOr<ClientTls> tls =
      ReadClientTls(certs.Path(ca + ".crt"),
                    client.empty() ? "" : certs.Path(client + ".crt"),
                    client.empty() ? "" : certs.Path(client + ".key"), "");
  EXPECT_TRUE(tls.ok()) << tls.status();
  ClientOptions options;
  options.tls = *tls;
  options.timeout = absl::Seconds(5);
  options.max_attempts = 1;
  return options;
}

TEST(ServerTlsTest, AnswersHealthOverTls) {
  Certificates certs;
  certs.MakeCa("ca");
  certs.MakeSigned("server", "ca");
  ServerProcess server(LEDE_SERVER_BIN,
                       {"--tls_cert=" + certs.Path("server.crt"),
                        "--tls_key=" + certs.Path("server.key")});
  ClientOptions options = TlsClient(certs, "ca");
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20), options).ok());
  absl::StatusOr<bool> serving =
      Client::Create(server.address(), options)->IsServing();
  ASSERT_TRUE(serving.ok()) << serving.status();
  EXPECT_TRUE(*serving);
  // Plaintext to a TLS port fails.
  ClientOptions plaintext;
  plaintext.timeout = absl::Seconds(2);
  plaintext.max_attempts = 1;
  EXPECT_FALSE(Client::Create(server.address(), plaintext)->IsServing().ok());
  // And the CLI speaks TLS with --tls_ca.
  testing::CommandResult health = RunCommand(
      absl::StrCat(LEDE_CLI_BIN, " health --server ", server.address(),
                   " --tls_ca ", certs.Path("ca.crt")));
  EXPECT_EQ(health.exit_code, 0);
  EXPECT_EQ(health.output, "SERVING\n");
}

TEST(ServerTlsTest, MutualTlsRefusesAClientWithoutACertificate) {
  Certificates certs;
  certs.MakeCa("ca");
  certs.MakeSigned("server", "ca");
  certs.MakeSigned("client", "ca");
  certs.MakeCa("stranger-ca");
  certs.MakeSigned("stranger", "stranger-ca");
  ServerProcess server(LEDE_SERVER_BIN,
                       {"--tls_cert=" + certs.Path("server.crt"),
                        "--tls_key=" + certs.Path("server.key"),
                        "--tls_client_ca=" + certs.Path("ca.crt")});
  ClientOptions with_certificate = TlsClient(certs, "ca", "client");
  ASSERT_TRUE(
      server.WaitUntilServing(absl::Seconds(20), with_certificate).ok());
  v1::ParseRequest request;
  request.set_content("<html><body><p>Some words of a page.</p></body></html>");
  EXPECT_TRUE(
      Client::Create(server.address(), with_certificate)->Parse(request).ok());

  absl::StatusOr<bool> anonymous =
      Client::Create(server.address(), TlsClient(certs, "ca"))->IsServing();
  EXPECT_EQ(anonymous.status().code(), absl::StatusCode::kUnavailable);
  absl::StatusOr<bool> stranger =
      Client::Create(server.address(), TlsClient(certs, "ca", "stranger"))
          ->IsServing();
  EXPECT_EQ(stranger.status().code(), absl::StatusCode::kUnavailable);
  testing::CommandResult cli = RunCommand(
      absl::StrCat(LEDE_CLI_BIN, " health --server ", server.address(),
                   " --tls_ca ", certs.Path("ca.crt"), " 2>&1"));
  EXPECT_EQ(cli.exit_code, 1) << cli.output;
}

TEST(ServerTlsTest, ARotatedCertificateIsServedWithoutARestart) {
  Certificates certs;
  certs.MakeCa("old-ca");
  certs.MakeSigned("old", "old-ca");
  certs.MakeCa("new-ca");
  certs.MakeSigned("new", "new-ca");
  certs.Serve("old");
  ServerProcess server(
      LEDE_SERVER_BIN,
      {"--tls_cert=" + certs.Path("served.crt"),
       "--tls_key=" + certs.Path("served.key"), "--tls_reload_interval=1s"});
  ASSERT_TRUE(
      server.WaitUntilServing(absl::Seconds(20), TlsClient(certs, "old-ca"))
          .ok());
  EXPECT_FALSE(Client::Create(server.address(), TlsClient(certs, "new-ca"))
                   ->IsServing()
                   .ok());
  certs.Serve("new");
  // The new certificate within a few reload intervals: each try a new
  // connection (a fresh client), until a deadline.
  EXPECT_TRUE(
      server.WaitUntilServing(absl::Seconds(20), TlsClient(certs, "new-ca"))
          .ok());
}

TEST(ServerTlsTest, AKeyWithoutACertificateIsRefusedAtStart) {
  ServerProcess server(LEDE_SERVER_BIN, {"--tls_key=/nonexistent.key"});
  EXPECT_EQ(server.WaitForExit(absl::Seconds(20)), 1);
}

}  // namespace
}  // namespace lede
