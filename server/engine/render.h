// Stage 7, render: the body blocks as plain text, safe HTML and Markdown,
// with the numbers derived from them.
#ifndef LEDE_SERVER_ENGINE_RENDER_H_
#define LEDE_SERVER_ENGINE_RENDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/engine/block.h"
#include "server/engine/words.h"

namespace lede::engine {

// Paragraphs separated by a blank line, headings on their own lines, list
// items and table rows one a line.
std::string RenderText(const std::vector<Block>& blocks);

// Cleaned HTML: only structural tags, escaped text, no scripts, styles,
// event attributes or iframes.
std::string RenderHtml(const std::vector<Block>& blocks);

std::string RenderMarkdown(const std::vector<Block>& blocks);

// 64-bit SimHash over 3-shingles of `words` (SplitWords), stable across runs
// and machines. 0 when there are no words.
uint64_t Fingerprint(const Words& words);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_RENDER_H_
