// Data for the language stage: which scripts name their language outright,
// how CLD2's codes read in BCP 47, which hints mean Traditional Chinese, and
// the languages lede claims to identify.
#ifndef LEDE_SERVER_ENGINE_LANGUAGE_RULES_H_
#define LEDE_SERVER_ENGINE_LANGUAGE_RULES_H_

#include <unicode/uscript.h>

#include "absl/strings/string_view.h"

namespace lede::engine {

struct ScriptLanguage {
  UScriptCode script;
  absl::string_view language;  // BCP 47
  // True when the script is written for this one language only (among the
  // languages lede claims), so the script alone decides. False: the language
  // is only the likeliest guess when CLD2 cannot tell.
  bool exclusive;
};

inline constexpr ScriptLanguage kScriptLanguages[] = {
    {USCRIPT_HANGUL, "ko", true},      {USCRIPT_HIRAGANA, "ja", true},
    {USCRIPT_KATAKANA, "ja", true},    {USCRIPT_GREEK, "el", true},
    {USCRIPT_ARMENIAN, "hy", true},    {USCRIPT_GEORGIAN, "ka", true},
    {USCRIPT_THAI, "th", true},        {USCRIPT_LAO, "lo", true},
    {USCRIPT_KHMER, "km", true},       {USCRIPT_SINHALA, "si", true},
    {USCRIPT_GUJARATI, "gu", true},    {USCRIPT_GURMUKHI, "pa", true},
    {USCRIPT_KANNADA, "kn", true},     {USCRIPT_MALAYALAM, "ml", true},
    {USCRIPT_TAMIL, "ta", true},       {USCRIPT_TELUGU, "te", true},
    {USCRIPT_ORIYA, "or", true},       {USCRIPT_THAANA, "dv", true},
    {USCRIPT_CHEROKEE, "chr", true},   {USCRIPT_SYRIAC, "syr", true},
    {USCRIPT_HAN, "zh", false},        {USCRIPT_LATIN, "en", false},
    {USCRIPT_CYRILLIC, "ru", false},   {USCRIPT_ARABIC, "ar", false},
    {USCRIPT_DEVANAGARI, "hi", false}, {USCRIPT_BENGALI, "bn", false},
    {USCRIPT_HEBREW, "he", false},     {USCRIPT_ETHIOPIC, "am", false},
    {USCRIPT_TIBETAN, "bo", false},    {USCRIPT_MYANMAR, "my", false},
};

// Japanese text mixes Han with kana; this share of kana among Han + kana
// says Japanese (Chinese text quotes a kana name now and then).
inline constexpr double kKanaShareForJapanese = 0.1;

// Texts with fewer letters than this (titles, a sentence) get runners-up
// even when CLD2 calls its answer reliable, and, when CLD2 rather than the
// script decided, a confidence scaled down to half for the shortest.
inline constexpr int kShortTextLetters = 200;

// A confusable neighbour's confidence, as a share of the guess's; the
// second neighbour gets half that, the third a third.
inline constexpr float kConfusableRunnerUp = 0.5f;

// Chinese is reliable when the script is this sure (two telling characters
// that agree and none against: (2 + 1) / (2 + 2)).
inline constexpr float kReliableChineseScript = 0.75f;

// A script that names its language is reliable from this many letters
// (서울); one letter may be a symbol (α in a formula).
inline constexpr int kMinScriptLetters = 2;

// A long text is identified from this many pieces of this many bytes,
// spread from its start to its end so that a mix of languages keeps its
// shares: CLD2's time grows with the text (35 MB/s here), its verdict stops
// changing after a few thousand letters.
inline constexpr int kLanguageSamplePieces = 3;
inline constexpr int kLanguageSamplePieceBytes = 1024;

// CLD2 calls "Hello world" reliable; lede needs this many letters.
inline constexpr int kMinReliableLetters = 30;

// Confidence that a text in Han characters only is Japanese: short (a
// title, a name) and long.
inline constexpr float kJapaneseHanOnlyShort = 0.2f;
inline constexpr float kJapaneseHanOnlyLong = 0.05f;

// Below this share of the text, a second language is noise, not a mix.
inline constexpr float kMinLanguageShare = 0.05f;

// CLD2 codes that are not the BCP 47 tags callers expect.
struct CodeFix {
  absl::string_view cld2;
  absl::string_view bcp47;
};
inline constexpr CodeFix kCld2CodeFixes[] = {
    {"iw", "he"},    {"jw", "jv"},      {"in", "id"},    {"mo", "ro"},
    {"tl", "fil"},   {"zh-Hant", "zh"}, {"sr-ME", "sr"}, {"no", "nb"},
    {"xx-Qaai", ""}, {"un", ""},
};

// Languages CLD2 confuses with each other on short texts. When a short or
// unreliable text is identified as one of them, the others are its
// runners-up (DetectLanguage's candidates).
struct ConfusableGroup {
  absl::string_view languages;  // space-separated BCP 47
};
inline constexpr ConfusableGroup kConfusableLanguages[] = {
    {"id ms"},       {"nb nn da sv"},    {"hr sr bs sl"}, {"cs sk"},
    {"es gl pt ca"}, {"ru uk be bg mk"}, {"fa ur ps ar"}, {"hi mr ne"},
    {"af nl"},       {"xh zu ss"},       {"rw rn"},       {"tn st nso"},
};

// Silent reading speed by script, for reading_time_seconds. Alphabetic and
// abjad scripts are read in words; Han and kana in characters, since the
// word a reader takes in is not what ICU's word breaker returns. Rates are
// from the International Reading Speed Texts (Trauzettel-Klosinski & Dietz,
// "Standardized Assessment of Reading Performance: The New International
// Reading Speed Texts IReST", IOVS 2012), adults reading their language:
// English 228 words a minute, Russian 184, Arabic 138, Hebrew 187, Chinese
// 255 characters a minute, Japanese 357 characters a minute.
enum class ReadingUnit { kWords, kCharacters };
struct ReadingRate {
  UScriptCode script;
  ReadingUnit unit;
  double per_minute;
};
inline constexpr ReadingRate kReadingRates[] = {
    {USCRIPT_LATIN, ReadingUnit::kWords, 228},
    {USCRIPT_CYRILLIC, ReadingUnit::kWords, 184},
    {USCRIPT_GREEK, ReadingUnit::kWords, 184},
    {USCRIPT_ARABIC, ReadingUnit::kWords, 138},
    {USCRIPT_HEBREW, ReadingUnit::kWords, 187},
    {USCRIPT_HAN, ReadingUnit::kCharacters, 255},
    {USCRIPT_HIRAGANA, ReadingUnit::kCharacters, 357},
    {USCRIPT_KATAKANA, ReadingUnit::kCharacters, 357},
};
// Han characters in Japanese text (kana present, see kKanaShareForJapanese)
// are read at the Japanese rate.
inline constexpr double kJapaneseCharactersPerMinute = 357;
// Scripts without a measured rate (Hangul, Indic, Thai, ...): IReST's mean
// over its 17 languages.
inline constexpr double kDefaultWordsPerMinute = 184;

// Lower-cased content-language prefixes and TLDs that mean Traditional
// Chinese when the characters themselves do not tell.
inline constexpr absl::string_view kTraditionalLanguageHints[] = {
    "zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh_tw", "zh_hk", "zh_mo",
};
inline constexpr absl::string_view kTraditionalTlds[] = {"tw", "hk", "mo"};

// The languages lede claims to identify: BCP 47 tag and the ISO 15924 scripts
// it is identified in: the languages of the UDHR (bench/language) that lede
// names right on the whole declaration in that script. CLD2 knows some more
// that lede still reports but does not claim: Bosnian (read as Croatian),
// Rundi (as Kinyarwanda), Occitan (its Auvergnat and Provençal texts read as
// Corsican and Romansh), and the languages the UDHR set does not have.
struct ClaimedLanguage {
  absl::string_view language;
  absl::string_view scripts;  // space-separated ISO 15924 codes
};
inline constexpr ClaimedLanguage kClaimedLanguages[] = {
    {"aa", "Latn"},       {"ab", "Cyrl"},      {"af", "Latn"},
    {"ak", "Latn"},       {"am", "Ethi"},      {"ar", "Arab"},
    {"ay", "Latn"},       {"az", "Latn"},      {"be", "Cyrl"},
    {"bg", "Cyrl"},       {"bi", "Latn"},      {"bn", "Beng"},
    {"bo", "Tibt"},       {"br", "Latn"},      {"ca", "Latn"},
    {"ceb", "Latn"},      {"chr", "Cher"},     {"co", "Latn"},
    {"crs", "Latn"},      {"cs", "Latn"},      {"cy", "Latn"},
    {"da", "Latn"},       {"de", "Latn"},      {"dv", "Thaa"},
    {"dz", "Tibt"},       {"el", "Grek"},      {"en", "Latn"},
    {"eo", "Latn"},       {"es", "Latn"},      {"et", "Latn"},
    {"eu", "Latn"},       {"fa", "Arab"},      {"fi", "Latn"},
    {"fil", "Latn Tglg"}, {"fj", "Latn"},      {"fo", "Latn"},
    {"fr", "Latn"},       {"fy", "Latn"},      {"ga", "Latn"},
    {"gd", "Latn"},       {"gl", "Latn"},      {"gn", "Latn"},
    {"gu", "Gujr"},       {"gv", "Latn"},      {"ha", "Latn"},
    {"haw", "Latn"},      {"he", "Hebr"},      {"hi", "Deva"},
    {"hr", "Latn"},       {"ht", "Latn"},      {"hu", "Latn"},
    {"hy", "Armn"},       {"ia", "Latn"},      {"id", "Latn"},
    {"ig", "Latn"},       {"is", "Latn"},      {"it", "Latn"},
    {"iu", "Cans"},       {"ja", "Jpan"},      {"jv", "Latn"},
    {"ka", "Geor"},       {"kha", "Latn"},     {"kk", "Cyrl"},
    {"kl", "Latn"},       {"km", "Khmr"},      {"kn", "Knda"},
    {"ko", "Hang"},       {"ky", "Cyrl"},      {"la", "Latn"},
    {"lb", "Latn"},       {"lg", "Latn"},      {"ln", "Latn"},
    {"lo", "Laoo"},       {"lt", "Latn"},      {"lv", "Latn"},
    {"mg", "Latn"},       {"mi", "Latn"},      {"mk", "Cyrl"},
    {"ml", "Mlym"},       {"mn", "Cyrl Mong"}, {"mr", "Deva"},
    {"ms", "Latn"},       {"mt", "Latn"},      {"my", "Mymr"},
    {"nb", "Latn"},       {"ne", "Deva"},      {"nl", "Latn"},
    {"nn", "Latn"},       {"nso", "Latn"},     {"ny", "Latn"},
    {"om", "Latn"},       {"pa", "Guru"},      {"pl", "Latn"},
    {"ps", "Arab"},       {"pt", "Latn"},      {"qu", "Latn"},
    {"rm", "Latn"},       {"ro", "Latn"},      {"ru", "Cyrl"},
    {"rw", "Latn"},       {"sa", "Deva"},      {"sg", "Latn"},
    {"si", "Sinh"},       {"sk", "Latn"},      {"sl", "Latn"},
    {"sm", "Latn"},       {"sn", "Latn"},      {"so", "Latn"},
    {"sq", "Latn"},       {"sr", "Cyrl"},      {"ss", "Latn"},
    {"st", "Latn"},       {"su", "Latn"},      {"sv", "Latn"},
    {"sw", "Latn"},       {"ta", "Taml"},      {"te", "Telu"},
    {"tg", "Cyrl"},       {"th", "Thai"},      {"ti", "Ethi"},
    {"tk", "Cyrl Latn"},  {"tn", "Latn"},      {"to", "Latn"},
    {"tr", "Latn"},       {"ts", "Latn"},      {"tt", "Cyrl"},
    {"ug", "Arab"},       {"uk", "Cyrl"},      {"ur", "Arab"},
    {"uz", "Cyrl Latn"},  {"ve", "Latn"},      {"vi", "Latn"},
    {"war", "Latn"},      {"wo", "Latn"},      {"xh", "Latn"},
    {"yi", "Hebr"},       {"yo", "Latn"},      {"za", "Latn"},
    {"zh-Hans", "Hani"},  {"zh-Hant", "Hani"}, {"zu", "Latn"},
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_LANGUAGE_RULES_H_
