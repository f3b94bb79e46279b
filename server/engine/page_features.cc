#include "server/engine/page_features.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "server/engine/content_tree.h"
#include "server/engine/date_rules.h"
#include "server/engine/dates.h"
#include "server/engine/element_reads.h"
#include "server/engine/page_type_rules.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine {
namespace {

namespace rules = page_type_rules;

// A hint table as a map from word to hints, built once.
using HintMap = absl::flat_hash_map<absl::string_view, unsigned>;

// The map of the table `kWords`, built at its first use.
template <const auto& kWords>
const HintMap& HintsTable() {
  static const HintMap* const kMap = [] {
    auto* map = new HintMap();
    for (const rules::HintWord& entry : kWords)
      (*map)[entry.word] |= entry.hints;
    return map;
  }();
  return *kMap;
}

using WordSet = absl::flat_hash_set<absl::string_view>;

const WordSet& DateWords() {
  static const WordSet* const kSet = [] {
    auto* set =
        new WordSet(std::begin(rules::kDateWords), std::end(rules::kDateWords));
    for (const date_rules::MonthName& month : date_rules::kMonthNames) {
      set->insert(month.name);
    }
    return set;
  }();
  return *kSet;
}

unsigned HintsOf(const HintMap& map, absl::string_view word) {
  auto it = map.find(word);
  return it == map.end() ? 0 : it->second;
}

// The words of the table `kWords` that open with two ASCII letters, by those
// letters (LetterPairIndex), built at their first use.
template <const auto& kWords>
const std::array<std::vector<rules::HintWord>, kLetterPairs>& WordsByPair() {
  static const auto* const kByPair = [] {
    auto* by_pair =
        new std::array<std::vector<rules::HintWord>, kLetterPairs>();
    for (const rules::HintWord& entry : kWords) {
      const int pair = LetterPairIndex(entry.word);
      if (pair >= 0) (*by_pair)[pair].push_back(entry);
    }
    return by_pair;
  }();
  return *kByPair;
}

// HintsOf the table `kWords` for `word` (lower case). A word that opens with
// two letters is compared with the table's few words of the same two (at
// most 7 of kClassWords' 129), not hashed: most of a page's class words have
// none.
template <const auto& kWords>
unsigned HintsOfWord(absl::string_view word) {
  const int pair = LetterPairIndex(word);
  if (pair < 0) return HintsOf(HintsTable<kWords>(), word);
  unsigned hints = 0;
  for (const rules::HintWord& entry : WordsByPair<kWords>()[pair]) {
    if (entry.word == word) hints |= entry.hints;
  }
  return hints;
}

// What a byte is to ForEachWordAsWritten: outside words, or a digit, a
// lower-case or an upper-case ASCII letter (an upper-case one after a
// lower-case one starts a word).
enum class WordByte : uint8_t { kNone, kDigit, kLower, kUpper };

constexpr std::array<WordByte, 256> WordBytes() {
  std::array<WordByte, 256> bytes{};
  for (int c = '0'; c <= '9'; ++c) bytes[c] = WordByte::kDigit;
  for (int c = 'a'; c <= 'z'; ++c) bytes[c] = WordByte::kLower;
  for (int c = 'A'; c <= 'Z'; ++c) bytes[c] = WordByte::kUpper;
  return bytes;
}

// Whether every word of the table `words` opens with two ASCII letters
// (LetterPairIndex).
template <size_t N>
constexpr bool AllOpenWithTwoLetters(const rules::HintWord (&words)[N]) {
  for (const rules::HintWord& entry : words) {
    if (entry.word.size() < 2) return false;
    for (size_t i = 0; i < 2; ++i) {
      if (entry.word[i] < 'a' || entry.word[i] > 'z') return false;
    }
  }
  return true;
}

// The size of the longest word of the table `words`.
template <size_t N>
constexpr size_t LongestWord(const rules::HintWord (&words)[N]) {
  size_t longest = 0;
  for (const rules::HintWord& entry : words) {
    longest = std::max(longest, entry.word.size());
  }
  return longest;
}

// Where the hints of a word count: a feature for each kind, kNone where a
// group of features has none for it.
constexpr int kNone = -1;
struct HintFeatures {
  int forum, product, collection, listing, docs, service, article, navigation,
      pagination, review;
};

// Adds one to the feature of each kind `hints` names.
void Count(unsigned hints, const HintFeatures& to, PageFeatures* f) {
  if (hints == 0) return;
  const std::pair<unsigned, int> pairs[] = {
      {rules::kForum, to.forum},
      {rules::kProduct, to.product},
      {rules::kCollection, to.collection},
      {rules::kListing, to.listing},
      {rules::kDocs, to.docs},
      {rules::kService, to.service},
      {rules::kArticle, to.article},
      {rules::kNavigation, to.navigation},
      {rules::kPagination, to.pagination},
      {rules::kReview, to.review},
  };
  for (const auto& [hint, feature] : pairs) {
    if ((hints & hint) != 0 && feature != kNone) (*f)[feature] += 1;
  }
}

constexpr HintFeatures kUrlFeatures = {
    kUrlForum,   kUrlProduct, kUrlCollection, kUrlListing, kUrlDocs,
    kUrlService, kUrlArticle, kNone,          kNone,       kNone};
constexpr HintFeatures kTitleFeatures = {
    kTitleForum,   kTitleProduct, kNone, kTitleListing, kTitleDocs,
    kTitleService, kTitleArticle, kNone, kNone,         kNone};
constexpr HintFeatures kDescriptionFeatures = {kDescriptionForum,
                                               kDescriptionProduct,
                                               kNone,
                                               kDescriptionListing,
                                               kDescriptionDocs,
                                               kDescriptionService,
                                               kDescriptionArticle,
                                               kNone,
                                               kNone,
                                               kNone};
constexpr HintFeatures kClassFeatures = {
    kClassForum,      kClassProduct, kClassCollection, kClassListing,
    kClassDocs,       kClassService, kClassArticle,    kClassNavigation,
    kClassPagination, kClassReview};
constexpr HintFeatures kShortTextFeatures = {
    kShortForum,   kShortProduct, kShortCollection,
    kShortListing, kShortDocs,    kShortService,
    kNone,         kNone,         kShortPagination,
    kNone};
constexpr HintFeatures kOwnSchemaFeatures = {
    kSchemaForum, kSchemaProduct, kSchemaCollection, kSchemaListing,
    kSchemaDocs,  kSchemaService, kSchemaArticle,    kSchemaNavigation,
    kNone,        kNone};
constexpr HintFeatures kNestedSchemaFeatures = {
    kNestedForum, kNestedProduct, kNone, kNone, kNone,
    kNone,        kNone,          kNone, kNone, kNestedReview};

// Calls `visit(word)` for each word of `text` as it stands: runs of ASCII
// letters and digits, split also where a lower-case letter meets an
// upper-case one ("productCard" gives product, Card). The bytes are read
// once each, by a table (WordBytes).
template <typename Visit>
void ForEachWordAsWritten(absl::string_view text, Visit visit) {
  static constexpr std::array<WordByte, 256> kBytes = WordBytes();
  const char* at = text.data();
  const char* const end = at + text.size();
  while (at != end) {
    WordByte previous = kBytes[static_cast<unsigned char>(*at)];
    if (previous == WordByte::kNone) {
      ++at;
      continue;
    }
    const char* const start = at;
    for (++at; at != end; ++at) {
      const WordByte next = kBytes[static_cast<unsigned char>(*at)];
      if (next == WordByte::kNone ||
          (next == WordByte::kUpper && previous == WordByte::kLower)) {
        break;
      }
      previous = next;
    }
    visit(absl::string_view(start, at - start));
  }
}

// The longest word ForEachWord gives: no vocabulary word is longer.
constexpr size_t kMaxWord = 32;

// Calls `visit(word)` for each word of `text` (ForEachWordAsWritten),
// lower-cased. Longer words than kMaxWord are skipped.
template <typename Visit>
void ForEachWord(absl::string_view text, Visit visit) {
  ForEachWordAsWritten(text, [&](absl::string_view written) {
    if (written.size() > kMaxWord) return;
    char word[kMaxWord];
    for (size_t i = 0; i < written.size(); ++i) {
      word[i] = absl::ascii_tolower(static_cast<unsigned char>(written[i]));
    }
    visit(absl::string_view(word, written.size()));
  });
}

bool IsAllDigits(absl::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

bool HasDigitRun(absl::string_view text, size_t run) {
  size_t digits = 0;
  for (char c : text) {
    digits =
        absl::ascii_isdigit(static_cast<unsigned char>(c)) ? digits + 1 : 0;
    if (digits >= run) return true;
  }
  return false;
}

// A short text that reads as a date or a time: a number beside a month's
// name or a word of time ("May 5", "3 hours ago"), or three numbers joined by
// "-", "/" or "." ("2024-05-03", "5.3.24"). Cheaper than FindDate, and
// enough to count them.
bool IsDateLike(absl::string_view text) {
  if (!HasAsciiDigit(text)) return false;
  bool named = false;
  ForEachWord(text, [&](absl::string_view word) {
    named = named || DateWords().contains(word);
  });
  if (named) return true;
  int numbers = 0;
  bool in_number = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      if (!in_number) ++numbers;
      in_number = true;
      if (numbers == 3) return true;
    } else if (in_number && (c == '-' || c == '/' || c == '.') &&
               i + 1 < text.size() &&
               absl::ascii_isdigit(static_cast<unsigned char>(text[i + 1]))) {
      in_number = false;
    } else {
      numbers = 0;
      in_number = false;
    }
  }
  return false;
}

void MeasureUrl(absl::string_view url, PageFeatures* f) {
  std::optional<UrlParts> parts = SplitUrl(url);
  if (!parts) {
    (*f)[kUrlMissing] = 1;
    return;
  }
  // Host labels, but the top-level domain ("docs" and "python" of
  // docs.python.org).
  std::vector<absl::string_view> labels =
      absl::StrSplit(parts->host, '.', absl::SkipEmpty());
  if (!labels.empty()) labels.pop_back();
  for (absl::string_view label : labels) {
    Count(HintsOf(HintsTable<rules::kUrlWords>(), label), kUrlFeatures, f);
  }
  std::vector<absl::string_view> segments =
      absl::StrSplit(parts->path, '/', absl::SkipEmpty());
  (*f)[kUrlDepth] = static_cast<float>(segments.size());
  (*f)[kUrlQuery] = parts->has_query ? 1 : 0;
  for (absl::string_view segment : segments) {
    // "viewtopic.php", "index.html": the name without its extension.
    absl::string_view name = segment.substr(0, segment.rfind('.'));
    if (name.size() < segment.size()) (*f)[kUrlFileExtension] = 1;
    if (IsAllDigits(name) || HasDigitRun(segment, 5)) {
      (*f)[kUrlNumericSegment] = 1;
    }
    Count(HintsOf(HintsTable<rules::kUrlWords>(), AsciiLower(name)),
          kUrlFeatures, f);
  }
  constexpr HintFeatures kSlugFeatures = {
      kNone,           kNone,           kNone, kUrlSlugListing, kNone,
      kUrlSlugService, kUrlSlugArticle, kNone, kNone,           kNone};
  for (absl::string_view segment : segments) {
    ForEachWord(segment, [&](absl::string_view word) {
      const unsigned hints = HintsOf(HintsTable<rules::kSlugWords>(), word);
      Count(hints, kSlugFeatures, f);
    });
  }
  // "?page=2", "/page/2/": a list's later page.
  if (const size_t query_at = url.find('?');
      query_at != absl::string_view::npos) {
    const std::string query = AsciiLower(url.substr(query_at));
    if (absl::StrContains(query, "page=") || absl::StrContains(query, "pg=")) {
      (*f)[kUrlPaged] = 1;
    }
  }
  for (size_t i = 0; i + 1 < segments.size(); ++i) {
    if (absl::EqualsIgnoreCase(segments[i], "page") &&
        IsAllDigits(segments[i + 1])) {
      (*f)[kUrlPaged] = 1;
    }
  }
  if (!segments.empty()) {
    float words = 0;
    ForEachWord(segments.back(), [&](absl::string_view) { ++words; });
    (*f)[kUrlSlugWords] = words;
  }
  (*f)[kUrlDate] = DateFromUrl(url).has_value() ? 1 : 0;
}

void MeasureFacts(const PageFacts& facts, PageFeatures* f) {
  const std::string& url =
      facts.url.value.empty() ? facts.canonical_url : facts.url.value;
  MeasureUrl(url, f);
  for (const std::string* text : {&facts.title.value, &facts.site_name.value}) {
    ForEachWord(*text, [&](absl::string_view word) {
      if (text == &facts.title.value) (*f)[kTitleWords] += 1;
      Count(HintsOf(HintsTable<rules::kTitleWords>(), word), kTitleFeatures, f);
    });
  }
  ForEachWord(facts.description.value, [&](absl::string_view word) {
    Count(HintsOf(HintsTable<rules::kTitleWords>(), word), kDescriptionFeatures,
          f);
  });
  if (!facts.og_type.empty()) {
    const unsigned hints =
        HintsOf(HintsTable<rules::kOgTypes>(), facts.og_type);
    if (hints & rules::kArticle) (*f)[kOgArticle] = 1;
    if (hints & rules::kProduct) (*f)[kOgProduct] = 1;
    if (hints & rules::kCollection) (*f)[kOgCollection] = 1;
    if (facts.og_type == "website") (*f)[kOgWebsite] = 1;
    if (hints == 0 && facts.og_type != "website") (*f)[kOgOther] = 1;
  }
  PageFeatures own{};
  for (const SchemaType& type : facts.schema_types) {
    const unsigned hints =
        HintsOf(HintsTable<rules::kSchemaTypes>(), AsciiLower(type.name));
    if (type.nested) {
      Count(hints, kNestedSchemaFeatures, f);
      if (absl::EqualsIgnoreCase(type.name, "ListItem")) {
        (*f)[kNestedListItem] += 1;
      }
    } else {
      Count(hints, kOwnSchemaFeatures, &own);
    }
  }
  for (int feature :
       {kSchemaArticle, kSchemaProduct, kSchemaForum, kSchemaCollection,
        kSchemaListing, kSchemaDocs, kSchemaService, kSchemaNavigation}) {
    (*f)[feature] = own[feature] > 0 ? 1 : 0;
  }
  (*f)[kPublished] = facts.published.found() ? 1 : 0;
  (*f)[kAuthors] = static_cast<float>(facts.authors.value.size());
  (*f)[kDateNodes] = static_cast<float>(facts.date_nodes.size());
  (*f)[kBylineNodes] = static_cast<float>(facts.byline_nodes.size());
}

// Currency amounts in `text`: a currency sign next to a digit ("$12",
// "12,99 €", "£ 5").
int CountPrices(absl::string_view text) {
  static constexpr absl::string_view kSigns[] = {"$", "\u20AC", "\u00A3",
                                                 "\u00A5", "\u20B9"};
  auto digit_at = [&](size_t i) {
    return i < text.size() &&
           absl::ascii_isdigit(static_cast<unsigned char>(text[i]));
  };
  // Most texts hold no digit, and so no price: one pass instead of a
  // search for each sign.
  if (!HasAsciiDigit(text)) return 0;
  int prices = 0;
  for (absl::string_view sign : kSigns) {
    for (size_t at = text.find(sign); at != absl::string_view::npos;
         at = text.find(sign, at + sign.size())) {
      size_t after = at + sign.size();
      if (after < text.size() && text[after] == ' ') ++after;
      size_t before = at;
      if (before > 0 && text[before - 1] == ' ') --before;
      if (digit_at(after) || (before > 0 && digit_at(before - 1))) ++prices;
    }
  }
  return prices;
}

// What a subtree holds, summed as the walk leaves it.
struct Subtree {
  int text = 0;       // code points of text
  int link_text = 0;  // of which inside links
  int links = 0;
  int images = 0;
  int headings = 0;
  int times = 0;
  int dates = 0;  // <time> elements and texts that read as dates
  int prices = 0;
  int forum_classes = 0;   // elements with class words of a forum
  int headline_links = 0;  // links with a headline's text, linked headings
  int blocks = 0;          // innermost blocks (LeafBlock)

  void Add(const Subtree& other) {
    text += other.text;
    link_text += other.link_text;
    links += other.links;
    images += other.images;
    headings += other.headings;
    times += other.times;
    dates += other.dates;
    prices += other.prices;
    forum_classes += other.forum_classes;
    headline_links += other.headline_links;
    blocks += other.blocks;
  }
};

// An element child of an open element: its likeness and what it holds.
struct Child {
  size_t signature;
  Subtree held;
};

// Prose a sibling must hold to be read as a post, and the most text a card
// holds (a teaser, not an article).
constexpr int kMinPostProse = 150;
constexpr int kMaxCardText = 600;
// Siblings alike that make a run.
constexpr size_t kMinRun = 3;
constexpr int kMinRunOfLinks = 4;
// A link's text that reads as a headline, in code points.
constexpr int kMinHeadline = 30;
constexpr int kMaxHeadline = 200;
// A teaser's snippet (its text outside links) and its most text.
constexpr int kMinSnippet = 40;
constexpr int kMaxTeaserText = 1000;

// The elements whose text reads as one block (a paragraph, a list's item, a
// cell, a heading, a div) when no such element is inside them. Fewer than
// dom.h's IsBlockTag: a list, a table's row, a section or a figure holds
// blocks rather than being one.
bool IsTextBlockTag(GumboTag tag) {
  if (content::HeadingLevel(tag) > 0) return true;
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DIV:
      return true;
    default:
      return false;
  }
}

// A link whose whole text is a page's number ("2", "13"): a list's pager.
bool IsPageNumberLink(const GumboNode* link) {
  const GumboVector& children = link->v.element.children;
  if (children.length != 1) return false;
  const auto* child = static_cast<const GumboNode*>(children.data[0]);
  if (child->type != GUMBO_NODE_TEXT) return false;
  const absl::string_view text = absl::StripAsciiWhitespace(child->v.text.text);
  return text.size() <= 3 && IsAllDigits(text);
}

class PageWalk {
 public:
  PageWalk(PageFeatures* f, ElementReads* reads) : f_(*f), reads_(*reads) {}

  // Sets the features that need the whole walk.
  void Finish() {
    const float text = static_cast<float>(total_.text);
    f_[kTextLength] = text;
    if (text > 0) {
      f_[kLinkTextShare] = total_.link_text / text;
      f_[kParagraphTextShare] = paragraph_text_ / text;
      f_[kListTextShare] = list_text_ / text;
      f_[kCodeTextShare] = code_text_ / text;
      f_[kHeadingTextShare] = heading_text_ / text;
      f_[kRepeatedTextShare] = largest_cards_text_ / text;
      f_[kHeadlineLinkTextShare] = headline_link_text_ / text;
    }
    if (block_text_ > 0)
      f_[kLinkDenseBlockShare] = link_dense_text_ / block_text_;
    if (f_[kHeadings] > 0) {
      f_[kHeadingLinkShare] = std::min(1.0f, f_[kHeadingLinks] / f_[kHeadings]);
    }
    if (f_[kParagraphs] > 0) {
      f_[kMeanParagraphLength] = paragraph_text_ / f_[kParagraphs];
    }
    f_[kPrices] = static_cast<float>(total_.prices);
  }

 private:
  struct Frame {
    const GumboNode* node;
    size_t signature;  // Child::signature
    Subtree held;
    std::vector<Child> children;
  };

 public:
  bool Enter(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      ReadText(node->v.text.text);
      return false;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag tag = node->v.element.tag;
    switch (tag) {
      case GUMBO_TAG_SCRIPT:
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_TEMPLATE:
      case GUMBO_TAG_NOSCRIPT:
      case GUMBO_TAG_SVG:
        return false;
      default:
        break;
    }
    const bool heading = IsHeading(tag);
    CountTag(tag, heading);
    Frame& frame = Push(node);
    const ElementReads::Read& read = reads_.Of(node);
    const ElementAttributes& attributes = read.attributes;
    if (tag == GUMBO_TAG_A && attributes.has_rel &&
        absl::StrContains(AsciiLower(attributes.rel), "next")) {
      f_[kPageNumberLinks] += 1;
    }
    ReadLinksAndHeadings(tag, heading, attributes.id, attributes.href);
    const ClassValueReading classes = ReadClassValue(read);
    // An id names one element (HTML requires it): its words are read each
    // time, not remembered.
    const unsigned hints = classes.hints | WordHints(attributes.id);
    Count(hints, kClassFeatures, &f_);
    if (hints & rules::kForum) frame.held.forum_classes = 1;
    // Alike siblings share the tag and the first class word.
    frame.signature =
        absl::HashOf(static_cast<int>(tag), classes.first_word_hash);
    if (tag == GUMBO_TAG_A) ++link_depth_;
    if (tag == GUMBO_TAG_P) ++paragraph_depth_;
    if (tag == GUMBO_TAG_LI) ++list_depth_;
    if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_CODE) ++code_depth_;
    if (heading) ++heading_depth_;
    return true;
  }

  void Leave(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT || depth_ == 0 ||
        frames_[depth_ - 1].node != node) {
      return;
    }
    const GumboTag tag = node->v.element.tag;
    const bool heading = IsHeading(tag);
    if (tag == GUMBO_TAG_A) --link_depth_;
    if (tag == GUMBO_TAG_P) --paragraph_depth_;
    if (tag == GUMBO_TAG_LI) --list_depth_;
    if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_CODE) --code_depth_;
    if (heading) --heading_depth_;
    Frame& frame = frames_[depth_ - 1];
    if (tag == GUMBO_TAG_A) ++frame.held.links;
    if (tag == GUMBO_TAG_IMG) ++frame.held.images;
    if (heading) ++frame.held.headings;
    if (tag == GUMBO_TAG_TIME) {
      ++frame.held.times;
      ++frame.held.dates;
    }
    if (tag == GUMBO_TAG_A) ReadLink(node, &frame.held);
    if (heading && frame.held.links > 0 && frame.held.headline_links == 0)
      frame.held.headline_links = 1;
    if (frame.held.blocks == 0 && frame.held.text > 0 && IsTextBlockTag(tag)) {
      frame.held.blocks = 1;
      block_text_ += frame.held.text;
      if (2 * frame.held.link_text >= frame.held.text) {
        link_dense_text_ += frame.held.text;
      }
    }
    if (frame.children.size() >= kMinRun) ReadRuns(&frame.children);
    frame.children.clear();
    --depth_;
    if (depth_ == 0) {
      total_.Add(frame.held);
      return;
    }
    Frame& parent = frames_[depth_ - 1];
    parent.held.Add(frame.held);
    parent.children.push_back({frame.signature, frame.held});
  }

 private:
  Frame& Push(const GumboNode* node) {
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& frame = frames_[depth_++];
    frame.node = node;
    frame.held = Subtree();
    frame.children.clear();
    return frame;
  }

  // A link that has been read whole: a headline's, a pager's.
  void ReadLink(const GumboNode* node, Subtree* held) {
    if (held->text >= kMinHeadline && held->text <= kMaxHeadline) {
      f_[kHeadlineLinks] += 1;
      headline_link_text_ += held->text;
      ++held->headline_links;
    }
    if (IsPageNumberLink(node)) f_[kPageNumberLinks] += 1;
  }

  void ReadLinksAndHeadings(GumboTag tag, bool heading, absl::string_view id,
                            absl::string_view href) {
    if (tag == GUMBO_TAG_A) {
      if (absl::StartsWithIgnoreCase(href, "tel:")) f_[kPhoneLinks] += 1;
      const bool anchor = href.size() > 1 && href[0] == '#';
      if (anchor) f_[kAnchorLinks] += 1;
      if (heading_depth_ > 0) f_[anchor ? kHeadingAnchors : kHeadingLinks] += 1;
    } else if (heading) {
      if (link_depth_ > 0) f_[kHeadingLinks] += 1;
      if (!id.empty()) f_[kHeadingAnchors] += 1;
    } else if (tag == GUMBO_TAG_LI && list_depth_ > 0) {
      f_[kNestedListItems] += 1;
    }
  }

  static bool IsHeading(GumboTag tag) { return content::HeadingLevel(tag) > 0; }

  // The hints of the words of a class or id value, as ForEachWord splits
  // them and HintsOfWord reads them lower-cased. A word is lower-cased and
  // compared only when its first two letters open a word of kClassWords, or
  // when it opens with no two letters: most words of most values open none.
  static unsigned WordHints(absl::string_view value) {
    unsigned hints = 0;
    ForEachWordAsWritten(
        value, [&](absl::string_view word) { hints |= ClassWordHints(word); });
    return hints;
  }

  // HintsOfWord<kClassWords> of `word` (ASCII letters and digits, in any
  // case) lower-cased. A word that opens with two letters is compared in
  // place, in any case, with the table's words of those two and its size:
  // most have none. Every word of the table opens with two letters, so no
  // other word is one.
  static unsigned ClassWordHints(absl::string_view word) {
    static_assert(AllOpenWithTwoLetters(rules::kClassWords));
    // No longer word is in the table.
    static constexpr size_t kLongest = LongestWord(rules::kClassWords);
    if (word.size() > kLongest) return 0;
    const int pair = LetterPairIndex(word);
    if (pair < 0) return 0;
    unsigned hints = 0;
    for (const rules::HintWord& entry :
         WordsByPair<rules::kClassWords>()[pair]) {
      if (entry.word.size() == word.size() &&
          EqualsAfterPair(entry.word, word)) {
        hints |= entry.hints;
      }
    }
    return hints;
  }

  // Whether `word` (lower case) and `other` (in any case), of one size and
  // whose first two letters match, are the same lower-cased.
  static bool EqualsAfterPair(absl::string_view word, absl::string_view other) {
    for (size_t i = 2; i < word.size(); ++i) {
      if (word[i] !=
          absl::ascii_tolower(static_cast<unsigned char>(other[i]))) {
        return false;
      }
    }
    return true;
  }

  // What the walk reads of an element's class value (ElementReads keeps it
  // for the page): the hints of its words, and the hash of its first word
  // (Frame::signature), 0 for none. Each value is split and hashed once.
  static ClassValueReading ReadClassValue(const ElementReads::Read& read) {
    ClassValueReading* value = read.class_value;
    if (value == nullptr) return ClassValueReading();
    if (!value->measured) {
      const absl::string_view text = read.attributes.class_name;
      value->measured = true;
      value->hints = WordHints(text);
      const absl::string_view first_word =
          text.substr(0, std::min(text.find(' '), text.size()));
      if (!first_word.empty())
        value->first_word_hash = absl::HashOf(first_word);
    }
    return *value;
  }

  void CountTag(GumboTag tag, bool heading) {
    f_[kElements] += 1;
    if (heading) f_[kHeadings] += 1;
    switch (tag) {
      case GUMBO_TAG_A:
        f_[kLinks] += 1;
        break;
      case GUMBO_TAG_P:
        f_[kParagraphs] += 1;
        break;
      case GUMBO_TAG_LI:
        f_[kListItems] += 1;
        break;
      case GUMBO_TAG_IMG:
        f_[kImages] += 1;
        break;
      case GUMBO_TAG_PRE:
        f_[kCodeBlocks] += 1;
        break;
      case GUMBO_TAG_CODE:
        if (code_depth_ == 0) f_[kInlineCode] += 1;
        break;
      case GUMBO_TAG_TABLE:
        f_[kTables] += 1;
        break;
      case GUMBO_TAG_FORM:
        f_[kForms] += 1;
        break;
      case GUMBO_TAG_INPUT:
        f_[kInputs] += 1;
        break;
      case GUMBO_TAG_TEXTAREA:
        f_[kTextareas] += 1;
        break;
      case GUMBO_TAG_BUTTON:
        f_[kButtons] += 1;
        break;
      case GUMBO_TAG_SELECT:
        f_[kSelects] += 1;
        break;
      case GUMBO_TAG_ARTICLE:
        f_[kArticleElements] += 1;
        break;
      case GUMBO_TAG_SECTION:
        f_[kSections] += 1;
        break;
      case GUMBO_TAG_NAV:
        f_[kNavs] += 1;
        break;
      case GUMBO_TAG_ASIDE:
        f_[kAsides] += 1;
        break;
      case GUMBO_TAG_TIME:
        f_[kTimes] += 1;
        break;
      case GUMBO_TAG_BLOCKQUOTE:
        f_[kBlockquotes] += 1;
        break;
      case GUMBO_TAG_DT:
        f_[kDefinitionTerms] += 1;
        break;
      default:
        break;
    }
  }

  void ReadText(absl::string_view text) {
    const int length = static_cast<int>(CodePointCount(text));
    if (depth_ == 0) return;
    Subtree& held = frames_[depth_ - 1].held;
    held.text += length;
    if (link_depth_ > 0) held.link_text += length;
    held.prices += CountPrices(text);
    if (paragraph_depth_ > 0) paragraph_text_ += length;
    if (list_depth_ > 0) list_text_ += length;
    if (code_depth_ > 0) code_text_ += length;
    if (heading_depth_ > 0) heading_text_ += length;
    ReadShortText(text);
    constexpr size_t kMaxDateText = 40;
    if (text.size() <= kMaxDateText && IsDateLike(text)) {
      f_[kDateTexts] += 1;
      ++held.dates;
    }
  }

  // "Add to cart", "Reply": a short text read as a whole.
  void ReadShortText(absl::string_view text) {
    constexpr size_t kMaxShortText = 32;
    text = absl::StripAsciiWhitespace(text);
    if (text.empty() || text.size() > kMaxShortText) return;
    // Most texts open with two letters that open no short text of the
    // table: they are neither folded nor looked up. (One whose second byte
    // is a space has no pair, and is.)
    const int pair = LetterPairIndex(text);
    if (pair >= 0 && WordsByPair<rules::kShortTexts>()[pair].empty()) return;
    char folded[kMaxShortText];
    size_t length = 0;
    for (char c : text) {
      const bool space = absl::ascii_isspace(static_cast<unsigned char>(c));
      if (space && (length == 0 || folded[length - 1] == ' ')) continue;
      folded[length++] =
          space ? ' ' : absl::ascii_tolower(static_cast<unsigned char>(c));
    }
    Count(HintsOfWord<rules::kShortTexts>(absl::string_view(folded, length)),
          kShortTextFeatures, &f_);
  }

  // Runs of alike siblings among `children` (reordered).
  void ReadRuns(std::vector<Child>* children) {
    std::sort(children->begin(), children->end(),
              [](const Child& a, const Child& b) {
                return a.signature < b.signature;
              });
    for (size_t start = 0; start < children->size();) {
      size_t end = start;
      int linked = 0, cards = 0, posts = 0, priced = 0, dated = 0,
          cards_text = 0, teasers = 0;
      while (end < children->size() &&
             (*children)[end].signature == (*children)[start].signature) {
        const Subtree& held = (*children)[end].held;
        if (held.links > 0) ++linked;
        if (held.links > 0 && (held.images > 0 || held.headings > 0) &&
            held.text <= kMaxCardText) {
          ++cards;
          cards_text += held.text;
        }
        if (held.text - held.link_text >= kMinPostProse &&
            (held.dates > 0 || held.forum_classes > 0)) {
          ++posts;
        }
        if (held.headline_links > 0 &&
            held.text - held.link_text >= kMinSnippet &&
            held.text <= kMaxTeaserText) {
          ++teasers;
        }
        if (held.prices > 0) ++priced;
        if (held.dates > 0) ++dated;
        ++end;
      }
      if (end - start >= kMinRun) {
        Max(kRepeatedLinks, linked);
        Max(kRepeatedCards, cards);
        Max(kRepeatedPosts, posts);
        Max(kRepeatedPrices, priced);
        Max(kRepeatedDated, dated);
        Max(kRepeatedTeasers, teasers);
        if (teasers >= static_cast<int>(kMinRun)) f_[kTeaserItems] += teasers;
        if (linked >= kMinRunOfLinks) f_[kRepeatedGroups] += 1;
        if (cards >= kMinRunOfLinks && cards_text > largest_cards_text_) {
          largest_cards_text_ = cards_text;
        }
      }
      start = end;
    }
  }

  void Max(PageFeature feature, int value) {
    f_[feature] = std::max(f_[feature], static_cast<float>(value));
  }

  PageFeatures& f_;
  ElementReads& reads_;
  std::vector<Frame> frames_;  // the open elements; deeper ones kept for reuse
  size_t depth_ = 0;
  Subtree total_;
  int link_depth_ = 0, paragraph_depth_ = 0, list_depth_ = 0, code_depth_ = 0,
      heading_depth_ = 0;
  float paragraph_text_ = 0, list_text_ = 0, code_text_ = 0, heading_text_ = 0;
  int largest_cards_text_ = 0;
  float headline_link_text_ = 0, block_text_ = 0, link_dense_text_ = 0;
};

// Whether `word` (not empty, in any case) lower-cased is one of the few
// short `words` (lower case): compared in place, its length and first
// letter first, rather than lower-cased and hashed, since MeasureBody asks
// it of every word of the body.
template <size_t N>
bool IsOneOf(const absl::string_view (&words)[N], absl::string_view word) {
  for (absl::string_view one : words) {
    if (one.size() == word.size() &&
        one[0] == absl::ascii_tolower(static_cast<unsigned char>(word[0])) &&
        absl::EqualsIgnoreCase(one, word)) {
      return true;
    }
  }
  return false;
}

void MeasureBody(const Body& body, float page_text, PageFeatures* f) {
  float text = 0, headings = 0, list_items = 0, paragraphs = 0,
        paragraph_text = 0;
  for (const Block& block : body.blocks) {
    const float length = static_cast<float>(CodePointCount(block.text));
    text += length;
    switch (block.kind) {
      case BlockKind::kHeading:
        headings += length;
        break;
      case BlockKind::kListItem:
        list_items += length;
        break;
      case BlockKind::kCode:
        (*f)[kBodyCodeBlocks] += 1;
        break;
      case BlockKind::kTableRow:
        (*f)[kBodyTableRows] += 1;
        break;
      case BlockKind::kFigure:
        (*f)[kBodyFigures] += 1;
        break;
      case BlockKind::kParagraph:
        ++paragraphs;
        paragraph_text += length;
        break;
      default:
        break;
    }
  }
  (*f)[kBodyLength] = text;
  (*f)[kBodyBlocks] = static_cast<float>(body.blocks.size());
  if (page_text > 0) (*f)[kBodyShare] = std::min(1.0f, text / page_text);
  if (text > 0) {
    (*f)[kBodyHeadingShare] = headings / text;
    (*f)[kBodyListShare] = list_items / text;
  }
  if (paragraphs > 0)
    (*f)[kBodyMeanParagraphLength] = paragraph_text / paragraphs;
  float words = 0, reader = 0, business = 0;
  for (const Block& block : body.blocks) {
    // The words as written: IsOneOf reads them in any case.
    ForEachWordAsWritten(block.text, [&](absl::string_view word) {
      if (word.size() > kMaxWord) return;  // as ForEachWord
      ++words;
      if (IsOneOf(rules::kReaderWords, word)) ++reader;
      if (IsOneOf(rules::kBusinessWords, word)) ++business;
    });
  }
  (*f)[kBodyWords] = words;
  if (words > 0) {
    (*f)[kBodyYouShare] = reader / words;
    (*f)[kBodyWeShare] = business / words;
  }
}

}  // namespace

// The walk writes the markup's features, MeasureFacts and MeasureBody
// others: the order they run in changes no feature.
struct PageTreeMeasure::State {
  PageFeatures features{};
  ElementReads reads;
  PageWalk walk{&features, &reads};
};

PageTreeMeasure::PageTreeMeasure() : state_(std::make_unique<State>()) {}
PageTreeMeasure::~PageTreeMeasure() = default;

ElementReads* PageTreeMeasure::element_reads() { return &state_->reads; }

bool PageTreeMeasure::Enter(const GumboNode* node) {
  return state_->walk.Enter(node);
}

void PageTreeMeasure::Leave(const GumboNode* node) { state_->walk.Leave(node); }

PageFeatures MeasurePage(PageTreeMeasure* tree, const PageFacts& facts,
                         const Body& body) {
  tree->state_->walk.Finish();
  PageFeatures features = tree->state_->features;
  MeasureFacts(facts, &features);
  MeasureBody(body, features[kTextLength], &features);
  return features;
}

PageFeatures MeasurePage(const Dom& dom, const PageFacts& facts,
                         const Body& body) {
  PageTreeMeasure tree;
  WalkTreeWith(dom.body(), &tree);
  return MeasurePage(&tree, facts, body);
}

}  // namespace lede::engine
