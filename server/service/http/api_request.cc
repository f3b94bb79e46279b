#include "server/service/http/api_request.h"

#include <initializer_list>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace lede::service::http {
namespace {

// Data: the names each option takes in a query, as the clients spell them.
constexpr std::pair<absl::string_view, v1::Format> kFormats[] = {
    {"text", v1::FORMAT_TEXT},
    {"html", v1::FORMAT_HTML},
    {"markdown", v1::FORMAT_MARKDOWN},
};
constexpr std::pair<absl::string_view, v1::Bias> kBiases[] = {
    {"balanced", v1::BIAS_BALANCED},
    {"precision", v1::BIAS_PRECISION},
    {"recall", v1::BIAS_RECALL},
};
constexpr std::pair<absl::string_view, v1::ChineseScript> kScripts[] = {
    {"unchanged", v1::CHINESE_SCRIPT_UNCHANGED},
    {"simplified", v1::CHINESE_SCRIPT_SIMPLIFIED},
    {"traditional", v1::CHINESE_SCRIPT_TRADITIONAL},
};

template <typename T, size_t N>
absl::StatusOr<T> Lookup(const std::pair<absl::string_view, T> (&table)[N],
                         absl::string_view parameter, absl::string_view value) {
  std::vector<absl::string_view> names;
  for (const auto& [name, item] : table) {
    if (value == name) return item;
    names.push_back(name);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("query parameter ", parameter, "=", value,
                   " is not one of: ", absl::StrJoin(names, ", ")));
}

absl::StatusOr<bool> ReadBool(absl::string_view parameter,
                              absl::string_view value) {
  if (value.empty() || value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  return absl::InvalidArgumentError(absl::StrCat(
      "query parameter ", parameter, "=", value, " is not true or false"));
}

// The media type of a Content-Type header, lower-cased, without parameters.
std::string MediaType(absl::string_view content_type) {
  absl::string_view type = content_type.substr(0, content_type.find(';'));
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(type));
}

// The body's kind from its Content-Type; a form upload is refused, since
// the server reads raw bytes, not form fields.
absl::StatusOr<BodyKind> KindOf(absl::string_view content_type) {
  const std::string type = MediaType(content_type);
  if (type == "application/json") return BodyKind::kJson;
  if (type == "multipart/form-data") {
    return absl::InvalidArgumentError(
        "a multipart form is not read: send the document's bytes as the body "
        "(curl --data-binary @page.html)");
  }
  return BodyKind::kRaw;
}

// Checks every parameter is known and given once.
absl::Status CheckNames(const QueryParams& params,
                        std::initializer_list<absl::string_view> known,
                        absl::string_view context) {
  for (auto it = params.begin(); it != params.end();
       it = params.upper_bound(it->first)) {
    bool found = false;
    for (absl::string_view name : known) found = found || it->first == name;
    if (!found) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown query parameter '", it->first, "'", context,
                       "; known: ", absl::StrJoin(known, ", ")));
    }
    if (params.count(it->first) > 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("query parameter '", it->first, "' is given twice"));
    }
  }
  return absl::OkStatus();
}

const std::string* Find(const QueryParams& params, absl::string_view name) {
  auto it = params.find(std::string(name));
  return it == params.end() ? nullptr : &it->second;
}

absl::Status ReadOptions(const QueryParams& params, v1::ParseOptions* options) {
  if (const std::string* formats = Find(params, "formats")) {
    for (absl::string_view name :
         absl::StrSplit(*formats, ',', absl::SkipWhitespace())) {
      absl::StatusOr<v1::Format> format =
          Lookup(kFormats, "formats", absl::StripAsciiWhitespace(name));
      if (!format.ok()) return format.status();
      options->add_formats(*format);
    }
  }
  if (const std::string* bias = Find(params, "bias")) {
    absl::StatusOr<v1::Bias> value = Lookup(kBiases, "bias", *bias);
    if (!value.ok()) return value.status();
    options->set_bias(*value);
  }
  if (const std::string* script = Find(params, "convert_chinese")) {
    absl::StatusOr<v1::ChineseScript> value =
        Lookup(kScripts, "convert_chinese", *script);
    if (!value.ok()) return value.status();
    options->set_convert_chinese(*value);
  }
  if (const std::string* comments = Find(params, "include_comments")) {
    absl::StatusOr<bool> value = ReadBool("include_comments", *comments);
    if (!value.ok()) return value.status();
    options->set_include_comments(*value);
  }
  if (const std::string* when = Find(params, "reference_time")) {
    absl::Time time;
    std::string error;
    if (!absl::ParseTime(absl::RFC3339_full, *when, &time, &error)) {
      return absl::InvalidArgumentError(
          absl::StrCat("query parameter reference_time=", *when,
                       " is not an RFC 3339 time (", error, ")"));
    }
    options->mutable_reference_time()->set_seconds(absl::ToUnixSeconds(time));
    options->mutable_reference_time()->set_nanos(static_cast<int32_t>(
        (time - absl::FromUnixSeconds(absl::ToUnixSeconds(time))) /
        absl::Nanoseconds(1)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ParseCall> ReadParseCall(const QueryParams& params,
                                        absl::string_view content_type) {
  ParseCall call;
  absl::StatusOr<BodyKind> kind = KindOf(content_type);
  if (!kind.ok()) return kind.status();
  call.body = *kind;
  absl::Status names =
      call.body == BodyKind::kJson
          ? CheckNames(params, {"timeout", "pretty"},
                       " with a JSON body (put the request's fields in it)")
          : CheckNames(params,
                       {"url", "id", "content_type", "formats", "bias",
                        "include_comments", "convert_chinese", "reference_time",
                        "timeout", "pretty"},
                       "");
  if (!names.ok()) return names;
  if (const std::string* pretty = Find(params, "pretty")) {
    absl::StatusOr<bool> value = ReadBool("pretty", *pretty);
    if (!value.ok()) return value.status();
    call.pretty = *value;
  }
  if (const std::string* timeout = Find(params, "timeout")) {
    if (!absl::ParseDuration(*timeout, &call.timeout) ||
        call.timeout <= absl::ZeroDuration()) {
      return absl::InvalidArgumentError(
          absl::StrCat("query parameter timeout=", *timeout,
                       " is not a positive duration such as 10s or 500ms"));
    }
  }
  if (call.body == BodyKind::kJson) return call;
  if (const std::string* url = Find(params, "url")) call.request.set_url(*url);
  if (const std::string* id = Find(params, "id")) call.request.set_id(*id);
  const std::string* type = Find(params, "content_type");
  call.request.set_content_type(type != nullptr ? *type
                                                : std::string(content_type));
  // curl's default for --data; it says nothing about the document.
  if (MediaType(call.request.content_type()) ==
      "application/x-www-form-urlencoded") {
    call.request.clear_content_type();
  }
  absl::Status options = ReadOptions(params, call.request.mutable_options());
  if (!options.ok()) return options;
  return call;
}

absl::StatusOr<DetectCall> ReadDetectCall(const QueryParams& params,
                                          absl::string_view content_type) {
  DetectCall call;
  absl::StatusOr<BodyKind> kind = KindOf(content_type);
  if (!kind.ok()) return kind.status();
  call.body = *kind;
  absl::Status names =
      call.body == BodyKind::kJson
          ? CheckNames(params, {"pretty"},
                       " with a JSON body (put the request's fields in it)")
          : CheckNames(params, {"hint", "pretty"}, "");
  if (!names.ok()) return names;
  if (const std::string* pretty = Find(params, "pretty")) {
    absl::StatusOr<bool> value = ReadBool("pretty", *pretty);
    if (!value.ok()) return value.status();
    call.pretty = *value;
  }
  if (const std::string* hint = Find(params, "hint")) {
    call.request.set_hint(*hint);
  }
  return call;
}

}  // namespace lede::service::http
