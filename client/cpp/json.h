// proto3 JSON, printed the same way wherever lede prints a message.
#ifndef LEDE_CLIENT_CPP_JSON_H_
#define LEDE_CLIENT_CPP_JSON_H_

#include <google/protobuf/message.h>

#include <string>

namespace lede {

// The message in proto3's JSON mapping: lowerCamelCase names, unset fields
// left out, one line unless `pretty`.
std::string ToJson(const google::protobuf::Message& message,
                   bool pretty = false);

}  // namespace lede

#endif  // LEDE_CLIENT_CPP_JSON_H_
