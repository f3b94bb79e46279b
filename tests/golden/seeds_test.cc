// The three seed documents against tests/fixtures/seeds/expected.json, the
// values a correct parse must give (a copy of ../shared/seeds).
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "server/engine/engine.h"

namespace lede {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

// NFC and white space folded, as ../shared/tools/check_seeds.py compares.
std::string Norm(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string normalized;
  nfc->normalize(icu::UnicodeString::fromUTF8(text), status)
      .toUTF8String(normalized);
  return absl::StrJoin(
      absl::StrSplit(normalized, absl::ByAnyChar(" \t\n\r\f\v"),
                     absl::SkipEmpty()),
      " ");
}

std::string IsoTime(const google::protobuf::Timestamp& time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S",
                          absl::FromUnixSeconds(time.seconds()),
                          absl::UTCTimeZone());
}

class SeedsTest : public ::testing::TestWithParam<std::string> {
 protected:
  static nlohmann::json Expected() {
    return nlohmann::json::parse(
        ReadFile(std::string(LEDE_SEEDS_DIR) + "/expected.json"));
  }
};

TEST_P(SeedsTest, MatchesExpected) {
  const std::string name = GetParam();
  const nlohmann::json expected = Expected().at(name);
  v1::ParseRequest request;
  request.set_content(ReadFile(std::string(LEDE_SEEDS_DIR) + "/" + name));
  absl::StatusOr<v1::ParseResponse> response = engine::Engine().Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  const v1::Article& article = response->article();
  const std::string text = Norm(article.text());

  EXPECT_EQ(Norm(article.title()), Norm(expected.at("title")));
  for (const std::string& snippet : expected.at("with")) {
    EXPECT_TRUE(absl::StrContains(text, Norm(snippet)))
        << "missing: " << snippet;
  }
  for (const std::string& snippet : expected.at("without")) {
    EXPECT_FALSE(absl::StrContains(text, Norm(snippet)))
        << "should not contain: " << snippet;
  }
  if (expected.contains("language")) {
    EXPECT_EQ(article.language(), expected.at("language"));
  }
  if (expected.contains("publishedTime")) {
    if (expected.at("publishedTime").is_null()) {
      EXPECT_FALSE(article.has_published_time());
    } else {
      std::string want = expected.at("publishedTime");
      EXPECT_EQ(IsoTime(article.published_time()),
                want.substr(0, want.size() - 1));
    }
  }
  if (expected.contains("publishedTime_date")) {
    EXPECT_EQ(IsoTime(article.published_time()).substr(0, 10),
              expected.at("publishedTime_date"));
  }
  if (expected.contains("source")) {
    EXPECT_EQ(Norm(article.source()), Norm(expected.at("source")));
  }
  if (expected.contains("authors_any_of")) {
    bool found = false;
    for (const std::string& author : expected.at("authors_any_of")) {
      for (const std::string& got : article.authors()) {
        found = found || Norm(got) == author;
      }
    }
    EXPECT_TRUE(found);
  }
  if (expected.contains("siteName_any_of")) {
    bool found = false;
    for (const std::string& site : expected.at("siteName_any_of")) {
      found = found || Norm(article.site_name()) == site;
    }
    EXPECT_TRUE(found) << article.site_name();
  }
  for (const char* key : {"tags", "categories"}) {
    if (!expected.contains(key)) continue;
    const auto& got =
        std::string(key) == "tags" ? article.tags() : article.categories();
    for (const std::string& want : expected.at(key)) {
      EXPECT_NE(std::find(got.begin(), got.end(), want), got.end())
          << key << " missing " << want;
    }
  }
  if (expected.contains("leadImage_contains")) {
    EXPECT_TRUE(
        absl::StrContains(article.lead_image().url(),
                          std::string(expected.at("leadImage_contains"))));
  }
  if (expected.contains("images")) {
    for (const nlohmann::json& want : expected.at("images")) {
      const v1::Image* found = nullptr;
      for (const v1::Image& image : article.images()) {
        if (absl::StrContains(image.url(),
                              std::string(want.at("url_contains")))) {
          found = &image;
          break;
        }
      }
      ASSERT_NE(found, nullptr) << want.at("url_contains");
      EXPECT_EQ(Norm(found->caption()), Norm(want.at("caption")));
      EXPECT_EQ(found->width(), want.at("width"));
      EXPECT_EQ(found->height(), want.at("height"));
    }
  }
}

// Every seed is a news article, and none is among the pages the page-type
// model was trained on (bench/page_type/train.py).
TEST_P(SeedsTest, IsAnArticle) {
  v1::ParseRequest request;
  request.set_content(ReadFile(std::string(LEDE_SEEDS_DIR) + "/" + GetParam()));
  absl::StatusOr<v1::ParseResponse> response = engine::Engine().Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->article().page_type(), v1::PAGE_TYPE_ARTICLE)
      << v1::PageType_Name(response->article().page_type());
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedsTest,
                         ::testing::Values("000_73177165b3486f68.txt",
                                           "001_273696c2cfa1a6c5.txt",
                                           "002_0c0f1ca0c1dec935.txt"),
                         [](const auto& info) {
                           return "seed_" + info.param.substr(0, 3);
                         });

}  // namespace
}  // namespace lede
