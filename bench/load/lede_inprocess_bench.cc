// bench/load: the engine in-process, the baseline the service is measured
// against (bench/load/run.py, make bench-load), and what one page costs a
// worker in memory (issue 22).
//
//   lede_inprocess_bench --threads N [--warmup K] MANIFEST
//     Reads every page of MANIFEST into memory, has each of N threads parse
//     K pages untimed (the service gets the same warm-up), then N threads
//     take the pages in turn, each once, through Engine::Parse with default
//     options, as a server's worker would without gRPC around it. Prints
//     pages, wall seconds, pages/s and the process's CPU seconds as JSON.
//
//   lede_inprocess_bench --alloc [--pages_out FILE] MANIFEST
//     One thread, each page once, in order, as one worker meets them: the
//     bytes and the calls allocated on the heap during its Engine::Parse
//     (alloc_counter.cc), and the process's peak RSS during it (VmHWM,
//     reset to the current RSS before each page through
//     /proc/self/clear_refs), with the RSS before it. Prints the median, p99
//     and largest of each as JSON; --pages_out writes a TSV row per page.
//
// MANIFEST is bench/speed/page_file.h's.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "bench/load/alloc_counter.h"
#include "bench/speed/page_file.h"
#include "bench/speed/quantile.h"
#include "server/engine/engine.h"

namespace {

using Clock = std::chrono::steady_clock;

// Calls `visit` with each page of the manifest, read into a request, in
// order; counts the pages that cannot be read. False when the manifest
// cannot be read.
template <typename Visit>
bool ForEachPage(const std::string& manifest_path, size_t* unreadable,
                 Visit visit) {
  std::ifstream manifest(manifest_path);
  if (!manifest) return false;
  std::string line;
  while (std::getline(manifest, line)) {
    if (line.empty()) continue;
    const lede::bench::ManifestEntry entry =
        lede::bench::ParseManifestLine(line);
    std::string raw;
    if (!lede::bench::ReadPageFile(entry.path, &raw)) {
      ++*unreadable;
      continue;
    }
    lede::v1::ParseRequest request;
    request.set_content(std::move(raw));
    request.set_url(entry.url);
    request.set_content_type(entry.content_type);
    request.set_id(entry.id);
    visit(entry, std::move(request));
  }
  return true;
}

std::string Summary(const char* name, const std::vector<double>& values) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "\"%s\": {\"median\": %.1f, \"p95\": %.1f, \"p99\": %.1f, "
                "\"max\": %.1f}",
                name, lede::bench::Quantile(values, 0.5),
                lede::bench::Quantile(values, 0.95),
                lede::bench::Quantile(values, 0.99),
                lede::bench::Quantile(values, 1.0));
  return buf;
}

// What this process has used so far: user + system CPU seconds, the system
// part, and minor page faults (a fresh page touched: the kernel's share of
// what the allocator hands back and asks for again).
struct ProcessUsage {
  double cpu_s = 0;
  double sys_s = 0;
  long minor_faults = 0;
};

ProcessUsage UsageSoFar() {
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  ProcessUsage out;
  out.sys_s =
      double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
  out.cpu_s = double(usage.ru_utime.tv_sec) +
              double(usage.ru_utime.tv_usec) / 1e6 + out.sys_s;
  out.minor_faults = usage.ru_minflt;
  return out;
}

int Throughput(const std::string& manifest_path, int threads, int warmup) {
  // Every page in memory first: reading and unpacking are not the engine's.
  std::vector<lede::v1::ParseRequest> requests;
  size_t unreadable = 0;
  if (!ForEachPage(manifest_path, &unreadable,
                   [&](const lede::bench::ManifestEntry&,
                       lede::v1::ParseRequest request) {
                     requests.push_back(std::move(request));
                   })) {
    std::fprintf(stderr, "cannot read %s\n", manifest_path.c_str());
    return 1;
  }
  const lede::engine::Engine engine;
  const size_t n = requests.size();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < warmup && n > 0; ++i) {
        (void)engine.Parse(requests[(size_t(t) * warmup + i) % n]);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  workers.clear();

  std::atomic<size_t> next{0};
  std::atomic<size_t> refused{0};
  // Each page's wall time in Engine::Parse: the service time a server's
  // worker would need for it, whose spread any latency under load inherits.
  std::vector<double> page_ms(n);
  const ProcessUsage usage_start = UsageSoFar();
  const auto start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) {
        const auto parse_start = Clock::now();
        if (!engine.Parse(requests[i]).ok()) refused.fetch_add(1);
        page_ms[i] = std::chrono::duration<double, std::milli>(Clock::now() -
                                                               parse_start)
                         .count();
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  const double wall =
      std::chrono::duration<double>(Clock::now() - start).count();
  const ProcessUsage usage_end = UsageSoFar();
  std::printf(
      "{\"pages\": %zu, \"unreadable\": %zu, \"refused\": %zu, \"threads\": "
      "%d, \"warmup_per_thread\": %d, \"wall_s\": %.3f, \"pages_per_s\": "
      "%.2f, \"cpu_s\": %.3f, \"sys_s\": %.3f, \"minor_faults\": %ld, "
      "%s}\n",
      n, unreadable, refused.load(), threads, warmup, wall,
      wall > 0 ? double(n) / wall : 0.0, usage_end.cpu_s - usage_start.cpu_s,
      usage_end.sys_s - usage_start.sys_s,
      usage_end.minor_faults - usage_start.minor_faults,
      Summary("page_ms", page_ms).c_str());
  return 0;
}

// VmRSS and VmHWM of this process, KiB (-1 when /proc says nothing).
void ReadRss(int64_t* rss_kib, int64_t* hwm_kib) {
  *rss_kib = *hwm_kib = -1;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    int64_t* field = line.rfind("VmRSS:", 0) == 0   ? rss_kib
                     : line.rfind("VmHWM:", 0) == 0 ? hwm_kib
                                                    : nullptr;
    if (field == nullptr) continue;
    std::string number = line.substr(6);
    number.erase(number.find_last_not_of(" kB") + 1);
    number.erase(0, number.find_first_not_of(" \t"));
    if (!absl::SimpleAtoi(number, field)) *field = -1;
  }
}

// Sets the peak RSS (VmHWM) back to the current RSS (Linux 4.0+).
bool ResetPeakRss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

int Allocations(const std::string& manifest_path,
                const std::string& pages_out) {
  const lede::engine::Engine engine;
  std::vector<double> bytes, calls, peak_kib, before_kib, growth_kib, per_input;
  std::ofstream out;
  if (!pages_out.empty()) {
    out.open(pages_out);
    out << "page\tbytes_in\talloc_bytes\talloc_calls\trss_before_kib\t"
           "peak_rss_kib\tstatus\n";
  }
  bool peak_ok = true;
  size_t pages = 0, refused = 0, unreadable = 0;
  int64_t rss_start = 0, unused = 0;
  ReadRss(&rss_start, &unused);
  // One page at a time, read just before it is parsed: the worker holds
  // its own request and nothing else.
  const bool read = ForEachPage(
      manifest_path, &unreadable,
      [&](const lede::bench::ManifestEntry& entry,
          lede::v1::ParseRequest request) {
        int64_t rss = 0, hwm = 0;
        peak_ok = ResetPeakRss() && peak_ok;
        ReadRss(&rss, &hwm);
        const lede::bench::AllocCounts before =
            lede::bench::ThreadAllocCounts();
        const bool ok = engine.Parse(request).ok();
        const lede::bench::AllocCounts after = lede::bench::ThreadAllocCounts();
        int64_t rss_after = 0, peak = 0;
        ReadRss(&rss_after, &peak);
        ++pages;
        refused += !ok;
        const uint64_t allocated = after.bytes - before.bytes;
        bytes.push_back(double(allocated));
        calls.push_back(double(after.calls - before.calls));
        before_kib.push_back(double(rss));
        peak_kib.push_back(double(peak));
        growth_kib.push_back(double(peak - rss));
        if (!request.content().empty()) {
          per_input.push_back(double(allocated) /
                              double(request.content().size()));
        }
        if (out.is_open()) {
          out << entry.set << '/' << entry.id << '\t'
              << request.content().size() << '\t' << allocated << '\t'
              << (after.calls - before.calls) << '\t' << rss << '\t' << peak
              << '\t' << (ok ? "ok" : "refused") << '\n';
        }
      });
  if (!read) {
    std::fprintf(stderr, "cannot read %s\n", manifest_path.c_str());
    return 1;
  }
  std::printf(
      "{\"pages\": %zu, \"unreadable\": %zu, \"refused\": %zu, "
      "\"peak_rss_reset\": %s, \"rss_start_kib\": %lld, %s, %s, %s, %s, %s, "
      "%s}\n",
      pages, unreadable, refused, peak_ok ? "true" : "false",
      static_cast<long long>(rss_start), Summary("alloc_bytes", bytes).c_str(),
      Summary("alloc_calls", calls).c_str(),
      Summary("alloc_bytes_per_input_byte", per_input).c_str(),
      Summary("rss_before_kib", before_kib).c_str(),
      Summary("peak_rss_kib", peak_kib).c_str(),
      Summary("peak_over_before_kib", growth_kib).c_str());
  return 0;
}

int Usage() {
  std::fprintf(stderr,
               "usage: lede_inprocess_bench --threads N [--warmup K] MANIFEST\n"
               "       lede_inprocess_bench --alloc [--pages_out FILE] "
               "MANIFEST\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int threads = 0, warmup = 20;
  bool alloc = false;
  std::string manifest_path, pages_out;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--threads" && i + 1 < argc) {
      if (!absl::SimpleAtoi(argv[++i], &threads) || threads < 1) {
        return Usage();
      }
    } else if (arg == "--warmup" && i + 1 < argc) {
      if (!absl::SimpleAtoi(argv[++i], &warmup) || warmup < 0) {
        return Usage();
      }
    } else if (arg == "--alloc") {
      alloc = true;
    } else if (arg == "--pages_out" && i + 1 < argc) {
      pages_out = argv[++i];
    } else if (!arg.empty() && arg[0] != '-' && manifest_path.empty()) {
      manifest_path = arg;
    } else {
      return Usage();
    }
  }
  if (manifest_path.empty() || alloc == (threads > 0)) return Usage();
  return alloc ? Allocations(manifest_path, pages_out)
               : Throughput(manifest_path, threads, warmup);
}
