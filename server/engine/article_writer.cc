#include "server/engine/article_writer.h"

#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "server/engine/render.h"
#include "server/engine/words.h"

namespace lede::engine {
namespace {

bool Wants(const v1::ParseOptions& options, v1::Format format) {
  if (options.formats().empty()) return true;
  for (int f : options.formats()) {
    if (f == format) return true;
  }
  return false;
}

// Writes `fact` into `target` and its provenance under `name`, when found.
void Write(const Sourced<std::string>& fact, absl::string_view name,
           std::string* target, v1::Article* article) {
  if (!fact.found()) return;
  *target = fact.value;
  (*article->mutable_provenance())[std::string(name)] = fact.source;
}

void Write(const Sourced<std::vector<std::string>>& fact,
           absl::string_view name,
           google::protobuf::RepeatedPtrField<std::string>* target,
           v1::Article* article) {
  if (!fact.found()) return;
  target->Assign(fact.value.begin(), fact.value.end());
  (*article->mutable_provenance())[std::string(name)] = fact.source;
}

// The publication date (`published`) or the modification date: the instant,
// its precision, the text it was read from, the page's day, the provenance.
void WriteDate(const Sourced<ParsedDate>& date, bool published,
               v1::Article* article) {
  if (!date.found()) return;
  (published ? article->mutable_published_time()
             : article->mutable_modified_time())
      ->set_seconds(absl::ToUnixSeconds(date.value.time));
  std::string day = absl::FormatCivilTime(date.value.day);
  if (published) {
    article->set_published_time_precision(date.value.precision);
    article->set_published_time_text(date.value.text);
    article->set_published_date(std::move(day));
  } else {
    article->set_modified_time_precision(date.value.precision);
    article->set_modified_time_text(date.value.text);
    article->set_modified_date(std::move(day));
  }
  (*article->mutable_provenance())[published ? "published_time"
                                             : "modified_time"] = date.source;
}

void WriteFacts(const PageFacts& facts, v1::Article* article) {
  Write(facts.url, "url", article->mutable_url(), article);
  article->set_canonical_url(facts.canonical_url);
  Write(facts.site_name, "site_name", article->mutable_site_name(), article);
  Write(facts.title, "title", article->mutable_title(), article);
  Write(facts.description, "description", article->mutable_description(),
        article);
  Write(facts.source, "source", article->mutable_source(), article);
  Write(facts.authors, "authors", article->mutable_authors(), article);
  Write(facts.editors, "editors", article->mutable_editors(), article);
  Write(facts.tags, "tags", article->mutable_tags(), article);
  Write(facts.categories, "categories", article->mutable_categories(), article);
  WriteDate(facts.published, /*published=*/true, article);
  WriteDate(facts.modified, /*published=*/false, article);
}

void WriteImage(const ImageRef& from, v1::Image* image) {
  image->set_url(from.url);
  image->set_alt(from.alt);
  image->set_caption(from.caption);
  image->set_width(from.width);
  image->set_height(from.height);
}

void WriteImages(const PageFacts& facts, const Body& body,
                 v1::Article* article) {
  for (const ImageRef& image : body.images) {
    WriteImage(image, article->add_images());
  }
  if (facts.lead_image.found()) {
    article->mutable_lead_image()->set_url(facts.lead_image.value);
    (*article->mutable_provenance())["lead_image"] = facts.lead_image.source;
  } else if (!body.images.empty()) {
    WriteImage(body.images.front(), article->mutable_lead_image());
    (*article->mutable_provenance())["lead_image"] = "content";
  }
}

// The readers' comments or a thread's posts, in page order, each added by
// `add` (Article::add_comments, add_posts).
void WritePosts(const std::vector<Comment>& comments,
                v1::Post* (v1::Article::*add)(), v1::Article* article) {
  for (const Comment& comment : comments) {
    v1::Post* post = (article->*add)();
    post->set_author(comment.author);
    if (comment.published) {
      post->mutable_published_time()->set_seconds(
          absl::ToUnixSeconds(comment.published->time));
      post->set_published_time_text(comment.published->text);
    }
    post->set_text(comment.text);
  }
}

void WriteLanguage(const LanguageResult& result, v1::Article* article) {
  if (result.guesses.empty()) return;
  article->set_language(result.guesses.front().language);
  article->set_language_confidence(
      RoundedShare(result.guesses.front().confidence));
  if (result.shares.size() > 1) {
    for (const LanguageShare& part : result.shares) {
      v1::LanguageShare* share = article->add_languages();
      share->set_language(part.language);
      share->set_share(RoundedShare(part.share));
    }
  }
}

}  // namespace

TextMeasures MeasureText(absl::string_view text) {
  TextMeasures measures;
  const Words words = SplitWords(text);
  measures.word_count = static_cast<int32_t>(words.size());
  measures.reading_seconds = EstimateReadingSeconds(text, words.list());
  if (!text.empty()) {
    measures.fingerprint = absl::StrFormat("%016x", Fingerprint(words));
  }
  return measures;
}

void WriteArticle(const PageFacts& facts, const Body& body,
                  const PageTypeVerdict& page_type,
                  const LanguageResult& language, const TextMeasures& measures,
                  const v1::ParseOptions& options, v1::Article* article) {
  WriteArticle(facts, body,
               Wants(options, v1::FORMAT_TEXT) ? RenderText(body.blocks) : "",
               page_type, language, measures, options, article);
}

void WriteArticle(const PageFacts& facts, const Body& body, std::string text,
                  const PageTypeVerdict& page_type,
                  const LanguageResult& language, const TextMeasures& measures,
                  const v1::ParseOptions& options, v1::Article* article) {
  WriteFacts(facts, article);
  WriteImages(facts, body, article);
  article->set_page_type(page_type.type);
  article->set_page_type_confidence(RoundedShare(page_type.confidence));
  WriteLanguage(language, article);
  article->set_word_count(measures.word_count);
  article->set_reading_time_seconds(measures.reading_seconds);
  article->set_fingerprint(measures.fingerprint);
  if (!body.blocks.empty()) {
    (*article->mutable_provenance())["text"] = body.attempt;
  }
  if (Wants(options, v1::FORMAT_TEXT)) {
    article->set_text(std::move(text));
  }
  if (Wants(options, v1::FORMAT_HTML)) {
    article->set_html(RenderHtml(body.blocks));
  }
  if (Wants(options, v1::FORMAT_MARKDOWN)) {
    article->set_markdown(RenderMarkdown(body.blocks));
  }
  WritePosts(body.comments, &v1::Article::add_comments, article);
  WritePosts(body.posts, &v1::Article::add_posts, article);
  for (const ListEntry& entry : body.items) {
    v1::ListItem* item = article->add_items();
    item->set_title(entry.title);
    item->set_url(entry.url);
    item->set_snippet(entry.snippet);
  }
}

}  // namespace lede::engine
