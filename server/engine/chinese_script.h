// Simplified vs Traditional Chinese: telling them apart by the characters
// that differ between the two scripts, and converting between them.
#ifndef LEDE_SERVER_ENGINE_CHINESE_SCRIPT_H_
#define LEDE_SERVER_ENGINE_CHINESE_SCRIPT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace lede::engine {

// True for a Han character written only in Simplified Chinese (这, 国, 发).
bool IsSimplifiedOnlyHan(char32_t c);
// True for a Han character written only in Traditional Chinese (這, 國, 髮).
bool IsTraditionalOnlyHan(char32_t c);

struct ChineseScriptCounts {
  int han = 0;          // Han characters in all.
  int simplified = 0;   // Of them, found only in Simplified.
  int traditional = 0;  // Of them, found only in Traditional.
};

// Counts the Han characters of `utf8` and those that belong to one script.
// Invalid UTF-8 is skipped.
ChineseScriptCounts CountChineseScript(absl::string_view utf8);

enum class ChineseScriptTarget { kSimplified, kTraditional };

// Rewrites the Han characters of `utf8` in the target script with OpenCC
// (phrase by phrase, then character by character: 头发 -> 頭髮, 发展 ->
// 發展); everything else is kept byte for byte. Unchanged when OpenCC's data
// is missing. Thread-safe.
std::string ConvertChineseScript(absl::string_view utf8,
                                 ChineseScriptTarget target);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_CHINESE_SCRIPT_H_
