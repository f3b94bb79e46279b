// URL helpers on Boost.URL.
#ifndef LEDE_SERVER_ENGINE_URL_H_
#define LEDE_SERVER_ENGINE_URL_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace lede::engine {

// Resolves `reference` against `base` (RFC 3986). Returns `reference`
// unchanged when either does not parse or `base` is not absolute; "" for a
// reference that is empty or a javascript:/data: URL.
std::string ResolveUrl(absl::string_view base, absl::string_view reference);

// ResolveUrl's Boost.URL path alone, for every reference: parses `base` and
// `reference` (trimmed) and resolves one against the other, or returns the
// trimmed reference when either does not parse. ResolveUrl skips it for
// references it gives back as written; url_test holds the two together.
std::string ResolveUrlByParsing(absl::string_view base,
                                absl::string_view reference);

// The host of an absolute URL, lower case, or "" when there is none.
std::string UrlHost(absl::string_view url);

// Whether two hosts (as UrlHost gives them) are one site: the same host
// with or without "www.", or one a subdomain of the other. An empty host is
// no site.
bool SameSite(absl::string_view host, absl::string_view other);

struct UrlParts {
  std::string host;  // lower case
  std::string path;  // as written (percent-encoded), "/" or "" at the root
  bool has_query = false;
};

// The parts of an absolute URL; nullopt when it does not parse.
std::optional<UrlParts> SplitUrl(absl::string_view url);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_URL_H_
