#include "server/engine/language.h"

// CLD2's header uses FILE without including <cstdio>.
#include <cstdio>
// clang-format off
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
// clang-format on

#include "absl/strings/ascii.h"

namespace lede::engine {
namespace {

// Data: CLD2 codes that are not the BCP 47 tags callers expect.
struct CodeFix {
  const char* cld2;
  const char* bcp47;
};
constexpr CodeFix kCodeFixes[] = {
    {"zh", "zh-Hans"}, {"iw", "he"}, {"jw", "jv"},
    {"in", "id"},      {"mo", "ro"}, {"zh-Hant", "zh-Hant"},
};

std::string ToBcp47(CLD2::Language language) {
  std::string code = CLD2::LanguageCode(language);
  for (const CodeFix& fix : kCodeFixes) {
    if (code == fix.cld2) return fix.bcp47;
  }
  return code;
}

}  // namespace

LanguageResult IdentifyLanguage(absl::string_view text,
                                const LanguageHints& hints) {
  LanguageResult result;
  if (text.empty()) return result;
  CLD2::CLDHints cld_hints = {
      hints.content_language.empty() ? nullptr : hints.content_language.c_str(),
      hints.tld.empty() ? nullptr : hints.tld.c_str(), CLD2::UNKNOWN_ENCODING,
      CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language languages[3];
  int percents[3];
  double scores[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
      &cld_hints, /*flags=*/0, languages, percents, scores,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  for (int i = 0; i < 3; ++i) {
    if (languages[i] == CLD2::UNKNOWN_LANGUAGE || percents[i] == 0) continue;
    float share = percents[i] / 100.0f;
    result.guesses.push_back(
        {ToBcp47(languages[i]), share * (reliable ? 1.0f : 0.5f)});
    result.shares.push_back(share);
  }
  result.reliable = reliable;
  return result;
}

}  // namespace lede::engine
