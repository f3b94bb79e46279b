#include "server/fetch/request_fetch.h"

#include <utility>

namespace lede::fetch {

bool WantsFetch(const v1::ParseRequest& request) {
  return request.content().empty() && !request.url().empty();
}

absl::StatusOr<FetchedRequest> FetchRequest(Fetcher* fetcher,
                                            const v1::ParseRequest& request,
                                            absl::Time deadline) {
  if (fetcher == nullptr) {
    return absl::PermissionDeniedError(
        "fetching URLs is turned off (--enable_fetch=false): send the "
        "document's bytes in content");
  }
  absl::StatusOr<FetchedPage> page = fetcher->Fetch(request.url(), deadline);
  if (!page.ok()) return page.status();
  FetchedRequest fetched;
  fetched.info.set_final_url(page->final_url);
  fetched.info.set_http_status(page->http_status);
  fetched.info.set_content_type(page->content_type);
  fetched.info.set_bytes(static_cast<int64_t>(page->body.size()));
  fetched.info.set_milliseconds(absl::ToInt64Milliseconds(page->elapsed));
  fetched.info.set_redirects(page->redirects);
  fetched.request = request;
  fetched.request.set_content(std::move(page->body));
  fetched.request.set_url(page->final_url);
  if (request.content_type().empty()) {
    fetched.request.set_content_type(page->content_type);
  }
  return fetched;
}

absl::StatusOr<v1::ParseResponse> ParseFetched(const engine::Engine& engine,
                                               const FetchedRequest& fetched,
                                               absl::Time deadline,
                                               engine::StageTimes* times) {
  absl::StatusOr<v1::ParseResponse> response =
      engine.Parse(fetched.request, deadline, times);
  if (response.ok()) *response->mutable_fetch() = fetched.info;
  return response;
}

absl::StatusOr<v1::ParseResponse> FetchAndParse(const engine::Engine& engine,
                                                Fetcher* fetcher,
                                                const v1::ParseRequest& request,
                                                absl::Time deadline) {
  if (!WantsFetch(request)) return engine.Parse(request, deadline);
  absl::StatusOr<FetchedRequest> fetched =
      FetchRequest(fetcher, request, deadline);
  if (!fetched.ok()) return fetched.status();
  return ParseFetched(engine, *fetched, deadline);
}

}  // namespace lede::fetch
