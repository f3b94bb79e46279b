// Where an <img> really points: lazy-load attributes, srcset and the
// <noscript> copy that lazy loaders leave for crawlers.
#ifndef LEDE_SERVER_ENGINE_IMAGES_H_
#define LEDE_SERVER_ENGINE_IMAGES_H_

#include <gumbo.h>

#include <string>

#include "absl/strings/string_view.h"

namespace lede::engine {

struct ImageSource {
  std::string url;  // as written in the page; not yet resolved
  // Attributes of the element the URL came from (a <noscript> copy may
  // carry them when the placeholder does not).
  const GumboNode* element = nullptr;
};

// The URL an image shows once loaded: the first lazy-load attribute, else
// the largest srcset candidate, else src, else the <img> in a <noscript>
// right after it. Data URIs and known placeholders don't count. Empty url
// when the image has no real source.
ImageSource PickImageSource(const GumboNode* img);

// The largest candidate of a srcset ("a.jpg 320w, b.jpg 1280w"), by width
// or density descriptor; the first when none has one. Empty for "".
std::string LargestSrcsetCandidate(absl::string_view srcset);

// Leading digits of a width/height attribute ("640", "640px"); 0 otherwise.
int ParseDimension(absl::string_view value);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_IMAGES_H_
