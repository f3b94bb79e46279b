// The article body as the content stage hands it to the later stages: a
// flat, ordered list of blocks, and the images among them.
#ifndef LEDE_SERVER_ENGINE_BLOCK_H_
#define LEDE_SERVER_ENGINE_BLOCK_H_

#include <optional>
#include <string>
#include <vector>

#include "server/engine/dates.h"

namespace lede::engine {

enum class BlockKind {
  kHeading,
  kParagraph,
  kListItem,
  kQuote,
  kCode,
  kTableRow,
  kFigure,
};

struct ImageRef {
  std::string url;  // absolute when the page gave enough to resolve it
  std::string alt;
  std::string caption;
  int width = 0;
  int height = 0;
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  // Plain text, white space collapsed (kCode keeps its line breaks).
  std::string text;
  // Code points of `text`, white space aside, that sat inside links to the
  // page's own site (SameSite): a teaser's headline is one.
  int site_link_length = 0;
  // Code points of `text`, white space aside, that sat inside any link: a
  // button's label ("Learn more", "Get started") is one.
  int link_length = 0;
  // Heading level 1-6; list nesting depth (0 for a top-level item).
  int level = 0;
  // A list item of an ordered list.
  bool ordered = false;
  // A list item's text that goes on the item before it rather than opening
  // one: the tail of an <li> after a table or a figure inside it.
  bool continues_item = false;
  // A table row's cells, and whether they are header cells.
  std::vector<std::string> cells;
  bool header_row = false;
  // A figure's image; its caption is also in `text`.
  ImageRef image;
};

// A reader's comment under the article (or a customer's review of a
// product), as the page shows it.
struct Comment {
  std::string author;  // "" when the comment names none
  std::optional<ParsedDate> published;
  // The date as the page shows it to readers (the dating element's text:
  // "Jun 3, 2024" where `published` read a <time>'s datetime); "" when it
  // shows none.
  std::string shown_date;
  std::string text;  // paragraphs separated by a blank line
  // The blocks `text` was read from.
  std::vector<Block> blocks;
};

// One entry of a listing or a collection: another page it points to.
struct ListEntry {
  std::string title;
  std::string url;  // absolute
  std::string snippet;
};

// The body as the content stage found it.
struct Body {
  std::vector<Block> blocks;
  // The images of the figures among `blocks`, in their order.
  std::vector<ImageRef> images;
  // The name of the content stage's attempt that found the blocks
  // ("candidate", "whole-page", ...: content.cc, kAttempts), reported as
  // the text's provenance.
  std::string attempt;
  // Readers' comments, in page order, never part of `blocks`: read only
  // when asked for (ContentOptions::include_comments).
  std::vector<Comment> comments;
  // A forum thread's posts, in page order, the opening post first: read
  // only when the page is classified a forum (ContentReader::ReadPosts).
  std::vector<Comment> posts;
  // A listing's or a collection's entries, in page order: read only when
  // the page is classified one (ContentReader::ReadItems).
  std::vector<ListEntry> items;
};

// Calls `visit(std::string*)` on each text of `body` a reader reads: block
// text, table cells, image alt texts and captions (not URLs), comments' and
// posts' writers and texts, entries' titles and snippets.
template <typename Visit>
void ForEachText(Body* body, Visit visit) {
  for (Block& block : body->blocks) {
    visit(&block.text);
    for (std::string& cell : block.cells) visit(&cell);
    visit(&block.image.alt);
    visit(&block.image.caption);
  }
  for (ImageRef& image : body->images) {
    visit(&image.alt);
    visit(&image.caption);
  }
  for (std::vector<Comment>* posts : {&body->comments, &body->posts}) {
    for (Comment& comment : *posts) {
      visit(&comment.author);
      visit(&comment.text);
    }
  }
  for (ListEntry& item : body->items) {
    visit(&item.title);
    visit(&item.snippet);
  }
}

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_BLOCK_H_
