// The HTTP status of an API answer, from its status: the mapping Google's
// HTTP APIs use for gRPC codes, with one difference: RESOURCE_EXHAUSTED is
// 413 when a document is over a limit (--max_input_bytes, --max_depth,
// --max_nodes) and 429 otherwise (the server is too busy: try later or
// elsewhere).
#ifndef LEDE_SERVER_SERVICE_HTTP_HTTP_STATUS_H_
#define LEDE_SERVER_SERVICE_HTTP_HTTP_STATUS_H_

#include "absl/status/status.h"

namespace lede::service::http {

// 200 for OK; 400, 403, 404, 413, 429, 503, 504, ... for failures.
int HttpStatusFor(const absl::Status& status);

}  // namespace lede::service::http

#endif  // LEDE_SERVER_SERVICE_HTTP_HTTP_STATUS_H_
