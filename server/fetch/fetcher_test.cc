// The fetcher against tests/fetch/fixture_server.py on 127.0.0.2. Every URL
// here is on 127.0.0.0/8 or ::1; refused ones are never connected to.
#include "server/fetch/fetcher.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/fetch/fixture_server.h"

namespace lede::fetch {
namespace {

using ::lede::testing::FixtureServer;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Seed() {
  std::ifstream file(absl::StrCat(LEDE_SEEDS_DIR, "/002_0c0f1ca0c1dec935.txt"),
                     std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

absl::Time Soon() { return absl::Now() + absl::Seconds(20); }

class FetcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fixtures_ = new FixtureServer(); }
  static void TearDownTestSuite() { delete fixtures_; }
  void SetUp() override { ASSERT_GT(fixtures_->port(), 0); }

  // A fetcher allowed to reach the fixture server and nothing else.
  static std::unique_ptr<Fetcher> Allowed(FetchOptions options = {}) {
    options.allow_cidrs = {"127.0.0.2/32"};
    options.allow_ports = {fixtures_->port()};
    absl::StatusOr<std::unique_ptr<Fetcher>> fetcher = Fetcher::Create(options);
    EXPECT_TRUE(fetcher.ok()) << fetcher.status();
    return *std::move(fetcher);
  }
  static std::string Url(absl::string_view path) {
    return fixtures_->Url(path);
  }
  // The same path on 127.0.0.1, which the fixture server does not even
  // listen on: refused before any connection.
  static std::string LoopbackUrl(absl::string_view path) {
    return absl::StrCat("http://127.0.0.1:", fixtures_->port(), path);
  }

  static FixtureServer* fixtures_;
};
FixtureServer* FetcherTest::fixtures_ = nullptr;

TEST_F(FetcherTest, FetchesAPageAsServed) {
  absl::StatusOr<FetchedPage> page =
      Allowed()->Fetch(Url("/seed.html"), Soon());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->body, Seed());
  EXPECT_EQ(page->http_status, 200);
  EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(page->final_url, Url("/seed.html"));
  EXPECT_EQ(page->redirects, 0);
  EXPECT_GT(page->elapsed, absl::ZeroDuration());
}

TEST_F(FetcherTest, FollowsRedirectsToTheFinalUrl) {
  absl::StatusOr<FetchedPage> page =
      Allowed()->Fetch(Url("/redirect/3/articles/story.html"), Soon());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->redirects, 4);
  EXPECT_EQ(page->final_url, Url("/articles/story.html"));
  EXPECT_THAT(page->body, HasSubstr("Bridge reopens after repairs"));
}

TEST_F(FetcherTest, FollowsAtMostMaxRedirects) {
  FetchOptions options;
  options.max_redirects = 5;
  std::unique_ptr<Fetcher> fetcher = Allowed(options);
  // /redirect/4/X is five redirects: four, then the one to /X.
  EXPECT_TRUE(fetcher->Fetch(Url("/redirect/4/seed.html"), Soon()).ok());
  absl::StatusOr<FetchedPage> page =
      fetcher->Fetch(Url("/redirect/5/seed.html"), Soon());
  EXPECT_EQ(page.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(page.status().message(), HasSubstr("--fetch_max_redirects"));
  EXPECT_EQ(fetcher->Fetch(Url("/loop"), Soon()).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(FetcherTest, DecodesGzipDeflateAndBrotli) {
  std::unique_ptr<Fetcher> fetcher = Allowed();
  for (const char* coding : {"gzip", "deflate", "br"}) {
    absl::StatusOr<FetchedPage> page =
        fetcher->Fetch(Url(absl::StrCat("/", coding, "/seed.html")), Soon());
    ASSERT_TRUE(page.ok()) << coding << ": " << page.status();
    EXPECT_EQ(page->body, Seed()) << coding;
  }
}

TEST_F(FetcherTest, NamesItselfAndTheCodingsItReads) {
  absl::StatusOr<FetchedPage> page = Allowed()->Fetch(Url("/headers"), Soon());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_THAT(page->body, HasSubstr(absl::StrCat("User-Agent: lede/")));
  EXPECT_THAT(page->body, HasSubstr("github.com/lede-project/lede"));
  EXPECT_THAT(page->body, HasSubstr("gzip"));
  EXPECT_THAT(page->body, HasSubstr("deflate"));
  EXPECT_THAT(page->body, HasSubstr("br"));
  EXPECT_THAT(page->body, HasSubstr("Accept: text/html"));
}

TEST_F(FetcherTest, KeepsTheContentTypeWithItsCharset) {
  absl::StatusOr<FetchedPage> page =
      Allowed()->Fetch(Url("/charset/gbk"), Soon());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->content_type, "text/html; charset=gbk");
}

TEST_F(FetcherTest, ASlowPageStopsAtTheCallersDeadline) {
  const absl::Time start = absl::Now();
  absl::StatusOr<FetchedPage> page =
      Allowed()->Fetch(Url("/slow"), absl::Now() + absl::Milliseconds(300));
  EXPECT_EQ(page.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(page.status().message(), HasSubstr("deadline"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

TEST_F(FetcherTest, ASlowPageStopsAtTheFetchTimeout) {
  FetchOptions options;
  options.timeout = absl::Milliseconds(300);
  absl::StatusOr<FetchedPage> page =
      Allowed(options)->Fetch(Url("/slow"), absl::InfiniteFuture());
  EXPECT_EQ(page.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(page.status().message(), HasSubstr("--fetch_timeout"));
}

TEST_F(FetcherTest, APageOverTheLimitIsResourceExhausted) {
  FetchOptions options;
  options.max_bytes = 100'000;
  std::unique_ptr<Fetcher> fetcher = Allowed(options);
  EXPECT_TRUE(fetcher->Fetch(Url("/big/100000"), Soon()).ok());
  // Refused on its Content-Length, and without one while it downloads.
  for (const char* path : {"/big/100001", "/big-unsized/300000"}) {
    absl::StatusOr<FetchedPage> page = fetcher->Fetch(Url(path), Soon());
    EXPECT_EQ(page.status().code(), absl::StatusCode::kResourceExhausted)
        << path;
    EXPECT_THAT(page.status().message(), HasSubstr("--max_input_bytes"));
  }
}

TEST_F(FetcherTest, ADecompressionBombStopsAtTheLimit) {
  FetchOptions options;
  options.max_bytes = 1 << 20;
  std::unique_ptr<Fetcher> fetcher = Allowed(options);
  // 128 MiB of page in 130 KB of gzip, or in 203 bytes of brotli: both far
  // under the limit on the wire.
  for (const char* coding : {"gzip", "br"}) {
    const absl::Time start = absl::Now();
    absl::StatusOr<FetchedPage> page =
        fetcher->Fetch(Url(absl::StrCat("/bomb/", coding)), Soon());
    EXPECT_EQ(page.status().code(), absl::StatusCode::kResourceExhausted)
        << coding;
    EXPECT_LT(absl::Now() - start, absl::Seconds(10)) << coding;
  }
}

TEST_F(FetcherTest, StatusesOutside2xxAreErrorsNamingTheStatus) {
  std::unique_ptr<Fetcher> fetcher = Allowed();
  for (int gone : {404, 410}) {
    absl::StatusOr<FetchedPage> page =
        fetcher->Fetch(Url(absl::StrCat("/status/", gone)), Soon());
    EXPECT_EQ(page.status().code(), absl::StatusCode::kNotFound);
    EXPECT_THAT(page.status().message(),
                HasSubstr(absl::StrCat("HTTP ", gone)));
  }
  for (int other : {403, 429, 500, 503}) {
    absl::StatusOr<FetchedPage> page =
        fetcher->Fetch(Url(absl::StrCat("/status/", other)), Soon());
    EXPECT_EQ(page.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(page.status().message(),
                HasSubstr(absl::StrCat("HTTP ", other)));
  }
  EXPECT_EQ(fetcher->Fetch(Url("/no/such/page"), Soon()).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(FetcherTest, WhatIsNotADocumentIsInvalidArgument) {
  std::unique_ptr<Fetcher> fetcher = Allowed();
  absl::StatusOr<FetchedPage> pdf = fetcher->Fetch(Url("/pdf"), Soon());
  EXPECT_EQ(pdf.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(pdf.status().message(), HasSubstr("application/pdf"));
  EXPECT_EQ(fetcher->Fetch(Url("/image.png"), Soon()).status().code(),
            absl::StatusCode::kInvalidArgument);
  absl::StatusOr<FetchedPage> empty = fetcher->Fetch(Url("/empty"), Soon());
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(empty.status().message(), HasSubstr("empty body"));
}

TEST_F(FetcherTest, ARedirectToLoopbackIsRefused) {
  absl::StatusOr<FetchedPage> page = Allowed()->Fetch(
      Url(absl::StrCat("/redirect-to?url=", LoopbackUrl("/seed.html"))),
      Soon());
  EXPECT_EQ(page.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(page.status().message(),
              HasSubstr("refused to connect to 127.0.0.1"));
  EXPECT_THAT(page.status().message(),
              HasSubstr("--fetch_allow_cidrs=127.0.0.1/32"));
  EXPECT_THAT(page.status().message(), HasSubstr("after 1 redirect"));
}

TEST_F(FetcherTest, ANameThatResolvesToLoopbackIsRefused) {
  // The name is never judged, the address it resolves to is.
  absl::StatusOr<FetchedPage> page = Allowed()->Fetch(
      absl::StrCat("http://localhost:", fixtures_->port(), "/seed.html"),
      Soon());
  EXPECT_EQ(page.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(page.status().message(), HasSubstr("loopback"));
}

TEST_F(FetcherTest, IPv6LoopbackAndIPv4InsideIPv6AreRefused) {
  std::unique_ptr<Fetcher> fetcher = Allowed();
  for (const char* host : {"[::1]", "[::ffff:127.0.0.1]", "[64:ff9b::7f00:1]",
                           "[::ffff:169.254.169.254]"}) {
    absl::StatusOr<FetchedPage> page = fetcher->Fetch(
        absl::StrCat("http://", host, ":", fixtures_->port(), "/seed.html"),
        Soon());
    EXPECT_EQ(page.status().code(), absl::StatusCode::kPermissionDenied)
        << host << ": " << page.status();
  }
}

TEST_F(FetcherTest, TheDefaultRulesRefuseTheFixtureServer) {
  absl::StatusOr<std::unique_ptr<Fetcher>> strict = Fetcher::Create({});
  ASSERT_TRUE(strict.ok());
  // Its port is not 80 or 443: refused before anything else.
  absl::StatusOr<FetchedPage> page =
      (*strict)->Fetch(Url("/seed.html"), Soon());
  EXPECT_EQ(page.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(page.status().message(), HasSubstr("--fetch_allow_ports="));
  // With the port allowed, the address is still refused.
  FetchOptions port_only;
  port_only.allow_ports = {fixtures_->port()};
  page = (*Fetcher::Create(port_only))->Fetch(Url("/seed.html"), Soon());
  EXPECT_EQ(page.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(page.status().message(),
              HasSubstr("--fetch_allow_cidrs=127.0.0.2/32"));
}

TEST_F(FetcherTest, ARedirectToAnotherSchemeOrPortIsRefused) {
  std::unique_ptr<Fetcher> fetcher = Allowed();
  for (const char* target :
       {"file:///etc/passwd", "ftp://127.0.0.2/", "gopher://127.0.0.2/"}) {
    absl::StatusOr<FetchedPage> page =
        fetcher->Fetch(Url(absl::StrCat("/redirect-to?url=", target)), Soon());
    EXPECT_EQ(page.status().code(), absl::StatusCode::kPermissionDenied)
        << target << ": " << page.status();
  }
  absl::StatusOr<FetchedPage> other_port = fetcher->Fetch(
      Url(absl::StrCat(
          "/redirect-to?url=http://127.0.0.2:", fixtures_->port() + 1, "/")),
      Soon());
  EXPECT_EQ(other_port.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(other_port.status().message(), HasSubstr("--fetch_allow_ports"));
}

TEST_F(FetcherTest, OnlyAbsoluteHttpUrlsAreFetched) {
  std::unique_ptr<Fetcher> fetcher = Allowed();
  for (const char* url :
       {"", "not a url", "127.0.0.2/seed.html", "file:///etc/passwd",
        "ftp://127.0.0.2/x", "javascript:alert(1)"}) {
    EXPECT_EQ(fetcher->Fetch(url, Soon()).status().code(),
              absl::StatusCode::kInvalidArgument)
        << url;
  }
}

TEST_F(FetcherTest, ProxyVariablesCannotRouteAroundTheRules) {
  // Were curl to take the proxy, it would connect to the allowed fixture
  // server and hand it the refused URL; the fixture answers "proxied".
  const std::string proxy = Url("");
  for (const char* name :
       {"http_proxy", "HTTP_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"}) {
    setenv(name, proxy.c_str(), 1);
  }
  std::unique_ptr<Fetcher> fetcher = Allowed();
  absl::StatusOr<FetchedPage> refused =
      fetcher->Fetch(LoopbackUrl("/seed.html"), Soon());
  absl::StatusOr<FetchedPage> allowed =
      fetcher->Fetch(Url("/seed.html"), Soon());
  for (const char* name :
       {"http_proxy", "HTTP_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"}) {
    unsetenv(name);
  }
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kPermissionDenied);
  ASSERT_TRUE(allowed.ok()) << allowed.status();
  EXPECT_THAT(allowed->body, Not(HasSubstr("proxied")));
  EXPECT_EQ(allowed->body, Seed());
}

TEST_F(FetcherTest, ParallelismBoundsTheFetchesInFlight) {
  FetchOptions options;
  options.parallelism = 1;
  options.timeout = absl::Seconds(2);
  std::unique_ptr<Fetcher> fetcher = Allowed(options);
  std::thread slow(
      [&] { (void)fetcher->Fetch(Url("/slow"), absl::InfiniteFuture()); });
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  while (fetcher->InFlight() == 0 && absl::Now() < give_up) {
    absl::SleepFor(absl::Milliseconds(5));
  }
  ASSERT_EQ(fetcher->InFlight(), 1);
  absl::StatusOr<FetchedPage> waiting =
      fetcher->Fetch(Url("/seed.html"), absl::Now() + absl::Milliseconds(200));
  EXPECT_EQ(waiting.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(waiting.status().message(), HasSubstr("--fetch_parallelism"));
  slow.join();
  EXPECT_EQ(fetcher->InFlight(), 0);
  EXPECT_TRUE(fetcher->Fetch(Url("/seed.html"), Soon()).ok());
}

TEST_F(FetcherTest, ManyFetchesAtOnceAllAnswer) {
  FetchOptions options;
  options.parallelism = 4;
  std::unique_ptr<Fetcher> fetcher = Allowed(options);
  std::vector<std::thread> threads;
  std::atomic<int> fetched{0};
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      absl::StatusOr<FetchedPage> page =
          fetcher->Fetch(Url("/gzip/seed.html"), Soon());
      if (page.ok() && page->body == Seed()) ++fetched;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(fetched.load(), 16);
}

}  // namespace
}  // namespace lede::fetch
