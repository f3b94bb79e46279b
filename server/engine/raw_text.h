// Part of stage 3, parse: the elements whose content gumbo's tokenizer reads
// as text, for the pre-scan (nesting.cc) and the <noscript> repair
// (noscript_raw_text.h) alike.
#ifndef LEDE_SERVER_ENGINE_RAW_TEXT_H_
#define LEDE_SERVER_ENGINE_RAW_TEXT_H_

#include <gumbo.h>

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

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_RAW_TEXT_H_
