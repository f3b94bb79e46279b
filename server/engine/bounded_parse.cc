#include "server/engine/bounded_parse.h"

#include <csetjmp>
#include <cstdint>
#include <ctime>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "server/engine/limits.h"

namespace lede::engine {
namespace {

int64_t ThreadCpuNanos() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
}

enum class Stop { kNone, kDeadline, kBudget };

struct Bounds {
  std::jmp_buf escape;
  absl::Time deadline;
  int64_t cpu_start_ns;
  int64_t cpu_budget_ns;
  Stop stop = Stop::kNone;
};

// The arena's watch: leaves gumbo for ParseOrStop's setjmp. Gumbo is C and
// allocates only from the arena, so nothing is skipped that needed
// unwinding, and the abandoned tree goes with the arena.
void CheckBounds(void* context) {
  auto* bounds = static_cast<Bounds*>(context);
  if (absl::Now() > bounds->deadline) {
    bounds->stop = Stop::kDeadline;
  } else if (ThreadCpuNanos() - bounds->cpu_start_ns > bounds->cpu_budget_ns) {
    bounds->stop = Stop::kBudget;
  } else {
    return;
  }
  std::longjmp(bounds->escape, 1);
}

// No object with a destructor lives in this frame: longjmp returns here.
GumboOutput* ParseOrStop(GumboOptions* options, absl::string_view html,
                         Bounds* bounds) {
  if (setjmp(bounds->escape) != 0) return nullptr;
  return gumbo_parse_with_options(options, html.data(), html.size());
}

}  // namespace

absl::Duration ParseBudget(size_t bytes, int ms_per_mb) {
  return absl::Milliseconds(100) + absl::Milliseconds(ms_per_mb) *
                                       (static_cast<double>(bytes) / (1 << 20));
}

absl::StatusOr<GumboOutput*> ParseWithinBudget(GumboArena& arena,
                                               absl::string_view html,
                                               absl::Time deadline,
                                               int ms_per_mb) {
  const absl::Duration budget = ParseBudget(html.size(), ms_per_mb);
  Bounds bounds;
  bounds.deadline = deadline;
  bounds.cpu_start_ns = ThreadCpuNanos();
  bounds.cpu_budget_ns = absl::ToInt64Nanoseconds(budget);
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
              absl::ToInt64Milliseconds(budget), html.size() / 1024,
              ms_per_mb));
    case Stop::kNone:
      break;
  }
  return output;
}

}  // namespace lede::engine
