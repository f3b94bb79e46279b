// ParseOptions.convert_chinese: a Chinese article's facts and body rewritten
// in the script the caller asked for, before they are rendered.
#ifndef LEDE_SERVER_ENGINE_CHINESE_CONVERSION_H_
#define LEDE_SERVER_ENGINE_CHINESE_CONVERSION_H_

#include "lede/v1/lede.pb.h"
#include "server/engine/block.h"
#include "server/engine/language.h"
#include "server/engine/page_facts.h"

namespace lede::engine {

// Rewrites the text of `facts` and `body` that a reader reads (ForEachText:
// title, description, site name, source, authors, editors, tags,
// categories, the blocks, image alt texts and captions) in `script`, with
// ConvertChineseScript. Only an article whose `language` is Chinese (zh-*)
// is converted: Japanese kanji are not Chinese text. URLs, dates and
// CHINESE_SCRIPT_UNCHANGED leave everything as it is. Returns whether it
// converted.
bool ConvertChinese(v1::ChineseScript script, const LanguageResult& language,
                    PageFacts* facts, Body* body);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_CHINESE_CONVERSION_H_
