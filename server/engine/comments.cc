#include "server/engine/comments.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"
#include "server/engine/block_passes.h"
#include "server/engine/block_walker.h"
#include "server/engine/content_select.h"
#include "server/engine/dom.h"
#include "server/engine/keep_policy.h"
#include "server/engine/role_classes.h"
#include "server/engine/text_util.h"

namespace lede::engine::content {
namespace {

// Whether `pattern` matches the element's attribute `name`.
bool AttributeMatches(const GumboNode* element, const char* name,
                      const RE2& pattern) {
  absl::string_view value = Attribute(element, name);
  return !value.empty() && RE2::PartialMatch(Piece(value), pattern);
}

// A discussion section, as the body's walk tells one (KeepPolicy), or by
// its microdata.
bool IsCommentSection(const GumboNode* element) {
  static const LazyRE2 kDiscussion = {content_rules::kDiscussionClassPattern};
  static const LazyRE2 kSectionType = {
      content_rules::kCommentSectionItemTypePattern};
  if (!IsBlockTag(element->v.element.tag)) return false;
  const std::string classes = RoleClasses(Attribute(element, "class"));
  if (!classes.empty() && RE2::PartialMatch(classes, *kDiscussion)) {
    return true;
  }
  return AttributeMatches(element, "id", *kDiscussion) ||
         AttributeMatches(element, "itemtype", *kSectionType);
}

// Furniture by its class or id, as the body's walk drops it
// (kDropClassPattern).
bool IsBoilerplate(const GumboNode* element) {
  static const LazyRE2 kDrop = {content_rules::kDropClassPattern};
  if (!IsBlockTag(element->v.element.tag)) return false;
  const std::string classes = RoleClasses(Attribute(element, "class"));
  return (!classes.empty() && RE2::PartialMatch(classes, *kDrop)) ||
         AttributeMatches(element, "id", *kDrop);
}

// What a section's items are: readers' comments, or a thread's posts (a
// forum's own postings count too).
enum class ItemKind { kComment, kPost };

// One comment of a section, by its class, id or microdata; for a thread's
// posts, also a forum posting by its microdata.
bool IsCommentItem(const GumboNode* element, ItemKind kind) {
  static const LazyRE2 kClass = {content_rules::kCommentItemClassPattern};
  static const LazyRE2 kId = {content_rules::kCommentItemIdPattern};
  static const LazyRE2 kType = {content_rules::kCommentItemTypePattern};
  static const LazyRE2 kProp = {content_rules::kCommentItemPropPattern};
  static const LazyRE2 kPostType = {content_rules::kPostItemTypePattern};
  return IsBlockTag(element->v.element.tag) &&
         (AttributeMatches(element, "class", *kClass) ||
          AttributeMatches(element, "id", *kId) ||
          AttributeMatches(element, "itemtype", *kType) ||
          AttributeMatches(element, "itemprop", *kProp) ||
          (kind == ItemKind::kPost &&
           AttributeMatches(element, "itemtype", *kPostType)));
}

bool IsAuthorElement(const GumboNode* element) {
  static const LazyRE2 kClass = {content_rules::kCommentAuthorClassPattern};
  static const LazyRE2 kProp = {content_rules::kCommentAuthorPropPattern};
  return IsElement(element, GUMBO_TAG_CITE) ||
         AttributeMatches(element, "class", *kClass) ||
         AttributeMatches(element, "itemprop", *kProp);
}

bool IsDateElement(const GumboNode* element) {
  static const LazyRE2 kClass = {content_rules::kCommentDateClassPattern};
  return IsElement(element, GUMBO_TAG_TIME) ||
         AttributeMatches(element, "class", *kClass);
}

bool IsFurniture(const GumboNode* element) {
  static const LazyRE2 kClass = {content_rules::kCommentFurnitureClassPattern};
  return AttributeMatches(element, "class", *kClass);
}

// Code points of text below `element`, as the page was measured.
int TextLength(const GumboNode* element, const StatsMap& stats) {
  auto found = stats.find(element);
  return found == stats.end() ? 0 : found->second.text_length;
}

// Whether `part`, classed as a comment's furniture, holds most of the text
// of `comment`: a forum whose post body sits in its "message-info" cell.
bool HoldsItsText(const GumboNode* part, const GumboNode* comment,
                  const StatsMap& stats) {
  const int length = TextLength(comment, stats);
  return length > 0 && TextLength(part, stats) >=
                           content_rules::kMinCommentTextShareHeld * length;
}

// One comment as the section's walk found it: the element, the comment it
// is nested in, and the elements that may name its writer and date it, in
// page order.
struct Item {
  const GumboNode* element = nullptr;
  int parent = -1;  // index of the enclosing comment, -1 for none
  std::vector<const GumboNode*> authors;
  std::vector<const GumboNode*> dates;
};

// Most elements per comment tried as its writer or its date: the first
// few say it, the rest are inside its text.
constexpr size_t kMaxPartsTried = 4;

// The comments of `section`, each with the parts of it that are not its
// text added to `left_out`: the comments nested in it, its writer, its
// date and its furniture.
std::vector<Item> FindItems(const GumboNode* section, ItemKind kind,
                            const StatsMap& stats,
                            absl::flat_hash_set<const GumboNode*>* left_out) {
  std::vector<Item> items;
  std::vector<int> open;  // indexes of the comments the walk is inside
  std::vector<bool> opened;
  WalkTree(
      section,
      [&](const GumboNode* node, int) {
        if (node->type != GUMBO_NODE_ELEMENT) return false;
        const bool item = IsCommentItem(node, kind);
        opened.push_back(item);
        if (item) {
          items.push_back({node, open.empty() ? -1 : open.back(), {}, {}});
          if (!open.empty()) left_out->insert(node);
          open.push_back(static_cast<int>(items.size()) - 1);
          return true;
        }
        if (open.empty()) return true;
        Item& current = items[open.back()];
        if ((IsFurniture(node) &&
             !HoldsItsText(node, current.element, stats)) ||
            (IsElement(node, GUMBO_TAG_FORM) && SaysItIsFurniture(node))) {
          left_out->insert(node);
        }
        if (current.authors.size() < kMaxPartsTried && IsAuthorElement(node)) {
          current.authors.push_back(node);
        }
        if (current.dates.size() < kMaxPartsTried && IsDateElement(node)) {
          current.dates.push_back(node);
        }
        return true;
      },
      [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return;
        if (opened.back()) open.pop_back();
        opened.pop_back();
      });
  // A section classed like one comment ("comment-wrapper") that holds
  // several is their wrapper: its own text is the thread's heading and
  // form.
  if (items.size() > 1 && items.front().element == section) {
    items.erase(items.begin());
    for (Item& item : items) --item.parent;
  }
  return items;
}

// The writer's name `element` gives: the first name a <meta> inside it
// states (microdata's itemprop=name), else the innermost author element
// inside it that has text (hCard's "fn" inside "comment-author"), without a
// trailing "says:". "" when it gives none.
std::string AuthorName(const GumboNode* element) {
  static const LazyRE2 kPrefix = {content_rules::kCommentAuthorPrefixPattern};
  static const LazyRE2 kSuffix = {content_rules::kCommentAuthorSuffixPattern};
  const GumboNode* named = element;
  absl::string_view stated;
  WalkTree(element, [&](const GumboNode* node, int depth) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (depth > 0 && stated.empty() && IsElement(node, GUMBO_TAG_META) &&
        IsAuthorElement(node)) {
      stated = Attribute(node, "content");
    }
    if (depth > 0 && IsAuthorElement(node) && !TextContent(node).empty()) {
      named = node;
    }
    return true;
  });
  // Microdata's <meta itemprop=name content=...> states the name alone,
  // where the element's text has the writer's details around it.
  std::string name =
      stated.empty() ? TextContent(named) : CollapseWhitespace(stated);
  RE2::Replace(&name, *kPrefix, "");
  RE2::Replace(&name, *kSuffix, "");
  if (CodePointCount(name) > content_rules::kMaxCommentAuthorLength) return "";
  return name;
}

// `name` without the date, when the page wrote the date (`date_text`, read
// from `date`) inside the writer's element: "Ben 19. Juni 2018 um 15:28
// Uhr" is Ben's.
void WithoutDate(const GumboNode* date, absl::string_view date_text,
                 const GumboNode* author, std::string* name) {
  if (author == nullptr || date_text.empty() || !IsInside(date, {author})) {
    return;
  }
  const size_t at = absl::string_view(*name).find(date_text);
  if (at == std::string::npos) return;
  if (at == 0) {
    name->erase(0, date_text.size());
  } else {
    name->resize(at);
  }
  *name = std::string(absl::StripAsciiWhitespace(*name));
  while (!name->empty() && absl::string_view(",|-@").find(name->back()) !=
                               absl::string_view::npos) {
    name->pop_back();
    *name = std::string(absl::StripTrailingAsciiWhitespace(*name));
  }
}

// The date `element` gives: a <time>'s datetime, else its text or a date
// in it (relative dates counted back from the reference time), never one
// after the reference time.
std::optional<ParsedDate> DateOf(const GumboNode* element,
                                 const DateHints& hints) {
  std::optional<ParsedDate> date;
  if (absl::string_view datetime = Attribute(element, "datetime");
      !datetime.empty()) {
    date = ParseDate(datetime, hints);
  }
  if (!date) {
    const std::string text = TextContent(element);
    if (CodePointCount(text) > content_rules::kMaxCommentDateLineLength) {
      return std::nullopt;
    }
    date = ParseDate(text, hints);
    if (!date) date = FindDate(text, hints, /*allow_relative=*/true);
  }
  if (date && date->time > hints.reference_time) return std::nullopt;
  return date;
}

// The date as `element` shows it to readers: its text, when it is short
// enough to be a date line; "" when it shows none (a <time> without text).
std::string ShownDate(const GumboNode* element) {
  std::string text = CollapseWhitespace(TextContent(element));
  if (CodePointCount(text) > content_rules::kMaxShownDateLength) return "";
  return text;
}

// A line that is one of the comment's buttons ("Reply", "Antworten", "Like"),
// not its text.
bool IsActionLine(absl::string_view text) {
  return IsWidgetLine(text) ||
         absl::c_linear_search(content_rules::kCommentActionLines,
                               WidgetLineKey(text));
}

// The comment's blocks as the body's walk reads them (without `left_out`),
// less pictures (avatars) and buttons ("Reply", "Like"); none when they
// are only headings (a thread's title, "Leave a comment").
std::vector<Block> CommentBlocks(const CommentPage& page,
                                 const GumboNode* element, const Skips& skips,
                                 absl::string_view author) {
  KeepPolicy policy(*page.stats, skips, *page.rules,
                    {.drop_discussions = false}, page.classes);
  BlockWalker walker(policy, "");
  walker.Walk(element, /*is_top=*/true);
  std::vector<Block> blocks;
  bool only_headings = true;
  for (DraftBlock& draft : walker.TakeBlocks()) {
    const std::string& text = draft.block.text;
    if (draft.block.kind == BlockKind::kFigure || text == author ||
        IsActionLine(text)) {
      continue;
    }
    only_headings &= draft.block.kind == BlockKind::kHeading;
    blocks.push_back(std::move(draft.block));
  }
  if (only_headings) blocks.clear();
  return blocks;
}

// Paragraphs separated by a blank line.
std::string JoinedText(const std::vector<Block>& blocks) {
  return absl::StrJoin(blocks, "\n\n", [](std::string* out, const Block& b) {
    out->append(b.text);
  });
}

// The comments of one section, appended to `comments`. A comment without
// a writer or a date of its own takes its enclosing comment's when that
// one has no text: the wrapper around the comment proper.
void ReadSection(const CommentPage& page, const GumboNode* section,
                 ItemKind kind, std::vector<Comment>* comments) {
  Skips skips = *page.skips;
  std::vector<Item> items =
      FindItems(section, kind, *page.stats, &skips.left_out);
  struct Read {
    Comment comment;
    bool has_text = false;
  };
  std::vector<Read> read(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    Item& item = items[i];
    Comment& comment = read[i].comment;
    const GumboNode* author = nullptr;
    for (const GumboNode* element : item.authors) {
      comment.author = AuthorName(element);
      if (comment.author.empty()) continue;
      skips.left_out.insert(element);
      author = element;
      break;
    }
    // A <time> says it best: its datetime carries the time zone.
    std::stable_partition(item.dates.begin(), item.dates.end(),
                          [](const GumboNode* element) {
                            return IsElement(element, GUMBO_TAG_TIME);
                          });
    // A <time> dates the comment even when its date is not believed: it is
    // not part of the text.
    for (const GumboNode* element : item.dates) {
      comment.published = DateOf(element, page.hints);
      const bool time = IsElement(element, GUMBO_TAG_TIME);
      if (comment.published || time) skips.left_out.insert(element);
      if (comment.published || time) {
        if (comment.published) {
          WithoutDate(element, comment.published->text, author,
                      &comment.author);
          comment.shown_date = ShownDate(element);
        }
        break;
      }
    }
    const bool nested = skips.left_out.erase(item.element) > 0;
    // One that holds other comments and names no writer and no date is
    // their wrapper: its own text is a heading or a form's.
    const bool wrapper = i + 1 < items.size() &&
                         items[i + 1].parent == static_cast<int>(i) &&
                         comment.author.empty() && !comment.published;
    if (!wrapper) {
      comment.blocks = CommentBlocks(page, item.element, skips, comment.author);
      comment.text = JoinedText(comment.blocks);
    }
    if (nested) skips.left_out.insert(item.element);
    read[i].has_text = !comment.text.empty();
    if (item.parent >= 0 && !read[item.parent].has_text) {
      const Comment& wrapper = read[item.parent].comment;
      if (comment.author.empty()) comment.author = wrapper.author;
      if (!comment.published) {
        comment.published = wrapper.published;
        comment.shown_date = wrapper.shown_date;
      }
    }
  }
  for (Read& one : read) {
    if (one.has_text) comments->push_back(std::move(one.comment));
  }
}

// Whether the page's walk for comments or posts goes into `node`: not into
// what the body's walk skips or hides, nor into the page's furniture (a
// share bar's comment button, a sidebar's latest comments) unless it holds
// the body's container. Sets `around_body` when it does.
bool Enters(const CommentPage& page, const GumboNode* node, bool* around_body) {
  if (page.skips->LeftOutOfText(node)) return false;
  *around_body = page.top != nullptr && page.top != page.body &&
                 IsInside(page.top, {node});
  return *around_body || !IsBoilerplate(node);
}

// How many times each word occurs in `text`, lower-cased in place: runs of
// ASCII letters and digits and of non-ASCII bytes, counted as views of
// `text` rather than copied a byte at a time into keys of their own.
absl::flat_hash_map<absl::string_view, int> WordCounts(std::string* text) {
  absl::AsciiStrToLower(text);
  const absl::string_view lower = *text;
  absl::flat_hash_map<absl::string_view, int> counts;
  size_t start = 0;
  bool in_word = false;
  for (size_t i = 0; i <= lower.size(); ++i) {
    const unsigned char c = i < lower.size() ? lower[i] : ' ';
    if (c >= 0x80 || absl::ascii_isalnum(c)) {
      if (!in_word) start = i;
      in_word = true;
    } else if (in_word) {
      ++counts[lower.substr(start, i - start)];
      in_word = false;
    }
  }
  return counts;
}

int Total(const absl::flat_hash_map<absl::string_view, int>& counts) {
  int total = 0;
  for (const auto& [word, count] : counts) total += count;
  return total;
}

}  // namespace

std::vector<Comment> ReadComments(const CommentPage& page) {
  std::vector<Comment> comments;
  WalkTree(page.body, [&](const GumboNode* node, int depth) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (depth == 0) return true;
    // A section or furniture around the body's container holds more than
    // comments: the sections inside it are read.
    bool around_body = false;
    if (!Enters(page, node, &around_body)) return false;
    if (!IsCommentSection(node) || around_body) return true;
    ReadSection(page, node, ItemKind::kComment, &comments);
    return false;
  });
  // A thread the body kept (most of its container's text) is the body's.
  absl::flat_hash_set<absl::string_view> in_body;
  for (const Block& block : *page.blocks) in_body.insert(block.text);
  auto held_by_body = [&](const Comment& comment) {
    return absl::c_all_of(absl::StrSplit(comment.text, "\n\n"),
                          [&](absl::string_view paragraph) {
                            return in_body.contains(paragraph);
                          });
  };
  comments.erase(std::remove_if(comments.begin(), comments.end(), held_by_body),
                 comments.end());
  return comments;
}

std::vector<Comment> ReadPosts(const CommentPage& page) {
  // The elements that hold the outermost posts, each read once as a
  // section: a post's replies nested in it are read with it.
  std::vector<const GumboNode*> sections;
  absl::flat_hash_set<const GumboNode*> seen;
  WalkTree(page.body, [&](const GumboNode* node, int depth) {
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    if (depth == 0) return true;
    bool around_body = false;
    if (!Enters(page, node, &around_body)) return false;
    if (!IsCommentItem(node, ItemKind::kPost)) return true;
    const GumboNode* section = node->parent;
    if (seen.insert(section).second) sections.push_back(section);
    return false;
  });
  std::vector<Comment> posts;
  for (const GumboNode* section : sections) {
    ReadSection(page, section, ItemKind::kPost, &posts);
  }
  return posts;
}

bool PostsAreTheBody(const std::vector<Comment>& posts,
                     const std::vector<Block>& blocks) {
  if (posts.empty()) return false;
  std::string posts_text;
  for (const Comment& post : posts)
    absl::StrAppend(&posts_text, post.text, " ");
  std::string body_text;
  for (const Block& block : blocks)
    absl::StrAppend(&body_text, block.text, " ");
  const absl::flat_hash_map<absl::string_view, int> in_posts =
      WordCounts(&posts_text);
  const absl::flat_hash_map<absl::string_view, int> in_body =
      WordCounts(&body_text);
  const int posts_words = Total(in_posts);
  const int body_words = Total(in_body);
  if (posts_words == 0 || posts_words == body_words) return false;
  int shared = 0;
  for (const auto& [word, count] : in_posts) {
    auto found = in_body.find(word);
    if (found != in_body.end()) shared += std::min(count, found->second);
  }
  // Fewer: the body is the thread with the writers' details around it.
  // More: the body is a part of the thread (its opening post).
  return shared >=
         content_rules::kMinPostWordsInBody * std::min(posts_words, body_words);
}

std::vector<Block> ThreadBlocks(const std::vector<Comment>& posts) {
  std::vector<Block> blocks;
  for (const Comment& post : posts) {
    std::vector<absl::string_view> header;
    if (!post.author.empty()) header.push_back(post.author);
    if (!post.shown_date.empty()) header.push_back(post.shown_date);
    if (!header.empty()) {
      blocks.push_back(
          {.text = absl::StrJoin(header, content_rules::kPostHeaderSeparator)});
    }
    blocks.insert(blocks.end(), post.blocks.begin(), post.blocks.end());
  }
  return blocks;
}

}  // namespace lede::engine::content
