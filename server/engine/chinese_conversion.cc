#include "server/engine/chinese_conversion.h"

#include <string>

#include "absl/strings/match.h"
#include "server/engine/chinese_script.h"

namespace lede::engine {

bool ConvertChinese(v1::ChineseScript script, const LanguageResult& language,
                    PageFacts* facts, Body* body) {
  if (script == v1::CHINESE_SCRIPT_UNCHANGED || language.guesses.empty() ||
      !absl::StartsWith(language.guesses.front().language, "zh")) {
    return false;
  }
  const ChineseScriptTarget target = script == v1::CHINESE_SCRIPT_TRADITIONAL
                                         ? ChineseScriptTarget::kTraditional
                                         : ChineseScriptTarget::kSimplified;
  auto convert = [target](std::string* text) {
    if (!text->empty()) *text = ConvertChineseScript(*text, target);
  };
  ForEachText(facts, convert);
  ForEachText(body, convert);
  return true;
}

}  // namespace lede::engine
