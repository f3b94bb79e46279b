// libFuzzer target: YAML and TOML front matter (aliases, anchors, nesting).
#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "server/engine/front_matter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lede::engine::FrontMatter front_matter;
  lede::engine::ParseFrontMatter(
      absl::string_view(reinterpret_cast<const char*>(data), size),
      &front_matter);
  return 0;
}
