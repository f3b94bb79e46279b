#include "server/engine/dates.h"

#include <unicode/uniset.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "re2/re2.h"
#include "server/engine/date_rules.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

using date_rules::kMonthNames;

struct Match {
  size_t position = std::string::npos;
  ParsedDate date;
};

int Number(const std::string& digits, int fallback = -1) {
  int value = 0;
  return absl::SimpleAtoi(digits, &value) ? value : fallback;
}

int MonthNumber(const std::string& name) {
  std::string lower = absl::AsciiStrToLower(name);
  for (const auto& month : kMonthNames) {
    if (month.name == lower) return month.month;
  }
  return 0;
}

// "May|June|..." longest first, so "June" is not read as "Jun".
std::string MonthAlternation() {
  std::vector<absl::string_view> names;
  for (const auto& month : kMonthNames) names.push_back(month.name);
  std::sort(names.begin(), names.end(),
            [](absl::string_view a, absl::string_view b) {
              return a.size() > b.size();
            });
  return absl::StrJoin(names, "|");
}

// Builds a date from parts; nullopt when they are not a real day.
std::optional<ParsedDate> Civil(int year, int month, int day, int hour,
                                int minute, int second, const std::string& ampm,
                                absl::string_view text, size_t length) {
  if (year < date_rules::kMinYear || year > 2100 || month < 1 || month > 12 ||
      day < 1 || day > 31) {
    return std::nullopt;
  }
  v1::DatePrecision precision = v1::DATE_PRECISION_DAY;
  if (hour >= 0 && minute >= 0) {
    std::string lower = absl::AsciiStrToLower(ampm);
    if (lower == "pm" && hour < 12) hour += 12;
    if (lower == "am" && hour == 12) hour = 0;
    if (hour > 23 || minute > 59) return std::nullopt;
    precision =
        second >= 0 ? v1::DATE_PRECISION_SECOND : v1::DATE_PRECISION_MINUTE;
  } else {
    hour = minute = 0;
  }
  absl::CivilSecond civil(year, month, day, hour, minute, std::max(0, second));
  if (civil.day() != day || civil.month() != month) return std::nullopt;
  return ParsedDate{absl::FromCivil(civil, absl::UTCTimeZone()), precision,
                    std::string(text.substr(0, length)), absl::CivilDay(civil)};
}

// The date a pattern matched (`whole`, inside `text`) from its parts;
// nullopt when they are not a real day.
std::optional<Match> MatchOf(absl::string_view text, re2::StringPiece whole,
                             int year, int month, int day,
                             const std::string& hour, const std::string& minute,
                             const std::string& second,
                             const std::string& ampm) {
  std::optional<ParsedDate> date =
      Civil(year, month, day, Number(hour), Number(minute), Number(second),
            ampm, absl::string_view(whole.data(), whole.size()), whole.size());
  if (!date) return std::nullopt;
  return Match{static_cast<size_t>(whole.data() - text.data()), *date};
}

// Each finder looks for its form of date in `text` and reports the first.
using Finder = std::optional<Match> (*)(absl::string_view text,
                                        const DateHints& hints);

constexpr char kTime[] =
    R"((?:(?:\s*[T,@]\s*|\s+(?:at\s+|-\s+|um\s+|à\s+|a las\s+)?)(\d{1,2})[:：h](\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([ap]m)?)?)";

std::optional<Match> FindIso(absl::string_view text, const DateHints&) {
  // Built once and never freed: the pattern is assembled at run time.
  static const RE2* const kIso = new RE2(absl::StrCat(
      R"((?i)\b((\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))", kTime, ")"));
  re2::StringPiece input = Piece(text), whole;
  std::string y, m, d, hh, mm, ss, ampm;
  if (!RE2::PartialMatch(input, *kIso, &whole, &y, &m, &d, &hh, &mm, &ss,
                         &ampm)) {
    return std::nullopt;
  }
  return MatchOf(text, whole, Number(y), Number(m), Number(d), hh, mm, ss,
                 ampm);
}

std::optional<Match> FindCjk(absl::string_view text, const DateHints&) {
  static const LazyRE2 kCjk = {
      R"(((\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:\s*(\d{1,2})\s*[:：时點点]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?))"};
  re2::StringPiece whole;
  std::string y, m, d, hh, mm, ss;
  if (!RE2::PartialMatch(Piece(text), *kCjk, &whole, &y, &m, &d, &hh, &mm,
                         &ss)) {
    return std::nullopt;
  }
  return MatchOf(text, whole, Number(y), Number(m), Number(d), hh, mm, ss, "");
}

std::optional<Match> FindNumeric(absl::string_view text,
                                 const DateHints& hints) {
  // Built once and never freed: the pattern is assembled at run time.
  static const RE2* const kNumeric = new RE2(absl::StrCat(
      R"((?i)\b((\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))", kTime, ")"));
  re2::StringPiece whole;
  std::string a, b, y, hh, mm, ss, ampm;
  if (!RE2::PartialMatch(Piece(text), *kNumeric, &whole, &a, &b, &y, &hh, &mm,
                         &ss, &ampm)) {
    return std::nullopt;
  }
  int first = Number(a), second = Number(b);
  bool day_first = hints.day_first.value_or(true);
  if (first > 12) day_first = true;
  if (second > 12) day_first = false;
  int day = day_first ? first : second;
  int month = day_first ? second : first;
  return MatchOf(text, whole, Number(y), month, day, hh, mm, ss, ampm);
}

// "28.01.22": a dotted day, two-digit month and two-digit year, as German
// pages write it; dots only, since "01/02/03" could be any order.
std::optional<Match> FindShortYear(absl::string_view text, const DateHints&) {
  // Built once and never freed: the pattern is assembled at run time.
  static const RE2* const kShortYear =
      new RE2(absl::StrCat(R"((?i)(?:^|[^\d.])((\d{1,2})\.(\d{2})\.(\d{2}))",
                           kTime, R"()(?:[^\d.]|\.?$))"));
  re2::StringPiece whole;
  std::string d, m, y, hh, mm, ss, ampm;
  if (!RE2::PartialMatch(Piece(text), *kShortYear, &whole, &d, &m, &y, &hh, &mm,
                         &ss, &ampm)) {
    return std::nullopt;
  }
  int year = Number(y);
  year += year < 70 ? 2000 : 1900;
  return MatchOf(text, whole, year, Number(m), Number(d), hh, mm, ss, ampm);
}

// A form of date with its month named: its pattern with the month names
// (`named`), and the same with any run of letters where a name stands
// (`loose`), whose groups are the whole date, the day and the month's name
// (the month first unless `day_first`), the year, then the time's (kTime).
//
// The named pattern's 142 names make a large program (some 1,500
// instructions), and reading a match's groups with it costs some 45,000
// instructions a date; with the loose one, a few thousand. Every match of
// the named pattern is one of the loose pattern, and where the loose
// pattern's first match holds a name it is the named pattern's, with the
// same groups: a name is a whole run of the letters (what follows a name,
// ".", "," or a space, is none), so the two patterns read the same text the
// same way up to the month; before the first match of the loose pattern the
// named one has none either.
struct NamedMonthForm {
  // `before` ends by opening the month's group, `after` starts by closing it.
  NamedMonthForm(absl::string_view before, absl::string_view after,
                 bool day_first)
      : named_pattern(
            absl::StrCat(before, MonthAlternation(), after, kTime, ")")),
        named{named_pattern.c_str()},
        loose(absl::StrCat(before, R"([A-Za-z\x{80}-\x{10FFFF}]+)", after,
                           kTime, ")")),
        day_first(day_first) {}

  const std::string named_pattern;
  // Built at its first use, which most pages never make: it costs some five
  // million instructions to build.
  LazyRE2 named;
  RE2 loose;
  bool day_first;
};

std::optional<Match> FindNamedMonth(absl::string_view text,
                                    const NamedMonthForm& form) {
  re2::StringPiece whole;
  std::string first, second, y, hh, mm, ss, ampm;
  if (!RE2::PartialMatch(Piece(text), form.loose, &whole, &first, &second, &y,
                         &hh, &mm, &ss, &ampm)) {
    return std::nullopt;
  }
  // Not a name ("12 comments 2024", "DÉCEMBRE"): the named pattern reads.
  if (MonthNumber(form.day_first ? second : first) == 0 &&
      !RE2::PartialMatch(Piece(text), *form.named, &whole, &first, &second, &y,
                         &hh, &mm, &ss, &ampm)) {
    return std::nullopt;
  }
  const std::string& month = form.day_first ? second : first;
  const std::string& day = form.day_first ? first : second;
  return MatchOf(text, whole, Number(y), MonthNumber(month), Number(day), hh,
                 mm, ss, ampm);
}

// "June 4, 2025", "Sept. 4th 2025 at 10:20".
std::optional<Match> FindMonthFirst(absl::string_view text, const DateHints&) {
  // Built once and never freed: the patterns are assembled at run time.
  static const NamedMonthForm* const kMonthFirst = new NamedMonthForm(
      R"((?i)\b(()", R"()\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))",
      /*day_first=*/false);
  return FindNamedMonth(text, *kMonthFirst);
}

// "4 June 2025", "4. Juni 2025", "4 de junio de 2025".
std::optional<Match> FindDayFirst(absl::string_view text, const DateHints&) {
  // Built once and never freed: the patterns are assembled at run time.
  static const NamedMonthForm* const kDayFirst = new NamedMonthForm(
      R"((?i)\b((\d{1,2})(?:st|nd|rd|th|\.|º)?\s*(?:de\s+)?()",
      R"()\.?,?\s+(?:de\s+)?(\d{4}))", /*day_first=*/true);
  return FindNamedMonth(text, *kDayFirst);
}

std::optional<Match> FindRelative(absl::string_view text,
                                  const DateHints& hints) {
  if (hints.reference_time == absl::InfiniteFuture()) return std::nullopt;
  static const LazyRE2 kAgo = {
      R"((?i)((\d+)\s*(minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|(\d+)\s*(分钟|小时|小時|天|周)前|(昨天|前天|今天|刚刚|剛剛|yesterday|today|just now)))"};
  re2::StringPiece whole;
  std::string n1, unit1, n2, unit2, word;
  if (!RE2::PartialMatch(Piece(text), *kAgo, &whole, &n1, &unit1, &n2, &unit2,
                         &word)) {
    return std::nullopt;
  }
  absl::Time when = hints.reference_time;
  v1::DatePrecision precision = v1::DATE_PRECISION_MINUTE;
  std::string unit = absl::AsciiStrToLower(unit1.empty() ? unit2 : unit1);
  int count = Number(n1.empty() ? n2 : n1, 0);
  if (!word.empty()) {
    std::string lower = absl::AsciiStrToLower(word);
    precision = v1::DATE_PRECISION_DAY;
    if (lower == "昨天" || lower == "yesterday") when -= absl::Hours(24);
    if (lower == "前天") when -= absl::Hours(48);
    if (lower == "刚刚" || lower == "剛剛" || lower == "just now") {
      precision = v1::DATE_PRECISION_MINUTE;
    }
  } else if (absl::StartsWith(unit, "min") || unit == "分钟") {
    when -= absl::Minutes(count);
  } else if (absl::StartsWith(unit, "h") || unit == "小时" || unit == "小時") {
    when -= absl::Hours(count);
  } else if (absl::StartsWith(unit, "day") || unit == "天") {
    when -= absl::Hours(24) * count;  // in int64, as "201002010 days" needs
    precision = v1::DATE_PRECISION_DAY;
  } else {
    when -= absl::Hours(24 * 7) * count;
    precision = v1::DATE_PRECISION_DAY;
  }
  // "201002010 days ago" is no date (found by dates_fuzzer).
  if (absl::ToCivilYear(when, absl::UTCTimeZone()).year() <
      date_rules::kMinYear) {
    return std::nullopt;
  }
  return Match{
      static_cast<size_t>(whole.data() - text.data()),
      ParsedDate{when, precision, std::string(whole.data(), whole.size()),
                 absl::ToCivilDay(when, absl::UTCTimeZone())}};
}

std::optional<ParsedDate> ParseWhole(absl::string_view text) {
  std::string trimmed(absl::StripAsciiWhitespace(text));
  int64_t epoch = 0;
  if ((trimmed.size() == 10 || trimmed.size() == 13) &&
      absl::SimpleAtoi(trimmed, &epoch)) {
    return DateFromEpochMillis(trimmed.size() == 10 ? epoch * 1000 : epoch,
                               trimmed);
  }
  for (const auto& format : date_rules::kFormats) {
    absl::Time time;
    std::string error;
    if (absl::ParseTime(format.pattern, trimmed, absl::UTCTimeZone(), &time,
                        &error)) {
      if (absl::ToCivilYear(time, absl::UTCTimeZone()).year() <
          date_rules::kMinYear) {
        return std::nullopt;
      }
      // The day as written: "2020-02-24T21:25:54-05:00" is 24 February
      // where it was published, though 25 February in UTC.
      const absl::CivilDay utc_day =
          absl::ToCivilDay(time, absl::UTCTimeZone());
      std::optional<ParsedDate> written = FindDate(trimmed, {}, false);
      bool same_instant =
          written && written->day - utc_day <= 1 && utc_day - written->day <= 1;
      return ParsedDate{time, format.precision, trimmed,
                        same_instant ? written->day : utc_day};
    }
  }
  return std::nullopt;
}

}  // namespace

ParsedDate DateFromEpochMillis(int64_t millis, std::string text) {
  absl::Time time = absl::FromUnixMillis(millis);
  return ParsedDate{time, v1::DATE_PRECISION_SECOND, std::move(text),
                    absl::ToCivilDay(time, absl::UTCTimeZone())};
}

namespace {

// The digits a date's pattern cannot match without, as a text holds them.
struct DateDigits {
  bool any = false;
  // A year after white space and a month's first character (MayNameAMonth):
  // FindMonthFirst's and FindDayFirst's patterns, whose every match holds a
  // month's name and ends with "\s+(\d{4})".
  bool year_and_month = false;
  // A run of four ASCII digits: the year of every finder but FindShortYear.
  bool year = false;
  // A run of four digits after white space (RE2's \s, or a no-break space,
  // which FindDate makes a space).
  bool year_after_space = false;
  // A run of four digits then "-", "/" or ".": FindIso's "2025-06-04".
  bool year_first = false;
  // "-", "/" or "." then a run of four digits: FindNumeric's "04/06/2025".
  bool year_last = false;
  // A run of four digits and a "年": FindCjk's "2025年6月4日".
  bool year_of_nian = false;
  // A digit, a dot, two digits, a dot and two digits: FindShortYear's
  // "28.01.22".
  bool dotted_short_year = false;
};

// The characters between a numeric date's parts, as FindIso's and
// FindNumeric's patterns write them ([-/.]).
bool IsDateSeparator(char c) { return c == '-' || c == '/' || c == '.'; }

// Whether the byte before a run of digits may end the "\s+" the named-month
// patterns put before their year: RE2's \s ([\t\n\f\r ]), or the last byte
// of a no-break space (C2 A0), which FindDate makes a space before it
// searches (any byte A0 passes: the test may say yes where no space is).
bool MayEndSpace(char c) {
  return IsAsciiWhitespace(c) || static_cast<unsigned char>(c) == 0xA0;
}

DateDigits DigitsOf(absl::string_view text) {
  DateDigits digits;
  // Most texts hold no digit: none of them is read byte by byte.
  if (!HasAsciiDigit(text)) return digits;
  size_t run = 0;
  // Whether the run of digits follows a separator; white space.
  bool after_separator = false;
  bool after_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
      if (run >= 4 && IsDateSeparator(text[i])) digits.year_first = true;
      run = 0;
      continue;
    }
    digits.any = true;
    if (run == 0) {
      after_separator = i > 0 && IsDateSeparator(text[i - 1]);
      after_space = i > 0 && MayEndSpace(text[i - 1]);
    }
    if (++run >= 4) {
      digits.year = true;
      digits.year_last = digits.year_last || after_separator;
      digits.year_after_space = digits.year_after_space || after_space;
    }
    if (!digits.dotted_short_year && i + 6 < text.size()) {
      const absl::string_view next = text.substr(i + 1, 6);
      digits.dotted_short_year =
          next[0] == '.' && absl::ascii_isdigit(next[1]) &&
          absl::ascii_isdigit(next[2]) && next[3] == '.' &&
          absl::ascii_isdigit(next[4]) && absl::ascii_isdigit(next[5]);
    }
  }
  digits.year_of_nian = digits.year && absl::StrContains(text, "年");
  return digits;
}

// The first characters of kMonthNames, closed over case as ICU closes them
// (a superset of RE2's case folding: "(?i)kwietnia" matches the Kelvin sign).
const icu::UnicodeSet& MonthInitials() {
  static const icu::UnicodeSet* const kInitials = [] {
    auto* initials = new icu::UnicodeSet();
    for (const auto& month : kMonthNames) {
      const auto* bytes = reinterpret_cast<const uint8_t*>(month.name.data());
      int32_t at = 0;
      UChar32 first;
      U8_NEXT(bytes, at, static_cast<int32_t>(month.name.size()), first);
      initials->add(first);
    }
    initials->closeOver(USET_CASE_INSENSITIVE);
    initials->freeze();
    return initials;
  }();
  return *kInitials;
}

}  // namespace

bool MayNameAMonth(absl::string_view text) {
  const icu::UnicodeSet& initials = MonthInitials();
  bool found = false;
  ForEachCodePoint(text, [&](UChar32 c, absl::string_view) {
    found = initials.contains(c);
    return !found;
  });
  return found;
}

std::optional<ParsedDate> FindDate(absl::string_view text,
                                   const DateHints& hints,
                                   bool allow_relative) {
  // Each finder with the digits its pattern needs (RE2's \d is [0-9]): a
  // text without them (most of a page's short texts, and most with a digit:
  // "12 comments", "3 min read") skips the finder's scan, and callers need
  // not test for digits first.
  struct FinderNeeds {
    Finder find;
    bool DateDigits::*needs;
  };
  static constexpr FinderNeeds kFinders[] = {
      {&FindIso, &DateDigits::year_first},
      {&FindCjk, &DateDigits::year_of_nian},
      {&FindNumeric, &DateDigits::year_last},
      {&FindShortYear, &DateDigits::dotted_short_year},
      {&FindMonthFirst, &DateDigits::year_and_month},
      {&FindDayFirst, &DateDigits::year_and_month},
  };
  DateDigits digits = DigitsOf(text);
  if (!digits.any && !allow_relative) return std::nullopt;
  // Pages put no-break spaces between a date's parts ("11. November 2021").
  std::string spaced;
  if (absl::StrContains(text, "\xC2\xA0")) {
    spaced = absl::StrReplaceAll(text, {{"\xC2\xA0", " "}});
    text = spaced;
  }
  digits.year_and_month = digits.year_after_space && MayNameAMonth(text);
  std::optional<Match> best;
  for (const auto& [find, needs] : kFinders) {
    if (!(digits.*needs)) continue;
    std::optional<Match> match = find(text, hints);
    if (match && (!best || match->position < best->position)) best = match;
  }
  if (!best && allow_relative) best = FindRelative(text, hints);
  if (!best) return std::nullopt;
  return best->date;
}

std::optional<ParsedDate> ParseDate(absl::string_view text,
                                    const DateHints& hints) {
  if (text.empty() || text.size() > 200) return std::nullopt;
  if (auto whole = ParseWhole(text)) return whole;
  return FindDate(text, hints, /*allow_relative=*/true);
}

std::optional<ParsedDate> DateFromUrl(absl::string_view url) {
  static const LazyRE2 kUrlDate = {
      R"([/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$))"};
  // "/meldungen/29-10-2021": the day first, as the page's country writes
  // it; a US-style month first is read when the day cannot be a month.
  static const LazyRE2 kDayFirstUrlDate = {
      R"([/_-](0[1-9]|[12]\d|3[01])[-_.](0[1-9]|[12]\d|3[01])[-_.]((?:19|20)\d{2})(?:[/_.-]|$))"};
  re2::StringPiece input = Piece(url);
  std::string y, m, d;
  if (!RE2::PartialMatch(input, *kUrlDate, &y, &m, &d) &&
      !RE2::PartialMatch(input, *kDayFirstUrlDate, &d, &m, &y)) {
    return std::nullopt;
  }
  if (Number(m) > 12) std::swap(d, m);
  if (Number(m) > 12) return std::nullopt;
  return Civil(Number(y), Number(m), Number(d), -1, -1, -1, "",
               absl::StrCat(y, "-", m, "-", d), 10);
}

}  // namespace lede::engine
