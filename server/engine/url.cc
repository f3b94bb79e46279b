#include "server/engine/url.h"

#include <boost/url.hpp>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace lede::engine {
namespace {

// Whether `reference` is an http or https URL whose path holds no '%' and
// no "/." (so no dot segment): boost::urls::resolve gives such a reference
// back as written (RFC 3986 5.2.2: a reference with a scheme is itself,
// its path's dot segments removed and its percent-encoding normalised), and
// ResolveUrl gives back one that does not parse as written too. Most of a
// page's pictures are written so, and are not parsed.
bool ResolvesToItself(absl::string_view reference) {
  if (!absl::ConsumePrefix(&reference, "https://") &&
      !absl::ConsumePrefix(&reference, "http://")) {
    return false;
  }
  const size_t path = reference.find_first_of("/?#");
  if (path == absl::string_view::npos || reference[path] != '/') return true;
  reference.remove_prefix(path);
  reference = reference.substr(0, reference.find_first_of("?#"));
  return !absl::StrContains(reference, '%') &&
         !absl::StrContains(reference, "/.");
}

}  // namespace

std::string ResolveUrl(absl::string_view base, absl::string_view reference) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(reference);
  if (trimmed.empty() || absl::StartsWithIgnoreCase(trimmed, "javascript:") ||
      absl::StartsWithIgnoreCase(trimmed, "data:")) {
    return "";
  }
  if (ResolvesToItself(trimmed)) return std::string(trimmed);
  // Protocol-relative URLs are common and need a scheme even without a base.
  if (absl::StartsWith(trimmed, "//") && base.empty()) {
    return "https:" + std::string(trimmed);
  }
  return ResolveUrlByParsing(base, trimmed);
}

std::string ResolveUrlByParsing(absl::string_view base,
                                absl::string_view reference) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(reference);
  auto parsed_base = boost::urls::parse_uri(
      boost::urls::string_view(base.data(), base.size()));
  if (!parsed_base) return std::string(trimmed);
  auto parsed_reference = boost::urls::parse_uri_reference(
      boost::urls::string_view(trimmed.data(), trimmed.size()));
  if (!parsed_reference) return std::string(trimmed);
  boost::urls::url resolved;
  auto result = boost::urls::resolve(*parsed_base, *parsed_reference, resolved);
  if (!result) return std::string(trimmed);
  return std::string(resolved.buffer());
}

std::string UrlHost(absl::string_view url) {
  std::optional<UrlParts> parts = SplitUrl(url);
  return parts ? std::move(parts->host) : "";
}

bool SameSite(absl::string_view host, absl::string_view other) {
  absl::ConsumePrefix(&host, "www.");
  absl::ConsumePrefix(&other, "www.");
  if (host.empty() || other.empty()) return false;
  if (host.size() < other.size()) std::swap(host, other);
  return host == other || (absl::EndsWith(host, other) &&
                           host[host.size() - other.size() - 1] == '.');
}

std::optional<UrlParts> SplitUrl(absl::string_view url) {
  absl::string_view trimmed = absl::StripAsciiWhitespace(url);
  auto parsed = boost::urls::parse_uri(
      boost::urls::string_view(trimmed.data(), trimmed.size()));
  if (!parsed) return std::nullopt;
  UrlParts parts;
  auto host = parsed->encoded_host();
  parts.host =
      absl::AsciiStrToLower(absl::string_view(host.data(), host.size()));
  auto path = parsed->encoded_path();
  parts.path = std::string(path.data(), path.size());
  parts.has_query = parsed->has_query();
  return parts;
}

}  // namespace lede::engine
