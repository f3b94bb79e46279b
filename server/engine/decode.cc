#include "server/engine/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "re2/re2.h"
#include "server/engine/charset_labels.h"
#include "server/engine/mojibake.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

// How far into the document a charset declaration is looked for. WHATWG's
// prescan reads 1024 bytes; real pages put long <head> preambles first.
constexpr size_t kPrescanBytes = 4096;

// The detector reads at most this much of the document, from its first
// non-ASCII byte: only those tell encodings apart, and pages open with long
// ASCII preambles (scripts, styles). ICU's detector reads whatever it is
// given: its single-byte recognizers up to 8 KB of the sample, its tags taken
// out, its multi-byte ones (GB18030, Big5, Shift_JIS, EUC) every byte, each
// of them once, so 16 KB cost 18 M instructions a page. Browsers bound what
// their detectors read too: compact_enc_det, Chromium's, looks at no more
// than 48 pairs of bytes outside ASCII (its kMaxPairs). On the bench's 51
// pages that are not UTF-8, 3 to 8 KB gave the same first guess as 16 KB, 2 KB
// did not on one page and 1 KB on three. 8 KB (the most ICU's single-byte
// recognizers read of a sample) keeps a margin of four over the largest size
// that failed, for the pages the bench has not seen.
constexpr size_t kDetectBytes = 8 << 10;

// A decoding is suspect when more than 1 in kSuspectShare of its non-ASCII
// characters are errors (see Decoding::errors). A right label over a page
// with a few broken bytes stays well below; a wrong one does not.
constexpr int kSuspectShare = 50;

// Detector guesses tried when the labels fail, best first.
constexpr int kDetectorGuesses = 3;

// A decoding of the whole document, and how plausible it is.
struct Decoding {
  std::string utf8;
  // Bytes that did not decode (each became U+FFFD), plus decoded characters
  // text does not contain: C1 controls and the Private Use Area, which is
  // what a double-byte decoder makes of another double-byte encoding (Big5
  // punctuation read as GBK lands in GBK's user-defined area).
  int errors = 0;
  // Characters outside ASCII, the errors included.
  int non_ascii = 0;

  bool Suspect() const {
    return errors > 0 && static_cast<int64_t>(errors) * kSuspectShare >
                             static_cast<int64_t>(non_ascii);
  }
};

bool Implausible(UChar32 c) {
  return (c >= 0x80 && c <= 0x9F) || (c >= 0xE000 && c <= 0xF8FF);
}

// What the bytes look like as UTF-8.
struct Utf8Shape {
  int64_t multibyte = 0;  // Valid sequences of two bytes or more.
  int64_t invalid = 0;    // Invalid sequences.

  bool Valid() const { return invalid == 0; }
  // Mostly UTF-8, with a few stray bytes (a Latin-1 name pasted into a UTF-8
  // page): legacy text read as UTF-8 makes far more invalid sequences than
  // valid ones, since a valid one needs a lead byte followed by exactly the
  // right number of continuation bytes.
  bool MostlyUtf8() const { return multibyte > 0 && multibyte >= 2 * invalid; }
};

// With `stop_at_invalid`, the shape of the bytes up to the first invalid
// sequence, counted in.
Utf8Shape ShapeOfUtf8(absl::string_view bytes, bool stop_at_invalid = false) {
  Utf8Shape shape;
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(bytes.size());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < length) {
    // Markup is mostly ASCII: skip it sixteen bytes at a time.
    uint64_t halves[2];  // The sixteen bytes as two words of eight.
    if (i + 16 <= length &&
        (std::memcpy(halves, data + i, 16),
         ((halves[0] | halves[1]) & 0x8080808080808080ull) == 0)) {
      i += 16;
      continue;
    }
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    if (IsPlainThreeByteSequence(data + i, length - i)) {
      // CJK text is runs of them: the run is read here, without the test
      // for sixteen ASCII bytes before each character.
      do {
        ++shape.multibyte;
        i += 3;
      } while (IsPlainThreeByteSequence(data + i, length - i));
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) {
      ++shape.invalid;
      if (stop_at_invalid) break;
    } else {
      ++shape.multibyte;
    }
  }
  return shape;
}

// The Utf8Shape of a document, worked out when first needed. A page with a
// legacy label only asks whether it is valid UTF-8, which its first invalid
// sequence settles (legacy CJK text fails at its first character): the
// whole count is made for UTF-8 labels and pages without one.
class LazyUtf8Shape {
 public:
  explicit LazyUtf8Shape(absl::string_view bytes) : bytes_(bytes) {}

  const Utf8Shape& Get() {
    if (!shape_) shape_ = ShapeOfUtf8(bytes_);
    return *shape_;
  }

  // Valid UTF-8 with at least one multi-byte sequence.
  bool ValidWithMultibyte() {
    if (!shape_) {
      const Utf8Shape head = ShapeOfUtf8(bytes_, /*stop_at_invalid=*/true);
      if (!head.Valid()) return false;
      shape_ = head;  // No invalid sequence: the scan read it all.
    }
    return shape_->Valid() && shape_->multibyte > 0;
  }

 private:
  absl::string_view bytes_;
  std::optional<Utf8Shape> shape_;
};

// UTF-8 with every invalid sequence replaced by U+FFFD.
Decoding DecodeUtf8(absl::string_view bytes, const Utf8Shape& shape) {
  Decoding result;
  result.non_ascii = static_cast<int>(shape.multibyte + shape.invalid);
  result.errors = static_cast<int>(shape.invalid);
  if (shape.Valid()) {
    result.utf8 = std::string(bytes);
    return result;
  }
  result.utf8.reserve(bytes.size() + 2 * shape.invalid);
  ForEachCodePoint(bytes, [&](UChar32 c, absl::string_view read) {
    const absl::string_view piece = c < 0 ? kReplacementUtf8 : read;
    result.utf8.append(piece.data(), piece.size());
    return true;
  });
  return result;
}

// ICU calls this for each byte sequence that does not decode: it writes one
// U+FFFD (single-byte converters would write U+001A) and counts it.
void ReplaceAndCount(const void* context, UConverterToUnicodeArgs* args,
                     const char* /*code_units*/, int32_t /*length*/,
                     UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // Reset, close, clone.
  ++*static_cast<int*>(const_cast<void*>(context));
  *status = U_ZERO_ERROR;
  static constexpr UChar kReplacement[] = {0xFFFD};
  ucnv_cbToUWriteUChars(args, kReplacement, 1, 0, status);
}

// Writes `c`, a code point ICU decoded, to `out` as UTF-8 (U+FFFD for an
// unpaired surrogate); returns the byte after it. `out` has room for 4.
char* WriteUtf8(UChar32 c, char* out) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (U_IS_SURROGATE(c)) {
    std::memcpy(out, kReplacementUtf8.data(), kReplacementUtf8.size());
    out += kReplacementUtf8.size();
  } else if (c < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// Decodes with the ICU converter `converter_name`. False when ICU has no
// such converter.
bool DecodeWith(absl::string_view bytes, const std::string& converter_name,
                Decoding* result) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
      ucnv_open(converter_name.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status)) return false;
  int undecodable = 0;
  ucnv_setToUCallBack(converter.get(), ReplaceAndCount, &undecodable, nullptr,
                      nullptr, &status);
  if (U_FAILURE(status)) return false;
  // One byte never makes more than two UTF-16 units; ICU writes every unit
  // it counts, so none needs zeroing first.
  const int32_t capacity = static_cast<int32_t>(bytes.size() * 2 + 16);
  std::unique_ptr<UChar[]> utf16(new UChar[capacity]);
  const int32_t utf16_length =
      ucnv_toUChars(converter.get(), utf16.get(), capacity, bytes.data(),
                    static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  // A UTF-16 unit makes at most three bytes of UTF-8 (a pair, four).
  result->utf8.resize(static_cast<size_t>(utf16_length) * 3 + 4);
  char* const begin = result->utf8.data();
  char* out = begin;
  result->errors = undecodable;
  int non_ascii = 0;
  int implausible = 0;
  const UChar* const units = utf16.get();
  int32_t k = 0;
  while (k < utf16_length) {
    // Markup is mostly ASCII: four units at a time when they all are.
    uint64_t four;
    if (k + 4 <= utf16_length && (std::memcpy(&four, units + k, 8),
                                  (four & 0xFF80FF80FF80FF80ull) == 0)) {
      for (int i = 0; i < 4; ++i) *out++ = static_cast<char>(units[k + i]);
      k += 4;
      continue;
    }
    if (units[k] < 0x80) {
      *out++ = static_cast<char>(units[k++]);
      continue;
    }
    // A run of CJK text: U+0800..U+D7FF, three bytes of UTF-8 each, none a
    // surrogate, a C1 control or in the Private Use Area.
    while (k < utf16_length && units[k] >= 0x800 && units[k] < 0xD800) {
      const UChar c = units[k++];
      ++non_ascii;
      *out++ = static_cast<char>(0xE0 | (c >> 12));
      *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *out++ = static_cast<char>(0x80 | (c & 0x3F));
    }
    if (k >= utf16_length || units[k] < 0x80) continue;
    UChar32 c;
    U16_NEXT(units, k, utf16_length, c);
    ++non_ascii;
    if (Implausible(c)) ++implausible;
    out = WriteUtf8(c, out);
  }
  result->utf8.resize(static_cast<size_t>(out - begin));
  result->non_ascii = non_ascii;
  result->errors += implausible;
  return true;
}

// GB18030's two-byte characters (a lead byte 0x81..0xFE, a trail byte
// 0x40..0xFE but 0x7F), each as the one UTF-16 unit ICU's converter makes of
// it alone, read from ICU once a process; 0 for a pair ICU does not make
// one unit of outside the surrogates. GB18030 has no state: a pair decodes
// alike wherever it stands, and ASCII bytes are themselves.
constexpr int kGbLeadFirst = 0x81;
constexpr int kGbLeads = 0xFE - kGbLeadFirst + 1;
constexpr int kGbTrailFirst = 0x40;
constexpr int kGbTrails = 0xFE - kGbTrailFirst + 1;

const std::vector<char16_t>& Gb18030Pairs() {
  static const auto* const kPairs = [] {
    auto* pairs = new std::vector<char16_t>(kGbLeads * kGbTrails, 0);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
        ucnv_open("GB18030", &status), &ucnv_close);
    int undecodable = 0;
    ucnv_setToUCallBack(converter.get(), ReplaceAndCount, &undecodable, nullptr,
                        nullptr, &status);
    if (U_FAILURE(status)) return pairs;
    for (int lead = 0; lead < kGbLeads; ++lead) {
      for (int trail = 0; trail < kGbTrails; ++trail) {
        if (kGbTrailFirst + trail == 0x7F) continue;
        const char pair[] = {static_cast<char>(kGbLeadFirst + lead),
                             static_cast<char>(kGbTrailFirst + trail)};
        UChar units[4];
        undecodable = 0;
        ucnv_reset(converter.get());
        const int32_t length =
            ucnv_toUChars(converter.get(), units, 4, pair, 2, &status);
        if (U_SUCCESS(status) && undecodable == 0 && length == 1 &&
            units[0] >= 0x80 && !U16_IS_SURROGATE(units[0])) {
          (*pairs)[lead * kGbTrails + trail] = units[0];
        }
        status = U_ZERO_ERROR;
      }
    }
    return pairs;
  }();
  return *kPairs;
}

// `bytes` decoded as GB18030 when they hold ASCII and Gb18030Pairs alone,
// as DecodeWith would with ICU's converter, for a fraction of its time:
// without ICU's UTF-16 between the bytes and UTF-8. False, with `result`
// unusable, for anything else (a four-byte form, a byte that does not
// decode), which is left to ICU.
bool DecodeGb18030Pairs(absl::string_view bytes, Decoding* result) {
  const std::vector<char16_t>& pairs = Gb18030Pairs();
  // A pair makes at most three bytes of UTF-8, an ASCII byte one.
  result->utf8.resize(bytes.size() / 2 * 3 + 8);
  char* const begin = result->utf8.data();
  char* out = begin;
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t length = bytes.size();
  int non_ascii = 0;
  int implausible = 0;
  size_t i = 0;
  while (i < length) {
    uint64_t eight;  // Markup is mostly ASCII: eight bytes at a time.
    if (i + 8 <= length && (std::memcpy(&eight, data + i, 8),
                            (eight & 0x8080808080808080ull) == 0)) {
      std::memcpy(out, data + i, 8);
      out += 8;
      i += 8;
      continue;
    }
    if (data[i] < 0x80) {
      *out++ = static_cast<char>(data[i++]);
      continue;
    }
    const int lead = data[i] - kGbLeadFirst;
    const int trail = i + 1 < length ? data[i + 1] - kGbTrailFirst : -1;
    if (lead < 0 || lead >= kGbLeads || trail < 0 || trail >= kGbTrails) {
      return false;
    }
    const char16_t c = pairs[lead * kGbTrails + trail];
    if (c == 0) return false;
    ++non_ascii;
    if (Implausible(c)) ++implausible;
    out = WriteUtf8(c, out);
    i += 2;
  }
  result->utf8.resize(static_cast<size_t>(out - begin));
  result->non_ascii = non_ascii;
  result->errors = implausible;
  return true;
}

std::string CharsetFromContentType(absl::string_view content_type) {
  static const LazyRE2 kCharset = {R"((?i)charset\s*=\s*["']?([\w.:-]+))"};
  std::string label;
  RE2::PartialMatch(Piece(content_type), *kCharset, &label);
  return label;
}

// <meta charset>, <meta http-equiv="Content-Type" content="...; charset=">
// or an XML declaration's encoding, near the start of the document.
std::string CharsetFromMarkup(absl::string_view bytes) {
  absl::string_view head = bytes.substr(0, kPrescanBytes);
  static const LazyRE2 kMetaCharset = {
      R"((?i)<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+))"};
  static const LazyRE2 kXmlEncoding = {
      R"((?i)^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+))"};
  std::string label;
  if (RE2::PartialMatch(Piece(head), *kMetaCharset, &label)) return label;
  if (RE2::PartialMatch(Piece(head), *kXmlEncoding, &label)) return label;
  return "";
}

// Whether `byte` is a character of its own in every ASCII-compatible
// encoding: no multi-byte encoding uses it as a trail byte (GB18030's four-
// byte forms use digits, Big5's and Shift_JIS's trail bytes start at 0x40).
bool StandsAlone(char byte) {
  const auto b = static_cast<unsigned char>(byte);
  return b < 0x30 || (b > 0x39 && b < 0x40);
}

// ICU's detector's guesses, best first, as converter names of encodings a
// browser would use (UTF-16/32 without a BOM and EBCDIC are not). ICU 72's
// detectAll runs every recognizer whatever ucsdet_setDetectableCharset
// says, so the EBCDIC ones cannot be turned off; opening and closing the
// detector is about 3 K instructions of the 4 M a detected page costs.
std::vector<std::string> DetectCharsets(absl::string_view bytes) {
  std::vector<std::string> guesses;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(
      ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return guesses;
  // Markup is ASCII and would drown the signal of the text itself.
  ucsdet_enableInputFilter(detector.get(), true);
  const absl::string_view sample = DetectorSample(bytes);
  ucsdet_setText(detector.get(), sample.data(),
                 static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches =
      ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return guesses;
  for (int32_t i = 0; i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr) break;
    std::string converter = CanonicalCharset(name);
    if (converter.empty() || converter == "UTF-8") continue;
    if (std::find(guesses.begin(), guesses.end(), converter) == guesses.end()) {
      guesses.push_back(std::move(converter));
    }
    if (static_cast<int>(guesses.size()) == kDetectorGuesses) break;
  }
  return guesses;
}

std::string DisplayName(const std::string& converter) {
  for (const CharsetDisplayName& entry : kCharsetDisplayNames) {
    if (entry.converter == converter) return std::string(entry.name);
  }
  return converter;
}

DecodedText Result(Decoding decoding, const std::string& converter,
                   std::string source) {
  DecodedText result;
  result.utf8 = std::move(decoding.utf8);
  result.charset = DisplayName(converter);
  result.charset_source = std::move(source);
  return result;
}

// A charset a label names, and where the label was.
struct Label {
  std::string converter;
  const char* source;
};

// `bytes` decoded with `converter`; UTF-8 read by its `utf8` shape.
bool DecodeAs(absl::string_view bytes, const std::string& converter,
              LazyUtf8Shape* utf8, Decoding* decoding) {
  if (converter == "UTF-8") {
    *decoding = DecodeUtf8(bytes, utf8->Get());
    return true;
  }
  if (converter == "GB18030" && DecodeGb18030Pairs(bytes, decoding)) {
    return true;
  }
  return DecodeWith(bytes, converter, decoding);
}

// 1. A byte order mark settles it.
std::optional<DecodedText> DecodeByBom(absl::string_view bytes) {
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) {
    absl::string_view rest = bytes.substr(3);
    return Result(DecodeUtf8(rest, ShapeOfUtf8(rest)), "UTF-8", "bom");
  }
  if (absl::StartsWith(bytes, "\xFF\xFE") ||
      absl::StartsWith(bytes, "\xFE\xFF")) {
    std::string name = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    Decoding decoding;
    DecodeWith(bytes.substr(2), name, &decoding);
    return Result(std::move(decoding), name, "bom");
  }
  return std::nullopt;
}

// 2-3. The labels: the request's content type, then the document's own
// declaration. A label is believed unless its decoding is suspect (a page
// declared UTF-8 that is GBK, declared GBK that is Big5); bytes that are
// valid UTF-8 are read as UTF-8 whatever a legacy label says, since legacy
// text essentially never forms valid multi-byte UTF-8 (a site moved to
// UTF-8 that kept its old <meta charset=gb2312>). Without an answer, the
// first suspect label and its decoding go to `suspect`.
std::optional<DecodedText> DecodeByLabels(
    absl::string_view bytes, absl::string_view content_type,
    LazyUtf8Shape* utf8, std::optional<std::pair<Label, Decoding>>* suspect) {
  for (const Label& label :
       {Label{CanonicalCharset(CharsetFromContentType(content_type)),
              "content-type"},
        Label{CanonicalCharset(CharsetFromMarkup(bytes)), "meta"}}) {
    if (label.converter.empty()) continue;
    if (label.converter != "UTF-8" && utf8->ValidWithMultibyte()) {
      return Result(DecodeUtf8(bytes, utf8->Get()), "UTF-8", "utf-8-valid");
    }
    Decoding decoding;
    if (!DecodeAs(bytes, label.converter, utf8, &decoding)) continue;
    const bool mostly_utf8 =
        label.converter == "UTF-8" && utf8->Get().MostlyUtf8();
    if (!decoding.Suspect() || mostly_utf8) {
      return Result(std::move(decoding), label.converter, label.source);
    }
    if (!suspect->has_value()) suspect->emplace(label, std::move(decoding));
  }
  return std::nullopt;
}

// 4. ICU's detector. Its guess replaces a suspect label only when it reads
// the bytes cleanly and with under half the label's errors. When nothing
// reads the bytes cleanly: the suspect label, else the detector's least bad
// guess when it beats UTF-8 with replacement characters.
DecodedText DecodeByDetector(
    absl::string_view bytes, LazyUtf8Shape* utf8,
    std::optional<std::pair<Label, Decoding>> suspect) {
  Decoding best;
  std::string best_converter;
  for (const std::string& converter : DetectCharsets(bytes)) {
    Decoding decoding;
    if (!DecodeAs(bytes, converter, utf8, &decoding)) continue;
    if (!decoding.Suspect()) {
      if (suspect && decoding.errors * 2 >= suspect->second.errors) continue;
      return Result(std::move(decoding), converter, "detected");
    }
    if (best_converter.empty() || decoding.errors < best.errors) {
      best = std::move(decoding);
      best_converter = converter;
    }
  }
  if (suspect) {
    return Result(std::move(suspect->second), suspect->first.converter,
                  suspect->first.source);
  }
  Decoding as_utf8 = DecodeUtf8(bytes, utf8->Get());
  if (!best_converter.empty() && best.errors < as_utf8.errors) {
    return Result(std::move(best), best_converter, "detected");
  }
  return Result(std::move(as_utf8), "UTF-8", "default");
}

// Stages 1-4 of DecodeToUtf8.
DecodedText DecodeBytes(absl::string_view bytes,
                        absl::string_view content_type) {
  if (std::optional<DecodedText> bom = DecodeByBom(bytes)) return *bom;
  LazyUtf8Shape lazy_utf8(bytes);
  std::optional<std::pair<Label, Decoding>> suspect;
  if (std::optional<DecodedText> labelled =
          DecodeByLabels(bytes, content_type, &lazy_utf8, &suspect)) {
    return *std::move(labelled);
  }
  // No label, or only suspect ones. UTF-8 that is valid, or nearly so.
  const Utf8Shape& utf8 = lazy_utf8.Get();
  if (!suspect && (utf8.Valid() || utf8.MostlyUtf8())) {
    return Result(DecodeUtf8(bytes, utf8), "UTF-8",
                  utf8.multibyte > 0 ? "utf-8-valid" : "default");
  }
  return DecodeByDetector(bytes, &lazy_utf8, std::move(suspect));
}

}  // namespace

absl::string_view DetectorSample(absl::string_view bytes) {
  const size_t first_non_ascii = static_cast<size_t>(
      std::find_if(
          bytes.begin(), bytes.end(),
          [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) -
      bytes.begin());
  absl::string_view sample =
      bytes.substr(std::min(first_non_ascii, bytes.size()));
  if (sample.size() <= kDetectBytes) return sample;
  // Cut after the last byte that stands alone, so that the sample does not
  // end inside a character (a multi-byte recognizer counts a cut character
  // as an error). Without one in the second half, at the bound.
  size_t end = kDetectBytes;
  while (end > kDetectBytes / 2 && !StandsAlone(sample[end - 1])) --end;
  return sample.substr(0, end > kDetectBytes / 2 ? end : kDetectBytes);
}

std::string CanonicalCharset(absl::string_view label) {
  std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(label));
  for (const CharsetLabel& entry : kCharsetLabels) {
    if (entry.label == lower) return std::string(entry.converter);
  }
  return "";
}

DecodedText DecodeToUtf8(absl::string_view bytes,
                         absl::string_view content_type) {
  DecodedText decoded = DecodeBytes(bytes, content_type);
  // Here, so that the title, the metadata and the body all read the
  // repaired text.
  RepairMojibake(&decoded.utf8);
  return decoded;
}

}  // namespace lede::engine
