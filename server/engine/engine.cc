#include "server/engine/engine.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "server/engine/article_writer.h"
#include "server/engine/chinese_conversion.h"
#include "server/engine/content.h"
#include "server/engine/decode.h"
#include "server/engine/dom.h"
#include "server/engine/frame.h"
#include "server/engine/language.h"
#include "server/engine/metadata.h"
#include "server/engine/page_features.h"
#include "server/engine/page_type.h"
#include "server/engine/render.h"
#include "server/engine/text_util.h"
#include "server/engine/thread_cpu.h"

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
        {"RIFF", "a RIFF media file (WAV, AVI, WebP)"},
        {"\x7F"
         "ELF",
         "an executable"},
        {"MZ\x90\x00", "a Windows executable"},
        {"\xCF\xFA\xED\xFE", "an executable"},
        {"\xCA\xFE\xBA\xBE", "a Java class or an executable"},
        {absl::string_view("\0asm", 4), "a WebAssembly module"},
        {"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
        {"Rar!\x1A\x07", "a RAR archive"},
        {absl::string_view("\xFD"
                           "7zXZ\0",
                           6),
         "xz-compressed data"},
        {"\x28\xB5\x2F\xFD", "zstd-compressed data"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a Microsoft Office file"},
        {absl::string_view("SQLite format 3\0", 16), "an SQLite database"},
        {"OggS", "an Ogg media file"},
        {"fLaC", "a FLAC audio file"},
        {"ID3\x02", "an MP3 audio file"},
        {"ID3\x03", "an MP3 audio file"},
        {"ID3\x04", "an MP3 audio file"},
        {"\x1A\x45\xDF\xA3", "a Matroska or WebM video"},
        {absl::string_view("II*\0", 4), "a TIFF image"},
        {absl::string_view("MM\0*", 4), "a TIFF image"},
        {"8BPS", "a Photoshop image"},
        {"wOFF", "a web font"},
        {"wOF2", "a web font"},
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

// Share of characters that no text holds, above which decoded content is
// binary: random bytes read in a single-byte charset give 13 %, text 0.
constexpr double kMaxNonTextShare = 0.02;
constexpr size_t kBinaryWindowBytes = 4096;

// Whether `c`, a code point, is a control character no text holds (C0 but
// tab, newline, carriage return and form feed; DEL; C1) or the
// replacement character of an undecodable byte.
bool IsNonText(UChar32 c) {
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFD;
}

// Whether each of the eight bytes of `eight` is a printable ASCII
// character (0x20 to 0x7E): a code point of its own, never IsNonText. A
// byte under 0x20 sets its top bit in the subtraction (bytes below it borrow
// nothing unless they are under 0x20 themselves), a byte past 0x7E its own
// or, for 0x7F, the sum's.
bool IsPrintableAscii(uint64_t eight) {
  constexpr uint64_t kSpaces = 0x2020202020202020ull;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kTopBits = 0x8080808080808080ull;
  return (((eight - kSpaces) | eight | (eight + kOnes)) & kTopBits) == 0;
}

// Counts the code points of utf8[start, end) and those IsNonText, each end
// moved back to a character's first byte so that no character is cut.
void CountNonText(absl::string_view utf8, size_t start, size_t end,
                  size_t* characters, size_t* non_text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t stop = static_cast<int32_t>(end);
  if (stop < static_cast<int32_t>(utf8.size())) U8_SET_CP_START(bytes, 0, stop);
  int32_t i = static_cast<int32_t>(start);
  U8_SET_CP_START(bytes, 0, i);
  while (i < stop) {
    uint64_t eight;
    if (i + 8 <= stop &&
        (std::memcpy(&eight, bytes + i, 8), IsPrintableAscii(eight))) {
      i += 8;
      *characters += 8;
      continue;
    }
    // A CJK character: one code point, text unless it is U+FFFD.
    if (IsPlainThreeByteSequence(bytes + i, stop - i)) {
      ++*characters;
      if (utf8.substr(i, 3) == kReplacementUtf8) ++*non_text;
      i += 3;
      continue;
    }
    UChar32 c;
    U8_NEXT_OR_FFFD(utf8.data(), i, stop, c);
    ++*characters;
    if (IsNonText(c)) ++*non_text;
  }
}

// Text that holds control characters or undecodable bytes (in its head,
// middle or tail: a binary file may start with a text header) is not a
// document, whatever its charset claimed. A text no longer than the three
// windows is read whole, once: windows that overlap would read its middle
// two or three times for the same answer.
absl::Status ValidateDecoded(absl::string_view utf8) {
  size_t characters = 0;
  size_t non_text = 0;
  if (utf8.size() <= 3 * kBinaryWindowBytes) {
    CountNonText(utf8, 0, utf8.size(), &characters, &non_text);
  } else {
    const size_t middle = utf8.size() / 2 - kBinaryWindowBytes / 2;
    for (size_t start : {size_t{0}, middle, utf8.size() - kBinaryWindowBytes}) {
      CountNonText(utf8, start, start + kBinaryWindowBytes, &characters,
                   &non_text);
    }
  }
  if (non_text > characters * kMaxNonTextShare) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "content is binary data (%.0f %% of the characters sampled are "
        "control characters or undecodable bytes), not an HTML, Markdown or "
        "text document",
        100.0 * non_text / characters));
  }
  return absl::OkStatus();
}

absl::Status CheckDeadline(absl::Time deadline, absl::string_view stage) {
  if (absl::Now() <= deadline) return absl::OkStatus();
  return absl::DeadlineExceededError(
      absl::StrCat("deadline passed during the ", stage, " stage"));
}

MetadataOptions MetadataOptionsFor(const v1::ParseRequest& request) {
  MetadataOptions options;
  options.url = request.url();
  if (!request.options().has_reference_time()) {
    options.reference_time = absl::Now();
  } else {
    const google::protobuf::Timestamp& at = request.options().reference_time();
    options.reference_time =
        absl::FromUnixSeconds(at.seconds()) + absl::Nanoseconds(at.nanos());
  }
  return options;
}

// Charges the time since the previous lap to a stage, on the clock the
// StageTimes asks for; does nothing without a StageTimes to fill, so an
// untimed call reads no clock.
class StageClock {
 public:
  explicit StageClock(StageTimes* times) : times_(times), last_(Read()) {}

  void Lap(Stage stage) {
    if (times_ == nullptr) return;
    const absl::Duration now = Read();
    (*times_)[stage] += now - last_;
    last_ = now;
  }

 private:
  absl::Duration Read() const {
    if (times_ == nullptr) return absl::ZeroDuration();
    return times_->clock == StageTimes::Clock::kThreadCpu
               ? ThreadCpuTime()
               : absl::Now() - absl::UnixEpoch();
  }

  StageTimes* times_;
  absl::Duration last_;
};

}  // namespace

Engine::Engine(Limits limits) : limits_(limits) {}

absl::StatusOr<v1::ParseResponse> Engine::Parse(
    const v1::ParseRequest& request, absl::Time deadline, StageTimes* times,
    PageFeatures* page_features) const {
  StageClock clock(times);
  if (absl::Status valid = ValidateContent(request.content(), limits_);
      !valid.ok()) {
    return valid;
  }
  const v1::ParseOptions& options = request.options();
  v1::ParseResponse response;
  response.set_id(request.id());

  // 1. decode: bytes -> UTF-8.
  DecodedText decoded = DecodeToUtf8(request.content(), request.content_type());
  clock.Lap(Stage::kDecode);
  if (absl::Status s = ValidateDecoded(decoded.utf8); !s.ok()) return s;
  response.set_charset(decoded.charset);

  // 2. frame: HTML for the parser, and what the framing says of the article.
  FramedDocument framed = FrameDocument(std::move(decoded.utf8));
  clock.Lap(Stage::kFrame);
  response.set_framing(std::string(FramingName(framed.framing)));
  if (absl::Status s = CheckDeadline(deadline, "frame"); !s.ok()) return s;

  // 3. parse: the DOM.
  absl::StatusOr<Dom> dom = Dom::Parse(
      std::move(framed.html), request.content().size(), limits_, deadline);
  clock.Lap(Stage::kParse);
  if (!dom.ok()) return dom.status();

  // 4. metadata: the facts; its pass over the tree runs classify's walk too.
  const MetadataOptions metadata_options = MetadataOptionsFor(request);
  PageTreeMeasure page_tree;
  absl::StatusOr<PageFacts> facts = ExtractMetadata(
      *dom, framed.facts, metadata_options, deadline, &page_tree);
  clock.Lap(Stage::kMetadata);
  if (!facts.ok()) return facts.status();

  // 5. content: the body's blocks and images.
  ContentReader content(*dom, *facts,
                        {.bias = options.bias(),
                         .include_comments = options.include_comments(),
                         .reference_time = metadata_options.reference_time});
  absl::StatusOr<Body> body = content.ReadBody(deadline);
  clock.Lap(Stage::kContent);
  if (!body.ok()) return body.status();

  // 6. classify: what kind of page this is.
  const PageFeatures features = MeasurePage(&page_tree, *facts, *body);
  const PageTypeVerdict page_type = ClassifyPage(features);
  if (page_features != nullptr) *page_features = features;
  clock.Lap(Stage::kClassify);
  if (absl::Status s = CheckDeadline(deadline, "classify"); !s.ok()) return s;

  // 5b. content, read as the kind of page reads (a forum's posts, a
  // listing's entries...), however sure the model is: a confidence gate
  // lost on half B (page_reading_rules.h, kPageReadings).
  content.ReadAs(page_type.type, &*body);
  RetitleForType(page_type.type, &*facts);
  clock.Lap(Stage::kContent);

  // 7. language: of the title and the body's text, with the page's hints.
  std::string body_text = RenderText(body->blocks);
  const LanguageResult language = IdentifyArticleLanguage(
      facts->title.value, body_text,
      PageLanguageHints(facts->declared_language, facts->url.value));
  clock.Lap(Stage::kLanguage);
  if (absl::Status s = CheckDeadline(deadline, "language"); !s.ok()) return s;

  // 8. render: the text measured as the page wrote it, the facts and body
  // converted to the Chinese script asked for (text anew), the Article written.
  const TextMeasures measures = MeasureText(body_text);
  if (ConvertChinese(options.convert_chinese(), language, &*facts, &*body))
    body_text = RenderText(body->blocks);
  WriteArticle(*facts, *body, std::move(body_text), page_type, language,
               measures, options, response.mutable_article());
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
  response.set_confidence(RoundedShare(result.guesses.front().confidence));
  for (size_t i = 1; i < result.guesses.size(); ++i) {
    v1::LanguageGuess* guess = response.add_candidates();
    guess->set_language(result.guesses[i].language);
    guess->set_confidence(RoundedShare(result.guesses[i].confidence));
  }
  return response;
}

}  // namespace lede::engine
