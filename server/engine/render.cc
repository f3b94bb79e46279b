#include "server/engine/render.h"

#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

bool IsLineBlock(const Block& block) {
  return block.kind == BlockKind::kListItem ||
         block.kind == BlockKind::kTableRow;
}

// Only what would change the meaning at the start of a line or inline, and
// how it is written instead.
constexpr std::array<std::pair<absl::string_view, absl::string_view>, 7>
    kMarkdownEscapes = {{
        {"\\", "\\\\"},
        {"*", "\\*"},
        {"_", "\\_"},
        {"`", "\\`"},
        {"[", "\\["},
        {"]", "\\]"},
        {"<", "&lt;"},
    }};

// The bytes a text escapes, and what each is written as (nothing for a
// byte written as it is).
struct ByteEscapes {
  std::array<char, 8> bytes{};
  size_t count = 0;
  std::array<absl::string_view, 256> with{};

  constexpr void Add(char byte, absl::string_view escaped) {
    bytes[count++] = byte;
    with[static_cast<unsigned char>(byte)] = escaped;
  }
};

// Whether each of kMarkdownEscapes replaces one byte, as ByteEscapes reads
// them, and they fit its table with '|'.
constexpr bool EachEscapeIsOneByte() {
  if (kMarkdownEscapes.size() + 1 >
      std::tuple_size<decltype(ByteEscapes::bytes)>::value) {
    return false;
  }
  for (const auto& escape : kMarkdownEscapes) {
    if (escape.first.size() != 1) return false;
  }
  return true;
}
static_assert(EachEscapeIsOneByte());

// kMarkdownEscapes; in a table's cell, '|' ends the cell and is escaped too.
constexpr ByteEscapes MarkdownEscapes(bool in_cell) {
  ByteEscapes escapes;
  for (const auto& [from, to] : kMarkdownEscapes) escapes.Add(from[0], to);
  if (in_cell) escapes.Add('|', "\\|");
  return escapes;
}

// Appends `text` to `out`, each byte that `escapes` replaces replaced.
// Most blocks hold none of those bytes: a search for each (memchr passes
// over many bytes an instruction) finds that, and the text is appended as
// it is, without the copy an escaped string made; else in one pass.
void AppendEscaped(absl::string_view text, const ByteEscapes& escapes,
                   std::string* out) {
  bool any = false;
  for (size_t k = 0; k < escapes.count && !any; ++k) {
    any = text.find(escapes.bytes[k]) != absl::string_view::npos;
  }
  if (!any) {
    out->append(text.data(), text.size());
    return;
  }
  size_t written = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const absl::string_view escape =
        escapes.with[static_cast<unsigned char>(text[i])];
    if (escape.empty()) continue;
    out->append(text.data() + written, i - written);
    out->append(escape.data(), escape.size());
    written = i + 1;
  }
  out->append(text.data() + written, text.size() - written);
}

void AppendMarkdown(absl::string_view text, std::string* out) {
  static constexpr ByteEscapes kEscapes = MarkdownEscapes(/*in_cell=*/false);
  AppendEscaped(text, kEscapes, out);
}

std::string EscapeMarkdown(absl::string_view text) {
  std::string out;
  AppendMarkdown(text, &out);
  return out;
}

constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ull;

// For each of the 64 bits, how many of the hashes added have it set. The
// counts are kept as eight bit planes (plane j holds bit j of every bit's
// count), to which a hash is added as a binary adder adds one to each
// count whose bit it sets: 24 instructions a hash, where a count per bit
// in byte lanes took some 80 (the compiler spilled the lanes). The planes
// hold up to 255 and go into the totals every 255 hashes.
class BitCounts {
 public:
  void Add(uint64_t hash) {
    uint64_t carry = hash;
    for (uint64_t& plane : planes_) {
      const uint64_t next = plane & carry;
      plane ^= carry;
      carry = next;
    }
    if (++pending_ == kMaxPending) Flush();
  }

  // The counts of bits 0 to 63, of all the hashes added.
  const std::array<int64_t, 64>& Totals() {
    Flush();
    return ones_;
  }

 private:
  static constexpr int kMaxPending = 255;

  void Flush() {
    for (int bit = 0; bit < 64; ++bit) {
      int64_t count = 0;
      for (size_t j = 0; j < planes_.size(); ++j) {
        count |= static_cast<int64_t>((planes_[j] >> bit) & 1) << j;
      }
      ones_[bit] += count;
    }
    planes_.fill(0);
    pending_ = 0;
  }

  std::array<uint64_t, 8> planes_{};
  int pending_ = 0;
  std::array<int64_t, 64> ones_{};
};

// The FNV-1a hashes of the three shingles a word goes into (those that
// start two words before it, one before it, and at it), each word followed
// by U+001F.
class ThreeShingles {
 public:
  void Absorb(absl::string_view word) {
    constexpr uint64_t kPrime = 0x100000001b3ull;
    for (const char c : word) {
      const auto byte = static_cast<unsigned char>(c);
      oldest_ = (oldest_ ^ byte) * kPrime;
      middle_ = (middle_ ^ byte) * kPrime;
      newest_ = (newest_ ^ byte) * kPrime;
    }
    oldest_ = (oldest_ ^ 0x1f) * kPrime;
    middle_ = (middle_ ^ 0x1f) * kPrime;
    newest_ = (newest_ ^ 0x1f) * kPrime;
  }
  uint64_t Oldest() const { return oldest_; }
  // The oldest shingle is done: each moves up, and one starts.
  void Shift() {
    oldest_ = middle_;
    middle_ = newest_;
    newest_ = kFnvOffsetBasis;
  }

 private:
  uint64_t oldest_ = kFnvOffsetBasis;
  uint64_t middle_ = kFnvOffsetBasis;
  uint64_t newest_ = kFnvOffsetBasis;
};

}  // namespace

std::string RenderText(const std::vector<Block>& blocks) {
  std::string out;
  const Block* previous = nullptr;
  for (const Block& block : blocks) {
    // Captions and credits ("Photo: X") are not read through; they stay in
    // the images, the HTML and the Markdown.
    if (block.text.empty() || block.kind == BlockKind::kFigure) continue;
    if (previous != nullptr) {
      bool same_list = IsLineBlock(*previous) && IsLineBlock(block) &&
                       previous->kind == block.kind;
      out += same_list ? "\n" : "\n\n";
    }
    if (block.kind == BlockKind::kListItem) {
      out += std::string(2 * block.level, ' ');
    }
    out += block.kind == BlockKind::kTableRow ? absl::StrJoin(block.cells, "\t")
                                              : block.text;
    previous = &block;
  }
  return out;
}

std::string RenderHtml(const std::vector<Block>& blocks) {
  std::string out;
  const char* open_list = nullptr;
  // The level of the list item whose </li> is still to be written; -1 when
  // none is open.
  int open_item = -1;
  bool open_table = false;
  auto close_containers = [&](const Block* next) {
    if (open_item >= 0 &&
        (next == nullptr || !next->continues_item ||
         next->kind != BlockKind::kListItem || next->level != open_item)) {
      out += "</li>\n";
      open_item = -1;
    }
    if (open_list &&
        (next == nullptr || next->kind != BlockKind::kListItem ||
         (next->ordered ? "ol" : "ul") != absl::string_view(open_list))) {
      absl::StrAppend(&out, "</", open_list, ">\n");
      open_list = nullptr;
    }
    if (open_table && (next == nullptr || next->kind != BlockKind::kTableRow)) {
      out += "</table>\n";
      open_table = false;
    }
  };
  for (const Block& block : blocks) {
    close_containers(&block);
    std::string text = EscapeHtml(block.text);
    switch (block.kind) {
      case BlockKind::kHeading: {
        int level = std::clamp(block.level, 1, 6);
        absl::StrAppend(&out, "<h", level, ">", text, "</h", level, ">\n");
        break;
      }
      case BlockKind::kParagraph:
        absl::StrAppend(&out, "<p>", text, "</p>\n");
        break;
      case BlockKind::kListItem:
        if (open_list == nullptr) {
          open_list = block.ordered ? "ol" : "ul";
          absl::StrAppend(&out, "<", open_list, ">\n");
        }
        absl::StrAppend(&out, open_item >= 0 ? "<br>" : "<li>", text);
        open_item = block.level;
        break;
      case BlockKind::kQuote:
        absl::StrAppend(&out, "<blockquote><p>", text, "</p></blockquote>\n");
        break;
      case BlockKind::kCode:
        absl::StrAppend(&out, "<pre><code>", text, "</code></pre>\n");
        break;
      case BlockKind::kTableRow: {
        if (!open_table) {
          out += "<table>\n";
          open_table = true;
        }
        const char* cell_tag = block.header_row ? "th" : "td";
        out += "<tr>";
        for (const std::string& cell : block.cells) {
          absl::StrAppend(&out, "<", cell_tag, ">", EscapeHtml(cell), "</",
                          cell_tag, ">");
        }
        out += "</tr>\n";
        break;
      }
      case BlockKind::kFigure:
        absl::StrAppend(&out, "<figure><img src=\"",
                        EscapeHtml(block.image.url), "\" alt=\"",
                        EscapeHtml(block.image.alt), "\">");
        if (!block.image.caption.empty()) {
          absl::StrAppend(&out, "<figcaption>", EscapeHtml(block.image.caption),
                          "</figcaption>");
        }
        out += "</figure>\n";
        break;
    }
  }
  close_containers(nullptr);
  return out;
}

std::string RenderMarkdown(const std::vector<Block>& blocks) {
  std::string out;
  const Block* previous = nullptr;
  int ordinal = 0;
  for (const Block& block : blocks) {
    if (block.kind != BlockKind::kFigure && block.text.empty()) continue;
    // A list item's text after a table or a figure in it is a paragraph of
    // the item: a blank line, then indented under the item's marker.
    const bool continues = block.continues_item && previous != nullptr &&
                           previous->kind == BlockKind::kListItem &&
                           block.kind == BlockKind::kListItem;
    if (previous != nullptr) {
      bool same_run = previous->kind == block.kind && IsLineBlock(block);
      out += same_run && !continues ? "\n" : "\n\n";
    }
    if (block.kind != BlockKind::kListItem) ordinal = 0;
    switch (block.kind) {
      case BlockKind::kHeading:
        out.append(std::clamp(block.level, 1, 6), '#');
        out += ' ';
        AppendMarkdown(block.text, &out);
        break;
      case BlockKind::kParagraph:
        AppendMarkdown(block.text, &out);
        break;
      case BlockKind::kListItem:
        if (continues) {
          const size_t marker =
              block.ordered ? absl::StrCat(ordinal, ". ").size() : 2;
          out.append(2 * block.level + marker, ' ');
        } else {
          absl::StrAppend(&out, std::string(2 * block.level, ' '),
                          block.ordered ? absl::StrCat(++ordinal, ". ") : "- ");
        }
        AppendMarkdown(block.text, &out);
        break;
      case BlockKind::kQuote:
        out += "> ";
        AppendMarkdown(block.text, &out);
        break;
      case BlockKind::kCode:
        absl::StrAppend(&out, "```\n", block.text, "\n```");
        break;
      case BlockKind::kTableRow: {
        static constexpr ByteEscapes kCellEscapes =
            MarkdownEscapes(/*in_cell=*/true);
        std::vector<std::string> cells;
        for (const std::string& cell : block.cells) {
          AppendEscaped(cell, kCellEscapes, &cells.emplace_back());
        }
        absl::StrAppend(&out, "| ", absl::StrJoin(cells, " | "), " |");
        bool first_row =
            previous == nullptr || previous->kind != BlockKind::kTableRow;
        if (first_row) {
          absl::StrAppend(
              &out, "\n|",
              absl::StrJoin(std::vector<std::string>(cells.size(), " --- "),
                            "|"),
              "|");
        }
        break;
      }
      case BlockKind::kFigure:
        absl::StrAppend(
            &out, "![", EscapeMarkdown(block.image.alt), "](",
            absl::StrReplaceAll(block.image.url, {{" ", "%20"}, {")", "%29"}}),
            ")");
        if (!block.image.caption.empty()) {
          absl::StrAppend(&out, "\n\n*", EscapeMarkdown(block.image.caption),
                          "*");
        }
        break;
    }
    previous = &block;
  }
  return out;
}

uint64_t Fingerprint(const Words& words) {
  if (words.empty()) return 0;
  constexpr size_t kShingle = 3;
  static_assert(kShingle == 3, "ThreeShingles hashes shingles of three words");
  BitCounts ones;
  const size_t shingles =
      words.size() >= kShingle ? words.size() - kShingle + 1 : 1;
  // Each shingle is its words, each followed by U+001F; a text of fewer
  // words than a shingle is one. A word goes into the three shingles that
  // hold it at once: three FNV chains side by side, where one shingle after
  // another waited on each multiplication.
  ThreeShingles three;
  for (size_t k = 0; k < words.size(); ++k) {
    three.Absorb(words[k].folded);
    if (k + 1 >= kShingle || k + 1 == words.size()) ones.Add(three.Oldest());
    three.Shift();
  }
  // A bit is set when more shingles have it than not.
  const std::array<int64_t, 64>& totals = ones.Totals();
  uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (2 * totals[bit] > static_cast<int64_t>(shingles)) {
      fingerprint |= uint64_t{1} << bit;
    }
  }
  return fingerprint;
}

}  // namespace lede::engine
