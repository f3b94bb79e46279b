// Blocks built from one element whole: an image, a figure, a table row.
// Internal to the content stage.
#ifndef LEDE_SERVER_ENGINE_BLOCK_BUILDERS_H_
#define LEDE_SERVER_ENGINE_BLOCK_BUILDERS_H_

#include <gumbo.h>

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "server/engine/block.h"

namespace lede::engine::content {

// A figure block for <img> `img` with `caption`, its URL (PickImageSource)
// resolved against `base_url`. nullopt for an image without a real source,
// and for a tracking pixel or an icon (a side under 50 pixels).
std::optional<Block> ImageBlock(const GumboNode* img, std::string caption,
                                absl::string_view base_url);

// Whether a <figure> is read like any other block (a quote, a code listing
// or a table, without a picture) rather than built whole by FigureBlock.
bool IsFigureOfBlocks(const GumboNode* figure);

// A <figure>: its first image with its caption (ImageBlock), or the caption
// alone as a paragraph when it holds no image. nullopt when it gives
// neither.
std::optional<Block> FigureBlock(const GumboNode* figure,
                                 absl::string_view base_url);

// Whether a <tr> is a row of data: cells that hold no paragraphs, lists,
// tables or images of their own (a layout table's row is read as blocks).
bool IsDataRow(const GumboNode* row);

// A table row block: the row's <td> and <th> cells; a header row when all
// are <th>. nullopt for a row without text.
std::optional<Block> TableRowBlock(const GumboNode* row);

// Whether `text`, `link_length` of its code points (white space aside) in
// links, is a sentence that leads into the list after it: it ends with a
// colon (content_rules::kListLeadInEnds) and holds no other, has at least
// kMinListLeadInLength code points and at most kMaxListLeadInLinkShare of
// them in links ("For more information, see:"). A list of links it leads
// into is the text's, not the site's navigation.
bool LeadsIntoList(absl::string_view text, int link_length);

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_BLOCK_BUILDERS_H_
