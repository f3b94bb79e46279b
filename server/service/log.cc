#include "server/service/log.h"

#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"

namespace lede::service {
namespace {

// RFC 3339 in UTC with milliseconds, as log pipelines parse it.
std::string Timestamp(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time, absl::UTCTimeZone());
}

// Failures of the server itself are errors; a call the caller got wrong or
// that ran out of time or room is a warning; the rest is information.
absl::string_view CallLevel(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return "info";
    case absl::StatusCode::kUnknown:
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kDataLoss:
      return "error";
    default:
      return "warning";
  }
}

bool IsLowerHex(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(c) && (c < 'a' || c > 'f')) return false;
  }
  return true;
}

}  // namespace

std::optional<LogFormat> ParseLogFormat(absl::string_view name) {
  if (name == "text") return LogFormat::kText;
  if (name == "json") return LogFormat::kJson;
  return std::nullopt;
}

bool IsTraceparent(absl::string_view value) {
  // version-traceid-parentid-flags: 2+1+32+1+16+1+2 characters.
  constexpr size_t kLength = 55;
  if (value.size() < kLength || value.size() > 512) return false;
  if (value[2] != '-' || value[35] != '-' || value[52] != '-') return false;
  if (!IsLowerHex(value.substr(0, 2)) || !IsLowerHex(value.substr(3, 32)) ||
      !IsLowerHex(value.substr(36, 16)) || !IsLowerHex(value.substr(53, 2))) {
    return false;
  }
  absl::string_view version = value.substr(0, 2);
  if (version == "ff") return false;
  if (value.substr(3, 32) == std::string(32, '0') ||
      value.substr(36, 16) == std::string(16, '0')) {
    return false;
  }
  if (value.size() == kLength) return true;
  // Version 00 has exactly four fields; a later one may add more after '-'.
  if (version == "00" || value[kLength] != '-') return false;
  for (char c : value.substr(kLength)) {
    if (!absl::ascii_isalnum(c) && c != '-') return false;
  }
  return true;
}

Logger::Logger(LogFormat format, bool access_log, std::FILE* out)
    : format_(format), access_log_(access_log), out_(out) {}

void Logger::Write(const std::string& line) const {
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fflush(out_);
}

void Logger::Event(absl::string_view level, absl::string_view message) const {
  if (format_ == LogFormat::kText) {
    Write(absl::StrCat("lede-server: ", message, "\n"));
    return;
  }
  nlohmann::json line = {{"time", Timestamp(absl::Now())},
                         {"level", std::string(level)},
                         {"msg", std::string(message)}};
  Write(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
        "\n");
}

void Logger::Call(const CallLine& call) const {
  if (!access_log_) return;
  const double ms = absl::ToDoubleMilliseconds(call.elapsed);
  if (format_ == LogFormat::kText) {
    std::string line = absl::StrFormat(
        "lede-server: call %s peer=%s status=%s ms=%.1f transport=%s bytes=%d",
        MethodName(call.method), call.peer, StatusCodeName(call.code), ms,
        TransportName(call.transport), call.bytes);
    if (call.http_status != 0) {
      absl::StrAppend(&line, " http_status=", call.http_status);
    }
    if (!call.traceparent.empty()) {
      absl::StrAppend(&line, " traceparent=", call.traceparent);
    }
    Write(line + "\n");
    return;
  }
  nlohmann::json line = {
      {"time", Timestamp(call.time)},
      {"level", std::string(CallLevel(call.code))},
      {"msg", "call"},
      {"method", std::string(MethodName(call.method))},
      {"transport", std::string(TransportName(call.transport))},
      {"peer", std::string(call.peer)},
      {"status", std::string(StatusCodeName(call.code))},
      {"ms", std::round(ms * 1000) / 1000},
      {"bytes", call.bytes},
  };
  if (call.http_status != 0) line["http_status"] = call.http_status;
  if (!call.traceparent.empty()) {
    line["traceparent"] = std::string(call.traceparent);
  }
  // Keys in insertion order would need ordered_json; sorted keys are as
  // easy for a pipeline to read.
  Write(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
        "\n");
}

}  // namespace lede::service
