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
  // Most DOM nodes per MiB of the document as sent (and kFreeNodes more for
  // any document): the stages after the parse take time by the node, and
  // the bench pages hold 18 000 per MiB at the median and 81 000 at most,
  // markup made to be dense (a link around each word, a table of 140 000
  // one-word cells) 250 000 and more.
  size_t max_nodes_per_mb = 150'000;
  // CPU time the HTML parser may spend per MiB of document (and 100 ms
  // more): the bench pages take it 41 ms per MiB at the median and 86 at
  // most, pathological markup far more (bounded_parse.h).
  int max_parse_ms_per_mb = 250;
  // Memory the HTML parser's tree may take per MiB of the document, in MiB
  // (and kFreeParseMiB more): the bench pages take 7.8 times their size at
  // the median and 26 at most, markup made to copy attributes (a formatting
  // element with 2 000 of them, reopened in every paragraph) 400 and more
  // before the CPU budget stops it.
  int max_parse_mb_per_mb = 64;
};

// Each limit a document can be refused by, so that the service can count
// refusals per limit without reading error messages.
enum class Limit {
  kMaxInputBytes,
  kMaxDepth,
  kMaxNodes,
  kMaxParseMsPerMb,
  kMaxNodesPerMb,
  kMaxParseMbPerMb,
};
inline constexpr size_t kLimitCount = 6;

// MiB the HTML parser's tree may take for any document, however small,
// under --max_parse_mb_per_mb.
inline constexpr size_t kFreeParseMiB = 32;

// Nodes any document may have under --max_nodes_per_mb, however small.
inline constexpr size_t kFreeNodes = 20'000;

// The most nodes a document of `document_bytes` may have, and the limit
// that sets it: --max_nodes, or --max_nodes_per_mb when that is lower.
struct NodeBudget {
  size_t nodes;
  Limit limit;
};
NodeBudget NodesAllowed(size_t document_bytes, const Limits& limits);

// RESOURCE_EXHAUSTED for a document with `nodes` (at least; `counted`
// says how they were counted), over `budget`, naming its limit's flag.
absl::Status NodeLimitError(size_t nodes, absl::string_view counted,
                            const NodeBudget& budget);

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
