// The engine: document bytes in, Article out. Pure C++, no gRPC.
//
// One pipeline with named stages, each in its own file:
//   decode -> frame -> parse -> metadata -> content -> classify -> language
//   -> render.
// Data flows one way; every stage honours the deadline and the limits.
#ifndef LEDE_SERVER_ENGINE_ENGINE_H_
#define LEDE_SERVER_ENGINE_ENGINE_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"
#include "server/engine/limits.h"
#include "server/engine/page_type.h"
#include "server/engine/stage_times.h"

namespace lede::engine {

class Engine {
 public:
  explicit Engine(Limits limits = Limits());

  // Validates `request` against the limits and parses its content into a
  // ParseResponse (article, charset, framing; `id` echoed). Returns
  // INVALID_ARGUMENT for content that cannot be a document,
  // RESOURCE_EXHAUSTED for content over the limits and DEADLINE_EXCEEDED
  // when `deadline` passes mid-parse. When `times` is not null, it receives
  // the time spent in each stage that ran, whether the call succeeds or not.
  // When `page_features` is not null, it receives what the page-type stage
  // measured of the page (for the tools that train its model). Thread-safe.
  absl::StatusOr<v1::ParseResponse> Parse(
      const v1::ParseRequest& request,
      absl::Time deadline = absl::InfiniteFuture(), StageTimes* times = nullptr,
      PageFeatures* page_features = nullptr) const;

  // Identifies the language of `request.text`. INVALID_ARGUMENT when the
  // text is empty or over the input limit. Thread-safe.
  absl::StatusOr<v1::DetectLanguageResponse> DetectLanguage(
      const v1::DetectLanguageRequest& request) const;

  const Limits& limits() const { return limits_; }

 private:
  Limits limits_;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_ENGINE_H_
