// What a POST to /v1/parse or /v1/detect-language asks for, read from its
// query parameters and Content-Type; the body is read by the server. One
// place decides what the HTTP door accepts, so its errors name the
// parameter at fault.
#ifndef LEDE_SERVER_SERVICE_HTTP_API_REQUEST_H_
#define LEDE_SERVER_SERVICE_HTTP_API_REQUEST_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"

namespace lede::service::http {

// Query parameters as the HTTP library gives them (repeats kept).
using QueryParams = std::multimap<std::string, std::string>;

// A body in proto3 JSON (Content-Type application/json) is the whole request
// message; any other body is the document's (or the text's) raw bytes.
enum class BodyKind { kRaw, kJson };

struct ParseCall {
  BodyKind body = BodyKind::kRaw;
  // For a raw body: everything but the content (url, id, content_type,
  // options). For a JSON body: empty, the body fills it.
  v1::ParseRequest request;
  absl::Duration timeout = absl::InfiniteDuration();  // none asked
  bool pretty = false;
};

// Reads POST /v1/parse's parameters: `url`, `id`, `content_type` (default:
// the Content-Type header), `formats` (comma-separated text, html,
// markdown), `bias` (balanced, precision, recall), `include_comments`
// (true/false), `convert_chinese` (simplified, traditional),
// `reference_time` (RFC 3339), `timeout` ("10s", "500ms") and `pretty`.
// With a JSON body only `timeout` and `pretty` apply. INVALID_ARGUMENT names
// an unknown, repeated or malformed parameter.
absl::StatusOr<ParseCall> ReadParseCall(const QueryParams& params,
                                        absl::string_view content_type);

struct DetectCall {
  BodyKind body = BodyKind::kRaw;
  v1::DetectLanguageRequest request;  // `hint` for a raw body
  bool pretty = false;
};

// Reads POST /v1/detect-language's parameters: `hint` (a language or TLD,
// as DetectLanguageRequest.hint) and `pretty`; with a JSON body, `pretty`.
absl::StatusOr<DetectCall> ReadDetectCall(const QueryParams& params,
                                          absl::string_view content_type);

}  // namespace lede::service::http

#endif  // LEDE_SERVER_SERVICE_HTTP_API_REQUEST_H_
