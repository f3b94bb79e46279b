#include "server/engine/engine.h"

#include <random>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::ParseRequest Request(std::string content) {
  v1::ParseRequest request;
  request.set_content(std::move(content));
  request.set_id("doc-1");
  return request;
}

TEST(EngineTest, EmptyContentIsInvalidArgument) {
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(Request(" \n"));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("empty"));
}

TEST(EngineTest, BinaryContentIsInvalidArgument) {
  absl::StatusOr<v1::ParseResponse> response =
      Engine().Parse(Request(std::string("\x89PNG\r\n\x1a\n\0\0", 10)));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("PNG"));
}

// Bytes as random as /dev/urandom's, the same in every run.
std::string RandomBytes(size_t size, uint32_t seed) {
  std::mt19937 random(seed);
  std::string bytes(size, '\0');
  for (char& byte : bytes) byte = static_cast<char>(random() & 0xFF);
  return bytes;
}

TEST(EngineTest, RandomBytesAreInvalidArgument) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    for (size_t size : {300u, 100'000u}) {
      absl::StatusOr<v1::ParseResponse> response =
          Engine().Parse(Request(RandomBytes(size, seed)));
      EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument)
          << size;
      EXPECT_THAT(response.status().message(), HasSubstr("binary data"));
    }
  }
  // A text header does not make the rest a document.
  absl::StatusOr<v1::ParseResponse> response =
      Engine().Parse(Request("<html><title>x</title>" + std::string(5000, 'a') +
                             RandomBytes(100'000, 4)));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
}

// A text of 6000 bytes with `controls` control characters at `at`.
std::string TextWithControls(size_t controls, size_t at) {
  std::string text = "<p>" + std::string(5997, 'a');
  for (size_t i = 0; i < controls; ++i) text[at + i] = '\x01';
  return text;
}

TEST(EngineTest, AShortTextIsJudgedWholeWhereverItsControlsStand) {
  // 100 of 6000 characters (1.7 %) are under the 2 % that makes binary
  // data, 150 (2.5 %) over, in the middle as at the head.
  for (size_t at : {size_t{10}, size_t{2950}}) {
    EXPECT_TRUE(Engine().Parse(Request(TextWithControls(100, at))).ok()) << at;
    EXPECT_EQ(
        Engine().Parse(Request(TextWithControls(150, at))).status().code(),
        absl::StatusCode::kInvalidArgument)
        << at;
  }
}

TEST(EngineTest, BinaryFormatsAreNamed) {
  const std::pair<std::string, const char*> kFiles[] = {
      {std::string("7z\xBC\xAF\x27\x1C\0\4", 8), "7-Zip"},
      {std::string("SQLite format 3\0\x10\0", 19), "SQLite"},
      {std::string("ID3\x04\0\0\0\0\0\x23", 10), "MP3"},
      {std::string("\0asm\1\0\0\0", 8), "WebAssembly"},
  };
  for (const auto& [bytes, name] : kFiles) {
    absl::StatusOr<v1::ParseResponse> response =
        Engine().Parse(Request(bytes + RandomBytes(1000, 5)));
    EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(response.status().message(), HasSubstr(name));
  }
}

TEST(EngineTest, TextInALegacyCharsetIsNotBinary) {
  // GBK: every byte of the Chinese text is above 0x80.
  std::string gbk = "<html><head><meta charset=gbk></head><body><p>";
  for (int i = 0; i < 200; ++i)
    gbk += "\xD6\xD0\xCE\xC4\xB2\xE2\xCA\xD4\xA1\xA3";
  gbk += "\x01</p></body></html>";  // and one stray control character
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(Request(gbk));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->charset(), "GB18030");  // WHATWG: gbk reads as GB18030
}

// CJK text and U+FFFD are three-byte characters, each counted once: 30
// replacement characters among 1007 are 3 % of them, over the 2 % allowed;
// 10 are 1 %.
TEST(EngineTest, ReplacementCharactersInCjkTextAreCountedOnce) {
  auto page = [](int replacements) {
    std::string html = "<p>";
    for (int i = 0; i < 1000 - replacements; ++i) html += "中";
    for (int i = 0; i < replacements; ++i) html += "\xEF\xBF\xBD";
    return html + "</p>";
  };
  absl::StatusOr<v1::ParseResponse> binary = Engine().Parse(Request(page(30)));
  EXPECT_EQ(binary.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(binary.status().message(), HasSubstr("(3 % of the characters"));
  absl::StatusOr<v1::ParseResponse> text = Engine().Parse(Request(page(10)));
  EXPECT_TRUE(text.ok()) << text.status();
}

TEST(EngineTest, OversizeContentIsResourceExhausted) {
  Limits limits;
  limits.max_input_bytes = 100;
  absl::StatusOr<v1::ParseResponse> response =
      Engine(limits).Parse(Request(std::string(101, 'x')));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(response.status().message(), HasSubstr("max_input_bytes"));
  EXPECT_EQ(ExceededLimit(response.status()), Limit::kMaxInputBytes);
}

TEST(EngineTest, OnlyLimitRefusalsNameALimit) {
  absl::StatusOr<v1::ParseResponse> empty = Engine().Parse(Request(""));
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ExceededLimit(empty.status()), std::nullopt);
  EXPECT_EQ(ExceededLimit(absl::ResourceExhaustedError("queue full")),
            std::nullopt);
}

TEST(EngineTest, PassedDeadlineIsDeadlineExceeded) {
  absl::StatusOr<v1::ParseResponse> response =
      Engine().Parse(Request("<p>Hello there.</p>"), absl::InfinitePast());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded);
}

TEST(EngineTest, StageTimesAddUpToNoMoreThanTheCall) {
  StageTimes times;
  const absl::Time start = absl::Now();
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(
      Request("<html><body><article><h1>A title</h1><p>Some words of a "
              "paragraph, long enough to be read.</p></article></body></html>"),
      absl::InfiniteFuture(), &times);
  const absl::Duration wall = absl::Now() - start;
  ASSERT_TRUE(response.ok()) << response.status();
  absl::Duration total;
  for (absl::Duration stage : times.elapsed) {
    EXPECT_GE(stage, absl::ZeroDuration());
    total += stage;
  }
  EXPECT_GT(total, absl::ZeroDuration());
  EXPECT_LE(total, wall);
  EXPECT_EQ(StageName(Stage::kMetadata), "metadata");
}

TEST(EngineTest, StagesAfterAFailureTakeNoTime) {
  StageTimes times;
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(
      Request("<p>Hello there.</p>"), absl::InfinitePast(), &times);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(times[Stage::kContent], absl::ZeroDuration());
  EXPECT_EQ(times[Stage::kLanguage], absl::ZeroDuration());
  EXPECT_EQ(times[Stage::kRender], absl::ZeroDuration());
}

TEST(EngineTest, ParsesAPageEndToEnd) {
  v1::ParseRequest request = Request(
      "<html lang=en><head><title>Budget passes - Example</title></head>"
      "<body><article><h1>Budget passes</h1><p>The council voted on Tuesday "
      "to approve the new budget, which raises spending on schools, roads "
      "and parks by a tenth.</p></article></body></html>");
  request.set_url("https://example.com/2024/05/budget");
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->id(), "doc-1");
  EXPECT_EQ(response->framing(), "html-page");
  const v1::Article& article = response->article();
  EXPECT_EQ(article.title(), "Budget passes");
  EXPECT_THAT(article.text(), HasSubstr("The council voted"));
  EXPECT_THAT(article.html(), HasSubstr("<p>The council voted"));
  EXPECT_EQ(article.language(), "en");
  EXPECT_GT(article.word_count(), 15);
  EXPECT_EQ(article.fingerprint().size(), 16u);
}

TEST(EngineTest, FormatsOptionLimitsRenderings) {
  v1::ParseRequest request = Request("<p>The council voted on Tuesday.</p>");
  request.mutable_options()->add_formats(v1::FORMAT_MARKDOWN);
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(request);
  ASSERT_TRUE(response.ok());
  EXPECT_TRUE(response->article().text().empty());
  EXPECT_TRUE(response->article().html().empty());
  EXPECT_FALSE(response->article().markdown().empty());
}

TEST(EngineTest, DetectLanguageAnswersAndValidates) {
  v1::DetectLanguageRequest request;
  request.set_text("Le conseil municipal a voté mardi le nouveau budget.");
  absl::StatusOr<v1::DetectLanguageResponse> response =
      Engine().DetectLanguage(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->language(), "fr");
  request.set_text("");
  EXPECT_EQ(Engine().DetectLanguage(request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

// "经济发展很快" and a paragraph, in GBK.
constexpr char kGbkTitle[] = "\xBE\xAD\xBC\xC3\xB7\xA2\xD5\xB9\xBA\xDC\xBF\xEC";
constexpr char kGbkBody[] =
    "\xD6\xD0\xBB\xAA\xC8\xCB\xC3\xF1\xB9\xB2\xBA\xCD\xB9\xFA\xB3\xC9\xC1\xA2"
    "\xD2\xD4\xC0\xB4\xA3\xAC\xBE\xAD\xBC\xC3\xB7\xA2\xD5\xB9\xBA\xDC\xBF\xEC"
    "\xA1\xA3\xC8\xCB\xC3\xC7\xB5\xC4\xC9\xFA\xBB\xEE\xCB\xAE\xC6\xBD\xB2\xBB"
    "\xB6\xCF\xCC\xE1\xB8\xDF\xA3\xAC\xB3\xC7\xCA\xD0\xBD\xA8\xC9\xE8\xC8\xD5"
    "\xD0\xC2\xD4\xC2\xD2\xEC\xA1\xA3\xCB\xFB\xB5\xC4\xCD\xB7\xB7\xA2\xBA\xDC"
    "\xB3\xA4\xA1\xA3";

TEST(EngineTest, GbkPageIsDecodedIdentifiedAndConverted) {
  v1::ParseRequest request = Request(absl::StrCat(
      "<html><head><title>", kGbkTitle, "</title></head><body><article><h1>",
      kGbkTitle, "</h1><p>", kGbkBody, "</p></article></body></html>"));
  request.set_content_type("text/html; charset=gb2312");
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->charset(), "GB18030");
  EXPECT_EQ(response->article().language(), "zh-Hans");
  EXPECT_GT(response->article().language_confidence(), 0.5f);
  EXPECT_THAT(response->article().text(), HasSubstr("他的头发很长"));
  // Chinese words, not one "word" per sentence.
  EXPECT_GT(response->article().word_count(), 20);
  EXPECT_GT(response->article().reading_time_seconds(), 5);

  request.mutable_options()->set_convert_chinese(
      v1::CHINESE_SCRIPT_TRADITIONAL);
  response = Engine().Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->article().title(), "經濟發展很快");
  EXPECT_THAT(response->article().text(), HasSubstr("他的頭髮很長"));
  // The language is what the page was written in.
  EXPECT_EQ(response->article().language(), "zh-Hans");
}

TEST(EngineTest, DetectLanguageGivesRunnersUpForShortTitles) {
  v1::DetectLanguageRequest request;
  request.set_text("東京");
  absl::StatusOr<v1::DetectLanguageResponse> response =
      Engine().DetectLanguage(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->language(), "zh-Hant");
  EXPECT_GT(response->confidence(), 0.0f);
  ASSERT_GE(response->candidates_size(), 2);
  EXPECT_LE(response->candidates(0).confidence(), response->confidence());
  request.set_text("中文");
  request.set_hint(".tw");
  response = Engine().DetectLanguage(request);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->language(), "zh-Hant");
}

TEST(EngineTest, CommentsAreWrittenAsPostsOnlyWhenAsked) {
  const std::string page =
      "<html><body><article><h1>Budget passes</h1><p>The council voted on "
      "Tuesday to approve the new budget, which raises spending on "
      "schools, roads and parks by a tenth.</p><p>Opponents said the plan, "
      "drafted in a hurry, leaves the city exposed if tax receipts "
      "fall.</p></article><section class=\"comments\"><div "
      "class=\"comment\"><span class=\"author\">Ann</span> <time "
      "datetime=\"2024-05-02T10:00:00Z\">2 May</time><p>Well "
      "reported.</p><p>Thanks.</p></div></section></body></html>";
  v1::ParseRequest request = Request(page);
  absl::StatusOr<v1::ParseResponse> without = Engine().Parse(request);
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->article().comments_size(), 0);

  request.mutable_options()->set_include_comments(true);
  absl::StatusOr<v1::ParseResponse> with = Engine().Parse(request);
  ASSERT_TRUE(with.ok());
  ASSERT_EQ(with->article().comments_size(), 1);
  const v1::Post& post = with->article().comments(0);
  EXPECT_EQ(post.author(), "Ann");
  EXPECT_EQ(post.published_time().seconds(),
            absl::ToUnixSeconds(absl::FromCivil(
                absl::CivilSecond(2024, 5, 2, 10, 0, 0), absl::UTCTimeZone())));
  EXPECT_EQ(post.published_time_text(), "2024-05-02T10:00:00Z");
  EXPECT_EQ(post.text(), "Well reported.\n\nThanks.");
  EXPECT_EQ(with->article().text(), without->article().text());
  EXPECT_THAT(with->article().text(), Not(HasSubstr("Well reported")));
}

TEST(EngineTest, AnArticleLosesTheTeaserCardsThatCloseIt) {
  std::string page =
      "<html><head><title>Budget passes</title></head><body><article>"
      "<h1>Budget passes</h1><time datetime=2024-05-02>2 May 2024</time>";
  for (int i = 0; i < 6; ++i) {
    page +=
        "<p>The council voted on Tuesday to approve the new budget, which "
        "raises spending on schools, roads and parks by a tenth.</p>";
  }
  // Inside the article's container, where the walk reads them.
  page += "<section><h2>More from the Gazette</h2>";
  for (const char* story :
       {"Schools reopen after the storm", "Bridge repairs to start in June",
        "Library hours change this summer"}) {
    page += absl::StrCat("<div><h3><a href=/2024/05/story>", story,
                         "</a></h3><p>May 1, 2024</p><p>The mayor said the "
                         "work would be done by the spring.</p></div>");
  }
  page += "</section></article></body></html>";
  v1::ParseRequest request = Request(page);
  request.set_url("https://example.com/2024/05/budget");
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(request);
  ASSERT_TRUE(response.ok()) << response.status();
  const v1::Article& article = response->article();
  EXPECT_EQ(article.page_type(), v1::PAGE_TYPE_ARTICLE);
  EXPECT_THAT(article.text(), HasSubstr("The council voted"));
  EXPECT_THAT(article.text(), Not(HasSubstr("Schools reopen")));
  EXPECT_THAT(article.text(), Not(HasSubstr("More from the Gazette")));
}

}  // namespace
}  // namespace lede::engine
