#include "server/fetch/fetch_flags.h"

#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

ABSL_FLAG(bool, enable_fetch, true,
          "Fetch the page when a request has a url and no content. Off, "
          "such requests get PERMISSION_DENIED.");
ABSL_FLAG(absl::Duration, fetch_timeout, absl::Seconds(10),
          "Longest a fetch may take, redirects included (the caller's "
          "deadline may be shorter).");
ABSL_FLAG(int, fetch_max_redirects, 5, "Most redirects followed per fetch.");
ABSL_FLAG(std::string, fetch_user_agent, lede::fetch::DefaultUserAgent(),
          "User-Agent header sent when fetching.");
ABSL_FLAG(std::vector<std::string>, fetch_allow_ports,
          std::vector<std::string>({"80", "443"}),
          "The only ports fetched from, comma-separated.");
ABSL_FLAG(std::vector<std::string>, fetch_allow_cidrs, {},
          "Address ranges the SSRF rules refuse (private, loopback, "
          "link-local...) that fetches may reach anyway, comma-separated, "
          "e.g. 10.1.0.0/16,fd00::/8.");
ABSL_FLAG(int, fetch_parallelism, 16,
          "Fetches in flight at once; more wait for a free slot.");

namespace lede::fetch {

absl::StatusOr<std::unique_ptr<Fetcher>> FetcherFromFlags(size_t max_bytes) {
  if (!absl::GetFlag(FLAGS_enable_fetch)) return nullptr;
  FetchOptions options;
  options.timeout = absl::GetFlag(FLAGS_fetch_timeout);
  options.max_bytes = max_bytes;
  options.max_redirects = absl::GetFlag(FLAGS_fetch_max_redirects);
  options.user_agent = absl::GetFlag(FLAGS_fetch_user_agent);
  options.allow_cidrs = absl::GetFlag(FLAGS_fetch_allow_cidrs);
  options.parallelism = absl::GetFlag(FLAGS_fetch_parallelism);
  for (const std::string& port : absl::GetFlag(FLAGS_fetch_allow_ports)) {
    int number = 0;
    if (!absl::SimpleAtoi(port, &number)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--fetch_allow_ports: '", port, "' is not a port number"));
    }
    options.allow_ports.push_back(number);
  }
  if (options.timeout <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--fetch_timeout must be positive");
  }
  return Fetcher::Create(options);
}

}  // namespace lede::fetch
