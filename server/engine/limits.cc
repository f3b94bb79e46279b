#include "server/engine/limits.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_format.h"

namespace lede::engine {
namespace {

// The status payload that names the limit: a type URL of our own, the
// limit's name as its value.
constexpr absl::string_view kLimitPayload = "type.lede.dev/lede.LimitExceeded";

constexpr absl::string_view kLimitNames[kLimitCount] = {
    "max_input_bytes",     "max_depth",        "max_nodes",
    "max_parse_ms_per_mb", "max_nodes_per_mb", "max_parse_mb_per_mb"};

}  // namespace

absl::string_view LimitName(Limit limit) {
  return kLimitNames[static_cast<size_t>(limit)];
}

absl::Status LimitExceededError(Limit limit, absl::string_view message) {
  absl::Status status = absl::ResourceExhaustedError(message);
  status.SetPayload(kLimitPayload, absl::Cord(LimitName(limit)));
  return status;
}

absl::Status CheckInputBytes(size_t bytes, const Limits& limits) {
  if (bytes <= limits.max_input_bytes) return absl::OkStatus();
  return LimitExceededError(
      Limit::kMaxInputBytes,
      absl::StrFormat(
          "content is %d bytes, over the limit of %d bytes; send a smaller "
          "document or raise the server's --max_input_bytes",
          bytes, limits.max_input_bytes));
}

NodeBudget NodesAllowed(size_t document_bytes, const Limits& limits) {
  const double per_mb = static_cast<double>(limits.max_nodes_per_mb) *
                        static_cast<double>(document_bytes) / (1 << 20);
  const size_t by_size = kFreeNodes + static_cast<size_t>(per_mb);
  if (by_size < limits.max_nodes) return {by_size, Limit::kMaxNodesPerMb};
  return {limits.max_nodes, Limit::kMaxNodes};
}

absl::Status NodeLimitError(size_t nodes, absl::string_view counted,
                            const NodeBudget& budget) {
  if (budget.limit == Limit::kMaxNodes) {
    return LimitExceededError(
        Limit::kMaxNodes,
        absl::StrFormat("the document has %d %s, over the limit of %d; raise "
                        "--max_nodes",
                        nodes, counted, budget.nodes));
  }
  return LimitExceededError(
      Limit::kMaxNodesPerMb,
      absl::StrFormat(
          "the document has %d %s, more than the %d its size allows "
          "(--max_nodes_per_mb): markup this dense costs far more than its "
          "size; send a smaller document or raise the flag",
          nodes, counted, budget.nodes));
}

std::optional<Limit> ExceededLimit(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kResourceExhausted) {
    return std::nullopt;
  }
  auto name = status.GetPayload(kLimitPayload);
  if (!name) return std::nullopt;
  for (size_t i = 0; i < kLimitCount; ++i) {
    if (*name == kLimitNames[i]) return static_cast<Limit>(i);
  }
  return std::nullopt;
}

}  // namespace lede::engine
