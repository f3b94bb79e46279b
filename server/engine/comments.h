// Readers' comments (the discussion sections the body leaves out) and a
// forum thread's posts, read one by one (writer, date, text). Internal to
// the content stage.
#ifndef LEDE_SERVER_ENGINE_COMMENTS_H_
#define LEDE_SERVER_ENGINE_COMMENTS_H_

#include <gumbo.h>

#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/block.h"
#include "server/engine/class_readings.h"
#include "server/engine/content_rules.h"
#include "server/engine/content_tree.h"
#include "server/engine/dates.h"

namespace lede::engine::content {

// What the comments are read against: the page as the content stage read
// it, and what its body kept.
struct CommentPage {
  const GumboNode* body = nullptr;
  const StatsMap* stats = nullptr;
  const Skips* skips = nullptr;
  const content_rules::BiasRules* rules = nullptr;
  // The page's readings of class and id values, which the comments' walks
  // add to.
  ClassReadings* classes = nullptr;
  // The container the body was read from: the sections around it hold the
  // body, not comments.
  const GumboNode* top = nullptr;
  // The body's blocks: a comment they hold (a thread kept as most of the
  // body's container) is the body's, not a comment.
  const std::vector<Block>* blocks = nullptr;
  // Relative dates ("3 days ago") count back from `hints.reference_time`;
  // no date after it is believed.
  DateHints hints;
};

// The comments of `page`, in page order: each element of a discussion
// section (classed as one, kDiscussionClassPattern, or schema.org's
// UserComments) that its class, id or microdata marks as one comment,
// read without the comments nested in it (replies are comments of their
// own) and without its furniture. A comment without text is none.
std::vector<Comment> ReadComments(const CommentPage& page);

// A forum thread's posts, in page order, the opening post first: the
// elements marked as one comment (as ReadComments tells them) or as a
// forum posting (schema.org DiscussionForumPosting) anywhere in the page
// but its furniture, the body's container included, each read as a
// comment is. A post without text is none.
std::vector<Comment> ReadPosts(const CommentPage& page);

// Whether `posts` are the thread the body's `blocks` hold, read better:
// nearly all their words are the body's (kMinPostWordsInBody) and they
// are fewer (the rest is the writers' details, signatures, the forum's
// furniture).
bool PostsAreTheBody(const std::vector<Comment>& posts,
                     const std::vector<Block>& blocks);

// The thread `posts` make as the body: each post's blocks under a line
// naming its writer and the date it shows ("jdoe · Jun 3, 2024"), as the
// thread shows them; no such line for a post that names neither.
std::vector<Block> ThreadBlocks(const std::vector<Comment>& posts);

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_COMMENTS_H_
