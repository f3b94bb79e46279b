#include "server/engine/bylines.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "re2/re2.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

// Longest plausible name, in code points.
constexpr size_t kMaxNameLength = 60;
// Most words in a name ("Maria del Carmen Ruiz Lopez").
constexpr int kMaxNameWords = 5;
// Most code points of a name in a script without spaces (a Chinese pen name
// can be long; a sentence is longer).
constexpr size_t kMaxUnspacedCjkName = 16;
// Most characters of a Chinese name written with padding spaces ("王 建宏").
constexpr size_t kMaxPaddedChineseName = 4;

bool PlausibleName(absl::string_view name) {
  if (name.empty() || CodePointCount(name) > kMaxNameLength) return false;
  if (absl::StrContains(name, "@") || absl::StrContains(name, "://") ||
      absl::StrContains(name, "www.")) {
    return false;
  }
  int digits = 0, spaces = 0;
  for (char c : name) {
    digits += absl::ascii_isdigit(c);
    spaces += c == ' ';
  }
  // Sentences from a bio are not names, in Chinese either (no spaces).
  if (spaces == 0 && CodePointCount(name) > kMaxUnspacedCjkName &&
      std::none_of(name.begin(), name.end(), absl::ascii_isalpha)) {
    return false;
  }
  // A name holds a letter and no sentence's end ("[", "……可靠！）。").
  if (LetterCount(name) == 0) return false;
  for (absl::string_view end : {"。", "！", "？"}) {
    if (absl::StrContains(name, end)) return false;
  }
  // What Chinese pages print where they know no author.
  for (absl::string_view unknown : {"未知", "佚名", "匿名", "不详", "不詳"}) {
    if (name == unknown) return false;
  }
  return digits == 0 && spaces < kMaxNameWords && name.back() != '.';
}

// "赵  培" -> "赵培": journals and templates pad a two-character Chinese
// name to the width of three. Parts join when all are Han, one is a single
// character and the whole is a name's length; two full names ("王建宏
// 张文攀") stay apart.
std::string JoinPaddedChineseName(std::string name) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(name, ' ', absl::SkipEmpty());
  if (parts.size() < 2) return name;
  size_t total = 0;
  bool single = false;
  for (absl::string_view part : parts) {
    size_t length = 0;
    bool han = true;
    ForEachCodePoint(part, [&](UChar32 c, absl::string_view) {
      han = IsHan(c);
      length += han;
      return han;
    });
    if (!han) return name;
    total += length;
    single = single || length == 1;
  }
  if (!single || total > kMaxPaddedChineseName) return name;
  return absl::StrJoin(parts, "");
}

// Markup a broken template printed where a value belonged ("来源： size="20"").
bool LooksLikeMarkup(absl::string_view value) {
  return value.find_first_of("<>=\"") != absl::string_view::npos;
}

}  // namespace

std::vector<std::string> SplitAuthors(absl::string_view byline) {
  std::string text = CollapseWhitespace(byline);
  // Cut at what follows the names: a date, a separator, "Updated".
  static const LazyRE2 kTail = {
      R"((?i)(\s*[|•·–—]\s*|\s+-\s+|(?:\blast\s+)?\bupdated\b|\bpublished\b|\bposted\b|\bon\s+\w+\s+\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\s*(?:责任编辑|責任編輯|责编|编辑|編輯)\s*[:：]|\s*[+＋]?\s*关注\s*$).*$)"};
  RE2::Replace(&text, *kTail, "");
  static const LazyRE2 kPrefix = {
      R"((?i)^\s*(?:(?:written\s+by|posted\s+by|reviewed\s+by|by|von|par|por|door|author|autor|auteur)(?:\s*[:：]\s*|\s+)|(?:作者|记者|記者|撰文|文)\s*[:：/]?\s*))"};
  RE2::Replace(&text, *kPrefix, "");
  std::vector<std::string> names;
  // ByAnyChar splits on bytes: make the CJK separators ASCII first.
  text = absl::StrReplaceAll(text, {{"、", ","}, {"，", ","}, {"；", ","}});
  for (absl::string_view part : absl::StrSplit(text, absl::ByAnyChar(",;&/"))) {
    // " and " / " und " / " et " / " y " join the last two names.
    std::string piece(part);
    static const LazyRE2 kAnd = {R"((?i)\s+(?:and|und|et|y|e|en|og)\s+)"};
    RE2::GlobalReplace(&piece, *kAnd, "\x1f");
    for (absl::string_view name : absl::StrSplit(piece, '\x1f')) {
      std::string clean = CollapseWhitespace(name);
      static const LazyRE2 kTrailingRole = {
          R"((?i)\s*(?:,\s*)?(?:staff writer|contributor|reporter|editor|correspondent)$)"};
      RE2::Replace(&clean, *kTrailingRole, "");
      if (PlausibleName(clean)) names.push_back(JoinPaddedChineseName(clean));
    }
  }
  return names;
}

ChineseCredits ReadChineseCredits(absl::string_view text) {
  ChineseCredits credits;
  static const LazyRE2 kSource = {
      R"((?:来源|來源|稿源|出处|出處)\s*[:：]\s*([^\s/|｜,，:：()（）]{2,20}))"};
  static const LazyRE2 kEditor = {
      R"((?:责任编辑|責任編輯|编辑|編輯|校对|责编)\s*[:：]\s*([^\s/|｜,，:：()（）]{2,12}))"};
  // A name ends at a separator: "记者：首先欢迎你..." opens an interview's
  // question, "告诉记者：“..." a quote; neither names anyone. The reporter
  // is the masthead's ("新京报记者 彭冲", "（记者 胡晓蓉）") or signs a
  // dispatch ("（姚峰 上海报道）").
  static const LazyRE2 kAuthor = {
      R"((?:作者|记者|記者|撰文|(?:^|[\s|（(])文)\s*[:：/]\s*([^\s/|｜,，:：()（）“”"「」《》。！？]{2,12})(?:$|[\s/|｜,，:：()（）])|)"
      R"((?:^|[\s（(]|报|報|社|台|刊|网|網|特约|特約)(?:记者|記者)\s+([^\s/|｜,，:：()（）“”"「」《》。！？]{2,4})(?:$|[\s/|｜,，:：()（）])|)"
      R"([（(]\s*(\p{Han}{2,4})\s+\p{Han}{2,8}报道\s*[)）])"};
  std::string value, other;
  re2::StringPiece input = Piece(text);
  if (RE2::PartialMatch(input, *kSource, &value) && !LooksLikeMarkup(value)) {
    credits.source = value;
  }
  re2::StringPiece scan = input;
  while (RE2::FindAndConsume(&scan, *kEditor, &value)) {
    if (!LooksLikeMarkup(value)) credits.editors.push_back(value);
  }
  scan = input;
  std::string dispatch;
  while (RE2::FindAndConsume(&scan, *kAuthor, &value, &other, &dispatch)) {
    std::string& name = !value.empty()   ? value
                        : !other.empty() ? other
                                         : dispatch;
    if (!LooksLikeMarkup(name)) credits.authors.push_back(name);
  }
  return credits;
}

}  // namespace lede::engine
