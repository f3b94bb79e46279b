// libFuzzer target: the markup pre-scan sees nesting whatever comes before
// it. The input is a short prefix; 300 unclosed <div>s follow it. Where
// gumbo nests them (its tree 250 deep or more), the scan must read at least
// half that depth, or a page could hide deep nesting from --max_depth
// behind that prefix and take gumbo to its parse budget instead. (The scan
// once read on past a comment that "--!>" ends, crash-7059eca7 of
// nesting_fuzzer, and took an SVG <select> for a select, crash-7193feff.)
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "server/engine/nesting.h"
#include "server/engine/nesting_testing.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 256) return 0;
  std::string html(reinterpret_cast<const char*>(data), size);
  for (int i = 0; i < 300; ++i) html += "<div>";
  const int gumbo = lede::engine::GumboDepth(html);
  if (gumbo < 250) return 0;  // the <div>s do not nest (raw text, a select)
  if (lede::engine::ScanMarkup(html, INT_MAX).depth < gumbo / 2) std::abort();
  return 0;
}
