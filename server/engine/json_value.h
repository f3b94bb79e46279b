// JSON text -> nlohmann::json, read by simdjson: nlohmann's own lexer
// appends a string's bytes one at a time, and a JSON-LD script's strings (an
// articleBody, a description) are most of its bytes.
#ifndef LEDE_SERVER_ENGINE_JSON_VALUE_H_
#define LEDE_SERVER_ENGINE_JSON_VALUE_H_

#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"

namespace lede::engine {

// `text` parsed as nlohmann::json::parse(text, nullptr, false) parses it
// (strict: one value, no comments), to the same value and the same number
// types; a discarded value when it is no JSON. simdjson reads the text and
// its value is copied; what simdjson refuses, a number with a fraction or
// an exponent, and values nested deeper than kMaxCopiedJsonDepth are parsed
// by nlohmann instead, so nlohmann's reading is the one that counts.
nlohmann::json ParseJsonValue(absl::string_view text);

// The copy recurses; deeper values are left to nlohmann, whose parser keeps
// its own stack.
inline constexpr int kMaxCopiedJsonDepth = 64;

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_JSON_VALUE_H_
