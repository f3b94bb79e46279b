// Times Engine::Parse, in CPU milliseconds per MB, on every adversarial
// shape (tests/adversarial/shapes.h) and on the bench pages listed in a
// file (one path a line), one JSON object a line:
//   {"shape": NAME, "bytes": N, "status": CODE, "message": ..., "ms": T,
//    "stages": {"decode": T, ...}, "quarter_bytes": N, "quarter_ms": T}
// quarter_*: the same shape made at a quarter of its size (shapes made at a
// chosen size only), so that time against size can be read: about 4 x the
// quarter's time is linear.
//   {"page": PATH, "bytes": N, "status": CODE, "ms": T}
// Each is the fastest of --repeat runs (pages: one run), on one thread.
// --shape NAME times that shape alone (to profile it).
//   lede_adversarial_bench [PAGES_FILE] [--repeat N] [--shape NAME]
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "server/engine/engine.h"
#include "server/engine/thread_cpu.h"
#include "tests/adversarial/shapes.h"

namespace {

double ThreadCpuMs() {
  return absl::ToDoubleMilliseconds(lede::engine::ThreadCpuTime());
}

struct Timed {
  absl::Status status;
  double ms;
  // CPU time per stage of the fastest run: where the figure went.
  lede::engine::StageTimes stages;
};

Timed Time(const lede::engine::Engine& engine,
           const lede::v1::ParseRequest& request, int repeat) {
  Timed best{absl::OkStatus(), 1e300, {}};
  for (int i = 0; i < repeat; ++i) {
    lede::engine::StageTimes stages;
    stages.clock = lede::engine::StageTimes::Clock::kThreadCpu;
    const double start = ThreadCpuMs();
    absl::StatusOr<lede::v1::ParseResponse> response =
        engine.Parse(request, absl::Now() + absl::Seconds(120), &stages);
    const double ms = ThreadCpuMs() - start;
    if (ms < best.ms) best = {response.status(), ms, stages};
  }
  return best;
}

std::string JsonString(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += absl::StrFormat("\\u%04x", c);
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// {"decode": ms, "frame": ms, ...}
std::string StagesJson(const lede::engine::StageTimes& stages) {
  std::string out = "{";
  for (size_t i = 0; i < lede::engine::kStageCount; ++i) {
    const auto stage = static_cast<lede::engine::Stage>(i);
    out += absl::StrFormat("%s\"%s\": %.3f", i ? ", " : "",
                           lede::engine::StageName(stage),
                           absl::ToDoubleMilliseconds(stages[stage]));
  }
  return out + "}";
}

}  // namespace

int main(int argc, char** argv) {
  std::string pages_file;
  std::string only_shape;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::stoi(argv[++i]);
    } else if (arg == "--shape" && i + 1 < argc) {
      only_shape = argv[++i];
    } else {
      pages_file = arg;
    }
  }
  const lede::engine::Engine engine;
  for (const lede::adversarial::Shape& shape : lede::adversarial::Shapes()) {
    if (!only_shape.empty() && only_shape != shape.name) continue;
    lede::v1::ParseRequest request;
    request.set_content(shape.make(shape.bytes));
    request.set_content_type(shape.content_type);
    const Timed timed = Time(engine, request, repeat);
    std::string quarter;
    if (shape.bytes > 0) {
      lede::v1::ParseRequest smaller = request;
      smaller.set_content(shape.make(shape.bytes / 4));
      quarter = absl::StrFormat(", \"quarter_bytes\": %d, \"quarter_ms\": %.3f",
                                smaller.content().size(),
                                Time(engine, smaller, repeat).ms);
    }
    std::cout << absl::StrFormat(
        "{\"shape\": %s, \"description\": %s, \"bytes\": %d, \"status\": %s, "
        "\"expected\": %s, \"message\": %s, \"ms\": %.3f, \"stages\": %s%s}\n",
        JsonString(shape.name), JsonString(shape.description),
        request.content().size(),
        JsonString(absl::StatusCodeToString(timed.status.code())),
        JsonString(absl::StatusCodeToString(shape.expected)),
        JsonString(timed.status.message()), timed.ms, StagesJson(timed.stages),
        quarter);
  }
  if (pages_file.empty()) return 0;
  std::ifstream list(pages_file);
  std::string path;
  while (std::getline(list, path)) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream bytes;
    bytes << file.rdbuf();
    lede::v1::ParseRequest request;
    request.set_content(bytes.str());
    const Timed timed = Time(engine, request, 1);
    std::cout << absl::StrFormat(
        "{\"page\": %s, \"bytes\": %d, \"status\": %s, \"ms\": %.3f}\n",
        JsonString(path), request.content().size(),
        JsonString(absl::StatusCodeToString(timed.status.code())), timed.ms);
  }
  return 0;
}
