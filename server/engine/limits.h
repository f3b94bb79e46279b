// Limits the engine enforces on every document. The server exposes each as a
// flag; the CLI uses the same defaults.
#ifndef LEDE_SERVER_ENGINE_LIMITS_H_
#define LEDE_SERVER_ENGINE_LIMITS_H_

#include <cstddef>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace lede::engine {

struct Limits {
  // Largest document accepted, in bytes.
  size_t max_input_bytes = 16 << 20;
  // Deepest element nesting accepted in the parsed tree.
  int max_depth = 1024;
  // Most DOM nodes accepted in the parsed tree.
  size_t max_nodes = 2'000'000;
  // CPU time the HTML parser may spend per MiB of document (and 100 ms
  // more): the bench pages take it 41 ms per MiB at the median and 86 at
  // most, pathological markup far more (bounded_parse.h).
  int max_parse_ms_per_mb = 250;
};

// Each limit a document can be refused by, so that the service can count
// refusals per limit without reading error messages.
enum class Limit {
  kMaxInputBytes,
  kMaxDepth,
  kMaxNodes,
  kMaxParseMsPerMb,
};
inline constexpr size_t kLimitCount = 4;

// The limit's flag name without dashes: "max_input_bytes", "max_depth", ...
absl::string_view LimitName(Limit limit);

// RESOURCE_EXHAUSTED with `message`, tagged with the limit it reports.
absl::Status LimitExceededError(Limit limit, absl::string_view message);

// OK when a document of `bytes` bytes is within --max_input_bytes, else the
// error that says so.
absl::Status CheckInputBytes(size_t bytes, const Limits& limits);

// The limit a status from LimitExceededError names; nullopt for any other
// status.
std::optional<Limit> ExceededLimit(const absl::Status& status);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_LIMITS_H_
