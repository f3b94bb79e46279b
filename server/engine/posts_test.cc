// A forum thread's posts, read through the content stage as the engine
// calls it once the page is classified a forum (ContentReader::ReadThread),
// and written into Article.posts: each page here is markup written for the
// test, in the shapes forum software gives its threads.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/comments.h"
#include "server/engine/content.h"
#include "server/engine/engine.h"
#include "server/engine/render.h"

namespace lede::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

// One post of a thread as Discourse's crawler view writes it: schema.org
// DiscussionForumPosting microdata, the writer's card beside the post.
std::string DiscoursePost(int number, const std::string& author,
                          const std::string& date, const std::string& text) {
  return absl::StrCat(
      "<div id=\"post_", number,
      "\" itemscope itemtype=\"http://schema.org/DiscussionForumPosting\" "
      "class=\"topic-body crawler-post\"><div class=\"crawler-post-meta\">"
      "<span class=\"creator\" itemprop=\"author\">",
      author, "</span><time itemprop=\"datePublished\" datetime=\"", date,
      "\">", date, "</time></div><div class=\"post\" itemprop=\"text\"><p>",
      text, "</p></div></div>");
}

// The writer's card a forum shows beside each post: not the post.
std::string UserCard(const std::string& author, int posts) {
  return absl::StrCat("<div class=\"user-card\"><p>", author,
                      " is a regular here since the spring of 2019.</p><p>",
                      "Posts: ", posts, " Joined: March 2019 Location: the ",
                      "north of the country, near the coast</p></div>");
}

constexpr char kQuestion[] =
    "My telescope shows only a blur when I point it at Saturn, even after "
    "an hour outside to let the mirror cool down. What should I check "
    "first before I send it back to the shop?";
constexpr char kAnswer[] =
    "Check the collimation first: a reflector that was shipped often "
    "arrives with its mirrors out of line, and a blur at high power is the "
    "usual sign of it.";
constexpr char kThanks[] =
    "That was it. After collimating the mirrors the rings are sharp, "
    "thank you both for the quick help with this.";

std::string Thread(bool with_cards) {
  std::string html =
      "<html><body><h1>Saturn is a blur</h1><div class=\"posts\">";
  const struct {
    const char* author;
    const char* date;
    const char* text;
  } posts[] = {{"stargazer", "2024-03-01T20:00:00Z", kQuestion},
               {"optics_fan", "2024-03-01T21:15:00Z", kAnswer},
               {"stargazer", "2024-03-02T08:30:00Z", kThanks}};
  int number = 1;
  for (const auto& post : posts) {
    if (with_cards) absl::StrAppend(&html, UserCard(post.author, 100 * number));
    absl::StrAppend(&html,
                    DiscoursePost(number++, post.author, post.date, post.text));
  }
  absl::StrAppend(&html, "</div></body></html>");
  return html;
}

// The body and posts ReadThread makes of `html`, whose description (meta
// or og:description) is `description`.
Body ReadAsThread(const std::string& html,
                  const std::string& description = "") {
  absl::StatusOr<Dom> dom = Dom::Parse(html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok());
  if (!dom.ok()) return Body();
  PageFacts facts;
  facts.description.value = description;
  ContentOptions options;
  options.reference_time = absl::FromCivil(
      absl::CivilSecond(2024, 6, 1, 12, 0, 0), absl::UTCTimeZone());
  ContentReader reader(*dom, facts, options);
  absl::StatusOr<Body> body = reader.ReadBody(absl::InfiniteFuture());
  EXPECT_TRUE(body.ok());
  if (!body.ok()) return Body();
  reader.ReadThread(&*body);
  return *std::move(body);
}

std::vector<std::string> Authors(const std::vector<Comment>& posts) {
  std::vector<std::string> authors;
  for (const Comment& post : posts) authors.push_back(post.author);
  return authors;
}

TEST(PostsTest, ForumPostingMicrodataInOrderWithWritersAndDates) {
  const Body body = ReadAsThread(Thread(/*with_cards=*/false));
  ASSERT_THAT(body.posts, SizeIs(3));
  EXPECT_THAT(Authors(body.posts),
              ElementsAre("stargazer", "optics_fan", "stargazer"));
  EXPECT_EQ(body.posts[0].text, kQuestion);
  EXPECT_EQ(body.posts[1].text, kAnswer);
  EXPECT_EQ(body.posts[2].text, kThanks);
  ASSERT_TRUE(body.posts[1].published.has_value());
  EXPECT_EQ(body.posts[1].published->time,
            absl::FromCivil(absl::CivilSecond(2024, 3, 1, 21, 15, 0),
                            absl::UTCTimeZone()));
}

TEST(PostsTest, PostsAreTheBodyWithoutTheWritersCards) {
  const Body body = ReadAsThread(Thread(/*with_cards=*/true));
  ASSERT_THAT(body.posts, SizeIs(3));
  EXPECT_EQ(body.attempt, "posts");
  const std::string text = RenderText(body.blocks);
  EXPECT_THAT(text, HasSubstr(kQuestion));
  EXPECT_THAT(text, HasSubstr(kAnswer));
  EXPECT_THAT(text, HasSubstr(kThanks));
  EXPECT_THAT(text, Not(HasSubstr("Joined: March 2019")));
  EXPECT_LT(text.find(kQuestion), text.find(kThanks));
}

// A thread whose posts are classed as messages (XenForo's shape), a reply
// quoted inside the post that answers it: each post once, in order.
TEST(PostsTest, MessageClassedPostsWithANestedReply) {
  const std::string html = absl::StrCat(
      "<html><body><h1>Saturn is a blur</h1>"
      "<article class=\"message\" id=\"post-11\"><a class=\"username\">"
      "stargazer</a><time datetime=\"2024-03-01T20:00:00Z\">Mar 1</time>"
      "<div class=\"bbWrapper\"><p>",
      kQuestion,
      "</p></div><article class=\"message\" id=\"post-12\"><a "
      "class=\"username\">optics_fan</a><time "
      "datetime=\"2024-03-01T21:15:00Z\">Mar 1</time><div "
      "class=\"bbWrapper\"><p>",
      kAnswer, "</p></div></article></article></body></html>");
  const Body body = ReadAsThread(html);
  ASSERT_THAT(body.posts, SizeIs(2));
  EXPECT_THAT(Authors(body.posts), ElementsAre("stargazer", "optics_fan"));
  EXPECT_EQ(body.posts[0].text, kQuestion);
  EXPECT_EQ(body.posts[1].text, kAnswer);
}

// The rank forum software prints under each writer's name (XenForo's
// "userTitle", FluxBB's and vBulletin's "usertitle") is the writer's
// particulars, not the post.
TEST(PostsTest, WritersRanksAreNotThePosts) {
  const std::string html = absl::StrCat(
      "<html><body><h1>Saturn is a blur</h1>"
      "<article class=\"message\" id=\"post-21\"><div "
      "class=\"message-userDetails\"><h4><a class=\"username\">stargazer"
      "</a></h4><h5 class=\"userTitle message-userTitle\">Senior Member</h5>"
      "</div><time datetime=\"2024-03-01T20:00:00Z\">Mar 1</time>"
      "<div class=\"bbWrapper\"><p>",
      kQuestion,
      "</p></div></article><div class=\"blockpost\" id=\"p22\"><dl><dt>"
      "<strong class=\"username\">optics_fan</strong></dt><dd "
      "class=\"usertitle\"><strong>Forum Regular</strong></dd></dl><time "
      "datetime=\"2024-03-01T21:15:00Z\">Mar 1</time><div class=\"postmsg\">"
      "<p>",
      kAnswer, "</p></div></div></body></html>");
  const Body body = ReadAsThread(html);
  ASSERT_THAT(body.posts, SizeIs(2));
  EXPECT_THAT(Authors(body.posts), ElementsAre("stargazer", "optics_fan"));
  EXPECT_EQ(body.posts[0].text, kQuestion);
  EXPECT_EQ(body.posts[1].text, kAnswer);
}

TEST(PostsTest, NoPostsWhenThePageMarksNone) {
  const Body body = ReadAsThread(
      absl::StrCat("<html><body><article><h1>Saturn</h1><p>", kQuestion,
                   "</p><p>", kAnswer, "</p></article></body></html>"));
  EXPECT_THAT(body.posts, IsEmpty());
  EXPECT_NE(body.attempt, "posts");
}

// Discourse without its crawler view: the posts come by script, the page
// holds a splash screen, and its description is the opening post's start.
TEST(PostsTest, ThreadLoadedByScriptIsItsDescription) {
  const Body body = ReadAsThread(
      "<html><body><section id=\"d-splash\"><div "
      "class=\"preloader-image\"></div></section><section "
      "id=\"main\"></section><form id=\"hidden-login-form\"><input "
      "name=\"username\"></form></body></html>",
      kQuestion);
  EXPECT_THAT(body.posts, IsEmpty());
  EXPECT_EQ(body.attempt, "description");
  EXPECT_EQ(RenderText(body.blocks), kQuestion);
}

TEST(PostsTest, DescriptionDoesNotStandInForPostsThePageHolds) {
  const Body body =
      ReadAsThread(Thread(/*with_cards=*/false), "A thread about Saturn.");
  EXPECT_THAT(body.posts, SizeIs(3));
  EXPECT_THAT(RenderText(body.blocks), HasSubstr(kAnswer));
  EXPECT_THAT(RenderText(body.blocks), Not(HasSubstr("about Saturn")));
}

Comment Post(const std::string& text) {
  Comment post;
  post.text = text;
  return post;
}

std::vector<Block> Blocks(const std::vector<std::string>& texts) {
  std::vector<Block> blocks;
  for (const std::string& text : texts) blocks.push_back({.text = text});
  return blocks;
}

TEST(PostsTest, PostsAreTheBodyOnlyWhenTheBodyHoldsThemAndMore) {
  const std::vector<Block> body =
      Blocks({"stargazer Posts: 100", kQuestion, "optics_fan", kAnswer});
  EXPECT_TRUE(content::PostsAreTheBody({Post(kQuestion), Post(kAnswer)}, body));
  // Words are compared ASCII case aside.
  EXPECT_TRUE(content::PostsAreTheBody(
      {Post(absl::AsciiStrToUpper(kQuestion)), Post(kAnswer)}, body));
  // As many words as the body: nothing to drop.
  EXPECT_FALSE(content::PostsAreTheBody({Post(kQuestion), Post(kAnswer)},
                                        Blocks({kQuestion, kAnswer})));
  // Words the body does not hold: the posts are not the body's thread.
  EXPECT_FALSE(content::PostsAreTheBody({Post(kQuestion), Post(kThanks)},
                                        Blocks({kQuestion, kAnswer, kAnswer})));
  EXPECT_FALSE(content::PostsAreTheBody({}, body));
}

TEST(PostsTest, PostsAreTheBodyWhenTheBodyIsTheOpeningPost) {
  // The body found is the opening post alone; the posts hold it and the
  // replies.
  EXPECT_TRUE(content::PostsAreTheBody(
      {Post(kQuestion), Post(kAnswer), Post(kThanks)}, Blocks({kQuestion})));
  // A body with words of its own the posts lack is another text.
  EXPECT_FALSE(content::PostsAreTheBody(
      {Post(kQuestion), Post(kAnswer), Post(kThanks)},
      Blocks({kQuestion,
              "The shop's return policy covers thirty days from "
              "delivery, for every telescope and mount."})));
}

// A thread whose opening post the votes crowned alone, its replies in a
// section classed as a discussion: the body is every post.
TEST(PostsTest, OpeningPostAloneGivesWayToTheThread) {
  std::string html = absl::StrCat(
      "<html><body><h1>Saturn is a blur</h1><div class=\"message\"><a "
      "class=\"username\">stargazer</a><p>",
      kQuestion, "</p><p>", kQuestion, "</p></div><div class=\"replies\">");
  for (const auto& [author, text] :
       {std::pair{"optics_fan", kAnswer}, std::pair{"stargazer", kThanks}}) {
    absl::StrAppend(&html, "<div class=\"message\"><a class=\"username\">",
                    author,
                    "</a><time datetime=\"2024-03-02T08:30:00Z\">"
                    "Mar 2, 2024</time><p>",
                    text, "</p></div>");
  }
  absl::StrAppend(&html, "</div></body></html>");
  const Body body = ReadAsThread(html);
  const std::string text = RenderText(body.blocks);
  EXPECT_THAT(text, HasSubstr(kAnswer)) << body.attempt;
  EXPECT_THAT(text, HasSubstr(kThanks));
}

// Each post of a thread read as the body is headed by its writer and the
// date as the page shows it.
TEST(PostsTest, EachPostIsHeadedByItsWriterAndShownDate) {
  std::string html = Thread(/*with_cards=*/true);
  const std::string shown = ">2024-03-01T21:15:00Z</time>";
  html.replace(html.find(shown), shown.size(), ">Mar 1, 2024, 9:15pm</time>");
  const Body body = ReadAsThread(html);
  ASSERT_EQ(body.attempt, "posts");
  const std::string text = RenderText(body.blocks);
  EXPECT_THAT(text, HasSubstr("optics_fan · Mar 1, 2024, 9:15pm\n\n"
                              "Check the collimation first"))
      << text;
  EXPECT_LT(text.find("stargazer · 2024-03-01T20:00:00Z"),
            text.find(kQuestion));
}

// A forum whose post sits in a cell classed like a post's furniture
// ("message-info"), and whose writer's card states the name in microdata
// beside the writer's details.
TEST(PostsTest, PostTextInACellClassedAsFurnitureIsRead) {
  std::string html = "<html><body><h1>Saturn is a blur</h1>";
  int number = 1;
  for (const auto& [author, text] :
       {std::pair{"stargazer", kQuestion}, std::pair{"optics_fan", kAnswer},
        std::pair{"stargazer", kThanks}}) {
    absl::StrAppend(&html, "<div class=\"message-card\" id=\"post-", number++,
                    "\" itemscope itemtype=\"https://schema.org/Comment\"><div "
                    "class=\"user-info\" itemprop=\"author\" itemscope><meta "
                    "itemprop=\"name\" content=\"",
                    author, "\"><a href=\"/members/1\">", author,
                    "</a> <span>1,234 posts · Joined 2012</span></div><div "
                    "class=\"message-cell message-info-block\"><div><p>",
                    text, "</p></div></div></div>");
  }
  absl::StrAppend(&html, "</body></html>");
  const Body body = ReadAsThread(html);
  ASSERT_THAT(body.posts, SizeIs(3));
  EXPECT_THAT(Authors(body.posts),
              ElementsAre("stargazer", "optics_fan", "stargazer"));
  EXPECT_EQ(body.posts[1].text, kAnswer);
  EXPECT_EQ(body.posts[2].text, kThanks);
}

// The engine reads posts on the pages it classifies as forums, and only
// there.
v1::Article Parse(const std::string& url, const std::string& html) {
  v1::ParseRequest request;
  request.set_url(url);
  request.set_content(html);
  absl::StatusOr<v1::ParseResponse> response = Engine().Parse(request);
  EXPECT_TRUE(response.ok()) << response.status();
  return response.ok() ? response->article() : v1::Article();
}

TEST(PostsTest, EngineWritesAForumsPosts) {
  std::string html = Thread(/*with_cards=*/true);
  html.replace(html.find("<html>"), 6,
               "<html><head><title>Saturn is a blur - Telescopes - Example "
               "Forum</title><meta name=\"generator\" content=\"Discourse\">"
               "</head>");
  const v1::Article article =
      Parse("https://forum.example.com/t/saturn-is-a-blur/1555", html);
  ASSERT_EQ(article.page_type(), v1::PAGE_TYPE_FORUM);
  ASSERT_EQ(article.posts_size(), 3);
  EXPECT_EQ(article.posts(1).author(), "optics_fan");
  EXPECT_EQ(
      article.posts(1).published_time().seconds(),
      absl::ToUnixSeconds(absl::FromCivil(
          absl::CivilSecond(2024, 3, 1, 21, 15, 0), absl::UTCTimeZone())));
  EXPECT_EQ(article.posts(2).text(), kThanks);
  EXPECT_EQ(article.provenance().at("text"), "posts");
  EXPECT_THAT(article.text(), Not(HasSubstr("Joined: March 2019")));
  EXPECT_THAT(article.comments(), IsEmpty());
}

TEST(PostsTest, EngineWritesNoPostsForAnArticle) {
  const v1::Article article = Parse(
      "https://news.example.com/2024/05/03/saturn-rings",
      absl::StrCat("<html><head><title>Saturn's rings</title><meta "
                   "property=\"og:type\" content=\"article\"></head><body>"
                   "<article class=\"post\"><h1>Saturn's rings</h1><p>",
                   kQuestion, "</p><p>", kAnswer, "</p><p>", kThanks,
                   "</p></article></body></html>"));
  EXPECT_NE(article.page_type(), v1::PAGE_TYPE_FORUM);
  EXPECT_THAT(article.posts(), IsEmpty());
}

}  // namespace
}  // namespace lede::engine
