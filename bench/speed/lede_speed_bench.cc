// bench/speed: the issue-3 speed budget, measured. For every page in a
// manifest, in one process and one pass, times
//   gumbo  gumbo_parse on the page's UTF-8 (decoded beforehand, untimed), with
//          the options the engine gives it (bump arena whose chunks come from
//          the thread's cache, as Dom::Parse's do; no error records);
//   decode the engine's decode stage alone (bytes -> UTF-8), for context: it
//          is inside the engine's time and not inside gumbo's;
//   engine lede::engine::Engine::Parse on the raw bytes, default options
//          (decode, frame, parse, metadata, content, language, all renderings);
// each `--repeat` times, interleaved, keeping the fastest of each (the least
// disturbed by other work on a shared machine), in the thread's CPU time
// (the stage times too: StageTimes::Clock::kThreadCpu). Reports the per-page
// ratio engine/gumbo (median, p90, share of pages over the budget) and pages/s.
//
//   lede_speed_bench [--repeat N] [--budget 1.5] [--pages_out FILE]
//                    [--only gumbo|engine] [--max_parse_ms_per_mb N] MANIFEST
//
// For instruction counts (valgrind --tool=callgrind), --only runs one side
// alone, so a profile holds one of them, and --max_parse_ms_per_mb lifts the
// parse stage's CPU budget, which a page under valgrind's 50x slowdown
// would otherwise exceed.
//
// MANIFEST: one page a line, TAB-separated: set, id, path (".gz" is
// gunzipped), url, content type (the last two may be empty). Writes one JSON
// summary to stdout; --pages_out writes a TSV row per page
// (set, id, bytes, gumbo_ns, decode_ns, engine_ns, status, then the
// engine's time in each stage of its fastest run, ns, a column per Stage:
// decode_stage, frame, parse, metadata, content, classify...).
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "bench/speed/page_file.h"
#include "bench/speed/quantile.h"
#include "server/engine/decode.h"
#include "server/engine/engine.h"
#include "server/engine/gumbo_arena.h"
#include "server/engine/thread_cpu.h"

namespace {

using Clock = std::chrono::steady_clock;

// The calling thread's CPU time, ns (user and system: page faults count).
// Timings use it rather than the wall clock: on a shared machine a parse
// preempted by another process would be charged the other's time.
int64_t ThreadCpuNs() {
  return absl::ToInt64Nanoseconds(lede::engine::ThreadCpuTime());
}

int64_t GumboNs(const std::string& utf8) {
  const int64_t start = ThreadCpuNs();
  {
    lede::engine::GumboArena arena(
        lede::engine::GumboArena::Chunks::kThreadCache);
    GumboOptions options = arena.Options();
    GumboOutput* output =
        gumbo_parse_with_options(&options, utf8.data(), utf8.size());
    if (output == nullptr) std::abort();
  }
  return ThreadCpuNs() - start;
}

struct Page {
  std::string set, id;
  size_t bytes = 0;
  int64_t gumbo_ns = 0, decode_ns = 0, engine_ns = 0;
  // The engine's stage times (StageTimes) in its fastest run.
  std::array<int64_t, lede::engine::kStageCount> stage_ns{};
  std::string status = "ok";
  double ratio() const {
    return gumbo_ns > 0 ? double(engine_ns) / double(gumbo_ns) : 0.0;
  }
};

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Statistics of a group of pages, as a JSON object.
std::string Stats(const std::vector<const Page*>& pages, double budget) {
  std::vector<double> ratios, decode_ratios, gumbo_ms, engine_ms;
  std::array<std::vector<double>, lede::engine::kStageCount> stage_ratios;
  double gumbo_total = 0, engine_total = 0;
  size_t over = 0;
  for (const Page* p : pages) {
    ratios.push_back(p->ratio());
    decode_ratios.push_back(p->gumbo_ns > 0 ? double(p->decode_ns) / p->gumbo_ns
                                            : 0.0);
    for (size_t s = 0; s < lede::engine::kStageCount; ++s) {
      stage_ratios[s].push_back(
          p->gumbo_ns > 0 ? double(p->stage_ns[s]) / p->gumbo_ns : 0.0);
    }
    gumbo_ms.push_back(p->gumbo_ns / 1e6);
    engine_ms.push_back(p->engine_ns / 1e6);
    gumbo_total += p->gumbo_ns / 1e9;
    engine_total += p->engine_ns / 1e9;
    over += p->ratio() > budget;
  }
  char buf[768];
  std::snprintf(
      buf, sizeof buf,
      "{\"pages\": %zu, \"ratio_median\": %.4f, \"ratio_p10\": %.4f, "
      "\"ratio_p90\": %.4f, \"ratio_max\": %.4f, \"ratio_total\": %.4f, "
      "\"over_budget\": %zu, \"gumbo_median_ms\": %.4f, "
      "\"engine_median_ms\": %.4f, \"gumbo_pages_per_s\": %.2f, "
      "\"engine_pages_per_s\": %.2f, \"decode_ratio_median\": %.4f}",
      pages.size(), lede::bench::Quantile(ratios, 0.5),
      lede::bench::Quantile(ratios, 0.1), lede::bench::Quantile(ratios, 0.9),
      lede::bench::Quantile(ratios, 1.0),
      gumbo_total > 0 ? engine_total / gumbo_total : 0.0, over,
      lede::bench::Quantile(gumbo_ms, 0.5),
      lede::bench::Quantile(engine_ms, 0.5),
      gumbo_total > 0 ? double(pages.size()) / gumbo_total : 0.0,
      engine_total > 0 ? double(pages.size()) / engine_total : 0.0,
      lede::bench::Quantile(decode_ratios, 0.5));
  // Each stage's time ÷ gumbo's, per page: the median.
  std::string stages = ", \"stage_ratio_median\": {";
  for (size_t s = 0; s < lede::engine::kStageCount; ++s) {
    char entry[64];
    std::snprintf(entry, sizeof entry, "%s\"%s\": %.4f", s == 0 ? "" : ", ",
                  std::string(lede::engine::StageName(
                                  static_cast<lede::engine::Stage>(s)))
                      .c_str(),
                  lede::bench::Quantile(stage_ratios[s], 0.5));
    stages += entry;
  }
  std::string out = buf;
  out.insert(out.size() - 1, stages + "}");
  return out;
}

int Usage() {
  std::fprintf(stderr,
               "usage: lede_speed_bench [--repeat N] [--budget R] "
               "[--pages_out FILE] [--only gumbo|engine] "
               "[--max_parse_ms_per_mb N] MANIFEST\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  double budget = 1.5;
  std::string manifest_path, pages_out, only;
  lede::engine::Limits limits;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      if (!absl::SimpleAtoi(argv[++i], &repeat) || repeat < 1) return Usage();
    } else if (arg == "--budget" && i + 1 < argc) {
      if (!absl::SimpleAtod(argv[++i], &budget)) return Usage();
    } else if (arg == "--pages_out" && i + 1 < argc) {
      pages_out = argv[++i];
    } else if (arg == "--only" && i + 1 < argc) {
      only = argv[++i];
      if (only != "gumbo" && only != "engine") return Usage();
    } else if (arg == "--max_parse_ms_per_mb" && i + 1 < argc) {
      if (!absl::SimpleAtoi(argv[++i], &limits.max_parse_ms_per_mb)) {
        return Usage();
      }
    } else if (!arg.empty() && arg[0] != '-' && manifest_path.empty()) {
      manifest_path = arg;
    } else {
      return Usage();
    }
  }
  if (manifest_path.empty()) return Usage();
  std::ifstream manifest(manifest_path);
  if (!manifest) {
    std::fprintf(stderr, "cannot read %s\n", manifest_path.c_str());
    return 1;
  }

  const bool run_gumbo = only != "engine";
  const bool run_engine = only != "gumbo";
  lede::engine::Engine engine(limits);
  std::vector<Page> pages;
  std::string line;
  auto started = Clock::now();
  while (std::getline(manifest, line)) {
    if (line.empty()) continue;
    const lede::bench::ManifestEntry entry =
        lede::bench::ParseManifestLine(line);
    Page page;
    page.set = entry.set;
    page.id = entry.id;
    std::string raw;
    if (!lede::bench::ReadPageFile(entry.path, &raw)) {
      page.status = "unreadable";
      pages.push_back(page);
      continue;
    }
    page.bytes = raw.size();
    // Untimed: the UTF-8 that gumbo is given, as the engine would decode it.
    const std::string utf8 =
        lede::engine::DecodeToUtf8(raw, entry.content_type).utf8;
    lede::v1::ParseRequest request;
    request.set_content(raw);
    request.set_url(entry.url);
    request.set_content_type(entry.content_type);
    request.set_id(page.id);
    int64_t best_gumbo = INT64_MAX, best_decode = INT64_MAX,
            best_engine = INT64_MAX;
    for (int r = 0; r < repeat; ++r) {
      if (run_gumbo) best_gumbo = std::min(best_gumbo, GumboNs(utf8));
      if (!run_engine) continue;
      const int64_t decode_start = ThreadCpuNs();
      size_t decoded_size =
          lede::engine::DecodeToUtf8(raw, entry.content_type).utf8.size();
      best_decode = std::min(best_decode, ThreadCpuNs() - decode_start);
      if (decoded_size != utf8.size()) std::abort();  // keeps the call
      lede::engine::StageTimes times;
      times.clock = lede::engine::StageTimes::Clock::kThreadCpu;
      const int64_t start = ThreadCpuNs();
      auto response = engine.Parse(request, absl::InfiniteFuture(), &times);
      const int64_t ns = ThreadCpuNs() - start;
      if (ns < best_engine) {
        best_engine = ns;
        for (size_t s = 0; s < lede::engine::kStageCount; ++s) {
          page.stage_ns[s] = absl::ToInt64Nanoseconds(times.elapsed[s]);
        }
      }
      if (!response.ok()) {
        page.status =
            std::string(absl::StatusCodeToString(response.status().code()));
      }
    }
    page.gumbo_ns = run_gumbo ? best_gumbo : 0;
    page.decode_ns = run_engine ? best_decode : 0;
    page.engine_ns = run_engine ? best_engine : 0;
    pages.push_back(page);
    if (pages.size() % 250 == 0) {
      std::fprintf(
          stderr, "  speed: %zu pages, %.0fs\n", pages.size(),
          std::chrono::duration<double>(Clock::now() - started).count());
    }
  }

  if (!pages_out.empty()) {
    std::ofstream out(pages_out);
    out << "set\tid\tbytes\tgumbo_ns\tdecode_ns\tengine_ns\tstatus";
    for (size_t s = 0; s < lede::engine::kStageCount; ++s) {
      const auto stage = static_cast<lede::engine::Stage>(s);
      out << '\t' << lede::engine::StageName(stage)
          << (stage == lede::engine::Stage::kDecode ? "_stage" : "");
    }
    out << '\n';
    for (const Page& p : pages) {
      out << p.set << '\t' << p.id << '\t' << p.bytes << '\t' << p.gumbo_ns
          << '\t' << p.decode_ns << '\t' << p.engine_ns << '\t' << p.status;
      for (int64_t ns : p.stage_ns) out << '\t' << ns;
      out << '\n';
    }
  }

  // Pages the engine turned down (over a limit, not a document) are left
  // out of the statistics: no whole-engine time exists for them.
  std::map<std::string, std::vector<const Page*>> by_set;
  std::vector<const Page*> all;
  size_t refused = 0;
  for (const Page& p : pages) {
    if (p.status != "ok") {
      ++refused;
      continue;
    }
    all.push_back(&p);
    by_set[p.set].push_back(&p);
  }
  std::printf("{\"repeat\": %d, \"budget\": %.2f, \"refused\": %zu, ", repeat,
              budget, refused);
  std::printf("\"all\": %s, \"sets\": {", Stats(all, budget).c_str());
  bool first = true;
  for (const auto& [set, group] : by_set) {
    std::printf("%s%s: %s", first ? "" : ", ", JsonString(set).c_str(),
                Stats(group, budget).c_str());
    first = false;
  }
  std::printf("}}\n");
  return 0;
}
