// libFuzzer target: the tree Dom::Parse makes, which may have cut the text
// of scripts and styles no stage reads (inert_text.h) and blanked repeated
// attribute names (repeated_attributes.h), is node for node, but for the
// cut texts, the tree gumbo makes of the page as sent; each element's
// attributes those gumbo reads when it records its errors (and so drops a
// repeated attribute as the standard does) or, where the scan left a
// repeat unlisted or Dom::Parse found a blank out of place and parsed the
// page as sent, as Dom::Parse runs it. Pages that Dom::Parse rewrites on
// purpose (a <noscript>'s raw text closed, streamed segments placed) or
// refuses are left out, and so are pages that are not UTF-8 and hold a
// repeated name: gumbo reads bytes that are not UTF-8 as U+FFFD, which
// makes names alike that the scan does not compare as alike, so that one
// tag may have some repeats blanked and others not.
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 65536) return 0;
  const std::string html(reinterpret_cast<const char*>(data), size);
  if (absl::StrContains(absl::AsciiStrToLower(html), "noscript") ||
      absl::StrContains(html, "hidden id=\"S:")) {
    return 0;
  }
  absl::StatusOr<lede::engine::Dom> dom = lede::engine::Dom::Parse(
      html, lede::engine::Limits(), absl::InfiniteFuture());
  if (!dom.ok()) return 0;
  if (!IsUtf8(html) && !lede::engine::ScanMarkup(html, INT_MAX)
                            .repeated_attribute_names.empty()) {
    return 0;
  }
  lede::engine::GumboArena arena;
  GumboOptions standard = lede::engine::testing_only::RecordingErrors(&arena);
  GumboOptions as_run = arena.Options();
  GumboOutput* sent =
      gumbo_parse_with_options(&standard, html.data(), html.size());
  GumboOutput* sent_as_run =
      gumbo_parse_with_options(&as_run, html.data(), html.size());
  const std::string difference = lede::engine::testing_only::DifferenceFromSent(
      dom->document(), sent->document, lede::engine::kInertTextStub,
      sent_as_run->document);
  if (!difference.empty()) {
    std::fprintf(stderr, "the trees differ: %s\n", difference.c_str());
    std::abort();
  }
  return 0;
}
