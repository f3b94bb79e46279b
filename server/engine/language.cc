#include "server/engine/language.h"

// CLD2's header uses FILE without including <cstdio>.
#include <cstdio>
// clang-format off
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
// clang-format on
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <memory>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/engine/chinese_script.h"
#include "server/engine/language_rules.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine {
namespace {

// Letters of a text counted by script (ICU), kana folded into one count.
// An array by script code, not a map: CJK text adds to it once a character.
// ICU 72 has 200 script codes; a code past the array (none yet) is not
// counted.
constexpr int kScriptSlots = 256;
struct ScriptCounts {
  std::array<int, kScriptSlots> letters{};
  int total = 0;

  int Get(UScriptCode script) const { return letters[script]; }
  int Kana() const { return Get(USCRIPT_HIRAGANA) + Get(USCRIPT_KATAKANA); }
  // The script with the most letters; USCRIPT_COMMON when there is none.
  UScriptCode Dominant() const {
    UScriptCode best = USCRIPT_COMMON;
    int most = 0;
    for (int script = 0; script < kScriptSlots; ++script) {
      if (letters[script] > most) {
        best = static_cast<UScriptCode>(script);
        most = letters[script];
      }
    }
    return best;
  }
};

// Whether CountScripts counts a letter of `script`: one of a script of its
// own (not Common, Inherited or Unknown) that has a slot.
bool IsCountedScript(int script) {
  return script != USCRIPT_COMMON && script != USCRIPT_INHERITED &&
         script != USCRIPT_UNKNOWN && script >= 0 && script < kScriptSlots;
}

ScriptCounts CountScripts(absl::string_view text) {
  ScriptCounts counts;
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int latin_ascii = 0;  // Counted apart: the common case, no ICU lookup.
  int32_t i = 0;
  while (i < length) {
    if (data[i] < 0x80) {
      if (absl::ascii_isalpha(data[i])) ++latin_ascii;
      ++i;
      continue;
    }
    // The ideographs (lead bytes E4..E9, two continuation bytes) are most
    // of CJK text: read without U8_NEXT's checks, which they pass.
    if (IsPlainThreeByteSequence(data + i, length - i) && data[i] >= 0xE4 &&
        data[i] <= 0xE9 &&
        PlainThreeByteCodePoint(data + i) >= kCjkUnifiedFirst) {
      ++counts.letters[USCRIPT_HAN];
      ++counts.total;
      i += 3;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c >= kCjkUnifiedFirst && c <= kCjkUnifiedLast) {
      ++counts.letters[USCRIPT_HAN];
      ++counts.total;
      continue;
    }
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status) || !IsCountedScript(script)) continue;
    ++counts.letters[script];
    ++counts.total;
  }
  if (latin_ascii > 0) {
    counts.letters[USCRIPT_LATIN] += latin_ascii;
    counts.total += latin_ascii;
  }
  return counts;
}

const ScriptLanguage* ScriptEntry(UScriptCode script) {
  for (const ScriptLanguage& entry : kScriptLanguages) {
    if (entry.script == script) return &entry;
  }
  return nullptr;
}

// BCP 47 for a CLD2 language; empty for "unknown". Chinese comes back as
// plain "zh": the script is decided from the characters, not by CLD2.
std::string ToBcp47(CLD2::Language language) {
  if (language == CLD2::UNKNOWN_LANGUAGE) return "";
  absl::string_view code = CLD2::LanguageCode(language);
  for (const CodeFix& fix : kCld2CodeFixes) {
    if (code == fix.cld2) return std::string(fix.bcp47);
  }
  return std::string(code);
}

struct Cld2Result {
  std::vector<LanguageShare> shares;  // Largest first.
  bool reliable = false;
};

Cld2Result RunCld2(absl::string_view text, const LanguageHints& hints) {
  CLD2::CLDHints cld_hints = {
      hints.content_language.empty() ? nullptr : hints.content_language.c_str(),
      hints.tld.empty() ? nullptr : hints.tld.c_str(), CLD2::UNKNOWN_ENCODING,
      CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language languages[3];
  int percents[3];
  double scores[3];
  int text_bytes = 0;
  Cld2Result result;
  CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
      &cld_hints, CLD2::kCLDFlagBestEffort, languages, percents, scores,
      /*resultchunkvector=*/nullptr, &text_bytes, &result.reliable);
  int total = 0;
  for (int i = 0; i < 3; ++i) {
    if (ToBcp47(languages[i]).empty()) continue;
    total += percents[i];
  }
  for (int i = 0; i < 3; ++i) {
    std::string language = ToBcp47(languages[i]);
    if (language.empty() || percents[i] <= 0) continue;
    float share = static_cast<float>(percents[i]) / std::max(total, 1);
    auto same = std::find_if(
        result.shares.begin(), result.shares.end(),
        [&](const LanguageShare& s) { return s.language == language; });
    if (same != result.shares.end()) {
      same->share += share;
    } else {
      result.shares.push_back({std::move(language), share});
    }
  }
  // Best effort on a text too short to score still names one language.
  if (result.shares.empty()) {
    std::string language = ToBcp47(languages[0]);
    if (!language.empty()) result.shares.push_back({language, 1.0f});
  }
  return result;
}

bool HintsSayTraditional(const LanguageHints& hints) {
  std::string language = absl::AsciiStrToLower(hints.content_language);
  for (absl::string_view hint : kTraditionalLanguageHints) {
    if (absl::StrContains(language, hint)) return true;
  }
  std::string tld = absl::AsciiStrToLower(hints.tld);
  for (absl::string_view t : kTraditionalTlds) {
    if (tld == t) return true;
  }
  return false;
}

// zh-Hans or zh-Hant, with the confidence that the script is right.
std::pair<std::string, float> ChineseTag(absl::string_view text,
                                         const LanguageHints& hints) {
  ChineseScriptCounts counts = CountChineseScript(text);
  bool traditional =
      counts.traditional > counts.simplified ||
      (counts.traditional == counts.simplified && HintsSayTraditional(hints));
  int winner = traditional ? counts.traditional : counts.simplified;
  int loser = traditional ? counts.simplified : counts.traditional;
  // Laplace-smoothed share of the telling characters that agree.
  float confidence = (winner + 1.0f) / (winner + loser + 2.0f);
  return {traditional ? "zh-Hant" : "zh-Hans", confidence};
}

// The language the scripts alone decide, or "" when they do not: Hangul ->
// ko, kana -> ja, Han -> zh, or a script of one language.
std::string LanguageFromScripts(const ScriptCounts& counts) {
  if (counts.total == 0) return "";
  const int han = counts.Get(USCRIPT_HAN);
  const int kana = counts.Kana();
  const int hangul = counts.Get(USCRIPT_HANGUL);
  const int cjk = han + kana + hangul;
  if (cjk * 2 > counts.total) {
    if (hangul * 2 >= cjk) return "ko";
    if (kana > 0 && kana >= kKanaShareForJapanese * (han + kana)) return "ja";
    return "zh";
  }
  UScriptCode dominant = counts.Dominant();
  const ScriptLanguage* entry = ScriptEntry(dominant);
  if (entry != nullptr && entry->exclusive &&
      counts.Get(dominant) * 2 > counts.total) {
    return std::string(entry->language);
  }
  return "";
}

void AddGuess(std::vector<LanguageGuess>* guesses, std::string language,
              float confidence) {
  for (const LanguageGuess& guess : *guesses) {
    if (guess.language == language) return;
  }
  guesses->push_back({std::move(language), confidence});
}

// The group of kConfusableLanguages that holds `language`, space-separated;
// empty when none does.
absl::string_view ConfusableGroupOf(absl::string_view language) {
  for (const ConfusableGroup& group : kConfusableLanguages) {
    for (absl::string_view member : absl::StrSplit(group.languages, ' ')) {
      if (member == language) return group.languages;
    }
  }
  return "";
}

const ReadingRate* RateFor(UScriptCode script) {
  for (const ReadingRate& rate : kReadingRates) {
    if (rate.script == script) return &rate;
  }
  return nullptr;
}

// Where a piece of a UTF-8 text may start or end: never inside a
// character.
size_t CodePointStart(absl::string_view text, size_t at) {
  while (at < text.size() && (static_cast<uint8_t>(text[at]) & 0xC0) == 0x80) {
    ++at;
  }
  return at;
}

// All of a short text; of a long one, kLanguageSamplePieces pieces spread
// from its start to its end, one a line, in `buffer`.
absl::string_view LanguageSample(absl::string_view text, std::string* buffer) {
  const size_t piece = kLanguageSamplePieceBytes;
  const size_t pieces = kLanguageSamplePieces;
  if (text.size() <= piece * pieces) return text;
  for (size_t i = 0; i < pieces; ++i) {
    const size_t begin =
        CodePointStart(text, i * (text.size() - piece) / (pieces - 1));
    // The last piece's start moved to a character boundary, so its end can
    // pass the text's: clamped, never read past it.
    const size_t end =
        CodePointStart(text, std::min(begin + piece, text.size()));
    if (!buffer->empty()) buffer->push_back('\n');
    buffer->append(text.data() + begin, end - begin);
  }
  return *buffer;
}

// The share of the text's letters in the script that names `by_script`.
float ScriptShare(const std::string& by_script, const ScriptCounts& counts) {
  if (by_script.empty()) return 0.0f;
  const int letters =
      by_script == "zh"   ? counts.Get(USCRIPT_HAN)
      : by_script == "ja" ? counts.Get(USCRIPT_HAN) + counts.Kana()
      : by_script == "ko" ? counts.Get(USCRIPT_HANGUL) + counts.Get(USCRIPT_HAN)
                          : counts.Get(counts.Dominant());
  return static_cast<float>(letters) / counts.total;
}

bool IsCjk(absl::string_view language) {
  return language == "zh" || language == "ja" || language == "ko";
}

// The languages the text is written in, largest share first: CLD2's, with
// the script's verdict (`by_script`, `script_share` of the letters) taking
// the place of a CJK language CLD2 confused (a Han-only title CLD2 calls ja
// is zh), and leading when its letters are the majority. When neither could
// tell, the dominant script's likeliest language, and `cld2` is no longer
// reliable. Empty when even the script names none.
std::vector<LanguageShare> Shares(Cld2Result* cld2,
                                  const std::string& by_script,
                                  float script_share,
                                  const ScriptCounts& counts) {
  std::vector<LanguageShare> shares = cld2->shares;
  if (!by_script.empty()) {
    auto top =
        std::find_if(shares.begin(), shares.end(), [&](const LanguageShare& s) {
          return s.language == by_script ||
                 (IsCjk(by_script) && IsCjk(s.language));
        });
    if (top == shares.end()) {
      // CLD2 did not see it: the script's letters are its share.
      for (LanguageShare& s : shares) s.share *= 1.0f - script_share;
      shares.push_back({by_script, script_share});
    } else {
      top->language = by_script;
    }
  }
  if (shares.empty()) {
    const ScriptLanguage* entry = ScriptEntry(counts.Dominant());
    if (entry == nullptr) return shares;
    shares.push_back({std::string(entry->language), 1.0f});
    cld2->reliable = false;
  }
  std::stable_sort(shares.begin(), shares.end(),
                   [](const LanguageShare& a, const LanguageShare& b) {
                     return a.share > b.share;
                   });
  if (!by_script.empty() && shares.front().language != by_script &&
      script_share > 0.5f) {
    auto it = std::find_if(
        shares.begin(), shares.end(),
        [&](const LanguageShare& s) { return s.language == by_script; });
    std::rotate(shares.begin(), it, it + 1);
  }
  return shares;
}

// Chinese in `shares` tagged with its script, from the characters.
struct ChineseVerdict {
  std::string alternative;  // the other script's tag; "" for no Chinese
  float confidence = 1.0f;
};

ChineseVerdict TagChinese(absl::string_view text, const LanguageHints& hints,
                          std::vector<LanguageShare>* shares) {
  ChineseVerdict verdict;
  for (LanguageShare& share : *shares) {
    if (share.language != "zh") continue;
    auto [tag, confidence] = ChineseTag(text, hints);
    verdict.alternative = tag == "zh-Hans" ? "zh-Hant" : "zh-Hans";
    verdict.confidence = confidence;
    share.language = tag;
  }
  return verdict;
}

// The guesses from the shares, each as confident as its share times `base`;
// the other Chinese script, and Japanese for a Han-only text, below them.
void GuessFromShares(const std::vector<LanguageShare>& shares,
                     const ChineseVerdict& chinese,
                     const std::string& by_script, const ScriptCounts& counts,
                     float base, std::vector<LanguageGuess>* guesses) {
  for (const LanguageShare& share : shares) {
    float confidence = share.share * base;
    if (absl::StartsWith(share.language, "zh-")) {
      confidence *= chinese.confidence;
    }
    AddGuess(guesses, share.language, confidence);
  }
  if (!chinese.alternative.empty()) {
    const LanguageShare& zh =
        *std::find_if(shares.begin(), shares.end(), [](const LanguageShare& s) {
          return absl::StartsWith(s.language, "zh-");
        });
    AddGuess(guesses, chinese.alternative,
             zh.share * base * (1.0f - chinese.confidence));
  }
  // A Han-only text could be Japanese written without kana, a title most
  // of all (東京).
  if (by_script == "zh") {
    AddGuess(guesses, "ja",
             (counts.total < kShortTextLetters ? kJapaneseHanOnlyShort
                                               : kJapaneseHanOnlyLong) *
                 base);
  }
}

// A short or unreliable text in a language CLD2 confuses with its
// neighbours: the neighbours are the runners-up, each less likely than the
// one before. Then the runners-up in order.
void AddRunnersUp(bool reliable, const ScriptCounts& counts,
                  std::vector<LanguageGuess>* guesses) {
  if (!reliable || counts.total < kShortTextLetters) {
    // The languages CLD2 confuses with the first, in the group's order.
    const std::string first = guesses->front().language;
    const float best = guesses->front().confidence;
    int place = 0;
    for (absl::string_view neighbour :
         absl::StrSplit(ConfusableGroupOf(first), ' ', absl::SkipEmpty())) {
      if (neighbour == first) continue;
      AddGuess(guesses, std::string(neighbour),
               best * kConfusableRunnerUp / static_cast<float>(1 + place));
      ++place;
    }
  }
  std::stable_sort(guesses->begin() + 1, guesses->end(),
                   [](const LanguageGuess& a, const LanguageGuess& b) {
                     return a.confidence > b.confidence;
                   });
}

}  // namespace

LanguageResult IdentifyLanguage(absl::string_view full_text,
                                const LanguageHints& hints) {
  LanguageResult result;
  std::string sample;
  const absl::string_view text = LanguageSample(full_text, &sample);
  ScriptCounts counts = CountScripts(text);
  if (counts.total == 0) return result;

  Cld2Result cld2 = RunCld2(text, hints);
  const std::string by_script = LanguageFromScripts(counts);
  const float script_share = ScriptShare(by_script, counts);
  std::vector<LanguageShare> shares =
      Shares(&cld2, by_script, script_share, counts);
  if (shares.empty()) return result;
  const ChineseVerdict chinese = TagChinese(text, hints, &shares);

  // The script decided the language (Hangul, kana, Han, Greek, ...): the
  // length of the text does not matter. Otherwise CLD2 did, and a few
  // words are weaker evidence than a paragraph.
  const bool by_script_decided = !by_script.empty() && script_share > 0.5f;
  // Chinese is reliable when the characters also tell the script.
  const bool reliable =
      (cld2.reliable && counts.total >= kMinReliableLetters) ||
      (by_script_decided && counts.total >= kMinScriptLetters &&
       (by_script != "zh" || chinese.confidence >= kReliableChineseScript));
  const float length_factor =
      by_script_decided
          ? 1.0f
          : 0.5f + 0.5f * std::min(1.0f, static_cast<float>(counts.total) /
                                             kShortTextLetters);
  const float base = (reliable ? 1.0f : 0.6f) * length_factor;
  GuessFromShares(shares, chinese, by_script, counts, base, &result.guesses);
  AddRunnersUp(reliable, counts, &result.guesses);
  // Slivers (a quoted name, a stray English term) are not a language mix.
  shares.erase(std::remove_if(shares.begin() + 1, shares.end(),
                              [](const LanguageShare& s) {
                                return s.share < kMinLanguageShare;
                              }),
               shares.end());
  result.shares = std::move(shares);
  result.reliable = reliable;
  return result;
}

std::vector<SupportedLanguage> SupportedLanguages() {
  std::vector<SupportedLanguage> languages;
  for (const ClaimedLanguage& claim : kClaimedLanguages) {
    languages.push_back(
        {std::string(claim.language), std::string(claim.scripts)});
  }
  return languages;
}

LanguageResult IdentifyArticleLanguage(absl::string_view title,
                                       absl::string_view body_text,
                                       const LanguageHints& hints) {
  return IdentifyLanguage(absl::StrCat(title, "\n\n", body_text), hints);
}

LanguageHints PageLanguageHints(absl::string_view declared_language,
                                absl::string_view url) {
  LanguageHints hints;
  hints.content_language = std::string(declared_language);
  std::string host = UrlHost(url);
  size_t dot = host.rfind('.');
  if (dot != std::string::npos) hints.tld = host.substr(dot + 1);
  return hints;
}

float RoundedShare(float value) { return std::round(value * 1000) / 1000; }

LanguageHints HintsFromString(absl::string_view hint) {
  LanguageHints hints;
  hint = absl::StripAsciiWhitespace(hint);
  if (absl::ConsumePrefix(&hint, ".")) {
    hints.tld = absl::AsciiStrToLower(hint);
  } else {
    hints.content_language = std::string(hint);
  }
  return hints;
}

bool MayHoldKana(absl::string_view utf8) {
  // The blocks that hold kana, by the first byte of their characters' UTF-8
  // and the range of the second.
  struct KanaBytes {
    char lead;
    uint8_t lowest_next;
    uint8_t highest_next;
  };
  static constexpr KanaBytes kKanaBytes[] = {
      {'\xE3', 0x81, 0x8F},  // U+3040-U+33FF
      {'\xEF', 0xBD, 0xBE},  // U+FF40-U+FFBF
      {'\xF0', 0x9A, 0x9B},  // U+1A000-U+1BFFF
  };
  // A search for each first byte (memchr's, many bytes a step) rather than
  // a pass that reads each byte: every one of its places is looked at,
  // whatever the bytes around it.
  const char* const end = utf8.data() + utf8.size();
  for (const KanaBytes& kana : kKanaBytes) {
    for (const char* at = utf8.data(); at < end; ++at) {
      at = static_cast<const char*>(std::memchr(at, kana.lead, end - at));
      if (at == nullptr) break;
      const auto next = static_cast<uint8_t>(at + 1 < end ? at[1] : 0);
      if (next >= kana.lowest_next && next <= kana.highest_next) return true;
    }
  }
  return false;
}

int EstimateReadingSeconds(absl::string_view text,
                           const std::vector<Word>& words) {
  // Only a text that may hold kana needs its letters counted: without kana
  // it is not Japanese, and a word whose script is counted shows that it
  // has letters (each word's first letter is one of the text's).
  bool japanese = false;
  const bool counted_letter =
      std::any_of(words.begin(), words.end(), [](const Word& word) {
        return word.letters > 0 && IsCountedScript(word.script);
      });
  if (!counted_letter || MayHoldKana(text)) {
    const ScriptCounts counts = CountScripts(text);
    if (counts.total == 0) return 0;
    const int han_kana = counts.Get(USCRIPT_HAN) + counts.Kana();
    japanese =
        counts.Kana() > 0 && counts.Kana() >= kKanaShareForJapanese * han_kana;
  }

  double minutes = 0;
  for (const Word& word : words) {
    // The word's script is its first letter's; numbers read as words.
    const auto script = static_cast<UScriptCode>(word.script);
    const int letters = word.letters;
    const ReadingRate* rate = RateFor(script);
    if (rate == nullptr) {
      minutes += 1.0 / kDefaultWordsPerMinute;
    } else if (rate->unit == ReadingUnit::kWords) {
      minutes += 1.0 / rate->per_minute;
    } else {
      const double per_minute = japanese && script == USCRIPT_HAN
                                    ? kJapaneseCharactersPerMinute
                                    : rate->per_minute;
      minutes += std::max(letters, 1) / per_minute;
    }
  }
  return static_cast<int>(std::lround(minutes * 60));
}

}  // namespace lede::engine
