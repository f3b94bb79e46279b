#include "server/engine/article_writer.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

using ::testing::ElementsAre;

Body OneParagraphAndAFigure() {
  Body body;
  Block paragraph;
  paragraph.text = "The council voted on Tuesday.";
  Block figure;
  figure.kind = BlockKind::kFigure;
  figure.image = {"https://example.com/a.jpg", "Council", "The chamber", 640,
                  480};
  figure.text = "The chamber";
  body.blocks = {paragraph, figure};
  body.images = {figure.image};
  return body;
}

TEST(ArticleWriterTest, FactsWithTheirProvenance) {
  PageFacts facts;
  facts.url.Set("https://example.com/news/1", "request");
  facts.canonical_url = "https://example.com/n/1";
  facts.title.Set("Budget passes", "opengraph");
  facts.authors.Set({"Jane Doe", "John Roe"}, "json-ld");
  ParsedDate date;
  date.time = absl::FromUnixSeconds(1700000000);
  date.precision = v1::DATE_PRECISION_SECOND;
  date.text = "2023-11-14T22:13:20Z";
  date.day = absl::CivilDay(2023, 11, 14);
  facts.published.Set(date, "time");
  v1::Article article;
  WriteArticle(facts, Body(), PageTypeVerdict(), LanguageResult(),
               TextMeasures(), v1::ParseOptions(), &article);
  EXPECT_EQ(article.url(), "https://example.com/news/1");
  EXPECT_EQ(article.canonical_url(), "https://example.com/n/1");
  EXPECT_EQ(article.title(), "Budget passes");
  EXPECT_THAT(article.authors(), ElementsAre("Jane Doe", "John Roe"));
  EXPECT_EQ(article.published_time().seconds(), 1700000000);
  EXPECT_EQ(article.published_time_text(), "2023-11-14T22:13:20Z");
  EXPECT_EQ(article.published_date(), "2023-11-14");
  EXPECT_EQ(article.provenance().at("url"), "request");
  EXPECT_EQ(article.provenance().at("title"), "opengraph");
  EXPECT_EQ(article.provenance().at("authors"), "json-ld");
  EXPECT_EQ(article.provenance().at("published_time"), "time");
  // What the page did not give has neither a value nor a provenance.
  EXPECT_FALSE(article.has_modified_time());
  EXPECT_EQ(article.provenance().count("description"), 0u);
  EXPECT_EQ(article.provenance().count("lead_image"), 0u);
}

TEST(ArticleWriterTest, TheFirstImageLeadsWhenTheFactsNameNone) {
  v1::Article article;
  WriteArticle(PageFacts(), OneParagraphAndAFigure(), PageTypeVerdict(),
               LanguageResult(), TextMeasures(), v1::ParseOptions(), &article);
  ASSERT_EQ(article.images_size(), 1);
  EXPECT_EQ(article.images(0).caption(), "The chamber");
  EXPECT_EQ(article.images(0).width(), 640);
  EXPECT_EQ(article.lead_image().url(), "https://example.com/a.jpg");
  EXPECT_EQ(article.provenance().at("lead_image"), "content");

  PageFacts facts;
  facts.lead_image.Set("https://example.com/og.jpg", "opengraph");
  v1::Article named;
  WriteArticle(facts, OneParagraphAndAFigure(), PageTypeVerdict(),
               LanguageResult(), TextMeasures(), v1::ParseOptions(), &named);
  EXPECT_EQ(named.images_size(), 1);
  EXPECT_EQ(named.lead_image().url(), "https://example.com/og.jpg");
  EXPECT_EQ(named.provenance().at("lead_image"), "opengraph");
}

TEST(ArticleWriterTest, OnlyTheFormatsAskedFor) {
  v1::ParseOptions options;
  options.add_formats(v1::FORMAT_MARKDOWN);
  v1::Article article;
  WriteArticle(PageFacts(), OneParagraphAndAFigure(), PageTypeVerdict(),
               LanguageResult(), MeasureText("The council voted on Tuesday."),
               options, &article);
  EXPECT_EQ(article.text(), "");
  EXPECT_EQ(article.html(), "");
  EXPECT_THAT(article.markdown(), ::testing::HasSubstr("The council voted"));
  EXPECT_EQ(article.word_count(), 5);
  EXPECT_GT(article.reading_time_seconds(), 0);
  EXPECT_EQ(article.fingerprint().size(), 16u);

  v1::Article all;
  WriteArticle(PageFacts(), OneParagraphAndAFigure(), PageTypeVerdict(),
               LanguageResult(), TextMeasures(), v1::ParseOptions(), &all);
  // The caption stays with the image, out of the text.
  EXPECT_EQ(all.text(), "The council voted on Tuesday.");
  EXPECT_THAT(all.html(), ::testing::HasSubstr("<figcaption>The chamber"));
}

// The engine's overload writes the text it is given, rendered once before
// for the language and the measures, and the text only when it is asked for.
TEST(ArticleWriterTest, TheTextRenderedBeforeIsWrittenAsGiven) {
  v1::Article article;
  WriteArticle(PageFacts(), OneParagraphAndAFigure(),
               "The council voted on Tuesday.", PageTypeVerdict(),
               LanguageResult(), TextMeasures(), v1::ParseOptions(), &article);
  EXPECT_EQ(article.text(), "The council voted on Tuesday.");
  EXPECT_THAT(article.html(), ::testing::HasSubstr("<figcaption>The chamber"));

  v1::ParseOptions markdown;
  markdown.add_formats(v1::FORMAT_MARKDOWN);
  v1::Article without_text;
  WriteArticle(PageFacts(), OneParagraphAndAFigure(),
               "The council voted on Tuesday.", PageTypeVerdict(),
               LanguageResult(), TextMeasures(), markdown, &without_text);
  EXPECT_EQ(without_text.text(), "");
}

TEST(ArticleWriterTest, LanguageToThreeDecimals) {
  LanguageResult result;
  result.guesses = {{"fr", 0.99716711f}};
  result.shares = {{"fr", 0.8123456f}, {"en", 0.1876544f}};
  v1::Article article;
  WriteArticle(PageFacts(), Body(), PageTypeVerdict(), result, TextMeasures(),
               v1::ParseOptions(), &article);
  EXPECT_EQ(article.language(), "fr");
  EXPECT_FLOAT_EQ(article.language_confidence(), 0.997f);
  ASSERT_EQ(article.languages_size(), 2);
  EXPECT_FLOAT_EQ(article.languages(1).share(), 0.188f);
  EXPECT_EQ(MeasureText("").fingerprint, "");
}

TEST(ArticleWriterTest, ThePageTypeWithItsConfidence) {
  PageTypeVerdict verdict;
  verdict.type = v1::PAGE_TYPE_FORUM;
  verdict.confidence = 0.8734f;
  v1::Article article;
  WriteArticle(PageFacts(), Body(), verdict, LanguageResult(), TextMeasures(),
               v1::ParseOptions(), &article);
  EXPECT_EQ(article.page_type(), v1::PAGE_TYPE_FORUM);
  EXPECT_FLOAT_EQ(article.page_type_confidence(), 0.873f);
}

}  // namespace
}  // namespace lede::engine
