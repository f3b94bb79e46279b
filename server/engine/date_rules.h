// Data for date parsing: month names per language and absl::ParseTime
// formats, apart from the algorithm in dates.cc.
#ifndef LEDE_SERVER_ENGINE_DATE_RULES_H_
#define LEDE_SERVER_ENGINE_DATE_RULES_H_

#include "absl/strings/string_view.h"
#include "lede/v1/lede.pb.h"

namespace lede::engine::date_rules {

struct MonthName {
  absl::string_view name;  // lower case
  int month;
};

// English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish,
// Polish, Czech, Russian and Ukrainian (the genitive a day-first date uses:
// "15 августа 2016", "5 maja 2021"); full names and the abbreviations pages
// use. Lower case: a capital outside ASCII is not folded.
inline constexpr MonthName kMonthNames[] = {
    {"january", 1},    {"february", 2},      {"march", 3},
    {"april", 4},      {"may", 5},           {"june", 6},
    {"july", 7},       {"august", 8},        {"september", 9},
    {"october", 10},   {"november", 11},     {"december", 12},
    {"jan", 1},        {"feb", 2},           {"mar", 3},
    {"apr", 4},        {"jun", 6},           {"jul", 7},
    {"aug", 8},        {"sep", 9},           {"sept", 9},
    {"oct", 10},       {"nov", 11},          {"dec", 12},
    {"januar", 1},     {"februar", 2},       {"märz", 3},
    {"mai", 5},        {"juni", 6},          {"juli", 7},
    {"oktober", 10},   {"dezember", 12},     {"jänner", 1},
    {"mär", 3},        {"okt", 10},          {"dez", 12},
    {"janvier", 1},    {"février", 2},       {"fevrier", 2},
    {"mars", 3},       {"avril", 4},         {"juin", 6},
    {"juillet", 7},    {"août", 8},          {"aout", 8},
    {"septembre", 9},  {"octobre", 10},      {"novembre", 11},
    {"décembre", 12},  {"decembre", 12},     {"janv", 1},
    {"févr", 2},       {"avr", 4},           {"juil", 7},
    {"déc", 12},       {"enero", 1},         {"febrero", 2},
    {"marzo", 3},      {"abril", 4},         {"mayo", 5},
    {"junio", 6},      {"julio", 7},         {"agosto", 8},
    {"septiembre", 9}, {"setiembre", 9},     {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12},    {"gennaio", 1},
    {"febbraio", 2},   {"aprile", 4},        {"maggio", 5},
    {"giugno", 6},     {"luglio", 7},        {"settembre", 9},
    {"ottobre", 10},   {"dicembre", 12},     {"janeiro", 1},
    {"fevereiro", 2},  {"março", 3},         {"maio", 5},
    {"junho", 6},      {"julho", 7},         {"setembro", 9},
    {"outubro", 10},   {"novembro", 11},     {"dezembro", 12},
    {"januari", 1},    {"februari", 2},      {"maart", 3},
    {"mei", 5},        {"augustus", 8},      {"maj", 5},
    {"augusti", 8},    {"stycznia", 1},      {"lutego", 2},
    {"marca", 3},      {"kwietnia", 4},      {"maja", 5},
    {"czerwca", 6},    {"lipca", 7},         {"sierpnia", 8},
    {"września", 9},   {"października", 10}, {"listopada", 11},
    {"grudnia", 12},   {"ledna", 1},         {"února", 2},
    {"března", 3},     {"dubna", 4},         {"května", 5},
    {"června", 6},     {"července", 7},      {"srpna", 8},
    {"září", 9},       {"října", 10},        {"listopadu", 11},
    {"prosince", 12},  {"января", 1},        {"февраля", 2},
    {"марта", 3},      {"апреля", 4},        {"мая", 5},
    {"июня", 6},       {"июля", 7},          {"августа", 8},
    {"сентября", 9},   {"октября", 10},      {"ноября", 11},
    {"декабря", 12},   {"січня", 1},         {"лютого", 2},
    {"березня", 3},    {"квітня", 4},        {"травня", 5},
    {"червня", 6},     {"липня", 7},         {"серпня", 8},
    {"вересня", 9},    {"жовтня", 10},       {"листопада", 11},
    {"грудня", 12},
};

struct Format {
  const char* pattern;  // absl::ParseTime format
  v1::DatePrecision precision;
};

// Whole-value formats, most specific first (meta contents, datetime attrs).
inline constexpr Format kFormats[] = {
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
    {"%Y%m%d", v1::DATE_PRECISION_DAY},
    {"%a, %d %b %Y %H:%M:%S %z", v1::DATE_PRECISION_SECOND},
    {"%a, %d %b %Y %H:%M:%S GMT", v1::DATE_PRECISION_SECOND},
    {"%a, %d %b %Y %H:%M:%S", v1::DATE_PRECISION_SECOND},
    {"%d %b %Y %H:%M:%S %z", v1::DATE_PRECISION_SECOND},
};

// Earliest year believed for a news page.
inline constexpr int kMinYear = 1990;

}  // namespace lede::engine::date_rules

#endif  // LEDE_SERVER_ENGINE_DATE_RULES_H_
