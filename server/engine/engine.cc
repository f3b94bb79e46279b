#include "server/engine/engine.h"

#include <cmath>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "server/engine/chinese_script.h"
#include "server/engine/content.h"
#include "server/engine/decode.h"
#include "server/engine/dom.h"
#include "server/engine/frame.h"
#include "server/engine/language.h"
#include "server/engine/metadata.h"
#include "server/engine/render.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine {
namespace {

// Data: leading bytes of formats that are never documents.
constexpr std::pair<absl::string_view, absl::string_view> kBinarySignatures[] =
    {
        {"%PDF-", "a PDF file"},
        {"\x89PNG", "a PNG image"},
        {"GIF8", "a GIF image"},
        {"\xFF\xD8\xFF", "a JPEG image"},
        {"PK\x03\x04", "a ZIP archive"},
        {"\x1F\x8B", "gzip-compressed data (decompress it first)"},
        {"RIFF", "a RIFF media file"},
        {"\x7F"
         "ELF",
         "an executable"},
};

absl::Status ValidateContent(absl::string_view content, const Limits& limits) {
  if (absl::Status size = CheckInputBytes(content.size(), limits); !size.ok()) {
    return size;
  }
  if (IsBlank(content)) {
    return absl::InvalidArgumentError(
        "content is empty: put the document's bytes in ParseRequest.content");
  }
  for (const auto& [signature, what] : kBinarySignatures) {
    if (absl::StartsWith(content, signature)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "content is ", what, ", not an HTML, Markdown or text document"));
    }
  }
  return absl::OkStatus();
}

// Text that is mostly control characters is not a document, whatever its
// charset claimed.
absl::Status ValidateDecoded(absl::string_view utf8) {
  absl::string_view head = utf8.substr(0, 4096);
  size_t controls = 0;
  for (unsigned char c : head) {
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
      ++controls;
    }
  }
  if (controls * 10 > head.size()) {
    return absl::InvalidArgumentError(
        "content is binary data, not an HTML, Markdown or text document");
  }
  return absl::OkStatus();
}

absl::Status CheckDeadline(absl::Time deadline, absl::string_view stage) {
  if (absl::Now() <= deadline) return absl::OkStatus();
  return absl::DeadlineExceededError(
      absl::StrCat("deadline passed during the ", stage, " stage"));
}

bool Wants(const v1::ParseOptions& options, v1::Format format) {
  if (options.formats().empty()) return true;
  for (int f : options.formats()) {
    if (f == format) return true;
  }
  return false;
}

absl::Time ReferenceTime(const v1::ParseOptions& options) {
  if (!options.has_reference_time()) return absl::Now();
  return absl::FromUnixSeconds(options.reference_time().seconds()) +
         absl::Nanoseconds(options.reference_time().nanos());
}

void FillImages(const std::vector<Block>& blocks, v1::Article* article) {
  for (const Block& block : blocks) {
    if (block.kind != BlockKind::kFigure) continue;
    v1::Image* image = article->add_images();
    image->set_url(block.image.url);
    image->set_alt(block.image.alt);
    image->set_caption(block.image.caption);
    image->set_width(block.image.width);
    image->set_height(block.image.height);
  }
  if (!article->has_lead_image() && article->images_size() > 0) {
    *article->mutable_lead_image() = article->images(0);
    (*article->mutable_provenance())["lead_image"] = "content";
  }
}

// Confidences and shares to three decimals: more is noise, and a float with
// fewer digits prints the same from every protobuf runtime's JSON (C++ prints
// 0.99716711 where Go and Python print 0.9971671).
float Rounded(float value) { return std::round(value * 1000) / 1000; }

void FillLanguage(const LanguageResult& result, v1::Article* article) {
  if (result.guesses.empty()) return;
  article->set_language(result.guesses.front().language);
  article->set_language_confidence(Rounded(result.guesses.front().confidence));
  if (result.shares.size() > 1) {
    for (const LanguageShare& part : result.shares) {
      v1::LanguageShare* share = article->add_languages();
      share->set_language(part.language);
      share->set_share(Rounded(part.share));
    }
  }
}

// Charges the time since the previous lap to a stage; does nothing without a
// StageTimes to fill, so an untimed call reads no clock.
class StageClock {
 public:
  explicit StageClock(StageTimes* times)
      : times_(times), last_(times != nullptr ? absl::Now() : absl::Time()) {}

  void Lap(Stage stage) {
    if (times_ == nullptr) return;
    const absl::Time now = absl::Now();
    (*times_)[stage] += now - last_;
    last_ = now;
  }

 private:
  StageTimes* times_;
  absl::Time last_;
};

}  // namespace

Engine::Engine(Limits limits) : limits_(limits) {}

absl::StatusOr<v1::ParseResponse> Engine::Parse(const v1::ParseRequest& request,
                                                absl::Time deadline,
                                                StageTimes* times) const {
  StageClock clock(times);
  if (absl::Status valid = ValidateContent(request.content(), limits_);
      !valid.ok()) {
    return valid;
  }
  const v1::ParseOptions& options = request.options();
  v1::ParseResponse response;
  response.set_id(request.id());

  DecodedText decoded = DecodeToUtf8(request.content(), request.content_type());
  clock.Lap(Stage::kDecode);
  if (absl::Status valid = ValidateDecoded(decoded.utf8); !valid.ok()) {
    return valid;
  }
  response.set_charset(decoded.charset);

  FramedDocument framed = FrameDocument(decoded.utf8);
  clock.Lap(Stage::kFrame);
  response.set_framing(std::string(FramingName(framed.framing)));
  if (absl::Status s = CheckDeadline(deadline, "frame"); !s.ok()) return s;

  absl::StatusOr<Dom> dom =
      Dom::Parse(std::move(framed.html), limits_, deadline);
  clock.Lap(Stage::kParse);
  if (!dom.ok()) return dom.status();

  v1::Article* article = response.mutable_article();
  MetadataOptions metadata_options;
  metadata_options.url = request.url();
  metadata_options.reference_time = ReferenceTime(options);
  std::string declared_body;
  absl::Status metadata_status = ExtractMetadata(
      *dom, framed, metadata_options, deadline, article, &declared_body);
  clock.Lap(Stage::kMetadata);
  if (!metadata_status.ok()) return metadata_status;

  ContentOptions content_options;
  content_options.title = article->title();
  content_options.authors.assign(article->authors().begin(),
                                 article->authors().end());
  content_options.base_url = article->url();
  content_options.bias = options.bias();
  content_options.declared_body = std::move(declared_body);
  content_options.dated = article->has_published_time();
  absl::StatusOr<std::vector<Block>> blocks =
      ExtractContent(*dom, content_options, deadline);
  if (!blocks.ok()) {
    clock.Lap(Stage::kContent);
    return blocks.status();
  }
  FillImages(*blocks, article);
  clock.Lap(Stage::kContent);

  std::string text = RenderText(*blocks);
  clock.Lap(Stage::kRender);
  const LanguageHints hints = PageLanguageHints(*dom, article->url());
  FillLanguage(
      IdentifyLanguage(absl::StrCat(article->title(), "\n\n", text), hints),
      article);
  clock.Lap(Stage::kLanguage);
  if (absl::Status s = CheckDeadline(deadline, "language"); !s.ok()) return s;

  const std::vector<Word> words = SplitWords(text);
  article->set_word_count(static_cast<int32_t>(words.size()));
  article->set_reading_time_seconds(EstimateReadingSeconds(text, words));
  if (!text.empty()) {
    article->set_fingerprint(absl::StrFormat("%016x", Fingerprint(words)));
  }
  if (Wants(options, v1::FORMAT_HTML)) article->set_html(RenderHtml(*blocks));
  if (Wants(options, v1::FORMAT_MARKDOWN)) {
    article->set_markdown(RenderMarkdown(*blocks));
  }
  if (Wants(options, v1::FORMAT_TEXT)) article->set_text(std::move(text));
  ConvertArticleChinese(options.convert_chinese(), article);
  clock.Lap(Stage::kRender);
  if (absl::Status s = CheckDeadline(deadline, "render"); !s.ok()) return s;
  return response;
}

absl::StatusOr<v1::DetectLanguageResponse> Engine::DetectLanguage(
    const v1::DetectLanguageRequest& request) const {
  if (request.text().size() > limits_.max_input_bytes) {
    return LimitExceededError(
        Limit::kMaxInputBytes,
        absl::StrFormat("text is %d bytes, over the limit of %d bytes",
                        request.text().size(), limits_.max_input_bytes));
  }
  if (IsBlank(request.text())) {
    return absl::InvalidArgumentError(
        "text is empty: put the text to identify in "
        "DetectLanguageRequest.text");
  }
  LanguageResult result =
      IdentifyLanguage(request.text(), HintsFromString(request.hint()));
  v1::DetectLanguageResponse response;
  response.set_reliable(result.reliable);
  if (result.guesses.empty()) {
    response.set_language("und");
    return response;
  }
  response.set_language(result.guesses.front().language);
  response.set_confidence(Rounded(result.guesses.front().confidence));
  for (size_t i = 1; i < result.guesses.size(); ++i) {
    v1::LanguageGuess* guess = response.add_candidates();
    guess->set_language(result.guesses[i].language);
    guess->set_confidence(Rounded(result.guesses[i].confidence));
  }
  return response;
}

}  // namespace lede::engine
