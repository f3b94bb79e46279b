// lede-server: the lede gRPC service. Flags: --helpfull.
#include <malloc.h>

#include <iostream>
#include <optional>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/time/time.h"
#include "server/fetch/fetch_flags.h"
#include "server/service/server.h"

ABSL_FLAG(std::string, address, "0.0.0.0:50051", "HOST:PORT to listen on.");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain: with --tls_key, the gRPC door speaks TLS.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert.");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CA certificates: clients must present a certificate they "
          "signed (mutual TLS).");
ABSL_FLAG(absl::Duration, tls_reload_interval, absl::Seconds(60),
          "How often the TLS files are read again, so rotated certificates "
          "are served without a restart.");
ABSL_FLAG(int, threads, 0, "Worker threads for parsing; 0 means one per core.");
ABSL_FLAG(int, max_queue, 0,
          "Requests waiting for a worker thread beyond which new ones are "
          "refused at once with RESOURCE_EXHAUSTED; 0 means 8 per thread.");
ABSL_FLAG(int, malloc_mmap_threshold, 4 << 20,
          "Allocations of at least this many bytes get memory of their own, "
          "returned to the system when freed (glibc's M_MMAP_THRESHOLD, held "
          "fixed: by default glibc raises it after each large free, and the "
          "large buffers of big pages then stay in its heaps); smaller ones "
          "come from the heaps, which the trim returns at rest, without a "
          "page fault for each of their pages on every call (the heaps keep "
          "up to twice this much free at their top between calls, "
          "M_TRIM_THRESHOLD); 0 keeps glibc's default.");
ABSL_FLAG(int64_t, malloc_trim_after_bytes, 0,
          "After a document of at least this many bytes, the free memory of "
          "the heaps goes back to the system (glibc's malloc_trim) as soon as "
          "no request waits for a worker: 0 after every document, negative "
          "never. Under steady load the next document reuses that memory.");
ABSL_FLAG(uint64_t, max_input_bytes, 16 << 20,
          "Largest document accepted; larger ones get RESOURCE_EXHAUSTED.");
ABSL_FLAG(int, max_depth, 1024,
          "Deepest element nesting accepted in a document, counted while "
          "its tree is built (misnested formatting tags can move blocks up "
          "later, leaving the finished tree shallower).");
ABSL_FLAG(uint64_t, max_nodes, 2'000'000,
          "Most HTML nodes accepted in a document.");
ABSL_FLAG(uint64_t, max_nodes_per_mb, 150'000,
          "Most HTML nodes accepted per MiB of a document (and 20 000 more "
          "for any document): pages hold 18 000 at the median and 81 000 at "
          "most, markup made to be dense (a link around each word, a table of "
          "one-word cells) far more, and every node costs time.");
ABSL_FLAG(int, max_parse_ms_per_mb, 250,
          "CPU milliseconds the HTML parser may spend per MiB of a document "
          "(and 100 ms more) before it is refused with RESOURCE_EXHAUSTED: "
          "pages take 40-90, pathological markup far more.");
ABSL_FLAG(int, max_parse_mb_per_mb, 64,
          "MiB the HTML parser's tree may take per MiB of a document (and 32 "
          "MiB more) before it is refused with RESOURCE_EXHAUSTED: pages take "
          "8 at the median and 26 at most, markup made to be copied (a "
          "formatting element with thousands of attributes, reopened in "
          "every paragraph) hundreds.");
ABSL_FLAG(absl::Duration, default_deadline, absl::Seconds(30),
          "Time allowed for one document when the caller sets no deadline.");
ABSL_FLAG(absl::Duration, max_connection_age, absl::Minutes(5),
          "Connections are closed after this long so clients rebalance.");
ABSL_FLAG(absl::Duration, drain_timeout, absl::Seconds(20),
          "On SIGTERM/SIGINT, how long in-flight calls may still run.");
ABSL_FLAG(absl::Duration, drain_linger, absl::Seconds(1),
          "On SIGTERM/SIGINT, how long connections stay open once the last "
          "call in flight has answered, so the answers reach callers behind "
          "proxies.");
ABSL_FLAG(int, stream_parallelism, 4,
          "Documents of one ParseStream call parsed at the same time.");
ABSL_FLAG(bool, access_log, false,
          "Write one line per finished call to stderr: method, transport, "
          "peer, status, milliseconds, bytes, the caller's traceparent.");
ABSL_FLAG(std::string, log_format, "text",
          "Log lines on stderr: 'text', or 'json' for one JSON object per "
          "line (time, level, msg; calls add method, transport, peer, status, "
          "ms, bytes, traceparent).");
ABSL_FLAG(std::string, http_address, "0.0.0.0:8080",
          "HOST:PORT of the HTTP door: /metrics, /healthz, /readyz, "
          "/v1/parse, /v1/detect-language and the playground at /. Empty "
          "turns it off.");
ABSL_FLAG(int, http_threads, 16,
          "HTTP connections served at once; more wait in a bounded queue.");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Serves lede.v1.ArticleService (gRPC), with health and reflection, and "
      "an HTTP door with metrics, a JSON API and a playground. Fetches pages "
      "by URL under the --fetch_* flags.");
  absl::ParseCommandLine(argc, argv);
  std::optional<lede::service::LogFormat> log_format =
      lede::service::ParseLogFormat(absl::GetFlag(FLAGS_log_format));
  if (!log_format) {
    std::cerr << "lede-server: --log_format must be text or json\n";
    return 2;
  }
  const int mmap_threshold = absl::GetFlag(FLAGS_malloc_mmap_threshold);
  if (mmap_threshold < 0 || mmap_threshold > (32 << 20)) {
    std::cerr << "lede-server: --malloc_mmap_threshold must be 0 (glibc's "
                 "default) or from 1 to 33554432 bytes (32 MiB)\n";
    return 2;
  }
  // An allocator other than glibc's (a sanitizer's, a preloaded one) may not
  // take the setting: it tunes glibc only, so the server runs on without it.
  // A threshold set by hand stops glibc moving both thresholds, and leaves
  // the trim threshold at 128 KiB: every free at the top of a heap past that
  // went back to the system, to be faulted in again by the next call (89 to
  // 97 page faults and 0.29 to 0.35 ms of system time a call under load).
  // Twice the mmap threshold is where glibc's own rule puts it; the trim
  // after each document (--malloc_trim_after_bytes) still returns the
  // memory at rest.
  if (mmap_threshold != 0 &&
      (mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 0 ||
       mallopt(M_TRIM_THRESHOLD, 2 * mmap_threshold) == 0)) {
    std::cerr << "lede-server: warning: the allocator ignored "
                 "--malloc_mmap_threshold (it is not glibc's malloc)\n";
  }
  lede::service::ServerOptions options;
  options.address = absl::GetFlag(FLAGS_address);
  options.tls.cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.tls.key_file = absl::GetFlag(FLAGS_tls_key);
  options.tls.client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  options.tls.reload_interval = absl::GetFlag(FLAGS_tls_reload_interval);
  options.threads = absl::GetFlag(FLAGS_threads);
  options.max_queue = absl::GetFlag(FLAGS_max_queue);
  options.service.limits.max_input_bytes = absl::GetFlag(FLAGS_max_input_bytes);
  options.service.limits.max_depth = absl::GetFlag(FLAGS_max_depth);
  options.service.limits.max_nodes = absl::GetFlag(FLAGS_max_nodes);
  options.service.limits.max_nodes_per_mb =
      absl::GetFlag(FLAGS_max_nodes_per_mb);
  options.service.limits.max_parse_ms_per_mb =
      absl::GetFlag(FLAGS_max_parse_ms_per_mb);
  options.service.limits.max_parse_mb_per_mb =
      absl::GetFlag(FLAGS_max_parse_mb_per_mb);
  options.service.default_deadline = absl::GetFlag(FLAGS_default_deadline);
  options.service.malloc_trim_after_bytes =
      absl::GetFlag(FLAGS_malloc_trim_after_bytes);
  options.service.stream_parallelism =
      std::max(1, absl::GetFlag(FLAGS_stream_parallelism));
  options.access_log = absl::GetFlag(FLAGS_access_log);
  options.log_format = *log_format;
  options.http.address = absl::GetFlag(FLAGS_http_address);
  options.http.connection_threads =
      std::max(1, absl::GetFlag(FLAGS_http_threads));
  absl::StatusOr<std::unique_ptr<lede::fetch::Fetcher>> fetcher =
      lede::fetch::FetcherFromFlags(options.service.limits.max_input_bytes);
  if (!fetcher.ok()) {
    std::cerr << "lede-server: " << fetcher.status().message() << std::endl;
    return 2;
  }
  options.service.fetcher = fetcher->get();
  options.max_connection_age = absl::GetFlag(FLAGS_max_connection_age);
  options.drain_timeout = absl::GetFlag(FLAGS_drain_timeout);
  options.drain_linger = absl::GetFlag(FLAGS_drain_linger);
  absl::Status status = lede::service::RunServer(options);
  if (!status.ok()) {
    std::cerr << "lede-server: " << status.message() << std::endl;
    return 1;
  }
  return 0;
}
