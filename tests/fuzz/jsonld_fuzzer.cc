// libFuzzer target: JSON-LD, as one <script type="application/ld+json">.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/candidates.h"
#include "server/engine/jsonld.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lede::engine::Candidates candidates;
  std::vector<lede::engine::SchemaType> types;
  lede::engine::ReadJsonLd(
      absl::string_view(reinterpret_cast<const char*>(data), size), &candidates,
      &types);
  return 0;
}
