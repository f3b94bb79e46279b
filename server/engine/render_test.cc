#include "server/engine/render.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<Block> SampleBlocks() {
  std::vector<Block> blocks;
  blocks.push_back(
      {.kind = BlockKind::kHeading, .text = "Section", .level = 2});
  blocks.push_back({.kind = BlockKind::kParagraph, .text = "A <b> & \"c\"."});
  blocks.push_back({.kind = BlockKind::kListItem, .text = "one"});
  blocks.push_back({.kind = BlockKind::kListItem, .text = "two"});
  Block figure{.kind = BlockKind::kFigure, .text = "Cap"};
  figure.image = {.url = "https://x/a.jpg", .alt = "Alt", .caption = "Cap"};
  blocks.push_back(figure);
  return blocks;
}

// Captions are in `images` and in the HTML and Markdown, not in the text:
// the text is what a reader reads through.
TEST(RenderTest, TextSeparatesParagraphsAndListItemsWithoutCaptions) {
  EXPECT_EQ(RenderText(SampleBlocks()),
            "Section\n\nA <b> & \"c\".\n\none\ntwo");
}

TEST(RenderTest, HtmlIsEscapedAndStructural) {
  std::string html = RenderHtml(SampleBlocks());
  EXPECT_THAT(html, HasSubstr("<h2>Section</h2>"));
  EXPECT_THAT(html, HasSubstr("<p>A &lt;b&gt; &amp; &quot;c&quot;.</p>"));
  EXPECT_THAT(html, HasSubstr("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"));
  EXPECT_THAT(html, HasSubstr("<figcaption>Cap</figcaption>"));
  EXPECT_THAT(html, Not(HasSubstr("<b>")));
}

TEST(RenderTest, MarkdownHasHeadingsListsAndImages) {
  std::string markdown = RenderMarkdown(SampleBlocks());
  EXPECT_THAT(markdown, HasSubstr("## Section"));
  EXPECT_THAT(markdown, HasSubstr("- one\n- two"));
  EXPECT_THAT(markdown, HasSubstr("![Alt](https://x/a.jpg)"));
}

// The tail of an item after a table in it: the same item, not a new one.
TEST(RenderTest, AContinuationStaysInItsItem) {
  std::vector<Block> blocks = {
      {.kind = BlockKind::kListItem, .text = "one"},
      {.kind = BlockKind::kListItem, .text = "cell", .continues_item = true},
      {.kind = BlockKind::kListItem, .text = "tail", .continues_item = true},
      {.kind = BlockKind::kListItem, .text = "two"},
      {.kind = BlockKind::kParagraph, .text = "After."}};
  EXPECT_EQ(RenderHtml(blocks),
            "<ul>\n<li>one<br>cell<br>tail</li>\n<li>two</li>\n</ul>\n"
            "<p>After.</p>\n");
  EXPECT_EQ(RenderMarkdown(blocks),
            "- one\n\n  cell\n\n  tail\n- two\n\nAfter.");
  EXPECT_EQ(RenderText(blocks), "one\ncell\ntail\ntwo\n\nAfter.");
  for (Block& block : blocks)
    block.ordered = block.kind == BlockKind::kListItem;
  EXPECT_EQ(RenderMarkdown(blocks),
            "1. one\n\n   cell\n\n   tail\n2. two\n\nAfter.");
}

// With its item gone (a pass dropped it), a continuation opens its own.
TEST(RenderTest, AContinuationWithoutItsItemOpensOne) {
  std::vector<Block> blocks = {
      {.kind = BlockKind::kParagraph, .text = "Before."},
      {.kind = BlockKind::kListItem, .text = "tail", .continues_item = true}};
  EXPECT_EQ(RenderHtml(blocks), "<p>Before.</p>\n<ul>\n<li>tail</li>\n</ul>\n");
  EXPECT_EQ(RenderMarkdown(blocks), "Before.\n\n- tail");
}

// The marks are escaped in every kind of block that writes its text, and
// a table's cells escape the '|' that would end them too; a code block's
// text is written as it is.
TEST(RenderTest, EscapesMarkdownMarksInEveryKindOfBlock) {
  const std::vector<Block> blocks = {
      {.kind = BlockKind::kHeading, .text = "a_b|c", .level = 2},
      {.kind = BlockKind::kQuote, .text = "[q]"},
      {.kind = BlockKind::kListItem, .text = "*i*", .ordered = true},
      {.kind = BlockKind::kListItem, .text = "`j`", .level = 1},
      {.kind = BlockKind::kTableRow,
       .text = "row",
       .cells = {"x|y", "<z>", "\\"}},
      {.kind = BlockKind::kCode, .text = "a_b*c"}};
  EXPECT_EQ(RenderMarkdown(blocks),
            "## a\\_b|c\n\n"
            "> \\[q\\]\n\n"
            "1. \\*i\\*\n"
            "  - \\`j\\`\n\n"
            "| x\\|y | &lt;z> | \\\\ |\n| --- | --- | --- |\n\n"
            "```\na_b*c\n```");
}

// Markdown's marks are escaped wherever they stand in a paragraph: each at
// every place of paragraphs of every length up to 20.
TEST(RenderTest, EscapesEachMarkdownMarkAtEveryPlace) {
  const std::pair<char, std::string> kMarks[] = {
      {'\\', "\\\\"}, {'*', "\\*"}, {'_', "\\_"}, {'`', "\\`"},
      {'[', "\\["},   {']', "\\]"}, {'<', "&lt;"}};
  for (const auto& [mark, escaped] : kMarks) {
    for (size_t length = 1; length <= 20; ++length) {
      for (size_t at = 0; at < length; ++at) {
        std::string text(length, 'x');
        text[at] = mark;
        const std::vector<Block> blocks = {
            {.kind = BlockKind::kParagraph, .text = text}};
        EXPECT_EQ(RenderMarkdown(blocks), std::string(at, 'x') + escaped +
                                              std::string(length - at - 1, 'x'))
            << mark << " " << length << " " << at;
      }
    }
  }
}

TEST(RenderTest, FingerprintIsStableAndSimilarForSimilarText) {
  std::string a =
      "The council voted on Tuesday to approve the new budget for the city "
      "and its schools, roads and parks after a long debate.";
  std::string b = a + " It was late.";
  auto fingerprint = [](absl::string_view text) {
    return Fingerprint(SplitWords(text));
  };
  uint64_t fa = fingerprint(a), fb = fingerprint(b);
  EXPECT_EQ(fa, fingerprint(a));
  // Case does not change the words.
  EXPECT_EQ(fa, fingerprint(absl::AsciiStrToUpper(a)));
  EXPECT_LE(__builtin_popcountll(fa ^ fb), 16);
  EXPECT_GT(__builtin_popcountll(fa ^ fingerprint("Completely different "
                                                  "words about football "
                                                  "and the weather today.")),
            8);
  EXPECT_EQ(fingerprint(""), 0u);
}

// The fingerprint as its contract defines it, counted plainly: FNV-1a of
// each shingle of three folded words, each followed by U+001F, and a bit
// set where more shingles than not have it.
uint64_t PlainFingerprint(const Words& words) {
  if (words.empty()) return 0;
  const size_t shingles = words.size() >= 3 ? words.size() - 2 : 1;
  std::array<int64_t, 64> ones{};
  for (size_t i = 0; i < shingles; ++i) {
    uint64_t hash = 0xcbf29ce484222325ull;
    for (size_t k = i; k < std::min(words.size(), i + 3); ++k) {
      for (unsigned char c : std::string(words[k].folded) + "\x1f") {
        hash = (hash ^ c) * 0x100000001b3ull;
      }
    }
    for (int bit = 0; bit < 64; ++bit) ones[bit] += (hash >> bit) & 1;
  }
  uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (2 * ones[bit] > static_cast<int64_t>(shingles)) {
      fingerprint |= uint64_t{1} << bit;
    }
  }
  return fingerprint;
}

// Texts of 1 to 1,200 words of 1 to 11 letters: shingles on both sides of
// the 255 the counts hold before they are added up, and words of each
// length the hash reads four bytes at a time and one at a time.
TEST(RenderTest, FingerprintCountsEveryShingle) {
  std::string text;
  for (int n = 1; n <= 1200; ++n) {
    text += std::string(1 + (n * 7) % 11, static_cast<char>('a' + n % 26));
    text += std::to_string(n % 97) + " ";
    if (n < 20 || n % 127 == 0 || (n >= 250 && n <= 260)) {
      const Words words = SplitWords(text);
      EXPECT_EQ(Fingerprint(words), PlainFingerprint(words)) << n;
    }
  }
}

}  // namespace
}  // namespace lede::engine
