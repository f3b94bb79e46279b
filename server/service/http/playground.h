// The playground's files (server/service/http/playground), compiled into the
// binary by cmake/embed_files.cmake.
#ifndef LEDE_SERVER_SERVICE_HTTP_PLAYGROUND_H_
#define LEDE_SERVER_SERVICE_HTTP_PLAYGROUND_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace lede::service::http {

struct Asset {
  absl::string_view name;  // file name, e.g. "index.html"
  absl::string_view content;
};

// Every file of the playground directory, sorted by name.
absl::Span<const Asset> PlaygroundAssets();

}  // namespace lede::service::http

#endif  // LEDE_SERVER_SERVICE_HTTP_PLAYGROUND_H_
