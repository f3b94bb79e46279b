// libFuzzer target: dates as pages write them, in a text and in a URL.
#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/engine/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::string_view text(reinterpret_cast<const char*>(data), size);
  lede::engine::DateHints hints;
  hints.reference_time = absl::FromUnixSeconds(1767225600);  // 2026-01-01
  if (size > 0) hints.day_first = (data[0] & 1) != 0;
  lede::engine::ParseDate(text, hints);
  lede::engine::FindDate(text, hints, /*allow_relative=*/true);
  lede::engine::DateFromUrl(text);
  return 0;
}
