#include "server/engine/block_passes.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/types/span.h"
#include "re2/re2.h"
#include "server/engine/block_builders.h"
#include "server/engine/content_rules.h"
#include "server/engine/content_tree.h"
#include "server/engine/dates.h"
#include "server/engine/text_util.h"

namespace lede::engine::content {
namespace {

// The first byte of `text` after the white space RE2's \s matches (ASCII
// space, tab, newline, form feed, carriage return), or '\0' when none is
// left. A pattern that must start there with one of a few bytes can be ruled
// out by it before RE2 runs, whose automaton's states for a large pattern
// are spread over memory the rest of the engine has pushed out of the cache.
char FirstAfterSpace(absl::string_view text) {
  for (char c : text) {
    if (!IsAsciiWhitespace(c)) return c;
  }
  return '\0';
}

size_t AsciiLetterCount(absl::string_view text) {
  return std::count_if(text.begin(), text.end(), absl::ascii_isalpha);
}

// The most ASCII letters a line of `lines` holds.
size_t MostAsciiLetters(absl::Span<const absl::string_view> lines) {
  size_t most = 0;
  for (absl::string_view line : lines) {
    most = std::max(most, AsciiLetterCount(line));
  }
  return most;
}

// Whether `text` holds an ASCII letter. Every branch of some patterns
// needs one, under (?i) too: besides letters whose case partners are ASCII
// alone, a branch has at least one other than k and s (whose partners
// include the Kelvin sign and the long s).
bool HasAsciiLetter(absl::string_view text) {
  return std::any_of(text.begin(), text.end(), absl::ascii_isalpha);
}

// The last byte of `text` before the white space RE2's \s matches at its
// end, or '\0' when none is left.
char LastBeforeSpace(absl::string_view text) {
  for (auto it = text.rbegin(); it != text.rend(); ++it) {
    const char c = *it;
    if (!IsAsciiWhitespace(c)) return c;
  }
  return '\0';
}

// Whether a picture's credit could stand in `text` (kCaptionCreditPattern):
// every branch of the pattern but one holds '(', ':' or "©", and that one
// opens the line with "courtesy", "photo", "picture", "image" or "video"
// after its white space (letters without case partners outside ASCII).
bool MayHoldCaptionCredit(absl::string_view text) {
  const char first =
      absl::ascii_tolower(static_cast<unsigned char>(FirstAfterSpace(text)));
  if (first == 'c' || first == 'p' || first == 'i' || first == 'v') {
    return true;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == ':' ||
        (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA9')) {
      return true;
    }
  }
  return false;
}

bool IsEndOfArticleMarker(absl::string_view text) {
  // Only "【", "】" and colons go around a marker (below): a longer line
  // is none.
  static const size_t kMostBytes = [] {
    size_t most = 0;
    for (absl::string_view marker : content_rules::kEndOfArticleMarkers) {
      most = std::max(most, marker.size());
    }
    return most + absl::string_view("【】：:").size();
  }();
  const absl::string_view stripped = absl::StripAsciiWhitespace(text);
  if (stripped.size() > kMostBytes) return false;
  std::string folded = AsciiLower(stripped);
  // "Related articles:" and "【相关阅读】" mark the end as well.
  absl::string_view core = absl::StripSuffix(
      absl::StripSuffix(absl::StripPrefix(folded, "【"), "】"), ":");
  core = absl::StripSuffix(core, "：");
  for (absl::string_view marker : content_rules::kEndOfArticleMarkers) {
    if (core == marker) return true;
  }
  return false;
}

// A line that only dates the page ("Saturday, September 10th, 2005 10:56
// am", "2005-04-05 06:40更新", "Aktualisiert: 23.10.2018"): the date is
// metadata, read by the metadata stage, not part of the body.
bool IsDateline(absl::string_view text) {
  std::optional<ParsedDate> date =
      FindDate(text, DateHints(), /*allow_relative=*/false);
  if (!date) return false;
  return LetterCount(absl::StrReplaceAll(text, {{date->text, ""}})) <=
         content_rules::kMaxDatelineLetters;
}

// A block that is only markup, read as text (kMarkupLinePattern).
bool IsMarkupLine(absl::string_view text) {
  static const LazyRE2 kMarkup = {content_rules::kMarkupLinePattern};
  // The pattern starts with a tag's '<' after its white space.
  return FirstAfterSpace(text) == '<' && RE2::FullMatch(Piece(text), *kMarkup);
}

// Whether `text` names comments as each branch of kCommentCountPattern
// does: with ASCII letters or one of kCommentCountWords.
bool MayNameComments(absl::string_view text) {
  return HasAsciiLetter(text) ||
         absl::c_any_of(content_rules::kCommentCountWords,
                        [&](absl::string_view word) {
                          return absl::StrContains(text, word);
                        });
}

// "Posted by Anna @ 2005-06-14 03:25 | 11 comments": the line that closes a
// post. On a blog's front page, what follows is the next post.
bool IsPostFooter(absl::string_view text) {
  static const LazyRE2 kCommentCount = {content_rules::kCommentCountPattern};
  // Each branch of the pattern counts the comments in digits.
  return HasAsciiDigit(text) && MayNameComments(text) &&
         RE2::PartialMatch(Piece(text), *kCommentCount) &&
         FindDate(text, DateHints(), /*allow_relative=*/false).has_value();
}

// A line that names the article's authors and says little else ("By Jane
// Doe", "von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr", "Publicado
// por Alberto González"), or opens with an author's name and adds the
// author's role or outlet but no sentence ("By Jane Doe | Special to the
// Pioneer Press", "Robert Burns, AP National Security Writer"): the byline,
// which is metadata.
bool IsByline(absl::string_view text, const std::vector<std::string>& authors) {
  static const LazyRE2 kByLabel = {content_rules::kBylineLabelPattern};
  re2::StringPiece after_label = Piece(text);
  RE2::Consume(&after_label, *kByLabel);
  std::string rest(text);
  bool named = false;
  bool opens_with_name = false;
  for (const std::string& author : authors) {
    if (CodePointCount(author) < content_rules::kMinBylineNameLength) continue;
    size_t at = rest.find(author);
    if (at == std::string::npos) continue;
    opens_with_name |= absl::StartsWith(
        absl::string_view(after_label.data(), after_label.size()), author);
    rest.erase(at, author.size());
    named = true;
  }
  if (!named) return false;
  if (std::optional<ParsedDate> date =
          FindDate(rest, DateHints(), /*allow_relative=*/false)) {
    rest = absl::StrReplaceAll(rest, {{date->text, ""}});
  }
  const size_t letters = LetterCount(rest);
  if (letters <= content_rules::kMaxBylineLetters) return true;
  return opens_with_name && letters <= content_rules::kMaxBylineRoleLetters &&
         !HasSentenceEnd(text);
}

// Beyond HasSentenceEnd: a text that ends a sentence at its very end.
bool EndsLikeASentence(absl::string_view text) {
  return EndsWithAnyOf(text, content_rules::kFinalSentenceEnds);
}

// Whether `text` opens with `name` as a whole word (not "Ludovic" for
// "Ludo"), and a bio's verb follows it closely.
bool OpensWithNameAndVerb(absl::string_view text, absl::string_view name) {
  if (CodePointCount(name) < content_rules::kMinBylineNameLength ||
      !absl::ConsumePrefix(&text, name) ||
      (!text.empty() && (absl::ascii_isalnum(text.front()) ||
                         static_cast<unsigned char>(text.front()) >= 0x80))) {
    return false;
  }
  const std::string lower =
      AsciiLower(text.substr(0, content_rules::kMaxBioVerbOffset));
  const absl::string_view window = lower;
  for (absl::string_view verb : content_rules::kAuthorBioVerbs) {
    size_t at = window.find(verb);
    while (at != absl::string_view::npos) {
      const size_t end = at + verb.size();
      if (at > 0 && window[at - 1] == ' ' &&
          (end == window.size() || window[end] == ' ')) {
        return true;
      }
      at = window.find(verb, at + 1);
    }
  }
  return false;
}

// A paragraph that reads as a bio of one of `authors`.
bool IsAuthorBio(const Block& block, const std::vector<std::string>& authors) {
  if (block.kind != BlockKind::kParagraph) return false;
  const size_t length = CodePointCount(block.text);
  if (length < content_rules::kMinAuthorBioLength ||
      length > content_rules::kMaxAuthorBioLength) {
    return false;
  }
  absl::string_view text =
      absl::StripLeadingAsciiWhitespace(absl::StripPrefix(block.text, "*"));
  for (const std::string& author : authors) {
    // A person's name: a one-word "author" is an outlet or a brand.
    const size_t space = author.find(' ');
    if (space == std::string::npos) continue;
    const absl::string_view first(author.data(), space);
    if (OpensWithNameAndVerb(text, author) ||
        OpensWithNameAndVerb(text, first)) {
      return true;
    }
  }
  return false;
}

// Where the short lines that lead into `blocks[start]` begin: at most
// `max_lines` paragraphs or headings before it, each no longer than
// kMaxTrailingFurnitureLength and without a sentence end ("Contributing
// Writer", "More from SITE").
size_t LeadInStart(const std::vector<Block>& blocks, size_t start,
                   size_t max_lines) {
  for (size_t lead_in = 0; start > 0 && lead_in < max_lines; ++lead_in) {
    const Block& line = blocks[start - 1];
    if ((line.kind != BlockKind::kParagraph &&
         line.kind != BlockKind::kHeading) ||
        CodePointCount(line.text) >
            content_rules::kMaxTrailingFurnitureLength ||
        HasSentenceEnd(line.text)) {
      break;
    }
    --start;
  }
  return start;
}

// A heading, paragraph or list item of at least `min_length` and at most
// kMaxTeaserHeadlineLength code points.
bool HasHeadlineShape(const Block& block, size_t min_length) {
  if (block.kind != BlockKind::kHeading &&
      block.kind != BlockKind::kParagraph &&
      block.kind != BlockKind::kListItem) {
    return false;
  }
  const size_t length = CodePointCount(block.text);
  return length >= min_length &&
         length <= content_rules::kMaxTeaserHeadlineLength;
}

// A headline that links to another page: a block of a headline's length
// whose text is all but entirely inside links.
bool IsLinkedHeadline(const Block& block) {
  if (!HasHeadlineShape(block, content_rules::kMinTeaserHeadlineLength)) {
    return false;
  }
  return block.site_link_length >= content_rules::kMinTeaserHeadlineLinkShare *
                                       CountNonSpaceCodePoints(block.text);
}

// A paragraph that is a button's label: a few words without a sentence
// end, all but entirely inside a link.
bool IsLinkButton(const Block& block) {
  if (block.kind != BlockKind::kParagraph) return false;
  const size_t length = CodePointCount(block.text);
  const size_t words =
      std::count(block.text.begin(), block.text.end(), ' ') + 1;
  if (length > (words == 1 ? content_rules::kMaxUnspacedButtonLength
                           : content_rules::kMaxButtonLength) ||
      words > content_rules::kMaxButtonWords ||
      block.link_length < content_rules::kMinButtonLinkShare *
                              CountNonSpaceCodePoints(block.text) ||
      LetterCount(block.text) == 0) {
    return false;
  }
  return !HasSentenceEnd(block.text) && !EndsLikeASentence(block.text);
}

// A block of prose whose text ends a sentence (kProseSentenceEnds).
bool EndsProseSentence(const Block& block) {
  if (block.kind != BlockKind::kParagraph &&
      block.kind != BlockKind::kListItem && block.kind != BlockKind::kQuote) {
    return false;
  }
  return EndsWithAnyOf(block.text, content_rules::kProseSentenceEnds);
}

// A card's headline: a block of a headline's length all but entirely
// inside a link, to the site or elsewhere (a shop's carousel links to its
// own items, a marketplace's to its sellers'), or a heading below the
// page's own <h1> level (a card whose link overlays it).
bool IsCardHeadline(const Block& block) {
  if (!HasHeadlineShape(block, content_rules::kMinCardHeadlineLength)) {
    return false;
  }
  return (block.kind == BlockKind::kHeading && block.level != 1) ||
         block.link_length >= content_rules::kMinTeaserHeadlineLinkShare *
                                  CountNonSpaceCodePoints(block.text);
}

bool SaysAPrice(absl::string_view text) {
  static const LazyRE2 kPrice = {content_rules::kPricePattern};
  return RE2::PartialMatch(Piece(text), *kPrice);
}

// One card among a body's blocks: its headline at `start`, up to `end`.
struct Card {
  size_t start = 0;
  size_t end = 0;
  bool priced = false;
};

// The card whose headline is `blocks[start]`: the headline and the short
// lines after it (each of at most kMaxTrailingFurnitureLength code points),
// up to the next heading or kMaxTeaserCardText.
Card CardAt(const std::vector<Block>& blocks, size_t start) {
  Card card{start, start + 1, SaysAPrice(blocks[start].text)};
  size_t text = CodePointCount(blocks[start].text);
  for (; card.end < blocks.size() && !IsCardHeadline(blocks[card.end]);
       ++card.end) {
    const Block& block = blocks[card.end];
    if (block.kind == BlockKind::kFigure) continue;
    const size_t length = CodePointCount(block.text);
    text += length;
    if (block.kind == BlockKind::kHeading ||
        length > content_rules::kMaxTrailingFurnitureLength ||
        text > content_rules::kMaxTeaserCardText) {
      break;
    }
    card.priced = card.priced || SaysAPrice(block.text);
  }
  return card;
}

// Marks in `drop` the run of priced cards `cards[first..last)`, with the
// pictures and the short lines that lead into it.
void MarkCardRun(const std::vector<Block>& blocks,
                 const std::vector<Card>& cards, size_t first, size_t last,
                 std::vector<bool>* drop) {
  size_t start = cards[first].start;
  while (start > 0 && blocks[start - 1].kind == BlockKind::kFigure) --start;
  start = LeadInStart(blocks, start, content_rules::kMaxTeaserLeadInLines);
  for (size_t i = start; i < cards[last - 1].end; ++i) (*drop)[i] = true;
}

}  // namespace

bool HasTextLines(const Block& block) {
  return block.kind == BlockKind::kParagraph ||
         block.kind == BlockKind::kListItem ||
         block.kind == BlockKind::kHeading;
}

void SetText(std::string text, Block* block) {
  const int length = CountNonSpaceCodePoints(text);
  block->text = std::move(text);
  block->link_length = std::min(block->link_length, length);
  block->site_link_length = std::min(block->site_link_length, length);
}

void EraseDropped(const std::vector<bool>& drop, std::vector<Block>* blocks) {
  size_t kept = 0;
  for (size_t i = 0; i < blocks->size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) (*blocks)[kept] = std::move((*blocks)[i]);
    ++kept;
  }
  blocks->resize(kept);
}

void DropPricedCards(std::vector<Block>* blocks) {
  std::vector<Card> cards;
  for (size_t i = 0; i < blocks->size(); ++i) {
    if (!IsCardHeadline((*blocks)[i])) continue;
    cards.push_back(CardAt(*blocks, i));
    i = cards.back().end - 1;
  }
  std::vector<bool> drop(blocks->size(), false);
  for (size_t first = 0; first < cards.size();) {
    size_t last = first;
    while (last < cards.size() && cards[last].priced &&
           (last == first || cards[last].start == cards[last - 1].end)) {
      ++last;
    }
    if (last - first >= content_rules::kMinPricedCards) {
      MarkCardRun(*blocks, cards, first, last, &drop);
    }
    first = std::max(last, first + 1);
  }
  if (absl::c_none_of(drop, [](bool marked) { return marked; })) return;
  size_t kept_text = 0;
  for (size_t i = 0; i < blocks->size(); ++i) {
    if (!drop[i]) kept_text += CodePointCount((*blocks)[i].text);
  }
  if (kept_text < content_rules::kMinExtractedTextLength) return;
  EraseDropped(drop, blocks);
}

// A table of lines as a set, for the lookups of a static: never freed.
const absl::flat_hash_set<absl::string_view>* NewLineSet(
    absl::Span<const absl::string_view> lines) {
  return new absl::flat_hash_set<absl::string_view>(lines.begin(), lines.end());
}

namespace {

// The marks a widget puts around its label ("Share:", "Read more »",
// "Loading...").
constexpr absl::string_view kWidgetMarks[] = {":", "：", "…", ".", "›", "»",
                                              ">", "→",  "+", "×", "|", "!"};

// `text` without its white space and kWidgetMarks at either end. No mark is
// an ASCII letter: lower-casing before or after gives the same.
absl::string_view StripWidgetMarks(absl::string_view text) {
  absl::string_view rest = absl::StripAsciiWhitespace(text);
  for (bool changed = true; changed && !rest.empty();) {
    changed = false;
    for (absl::string_view mark : kWidgetMarks) {
      if (absl::ConsumeSuffix(&rest, mark) ||
          absl::ConsumePrefix(&rest, mark)) {
        rest = absl::StripAsciiWhitespace(rest);
        changed = true;
      }
    }
  }
  return rest;
}

// Whether a mark could start or end `text`, by its first and last bytes.
bool MayHaveWidgetMark(absl::string_view text) {
  return absl::c_any_of(kWidgetMarks, [&](absl::string_view mark) {
    return text.front() == mark.front() || text.back() == mark.back();
  });
}

// Whether a line's WidgetLineKey could be as short as `most_bytes`: a line
// that closes with a bracket may lose a count of any length; any other
// loses only its white space and marks, and is turned away here without
// its key being made (most lines of an article are far longer than a
// widget's label).
bool KeyMayFit(absl::string_view text, size_t most_bytes) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  const char last = LastBeforeSpace(text);
  if (trimmed.size() <= most_bytes || last == ')' || last == ']') return true;
  return MayHaveWidgetMark(trimmed) &&
         StripWidgetMarks(trimmed).size() <= most_bytes;
}

// The most bytes a line of `lines` holds.
size_t LongestLine(absl::Span<const absl::string_view> lines) {
  size_t most = 0;
  for (absl::string_view line : lines) most = std::max(most, line.size());
  return most;
}

}  // namespace

// The line as kWidgetLines lists it: ASCII lower-cased, without the marks
// and counts a widget puts around its label ("Comments (12)", "Share:",
// "Read more »", "Loading...").
std::string WidgetLineKey(absl::string_view text) {
  static const LazyRE2 kCount = {R"(\s*[(\[]\s*\d[\d.,]*\s*[km]?\s*[)\]]\s*$)"};
  std::string key = AsciiLower(text);
  // The count is in digits, in brackets that close the line.
  const char last = LastBeforeSpace(key);
  if ((last == ')' || last == ']') && HasAsciiDigit(key)) {
    RE2::Replace(&key, *kCount, "");
  }
  return std::string(StripWidgetMarks(key));
}

// A line that is a widget's label or counter (kWidgetLines,
// kCounterLinePattern), not the article's text.
bool IsWidgetLine(absl::string_view text) {
  static const auto* const kLines = NewLineSet(content_rules::kWidgetLines);
  // A line's key keeps its ASCII letters, all but a count's 'k' or 'm':
  // a line with more than a widget line has, and one, is none (most lines
  // of an article are turned away before their key is made).
  static const size_t kMaxLetters =
      MostAsciiLetters(content_rules::kWidgetLines) + 1;
  static const size_t kMostBytes = LongestLine(content_rules::kWidgetLines);
  static const LazyRE2 kCounter = {content_rules::kCounterLinePattern};
  // The counter line starts with its number after its white space.
  return (KeyMayFit(text, kMostBytes) &&
          AsciiLetterCount(text) <= kMaxLetters &&
          kLines->contains(WidgetLineKey(text))) ||
         (absl::ascii_isdigit(
              static_cast<unsigned char>(FirstAfterSpace(text))) &&
          RE2::FullMatch(Piece(text), *kCounter));
}

// Whether a line of a shop's grid, whose WidgetLineKey is `key`, is a badge
// on one of its cards (kGridBadgeLines): the entry's stock or novelty.
bool IsGridBadgeKey(absl::string_view key) {
  static const auto* const kLines = NewLineSet(content_rules::kGridBadgeLines);
  return kLines->contains(key);
}

// Whether a line of a shop's grid is one of its controls (kGridControlLines,
// kGridControlLinePattern), not one of its entries, or, when `drop_badges`,
// a badge. The key is made once: both tables are read by it.
bool IsGridControlOrDroppedBadge(absl::string_view line, bool drop_badges) {
  static const auto* const kLines =
      NewLineSet(content_rules::kGridControlLines);
  static const LazyRE2 kCounts = {content_rules::kGridControlLinePattern};
  const std::string key = WidgetLineKey(line);
  return kLines->contains(key) || RE2::FullMatch(Piece(line), *kCounts) ||
         (drop_badges && IsGridBadgeKey(key));
}

// A line of a shop's prices and their labels for screen readers
// (kPriceLabelPattern) without the labels: the prices alone ("Sale price
// £88 Regular price £102" reads "£88 £102"), "" when no digit is left
// ("Unit price / per"), nullopt when the line is not one.
std::optional<std::string> WithoutPriceLabels(absl::string_view line) {
  static const LazyRE2 kLabel = {content_rules::kPriceLabelPattern};
  static const LazyRE2 kPriceWord = {R"([^\pL]*(\pL[^\pL]*){0,3})"};
  static_assert(content_rules::kMaxLettersInPriceWord == 3);
  if (CodePointCount(line) > content_rules::kMaxPriceLabelLineLength ||
      !RE2::PartialMatch(Piece(line), *kLabel)) {
    return std::nullopt;
  }
  std::string rest(line);
  RE2::GlobalReplace(&rest, *kLabel, " ");
  std::vector<absl::string_view> words =
      absl::StrSplit(rest, ' ', absl::SkipWhitespace());
  for (absl::string_view word : words) {
    if (!RE2::FullMatch(Piece(word), *kPriceWord)) return std::nullopt;
  }
  if (!HasAsciiDigit(rest)) return std::string();
  return absl::StrJoin(words, " ");
}

// Rewrites the lines of paragraphs, list items and headings (a card's lines
// stand in one block, a line break apart) that `rewrite` has an answer for:
// the line it gives, none when that is empty. The blocks left empty go.
template <typename Rewrite>
void RewriteLines(std::vector<Block>* blocks, Rewrite rewrite) {
  std::vector<bool> drop(blocks->size(), false);
  for (size_t i = 0; i < blocks->size(); ++i) {
    Block& block = (*blocks)[i];
    if (!HasTextLines(block)) continue;
    std::vector<std::string> kept;
    bool changed = false;
    for (absl::string_view line : absl::StrSplit(block.text, '\n')) {
      std::optional<std::string> rewritten = rewrite(line);
      if (!rewritten.has_value()) {
        kept.emplace_back(line);
        continue;
      }
      changed = true;
      if (!rewritten->empty()) kept.push_back(*std::move(rewritten));
    }
    if (!changed) continue;
    if (kept.empty()) {
      drop[i] = true;
      continue;
    }
    SetText(absl::StrJoin(kept, "\n"), &block);
  }
  EraseDropped(drop, blocks);
}

// A sentence as kScriptNoticeSentences is compared: ASCII lower-cased,
// without its white space and ASCII marks.
std::string ScriptNoticeKey(absl::string_view sentence) {
  std::string key;
  for (char c : sentence) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      key.push_back(c);
    } else if (absl::ascii_isalnum(byte)) {
      key.push_back(absl::ascii_tolower(byte));
    }
  }
  return key;
}

bool IsScriptNotice(absl::string_view text) {
  // Every sentence of the table names JavaScript.
  if (text.find_first_of("jJ") == absl::string_view::npos ||
      !absl::StrContains(AsciiLower(text), "javascript")) {
    return false;
  }
  static const auto* const kSentences = [] {
    auto* sentences = new absl::flat_hash_set<std::string>();
    for (absl::string_view sentence : content_rules::kScriptNoticeSentences) {
      sentences->insert(ScriptNoticeKey(sentence));
    }
    return sentences;
  }();
  const std::string marked = absl::StrReplaceAll(
      text, {{"。", "."}, {"！", "."}, {"？", "."}, {"，", ""}, {"’", ""}});
  bool any = false;
  for (absl::string_view sentence :
       absl::StrSplit(marked, absl::ByAnyChar(".!?"))) {
    const std::string key = ScriptNoticeKey(sentence);
    if (key.empty()) continue;
    if (!kSentences->contains(key)) return false;
    any = true;
  }
  return any;
}

bool IsIdentifierNoise(absl::string_view text) {
  static const LazyRE2 kId = {content_rules::kMachineIdPattern};
  // Three identifiers are over 100 bytes and hold four hyphens each: most
  // lines are turned away before the search.
  if (text.size() < 100 || std::count(text.begin(), text.end(), '-') <
                               4 * content_rules::kMinIdentifiersInNoise) {
    return false;
  }
  re2::StringPiece id;
  int count = 0;
  size_t id_bytes = 0;
  re2::StringPiece input = Piece(text);
  while (RE2::FindAndConsume(&input, *kId, &id)) {
    ++count;
    id_bytes += id.size();
  }
  if (count < content_rules::kMinIdentifiersInNoise) return false;
  size_t text_bytes = 0;
  for (char c : text) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) ++text_bytes;
  }
  // Bytes for code points: the identifiers are ASCII, and a line's other
  // letters count once per byte, which only makes it harder to call noise.
  return static_cast<double>(id_bytes) >=
         content_rules::kMinIdentifierShareOfNoise *
             static_cast<double>(text_bytes);
}

void DropTitleHeading(absl::string_view title,
                      std::vector<DraftBlock>* drafts) {
  if (title.empty()) return;
  const std::string wanted = CollapseWhitespace(title);
  for (auto it = drafts->begin(); it != drafts->end(); ++it) {
    if (it->block.kind == BlockKind::kHeading && it->block.text == wanted) {
      drafts->erase(it);
      return;
    }
  }
}

void AttachLooseCaptions(bool listing, std::vector<DraftBlock>* drafts) {
  if (listing) return;
  std::vector<DraftBlock> kept;
  kept.reserve(drafts->size());
  for (DraftBlock& draft : *drafts) {
    Block* last = kept.empty() ? nullptr : &kept.back().block;
    if (draft.loose && draft.block.kind == BlockKind::kParagraph &&
        last != nullptr && last->kind == BlockKind::kFigure &&
        last->image.caption.empty() &&
        CodePointCount(draft.block.text) <=
            content_rules::kMaxLooseCaptionLength) {
      last->image.caption = draft.block.text;
      last->text = std::move(draft.block.text);
      continue;
    }
    kept.push_back(std::move(draft));
  }
  *drafts = std::move(kept);
}

std::vector<Block> FinishWalk(std::vector<DraftBlock> drafts,
                              absl::string_view title, bool listing) {
  DropTitleHeading(title, &drafts);
  AttachLooseCaptions(listing, &drafts);
  std::vector<Block> blocks;
  blocks.reserve(drafts.size());
  for (DraftBlock& draft : drafts) blocks.push_back(std::move(draft.block));
  return blocks;
}

namespace {

// Whether an end-of-article marker sits mid-page: more text follows it
// than kMaxTextAfterEndMarker times what came before it. `before`, `length`
// and `total` are code points: of the blocks before it, its own, and of all
// the blocks.
bool SitsMidPage(size_t before, size_t length, size_t total) {
  const size_t after = total - before - length;
  return static_cast<double>(after) >
         content_rules::kMaxTextAfterEndMarker * static_cast<double>(before);
}

}  // namespace

void DropMetadataAndFurnitureLines(const std::vector<std::string>& authors,
                                   std::vector<Block>* blocks) {
  static const LazyRE2 kFurniture = {content_rules::kBoilerplateLinePattern};
  static const LazyRE2 kFurniturePhrase = {
      content_rules::kBoilerplatePhrasePattern};
  static const LazyRE2 kCaption = {content_rules::kCaptionCreditPattern};
  // One or two datelines date the article; more date posts of a thread or
  // entries of a list, and stay with them.
  std::vector<size_t> lengths(blocks->size());
  std::vector<bool> dateline(blocks->size(), false);
  size_t datelines = 0;
  size_t total_length = 0;
  for (size_t i = 0; i < blocks->size(); ++i) {
    const Block& block = (*blocks)[i];
    lengths[i] = CodePointCount(block.text);
    total_length += lengths[i];
    if (block.kind == BlockKind::kParagraph &&
        lengths[i] <= content_rules::kMaxDatelineLength &&
        IsDateline(block.text)) {
      dateline[i] = true;
      ++datelines;
    }
  }
  const bool drop_datelines = datelines <= content_rules::kMaxDatelinesDropped;
  std::vector<Block> kept;
  size_t text_so_far = 0;
  size_t read_so_far = 0;  // kept or not
  for (size_t i = 0; i < blocks->size(); ++i) {
    Block& block = (*blocks)[i];
    const size_t before = read_so_far;
    read_so_far += lengths[i];
    if (block.kind == BlockKind::kFigure) {
      kept.push_back(std::move(block));
      continue;
    }
    if (block.kind != BlockKind::kCode &&
        (IsMarkupLine(block.text) || IsIdentifierNoise(block.text))) {
      continue;
    }
    const size_t length = lengths[i];
    if (length <= content_rules::kMaxBoilerplateLineLength) {
      if (text_so_far >= content_rules::kMinTextBeforeEndMarker &&
          IsEndOfArticleMarker(block.text)) {
        if (SitsMidPage(before, lengths[i], total_length)) continue;
        break;
      }
      if (text_so_far >= content_rules::kMinTextBeforePostFooter &&
          IsPostFooter(block.text)) {
        break;
      }
      if (RE2::FullMatch(Piece(block.text), *kFurniture) ||
          (HasAsciiLetter(block.text) &&
           RE2::PartialMatch(Piece(block.text), *kFurniturePhrase)) ||
          (block.kind != BlockKind::kCode &&
           block.kind != BlockKind::kTableRow &&
           (IsWidgetLine(block.text) || IsScriptNotice(block.text)))) {
        continue;
      }
      if (drop_datelines && dateline[i]) continue;
      if (length <= content_rules::kMaxCaptionLength &&
          (HasAsciiLetter(block.text) ||
           absl::StrContains(block.text, "\xC2\xA9")) &&  // ©
          MayHoldCaptionCredit(block.text) &&
          RE2::PartialMatch(Piece(block.text), *kCaption)) {
        continue;
      }
      if (text_so_far < content_rules::kMaxTextBeforeByline &&
          IsByline(block.text, authors)) {
        continue;
      }
    }
    text_so_far += length;
    kept.push_back(std::move(block));
  }
  *blocks = std::move(kept);
}

void TrimTrailingFurniture(std::vector<Block>* blocks) {
  size_t end = blocks->size();
  size_t trimmed_text = 0;
  while (end > 0) {
    const Block& block = (*blocks)[end - 1];
    if (absl::c_linear_search(content_rules::kKindsNeverTrimmed, block.kind)) {
      break;
    }
    const size_t length = CodePointCount(block.text);
    if (length > content_rules::kMaxTrailingFurnitureLength ||
        HasSentenceEnd(block.text) || EndsLikeASentence(block.text)) {
      break;
    }
    trimmed_text += length;
    --end;
  }
  if (end == blocks->size() ||
      TextLength(*blocks) - trimmed_text < content_rules::kMinTextBeforeTrim) {
    return;
  }
  blocks->resize(end);
}

// Whether the list item at `i` is in a list that a sentence of the text
// leads into (LeadsIntoList): the article's own references, not teasers.
bool IsLedListItem(const std::vector<Block>& blocks, size_t i) {
  if (blocks[i].kind != BlockKind::kListItem) return false;
  while (i > 0 && blocks[i - 1].kind == BlockKind::kListItem) --i;
  return i > 0 && LeadsIntoList(blocks[i - 1].text, blocks[i - 1].link_length);
}

void DropTeaserCards(std::vector<Block>* blocks) {
  size_t start = blocks->size();
  int headlines = 0;
  size_t text_since_headline = 0;
  // Every item of a run of list items gets one answer from IsLedListItem,
  // which scans back to the run's start: asking once a run keeps a long
  // list linear.
  bool list_run_asked = false;
  for (size_t i = blocks->size(); i > 0; --i) {
    const Block& block = (*blocks)[i - 1];
    if (block.kind != BlockKind::kListItem) list_run_asked = false;
    if (block.kind == BlockKind::kFigure) continue;
    if (IsLinkedHeadline(block)) {
      if (block.kind == BlockKind::kListItem && !list_run_asked) {
        list_run_asked = true;
        if (IsLedListItem(*blocks, i - 1)) break;
      }
      ++headlines;
      start = i - 1;
      text_since_headline = 0;
      continue;
    }
    text_since_headline += CodePointCount(block.text);
    if (text_since_headline > content_rules::kMaxTeaserCardText) break;
  }
  if (headlines < content_rules::kMinTeaserCards) return;
  // The first card's picture, above its headline, goes with it.
  while (start > 0 && (*blocks)[start - 1].kind == BlockKind::kFigure) {
    --start;
  }
  start = LeadInStart(*blocks, start, content_rules::kMaxTeaserLeadInLines);
  size_t before = 0;
  for (size_t i = 0; i < start; ++i) {
    before += CodePointCount((*blocks)[i].text);
  }
  const size_t run = TextLength(*blocks) - before;
  if (before < content_rules::kMinTextBeforeTrim || before < run) return;
  blocks->resize(start);
}

void DropLinkButtons(std::vector<Block>* blocks) {
  // A button stands alone after prose: a run of linked lines is a list of
  // links (the article's own index, its sources), read as the page writes
  // it.
  const size_t n = blocks->size();
  std::vector<bool> button(n);
  for (size_t i = 0; i < n; ++i) button[i] = IsLinkButton((*blocks)[i]);
  std::vector<bool> drop(n, false);
  size_t dropped_text = 0;
  size_t before = 0;  // the last block before `i` that is not a figure
  for (size_t i = 0; i < n; ++i) {
    if (button[i] && i > 0 && !button[before] &&
        EndsProseSentence((*blocks)[before]) && !(i + 1 < n && button[i + 1])) {
      drop[i] = true;
      dropped_text += CodePointCount((*blocks)[i].text);
    }
    if ((*blocks)[i].kind != BlockKind::kFigure) before = i;
  }
  if (dropped_text == 0 ||
      TextLength(*blocks) - dropped_text < content_rules::kMinTextBeforeTrim) {
    return;
  }
  std::vector<Block> kept;
  kept.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (!drop[i]) kept.push_back(std::move((*blocks)[i]));
  }
  *blocks = std::move(kept);
}

void DropAuthorBio(const std::vector<std::string>& authors,
                   std::vector<Block>* blocks) {
  if (authors.empty()) return;
  const size_t total = TextLength(*blocks);
  size_t after = 0;
  for (size_t i = blocks->size();
       i > 0 && blocks->size() - i <= content_rules::kMaxBlocksAfterAuthorBio;
       --i) {
    const Block& block = (*blocks)[i - 1];
    const size_t length = CodePointCount(block.text);
    if (IsAuthorBio(block, authors) &&
        total - after - length >= content_rules::kMinTextBeforeAuthorBio) {
      blocks->resize(
          LeadInStart(*blocks, i - 1, content_rules::kMaxBioLeadInLines));
      return;
    }
    after += length;
    if (after > content_rules::kMaxTextAfterAuthorBio) return;
  }
}

void DropGridControls(std::vector<Block>* blocks) {
  size_t badges = 0;
  for (const Block& block : *blocks) {
    if (!HasTextLines(block)) continue;
    for (absl::string_view line : absl::StrSplit(block.text, '\n')) {
      badges += IsGridBadgeKey(WidgetLineKey(line)) ? 1 : 0;
    }
  }
  const bool drop_badges = badges >= content_rules::kMinGridBadges;
  RewriteLines(blocks, [drop_badges](absl::string_view line) {
    return IsGridControlOrDroppedBadge(line, drop_badges)
               ? std::optional<std::string>(std::string())
               : std::nullopt;
  });
}

void DropPriceLabels(std::vector<Block>* blocks) {
  RewriteLines(blocks, WithoutPriceLabels);
}

// A shop writes a label once to be seen and once for screen readers,
// clipped away by its style sheet, and the text joins the two ("EUR
// 20.99EUR 20.99", "Brand NewBrand New", "Seller's other itemsSeller's
// other items"). A copy without a space is a word doubled ("couscous",
// "bonbon"). Tuned on WCXB dev's half A products: eBay's item pages and a
// shop's rewards line, 0.6711 -> 0.6748.
void UndoubleLines(std::vector<Block>* blocks) {
  RewriteLines(blocks,
               [](absl::string_view line) -> std::optional<std::string> {
                 const absl::string_view half = line.substr(0, line.size() / 2);
                 if (line.size() % 2 != 0 || line.substr(half.size()) != half ||
                     !absl::StrContains(half, ' ') || LetterCount(half) == 0) {
                   return std::nullopt;
                 }
                 return std::string(half);
               });
}

namespace {

// Words of `text`: runs of characters between ASCII white space.
size_t WordCount(absl::string_view text) {
  return std::vector<absl::string_view>(
             absl::StrSplit(text, absl::ByAnyChar(" \t\n"), absl::SkipEmpty()))
      .size();
}

// A block as DropRepeatedRuns compares it: its kind, and its text ASCII
// case aside, read where the block holds it rather than copied lower-cased.
struct RepeatKey {
  BlockKind kind;
  absl::string_view text;
};

// Equal keys hash alike: the kind, the length and a few bytes at each end,
// lower-cased. A long text costs no more than a short one; texts that share
// all three are told apart by RepeatKeyEq.
struct RepeatKeyHash {
  size_t operator()(const RepeatKey& key) const {
    constexpr size_t kEndBytes = 16;
    std::array<char, 2 * kEndBytes> ends{};
    const absl::string_view text = key.text;
    const size_t head = std::min(text.size(), kEndBytes);
    const size_t tail = std::min(text.size() - head, kEndBytes);
    for (size_t i = 0; i < head; ++i) ends[i] = absl::ascii_tolower(text[i]);
    for (size_t i = 0; i < tail; ++i) {
      ends[head + i] = absl::ascii_tolower(text[text.size() - tail + i]);
    }
    return absl::HashOf(static_cast<int>(key.kind), text.size(),
                        absl::string_view(ends.data(), head + tail));
  }
};

struct RepeatKeyEq {
  bool operator()(const RepeatKey& a, const RepeatKey& b) const {
    return a.kind == b.kind && absl::EqualsIgnoreCase(a.text, b.text);
  }
};

}  // namespace

void DropRepeatedRuns(std::vector<Block>* blocks, bool lone_repeats) {
  // Whether each block repeats an earlier one. Only paragraphs and
  // headings: list items and table rows repeat as content (the features
  // each plan of a price table lists, the rest days of each week's plan);
  // a product's list items copy its selling points.
  std::vector<bool> repeats(blocks->size(), false);
  absl::flat_hash_set<RepeatKey, RepeatKeyHash, RepeatKeyEq> seen;
  for (size_t i = 0; i < blocks->size(); ++i) {
    const Block& block = (*blocks)[i];
    if (block.kind != BlockKind::kParagraph &&
        block.kind != BlockKind::kHeading &&
        !(lone_repeats && block.kind == BlockKind::kListItem)) {
      continue;
    }
    repeats[i] = !seen.insert({block.kind, block.text}).second;
  }
  size_t kept = 0;
  for (size_t i = 0; i < blocks->size();) {
    size_t end = i;
    while (end < blocks->size() && repeats[end]) ++end;
    const bool drop =
        end - i >= content_rules::kMinRepeatedRun ||
        (lone_repeats && end - i == 1 &&
         WordCount((*blocks)[i].text) >= content_rules::kMinLoneRepeatWords);
    if (end == i) ++end;  // a block of its own: kept
    for (; i < end; ++i) {
      if (drop) continue;
      if (kept != i) (*blocks)[kept] = std::move((*blocks)[i]);
      ++kept;
    }
  }
  blocks->resize(kept);
}

namespace {

// The hashes of `text`'s runs of content_rules::kQuoteShingleWords words
// (ASCII case aside), each word followed by a space; the whole text's hash
// when it has fewer words. The text is lower-cased once with one space
// between its words and after the last, as a run has them, so that every
// run is a piece of that copy, hashed where it stands.
std::vector<size_t> WordShingles(absl::string_view text) {
  std::string lower = absl::AsciiStrToLower(text);
  lower.erase(std::unique(lower.begin(), lower.end(),
                          [](char a, char b) { return a == ' ' && b == ' '; }),
              lower.end());
  lower.push_back(' ');
  const std::vector<absl::string_view> words =
      absl::StrSplit(lower, ' ', absl::SkipEmpty());
  const size_t n = content_rules::kQuoteShingleWords;
  std::vector<size_t> shingles;
  for (size_t i = 0; i + n <= words.size() || (i == 0 && !words.empty()); ++i) {
    const absl::string_view last = words[std::min(i + n, words.size()) - 1];
    const char* start = words[i].data();
    const char* stop = last.data() + last.size() + 1;  // and its space
    shingles.push_back(absl::HashOf(absl::string_view(start, stop - start)));
  }
  return shingles;
}

// A quote's attribution line ("mdshunk said:", "Jane a écrit :"): a short
// line that ends with a colon.
bool IsAttribution(const Block& block) {
  return block.kind == BlockKind::kQuote && absl::EndsWith(block.text, ":") &&
         CodePointCount(block.text) <= content_rules::kMaxAttributionLength;
}

}  // namespace

void DropQuotedCopies(std::vector<Block>* blocks) {
  absl::flat_hash_set<size_t> earlier;
  std::vector<bool> drop(blocks->size(), false);
  for (size_t i = 0; i < blocks->size(); ++i) {
    const Block& block = (*blocks)[i];
    const std::vector<size_t> shingles = WordShingles(block.text);
    if (block.kind == BlockKind::kQuote && !IsAttribution(block) &&
        !shingles.empty()) {
      size_t copied = 0;
      for (size_t shingle : shingles) copied += earlier.contains(shingle);
      if (copied >= content_rules::kMinQuotedShare * shingles.size()) {
        drop[i] = true;
        if (i > 0 && IsAttribution((*blocks)[i - 1])) drop[i - 1] = true;
        continue;
      }
    }
    earlier.insert(shingles.begin(), shingles.end());
  }
  EraseDropped(drop, blocks);
}

size_t TextLength(const std::vector<Block>& blocks) {
  size_t length = 0;
  for (const Block& block : blocks) length += CodePointCount(block.text);
  return length;
}

size_t TextLengthUpTo(const std::vector<Block>& blocks, size_t cap) {
  size_t length = 0;
  for (const Block& block : blocks) {
    length += CodePointCount(block.text);
    if (length >= cap) return cap;
  }
  return length;
}

bool HasTextLength(const std::vector<Block>& blocks, size_t length) {
  return TextLengthUpTo(blocks, length) >= length;
}

std::vector<Block> DeclaredBlocks(const std::vector<Block>& extracted,
                                  absl::string_view declared) {
  const size_t extracted_length =
      TextLengthUpTo(extracted, content_rules::kMinExtractedTextLength);
  if (extracted_length >= content_rules::kMinExtractedTextLength) return {};
  if (CodePointCount(declared) <= 2 * extracted_length) return {};
  std::vector<Block> blocks;
  for (absl::string_view line : absl::StrSplit(declared, '\n')) {
    std::string text = CollapseWhitespace(line);
    if (text.empty()) continue;
    Block block;
    block.text = std::move(text);
    blocks.push_back(std::move(block));
  }
  return blocks;
}

}  // namespace lede::engine::content
