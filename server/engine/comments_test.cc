// Readers' comments, read through the content stage's entry point as the
// engine calls it (content.h): each page here is markup written for the
// test, in the shapes comment threads take.
#include "server/engine/comments.h"

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/content.h"
#include "server/engine/render.h"

namespace lede::engine {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

constexpr char kArticle[] =
    "<article class=\"post\"><h1>Budget passes</h1><div "
    "class=\"entry-content\">"
    "<p>The council voted on Tuesday to approve the new budget, which "
    "raises spending on schools, roads and parks by a tenth.</p>"
    "<p>Opponents said the plan, drafted in a hurry, leaves the city "
    "exposed if tax receipts fall, as they did two years ago.</p>"
    "<p>The mayor, who backed the plan, said it would be reviewed in the "
    "spring, once the first quarter's figures are known.</p></div></article>";

// WordPress's comment list (twenty-twenty themes): a reply nested in its
// parent's <li>, the writer and the date in the comment's <footer>, a
// "Reply" link, and the comment form after the list.
constexpr char kWordPressComments[] =
    "<div id=\"comments\" class=\"comments-area\">"
    "<h2 class=\"comments-title\">2 thoughts on \"Budget passes\"</h2>"
    "<ol class=\"comment-list\">"
    "<li id=\"comment-1\" class=\"comment even thread-even depth-1 parent\">"
    "<article id=\"div-comment-1\" class=\"comment-body\">"
    "<footer class=\"comment-meta\"><div class=\"comment-author vcard\">"
    "<img alt=\"\" src=\"a.png\" class=\"avatar\" height=\"32\">"
    "<b class=\"fn\"><a href=\"https://jane.example\" class=\"url\">Jane "
    "Doe</a></b> <span class=\"says\">says:</span></div>"
    "<div class=\"comment-metadata\"><a href=\"#comment-1\"><time "
    "datetime=\"2019-11-19T20:59:00-05:00\">November 19, 2019 at 8:59 "
    "pm</time></a></div></footer>"
    "<div class=\"comment-content\"><p>About time the roads got some "
    "money.</p><p>Ours are full of holes.</p></div>"
    "<div class=\"reply\"><a class=\"comment-reply-link\" "
    "href=\"#\">Reply</a></div></article>"
    "<ol class=\"children\"><li id=\"comment-2\" class=\"comment byuser "
    "comment-author-admin bypostauthor odd alt depth-2\">"
    "<article id=\"div-comment-2\" class=\"comment-body\">"
    "<footer class=\"comment-meta\"><div class=\"comment-author vcard\"><b "
    "class=\"fn\">Town Times</b> <span class=\"says\">says:</span></div>"
    "<div class=\"comment-metadata\"><a href=\"#comment-2\"><time "
    "datetime=\"2019-11-20T08:00:00+00:00\">November 20, 2019 at 8:00 "
    "am</time></a></div></footer>"
    "<div class=\"comment-content\"><p>Thanks, Jane: we will follow the "
    "works.</p></div>"
    "<div class=\"reply\"><a class=\"comment-reply-link\" "
    "href=\"#\">Reply</a></div></article></li></ol></li></ol>"
    "<div id=\"respond\" class=\"comment-respond\"><h3 "
    "class=\"comment-reply-title\">Leave a Reply</h3>"
    "<form action=\"/wp-comments-post.php\" id=\"commentform\">"
    "<p class=\"comment-notes\">Your email address will not be "
    "published.</p><textarea name=\"comment\"></textarea></form></div>"
    "</div>";

// A hand-made thread without Disqus or a CMS's markup: one <div
// class="comment"> per comment, relative dates.
constexpr char kPlainComments[] =
    "<section class=\"comments\"><h3>Comments</h3>"
    "<div class=\"comment\"><span class=\"author\">Ann</span> "
    "<span class=\"date\">3 days ago</span>"
    "<p>The schools needed it most.</p></div>"
    "<div class=\"comment\"><span class=\"author\">Bo</span> "
    "<span class=\"date\">2 hours ago</span>"
    "<p>Parks too, though.</p><p>Ask anyone with children.</p></div>"
    "</section>";

// A forum-ish thread under the article: posts with a header (user name,
// date), a body, and their replies nested in a "replies" box.
constexpr char kThreadWithReplies[] =
    "<div id=\"discussion-replies\">"
    "<div class=\"post\" id=\"post-101\"><div class=\"post-header\"><a "
    "class=\"username\" href=\"/u/bob\">bob</a> <span "
    "class=\"post-date\">2024-03-01 10:20</span></div>"
    "<div class=\"post-body\"><p>Where does the money come from?</p></div>"
    "<div class=\"replies\">"
    "<div class=\"post\" id=\"post-102\"><div class=\"post-header\"><a "
    "class=\"username\" href=\"/u/cy\">cy</a> <span "
    "class=\"post-date\">2024-03-01 11:05</span></div>"
    "<div class=\"post-body\"><p>From the parking fees, it says.</p></div>"
    "</div></div></div>"
    "<div class=\"post\" id=\"post-103\"><div class=\"post-header\"><a "
    "class=\"username\" href=\"/u/dee\">dee</a> <span "
    "class=\"post-date\">2024-03-02 09:00</span></div>"
    "<div class=\"post-body\"><p>Good news for the school.</p></div></div>"
    "</div>";

// schema.org's microdata for comments.
constexpr char kMicrodataComments[] =
    "<section class=\"user-comments\" itemscope "
    "itemtype=\"https://schema.org/UserComments\">"
    "<div itemprop=\"comment\" itemscope "
    "itemtype=\"https://schema.org/Comment\"><span "
    "itemprop=\"author\">Eve</span> <time itemprop=\"dateCreated\" "
    "datetime=\"2024-05-02T10:00:00Z\">May 2</time><div "
    "itemprop=\"text\"><p>Well reported.</p></div></div></section>";

absl::StatusOr<Body> ExtractWith(const std::string& html,
                                 bool include_comments) {
  absl::StatusOr<Dom> dom = Dom::Parse(html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok());
  if (!dom.ok()) return dom.status();
  ContentOptions options;
  options.include_comments = include_comments;
  options.reference_time = absl::FromCivil(
      absl::CivilSecond(2024, 6, 1, 12, 0, 0), absl::UTCTimeZone());
  return ExtractContent(*dom, PageFacts(), options, absl::InfiniteFuture());
}

std::vector<Comment> CommentsOf(const std::string& html) {
  absl::StatusOr<Body> body = ExtractWith(html, /*include_comments=*/true);
  EXPECT_TRUE(body.ok());
  return body.ok() ? body->comments : std::vector<Comment>();
}

std::string Page(const std::string& comments) {
  return "<html><body><main>" + std::string(kArticle) + comments +
         "</main></body></html>";
}

// "YYYY-MM-DDTHH:MM:SS" in UTC.
std::string Utc(const std::optional<ParsedDate>& date) {
  if (!date) return "none";
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S", date->time, absl::UTCTimeZone());
}

TEST(CommentsTest, WordPressCommentsAreReadOneByOneWithTheirReplies) {
  const std::vector<Comment> comments = CommentsOf(Page(kWordPressComments));
  ASSERT_THAT(comments, SizeIs(2));
  EXPECT_EQ(comments[0].author, "Jane Doe");
  EXPECT_EQ(Utc(comments[0].published), "2019-11-20T01:59:00");
  EXPECT_EQ(comments[0].published->text, "2019-11-19T20:59:00-05:00");
  EXPECT_EQ(comments[0].text,
            "About time the roads got some money.\n\nOurs are full of holes.");
  EXPECT_EQ(comments[1].author, "Town Times");
  EXPECT_EQ(Utc(comments[1].published), "2019-11-20T08:00:00");
  EXPECT_EQ(comments[1].text, "Thanks, Jane: we will follow the works.");
}

TEST(CommentsTest, PlainCommentsGetRelativeDatesFromTheReferenceTime) {
  const std::vector<Comment> comments = CommentsOf(Page(kPlainComments));
  ASSERT_THAT(comments, SizeIs(2));
  EXPECT_EQ(comments[0].author, "Ann");
  EXPECT_EQ(Utc(comments[0].published), "2024-05-29T12:00:00");
  EXPECT_EQ(comments[0].text, "The schools needed it most.");
  EXPECT_EQ(comments[1].author, "Bo");
  EXPECT_EQ(Utc(comments[1].published), "2024-06-01T10:00:00");
  EXPECT_EQ(comments[1].text,
            "Parks too, though.\n\nAsk anyone with children.");
}

TEST(CommentsTest, RepliesAreCommentsOfTheirOwnInPageOrder) {
  const std::vector<Comment> comments = CommentsOf(Page(kThreadWithReplies));
  ASSERT_THAT(comments, SizeIs(3));
  EXPECT_EQ(comments[0].author, "bob");
  EXPECT_EQ(comments[0].text, "Where does the money come from?");
  EXPECT_EQ(Utc(comments[0].published), "2024-03-01T10:20:00");
  EXPECT_EQ(comments[1].author, "cy");
  EXPECT_EQ(comments[1].text, "From the parking fees, it says.");
  EXPECT_EQ(comments[2].author, "dee");
  EXPECT_EQ(comments[2].text, "Good news for the school.");
  EXPECT_EQ(Utc(comments[2].published), "2024-03-02T09:00:00");
}

TEST(CommentsTest, MicrodataCommentsAreRead) {
  const std::vector<Comment> comments = CommentsOf(Page(kMicrodataComments));
  ASSERT_THAT(comments, SizeIs(1));
  EXPECT_EQ(comments[0].author, "Eve");
  EXPECT_EQ(Utc(comments[0].published), "2024-05-02T10:00:00");
  EXPECT_EQ(comments[0].text, "Well reported.");
}

TEST(CommentsTest, APageWithoutCommentsHasNone) {
  EXPECT_THAT(CommentsOf(Page("")), IsEmpty());
  // A link to the comments and an empty thread with its form are no
  // comments.
  EXPECT_THAT(
      CommentsOf(Page("<div class=\"comments-link\"><a href=\"#c\">12 "
                      "Comments</a></div><div id=\"comments\"><div "
                      "class=\"comment-respond\"><h3>Leave a "
                      "Reply</h3><form action=\"/wp-comments-post.php\">"
                      "<textarea></textarea></form></div></div>")),
      IsEmpty());
}

TEST(CommentsTest, ACommentWithoutTextIsNone) {
  EXPECT_THAT(CommentsOf(Page("<div class=\"comments\"><div "
                              "class=\"comment\"><span "
                              "class=\"author\">Ann</span><div "
                              "class=\"reply\"><a href=\"#\">Reply</a></div>"
                              "</div></div>")),
              IsEmpty());
}

TEST(CommentsTest, ADateAfterTheReferenceTimeIsNotBelieved) {
  const std::vector<Comment> comments =
      CommentsOf(Page("<div class=\"comments\"><div class=\"comment\"><span "
                      "class=\"author\">Ann</span> <time "
                      "datetime=\"2031-01-01T00:00:00Z\">1 Jan 2031</time>"
                      "<p>From the future.</p></div></div>"));
  ASSERT_THAT(comments, SizeIs(1));
  EXPECT_FALSE(comments[0].published.has_value());
  EXPECT_EQ(comments[0].text, "From the future.");
}

TEST(CommentsTest, AWriterWrittenWithTheDateAndAButtonIsTheName) {
  const std::vector<Comment> comments = CommentsOf(
      Page("<div id=\"comments\"><ol class=\"commentlist\"><li "
           "class=\"comment\" id=\"comment-114\"><div "
           "class=\"comment-author meta\"><strong>Ben</strong> 19. Juni "
           "2018 um 15:28 Uhr <a class=\"comment-reply-link\" href=\"#\">- "
           "Antworten</a></div><div class=\"comment-text\"><p>Das Urteil "
           "ist schl\xC3\xBCssig.</p></div><div><a href=\"#\">Antworten</a>"
           "</div></li></ol></div>"));
  ASSERT_THAT(comments, SizeIs(1));
  EXPECT_EQ(comments[0].author, "Ben");
  EXPECT_EQ(Utc(comments[0].published), "2018-06-19T15:28:00");
  EXPECT_EQ(comments[0].text, "Das Urteil ist schl\xC3\xBCssig.");
}

TEST(CommentsTest, AThreadsWrapperClassedLikeACommentIsNoComment) {
  // The section's own class reads like one comment's; its heading and its
  // form are not a comment, and neither is a form alone.
  const std::vector<Comment> comments = CommentsOf(
      Page("<div id=\"comments\" class=\"comment-wrapper\"><h3>17 Discussion "
           "to this post</h3><ol class=\"commentlist\"><li class=\"comment\" "
           "id=\"comment-1\"><cite class=\"fn\">Jasmin</cite><p>Behalte "
           "ihn.</p></li><li class=\"comment\" id=\"comment-2\"><cite "
           "class=\"fn\">Flory</cite><p>Beide sind sch\xC3\xB6n.</p></li></ol>"
           "<form action=\"/wp-comments-post.php\"><label>Name *</label><input "
           "name=\"author\"><p class=\"comment-form-author\">Your name</p>"
           "</form></div>"));
  ASSERT_THAT(comments, SizeIs(2));
  EXPECT_EQ(comments[0].author, "Jasmin");
  EXPECT_EQ(comments[1].author, "Flory");
  EXPECT_THAT(
      CommentsOf(Page("<div id=\"comments\" class=\"comment-wrapper\"><h2 "
                      "class=\"comment-form\">Add a new comment</h2><form "
                      "id=\"comment-form\" action=\"/comment/reply/1\">"
                      "<label>Your name</label><input name=\"name\"><label>"
                      "Comment *</label></form></div>")),
      IsEmpty());
}

TEST(CommentsTest, ACommentButtonInTheFurnitureIsNoThread) {
  EXPECT_THAT(CommentsOf(Page("<div class=\"share-widget\"><div "
                              "class=\"share-widget__comment comment\"><div "
                              "class=\"comment__count\">Post your view on "
                              "the budget</div></div></div>")),
              IsEmpty());
}

TEST(CommentsTest, CommentsAreNeverInTheBodyAndOnlyReadWhenAsked) {
  for (const char* thread : {kWordPressComments, kPlainComments,
                             kThreadWithReplies, kMicrodataComments}) {
    absl::StatusOr<Body> with = ExtractWith(Page(thread), true);
    absl::StatusOr<Body> without = ExtractWith(Page(thread), false);
    ASSERT_TRUE(with.ok() && without.ok());
    EXPECT_THAT(without->comments, IsEmpty()) << thread;
    EXPECT_THAT(with->comments, Not(IsEmpty())) << thread;
    const std::string text = RenderText(with->blocks);
    EXPECT_EQ(text, RenderText(without->blocks)) << thread;
    EXPECT_THAT(text, HasSubstr("The mayor, who backed the plan")) << thread;
    for (const Comment& comment : with->comments) {
      EXPECT_THAT(text, Not(HasSubstr(comment.text))) << thread;
    }
  }
}

TEST(CommentsTest, AThreadTheBodyKeptIsNotReadAgainAsComments) {
  // The thread is most of the post's container, so the body's walk keeps
  // it (KeepPolicy::HoldsTheContent): it is the body's, not comments.
  std::string thread = "<div class=\"comments\">";
  for (int i = 0; i < 4; ++i) {
    thread += "<div class=\"comment\"><span class=\"author\">user" +
              std::to_string(i) + "</span>" + kArticle + "</div>";
  }
  const std::string page =
      "<html><body><div class=\"post\"><h1>Open thread</h1><p>Talk about "
      "the budget here, the council meets again on Friday.</p>" +
      thread + "</div></body></html>";
  absl::StatusOr<Body> body = ExtractWith(page, true);
  ASSERT_TRUE(body.ok());
  ASSERT_THAT(RenderText(body->blocks),
              HasSubstr("The mayor, who backed the plan"));
  EXPECT_THAT(body->comments, IsEmpty()) << body->attempt;
}

TEST(CommentsTest, AThreadThatIsThePageIsTheBodyNotComments) {
  std::string thread = "<div class=\"topic\"><h1>Budget thread</h1>";
  for (int i = 0; i < 4; ++i) {
    thread += "<div class=\"ipsComment\" id=\"comment-" + std::to_string(i) +
              "_wrap\"><span class=\"author\">user" + std::to_string(i) +
              "</span>" + kArticle + "</div>";
  }
  thread += "</div>";
  absl::StatusOr<Body> body = ExtractWith(thread, true);
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(body->attempt, "discussion");
  EXPECT_THAT(RenderText(body->blocks),
              HasSubstr("The mayor, who backed the plan"));
  EXPECT_THAT(body->comments, IsEmpty());
}

}  // namespace
}  // namespace lede::engine
