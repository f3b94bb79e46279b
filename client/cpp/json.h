// proto3 JSON, printed the same way wherever lede prints a message: the CLI,
// the server's HTTP door and the CLI's answers through gRPC are byte for byte
// the same.
#ifndef LEDE_CLIENT_CPP_JSON_H_
#define LEDE_CLIENT_CPP_JSON_H_

#include <google/protobuf/message.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lede/v1/lede.pb.h"

namespace lede {

// The message in proto3's JSON mapping: lowerCamelCase names, unset fields
// left out, keys sorted, one line unless `pretty`.
std::string ToJson(const google::protobuf::Message& message,
                   bool pretty = false);

// Fills `message` from one proto3 JSON object (the form ToJson prints; bytes
// fields are base64). Unknown fields are an InvalidArgument error.
absl::Status FromJson(absl::string_view json,
                      google::protobuf::Message* message);

// The answer of a document that failed: its id, and the status's code and
// message as `error`. What a ParseStream sends for it, and what the CLI and
// the HTTP door print.
v1::ParseResponse ErrorResponse(absl::string_view id,
                                const absl::Status& status);

// One parse outcome as `lede parse` prints it: the response, or the
// ErrorResponse of `id` when `result` failed; ends with a newline.
std::string ParseResultJson(const absl::StatusOr<v1::ParseResponse>& result,
                            absl::string_view id, bool pretty);

}  // namespace lede

#endif  // LEDE_CLIENT_CPP_JSON_H_
