#include "server/engine/url.h"

#include <string>
#include <vector>

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

// Absolute references, those read as written and those boost rewrites
// (dot segments, percent-encoding, schemes in capitals), resolve as boost
// resolves them, against a base and without one.
TEST(UrlTest, AbsoluteReferencesResolveAsBoostResolvesThem) {
  const std::vector<std::string> references = {
      "https://example.com/a.jpg",
      "http://example.com",
      "https://example.com?x=/./y",
      "https://example.com#/../z",
      "https://cdn.example.com/img/a.jpg?w=300&h=200#top",
      "https://example.com/a/./b.jpg",
      "https://example.com/a/../b.jpg",
      "https://example.com/a/..",
      "https://example.com/a/.",
      "https://example.com/.hidden/b.jpg",
      "https://example.com/a/%2e%2E/b.jpg",
      "https://example.com/%7euser/a%2fb.jpg",
      "https://example.com/a.jpg?q=%7e",
      "https://user:pa%73s@Example.COM:8080/a.jpg",
      "HTTPS://EXAMPLE.COM/A/../B.JPG",
      "https://example.com/a b.jpg",
      "https://example.com/a\\b.jpg",
      "https://[::1]/a.jpg",
      "https://exa mple.com/a.jpg",
      "http://example.com//a//b.jpg",
      "https:/example.com/a.jpg",
      "https:example.com/a.jpg",
      "https://",
      "http://example.com/\xE4\xB8\xAD.jpg",
      "ftp://example.com/a/../b"};
  for (const char* base : {"https://example.com/news/2024/story.html", "",
                           "not a base", "/relative/base"}) {
    for (const std::string& reference : references) {
      EXPECT_EQ(ResolveUrl(base, reference),
                ResolveUrlByParsing(base, reference))
          << base << " + " << reference;
    }
  }
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
