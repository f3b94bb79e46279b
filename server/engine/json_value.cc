#include "server/engine/json_value.h"

#include <cstdint>
#include <string>

#include "simdjson.h"

namespace lede::engine {
namespace {

using Json = nlohmann::json;

// Copies `element` into `out`, typed as nlohmann types what it parses: an
// integer that is not negative is unsigned. False, leaving `out` unfinished,
// for what nlohmann is left to read: a number with a fraction or an exponent
// (nlohmann's and simdjson's rounding need not agree) and deep nesting.
bool Copy(simdjson::dom::element element, int depth, Json* out) {
  if (depth > kMaxCopiedJsonDepth) return false;
  switch (element.type()) {
    case simdjson::dom::element_type::ARRAY: {
      *out = Json::array();
      // Held by name: value_unsafe() returns a reference into the result.
      const simdjson::dom::array items = element.get_array().value_unsafe();
      for (simdjson::dom::element item : items) {
        out->push_back(nullptr);
        if (!Copy(item, depth + 1, &out->back())) return false;
      }
      return true;
    }
    case simdjson::dom::element_type::OBJECT: {
      *out = Json::object();
      // A key written twice keeps its last value, as in nlohmann's parse.
      const simdjson::dom::object fields = element.get_object().value_unsafe();
      for (simdjson::dom::key_value_pair field : fields) {
        if (!Copy(field.value, depth + 1, &(*out)[std::string(field.key)])) {
          return false;
        }
      }
      return true;
    }
    case simdjson::dom::element_type::STRING:
      *out = std::string(element.get_string().value_unsafe());
      return true;
    case simdjson::dom::element_type::INT64: {
      const int64_t value = element.get_int64().value_unsafe();
      if (value >= 0) {
        *out = static_cast<uint64_t>(value);
      } else {
        *out = value;
      }
      return true;
    }
    case simdjson::dom::element_type::UINT64:
      *out = element.get_uint64().value_unsafe();
      return true;
    case simdjson::dom::element_type::BOOL:
      *out = element.get_bool().value_unsafe();
      return true;
    case simdjson::dom::element_type::NULL_VALUE:
      *out = nullptr;
      return true;
    case simdjson::dom::element_type::DOUBLE:
      return false;
  }
  return false;
}

}  // namespace

Json ParseJsonValue(absl::string_view text) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  Json value;
  if (parser.parse(text.data(), text.size()).get(root) == simdjson::SUCCESS &&
      Copy(root, 0, &value)) {
    return value;
  }
  return Json::parse(text.begin(), text.end(), nullptr,
                     /*allow_exceptions=*/false);
}

}  // namespace lede::engine
