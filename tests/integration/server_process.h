// Starts the real lede-server as a child process on a free loopback port.
#ifndef LEDE_TESTS_INTEGRATION_SERVER_PROCESS_H_
#define LEDE_TESTS_INTEGRATION_SERVER_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "client/cpp/client.h"

namespace lede::testing {

// A TCP port on 127.0.0.1 that nothing listened on a moment ago.
int FreePort();

class ServerProcess {
 public:
  // Starts `binary --address 127.0.0.1:<free port> --http_address
  // 127.0.0.1:<another free port> extra_flags...` (never the HTTP door's
  // fixed default, 8080: test suites run at the same time).
  // `environment` ("NAME=value") is added to the test's own.
  ServerProcess(const std::string& binary,
                const std::vector<std::string>& extra_flags,
                const std::vector<std::string>& environment = {});
  // Kills the server if it is still running.
  ~ServerProcess();

  // Waits until health says SERVING, asked each time over a new connection
  // made with `options` (plaintext by default). DEADLINE_EXCEEDED after
  // `timeout`.
  absl::Status WaitUntilServing(absl::Duration timeout);
  absl::Status WaitUntilServing(absl::Duration timeout,
                                const ClientOptions& options);
  // Sends `signal` to the server.
  void Signal(int signal);
  // Waits for the server to exit; its exit code, or -1 when it was killed
  // by a signal or did not exit within `timeout`.
  int WaitForExit(absl::Duration timeout);

  const std::string& address() const { return address_; }
  const std::string& http_address() const { return http_address_; }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::string address_;
  std::string http_address_;
};

// A 2 MB page of 20 000 paragraphs that takes the engine a noticeable time
// (about 0.4 s on one core).
std::string LargePage();

// Runs a command line through the shell; its standard output and exit code.
struct CommandResult {
  std::string output;
  int exit_code = -1;
};
CommandResult RunCommand(const std::string& command);

// A memory figure of process `pid` from /proc/PID/status, in KiB: "VmRSS"
// (resident now) or "VmHWM" (the most it has been resident); -1 when
// unreadable.
long MemoryKib(pid_t pid, const std::string& field);

}  // namespace lede::testing

#endif  // LEDE_TESTS_INTEGRATION_SERVER_PROCESS_H_
