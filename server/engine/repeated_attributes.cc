#include "server/engine/repeated_attributes.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace lede::engine {
namespace {

// Tags with more attributes than this have their names hashed rather than
// compared pair by pair.
constexpr size_t kPairwiseAttributes = 32;

// `name` as gumbo keeps it: ASCII letters lower-cased.
std::string GumboName(absl::string_view name) {
  return absl::AsciiStrToLower(name);
}

// The bytes `attribute` was written in, its name and its value. Gumbo sets
// no value_start or value_end for an attribute without a value, whose
// original_value it makes the name's: the extent is read from the
// original pieces, which point into the page at name_start's offset.
ByteRange Extent(const GumboAttribute& attribute) {
  const char* const page =
      attribute.original_name.data - attribute.name_start.offset;
  const size_t begin = attribute.name_start.offset;
  const size_t end =
      std::max(begin + attribute.original_name.length,
               static_cast<size_t>(attribute.original_value.data - page) +
                   attribute.original_value.length);
  return {begin, end};
}

}  // namespace

void FindRepeatedAttributeNames(absl::string_view html,
                                absl::Span<const TagAttribute> attributes,
                                std::vector<ByteRange>* repeats) {
  if (attributes.size() < 3) return;
  const size_t last = attributes.size() - 1;
  // Most tags have no value-less attribute before their last one.
  bool any = false;
  for (size_t j = 1; j < last && !any; ++j) any = !attributes[j].has_value;
  if (!any) return;
  // Gumbo reads a NUL in a name as U+FFFD, but drops one where a name would
  // start, so that its names and their bounds are not the scan's.
  for (const TagAttribute& attribute : attributes) {
    if (std::memchr(attribute.name.data(), '\0', attribute.name.size())) {
      return;
    }
  }
  auto add = [&](absl::string_view name) {
    const auto begin = static_cast<size_t>(name.data() - html.data());
    repeats->push_back({begin, begin + name.size()});
  };
  if (attributes.size() <= kPairwiseAttributes) {
    for (size_t j = 1; j < last; ++j) {
      if (attributes[j].has_value) continue;
      for (size_t i = 0; i < j; ++i) {
        if (absl::EqualsIgnoreCase(attributes[i].name, attributes[j].name)) {
          add(attributes[j].name);
          break;
        }
      }
    }
    return;
  }
  absl::flat_hash_set<std::string> seen;
  for (size_t j = 0; j < attributes.size(); ++j) {
    std::string name = GumboName(attributes[j].name);
    if (j < last && !attributes[j].has_value && seen.contains(name)) {
      add(attributes[j].name);
    }
    seen.insert(std::move(name));
  }
}

std::vector<BlankedName> BlankAttributeNames(absl::Span<const ByteRange> names,
                                             std::string* html) {
  std::vector<BlankedName> blanked;
  blanked.reserve(names.size());
  for (const ByteRange& range : names) {
    if (range.begin >= range.end || range.end > html->size()) continue;
    blanked.push_back({range, GumboName(absl::string_view(*html).substr(
                                  range.begin, range.end - range.begin))});
    std::memset(html->data() + range.begin, ' ', range.end - range.begin);
  }
  return blanked;
}

BlankCheck::BlankCheck(std::vector<BlankedName> blanks)
    : blanks_(std::move(blanks)) {}

void BlankCheck::CountBlanksIn(const GumboNode* element) {
  const GumboElement& e = element->v.element;
  if (e.original_tag.length == 0) return;
  const size_t tag_begin = e.start_pos.offset;
  const size_t tag_end = tag_begin + e.original_tag.length;
  auto blank = std::lower_bound(
      blanks_.begin(), blanks_.end(), tag_begin,
      [](const BlankedName& b, size_t at) { return b.range.begin < at; });
  if (blank == blanks_.end() || blank->range.end > tag_end) return;
  // A clone of a formatting element that the tree builder reopens repeats
  // its original's start tag: each tag is checked once.
  if (!tags_checked_.insert(tag_begin).second) return;
  // The attributes' extents in order, and where each name comes first: a
  // tag's blanks are checked in time linear in them and its attributes.
  std::vector<ByteRange> extents;
  absl::flat_hash_map<absl::string_view, size_t> first_of_name;
  for (unsigned int i = 0; i < e.attributes.length; ++i) {
    const auto& attribute =
        *static_cast<const GumboAttribute*>(e.attributes.data[i]);
    extents.push_back(Extent(attribute));
    auto [at, added] =
        first_of_name.try_emplace(attribute.name, attribute.name_start.offset);
    if (!added)
      at->second = std::min<size_t>(at->second, attribute.name_start.offset);
  }
  std::sort(
      extents.begin(), extents.end(),
      [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
  for (; blank != blanks_.end() && blank->range.end <= tag_end; ++blank) {
    // The first attribute that ends after the blank begins must begin
    // after it ends.
    const auto next = std::upper_bound(
        extents.begin(), extents.end(), blank->range.begin,
        [](size_t at, const ByteRange& extent) { return at < extent.end; });
    const bool inside_one =
        next != extents.end() && next->begin < blank->range.end;
    const auto named = first_of_name.find(blank->name);
    const bool after_same_name =
        named != first_of_name.end() && named->second < blank->range.begin;
    if (!inside_one && after_same_name) ++found_;
  }
}

}  // namespace lede::engine
