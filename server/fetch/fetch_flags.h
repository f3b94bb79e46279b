// The fetch flags, defined once for lede-server and the lede CLI, so that
// both fetch under the same rules:
//   --enable_fetch --fetch_timeout --fetch_max_redirects --fetch_user_agent
//   --fetch_allow_ports --fetch_allow_cidrs --fetch_parallelism
#ifndef LEDE_SERVER_FETCH_FETCH_FLAGS_H_
#define LEDE_SERVER_FETCH_FETCH_FLAGS_H_

#include <cstddef>
#include <memory>

#include "absl/status/statusor.h"
#include "server/fetch/fetcher.h"

namespace lede::fetch {

// The Fetcher the flags describe, reading at most `max_bytes` per page
// (--max_input_bytes); null when --enable_fetch=false. INVALID_ARGUMENT
// names a flag whose value does not parse.
absl::StatusOr<std::unique_ptr<Fetcher>> FetcherFromFlags(size_t max_bytes);

}  // namespace lede::fetch

#endif  // LEDE_SERVER_FETCH_FETCH_FLAGS_H_
