#include "server/engine/metadata.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

v1::Article Extract(const std::string& document, const std::string& url = "") {
  FramedDocument framed = FrameDocument(document);
  absl::StatusOr<Dom> dom =
      Dom::Parse(framed.html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok());
  v1::Article article;
  MetadataOptions options;
  options.url = url;
  EXPECT_TRUE(
      ExtractMetadata(*dom, framed, options, absl::InfiniteFuture(), &article)
          .ok());
  return article;
}

TEST(MetadataTest, OpenGraphBeatsTitleTag) {
  v1::Article article = Extract(
      "<html><head><title>Budget passes - Example News</title>"
      "<meta property=\"og:title\" content=\"Budget passes\">"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "</head><body><p>x</p></body></html>");
  EXPECT_EQ(article.title(), "Budget passes");
  EXPECT_EQ(article.site_name(), "Example News");
  EXPECT_EQ(article.provenance().at("title"), "opengraph");
}

TEST(MetadataTest, TitleTagLosesItsSiteSuffix) {
  v1::Article article = Extract(
      "<html><head><title>The council approves the budget | Example "
      "News</title></head><body><p>x</p></body></html>");
  EXPECT_EQ(article.title(), "The council approves the budget");
  EXPECT_EQ(article.provenance().at("title"), "title-tag");
}

TEST(MetadataTest, FrontMatterFieldsAndProvenance) {
  v1::Article article = Extract(
      "---\ntitle: Hello\nauthor: ZAKER\ndate: 2022-05-04 23:12:35\n"
      "categories:\n - 新媒体\ntags: [a, b]\nheadimg: https://x.cn/a.jpg\n"
      "---\n<p>Body</p>");
  EXPECT_EQ(article.title(), "Hello");
  EXPECT_THAT(article.authors(), ::testing::ElementsAre("ZAKER"));
  EXPECT_THAT(article.categories(), ::testing::ElementsAre("新媒体"));
  EXPECT_THAT(article.tags(), ::testing::ElementsAre("a", "b"));
  EXPECT_EQ(article.published_time().seconds(), 1651705955);
  EXPECT_EQ(article.lead_image().url(), "https://x.cn/a.jpg");
  EXPECT_EQ(article.provenance().at("published_time"), "front-matter");
}

TEST(MetadataTest, SourceFromChineseTextPattern) {
  v1::Article article =
      Extract("<div><p>正文。</p><p>来源：环球网 / 乌元春</p></div>");
  EXPECT_EQ(article.source(), "环球网");
  EXPECT_EQ(article.provenance().at("source"), "text-pattern");
}

TEST(MetadataTest, RelTagLinksAreTags) {
  v1::Article article = Extract(
      "<p><a rel=\"tag\" href=/t/1>康威</a> and <a rel=\"tag\" "
      "href=/t/2>俄罗斯</a></p>");
  EXPECT_THAT(article.tags(), ::testing::ElementsAre("康威", "俄罗斯"));
}

TEST(MetadataTest, MarkdownLinkGivesTitleUrlAndSite) {
  v1::Article article =
      Extract("[A title](https://www.rfi.fr/cn/a)\n------\n\n<p>Body.</p>");
  EXPECT_EQ(article.title(), "A title");
  EXPECT_EQ(article.url(), "https://www.rfi.fr/cn/a");
  EXPECT_EQ(article.site_name(), "www.rfi.fr");
}

TEST(MetadataTest, NoDateMeansNone) {
  v1::Article article = Extract("<h2>Title</h2><p>Body.</p>");
  EXPECT_FALSE(article.has_published_time());
}

TEST(MetadataTest, DateAfterReferenceTimeIsNotBelieved) {
  FramedDocument framed = FrameDocument(
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2030-01-01T00:00:00Z\"></head><body>x</body></html>");
  absl::StatusOr<Dom> dom =
      Dom::Parse(framed.html, Limits(), absl::InfiniteFuture());
  ASSERT_TRUE(dom.ok());
  v1::Article article;
  MetadataOptions options;
  options.reference_time =
      absl::FromCivil(absl::CivilDay(2025, 1, 1), absl::UTCTimeZone());
  ASSERT_TRUE(
      ExtractMetadata(*dom, framed, options, absl::InfiniteFuture(), &article)
          .ok());
  EXPECT_FALSE(article.has_published_time());
}

}  // namespace
}  // namespace lede::engine
