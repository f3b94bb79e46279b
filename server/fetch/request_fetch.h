// A ParseRequest that names a URL and sends no content, turned into one the
// engine parses: the page as fetched, the final URL, the served
// Content-Type. The engine never fetches: the service and the CLI call
// these, then hand the bytes to the engine.
#ifndef LEDE_SERVER_FETCH_REQUEST_FETCH_H_
#define LEDE_SERVER_FETCH_REQUEST_FETCH_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"
#include "server/engine/engine.h"
#include "server/engine/stage_times.h"
#include "server/fetch/fetcher.h"

namespace lede::fetch {

// True when `request` asks to be fetched: a url and no content.
bool WantsFetch(const v1::ParseRequest& request);

struct FetchedRequest {
  // `content` is the page, `url` the final URL (the base for links),
  // `content_type` the one served unless the caller set one.
  v1::ParseRequest request;
  // For ParseResponse.fetch.
  v1::FetchInfo info;
};

// Fetches `request.url` within `deadline`. `fetcher` null means fetching
// is off: PERMISSION_DENIED naming --enable_fetch. Other errors as
// Fetcher::Fetch.
absl::StatusOr<FetchedRequest> FetchRequest(Fetcher* fetcher,
                                            const v1::ParseRequest& request,
                                            absl::Time deadline);

// Parses what FetchRequest returned; the response carries `fetch`.
absl::StatusOr<v1::ParseResponse> ParseFetched(
    const engine::Engine& engine, const FetchedRequest& fetched,
    absl::Time deadline, engine::StageTimes* times = nullptr);

// Parses `request`, fetching its URL first when it wants that; fetch and
// parse share `deadline`. For callers that do both on one thread (the CLI).
absl::StatusOr<v1::ParseResponse> FetchAndParse(const engine::Engine& engine,
                                                Fetcher* fetcher,
                                                const v1::ParseRequest& request,
                                                absl::Time deadline);

}  // namespace lede::fetch

#endif  // LEDE_SERVER_FETCH_REQUEST_FETCH_H_
