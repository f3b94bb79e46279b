// URL -> bytes with libcurl, behind the address rules of address_policy.h.
//
// Every connection, the first and each redirect's, is checked on the address
// it is about to open (after DNS), so neither a redirect nor a name that
// resolves to a private address (DNS rebinding) reaches the network lede
// runs in. Proxies from the environment are ignored. Sizes, time and
// redirects are bounded.
#ifndef LEDE_SERVER_FETCH_FETCHER_H_
#define LEDE_SERVER_FETCH_FETCHER_H_

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/fetch/address_policy.h"

namespace lede::fetch {

// "lede/VERSION (+https://github.com/lede-project/lede)".
std::string DefaultUserAgent();

struct FetchOptions {
  // Longest a fetch may take, redirects included; the caller's deadline
  // may cut it shorter.
  absl::Duration timeout = absl::Seconds(10);
  // Most bytes read, on the wire and after decompression alike.
  size_t max_bytes = 16 << 20;
  int max_redirects = 5;
  std::string user_agent = DefaultUserAgent();
  // Ranges the address rules refuse that this deployment opens.
  std::vector<std::string> allow_cidrs;
  // Ports connected to; empty means 80 and 443.
  std::vector<int> allow_ports;
  // Fetches in flight at once; more wait for a free slot.
  int parallelism = 16;
};

struct FetchedPage {
  // Decompressed, at most FetchOptions::max_bytes.
  std::string body;
  // After redirects.
  std::string final_url;
  int http_status = 0;
  // The final response's Content-Type header, as sent; may be empty.
  std::string content_type;
  int redirects = 0;
  // From the start of the transfer to its last byte.
  absl::Duration elapsed;
};

class Fetcher {
 public:
  // INVALID_ARGUMENT when an allowed range or port does not parse.
  static absl::StatusOr<std::unique_ptr<Fetcher>> Create(
      const FetchOptions& options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // GETs `url` (http or https), following redirects, and returns the
  // decompressed body of a 2xx answer that is a document. Errors:
  //   INVALID_ARGUMENT    the URL is not an http(s) URL, or the answer is
  //                       not a document (PDF, image, video...) or is empty;
  //   PERMISSION_DENIED   an address or port the rules refuse, or a
  //                       redirect to another scheme (names the flag that
  //                       would allow an address or port);
  //   UNAVAILABLE         DNS failure, connection refused or reset, TLS;
  //   NOT_FOUND           HTTP 404 or 410;
  //   FAILED_PRECONDITION any other status outside 2xx, too many redirects,
  //                       a body that cannot be decompressed;
  //   DEADLINE_EXCEEDED   `deadline` or the fetch timeout passed;
  //   RESOURCE_EXHAUSTED  over max_bytes, compressed or not.
  // Waits for one of `parallelism` slots (up to the deadline). Thread-safe.
  absl::StatusOr<FetchedPage> Fetch(absl::string_view url, absl::Time deadline);

  // Fetches in flight now, at most options().parallelism.
  int InFlight() const ABSL_LOCKS_EXCLUDED(mutex_);

  const FetchOptions& options() const { return options_; }

 private:
  Fetcher(const FetchOptions& options, AddressPolicy policy);
  // A handle from the pool (keeping its connections alive), else a new one.
  CURL* TakeHandle() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  void ReturnHandle(CURL* handle) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  bool HasFreeSlot() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  absl::Status CheckUrl(absl::string_view url) const;
  absl::StatusOr<FetchedPage> Perform(CURL* handle, absl::string_view url,
                                      absl::Time deadline,
                                      bool deadline_is_timeout);

  const FetchOptions options_;
  const AddressPolicy policy_;
  curl_slist* const accept_header_;
  mutable absl::Mutex mutex_;
  int in_flight_ ABSL_GUARDED_BY(mutex_) = 0;
  std::vector<CURL*> idle_handles_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace lede::fetch

#endif  // LEDE_SERVER_FETCH_FETCHER_H_
