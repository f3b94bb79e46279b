// The walk that turns a subtree into blocks: text gathers into the block
// its enclosing elements make (a paragraph, a list item, a quote...); each
// element pushes the context it opens, and pops only what it pushed.
// Internal to the content stage.
#ifndef LEDE_SERVER_ENGINE_BLOCK_WALKER_H_
#define LEDE_SERVER_ENGINE_BLOCK_WALKER_H_

#include <gumbo.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/block.h"
#include "server/engine/code_lines.h"
#include "server/engine/keep_policy.h"

namespace lede::engine::content {

// A block as the walk found it, before the later passes (block_passes.h).
struct DraftBlock {
  Block block;
  // Text that sat loose in a container, in no paragraph element (<p>,
  // <figcaption>) of its own: how CMSs write a caption after a picture.
  bool loose = false;
};

class BlockWalker {
 public:
  // Keeps what `policy` keeps; image URLs resolve against `base_url`.
  BlockWalker(const KeepPolicy& policy, absl::string_view base_url);

  // Appends the blocks of the subtree at `root`. `is_top`: the root is the
  // crowned container, kept whatever its class says.
  void Walk(const GumboNode* root, bool is_top);

  // Code points of prose dropped as readers' discussion so far.
  int dropped_discussion() const { return dropped_discussion_; }

  std::vector<DraftBlock> TakeBlocks() { return std::move(blocks_); }

 private:
  // The block that text inside an element becomes.
  struct Context {
    BlockKind kind;
    int level;
    bool ordered;
    // Text here sits in a paragraph of its own, not loose in a container.
    bool paragraph = false;
    // The list item (an index into item_has_text_) the text belongs to; -1
    // outside any.
    int item = -1;
  };

  bool Enter(const GumboNode* node, bool is_root);
  bool EnterElement(const GumboNode* element);
  bool LinksWithinSite(const GumboNode* link) const;
  bool LedInto() const;
  Context ContextOf(const GumboNode* element) const;
  void Leave(const GumboNode* node);
  // Whether text here is code (inside a <pre>).
  bool InCode() const;
  void Add(std::optional<Block> block);
  void Flush();
  BlockKind InheritedKind() const;
  int CurrentLevel() const;

  const KeepPolicy& policy_;
  absl::string_view base_url_;
  // What the subtree being walked measures.
  NodeStats root_;
  std::vector<Context> context_;
  // For each element the walk is inside, whether it pushed a context.
  std::vector<bool> pushed_;
  std::vector<DraftBlock> blocks_;
  std::string buffer_;
  CodeLines code_lines_;
  std::string page_host_;
  // Of `buffer_`'s code points, white space aside, those inside links to
  // the page's own site.
  int buffer_site_link_length_ = 0;
  // ...and those inside any link.
  int buffer_link_length_ = 0;
  // For each link the walk is inside, whether it points within the site;
  // and how many of them do.
  std::vector<bool> link_within_site_;
  int site_link_depth_ = 0;
  int list_depth_ = 0;
  // For each <li> met so far, whether a block of its text was made: the
  // next one continues the item (Block::continues_item).
  std::vector<bool> item_has_text_;
  int dropped_discussion_ = 0;
};

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_BLOCK_WALKER_H_
