// The real lede-server and lede CLI, as processes, through the C++ client.
#include <signal.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "client/cpp/client.h"
#include "client/cpp/json.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/integration/server_process.h"

namespace lede {
namespace {

using ::lede::testing::LargePage;
using ::lede::testing::RunCommand;
using ::lede::testing::ServerProcess;
using ::testing::HasSubstr;

const char* const kSeeds[] = {"000_73177165b3486f68.txt",
                              "001_273696c2cfa1a6c5.txt",
                              "002_0c0f1ca0c1dec935.txt"};

std::string SeedPath(const char* name) {
  return absl::StrCat(LEDE_SEEDS_DIR, "/", name);
}

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

v1::ParseRequest SeedRequest(const char* name) {
  v1::ParseRequest request;
  request.set_id(name);
  request.set_content(ReadFile(SeedPath(name)));
  return request;
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(LEDE_SERVER_BIN, {"--threads=2"});
    ASSERT_TRUE(server_->WaitUntilServing(absl::Seconds(20)).ok());
    client_ = Client::Create(server_->address()).release();
  }
  static void TearDownTestSuite() {
    delete client_;
    delete server_;
  }
  static ServerProcess* server_;
  static Client* client_;
};
ServerProcess* ServerTest::server_ = nullptr;
Client* ServerTest::client_ = nullptr;

TEST_F(ServerTest, ParseReturnsTheSeedsArticle) {
  absl::StatusOr<v1::ParseResponse> response =
      client_->Parse(SeedRequest(kSeeds[2]));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->id(), kSeeds[2]);
  EXPECT_EQ(response->article().title(),
            "英媒：比利时情报部门监控阿里巴巴在欧洲物流平台");
  EXPECT_THAT(
      response->article().text(),
      HasSubstr("比利时国家安全局（VSSE）在情报评估后继续监控阿里巴巴的运营"));
}

TEST_F(ServerTest, ParseStreamAnswersEveryDocumentById) {
  std::vector<v1::ParseRequest> requests;
  for (int i = 0; i < 60; ++i) {
    v1::ParseRequest request = SeedRequest(kSeeds[i % 3]);
    request.set_id(absl::StrCat("doc-", i));
    if (i == 7) request.set_content("");  // fails alone, stream goes on
    requests.push_back(request);
  }
  absl::StatusOr<std::vector<v1::ParseResponse>> responses =
      client_->ParseMany(requests);
  ASSERT_TRUE(responses.ok()) << responses.status();
  ASSERT_EQ(responses->size(), requests.size());
  std::set<std::string> ids;
  for (const v1::ParseResponse& response : *responses) {
    ids.insert(response.id());
    if (response.id() == "doc-7") {
      EXPECT_EQ(response.error().code(), grpc::StatusCode::INVALID_ARGUMENT);
      EXPECT_THAT(response.error().message(), HasSubstr("empty"));
    } else {
      EXPECT_FALSE(response.has_error());
      EXPECT_FALSE(response.article().title().empty());
    }
  }
  EXPECT_EQ(ids.size(), requests.size());
}

// Parse and ParseStream at the same time from several threads: the work
// queue, the stream reactors and the engine shared by all (what `make
// test-sanitize` runs under ThreadSanitizer).
TEST_F(ServerTest, ConcurrentParseAndParseStreamAnswerEveryDocument) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 3;
  std::atomic<int> answered{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < kThreads; ++t) {
    callers.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        if (t % 2 == 0) {
          absl::StatusOr<v1::ParseResponse> response =
              client_->Parse(SeedRequest(kSeeds[(t + round) % 3]));
          ++(response.ok() && !response->article().title().empty() ? answered
                                                                   : failed);
          continue;
        }
        std::vector<v1::ParseRequest> requests;
        for (int i = 0; i < 6; ++i) {
          requests.push_back(SeedRequest(kSeeds[i % 3]));
          requests.back().set_id(absl::StrCat(t, "-", round, "-", i));
        }
        absl::StatusOr<std::vector<v1::ParseResponse>> responses =
            client_->ParseMany(requests);
        if (!responses.ok() || responses->size() != requests.size()) {
          ++failed;
          continue;
        }
        for (const v1::ParseResponse& response : *responses) {
          ++(!response.has_error() ? answered : failed);
        }
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(answered, kThreads / 2 * kRounds + kThreads / 2 * kRounds * 6);
}

TEST_F(ServerTest, DetectLanguage) {
  v1::DetectLanguageRequest request;
  request.set_text("比利时情报部门正在监控阿里巴巴的主要欧洲物流平台。");
  absl::StatusOr<v1::DetectLanguageResponse> response =
      client_->DetectLanguage(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->language(), "zh-Hans");
}

TEST_F(ServerTest, EmptyContentIsInvalidArgument) {
  v1::ParseRequest request;
  absl::StatusOr<v1::ParseResponse> response = client_->Parse(request);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("content is empty"));
}

// Markup on which gumbo fails one of its own assertions (bounded_parse.h)
// once aborted the whole server: it is that call's error, and the server
// goes on serving.
TEST_F(ServerTest, MarkupThatFailsGumbosCheckIsAnErrorNotACrash) {
  v1::ParseRequest request;
  request.set_content("<table><math><select><mi><template></template><tr>");
  absl::StatusOr<v1::ParseResponse> response = client_->Parse(request);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(),
              HasSubstr("the HTML parser (gumbo) cannot parse this markup"));
  EXPECT_TRUE(client_->Parse(SeedRequest(kSeeds[0])).ok());
}

TEST_F(ServerTest, CallerDeadlineIsHonoured) {
  ClientOptions options;
  options.timeout = absl::Milliseconds(5);
  std::unique_ptr<Client> hurried = Client::Create(server_->address(), options);
  v1::ParseRequest request;
  request.set_content(LargePage());
  absl::StatusOr<v1::ParseResponse> response = hurried->Parse(request);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded);
  // And the server goes on serving.
  EXPECT_TRUE(client_->Parse(SeedRequest(kSeeds[0])).ok());
}

TEST_F(ServerTest, CliJsonIsTheSameInProcessAndThroughTheServer) {
  for (const char* seed : kSeeds) {
    auto local = RunCommand(
        absl::StrCat(LEDE_CLI_BIN, " parse --format json ", SeedPath(seed)));
    auto remote = RunCommand(absl::StrCat(LEDE_CLI_BIN, " parse ",
                                          SeedPath(seed), " --format json",
                                          " --server ", server_->address()));
    ASSERT_EQ(local.exit_code, 0);
    ASSERT_EQ(remote.exit_code, 0);
    EXPECT_EQ(local.output, remote.output) << seed;
    EXPECT_THAT(local.output, HasSubstr("\"title\":"));
  }
}

TEST_F(ServerTest, CliParsesJsonLinesRequestsInOrder) {
  std::string path = ::testing::TempDir() + "/requests.jsonl";
  {
    std::ofstream requests(path);
    for (const char* seed : kSeeds)
      requests << ToJson(SeedRequest(seed)) << "\n";
    requests << "{\"id\": \"broken\", \"noSuchField\": 1}\n";
  }
  auto result =
      RunCommand(absl::StrCat(LEDE_CLI_BIN, " parse --requests=", path,
                              " --server ", server_->address()));
  EXPECT_EQ(result.exit_code, 1);  // one line was not a request
  std::vector<std::string> lines =
      absl::StrSplit(absl::StripSuffix(result.output, "\n"), '\n');
  ASSERT_EQ(lines.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_THAT(lines[i],
                HasSubstr(absl::StrCat("\"id\":\"", kSeeds[i], "\"")));
    EXPECT_THAT(lines[i], HasSubstr("\"title\":"));
  }
  EXPECT_THAT(lines[3], HasSubstr("\"code\":3"));
  EXPECT_THAT(lines[3], HasSubstr("noSuchField"));
}

TEST_F(ServerTest, CliHealthSaysServing) {
  auto health = RunCommand(
      absl::StrCat(LEDE_CLI_BIN, " health --server ", server_->address()));
  EXPECT_EQ(health.exit_code, 0);
  EXPECT_EQ(health.output, "SERVING\n");
}

TEST(ServerLimitsTest, OversizeInputIsResourceExhausted) {
  ServerProcess server(LEDE_SERVER_BIN, {"--max_input_bytes=1000"});
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());
  v1::ParseRequest request;
  request.set_content(std::string(5000, 'x'));
  absl::StatusOr<v1::ParseResponse> response =
      Client::Create(server.address())->Parse(request);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(response.status().message(), HasSubstr("--max_input_bytes"));
}

TEST(ServerFlagsTest, AMallocThresholdOutOfRangeStopsTheServerAtStart) {
  for (const char* flag :
       {"--malloc_mmap_threshold=-1", "--malloc_mmap_threshold=67108864"}) {
    ServerProcess server(LEDE_SERVER_BIN, {flag});
    EXPECT_EQ(server.WaitForExit(absl::Seconds(20)), 2) << flag;
  }
  // 0 keeps glibc's own threshold, and the server serves.
  ServerProcess server(LEDE_SERVER_BIN, {"--malloc_mmap_threshold=0"});
  EXPECT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());
}

TEST(ServerDrainTest, SigtermDuringCallsLosesNone) {
  // Bounds far above the six parses' few seconds: under TSan (make
  // test-tsan) each takes several seconds, and the client's default 30 s
  // deadline would end the last one queued, not the drain.
  ServerProcess server(LEDE_SERVER_BIN,
                       {"--threads=1", "--drain_timeout=300s"});
  ASSERT_TRUE(server.WaitUntilServing(absl::Seconds(20)).ok());
  ClientOptions options;
  options.timeout = absl::Seconds(300);
  std::unique_ptr<Client> client = Client::Create(server.address(), options);
  v1::ParseRequest request;
  request.set_content(LargePage());
  constexpr int kCalls = 6;
  std::atomic<int> succeeded{0};
  std::atomic<int> started{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < kCalls; ++i) {
    callers.emplace_back([&] {
      ++started;
      if (client->Parse(request).ok()) ++succeeded;
    });
  }
  // One worker thread parses the six pages one after another: when the
  // signal lands, most of them are still queued on the server.
  while (started < kCalls) absl::SleepFor(absl::Milliseconds(5));
  absl::SleepFor(absl::Milliseconds(300));
  server.Signal(SIGTERM);
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(succeeded, kCalls);
  EXPECT_EQ(server.WaitForExit(absl::Seconds(300)), 0);
}

}  // namespace
}  // namespace lede
