// libFuzzer target: the tree Dom::Parse makes, which may have cut the text
// of scripts and styles no stage reads (inert_text.h), is node for node the
// tree gumbo makes of the page as sent, but for the cut texts. Pages that
// Dom::Parse rewrites on purpose (a <noscript>'s raw text closed, streamed
// segments placed) or refuses are left out.
#include <gumbo.h>

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
#include "server/engine/same_tree_testing.h"

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
  // As Dom::Parse's gumbo runs (gumbo_arena.h): max_errors changes the
  // tree. Gumbo clears an attribute's name after a duplicate only when it
  // records the error, so with none recorded a value-less attribute written
  // twice runs into the next one's name ("hidden hidden id=q" gives
  // "hiddenid").
  lede::engine::GumboArena arena;
  GumboOptions options = arena.Options();
  GumboOutput* sent =
      gumbo_parse_with_options(&options, html.data(), html.size());
  const std::string difference = lede::engine::testing_only::DifferenceFromSent(
      dom->document(), sent->document, lede::engine::kInertTextStub);
  if (!difference.empty()) {
    std::fprintf(stderr, "the trees differ: %s\n", difference.c_str());
    std::abort();
  }
  return 0;
}
