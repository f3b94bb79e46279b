#include "tests/fetch/fixture_server.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace lede::testing {

FixtureServer::FixtureServer(const std::string& host) : host_(host) {
  int to_child[2];
  int from_child[2];
  // Close-on-exec, so other children (lede-server) do not hold the pipes
  // open: the server must see its stdin close when this object goes.
  if (pipe2(to_child, O_CLOEXEC) != 0) return;
  if (pipe2(from_child, O_CLOEXEC) != 0) {
    close(to_child[0]);
    close(to_child[1]);
    return;
  }
  pid_ = fork();
  if (pid_ == 0) {
    dup2(to_child[0], STDIN_FILENO);
    dup2(from_child[1], STDOUT_FILENO);
    // Debian's python3, which has python3-brotli.
    execl("/usr/bin/python3", "python3", LEDE_FIXTURE_SERVER, "--host",
          host.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  stdin_ = to_child[1];
  stdout_ = from_child[0];
  if (pid_ < 0) return;

  std::string line;
  const absl::Time give_up = absl::Now() + absl::Seconds(20);
  while (line.find('\n') == std::string::npos && absl::Now() < give_up) {
    pollfd readable{stdout_, POLLIN, 0};
    int wait_ms =
        static_cast<int>(absl::ToInt64Milliseconds(give_up - absl::Now()));
    if (poll(&readable, 1, std::max(wait_ms, 0)) <= 0) break;
    char buffer[64];
    ssize_t n = read(stdout_, buffer, sizeof(buffer));
    if (n <= 0) break;
    line.append(buffer, n);
  }
  int port = 0;
  if (absl::SimpleAtoi(line.substr(0, line.find('\n')), &port)) port_ = port;
}

FixtureServer::~FixtureServer() {
  if (stdin_ >= 0) close(stdin_);
  if (pid_ > 0) {
    const absl::Time give_up = absl::Now() + absl::Seconds(10);
    while (waitpid(pid_, nullptr, WNOHANG) == 0) {
      if (absl::Now() > give_up) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        break;
      }
      absl::SleepFor(absl::Milliseconds(10));
    }
  }
  if (stdout_ >= 0) close(stdout_);
}

std::string FixtureServer::Url(absl::string_view path) const {
  return absl::StrCat("http://", host_, ":", port_, path);
}

}  // namespace lede::testing
