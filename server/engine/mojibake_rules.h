// Data: how text that was UTF-8-encoded twice ("mojibake": "Itâ€™s" for
// "It’s") is recognised, and how much of it a document must show before it
// is repaired (mojibake.cc).
#ifndef LEDE_SERVER_ENGINE_MOJIBAKE_RULES_H_
#define LEDE_SERVER_ENGINE_MOJIBAKE_RULES_H_

#include <cstdint>

namespace lede::engine {

// Windows-1252's bytes 0x80..0x9F, in order: the characters a UTF-8
// continuation byte in that range becomes when the bytes are read as
// Windows-1252. The five bytes Windows-1252 leaves undefined (0x81, 0x8D,
// 0x8F, 0x90, 0x9D) stand for themselves as C1 controls, as browsers and
// ftfy's "sloppy-windows-1252" read them; pages read as ISO-8859-1 carry
// every C1 control that way, and those map back to their byte too.
inline constexpr char32_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// A document is repaired when its runs (one well-formed UTF-8 sequence
// spelled in Windows-1252 characters) hold at least this many continuation
// characters: one "Ã©" is one, one "â€™" two, one "ðŸ˜ž" three. A German
// page's stray "ß" before a soft hyphen ("Stra\u00df\u00ade", which spells
// U+07ED) is one, twice over two; half A's pages that are mojibake through
// and through show 3 (a lone emoji, "ðŸ˜ž") to over 2000.
inline constexpr int64_t kMojibakeMinContinuations = 3;

// ... and when its runs' characters are at least this share of its
// characters outside ASCII. Pages UTF-8-encoded twice are that through and
// through (on half A, 16 of 20 at 1.0, the rest 0.75 to 0.96); a page that
// is fine spells a run only by chance, among many other characters: the
// worst on half A is a brand name, "NESCAFÉ®" (É® spells U+026E), 30 times
// over on a page whose runs are 0.49 of its non-ASCII characters. Pages
// with a pocket of mojibake among clean text (0.15, 0.33) are left alone.
inline constexpr int64_t kMojibakeShareNumerator = 2;
inline constexpr int64_t kMojibakeShareDenominator = 3;

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_MOJIBAKE_RULES_H_
