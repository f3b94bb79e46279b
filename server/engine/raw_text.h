// Part of stage 3, parse: the elements whose content gumbo's tokenizer reads
// as text, for the pre-scan (nesting.cc) and the <noscript> repair
// (noscript_raw_text.h) alike, and where it ends a comment, for the
// pre-scan and the framing stage (frame.cc).
#ifndef LEDE_SERVER_ENGINE_RAW_TEXT_H_
#define LEDE_SERVER_ENGINE_RAW_TEXT_H_

#include <gumbo.h>

#include <cstddef>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "server/engine/text_util.h"

namespace lede::engine {

// Whether gumbo reads `tag`'s content as text (raw text or RCDATA) up to its
// own end tag, where the HTML rules insert it: <iframe>, <noembed>,
// <noframes>, <script>, <style>, <textarea>, <title>, <xmp>. Not
// <plaintext>, which nothing ends, nor <noscript>, whose content is markup
// to gumbo, which parses as a browser with scripting off does.
constexpr bool EndsOnlyAtItsEndTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

// Whether `html` holds, at `at`, `name` (in any case) followed by a byte
// that ends a tag name (white space, '/' or '>'): after a "</", the end tag
// that closes raw text opened by `name`, as the tokenizer reads it.
inline bool TagNameAt(absl::string_view html, size_t at,
                      absl::string_view name) {
  const size_t after = at + name.size();
  if (after >= html.size()) return false;
  const char c = html[after];
  return absl::EqualsIgnoreCase(html.substr(at, name.size()), name) &&
         (IsAsciiWhitespace(c) || c == '/' || c == '>');
}

// A comment as gumbo's tokenizer ends it: its text ends at the first "-->"
// or "--!>" after its "<!--" ("<!-->" and "<!--->" are empty comments).
struct CommentBounds {
  size_t text_end;  // where its text ends
  size_t end;       // the position after it
};

// The bounds of the comment whose "<!--" is at `lt` in `html`; npos for
// both when nothing ends it.
inline CommentBounds FindCommentEnd(absl::string_view html, size_t lt) {
  const size_t text_begin = lt + 4;
  for (absl::string_view empty : {">", "->"}) {
    if (absl::StartsWith(html.substr(text_begin), empty)) {
      return {text_begin, text_begin + empty.size()};
    }
  }
  // Each '>' in turn, which ends it after "--" or "--!": one pass at
  // memchr's pace, where a search for "-->" steps through every '-' of a
  // comment of dashes.
  for (size_t gt = html.find('>', text_begin); gt != absl::string_view::npos;
       gt = html.find('>', gt + 1)) {
    const absl::string_view before = html.substr(text_begin, gt - text_begin);
    if (absl::EndsWith(before, "--")) return {gt - 2, gt + 1};
    if (absl::EndsWith(before, "--!")) return {gt - 3, gt + 1};
  }
  return {absl::string_view::npos, absl::string_view::npos};
}

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_RAW_TEXT_H_
