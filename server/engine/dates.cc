#include "server/engine/dates.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

struct Format {
  const char* pattern;  // absl::ParseTime format
  v1::DatePrecision precision;
};

// Data: formats tried in order, most specific first.
constexpr Format kFormats[] = {
    {"%Y-%m-%dT%H:%M:%E*S%Ez", v1::DATE_PRECISION_SECOND},
    {"%Y-%m-%dT%H:%M:%E*SZ", v1::DATE_PRECISION_SECOND},
    {"%Y-%m-%dT%H:%M:%E*S", v1::DATE_PRECISION_SECOND},
    {"%Y-%m-%dT%H:%M%Ez", v1::DATE_PRECISION_MINUTE},
    {"%Y-%m-%dT%H:%MZ", v1::DATE_PRECISION_MINUTE},
    {"%Y-%m-%dT%H:%M", v1::DATE_PRECISION_MINUTE},
    {"%Y-%m-%d %H:%M:%E*S%Ez", v1::DATE_PRECISION_SECOND},
    {"%Y-%m-%d %H:%M:%E*S %z", v1::DATE_PRECISION_SECOND},
    {"%Y-%m-%d %H:%M:%E*S", v1::DATE_PRECISION_SECOND},
    {"%Y-%m-%d %H:%M", v1::DATE_PRECISION_MINUTE},
    {"%Y-%m-%d", v1::DATE_PRECISION_DAY},
    {"%Y/%m/%d %H:%M:%S", v1::DATE_PRECISION_SECOND},
    {"%Y/%m/%d %H:%M", v1::DATE_PRECISION_MINUTE},
    {"%Y/%m/%d", v1::DATE_PRECISION_DAY},
    {"%a, %d %b %Y %H:%M:%S %z", v1::DATE_PRECISION_SECOND},
    {"%a, %d %b %Y %H:%M:%S GMT", v1::DATE_PRECISION_SECOND},
    {"%a, %d %b %Y %H:%M:%S", v1::DATE_PRECISION_SECOND},
    {"%d %b %Y %H:%M:%S %z", v1::DATE_PRECISION_SECOND},
    {"%d %b %Y", v1::DATE_PRECISION_DAY},
    {"%b %d, %Y", v1::DATE_PRECISION_DAY},
    {"%B %d, %Y", v1::DATE_PRECISION_DAY},
    {"%d %B %Y", v1::DATE_PRECISION_DAY},
};

std::optional<ParsedDate> ParseCjkDate(absl::string_view text) {
  static const LazyRE2 kCjk = {
      R"((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?)?)"};
  int year, month, day;
  std::string hour, minute, second;
  if (!RE2::PartialMatch(Piece(text), *kCjk, &year, &month, &day, &hour,
                         &minute, &second)) {
    return std::nullopt;
  }
  absl::CivilSecond civil(year, month, day, 0, 0, 0);
  v1::DatePrecision precision = v1::DATE_PRECISION_DAY;
  int h = 0, m = 0, s = 0;
  if (absl::SimpleAtoi(hour, &h) && absl::SimpleAtoi(minute, &m)) {
    precision = v1::DATE_PRECISION_MINUTE;
    if (absl::SimpleAtoi(second, &s)) precision = v1::DATE_PRECISION_SECOND;
    civil = absl::CivilSecond(year, month, day, h, m, s);
  }
  if (civil.year() != year || civil.month() != month || civil.day() != day) {
    return std::nullopt;
  }
  return ParsedDate{absl::FromCivil(civil, absl::UTCTimeZone()), precision,
                    std::string(text)};
}

}  // namespace

ParsedDate DateFromEpochMillis(int64_t millis, std::string text) {
  return ParsedDate{absl::FromUnixMillis(millis), v1::DATE_PRECISION_SECOND,
                    std::move(text)};
}

std::optional<ParsedDate> ParseDate(absl::string_view raw) {
  std::string text(absl::StripAsciiWhitespace(raw));
  if (text.empty() || text.size() > 200) return std::nullopt;
  int64_t epoch = 0;
  if ((text.size() == 10 || text.size() == 13) &&
      absl::SimpleAtoi(text, &epoch)) {
    return DateFromEpochMillis(text.size() == 10 ? epoch * 1000 : epoch, text);
  }
  for (const Format& format : kFormats) {
    absl::Time time;
    std::string error;
    if (absl::ParseTime(format.pattern, text, absl::UTCTimeZone(), &time,
                        &error)) {
      return ParsedDate{time, format.precision, text};
    }
  }
  return ParseCjkDate(text);
}

}  // namespace lede::engine
