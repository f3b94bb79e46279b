// The calling thread's CPU time (user and system): what a piece of work
// cost, whatever else ran on the machine meanwhile. The parse budget, the
// stage times a benchmark asks for and the benchmarks themselves read it.
#ifndef LEDE_SERVER_ENGINE_THREAD_CPU_H_
#define LEDE_SERVER_ENGINE_THREAD_CPU_H_

#include <ctime>

#include "absl/time/time.h"

namespace lede::engine {

// CPU time the calling thread has used since it started. A system call
// (about a microsecond), where the wall clock costs a few nanoseconds.
inline absl::Duration ThreadCpuTime() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return absl::DurationFromTimespec(now);
}

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_THREAD_CPU_H_
