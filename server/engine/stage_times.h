// How long one Engine::Parse call spent in each stage of the pipeline, for
// callers that report it (the service's per-stage histograms, the speed
// bench). Filling it costs a clock read per stage.
#ifndef LEDE_SERVER_ENGINE_STAGE_TIMES_H_
#define LEDE_SERVER_ENGINE_STAGE_TIMES_H_

#include <array>
#include <cstddef>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace lede::engine {

// The pipeline's stages, in the order they run (DESIGN.md).
enum class Stage {
  kDecode,
  kFrame,
  kParse,
  kMetadata,
  kContent,
  kClassify,
  kLanguage,
  kRender,
};
inline constexpr size_t kStageCount = 8;

// The stage's name as metrics and logs spell it: "decode", "frame", ...
constexpr absl::string_view StageName(Stage stage) {
  constexpr absl::string_view kNames[kStageCount] = {
      "decode",  "frame",    "parse",    "metadata",
      "content", "classify", "language", "render"};
  return kNames[static_cast<size_t>(stage)];
}

struct StageTimes {
  // What the stages are timed by: the wall clock, the time a caller waits
  // (the service's histograms); or the calling thread's CPU time, what each
  // stage cost whatever else ran on the machine (the speed bench's, which
  // compares them with gumbo's CPU time on a shared machine).
  enum class Clock { kWall, kThreadCpu };
  Clock clock = Clock::kWall;

  // Time spent in each stage, indexed by Stage; zero for a stage that did
  // not run (the call failed before it).
  std::array<absl::Duration, kStageCount> elapsed{};

  absl::Duration& operator[](Stage stage) {
    return elapsed[static_cast<size_t>(stage)];
  }
  absl::Duration operator[](Stage stage) const {
    return elapsed[static_cast<size_t>(stage)];
  }
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_STAGE_TIMES_H_
