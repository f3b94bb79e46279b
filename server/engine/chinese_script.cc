#include "server/engine/chinese_script.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>
#include <memory>

#include "server/engine/chinese_script_data.h"

namespace lede::engine {
namespace {

template <size_t N>
bool Contains(const char32_t (&sorted)[N], char32_t c) {
  return std::binary_search(std::begin(sorted), std::end(sorted), c);
}

// One transliterator per thread and direction: ICU documents
// Transliterator::transliterate as not safe to share across threads.
icu::Transliterator* Transliterator(ChineseScriptTarget target) {
  thread_local std::unique_ptr<icu::Transliterator> to_simplified;
  thread_local std::unique_ptr<icu::Transliterator> to_traditional;
  std::unique_ptr<icu::Transliterator>& slot =
      target == ChineseScriptTarget::kSimplified ? to_simplified
                                                 : to_traditional;
  if (slot == nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::Transliterator::createInstance(
        target == ChineseScriptTarget::kSimplified ? "Hant-Hans" : "Hans-Hant",
        UTRANS_FORWARD, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

bool IsHan(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN;
}

}  // namespace

bool IsSimplifiedOnlyHan(char32_t c) { return Contains(kSimplifiedOnlyHan, c); }

bool IsTraditionalOnlyHan(char32_t c) {
  return Contains(kTraditionalOnlyHan, c);
}

ChineseScriptCounts CountChineseScript(absl::string_view utf8) {
  ChineseScriptCounts counts;
  const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0x2E80 || !IsHan(c)) continue;
    ++counts.han;
    if (IsSimplifiedOnlyHan(c)) ++counts.simplified;
    if (IsTraditionalOnlyHan(c)) ++counts.traditional;
  }
  return counts;
}

std::string ConvertChineseScript(absl::string_view utf8,
                                 ChineseScriptTarget target) {
  std::string out;
  out.reserve(utf8.size());
  icu::Transliterator* transliterator = Transliterator(target);
  const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  // Only runs of Han characters go through ICU, so markup, Latin text and
  // even invalid bytes pass unchanged.
  int32_t i = 0;
  while (i < length) {
    int32_t run_start = i;
    bool han = false;
    while (i < length) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(data, i, length, c);
      bool is_han = c >= 0x2E80 && IsHan(c);
      if (start == run_start) {
        han = is_han;
      } else if (is_han != han) {
        i = start;
        break;
      }
    }
    absl::string_view run = utf8.substr(run_start, i - run_start);
    if (!han || transliterator == nullptr) {
      out.append(run.data(), run.size());
      continue;
    }
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
    transliterator->transliterate(unicode);
    unicode.toUTF8String(out);
  }
  return out;
}

}  // namespace lede::engine
