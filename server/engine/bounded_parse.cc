#include "server/engine/bounded_parse.h"

#include <algorithm>
#include <csetjmp>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "server/engine/limits.h"
#include "server/engine/thread_cpu.h"

namespace lede::engine {
namespace {

enum class Stop { kNone, kDeadline, kBudget, kMemory, kFailedCheck };

// A check of gumbo's own (an assert) that the markup failed.
struct FailedCheck {
  const char* assertion = "";
  const char* file = "";
  unsigned int line = 0;
};

struct Bounds {
  std::jmp_buf escape;
  absl::Time deadline;
  absl::Time start;
  absl::Duration budget;
  absl::Duration cpu_start;
  const GumboArena* arena;
  size_t taken_limit;  // the arena's taken() past which the parse stops
  Stop stop = Stop::kNone;
  FailedCheck failed;
};

// The parse running on this thread, for LeaveGumboOnFailedCheck.
thread_local Bounds* current_parse = nullptr;

// The arena's watch: leaves gumbo for ParseOrStop's setjmp. Gumbo is C and
// allocates only from the arena, so nothing is skipped that needed
// unwinding, and the abandoned tree goes with the arena. The thread's CPU
// clock is read only once the wall clock shows the budget spent (a thread
// cannot use more CPU time than has passed): it is a system call, about a
// microsecond, the wall clock a few nanoseconds.
void CheckBounds(void* context) {
  auto* bounds = static_cast<Bounds*>(context);
  const absl::Time now = absl::Now();
  if (bounds->arena->taken() > bounds->taken_limit) {
    bounds->stop = Stop::kMemory;
  } else if (now > bounds->deadline) {
    bounds->stop = Stop::kDeadline;
  } else if (now - bounds->start > bounds->budget &&
             ThreadCpuTime() - bounds->cpu_start > bounds->budget) {
    bounds->stop = Stop::kBudget;
  } else {
    return;
  }
  std::longjmp(bounds->escape, 1);
}

// No object with a destructor lives in this frame: longjmp returns here.
GumboOutput* ParseOrStop(GumboOptions* options, absl::string_view html,
                         Bounds* bounds) {
  if (setjmp(bounds->escape) != 0) {
    current_parse = nullptr;
    return nullptr;
  }
  current_parse = bounds;
  GumboOutput* output =
      gumbo_parse_with_options(options, html.data(), html.size());
  current_parse = nullptr;
  return output;
}

}  // namespace

bool LeaveGumboOnFailedCheck(const char* assertion, const char* file,
                             unsigned int line) {
  Bounds* bounds = current_parse;
  if (bounds == nullptr) return false;
  bounds->stop = Stop::kFailedCheck;
  bounds->failed = {assertion, file, line};
  std::longjmp(bounds->escape, 1);
}

absl::Duration ParseBudget(size_t bytes, int ms_per_mb) {
  return absl::Milliseconds(100) + absl::Milliseconds(ms_per_mb) *
                                       (static_cast<double>(bytes) / (1 << 20));
}

size_t ParseMemoryBudget(size_t bytes, int mb_per_mb) {
  return (kFreeParseMiB << 20) +
         static_cast<size_t>(std::max(mb_per_mb, 0)) * bytes;
}

absl::StatusOr<GumboOutput*> ParseWithinBudget(GumboArena& arena,
                                               absl::string_view html,
                                               absl::Time deadline,
                                               const Limits& limits) {
  return ParseWithinBudget(arena, html, html.size(), deadline, limits);
}

absl::StatusOr<GumboOutput*> ParseWithinBudget(GumboArena& arena,
                                               absl::string_view html,
                                               size_t budget_bytes,
                                               absl::Time deadline,
                                               const Limits& limits) {
  const int ms_per_mb = limits.max_parse_ms_per_mb;
  const absl::Duration budget = ParseBudget(budget_bytes, ms_per_mb);
  const size_t memory_budget =
      ParseMemoryBudget(budget_bytes, limits.max_parse_mb_per_mb);
  Bounds bounds;
  bounds.deadline = deadline;
  bounds.start = absl::Now();
  bounds.budget = budget;
  bounds.cpu_start = ThreadCpuTime();
  bounds.arena = &arena;
  // What the arena held before this parse does not count against it.
  bounds.taken_limit = arena.taken() + memory_budget;
  GumboOptions options = arena.Options();
  arena.SetWatch(&CheckBounds, &bounds);
  GumboOutput* output = ParseOrStop(&options, html, &bounds);
  arena.SetWatch(nullptr, nullptr);
  switch (bounds.stop) {
    case Stop::kDeadline:
      return absl::DeadlineExceededError(
          "deadline passed while parsing the HTML");
    case Stop::kBudget:
      return LimitExceededError(
          Limit::kMaxParseMsPerMb,
          absl::StrFormat(
              "the HTML parser used its %d ms of CPU for a document of %d KiB "
              "(--max_parse_ms_per_mb=%d): its markup costs far more than its "
              "size (misnested formatting elements, thousands of attributes on "
              "one element); fix the markup or raise the flag",
              absl::ToInt64Milliseconds(budget), budget_bytes / 1024,
              ms_per_mb));
    case Stop::kMemory:
      return LimitExceededError(
          Limit::kMaxParseMbPerMb,
          absl::StrFormat(
              "the HTML parser's tree took more than its %d MiB for a "
              "document of %d KiB (--max_parse_mb_per_mb=%d): its markup "
              "costs far more than its size (formatting elements with many "
              "attributes, reopened over and over); fix the markup or raise "
              "the flag",
              memory_budget >> 20, budget_bytes / 1024,
              limits.max_parse_mb_per_mb));
    case Stop::kFailedCheck:
      return absl::InvalidArgumentError(absl::StrFormat(
          "the HTML parser (gumbo) cannot parse this markup: it failed its "
          "own check `%s` (%s:%d); the document was not parsed",
          bounds.failed.assertion, bounds.failed.file, bounds.failed.line));
    case Stop::kNone:
      break;
  }
  return output;
}

}  // namespace lede::engine

// The linker sends gumbo's calls of assert's __assert_fail here
// (--wrap=__assert_fail, server/CMakeLists.txt): names the wrap requires.
extern "C" [[noreturn]] void __real___assert_fail(const char* assertion,
                                                  const char* file,
                                                  unsigned int line,
                                                  const char* function);

extern "C" [[noreturn]] void __wrap___assert_fail(const char* assertion,
                                                  const char* file,
                                                  unsigned int line,
                                                  const char* function) {
  lede::engine::LeaveGumboOnFailedCheck(assertion, file, line);
  __real___assert_fail(assertion, file, line, function);
}
