#include "server/fetch/fetcher.h"

#include <sys/socket.h>

#include <algorithm>
#include <utility>

#include "absl/base/call_once.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "server/engine/limits.h"
#include "server/fetch/fetch_rules.h"

namespace lede::fetch {

namespace {

// What one transfer learns while it runs: curl's callbacks write here.
struct Transfer {
  // Why a transfer stopped on lede's own decision.
  enum class Stop { kNone, kTooLarge, kHttpStatus, kNotADocument };

  CURL* curl;
  const AddressPolicy* policy;
  size_t max_bytes;
  std::string body;
  // Connections the address rules refused, one message each.
  std::vector<std::string> refusals;
  Stop stop = Stop::kNone;
  bool response_checked = false;
};

absl::once_flag curl_initialized;

bool IsSuccess(long status) { return status >= 200 && status <= 299; }

bool IsDocumentType(absl::string_view content_type) {
  absl::string_view media_type = content_type.substr(
      0, std::min(content_type.find(';'), content_type.size()));
  const std::string type =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(media_type));
  if (type.empty()) return true;
  for (absl::string_view prefix : kDocumentTypePrefixes) {
    if (absl::StartsWith(type, prefix)) return true;
  }
  for (absl::string_view exact : kDocumentTypes) {
    if (type == exact) return true;
  }
  for (absl::string_view suffix : kDocumentTypeSuffixes) {
    if (absl::EndsWith(type, suffix)) return true;
  }
  return false;
}

std::string InfoString(CURL* curl, CURLINFO info) {
  char* value = nullptr;
  curl_easy_getinfo(curl, info, &value);
  return value == nullptr ? "" : value;
}

long InfoLong(CURL* curl, CURLINFO info) {
  long value = 0;
  curl_easy_getinfo(curl, info, &value);
  return value;
}

// Every connection, the first and each redirect's, opens here: the rules
// judge the address (already resolved) and port before the socket exists.
curl_socket_t OpenCheckedSocket(void* user, curlsocktype purpose,
                                curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(user);
  absl::Status allowed = purpose == CURLSOCKTYPE_IPCXN
                             ? transfer->policy->CheckSocketAddress(
                                   &address->addr, address->addrlen)
                             : absl::PermissionDeniedError(
                                   "refused a socket curl asked for "
                                   "other than a connection");
  if (!allowed.ok()) {
    transfer->refusals.emplace_back(allowed.message());
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype | SOCK_CLOEXEC,
                address->protocol);
}

// Receives the body after decompression. Stops a transfer whose answer will
// be refused anyway, and one that grows past the limit (a decompression
// bomb stops here, one buffer past the limit at most).
size_t ReceiveBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t length = size * count;
  if (!transfer->response_checked) {
    transfer->response_checked = true;
    if (!IsSuccess(InfoLong(transfer->curl, CURLINFO_RESPONSE_CODE))) {
      transfer->stop = Transfer::Stop::kHttpStatus;
      return CURL_WRITEFUNC_ERROR;
    }
    if (!IsDocumentType(InfoString(transfer->curl, CURLINFO_CONTENT_TYPE))) {
      transfer->stop = Transfer::Stop::kNotADocument;
      return CURL_WRITEFUNC_ERROR;
    }
  }
  if (length > transfer->max_bytes - transfer->body.size()) {
    transfer->stop = Transfer::Stop::kTooLarge;
    return CURL_WRITEFUNC_ERROR;
  }
  transfer->body.append(data, length);
  return length;
}

// Bounds the bytes on the wire, before decompression.
int WatchProgress(void* user, curl_off_t /*download_total*/,
                  curl_off_t downloaded, curl_off_t /*upload_total*/,
                  curl_off_t /*uploaded*/) {
  auto* transfer = static_cast<Transfer*>(user);
  if (downloaded > static_cast<curl_off_t>(transfer->max_bytes)) {
    transfer->stop = Transfer::Stop::kTooLarge;
    return 1;
  }
  return 0;
}

}  // namespace

std::string DefaultUserAgent() {
  return absl::StrCat("lede/", LEDE_VERSION,
                      " (+https://github.com/lede-project/lede)");
}

absl::StatusOr<std::unique_ptr<Fetcher>> Fetcher::Create(
    const FetchOptions& options) {
  absl::StatusOr<AddressPolicy> policy =
      AddressPolicy::Create(options.allow_cidrs, options.allow_ports);
  if (!policy.ok()) return policy.status();
  if (options.parallelism < 1) {
    return absl::InvalidArgumentError("--fetch_parallelism must be at least 1");
  }
  if (options.max_redirects < 0) {
    return absl::InvalidArgumentError(
        "--fetch_max_redirects must not be negative");
  }
  absl::call_once(curl_initialized,
                  [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return std::unique_ptr<Fetcher>(new Fetcher(options, *std::move(policy)));
}

Fetcher::Fetcher(const FetchOptions& options, AddressPolicy policy)
    : options_(options),
      policy_(std::move(policy)),
      accept_header_(
          curl_slist_append(nullptr, std::string(kAcceptHeader).c_str())) {}

Fetcher::~Fetcher() {
  absl::MutexLock lock(&mutex_);
  for (CURL* handle : idle_handles_) curl_easy_cleanup(handle);
  curl_slist_free_all(accept_header_);
}

int Fetcher::InFlight() const {
  absl::MutexLock lock(&mutex_);
  return in_flight_;
}

bool Fetcher::HasFreeSlot() const { return in_flight_ < options_.parallelism; }

CURL* Fetcher::TakeHandle() {
  if (idle_handles_.empty()) return curl_easy_init();
  CURL* handle = idle_handles_.back();
  idle_handles_.pop_back();
  return handle;
}

void Fetcher::ReturnHandle(CURL* handle) { idle_handles_.push_back(handle); }

absl::Status Fetcher::CheckUrl(absl::string_view url) const {
  CURLU* parsed = curl_url();
  const std::string text(url);
  CURLUcode code = curl_url_set(parsed, CURLUPART_URL, text.c_str(),
                                CURLU_NON_SUPPORT_SCHEME);
  char* scheme = nullptr;
  char* port = nullptr;
  absl::Status status;
  if (code != CURLUE_OK) {
    status = absl::InvalidArgumentError(absl::StrCat(
        "url '", url, "' cannot be fetched: ", curl_url_strerror(code),
        " (an absolute http:// or https:// URL is needed)"));
  } else if (curl_url_get(parsed, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
             (!absl::EqualsIgnoreCase(scheme, "http") &&
              !absl::EqualsIgnoreCase(scheme, "https"))) {
    status = absl::InvalidArgumentError(
        absl::StrCat("url '", url,
                     "' cannot be fetched: lede fetches only "
                     "http and https URLs"));
  } else if (curl_url_get(parsed, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) ==
             CURLUE_OK) {
    status = policy_.CheckPort(atoi(port));
  }
  curl_free(scheme);
  curl_free(port);
  curl_url_cleanup(parsed);
  return status;
}

absl::StatusOr<FetchedPage> Fetcher::Fetch(absl::string_view url,
                                           absl::Time deadline) {
  if (absl::Status valid = CheckUrl(url); !valid.ok()) return valid;
  const absl::Time timeout_at = absl::Now() + options_.timeout;
  const bool deadline_is_timeout = timeout_at <= deadline;
  deadline = std::min(deadline, timeout_at);
  CURL* handle = nullptr;
  if (!mutex_.LockWhenWithDeadline(absl::Condition(this, &Fetcher::HasFreeSlot),
                                   deadline)) {
    mutex_.Unlock();
    return absl::DeadlineExceededError(absl::StrCat(
        "no fetch slot came free before the deadline (", options_.parallelism,
        " fetches in flight, --fetch_parallelism)"));
  }
  ++in_flight_;
  handle = TakeHandle();
  mutex_.Unlock();

  absl::StatusOr<FetchedPage> page =
      Perform(handle, url, deadline, deadline_is_timeout);

  absl::MutexLock lock(&mutex_);
  --in_flight_;
  ReturnHandle(handle);
  return page;
}

absl::StatusOr<FetchedPage> Fetcher::Perform(CURL* curl, absl::string_view url,
                                             absl::Time deadline,
                                             bool deadline_is_timeout) {
  const std::string url_text(url);
  const absl::Duration left = deadline - absl::Now();
  if (left <= absl::ZeroDuration()) {
    return absl::DeadlineExceededError(
        absl::StrCat("the deadline passed before ", url, " was fetched"));
  }
  Transfer transfer{curl, &policy_, options_.max_bytes};
  char curl_error[CURL_ERROR_SIZE] = "";
  const long timeout_ms = std::max<long>(
      1, absl::ToInt64Milliseconds(absl::Ceil(left, absl::Milliseconds(1))));

  // Reset keeps the handle's live connections and DNS cache, drops every
  // option: each transfer sets all of its own.
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, url_text.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS,
                   static_cast<long>(options_.max_redirects));
  // An empty proxy turns proxies off whatever http_proxy, https_proxy or
  // ALL_PROXY say: a proxy would connect on lede's behalf, out of reach of
  // the address rules.
  curl_easy_setopt(curl, CURLOPT_PROXY, "");
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, &OpenCheckedSocket);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &ReceiveBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &WatchProgress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options_.max_bytes));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, accept_header_);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);

  const absl::Time start = absl::Now();
  const CURLcode code = curl_easy_perform(curl);
  FetchedPage page;
  page.elapsed = absl::Now() - start;
  page.http_status = static_cast<int>(InfoLong(curl, CURLINFO_RESPONSE_CODE));
  page.final_url = InfoString(curl, CURLINFO_EFFECTIVE_URL);
  page.content_type = InfoString(curl, CURLINFO_CONTENT_TYPE);
  page.redirects = static_cast<int>(InfoLong(curl, CURLINFO_REDIRECT_COUNT));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);

  // Where the transfer was when it ended, when redirects took it elsewhere.
  const std::string where =
      page.redirects == 0
          ? std::string()
          : absl::StrCat(" (fetching ", page.final_url, " after ",
                         page.redirects, " redirect",
                         page.redirects == 1 ? "" : "s", " from ", url, ")");
  if (code != CURLE_OK && !transfer.refusals.empty()) {
    return absl::PermissionDeniedError(
        absl::StrCat(absl::StrJoin(transfer.refusals, "; "), where));
  }
  if (transfer.stop == Transfer::Stop::kTooLarge ||
      code == CURLE_FILESIZE_EXCEEDED) {
    return engine::LimitExceededError(
        engine::Limit::kMaxInputBytes,
        absl::StrCat(url, where, " is over the limit of ", options_.max_bytes,
                     " bytes (--max_input_bytes), compressed or "
                     "decompressed"));
  }
  if (code == CURLE_OK || transfer.stop != Transfer::Stop::kNone) {
    if (!IsSuccess(page.http_status)) {
      const std::string message =
          absl::StrCat(page.final_url, " answered HTTP ", page.http_status,
                       page.redirects == 0 ? "" : where);
      return std::find(std::begin(kGoneStatuses), std::end(kGoneStatuses),
                       page.http_status) != std::end(kGoneStatuses)
                 ? absl::NotFoundError(message)
                 : absl::FailedPreconditionError(message);
    }
    if (!IsDocumentType(page.content_type)) {
      return absl::InvalidArgumentError(
          absl::StrCat(page.final_url, " is ", page.content_type,
                       ", not a document lede reads (HTML, XML or text)"));
    }
  }
  if (code == CURLE_OK) {
    if (transfer.body.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(page.final_url, " answered HTTP ", page.http_status,
                       " with an empty body"));
    }
    page.body = std::move(transfer.body);
    return page;
  }

  const std::string detail = absl::StrCat(
      curl_error[0] != '\0' ? curl_error : curl_easy_strerror(code), where);
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return absl::DeadlineExceededError(
          deadline_is_timeout
              ? absl::StrCat("fetching ", url, " took longer than ",
                             absl::FormatDuration(options_.timeout),
                             " (--fetch_timeout): ", detail)
              : absl::StrCat("the deadline passed while fetching ", url, ": ",
                             detail));
    case CURLE_TOO_MANY_REDIRECTS:
      return absl::FailedPreconditionError(
          absl::StrCat(url, " redirects more than ", options_.max_redirects,
                       " times (--fetch_max_redirects)", where));
    case CURLE_UNSUPPORTED_PROTOCOL:
      return absl::PermissionDeniedError(absl::StrCat(
          url, " redirects to a scheme other than http and https: ", detail));
    case CURLE_BAD_CONTENT_ENCODING:
      return absl::FailedPreconditionError(
          absl::StrCat("the body of ", url, " cannot be decoded: ", detail));
    case CURLE_URL_MALFORMAT:
      return absl::InvalidArgumentError(
          absl::StrCat("cannot fetch ", url, ": ", detail));
    case CURLE_COULDNT_RESOLVE_HOST:
      return absl::UnavailableError(
          absl::StrCat("cannot resolve the host of ", url, ": ", detail));
    default:
      return absl::UnavailableError(
          absl::StrCat("cannot fetch ", url, ": ", detail));
  }
}

}  // namespace lede::fetch
