// proto3 JSON, printed the same way wherever lede prints a message.
#ifndef LEDE_CLIENT_CPP_JSON_H_
#define LEDE_CLIENT_CPP_JSON_H_

#include <google/protobuf/message.h>

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace lede {

// The message in proto3's JSON mapping: lowerCamelCase names, unset fields
// left out, one line unless `pretty`.
std::string ToJson(const google::protobuf::Message& message,
                   bool pretty = false);

// Fills `message` from one proto3 JSON object (the form ToJson prints; bytes
// fields are base64). Unknown fields are an InvalidArgument error.
absl::Status FromJson(absl::string_view json,
                      google::protobuf::Message* message);

}  // namespace lede

#endif  // LEDE_CLIENT_CPP_JSON_H_
