// libFuzzer target: bytes to UTF-8 (BOM, declared charset, <meta charset>,
// detection), then the framing of what was decoded.
#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "server/engine/decode.h"
#include "server/engine/frame.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  // A first line "charset=LABEL" is the declared content type.
  absl::string_view content_type;
  if (bytes.substr(0, 8) == "charset=") {
    const size_t end = bytes.find('\n');
    content_type = bytes.substr(0, end);
    bytes = end == absl::string_view::npos ? "" : bytes.substr(end + 1);
  }
  lede::engine::DecodedText decoded =
      lede::engine::DecodeToUtf8(bytes, content_type);
  lede::engine::FrameDocument(decoded.utf8);
  return 0;
}
