// libFuzzer target: JSON-LD, as one <script type="application/ld+json">;
// and ParseJsonValue (simdjson's reading, copied) against nlohmann's parse
// of the same bytes: it aborts where their values or number types differ.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"
#include "server/engine/candidates.h"
#include "server/engine/json_value.h"
#include "server/engine/jsonld.h"

// Above this many "[" and "{", the parsers' values are not compared.
constexpr long kMaxComparedOpenings = 256;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  lede::engine::Candidates candidates;
  std::vector<lede::engine::SchemaType> types;
  lede::engine::ReadJsonLd(text, &candidates, &types);

  // nlohmann's dump() recurses once a level: a value thousands deep would
  // overflow the fuzzer's own stack, not the engine's (which never dumps).
  if (std::count(text.begin(), text.end(), '[') +
          std::count(text.begin(), text.end(), '{') >
      kMaxComparedOpenings) {
    return 0;
  }
  const nlohmann::json read = lede::engine::ParseJsonValue(text);
  const nlohmann::json expected = nlohmann::json::parse(
      text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (read.is_discarded() != expected.is_discarded()) std::abort();
  if (!expected.is_discarded() && read.dump() != expected.dump()) std::abort();
  return 0;
}
