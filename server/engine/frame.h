// Stage 2, frame: recognise what the text is (a full HTML page, an HTML
// fragment, Markdown with front matter, Markdown mixed with HTML, plain text)
// and turn it into HTML for the parser, keeping what the framing itself says
// about the article as metadata candidates.
#ifndef LEDE_SERVER_ENGINE_FRAME_H_
#define LEDE_SERVER_ENGINE_FRAME_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace lede::engine {

enum class Framing {
  kHtmlPage,
  kHtmlFragment,
  kMarkdownFrontMatter,
  kMarkdownHtml,
  kText,
};

// The name callers see in ParseResponse.framing.
absl::string_view FramingName(Framing framing);

// What the framing itself says about the article, for the metadata stage.
struct FrameFacts {
  // Front matter keys (lower case) to their values; a scalar is a one-item
  // list.
  std::map<std::string, std::vector<std::string>> front_matter;
  // A leading Markdown link "[title](url)" or heading, as title and URL.
  std::string heading_title;
  std::string heading_url;
  // A leading HTML comment holding only an epoch timestamp, in milliseconds.
  std::optional<int64_t> comment_epoch_ms;
};

struct FramedDocument {
  Framing framing = Framing::kHtmlFragment;
  // What the parser reads.
  std::string html;
  FrameFacts facts;
};

// Frames `utf8`. Never fails: anything unrecognised is an HTML fragment or
// plain text. HTML is handed on as it is: the document is taken, not copied.
FramedDocument FrameDocument(std::string utf8);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_FRAME_H_
