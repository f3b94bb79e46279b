// Fetching through the real lede-server and lede CLI, from the fixture
// server on 127.0.0.2. Every URL is on 127.0.0.0/8; the refused ones are
// never connected to.
#include <google/protobuf/util/message_differencer.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/cpp/client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/fetch/fetcher.h"
#include "tests/fetch/fixture_server.h"
#include "tests/integration/server_process.h"

namespace lede {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::lede::testing::FixtureServer;
using ::lede::testing::RunCommand;
using ::lede::testing::ServerProcess;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kSeed[] = "002_0c0f1ca0c1dec935.txt";

std::string ReadSeed() {
  std::ifstream file(absl::StrCat(LEDE_SEEDS_DIR, "/", kSeed),
                     std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

v1::ParseRequest UrlRequest(const std::string& url) {
  v1::ParseRequest request;
  request.set_url(url);
  request.set_id(url);
  return request;
}

// The fetch flags that open the fixture server, and only it.
std::vector<std::string> AllowFixtures(int port) {
  return {"--fetch_allow_cidrs=127.0.0.2/32",
          absl::StrCat("--fetch_allow_ports=", port)};
}

class FetchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixtures_ = new FixtureServer();
    std::vector<std::string> flags = AllowFixtures(fixtures_->port());
    flags.push_back("--threads=2");
    server_ = new ServerProcess(LEDE_SERVER_BIN, flags);
    ASSERT_TRUE(server_->WaitUntilServing(absl::Seconds(20)).ok());
    client_ = Client::Create(server_->address()).release();
  }
  static void TearDownTestSuite() {
    delete client_;
    delete server_;
    delete fixtures_;
  }
  void SetUp() override { ASSERT_GT(fixtures_->port(), 0); }

  static std::string Url(absl::string_view path) {
    return fixtures_->Url(path);
  }
  static absl::StatusOr<v1::ParseResponse> ParseUrl(absl::string_view path) {
    return client_->Parse(UrlRequest(Url(path)));
  }
  // The bytes the fixture server serves at `path`, fetched here.
  static std::string Get(absl::string_view path) {
    fetch::FetchOptions options;
    options.allow_cidrs = {"127.0.0.2/32"};
    options.allow_ports = {fixtures_->port()};
    absl::StatusOr<fetch::FetchedPage> page =
        (*fetch::Fetcher::Create(options))
            ->Fetch(Url(path), absl::Now() + absl::Seconds(20));
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? page->body : "";
  }

  static FixtureServer* fixtures_;
  static ServerProcess* server_;
  static Client* client_;
};
FixtureServer* FetchTest::fixtures_ = nullptr;
ServerProcess* FetchTest::server_ = nullptr;
Client* FetchTest::client_ = nullptr;

TEST_F(FetchTest, AFetchedPageIsTheSameArticleAsItsBytes) {
  absl::StatusOr<v1::ParseResponse> fetched = ParseUrl("/seed.html");
  ASSERT_TRUE(fetched.ok()) << fetched.status();
  v1::ParseRequest sent;
  sent.set_content(ReadSeed());
  sent.set_url(Url("/seed.html"));
  absl::StatusOr<v1::ParseResponse> parsed = client_->Parse(sent);
  ASSERT_TRUE(parsed.ok()) << parsed.status();

  EXPECT_TRUE(MessageDifferencer::Equals(fetched->article(), parsed->article()))
      << fetched->article().DebugString() << "\nvs\n"
      << parsed->article().DebugString();
  EXPECT_EQ(fetched->article().title(),
            "英媒：比利时情报部门监控阿里巴巴在欧洲物流平台");
  EXPECT_EQ(fetched->charset(), parsed->charset());
  EXPECT_EQ(fetched->framing(), parsed->framing());
  EXPECT_FALSE(parsed->has_fetch());
  const v1::FetchInfo& fetch = fetched->fetch();
  EXPECT_EQ(fetch.final_url(), Url("/seed.html"));
  EXPECT_EQ(fetch.http_status(), 200);
  EXPECT_EQ(fetch.content_type(), "text/html; charset=utf-8");
  EXPECT_EQ(fetch.bytes(), static_cast<int64_t>(ReadSeed().size()));
  EXPECT_EQ(fetch.redirects(), 0);
  EXPECT_GE(fetch.milliseconds(), 0);
}

TEST_F(FetchTest, TheFinalUrlIsTheArticlesUrlAndTheBaseForLinks) {
  absl::StatusOr<v1::ParseResponse> response =
      ParseUrl("/redirect/2/br/articles/story.html");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->fetch().redirects(), 3);
  EXPECT_EQ(response->fetch().final_url(), Url("/br/articles/story.html"));
  EXPECT_EQ(response->article().url(), Url("/br/articles/story.html"));
  EXPECT_EQ(response->article().title(), "Bridge reopens after repairs");
  ASSERT_EQ(response->article().images_size(), 1);
  EXPECT_EQ(response->article().images(0).url(),
            Url("/br/articles/pics/bridge.jpg"));
}

TEST_F(FetchTest, TheCharsetOfTheContentTypeReachesTheDecoder) {
  absl::StatusOr<v1::ParseResponse> response = ParseUrl("/charset/ibm866");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->charset(), "IBM866");
  EXPECT_EQ(response->article().title(), "Мост открыт после ремонта");
  EXPECT_EQ(response->fetch().content_type(), "text/html; charset=ibm866");
  // Detection alone cannot read these bytes: the header is what counted.
  v1::ParseRequest bytes_only;
  bytes_only.set_content(Get("/charset/ibm866"));
  absl::StatusOr<v1::ParseResponse> detected = client_->Parse(bytes_only);
  ASSERT_TRUE(detected.ok()) << detected.status();
  EXPECT_NE(detected->article().title(), "Мост открыт после ремонта");
}

TEST_F(FetchTest, ErrorsNameWhatHappened) {
  const std::string port = absl::StrCat(fixtures_->port());
  struct Case {
    std::string url;
    absl::StatusCode code;
    const char* says;
  };
  const Case cases[] = {
      {absl::StrCat("http://127.0.0.1:", port, "/seed.html"),
       absl::StatusCode::kPermissionDenied, "--fetch_allow_cidrs=127.0.0.1/32"},
      {absl::StrCat("http://localhost:", port, "/seed.html"),
       absl::StatusCode::kPermissionDenied, "loopback"},
      {Url(absl::StrCat("/redirect-to?url=http://127.0.0.1:", port, "/")),
       absl::StatusCode::kPermissionDenied, "refused to connect to 127.0.0.1"},
      {absl::StrCat("http://169.254.169.254:", port, "/latest/meta-data/"),
       absl::StatusCode::kPermissionDenied, "169.254.0.0/16, link-local"},
      {absl::StrCat("http://[::ffff:10.0.0.1]:", port, "/"),
       absl::StatusCode::kPermissionDenied, "IPv4-mapped form of 10.0.0.1"},
      {Url("/status/404"), absl::StatusCode::kNotFound, "HTTP 404"},
      {Url("/status/410"), absl::StatusCode::kNotFound, "HTTP 410"},
      {Url("/status/503"), absl::StatusCode::kFailedPrecondition, "HTTP 503"},
      {Url("/pdf"), absl::StatusCode::kInvalidArgument, "application/pdf"},
      {Url("/bomb/gzip"), absl::StatusCode::kResourceExhausted,
       "--max_input_bytes"},
      {Url("/redirect/9/seed.html"), absl::StatusCode::kFailedPrecondition,
       "--fetch_max_redirects"},
      {"ftp://127.0.0.2/seed.html", absl::StatusCode::kInvalidArgument,
       "http and https"},
  };
  for (const Case& test : cases) {
    absl::StatusOr<v1::ParseResponse> response =
        client_->Parse(UrlRequest(test.url));
    EXPECT_EQ(response.status().code(), test.code)
        << test.url << ": " << response.status();
    EXPECT_THAT(response.status().message(), HasSubstr(test.says)) << test.url;
  }
  // And the server goes on serving.
  EXPECT_TRUE(ParseUrl("/seed.html").ok());
}

TEST_F(FetchTest, ARefusedConnectionIsUnavailable) {
  // A port the rules allow where nothing listens.
  const int closed = testing::FreePort();
  ServerProcess server(LEDE_SERVER_BIN,
                       {"--fetch_allow_cidrs=127.0.0.2/32",
                        absl::StrCat("--fetch_allow_ports=", closed)});
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());
  ClientOptions once;
  once.max_attempts = 1;
  absl::StatusOr<v1::ParseResponse> response =
      Client::Create(server.address(), once)
          ->Parse(UrlRequest(absl::StrCat("http://127.0.0.2:", closed, "/")));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
}

TEST_F(FetchTest, ASlowPageMeetsTheCallersDeadline) {
  ClientOptions hurried;
  hurried.timeout = absl::Milliseconds(500);
  hurried.max_attempts = 1;
  const absl::Time start = absl::Now();
  absl::StatusOr<v1::ParseResponse> response =
      Client::Create(server_->address(), hurried)
          ->Parse(UrlRequest(Url("/slow")));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
  EXPECT_TRUE(ParseUrl("/seed.html").ok());
}

TEST_F(FetchTest, APageOverTheInputLimitIsResourceExhausted) {
  std::vector<std::string> flags = AllowFixtures(fixtures_->port());
  flags.push_back("--max_input_bytes=20000");
  ServerProcess server(LEDE_SERVER_BIN, flags);
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());
  std::unique_ptr<Client> client = Client::Create(server.address());
  for (const char* path : {"/big/30000", "/big-unsized/30000", "/bomb/br"}) {
    absl::StatusOr<v1::ParseResponse> response =
        client->Parse(UrlRequest(Url(path)));
    EXPECT_EQ(response.status().code(), absl::StatusCode::kResourceExhausted)
        << path;
  }
  EXPECT_TRUE(client->Parse(UrlRequest(Url("/big/15000"))).ok());
}

TEST_F(FetchTest, TheDefaultServerRefusesTheFixtureAddress) {
  ServerProcess strict(LEDE_SERVER_BIN, {});
  ASSERT_TRUE(strict.WaitUntilServing(absl::Seconds(20)).ok());
  absl::StatusOr<v1::ParseResponse> response =
      Client::Create(strict.address())->Parse(UrlRequest(Url("/seed.html")));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kPermissionDenied);
  // With its port allowed, the address is still refused.
  ServerProcess port_only(LEDE_SERVER_BIN, {absl::StrCat("--fetch_allow_ports=",
                                                         fixtures_->port())});
  ASSERT_TRUE(port_only.WaitUntilServing(absl::Seconds(20)).ok());
  response =
      Client::Create(port_only.address())->Parse(UrlRequest(Url("/seed.html")));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(response.status().message(),
              HasSubstr("--fetch_allow_cidrs=127.0.0.2/32"));
}

TEST_F(FetchTest, FetchingCanBeTurnedOff) {
  std::vector<std::string> flags = AllowFixtures(fixtures_->port());
  flags.push_back("--enable_fetch=false");
  ServerProcess server(LEDE_SERVER_BIN, flags);
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());
  absl::StatusOr<v1::ParseResponse> response =
      Client::Create(server.address())->Parse(UrlRequest(Url("/seed.html")));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(response.status().message(), HasSubstr("--enable_fetch"));
}

TEST_F(FetchTest, ProxyVariablesDoNotRouteTheServersFetches) {
  const std::string proxy = Url("");
  ServerProcess server(
      LEDE_SERVER_BIN, AllowFixtures(fixtures_->port()),
      {"http_proxy=" + proxy, "HTTP_PROXY=" + proxy, "https_proxy=" + proxy,
       "ALL_PROXY=" + proxy, "all_proxy=" + proxy});
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());
  std::unique_ptr<Client> client = Client::Create(server.address());
  absl::StatusOr<v1::ParseResponse> refused = client->Parse(UrlRequest(
      absl::StrCat("http://127.0.0.1:", fixtures_->port(), "/seed.html")));
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kPermissionDenied);
  absl::StatusOr<v1::ParseResponse> allowed =
      client->Parse(UrlRequest(Url("/seed.html")));
  ASSERT_TRUE(allowed.ok()) << allowed.status();
  EXPECT_THAT(allowed->article().title(), Not(HasSubstr("proxied")));
}

TEST_F(FetchTest, BadFetchFlagsStopTheServerAtStart) {
  for (const char* flag : {"--fetch_allow_cidrs=10.0.0.0/99",
                           "--fetch_allow_ports=http", "--fetch_timeout=0s"}) {
    ServerProcess server(LEDE_SERVER_BIN, {flag});
    EXPECT_EQ(server.WaitForExit(absl::Seconds(20)), 2) << flag;
  }
}

TEST_F(FetchTest, ParseStreamFetchesAndParsesTogether) {
  std::vector<v1::ParseRequest> requests;
  for (int i = 0; i < 40; ++i) {
    v1::ParseRequest request;
    switch (i % 5) {
      case 0:
        request = UrlRequest(Url("/seed.html"));
        break;
      case 1:
        request = UrlRequest(Url("/gzip/articles/story.html"));
        break;
      case 2:
        request.set_content(ReadSeed());
        break;
      case 3:
        request = UrlRequest(Url("/status/404"));
        break;
      case 4:
        request = UrlRequest(
            absl::StrCat("http://127.0.0.1:", fixtures_->port(), "/"));
        break;
    }
    request.set_id(absl::StrCat(i));
    requests.push_back(request);
  }
  absl::StatusOr<std::vector<v1::ParseResponse>> responses =
      client_->ParseMany(requests);
  ASSERT_TRUE(responses.ok()) << responses.status();
  std::map<int, v1::ParseResponse> by_number;
  for (v1::ParseResponse& response : *responses) {
    int number = -1;
    EXPECT_TRUE(absl::SimpleAtoi(response.id(), &number)) << response.id();
    by_number[number] = std::move(response);
  }
  ASSERT_EQ(by_number.size(), requests.size());  // every id, once
  for (const auto& [i, response] : by_number) {
    switch (i % 5) {
      case 0:
      case 1:
        EXPECT_FALSE(response.has_error()) << response.error().message();
        EXPECT_EQ(response.fetch().http_status(), 200);
        EXPECT_FALSE(response.article().title().empty());
        break;
      case 2:
        EXPECT_FALSE(response.has_fetch());
        EXPECT_FALSE(response.article().title().empty());
        break;
      case 3:
        EXPECT_EQ(response.error().code(), grpc::StatusCode::NOT_FOUND);
        break;
      case 4:
        EXPECT_EQ(response.error().code(), grpc::StatusCode::PERMISSION_DENIED);
        break;
    }
  }
}

// Streams a request for each of `urls` to the server at `address` and
// expects an answer without error for every one.
void ExpectAStreamAnswersEach(const std::string& address,
                              const std::vector<std::string>& urls) {
  std::vector<v1::ParseRequest> requests;
  for (size_t i = 0; i < urls.size(); ++i) {
    requests.push_back(UrlRequest(urls[i]));
    requests.back().set_id(absl::StrCat(i));
  }
  absl::StatusOr<std::vector<v1::ParseResponse>> responses =
      Client::Create(address)->ParseMany(requests);
  ASSERT_TRUE(responses.ok()) << responses.status();
  ASSERT_EQ(responses->size(), requests.size());
  for (const v1::ParseResponse& response : *responses) {
    EXPECT_FALSE(response.has_error()) << response.error().message();
  }
}

TEST_F(FetchTest, StreamFetchesOverlapBeyondParsingAndStayBounded) {
  // One document parsed at a time, yet fetches run side by side, up to
  // --fetch_parallelism.
  std::vector<std::string> flags = AllowFixtures(fixtures_->port());
  flags.insert(flags.end(),
               {"--stream_parallelism=1", "--fetch_parallelism=3"});
  ServerProcess server(LEDE_SERVER_BIN, flags);
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());
  ExpectAStreamAnswersEach(
      server.address(), std::vector<std::string>(9, Url("/delay/300/stream")));
  // The fixture server counts the /delay requests it served at once.
  EXPECT_EQ(Get("/concurrency/stream"), "3");
}

TEST_F(FetchTest, AStreamOfUrlsStaysWithinASmallQueue) {
  // Sixteen fetches may finish at once; their parses still go to the queue
  // no more than --stream_parallelism at a time, so none is refused.
  std::vector<std::string> flags = AllowFixtures(fixtures_->port());
  flags.insert(flags.end(),
               {"--threads=1", "--max_queue=2", "--stream_parallelism=2"});
  ServerProcess server(LEDE_SERVER_BIN, flags);
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());
  std::vector<std::string> urls;
  for (int i = 0; i < 20; ++i) {
    urls.push_back(Url("/seed.html"));
    urls.push_back(Url("/gzip/seeds/000_73177165b3486f68.txt"));
  }
  ExpectAStreamAnswersEach(server.address(), urls);
}

// JSON lines with the one figure that differs between two fetches removed:
// the field whole, since proto3's JSON leaves out a fetch of 0 ms (a
// loopback fetch often is), where another took 1 ms.
std::string WithoutMilliseconds(const std::string& json) {
  return std::regex_replace(json, std::regex(",\"milliseconds\":\"[0-9]+\""),
                            "");
}

TEST_F(FetchTest, CliFetchesInProcessAndThroughTheServerAlike) {
  const std::string allow =
      absl::StrCat(" --fetch_allow_cidrs=127.0.0.2/32 --fetch_allow_ports=",
                   fixtures_->port());
  const std::string url = Url("/redirect/1/articles/story.html");
  auto local = RunCommand(absl::StrCat(LEDE_CLI_BIN, " parse ", url, allow));
  auto remote = RunCommand(absl::StrCat(LEDE_CLI_BIN, " parse ", url,
                                        " --server ", server_->address()));
  ASSERT_EQ(local.exit_code, 0) << local.output;
  ASSERT_EQ(remote.exit_code, 0) << remote.output;
  EXPECT_EQ(WithoutMilliseconds(local.output),
            WithoutMilliseconds(remote.output));
  EXPECT_THAT(local.output, HasSubstr("\"finalUrl\":\"" +
                                      Url("/articles/story.html") + "\""));

  // In-process, under the same rules: no flags, no fixture server.
  auto refused = RunCommand(
      absl::StrCat(LEDE_CLI_BIN, " parse ", Url("/seed.html"), " 2>/dev/null"));
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.output, HasSubstr("\"code\":7"));
  auto loopback = RunCommand(
      absl::StrCat(LEDE_CLI_BIN, " parse http://127.0.0.1:", fixtures_->port(),
                   "/seed.html", allow, " 2>/dev/null"));
  EXPECT_EQ(loopback.exit_code, 1);
  EXPECT_THAT(loopback.output, HasSubstr("refused to connect to 127.0.0.1"));
}

}  // namespace
}  // namespace lede
