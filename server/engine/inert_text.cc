#include "server/engine/inert_text.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "absl/strings/ascii.h"
#include "server/engine/metadata_readers.h"
#include "server/engine/metadata_rules.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

// Data: what marks a text as read, or as one gumbo may end elsewhere.
//
// Texts shorter than this are left: the cut saves gumbo less than it costs.
constexpr size_t kLeastCut = 128;
// Marks in a script's start tag, matched without case, of a script a stage
// reads: JSON-LD, by its type (metadata_readers.cc, ReadScript, which takes
// "application/ld+json"); '&', as a character reference in the type could
// spell that type.
constexpr absl::string_view kReadScriptTags[] = {"ld+json", "&"};
// In a script, "<!--" takes the tokenizer into the escaped states, where a
// "</script" can be text ("<!--<script>...</script>-->"). The scan follows
// those states (nesting.cc, SkipScriptText), but the cut was measured and
// fuzzed on scripts without them, and still leaves such a script as it is.
// A style's text has no such states.
constexpr absl::string_view kScriptEscape = "<!--";

bool ScriptTagIsRead(absl::string_view tag) {
  const std::string lower = absl::AsciiStrToLower(tag);
  return std::any_of(
      std::begin(kReadScriptTags), std::end(kReadScriptTags),
      [&](absl::string_view mark) { return ContainsBytes(lower, mark); });
}

bool MayCut(absl::string_view html, const RawTextSpan& span) {
  if (span.text_end - span.text_begin < kLeastCut) return false;
  const absl::string_view text =
      html.substr(span.text_begin, span.text_end - span.text_begin);
  // White space alone is a node of another type (GUMBO_NODE_WHITESPACE)
  // than the stub's.
  if (IsBlank(text)) return false;
  if (span.tag != GUMBO_TAG_SCRIPT) return span.tag == GUMBO_TAG_STYLE;
  if (ContainsBytes(text, kScriptEscape)) return false;
  if (ScriptTagIsRead(
          html.substr(span.tag_begin, span.text_begin - span.tag_begin))) {
    return false;
  }
  // The other scripts the metadata stage reads: the state naming a date.
  if (metadata::ScriptDate(text).has_value()) return false;
  // ScriptDate reads gumbo's text, which is these bytes but for a CR or a
  // NUL (a line break, U+FFFD): where it may look, it must see none.
  return !ContainsBytes(text, metadata_rules::kScriptDateKeyWord) ||
         (memchr(text.data(), '\r', text.size()) == nullptr &&
          memchr(text.data(), '\0', text.size()) == nullptr);
}

// What is cut: a range of the page, and whether it is an <svg>'s content.
struct CutRange {
  ByteRange bytes;
  bool svg;
};

// The ranges of `spans` and `svg_contents` that may be cut, in page order.
std::vector<CutRange> RangesToCut(absl::string_view html,
                                  absl::Span<const RawTextSpan> spans,
                                  absl::Span<const ByteRange> svg_contents) {
  std::vector<CutRange> ranges;
  for (const RawTextSpan& span : spans) {
    if (span.text_end <= html.size() && MayCut(html, span)) {
      ranges.push_back({{span.text_begin, span.text_end}, false});
    }
  }
  const size_t texts = ranges.size();
  for (const ByteRange& content : svg_contents) {
    if (content.begin <= content.end && content.end <= html.size() &&
        content.end - content.begin >= kLeastCut) {
      ranges.push_back({content, true});
    }
  }
  std::inplace_merge(ranges.begin(), ranges.begin() + texts, ranges.end(),
                     [](const CutRange& x, const CutRange& y) {
                       return x.bytes.begin < y.bytes.begin;
                     });
  return ranges;
}

}  // namespace

std::optional<InertTextCut> CutInertText(
    absl::string_view html, absl::Span<const RawTextSpan> spans,
    absl::Span<const ByteRange> svg_contents) {
  std::optional<InertTextCut> cut;
  size_t copied = 0;
  for (const CutRange& range : RangesToCut(html, spans, svg_contents)) {
    if (range.bytes.begin < copied) continue;
    if (!cut) {
      cut.emplace();
      cut->html.reserve(html.size());
    }
    cut->html.append(html.data() + copied, range.bytes.begin - copied);
    cut->stubs.push_back(cut->html.size());
    if (range.svg) cut->svg_stubs.push_back(cut->html.size());
    cut->cut_ends.push_back(range.bytes.end);
    cut->html.push_back(range.svg ? kSvgContentStub : kInertTextStub);
    copied = range.bytes.end;
  }
  if (cut) cut->html.append(html.data() + copied, html.size() - copied);
  return cut;
}

size_t InertTextCut::Moved(size_t offset) const {
  // The last text cut before `offset`: its stub is one byte, and the bytes
  // after its end follow the stub.
  const auto after = std::upper_bound(cut_ends.begin(), cut_ends.end(), offset);
  if (after == cut_ends.begin()) return offset;
  const size_t i = static_cast<size_t>(after - cut_ends.begin()) - 1;
  return stubs[i] + 1 + (offset - cut_ends[i]);
}

size_t InertTextCut::Source(size_t offset) const {
  // The last stub at or before `offset`: the bytes after it follow the end
  // of its text.
  const auto after = std::upper_bound(stubs.begin(), stubs.end(), offset);
  if (after == stubs.begin()) return offset;
  const size_t i = static_cast<size_t>(after - stubs.begin()) - 1;
  return cut_ends[i] + (offset - stubs[i]) - 1;
}

void StubCheck::VisitElement(const GumboNode* element) {
  const GumboElement& e = element->v.element;
  const bool svg =
      e.tag == GUMBO_TAG_SVG && e.tag_namespace == GUMBO_NAMESPACE_SVG;
  const bool raw_text =
      (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE) &&
      e.tag_namespace == GUMBO_NAMESPACE_HTML;
  if (!(svg || raw_text) || e.children.length != 1) return;
  const auto* text = static_cast<const GumboNode*>(e.children.data[0]);
  if (text->type != (svg ? GUMBO_NODE_WHITESPACE : GUMBO_NODE_TEXT) ||
      text->v.text.original_text.length != 1) {
    return;
  }
  const size_t offset = text->v.text.start_pos.offset;
  if (std::binary_search(svg_stubs_.begin(), svg_stubs_.end(), offset) == svg &&
      std::binary_search(stubs_.begin(), stubs_.end(), offset)) {
    ++found_;
  }
}

}  // namespace lede::engine
