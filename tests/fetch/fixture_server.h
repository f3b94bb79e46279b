// Starts tests/fetch/fixture_server.py, the HTTP server lede fetches from in
// tests, on a loopback address and a free port.
#ifndef LEDE_TESTS_FETCH_FIXTURE_SERVER_H_
#define LEDE_TESTS_FETCH_FIXTURE_SERVER_H_

#include <sys/types.h>

#include <string>

#include "absl/strings/string_view.h"

namespace lede::testing {

class FixtureServer {
 public:
  // Starts the server on `host` (loopback only) and waits for its port.
  // port() is 0 when it did not start within 20 s.
  explicit FixtureServer(const std::string& host = "127.0.0.2");
  // Closes the server's standard input, which stops it, and reaps it.
  ~FixtureServer();
  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  int port() const { return port_; }
  // "http://HOST:PORT" + path.
  std::string Url(absl::string_view path) const;

 private:
  std::string host_;
  pid_t pid_ = -1;
  int stdin_ = -1;   // the write end of the server's standard input
  int stdout_ = -1;  // the read end of its standard output
  int port_ = 0;
};

}  // namespace lede::testing

#endif  // LEDE_TESTS_FETCH_FIXTURE_SERVER_H_
