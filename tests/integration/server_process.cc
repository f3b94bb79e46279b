#include "tests/integration/server_process.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/cpp/client.h"

namespace lede::testing {

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

ServerProcess::ServerProcess(const std::string& binary,
                             const std::vector<std::string>& extra_flags,
                             const std::vector<std::string>& environment) {
  const int port = FreePort();
  // FreePort closes the port it found, so the kernel may hand the same one
  // out again: two doors on one port and the server never answers health.
  int http_port = FreePort();
  while (http_port == port) http_port = FreePort();
  address_ = absl::StrCat("127.0.0.1:", port);
  http_address_ = absl::StrCat("127.0.0.1:", http_port);
  std::vector<std::string> args = {binary, "--address", address_,
                                   "--http_address", http_address_};
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());
  const pid_t test = getpid();
  pid_ = fork();
  if (pid_ == 0) {
    // The server dies with the test, even when the test ends without its
    // destructors (a sanitizer's halt_on_error, a crash): otherwise it lives
    // on holding the test's output pipe, and ctest waits for that pipe.
    // (The signal follows the forking thread: tests start servers from
    // their main thread.)
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != test) _exit(127);
    for (const std::string& variable : environment) {
      putenv(const_cast<char*>(variable.c_str()));
    }
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

absl::Status ServerProcess::WaitUntilServing(absl::Duration timeout) {
  ClientOptions options;
  options.timeout = absl::Seconds(1);
  options.max_attempts = 1;
  return WaitUntilServing(timeout, options);
}

absl::Status ServerProcess::WaitUntilServing(absl::Duration timeout,
                                             const ClientOptions& options) {
  absl::Time give_up = absl::Now() + timeout;
  while (absl::Now() < give_up) {
    // A fresh channel each time: a failed one waits out gRPC's reconnect
    // backoff, which would make every test start a second late.
    absl::StatusOr<bool> serving =
        Client::Create(address_, options)->IsServing();
    if (serving.ok() && *serving) return absl::OkStatus();
    absl::SleepFor(absl::Milliseconds(50));
  }
  return absl::DeadlineExceededError(
      absl::StrCat("lede-server on ", address_, " never said SERVING"));
}

void ServerProcess::Signal(int signal) {
  if (pid_ > 0) kill(pid_, signal);
}

int ServerProcess::WaitForExit(absl::Duration timeout) {
  absl::Time give_up = absl::Now() + timeout;
  while (pid_ > 0 && absl::Now() < give_up) {
    int status = 0;
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return -1;
}

std::string LargePage() {
  std::string html = "<html><body><article>";
  for (int i = 0; i < 20000; ++i) {
    absl::StrAppend(&html, "<p>Paragraph ", i,
                    " of the article, with enough words to score, and a "
                    "<a href=\"/x\">link</a> or two.</p>");
  }
  return html + "</article></body></html>";
}

CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) {
    result.output.append(buffer, n);
  }
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

long MemoryKib(pid_t pid, const std::string& field) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  const std::string prefix = field + ":";
  while (std::getline(status, line)) {
    if (line.rfind(prefix, 0) == 0) {
      return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
    }
  }
  return -1;
}

}  // namespace lede::testing
