#include "server/engine/images.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "server/engine/content_rules.h"
#include "server/engine/dom.h"

namespace lede::engine {
namespace {

bool IsPlaceholder(absl::string_view url) {
  if (url.empty() || absl::StartsWith(url, "data:")) return true;
  std::string lower = absl::AsciiStrToLower(url);
  for (absl::string_view word : content_rules::kPlaceholderImageWords) {
    if (absl::StrContains(lower, word)) return true;
  }
  return false;
}

ImageSource FromAttributes(const GumboNode* img) {
  for (const char* name : content_rules::kLazyImageAttributes) {
    absl::string_view value = Attribute(img, name);
    if (!IsPlaceholder(value)) return {std::string(value), img};
  }
  for (const char* name : content_rules::kSrcsetAttributes) {
    std::string best = LargestSrcsetCandidate(Attribute(img, name));
    if (!IsPlaceholder(best)) return {best, img};
  }
  absl::string_view src = Attribute(img, "src");
  if (!IsPlaceholder(src)) return {std::string(src), img};
  return {};
}

// The <noscript> that follows `img` among its siblings, or its parent's
// siblings when the lazy loader wrapped the <img> alone.
const GumboNode* NoscriptAfter(const GumboNode* img) {
  for (const GumboNode* node = img; node != nullptr && node->parent != nullptr;
       node = node->parent) {
    const GumboVector& siblings = node->parent->v.element.children;
    for (unsigned int i = node->index_within_parent + 1; i < siblings.length;
         ++i) {
      const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
      if (sibling->type == GUMBO_NODE_WHITESPACE) continue;
      if (sibling->type == GUMBO_NODE_ELEMENT &&
          sibling->v.element.tag == GUMBO_TAG_NOSCRIPT) {
        return sibling;
      }
      break;
    }
    if (node->parent->v.element.children.length > 2) break;
  }
  return nullptr;
}

}  // namespace

std::string LargestSrcsetCandidate(absl::string_view srcset) {
  std::string best;
  double best_size = -1;
  for (absl::string_view candidate :
       absl::StrSplit(srcset, ',', absl::SkipWhitespace())) {
    candidate = absl::StripAsciiWhitespace(candidate);
    std::vector<absl::string_view> parts =
        absl::StrSplit(candidate, ' ', absl::SkipEmpty());
    if (parts.empty()) continue;
    double size = 0;
    if (parts.size() > 1 && parts[1].size() > 1) {
      absl::string_view number = parts[1].substr(0, parts[1].size() - 1);
      if (!absl::SimpleAtod(number, &size)) size = 0;
    }
    if (size > best_size) {
      best_size = size;
      best = std::string(parts[0]);
    }
  }
  return best;
}

int ParseDimension(absl::string_view value) {
  size_t digits = 0;
  while (digits < value.size() && absl::ascii_isdigit(value[digits])) ++digits;
  int result = 0;
  return absl::SimpleAtoi(value.substr(0, digits), &result) ? result : 0;
}

ImageSource PickImageSource(const GumboNode* img) {
  ImageSource source = FromAttributes(img);
  if (!source.url.empty()) return source;
  const GumboNode* noscript = NoscriptAfter(img);
  if (noscript == nullptr) return {};
  ImageSource copy;
  WalkTree(noscript, [&](const GumboNode* node, int) {
    if (!copy.url.empty() || node->type != GUMBO_NODE_ELEMENT) return false;
    if (node->v.element.tag == GUMBO_TAG_IMG) {
      copy = FromAttributes(node);
      return false;
    }
    return true;
  });
  return copy;
}

}  // namespace lede::engine
