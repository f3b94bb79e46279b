// A listing's or a collection's entries (list_items.h), on markup written
// for the test in the shapes listings take: a blog's teasers, a shop's
// grid of product cards, and the navigation around them.
#include "server/engine/list_items.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/dom.h"
#include "server/engine/engine.h"

namespace lede::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::vector<ListEntry> ItemsOf(const std::string& html) {
  absl::StatusOr<Dom> dom = Dom::Parse(html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok());
  if (!dom.ok()) return {};
  return content::ReadListItems(dom->body(), content::Skips(),
                                "https://blog.example.com/news/");
}

std::vector<std::string> Titles(const std::vector<ListEntry>& items) {
  std::vector<std::string> titles;
  for (const ListEntry& item : items) titles.push_back(item.title);
  return titles;
}

constexpr char kNav[] =
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news/\">News</a>"
    "</li><li><a href=\"/about/\">About</a></li><li><a href=\"/shop/\">Shop"
    "</a></li></ul></nav>";

std::string Teaser(int i) {
  return absl::StrCat(
      "<article class=\"teaser\"><a href=\"/news/story-", i,
      "/\"><img src=\"/i/", i, ".jpg\" alt=\"\"></a><h2><a href=\"/news/story-",
      i, "/\">Story number ", i, " about the harbour</a></h2><p>The harbour ",
      "board met again on the question of the new quay, number ", i,
      ".</p><a class=\"more\" href=\"/news/story-", i,
      "/\">More</a></article>");
}

TEST(ListItemsTest, BlogTeasersWithTitleLinkAndSnippet) {
  std::string html = absl::StrCat("<html><body>", kNav, "<main>");
  for (int i = 1; i <= 4; ++i) absl::StrAppend(&html, Teaser(i));
  absl::StrAppend(&html, "</main></body></html>");
  const std::vector<ListEntry> items = ItemsOf(html);
  EXPECT_THAT(Titles(items), ElementsAre("Story number 1 about the harbour",
                                         "Story number 2 about the harbour",
                                         "Story number 3 about the harbour",
                                         "Story number 4 about the harbour"));
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[1].url, "https://blog.example.com/news/story-2/");
  EXPECT_EQ(items[1].snippet,
            "The harbour board met again on the question of the new quay, "
            "number 2.");
}

TEST(ListItemsTest, ShopGridOfProductCards) {
  std::string html = absl::StrCat("<html><body>", kNav,
                                  "<h1>Desk lamps</h1><ul class=\"grid\">");
  for (int i = 1; i <= 5; ++i) {
    absl::StrAppend(&html, "<li class=\"product-card\"><a href=\"/p/lamp-", i,
                    "\"><img src=\"/l.jpg\"><span>Brass desk lamp ", i,
                    "</span></a><span class=\"price\">$", 20 + i,
                    ".00</span></li>");
  }
  absl::StrAppend(&html, "</ul></body></html>");
  const std::vector<ListEntry> items = ItemsOf(html);
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].title, "Brass desk lamp 1");
  EXPECT_EQ(items[0].url, "https://blog.example.com/p/lamp-1");
  EXPECT_EQ(items[4].snippet, "$25.00");
}

TEST(ListItemsTest, TwoEntriesAreNoList) {
  std::string html = "<html><body><main>";
  for (int i = 1; i <= 2; ++i) absl::StrAppend(&html, Teaser(i));
  absl::StrAppend(&html, "</main></body></html>");
  EXPECT_THAT(ItemsOf(html), IsEmpty());
}

TEST(ListItemsTest, ProseWithoutLinksIsNoList) {
  EXPECT_THAT(ItemsOf("<html><body><article><p>One paragraph.</p><p>Another "
                      "one.</p><p>And a third.</p></article></body></html>"),
              IsEmpty());
}

// The engine's answer for the blog's news index with `main` in its <main>,
// and a pager after it.
absl::StatusOr<v1::ParseResponse> ParseNewsIndex(absl::string_view main) {
  v1::ParseRequest request;
  request.set_url("https://blog.example.com/news/");
  request.set_content(absl::StrCat(
      "<html><head><title>News - Example Blog</title></head><body>", kNav,
      "<h1>News</h1><main>", main,
      "<nav class=\"pager\"><a href=\"?page=2\">2</a><a href=\"?page=3\">3</a>"
      "<a href=\"?page=4\">4</a></nav></main></body></html>"));
  return Engine().Parse(request);
}

TEST(ListItemsTest, EngineWritesAListingsItemsAndNoneForAnArticle) {
  std::string teasers;
  for (int i = 1; i <= 8; ++i) absl::StrAppend(&teasers, Teaser(i));
  absl::StatusOr<v1::ParseResponse> listing = ParseNewsIndex(teasers);
  ASSERT_TRUE(listing.ok()) << listing.status();
  ASSERT_EQ(listing->article().page_type(), v1::PAGE_TYPE_LISTING);
  ASSERT_EQ(listing->article().items_size(), 8);
  EXPECT_EQ(listing->article().items(7).title(),
            "Story number 8 about the harbour");
  EXPECT_EQ(listing->article().items(7).url(),
            "https://blog.example.com/news/story-8/");

  v1::ParseRequest request;
  request.set_url("https://blog.example.com/2024/05/03/the-new-quay");
  request.set_content(
      "<html><head><title>The new quay</title><meta property=\"og:type\" "
      "content=\"article\"></head><body><article><h1>The new quay</h1><p>The "
      "harbour board met again on the question of the new quay, and voted "
      "for it after a long debate about its cost and its size.</p><p>The "
      "works start in the spring, and the quay opens the year after, the "
      "board said in a statement read out at the end of the meeting.</p>"
      "</article></body></html>");
  absl::StatusOr<v1::ParseResponse> article = Engine().Parse(request);
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_NE(article->article().page_type(), v1::PAGE_TYPE_LISTING);
  EXPECT_THAT(article->article().items(), IsEmpty());
}

// A field's label in each card (a named checkbox to compare products) is
// the form's, not the entry's: the body's walk leaves it out, and so does
// the entries' (Skips::LeftOutOfText).
TEST(ListItemsTest, AFieldsLabelIsNoPartOfAnEntry) {
  std::string cards;
  for (int i = 1; i <= 8; ++i) {
    std::string teaser = Teaser(i);
    teaser.insert(teaser.rfind("</article>"),
                  absl::StrCat("<label><input type=\"checkbox\" "
                               "name=\"compare\" value=\"",
                               i, "\"> Add to comparison</label>"));
    absl::StrAppend(&cards, teaser);
  }
  absl::StatusOr<v1::ParseResponse> listing = ParseNewsIndex(
      absl::StrCat("<form action=\"/compare\">", cards, "</form>"));
  ASSERT_TRUE(listing.ok()) << listing.status();
  ASSERT_EQ(listing->article().page_type(), v1::PAGE_TYPE_LISTING);
  ASSERT_EQ(listing->article().items_size(), 8);
  EXPECT_EQ(listing->article().items(2).snippet(),
            "The harbour board met again on the question of the new quay, "
            "number 3.");
  EXPECT_THAT(listing->article().text(), Not(HasSubstr("Add to comparison")));
}

}  // namespace
}  // namespace lede::engine
