#include "server/engine/url.h"

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

// A fixed sequence of numbers, each below the bound asked for: generated
// cases that are the same on every run.
class Draws {
 public:
  explicit Draws(uint32_t seed) : state_(seed) {}
  uint32_t operator()(uint32_t bound) {
    state_ = state_ * 1103515245 + 12345;
    return (state_ >> 8) % bound;
  }

 private:
  uint32_t state_;
};

// URLs that Boost.URL reads otherwise than as written, or not at all.
constexpr const char* kUrlsNotPlain[] = {
    "https://Example.com/a",      "https://example.com:8080/a",
    "https://user@example.com/a", "https://[::1]/a",
    "https://exa_mple.com/a",     "HTTPS://example.com/a",
    "https://example.com/a b"};

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

// References from the root ("/a.jpg") and from a host ("//cdn/a.jpg"),
// those copied as written and those left to boost (dot segments, escapes,
// ports, capitals, bytes that do not parse), resolve as boost resolves them,
// against bases that parse and bases that do not (without a base, a
// reference from a host gets https: ResolveUrl above).
TEST(UrlTest, RootAndHostReferencesResolveAsBoostResolvesThem) {
  std::vector<std::string> bases = {
      "https://example.com/news/2024/story.html",
      "http://example.com",
      "https://example.com?q=1#top",
      "https://sub.example-site.co.uk/a/b/?x=%41#f",
      "https://example.com/a%2/b",
      "https://example.com/a%zz",
      "https://example.com/a#b#c",
      "https://example.com/\xE4\xB8\xAD",
      "https:///a",
      "ftp://example.com/a",
      "/relative/base"};
  bases.insert(bases.end(), std::begin(kUrlsNotPlain), std::end(kUrlsNotPlain));
  std::vector<std::string> references = {"/",
                                         "/a.jpg",
                                         "/a/b.jpg?w=1&h=2#top",
                                         "/a?x=/./y",
                                         "/a#/../z",
                                         "/./a",
                                         "/a/../b",
                                         "/a/.",
                                         "/.well-known/x",
                                         "/a/b.",
                                         "/a%20b",
                                         "/a%7e",
                                         "/a b",
                                         "/a|b",
                                         "/a{b}",
                                         "/a^b",
                                         "/a`b",
                                         "/a\"b",
                                         "/a<b>",
                                         "/a\\b",
                                         "/a#b#c",
                                         "/a[b]",
                                         "/a:b@c!$&'()*+,;=",
                                         "/\xE4\xB8\xAD.jpg",
                                         "//cdn.example.com/a.jpg",
                                         "//cdn.example.com",
                                         "//cdn.example.com?x",
                                         "//cdn.example.com#f",
                                         "//CDN.example.com/a",
                                         "//cdn.example.com:80/a",
                                         "//user@cdn.example.com/a",
                                         "//[::1]/a",
                                         "//",
                                         "///a",
                                         "//cdn/./a",
                                         "//cdn/a/../b",
                                         "//cdn/a%2fb",
                                         "//exa mple.com/a",
                                         "//cdn_x.com/a",
                                         "//cdn.example.com/a#b#c"};
  // And generated ones, from the bytes that decide.
  const std::string alphabet = "a/.%2f?#:@[] |\"\\^{}Z9-_~!$&'()*+,;=\xE4";
  Draws next(12345);
  for (int i = 0; i < 4000; ++i) {
    std::string reference = next(2) == 0 ? "/" : "//";
    const uint32_t length = next(12);
    for (uint32_t j = 0; j < length; ++j) {
      reference.push_back(alphabet[next(alphabet.size())]);
    }
    references.push_back(reference);
  }
  for (const std::string& base : bases) {
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

// Hosts read without Boost.URL are those SplitUrl reads with it.
TEST(UrlTest, UrlHostIsSplitUrlsHost) {
  std::vector<std::string> urls = {"https://example.com/a",
                                   " http://example.com ",
                                   "https://example.com",
                                   "https://example.com?q#f",
                                   "https://example.com/a%2",
                                   "https://example.com/a%41",
                                   "https://example.com/a#b#c",
                                   "https:///a",
                                   "ftp://example.com/a",
                                   "//example.com/a",
                                   "/relative",
                                   ""};
  urls.insert(urls.end(), std::begin(kUrlsNotPlain), std::end(kUrlsNotPlain));
  // And generated ones, from the bytes that decide.
  const std::string alphabet = "a/.%4f?#:@[] |\"\\^{}Z9-_~!$&'()*+,;=\xE4";
  Draws next(54321);
  // A host of the bytes read without Boost, now and then with one that is
  // not, and what follows it.
  const std::string host_bytes = "ab9.-";
  const std::string odd_host_bytes = "A_:@[ %";
  for (int i = 0; i < 4000; ++i) {
    std::string url = next(2) == 0 ? "https://" : "http://";
    const uint32_t host_length = next(8);
    for (uint32_t j = 0; j < host_length; ++j) {
      url.push_back(next(8) == 0 ? odd_host_bytes[next(odd_host_bytes.size())]
                                 : host_bytes[next(host_bytes.size())]);
    }
    const uint32_t length = next(12);
    for (uint32_t j = 0; j < length; ++j) {
      url.push_back(alphabet[next(alphabet.size())]);
    }
    urls.push_back(url);
  }
  for (const std::string& url : urls) {
    const std::optional<UrlParts> parts = SplitUrl(url);
    EXPECT_EQ(UrlHost(url), parts ? parts->host : "") << url;
  }
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
