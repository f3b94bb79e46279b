#include "server/engine/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "re2/re2.h"
#include "server/engine/charset_labels.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

// How far into the document a charset declaration is looked for. WHATWG's
// prescan reads 1024 bytes; real pages put long <head> preambles first.
constexpr size_t kPrescanBytes = 4096;

bool IsValidUtf8(absl::string_view bytes) {
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(bytes.size());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < length) {
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// Re-encodes UTF-8 with every invalid sequence replaced by U+FFFD.
std::string SanitizeUtf8(absl::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(bytes.size());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) {
      out.append("\xEF\xBF\xBD");
    } else {
      out.append(bytes.data() + start, i - start);
    }
  }
  return out;
}

std::string CharsetFromContentType(absl::string_view content_type) {
  static const LazyRE2 kCharset = {R"((?i)charset\s*=\s*["']?([\w.:-]+))"};
  std::string label;
  RE2::PartialMatch(Piece(content_type), *kCharset, &label);
  return label;
}

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

std::string DetectCharset(absl::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(
      ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return "";
  // Markup is ASCII and would drown the signal of the text itself.
  ucsdet_enableInputFilter(detector.get(), true);
  ucsdet_setText(detector.get(), bytes.data(),
                 static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)),
                 &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &status);
  return U_SUCCESS(status) && name != nullptr ? std::string(name) : "";
}

// Converts with ICU; undecodable bytes become U+FFFD. Empty optional-like
// result (false) when the converter does not exist.
bool ConvertToUtf8(absl::string_view bytes, const std::string& converter_name,
                   std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(
      ucnv_open(converter_name.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status)) return false;
  std::vector<UChar> utf16(bytes.size() * 2 + 16);
  status = U_ZERO_ERROR;
  int32_t utf16_length = ucnv_toUChars(
      converter.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
      bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  // Single-byte converters substitute U+001A; readers expect U+FFFD.
  for (int32_t k = 0; k < utf16_length; ++k) {
    if (utf16[k] == 0x1A) utf16[k] = 0xFFFD;
  }
  out->clear();
  out->reserve(utf16_length * 3);
  int32_t k = 0;
  while (k < utf16_length) {
    UChar32 c;
    U16_NEXT(utf16.data(), k, utf16_length, c);
    char buffer[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(buffer, n, 4, c, error);
    if (error) {
      out->append("\xEF\xBF\xBD");
    } else {
      out->append(buffer, n);
    }
  }
  return true;
}

DecodedText FromUtf8(absl::string_view bytes, std::string source) {
  DecodedText result;
  result.utf8 = IsValidUtf8(bytes) ? std::string(bytes) : SanitizeUtf8(bytes);
  result.charset = "UTF-8";
  result.charset_source = std::move(source);
  return result;
}

}  // namespace

std::string CanonicalCharset(absl::string_view label) {
  std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(label));
  for (const CharsetLabel& entry : kCharsetLabels) {
    if (entry.label == lower) return std::string(entry.converter);
  }
  return "";
}

DecodedText DecodeToUtf8(absl::string_view bytes,
                         absl::string_view content_type) {
  if (absl::StartsWith(bytes, "\xEF\xBB\xBF")) {
    return FromUtf8(bytes.substr(3), "bom");
  }
  if (absl::StartsWith(bytes, "\xFF\xFE") ||
      absl::StartsWith(bytes, "\xFE\xFF")) {
    DecodedText result;
    std::string name = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    ConvertToUtf8(bytes.substr(2), name, &result.utf8);
    result.charset = name;
    result.charset_source = "bom";
    return result;
  }
  struct Evidence {
    std::string label;
    const char* source;
  };
  const Evidence evidence[] = {
      {CharsetFromContentType(content_type), "content-type"},
      {CharsetFromMarkup(bytes), "meta"},
  };
  for (const Evidence& e : evidence) {
    std::string converter = CanonicalCharset(e.label);
    if (converter.empty()) continue;
    if (converter == "UTF-8") return FromUtf8(bytes, e.source);
    DecodedText result;
    if (ConvertToUtf8(bytes, converter, &result.utf8)) {
      result.charset = converter;
      result.charset_source = e.source;
      return result;
    }
  }
  if (IsValidUtf8(bytes)) return FromUtf8(bytes, "default");
  std::string detected = DetectCharset(bytes);
  std::string converter = CanonicalCharset(detected);
  if (converter.empty()) converter = detected;
  DecodedText result;
  if (!converter.empty() && converter != "UTF-8" &&
      ConvertToUtf8(bytes, converter, &result.utf8)) {
    result.charset = converter;
    result.charset_source = "detected";
    return result;
  }
  return FromUtf8(bytes, "default");
}

}  // namespace lede::engine
