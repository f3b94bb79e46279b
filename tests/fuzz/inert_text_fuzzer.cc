// libFuzzer target: the tree Dom::Parse makes, which may have cut the text
// of scripts and styles no stage reads and the content of inline SVG
// (inert_text.h) and blanked repeated attribute names
// (repeated_attributes.h), is node for node, but for what it cut, the tree
// gumbo makes of the page as sent, with its streamed
// segments placed; each element's attributes those gumbo reads when it
// records its errors (and so drops a repeated attribute as the standard
// does) or, where the scan left a repeat unlisted, as Dom::Parse runs it.
// Where Dom::Parse found a blank out of place, it parsed the page as sent,
// and placed its segments by gumbo's reading as it runs it. Pages where it
// closes a <noscript>'s raw text on purpose, or that it refuses, are left
// out, and so are pages that are not UTF-8 and hold a repeated name: gumbo
// reads bytes that are not UTF-8 as U+FFFD, which makes names alike that
// the scan does not compare as alike, so that one tag may have some
// repeats blanked and others not.
#include <gumbo.h>
#include <unicode/utf8.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "server/engine/dom.h"
#include "server/engine/gumbo_arena.h"
#include "server/engine/inert_text.h"
#include "server/engine/limits.h"
#include "server/engine/nesting.h"
#include "server/engine/same_tree_testing.h"
#include "server/engine/streamed_segments.h"

namespace {

bool IsUtf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// `html` with its streamed segments placed as gumbo's tree of it, read as
// the standard reads it or as Dom::Parse runs gumbo, places them.
std::string Placed(const std::string& html, bool as_standard) {
  if (!lede::engine::MayHoldStreamedSegments(html)) return html;
  lede::engine::GumboArena arena;
  GumboOptions options =
      as_standard ? lede::engine::testing_only::RecordingErrors(&arena)
                  : arena.Options();
  GumboOutput* tree =
      gumbo_parse_with_options(&options, html.data(), html.size());
  return lede::engine::PlaceStreamedSegments(tree->document, html)
      .value_or(html);
}

// DifferenceFromSent of `parsed` and gumbo's trees of `html` with its
// segments placed so: read as the standard reads it, an element's
// attributes perhaps as Dom::Parse runs gumbo.
std::string DifferenceFromPlaced(const GumboNode* parsed,
                                 const std::string& html,
                                 bool placed_as_standard) {
  const std::string page = Placed(html, placed_as_standard);
  lede::engine::GumboArena arena;
  GumboOptions standard = lede::engine::testing_only::RecordingErrors(&arena);
  GumboOptions as_run = arena.Options();
  GumboOutput* sent =
      gumbo_parse_with_options(&standard, page.data(), page.size());
  GumboOutput* sent_as_run =
      gumbo_parse_with_options(&as_run, page.data(), page.size());
  return lede::engine::testing_only::DifferenceFromSent(
      parsed, sent->document, lede::engine::kInertTextStub,
      sent_as_run->document);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 65536) return 0;
  const std::string html(reinterpret_cast<const char*>(data), size);
  if (absl::StrContains(absl::AsciiStrToLower(html), "noscript")) return 0;
  absl::StatusOr<lede::engine::Dom> dom = lede::engine::Dom::Parse(
      html, lede::engine::Limits(), absl::InfiniteFuture());
  if (!dom.ok()) return 0;
  if (!IsUtf8(html) && !lede::engine::ScanMarkup(html, INT_MAX)
                            .repeated_attribute_names.empty()) {
    return 0;
  }
  std::string differences;
  for (bool placed_as_standard : {true, false}) {
    const std::string difference =
        DifferenceFromPlaced(dom->document(), html, placed_as_standard);
    if (difference.empty()) return 0;
    differences += difference + "; ";
  }
  std::fprintf(stderr, "the trees differ: %s\n", differences.c_str());
  std::abort();
  return 0;
}
