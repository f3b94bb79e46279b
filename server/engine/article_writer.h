// The pipeline's last step: the v1::Article, written once from what the
// stages found. Nothing reads it back.
#ifndef LEDE_SERVER_ENGINE_ARTICLE_WRITER_H_
#define LEDE_SERVER_ENGINE_ARTICLE_WRITER_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "lede/v1/lede.pb.h"
#include "server/engine/block.h"
#include "server/engine/language.h"
#include "server/engine/page_facts.h"
#include "server/engine/page_type.h"

namespace lede::engine {

// What the body's text measures.
struct TextMeasures {
  int32_t word_count = 0;       // words by ICU's word breaks (SplitWords)
  int32_t reading_seconds = 0;  // EstimateReadingSeconds
  std::string fingerprint;      // Fingerprint, 16 hex digits; "" for no text
};

// Measures `text` (RenderText of the body, as the page wrote it).
TextMeasures MeasureText(absl::string_view text);

// Writes `article`: the facts with their provenance, the body rendered in
// the formats `options` asks for (all when it names none), its images (the
// first is the lead image when the facts name none: provenance "content"),
// the page's type, the language, the measures, and the readers' comments
// the body found (when the request asked for them).
void WriteArticle(const PageFacts& facts, const Body& body,
                  const PageTypeVerdict& page_type,
                  const LanguageResult& language, const TextMeasures& measures,
                  const v1::ParseOptions& options, v1::Article* article);

// As above, with `text` the body's blocks as RenderText writes them: the
// engine has rendered them already, for the language and the measures, and
// they are not rendered again.
void WriteArticle(const PageFacts& facts, const Body& body, std::string text,
                  const PageTypeVerdict& page_type,
                  const LanguageResult& language, const TextMeasures& measures,
                  const v1::ParseOptions& options, v1::Article* article);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_ARTICLE_WRITER_H_
