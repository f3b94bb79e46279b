// The article body as the content stage hands it to the renderers: a flat,
// ordered list of blocks.
#ifndef LEDE_SERVER_ENGINE_BLOCK_H_
#define LEDE_SERVER_ENGINE_BLOCK_H_

#include <string>
#include <vector>

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
  // Heading level 1-6; list nesting depth (0 for a top-level item).
  int level = 0;
  // A list item of an ordered list.
  bool ordered = false;
  // A table row's cells, and whether they are header cells.
  std::vector<std::string> cells;
  bool header_row = false;
  // A figure's image; its caption is also in `text`.
  ImageRef image;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_BLOCK_H_
