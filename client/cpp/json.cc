#include "client/cpp/json.h"

#include <google/protobuf/util/json_util.h>

#include "nlohmann/json.hpp"

namespace lede {

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
