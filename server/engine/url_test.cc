#include "server/engine/url.h"

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

TEST(UrlTest, ResolveUrl) {
  const char kBase[] = "https://example.com/news/2024/story.html";
  EXPECT_EQ(ResolveUrl(kBase, "a.jpg"), "https://example.com/news/2024/a.jpg");
  EXPECT_EQ(ResolveUrl(kBase, "/a.jpg"), "https://example.com/a.jpg");
  EXPECT_EQ(ResolveUrl(kBase, "../a.jpg"), "https://example.com/news/a.jpg");
  EXPECT_EQ(ResolveUrl(kBase, "//cdn.example.com/a.jpg"),
            "https://cdn.example.com/a.jpg");
  EXPECT_EQ(ResolveUrl(kBase, " https://other.org/b.png "),
            "https://other.org/b.png");
  // Without a base, the reference as written; a protocol-relative one
  // gets https.
  EXPECT_EQ(ResolveUrl("", "/a.jpg"), "/a.jpg");
  EXPECT_EQ(ResolveUrl("", "//cdn.example.com/a.jpg"),
            "https://cdn.example.com/a.jpg");
  EXPECT_EQ(ResolveUrl(kBase, "javascript:void(0)"), "");
  EXPECT_EQ(ResolveUrl(kBase, "data:image/gif;base64,R0lG"), "");
  EXPECT_EQ(ResolveUrl(kBase, "   "), "");
}

TEST(UrlTest, UrlHost) {
  EXPECT_EQ(UrlHost("https://News.Example.COM/a"), "news.example.com");
  EXPECT_EQ(UrlHost(" http://example.com:8080/ "), "example.com");
  EXPECT_EQ(UrlHost("/relative/path"), "");
  EXPECT_EQ(UrlHost("not a url"), "");
}

TEST(UrlTest, SameSite) {
  EXPECT_TRUE(SameSite("example.com", "example.com"));
  EXPECT_TRUE(SameSite("www.example.com", "example.com"));
  EXPECT_TRUE(SameSite("example.com", "news.example.com"));
  EXPECT_TRUE(SameSite("www.example.com", "blog.example.com"));
  EXPECT_FALSE(SameSite("example.com", "notexample.com"));
  EXPECT_FALSE(SameSite("example.com", "example.org"));
  EXPECT_FALSE(SameSite("", ""));
  EXPECT_FALSE(SameSite("example.com", ""));
}

TEST(UrlTest, SplitUrl) {
  std::optional<UrlParts> parts =
      SplitUrl(" https://Docs.Example.org/en/latest/a%20b.html?q=1#x ");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->host, "docs.example.org");
  EXPECT_EQ(parts->path, "/en/latest/a%20b.html");
  EXPECT_TRUE(parts->has_query);
  parts = SplitUrl("https://example.com");
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->path, "");
  EXPECT_FALSE(parts->has_query);
  EXPECT_FALSE(SplitUrl("/relative/path").has_value());
  EXPECT_FALSE(SplitUrl("").has_value());
}

}  // namespace
}  // namespace lede::engine
