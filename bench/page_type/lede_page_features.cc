// bench/page_type: what the engine's page-type stage measures of each page
// (server/engine/page_features.h) and what it concludes, for train.py.
//
//   lede_page_features < REQUESTS.jsonl > FEATURES.jsonl
//
// REQUESTS: one ParseRequest a line in proto3 JSON, as `lede parse
// --requests` reads them. Writes a first line {"feature_names": [...]}, then
// one line a request: {"id", "page_type", "confidence", "features": [...],
// "stage_ms": {"decode": ..., "classify": ...}}, or {"id", "error"} for a
// document the engine refuses. stage_ms is the time the engine spent in each
// stage, for the page-type stage's share of it. The features are
// those of Engine::Parse with default options: the same numbers the model
// reads when the engine runs.
#include <cstdio>
#include <iostream>
#include <string>

#include "client/cpp/json.h"
#include "nlohmann/json.hpp"
#include "server/engine/engine.h"
#include "server/engine/page_type.h"
#include "server/engine/stage_times.h"

int main() {
  using lede::engine::kPageFeatureCount;
  using lede::engine::kPageFeatureNames;
  nlohmann::json names = nlohmann::json::array();
  for (absl::string_view name : kPageFeatureNames) {
    names.push_back(std::string(name));
  }
  std::cout << nlohmann::json{{"feature_names", names}}.dump() << '\n';

  lede::engine::Engine engine;
  std::string line;
  int failed = 0;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    lede::v1::ParseRequest request;
    if (absl::Status read = lede::FromJson(line, &request); !read.ok()) {
      std::fprintf(stderr, "lede_page_features: %s\n",
                   std::string(read.message()).c_str());
      return 2;
    }
    lede::engine::PageFeatures features;
    lede::engine::StageTimes times;
    absl::StatusOr<lede::v1::ParseResponse> response =
        engine.Parse(request, absl::InfiniteFuture(), &times, &features);
    nlohmann::json out = {{"id", request.id()}};
    if (!response.ok()) {
      ++failed;
      out["error"] = std::string(response.status().message());
    } else {
      const lede::v1::Article& article = response->article();
      out["page_type"] =
          std::string(lede::engine::PageTypeName(article.page_type()));
      out["confidence"] = article.page_type_confidence();
      nlohmann::json values = nlohmann::json::array();
      for (size_t i = 0; i < kPageFeatureCount; ++i) {
        values.push_back(features[i]);
      }
      out["features"] = std::move(values);
      nlohmann::json stage_ms = nlohmann::json::object();
      for (size_t i = 0; i < lede::engine::kStageCount; ++i) {
        const auto stage = static_cast<lede::engine::Stage>(i);
        stage_ms[std::string(lede::engine::StageName(stage))] =
            absl::ToDoubleMilliseconds(times[stage]);
      }
      out["stage_ms"] = std::move(stage_ms);
    }
    std::cout << out.dump() << '\n';
  }
  if (failed > 0)
    std::fprintf(stderr, "lede_page_features: %d refused\n", failed);
  return 0;
}
