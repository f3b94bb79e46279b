// lede: the command-line tool. Parses documents in-process with the engine,
// or through a server with --server; prints the same JSON either way.
//
//   lede parse FILE|URL... [--url U] [--content_type T]
//              [--format json|text|markdown] [--server HOST:PORT] [--pretty]
//   lede parse --requests REQUESTS.jsonl    (one ParseRequest JSON a line)
//   lede detect TEXT... [--server HOST:PORT]
//   lede health --server HOST:PORT
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "client/cpp/client.h"
#include "client/cpp/json.h"
#include "server/engine/engine.h"
#include "server/fetch/fetch_flags.h"
#include "server/fetch/request_fetch.h"

ABSL_FLAG(std::string, server, "",
          "HOST:PORT of a lede-server; empty parses in-process.");
ABSL_FLAG(std::string, url, "", "The URL the document came from.");
ABSL_FLAG(std::string, content_type, "",
          "The document's content type, e.g. 'text/html; charset=gbk'.");
ABSL_FLAG(std::string, format, "json", "Output: json, text or markdown.");
ABSL_FLAG(std::string, requests, "",
          "Parse ParseRequests read as JSON Lines from this file ('-' is "
          "standard input) instead of FILE arguments.");
ABSL_FLAG(bool, pretty, false, "Indent JSON output.");
ABSL_FLAG(bool, include_comments, false,
          "Fill the article's comments with the readers' comments "
          "(ParseOptions.include_comments).");
ABSL_FLAG(absl::Duration, timeout, absl::Seconds(30), "Deadline per call.");
ABSL_FLAG(bool, tls, false,
          "Speak TLS to --server (implied by the other --tls_ flags).");
ABSL_FLAG(std::string, tls_ca, "",
          "PEM CAs the server's certificate must chain to (default: the "
          "system's roots).");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM client certificate, for a server that requires one.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert.");
ABSL_FLAG(std::string, tls_server_name, "",
          "The name the server's certificate must carry, when it is not the "
          "host of --server.");

namespace {

constexpr char kUsage[] =
    "lede parse FILE|URL... [--url U] [--content_type T] "
    "[--format json|text|markdown] [--include_comments] [--server HOST:PORT] "
    "[--pretty]\n"
    "  lede parse --requests FILE.jsonl [--format ...] [--server HOST:PORT]\n"
    "  lede detect TEXT... [--server HOST:PORT]\n"
    "  lede health --server HOST:PORT\n"
    "FILE '-' reads standard input. An http:// or https:// URL is fetched: "
    "by the server with --server, else here under the same --fetch_* "
    "rules. With --server: --tls, --tls_ca CA.pem,\n"
    "--tls_cert CERT.pem --tls_key KEY.pem, --tls_server_name NAME.";

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::NotFoundError("cannot open " + path);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

// The client's options from the flags: its deadline and TLS. Exits with 2
// when a TLS file cannot be read.
lede::ClientOptions ClientOptionsFromFlags() {
  lede::ClientOptions options;
  options.timeout = absl::GetFlag(FLAGS_timeout);
  const std::string ca = absl::GetFlag(FLAGS_tls_ca);
  const std::string cert = absl::GetFlag(FLAGS_tls_cert);
  const std::string key = absl::GetFlag(FLAGS_tls_key);
  const std::string name = absl::GetFlag(FLAGS_tls_server_name);
  if (absl::GetFlag(FLAGS_tls) || !ca.empty() || !cert.empty() ||
      !key.empty() || !name.empty()) {
    absl::StatusOr<lede::ClientTls> tls =
        lede::ReadClientTls(ca, cert, key, name);
    if (!tls.ok()) {
      std::cerr << "lede: " << tls.status().message() << "\n";
      std::exit(2);
    }
    options.tls = *std::move(tls);
  }
  return options;
}

// Parses with the in-process engine or the server, whichever was asked for.
// In-process, a request with a url and no content is fetched here first,
// under the same rules and flags as the server's.
class Parser {
 public:
  Parser() {
    std::string server = absl::GetFlag(FLAGS_server);
    if (!server.empty()) {
      client_ = lede::Client::Create(server, ClientOptionsFromFlags());
      return;
    }
    absl::StatusOr<std::unique_ptr<lede::fetch::Fetcher>> fetcher =
        lede::fetch::FetcherFromFlags(engine_.limits().max_input_bytes);
    if (fetcher.ok()) {
      fetcher_ = *std::move(fetcher);
    } else {
      fetcher_status_ = fetcher.status();
    }
  }

  absl::StatusOr<lede::v1::ParseResponse> Parse(
      const lede::v1::ParseRequest& request) {
    if (client_) return client_->Parse(request);
    if (lede::fetch::WantsFetch(request) && !fetcher_status_.ok()) {
      return fetcher_status_;
    }
    return lede::fetch::FetchAndParse(
        engine_, fetcher_.get(), request,
        absl::Now() + absl::GetFlag(FLAGS_timeout));
  }

  absl::StatusOr<lede::v1::DetectLanguageResponse> Detect(
      const lede::v1::DetectLanguageRequest& request) {
    if (client_) return client_->DetectLanguage(request);
    return engine_.DetectLanguage(request);
  }

 private:
  lede::engine::Engine engine_;
  std::unique_ptr<lede::fetch::Fetcher> fetcher_;  // null: fetching is off
  absl::Status fetcher_status_;  // why there is no fetcher, if the flags
                                 // were bad
  std::unique_ptr<lede::Client> client_;
};

bool IsUrl(const std::string& argument) {
  return absl::StartsWithIgnoreCase(argument, "http://") ||
         absl::StartsWithIgnoreCase(argument, "https://");
}

// Prints one parse outcome in the chosen format; returns false on failure.
bool PrintParse(Parser& parser, const lede::v1::ParseRequest& request,
                const absl::Status& input_status, const std::string& format,
                bool first) {
  absl::StatusOr<lede::v1::ParseResponse> response =
      input_status.ok() ? parser.Parse(request)
                        : absl::StatusOr<lede::v1::ParseResponse>(input_status);
  if (!response.ok()) {
    std::cerr << "lede: " << request.id() << ": " << response.status().message()
              << "\n";
  }
  if (format == "json") {
    std::cout << lede::ParseResultJson(response, request.id(),
                                       absl::GetFlag(FLAGS_pretty));
    return response.ok();
  }
  if (!response.ok()) return false;
  if (!first) std::cout << "\n";
  const lede::v1::Article& article = response->article();
  std::cout << "# " << article.title() << "\n\n"
            << (format == "text" ? article.text() : article.markdown()) << "\n";
  return true;
}

// Asks for the rendering --format names when it is not JSON, and for the
// comments when --include_comments is set.
void AddOptions(const std::string& format, lede::v1::ParseRequest* request) {
  if (absl::GetFlag(FLAGS_include_comments)) {
    request->mutable_options()->set_include_comments(true);
  }
  if (format == "text") {
    request->mutable_options()->add_formats(lede::v1::FORMAT_TEXT);
  } else if (format == "markdown") {
    request->mutable_options()->add_formats(lede::v1::FORMAT_MARKDOWN);
  }
}

int RunParse(const std::vector<std::string>& files, const std::string& format) {
  Parser parser;
  int exit_code = 0;
  bool first = true;
  for (const std::string& path : files) {
    lede::v1::ParseRequest request;
    request.set_id(path);
    request.set_url(absl::GetFlag(FLAGS_url));
    request.set_content_type(absl::GetFlag(FLAGS_content_type));
    AddOptions(format, &request);
    absl::StatusOr<std::string> content = std::string();
    if (IsUrl(path)) {
      request.set_url(path);  // no content: fetch it
    } else {
      content = ReadInput(path);
    }
    if (content.ok()) request.set_content(*std::move(content));
    if (!PrintParse(parser, request, content.status(), format, first)) {
      exit_code = 1;
    }
    first = false;
  }
  return exit_code;
}

// Reads ParseRequests as JSON Lines (proto3 JSON, content in base64), so a
// batch of pages, each with its own URL, goes through one process.
int RunParseRequests(const std::string& path, const std::string& format) {
  std::ifstream file_stream;
  if (path != "-") {
    file_stream.open(path, std::ios::binary);
    if (!file_stream) {
      std::cerr << "lede: cannot open " << path << "\n";
      return 1;
    }
  }
  std::istream& lines = path == "-" ? std::cin : file_stream;
  Parser parser;
  int exit_code = 0;
  bool first = true;
  std::string line;
  for (int line_number = 1; std::getline(lines, line); ++line_number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    lede::v1::ParseRequest request;
    absl::Status read = lede::FromJson(line, &request);
    if (!read.ok()) {
      read = absl::InvalidArgumentError(absl::StrCat(
          path, ":", line_number, ": not a ParseRequest: ", read.message()));
      if (request.id().empty()) request.set_id(absl::StrCat(line_number));
    }
    AddOptions(format, &request);
    if (!PrintParse(parser, request, read, format, first)) exit_code = 1;
    first = false;
    std::cout.flush();
  }
  return exit_code;
}

int RunDetect(const std::vector<std::string>& words) {
  Parser parser;
  lede::v1::DetectLanguageRequest request;
  if (words.size() == 1 && words[0] == "-") {
    request.set_text(std::string(std::istreambuf_iterator<char>(std::cin), {}));
  } else {
    request.set_text(absl::StrJoin(words, " "));
  }
  absl::StatusOr<lede::v1::DetectLanguageResponse> response =
      parser.Detect(request);
  if (!response.ok()) {
    std::cerr << "lede: " << response.status().message() << "\n";
    return 1;
  }
  std::cout << lede::ToJson(*response, absl::GetFlag(FLAGS_pretty)) << "\n";
  return 0;
}

int RunHealth() {
  std::string server = absl::GetFlag(FLAGS_server);
  if (server.empty()) {
    std::cerr << "lede: health needs --server HOST:PORT\n";
    return 2;
  }
  lede::ClientOptions options = ClientOptionsFromFlags();
  options.max_attempts = 1;
  absl::StatusOr<bool> serving =
      lede::Client::Create(server, options)->IsServing();
  if (!serving.ok()) {
    std::cerr << "lede: " << server << ": " << serving.status().message()
              << "\n";
    return 1;
  }
  std::cout << (*serving ? "SERVING" : "NOT_SERVING") << "\n";
  return *serving ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  // Nothing here writes through C's stdio, so the standard streams need not
  // stay in step with it; unsynchronised, std::cin reads --requests=- a
  // buffer at a time instead of a character at a time (a sixth of the
  // batch CLI's time went to that).
  std::ios::sync_with_stdio(false);
  absl::SetProgramUsageMessage(kUsage);
  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  std::vector<std::string> args(positional.begin() + 1, positional.end());
  if (args.empty()) {
    std::cerr << "usage: " << kUsage << "\n";
    return 2;
  }
  std::string command = args.front();
  args.erase(args.begin());
  if (command == "parse") {
    std::string format = absl::GetFlag(FLAGS_format);
    if (format != "json" && format != "text" && format != "markdown") {
      std::cerr << "lede: --format must be json, text or markdown\n";
      return 2;
    }
    std::string requests = absl::GetFlag(FLAGS_requests);
    if (!requests.empty() && args.empty()) {
      return RunParseRequests(requests, format);
    }
    if (requests.empty() && !args.empty()) return RunParse(args, format);
  }
  if (command == "detect" && !args.empty()) return RunDetect(args);
  if (command == "health") return RunHealth();
  std::cerr << "usage: " << kUsage << "\n";
  return 2;
}
