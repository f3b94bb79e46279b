// Bylines: people's names as pages write them, in English and Chinese.
#ifndef LEDE_SERVER_ENGINE_BYLINES_H_
#define LEDE_SERVER_ENGINE_BYLINES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace lede::engine {

// The names in a byline: "By Jane Doe and John Roe | June 4" -> {"Jane Doe",
// "John Roe"}; "作者：张三、李四" -> {"张三", "李四"}. Drops prefixes ("By",
// "Von", "Par", "作者："), dates, e-mail addresses, URLs and trailing roles.
std::vector<std::string> SplitAuthors(absl::string_view byline);

// Roles a Chinese page names in its text, each a list of names.
struct ChineseCredits {
  std::vector<std::string> authors;  // 作者 / 记者 / 文 / 撰文
  std::vector<std::string> editors;  // 责任编辑 / 编辑 / 校对
  std::string source;                // 来源 / 稿源 / 出处
};

// Reads the credits a short Chinese text names ("来源：环球网 记者 张三
// 责任编辑：李四").
ChineseCredits ReadChineseCredits(absl::string_view text);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_BYLINES_H_
