// Stage 5, content: find the article's body in the tree and return it as
// blocks, boilerplate dropped.
#ifndef LEDE_SERVER_ENGINE_CONTENT_H_
#define LEDE_SERVER_ENGINE_CONTENT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "lede/v1/lede.pb.h"
#include "server/engine/block.h"
#include "server/engine/dom.h"

namespace lede::engine {

struct ContentOptions {
  // The article's title, as the metadata stage found it: a heading that
  // repeats it is not body.
  std::string title;
  // The article's authors, as the metadata stage found them: a line near
  // the top that only names them ("By Jane Doe, May 4") is the byline.
  std::vector<std::string> authors;
  // Base for image URLs.
  std::string base_url;
  v1::Bias bias = v1::BIAS_BALANCED;
  // What the page says its body is (JSON-LD articleBody): the body when the
  // markup itself holds next to no text (client-rendered pages, truncated
  // captures). The description is not: it is a summary, and its own field.
  std::string declared_body;
  // Whether the metadata stage found a publication date: a dated page is a
  // story; an undated one may be a listing or a shop's category page.
  bool dated = false;
};

// Extracts the body of `dom`. DEADLINE_EXCEEDED when `deadline` passes.
// An empty vector when the page holds no article text.
absl::StatusOr<std::vector<Block>> ExtractContent(const Dom& dom,
                                                  const ContentOptions& options,
                                                  absl::Time deadline);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_CONTENT_H_
