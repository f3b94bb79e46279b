#include "server/engine/url.h"

#include <algorithm>
#include <array>
#include <boost/url.hpp>
#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
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

// Bytes of a reference's path, query and fragment that RFC 3986 allows
// unescaped (unreserved, sub-delims, ':', '@', '/', '?', '#'); not '%', whose
// escapes Boost.URL normalises when it resolves.
constexpr std::array<bool, 256> PlainBytes() {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 256; ++c) {
    plain[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9');
  }
  for (char c : absl::string_view("-._~!$&'()*+,;=:@/?#")) {
    plain[static_cast<unsigned char>(c)] = true;
  }
  return plain;
}

// Whether `host` is a registered name of lower-case letters, digits, '-'
// and '.' alone: no port, no user, no IP literal, nothing to normalise.
bool IsPlainHost(absl::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '.')) {
      return false;
    }
  }
  return true;
}

// Whether what follows a plain host (or a whole absolute-path reference)
// parses and resolves as written: plain bytes (PlainBytes) and at most one
// '#'; with `escapes`, '%' and two hex digits too. With `no_dot_segments`,
// its path (up to '?' or '#') holds no "/." either.
bool IsPlainRest(absl::string_view rest, bool escapes, bool no_dot_segments) {
  static constexpr std::array<bool, 256> kPlain = PlainBytes();
  bool fragment = false;
  for (size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (c == '%' && escapes) {
      if (i + 2 >= rest.size() || !absl::ascii_isxdigit(rest[i + 1]) ||
          !absl::ascii_isxdigit(rest[i + 2])) {
        return false;
      }
      i += 2;
      continue;
    }
    if (!kPlain[static_cast<unsigned char>(c)]) return false;
    if (c == '#') {
      if (fragment) return false;
      fragment = true;
    }
  }
  if (!no_dot_segments) return true;
  const absl::string_view path = rest.substr(0, rest.find_first_of("?#"));
  return !absl::StrContains(path, "/.");
}

// The length of the host that `from_host` (what follows a "//") opens
// with, when that host is plain (IsPlainHost) and what follows it is
// IsPlainRest(..., `escapes`, `no_dot_segments`); npos otherwise.
size_t PlainHostLength(absl::string_view from_host, bool escapes,
                       bool no_dot_segments) {
  const size_t host_end =
      std::min(from_host.find_first_of("/?#"), from_host.size());
  if (!IsPlainHost(from_host.substr(0, host_end)) ||
      !IsPlainRest(from_host.substr(host_end), escapes, no_dot_segments)) {
    return absl::string_view::npos;
  }
  return host_end;
}

// The "http://host" or "https://host" that `url` opens with, when the
// whole of `url` parses as written (PlainHostLength, escapes allowed);
// empty otherwise.
absl::string_view PlainOrigin(absl::string_view url) {
  absl::string_view rest = url;
  if (!absl::ConsumePrefix(&rest, "https://") &&
      !absl::ConsumePrefix(&rest, "http://")) {
    return {};
  }
  const size_t host_end =
      PlainHostLength(rest, /*escapes=*/true, /*no_dot_segments=*/false);
  if (host_end == absl::string_view::npos) return {};
  return url.substr(0, url.size() - rest.size() + host_end);
}

// `reference` resolved against `base` without parsing either, when both
// are written so that Boost.URL would give the same (RFC 3986 5.2.2): a
// path from the root ("/a.jpg") takes the base's scheme and host, one from
// a host ("//cdn.example.com/a.jpg") the base's scheme, and each is copied
// as written when it holds no dot segment, no '%' and nothing that does not
// parse. nullopt for the others.
std::optional<std::string> ResolveFromRoot(absl::string_view base,
                                           absl::string_view reference) {
  if (reference.empty() || reference[0] != '/') return std::nullopt;
  const absl::string_view origin = PlainOrigin(base);
  if (origin.empty()) return std::nullopt;
  if (reference.size() < 2 || reference[1] != '/') {
    if (!IsPlainRest(reference, /*escapes=*/false, /*no_dot_segments=*/true)) {
      return std::nullopt;
    }
    return absl::StrCat(origin, reference);
  }
  if (PlainHostLength(reference.substr(2), /*escapes=*/false,
                      /*no_dot_segments=*/true) == absl::string_view::npos) {
    return std::nullopt;
  }
  return absl::StrCat(origin.substr(0, origin.find(':') + 1), reference);
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
  if (std::optional<std::string> resolved = ResolveFromRoot(base, trimmed)) {
    return *std::move(resolved);
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
  // Most hosts asked for are of URLs written so that they parse as written,
  // with a host in lower case already: read without Boost.URL.
  const absl::string_view trimmed = absl::StripAsciiWhitespace(url);
  if (const absl::string_view origin = PlainOrigin(trimmed); !origin.empty()) {
    return std::string(origin.substr(origin.find("//") + 2));
  }
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
