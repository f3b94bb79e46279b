#include "server/service/http/http_server.h"

#include <httplib.h>

#include <algorithm>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "client/cpp/json.h"
#include "server/service/build_info.h"
#include "server/service/http/api_request.h"
#include "server/service/http/http_status.h"
#include "server/service/http/playground.h"

namespace lede::service::http {
namespace {

constexpr char kJsonType[] = "application/json; charset=utf-8";
constexpr char kTextType[] = "text/plain; charset=utf-8";
constexpr char kMetricsType[] = "text/plain; version=0.0.4; charset=utf-8";

// The playground may run its own script and style, talk to this server and
// show pictures inline (data:) or, when the user asks, from the page's own
// hosts; nothing else. Its rendering frame is sandboxed besides (no script,
// no same-origin).
constexpr char kPlaygroundPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: https: http:; connect-src 'self'; frame-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Data: the playground's files by extension.
constexpr std::pair<absl::string_view, absl::string_view> kAssetTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
};

absl::string_view AssetType(absl::string_view name) {
  for (const auto& [extension, type] : kAssetTypes) {
    if (absl::EndsWith(name, extension)) return type;
  }
  return "application/octet-stream";
}

// httplib's own pool queues accepted connections without a bound. This one
// holds at most `capacity` waiting for a thread; past that the accepting
// thread waits, and the kernel's listen backlog holds the rest.
class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(int threads, size_t capacity) : capacity_(capacity) {
    for (int i = 0; i < std::max(1, threads); ++i) {
      threads_.emplace_back([this] { Work(); });
    }
  }

  void enqueue(std::function<void()> task) override {
    absl::MutexLock lock(&mutex_);
    // While shutting down the queue takes everything, so no connection is
    // left without its task (which closes it).
    mutex_.Await(absl::Condition(
        +[](BoundedTaskQueue* queue) ABSL_EXCLUSIVE_LOCKS_REQUIRED(
             queue->mutex_) {
          return queue->stopping_ || queue->tasks_.size() < queue->capacity_;
        },
        this));
    tasks_.push_back(std::move(task));
  }

  void shutdown() override {
    {
      absl::MutexLock lock(&mutex_);
      stopping_ = true;
    }
    for (std::thread& thread : threads_) thread.join();
  }

 private:
  void Work() {
    while (true) {
      std::function<void()> task;
      {
        absl::MutexLock lock(&mutex_);
        mutex_.Await(absl::Condition(
            +[](BoundedTaskQueue* queue)
                 ABSL_EXCLUSIVE_LOCKS_REQUIRED(queue->mutex_) {
                   return queue->stopping_ || !queue->tasks_.empty();
                 },
            this));
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  const size_t capacity_;
  absl::Mutex mutex_;
  std::deque<std::function<void()>> tasks_ ABSL_GUARDED_BY(mutex_);
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::vector<std::thread> threads_;
};

// The caller's address as gRPC writes peers, so both doors log alike.
std::string Peer(const httplib::Request& request) {
  if (request.remote_addr.find(':') != std::string::npos) {
    return absl::StrCat("ipv6:[", request.remote_addr,
                        "]:", request.remote_port);
  }
  return absl::StrCat("ipv4:", request.remote_addr, ":", request.remote_port);
}

// Reads the request body, at most `limit` bytes, until `deadline`.
// RESOURCE_EXHAUSTED (tagged --max_input_bytes) past the limit; a declared
// Content-Length over it is refused before any byte is read.
absl::StatusOr<std::string> ReadBody(const httplib::Request& request,
                                     const httplib::ContentReader& reader,
                                     const engine::Limits& limits, size_t limit,
                                     absl::Time deadline) {
  uint64_t declared = 0;
  if (absl::SimpleAtoi(request.get_header_value("Content-Length"), &declared) &&
      declared > limit) {
    engine::Limits declared_limits = limits;
    declared_limits.max_input_bytes = limit;
    return engine::CheckInputBytes(declared, declared_limits);
  }
  std::string body;
  bool over = false;
  bool late = false;
  const bool read = reader([&](const char* data, size_t size) {
    if (body.size() + size > limit) {
      over = true;
      return false;
    }
    if (absl::Now() > deadline) {
      late = true;
      return false;
    }
    body.append(data, size);
    return true;
  });
  if (over) {
    return engine::LimitExceededError(
        engine::Limit::kMaxInputBytes,
        absl::StrCat("content is over the limit of ", limit,
                     " bytes (the body was sent chunked or compressed, and "
                     "reading stopped there); send a smaller document or "
                     "raise the server's --max_input_bytes"));
  }
  if (late) {
    return absl::DeadlineExceededError(
        "the request body did not arrive within the deadline");
  }
  if (!read) {
    return absl::InvalidArgumentError(
        "the request body could not be read (cut short, or a "
        "Content-Encoding other than gzip, deflate or br)");
  }
  return body;
}

// The largest JSON body that can hold a document within the limit: base64
// takes 4 bytes per 3, and the other fields get room beside it.
size_t JsonBodyLimit(const engine::Limits& limits) {
  return limits.max_input_bytes / 3 * 4 + 4 + (1 << 20);
}

void SetJsonError(const absl::Status& status, httplib::Response& response) {
  response.status = HttpStatusFor(status);
  response.set_content(ParseResultJson(status, "", false), kJsonType);
}

}  // namespace

absl::StatusOr<std::pair<std::string, int>> SplitHostPort(
    absl::string_view address) {
  const size_t colon = address.rfind(':');
  int port = -1;
  if (colon == absl::string_view::npos ||
      !absl::SimpleAtoi(address.substr(colon + 1), &port) || port < 0 ||
      port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat(
        "HTTP address '", address, "' is not HOST:PORT (e.g. 0.0.0.0:8080)"));
  }
  std::string host(address.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  if (host.empty()) host = "0.0.0.0";
  return std::make_pair(host, port);
}

// Counts a request while its handler runs, for WaitUntilIdle.
class HttpServer::ActiveRequest {
 public:
  explicit ActiveRequest(HttpServer* server) : server_(server) {
    absl::MutexLock lock(&server_->mutex_);
    ++server_->active_;
  }
  ~ActiveRequest() {
    absl::MutexLock lock(&server_->mutex_);
    --server_->active_;
  }

 private:
  HttpServer* server_;
};

HttpServer::HttpServer(Dispatcher* dispatcher, const Telemetry& telemetry,
                       const HttpOptions& options)
    : dispatcher_(dispatcher),
      telemetry_(telemetry),
      options_(options),
      server_(std::make_unique<httplib::Server>()) {}

HttpServer::~HttpServer() { Stop(); }

absl::StatusOr<int> HttpServer::Start() {
  absl::StatusOr<std::pair<std::string, int>> address =
      SplitHostPort(options_.address);
  if (!address.ok()) return address.status();
  const int threads = options_.connection_threads;
  server_->new_task_queue = [threads] {
    return new BoundedTaskQueue(threads, 4 * static_cast<size_t>(threads));
  };
  const time_t io_seconds =
      std::max<time_t>(1, absl::ToInt64Seconds(options_.io_timeout));
  server_->set_read_timeout(io_seconds);
  server_->set_write_timeout(io_seconds);
  server_->set_keep_alive_timeout(std::min<time_t>(io_seconds, 5));
  server_->set_keep_alive_max_count(100);
  // An answer leaves at once: with Nagle's algorithm, its last small write
  // waits for the client's delayed ACK (40 ms a call on loopback).
  server_->set_tcp_nodelay(true);
  server_->set_payload_max_length(JsonBodyLimit(dispatcher_->options().limits));
  Route();
  const auto& [host, port] = *address;
  int bound = port;
  if (port == 0) {
    bound = server_->bind_to_any_port(host);
  } else if (!server_->bind_to_port(host, port)) {
    bound = -1;
  }
  if (bound <= 0) {
    return absl::UnavailableError(
        absl::StrCat("could not listen on ", options_.address,
                     " for HTTP: is the address valid and the port free? "
                     "(set --http_address, or --http_address= to turn the "
                     "HTTP door off)"));
  }
  listener_ = std::thread([this] { server_->listen_after_bind(); });
  return bound;
}

bool HttpServer::WaitUntilIdle(absl::Time deadline) {
  absl::MutexLock lock(&mutex_);
  return mutex_.AwaitWithDeadline(
      absl::Condition(
          +[](int* active) { return *active == 0; }, &active_),
      deadline);
}

void HttpServer::Stop() {
  if (!listener_.joinable()) return;
  server_->stop();
  listener_.join();
}

void HttpServer::Route() {
  httplib::Server& server = *server_;
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"}});

  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_content("ok\n", kTextType);
  });
  server.Get(
      "/readyz", [this](const httplib::Request&, httplib::Response& res) {
        const bool ready = ready_.load();
        res.status = ready ? 200 : 503;
        res.set_header("Cache-Control", "no-store");
        res.set_content(ready ? "SERVING\n" : "NOT_SERVING\n", kTextType);
      });
  server.Get("/metrics",
             [this](const httplib::Request&, httplib::Response& res) {
               res.set_header("Cache-Control", "no-store");
               res.set_content(telemetry_.metrics->Exposition(), kMetricsType);
             });

  server.Post("/v1/parse", [this](const httplib::Request& req,
                                  httplib::Response& res,
                                  const httplib::ContentReader& reader) {
    ActiveRequest active(this);
    CallRecord call(telemetry_, Method::kParse, Transport::kHttp, Peer(req),
                    req.get_header_value("traceparent"));
    const absl::Time arrived = absl::Now();
    const engine::Limits& limits = dispatcher_->options().limits;
    size_t input_bytes = 0;
    bool pretty = false;
    std::string id;
    absl::StatusOr<v1::ParseResponse> result =
        [&]() -> absl::StatusOr<v1::ParseResponse> {
      absl::StatusOr<ParseCall> parsed =
          ReadParseCall(req.params, req.get_header_value("Content-Type"));
      if (!parsed.ok()) return parsed.status();
      pretty = parsed->pretty;
      id = parsed->request.id();
      const absl::Time caller_deadline =
          parsed->timeout == absl::InfiniteDuration()
              ? absl::InfiniteFuture()
              : arrived + parsed->timeout;
      const bool json = parsed->body == BodyKind::kJson;
      absl::StatusOr<std::string> body =
          ReadBody(req, reader, limits,
                   json ? JsonBodyLimit(limits) : limits.max_input_bytes,
                   std::min(caller_deadline,
                            arrived + dispatcher_->options().default_deadline));
      if (!body.ok()) {
        res.set_header("Connection", "close");  // the rest is unread
        telemetry_.metrics->DocumentDone(Method::kParse, Transport::kHttp, 0,
                                         nullptr, body.status());
        return body.status();
      }
      v1::ParseRequest request;
      if (json) {
        if (absl::Status read = FromJson(*body, &request); !read.ok()) {
          return absl::InvalidArgumentError(
              absl::StrCat("the body is not a ParseRequest in proto3 JSON: ",
                           read.message()));
        }
        id = request.id();
      } else {
        request = std::move(parsed->request);
        request.set_content(*std::move(body));
        // No body and a url: the server fetches the page, and the header's
        // type described the empty body, not the page (the type it is
        // served with is). An explicit ?content_type= still wins.
        if (request.content().empty() && !req.has_param("content_type")) {
          request.clear_content_type();
        }
      }
      input_bytes = request.content().size();
      absl::StatusOr<v1::ParseResponse> parse_result;
      absl::Notification done;
      dispatcher_->Parse(Method::kParse, Transport::kHttp, &request,
                         caller_deadline,
                         [&](absl::StatusOr<v1::ParseResponse> outcome) {
                           parse_result = std::move(outcome);
                           done.Notify();
                         });
      done.WaitForNotification();
      return parse_result;
    }();
    res.status = HttpStatusFor(result.status());
    res.set_header("Cache-Control", "no-store");
    // The queue was full: the next replica, or this one in a moment.
    if (res.status == 429) res.set_header("Retry-After", "1");
    res.set_content(ParseResultJson(result, id, pretty), kJsonType);
    call.Finish(result.status().code(), input_bytes, res.status);
  });

  server.Post(
      "/v1/detect-language",
      [this](const httplib::Request& req, httplib::Response& res,
             const httplib::ContentReader& reader) {
        ActiveRequest active(this);
        CallRecord call(telemetry_, Method::kDetectLanguage, Transport::kHttp,
                        Peer(req), req.get_header_value("traceparent"));
        const engine::Limits& limits = dispatcher_->options().limits;
        size_t input_bytes = 0;
        bool pretty = false;
        absl::StatusOr<v1::DetectLanguageResponse> result =
            [&]() -> absl::StatusOr<v1::DetectLanguageResponse> {
          absl::StatusOr<DetectCall> parsed =
              ReadDetectCall(req.params, req.get_header_value("Content-Type"));
          if (!parsed.ok()) return parsed.status();
          pretty = parsed->pretty;
          const bool json = parsed->body == BodyKind::kJson;
          absl::StatusOr<std::string> body =
              ReadBody(req, reader, limits,
                       json ? JsonBodyLimit(limits) : limits.max_input_bytes,
                       absl::Now() + dispatcher_->options().default_deadline);
          if (!body.ok()) {
            res.set_header("Connection", "close");
            return body.status();
          }
          v1::DetectLanguageRequest request = std::move(parsed->request);
          if (json) {
            if (absl::Status read = FromJson(*body, &request); !read.ok()) {
              return absl::InvalidArgumentError(absl::StrCat(
                  "the body is not a DetectLanguageRequest in proto3 JSON: ",
                  read.message()));
            }
          } else {
            request.set_text(*std::move(body));
          }
          input_bytes = request.text().size();
          absl::StatusOr<v1::DetectLanguageResponse> detect_result;
          absl::Notification done;
          dispatcher_->DetectLanguage(
              Transport::kHttp, &request,
              [&](absl::StatusOr<v1::DetectLanguageResponse> outcome) {
                detect_result = std::move(outcome);
                done.Notify();
              });
          done.WaitForNotification();
          return detect_result;
        }();
        res.set_header("Cache-Control", "no-store");
        if (result.ok()) {
          res.set_content(ToJson(*result, pretty) + "\n", kJsonType);
        } else {
          SetJsonError(result.status(), res);
        }
        call.Finish(result.status().code(), input_bytes, res.status);
      });

  // The API paths answer other methods with 405, naming the one they take.
  for (const char* path : {"/v1/parse", "/v1/detect-language"}) {
    server.Get(path, [path](const httplib::Request&, httplib::Response& res) {
      SetJsonError(absl::InvalidArgumentError(absl::StrCat(
                       path, " takes POST with the document as the body")),
                   res);
      res.status = 405;
      res.set_header("Allow", "POST");
    });
  }

  // The playground: index.html with the build filled in, and its files.
  std::string index;
  for (const Asset& asset : PlaygroundAssets()) {
    if (asset.name == "index.html") {
      const BuildInfo build = CurrentBuild();
      index = absl::StrReplaceAll(
          asset.content,
          {{"{{VERSION}}", build.version}, {"{{COMMIT}}", build.commit}});
      continue;
    }
    const std::string path = absl::StrCat("/playground/", asset.name);
    server.Get(path, [asset](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-cache");
      res.set_content(asset.content.data(), asset.content.size(),
                      std::string(AssetType(asset.name)));
    });
  }
  server.Get("/", [index = std::move(index)](const httplib::Request&,
                                             httplib::Response& res) {
    res.set_header("Content-Security-Policy", kPlaygroundPolicy);
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(index, "text/html; charset=utf-8");
  });

  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
        // httplib calls this for every status from 400 up; the API's own
        // answers already carry their JSON body.
        if (!res.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        const int status = res.status;
        absl::Status error;
        if (status == 404) {
          error = absl::NotFoundError(absl::StrCat(
              "no such path: ", req.path,
              "; the API is POST /v1/parse and POST /v1/detect-language, the "
              "playground GET /"));
        } else if (status == 413) {
          error = absl::ResourceExhaustedError(
              "the request body is over the server's limit "
              "(--max_input_bytes)");
        } else {
          error = absl::InvalidArgumentError(absl::StrCat(
              "the server could not read this request (HTTP ", status, ")"));
        }
        SetJsonError(error, res);
        res.status = status;
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler([](const httplib::Request&,
                                  httplib::Response& res, std::exception_ptr) {
    SetJsonError(absl::InternalError("the server failed on this request"), res);
  });
}

}  // namespace lede::service::http
