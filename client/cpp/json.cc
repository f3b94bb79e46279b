#include "client/cpp/json.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>

#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "nlohmann/json.hpp"
#include "simdjson.h"

namespace lede {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// A top-level bytes field of the message, decoded from its base64.
struct DecodedBytes {
  const FieldDescriptor* field;
  std::string value;
};

// The singular bytes field outside any oneof that `key` names (by its JSON
// or its proto name), or null.
const FieldDescriptor* PlainBytesField(const Descriptor& descriptor,
                                       std::string_view key) {
  const FieldDescriptor* field = nullptr;
  for (int i = 0; i < descriptor.field_count() && field == nullptr; ++i) {
    const FieldDescriptor* candidate = descriptor.field(i);
    if (candidate->json_name() == key || candidate->name() == key) {
      field = candidate;
    }
  }
  if (field == nullptr || field->type() != FieldDescriptor::TYPE_BYTES ||
      field->is_repeated() || field->real_containing_oneof() != nullptr) {
    return nullptr;
  }
  return field;
}

// proto3 JSON's bytes as protobuf reads them: base64, web-safe or standard
// (tried in that order), with or without padding, and strict: only a text
// that the decoded bytes encode back to (trailing '=' aside) is accepted.
// Checked without encoding it all again: a text of the encoded length had
// no character skipped, and only its last group can carry stray bits.
bool DecodeBase64(std::string_view text, std::string* bytes) {
  const absl::string_view base64(text.data(), text.size());
  absl::string_view unpadded = base64;
  while (absl::ConsumeSuffix(&unpadded, "=")) {
  }
  std::string (*escape)(absl::string_view) = &absl::WebSafeBase64Escape;
  if (!absl::WebSafeBase64Unescape(base64, bytes)) {
    if (!absl::Base64Unescape(base64, bytes)) return false;
    escape = &absl::Base64Escape;
  }
  const size_t whole_groups = bytes->size() / 3;
  const size_t tail = bytes->size() % 3;
  if (unpadded.size() != whole_groups * 4 + (tail == 0 ? 0 : tail + 1)) {
    return false;
  }
  const size_t last = bytes->empty() ? 0 : (bytes->size() - 1) / 3 * 3;
  const std::string encoded = escape(absl::string_view(*bytes).substr(last));
  absl::string_view last_group = encoded;
  while (absl::ConsumeSuffix(&last_group, "=")) {
  }
  return absl::EndsWith(unpadded, last_group);
}

// Splits one JSON object into its top-level bytes fields, decoded, and the
// rest, written out again for protobuf's parser. Why: protobuf's JSON parser
// reads a long base64 string at about 60 instructions a byte, which made
// reading a request cost half as much as parsing its page; simdjson and
// absl's base64 take a tenth of that. Returns false when this cannot decide
// (not one object, a bytes value that is not valid base64, a key twice): the
// caller then gives the whole text to protobuf, whose answer and error
// messages stay the reference.
bool SplitBytesFields(absl::string_view json, const Descriptor& descriptor,
                      std::string* rest, std::vector<DecodedBytes>* decoded) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(json.data(), json.size()).get(object) != simdjson::SUCCESS) {
    return false;
  }
  rest->assign("{");
  for (const simdjson::dom::key_value_pair field : object) {
    const FieldDescriptor* bytes_field = PlainBytesField(descriptor, field.key);
    std::string_view base64;
    if (bytes_field != nullptr &&
        field.value.get(base64) == simdjson::SUCCESS) {
      for (const DecodedBytes& seen : *decoded) {
        if (seen.field == bytes_field) return false;
      }
      decoded->push_back({bytes_field, std::string()});
      if (!DecodeBase64(base64, &decoded->back().value)) return false;
      continue;
    }
    if (rest->size() > 1) rest->push_back(',');
    rest->append(nlohmann::json(std::string(field.key)).dump());
    rest->push_back(':');
    rest->append(simdjson::minify(field.value));
  }
  rest->push_back('}');
  return true;
}

absl::Status ProtobufFromJson(absl::string_view json,
                              google::protobuf::Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message,
      options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(std::string(status.message()));
  }
  return absl::OkStatus();
}

}  // namespace

std::string ToJson(const google::protobuf::Message& message, bool pretty) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = false;
  std::string json;
  // Fails only for Any with unknown types, which lede never sends.
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  // Protobuf prints map entries in hash order, which differs between a
  // message built here and one received over the wire; sorted keys make
  // the output the same wherever it was produced.
  return nlohmann::json::parse(json).dump(pretty ? 2 : -1);
}

absl::Status FromJson(absl::string_view json,
                      google::protobuf::Message* message) {
  std::string rest;
  std::vector<DecodedBytes> decoded;
  if (!SplitBytesFields(json, *message->GetDescriptor(), &rest, &decoded)) {
    return ProtobufFromJson(json, message);
  }
  if (absl::Status status = ProtobufFromJson(rest, message); !status.ok()) {
    return status;
  }
  for (DecodedBytes& bytes : decoded) {
    message->GetReflection()->SetString(message, bytes.field,
                                        std::move(bytes.value));
  }
  return absl::OkStatus();
}

v1::ParseResponse ErrorResponse(absl::string_view id,
                                const absl::Status& status) {
  v1::ParseResponse failed;
  failed.set_id(std::string(id));
  failed.mutable_error()->set_code(static_cast<int>(status.code()));
  failed.mutable_error()->set_message(std::string(status.message()));
  return failed;
}

std::string ParseResultJson(const absl::StatusOr<v1::ParseResponse>& result,
                            absl::string_view id, bool pretty) {
  std::string json = result.ok()
                         ? ToJson(*result, pretty)
                         : ToJson(ErrorResponse(id, result.status()), pretty);
  json += '\n';
  return json;
}

}  // namespace lede
