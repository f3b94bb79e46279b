#include "server/engine/mojibake.h"

#include <string>

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

// `text` after RepairMojibake, and whether it changed.
struct Repaired {
  std::string text;
  bool changed;
};

Repaired Repair(std::string text) {
  const bool changed = RepairMojibake(&text);
  return {text, changed};
}

TEST(RepairMojibakeTest, RepairsTextReadAsWindows1252) {
  const Repaired repaired =
      Repair("Itâ€™s a cafÃ© at 25Â°C. Â© 2024 â€” “fine” ðŸ˜ž");
  EXPECT_TRUE(repaired.changed);
  EXPECT_EQ(repaired.text, "It’s a café at 25°C. © 2024 — “fine” 😞");
}

TEST(RepairMojibakeTest, RepairsTextReadAsLatin1WithItsC1Controls) {
  // "’" is E2 80 99: read as ISO-8859-1, "â" then the controls U+0080 and
  // U+0099; "…" (E2 80 A6) and "ü" (C3 BC) likewise.
  const Repaired repaired = Repair(
      "Earth\xC3\xA2\xC2\x80\xC2\x99s systems\xC3\xA2\xC2\x80\xC2\xA6 "
      "M\xC3\x83\xC2\xBCnchen");
  EXPECT_TRUE(repaired.changed);
  EXPECT_EQ(repaired.text, "Earth’s systems… München");
}

TEST(RepairMojibakeTest, OneRunAloneIsNotEvidenceEnough) {
  EXPECT_FALSE(Repair("Menu: cafÃ© and tea").changed);
  // A German soft hyphen after ß spells U+07ED; twice is still too little.
  EXPECT_FALSE(Repair("Stra\u00df\u00ade und Fu\u00df\u00adball").changed);
}

TEST(RepairMojibakeTest, LeavesTextThatIsFine) {
  for (const char* text : {
           "Ã",
           "NÃO É POSSÍVEL, não é? São Paulo, Ãgua",
           "Tiếng Việt: Âu Cơ, Ông Bà, Ê-đê, Ấn Độ ở đâu?",
           "Le café, déjà vu : « Où est la gare ? » — à 25 °C, ©, ½, ß",
           "中文 русский 日本語",
       }) {
    const Repaired repaired = Repair(text);
    EXPECT_FALSE(repaired.changed) << text;
    EXPECT_EQ(repaired.text, text);
  }
}

TEST(RepairMojibakeTest, RunsMustBeMostOfTheNonAsciiText) {
  // A brand name that happens to spell a sequence ("É®" is C9 AE, U+026E),
  // on a page with other accented and typographic characters.
  EXPECT_FALSE(
      Repair("NESCAFÉ® Gold, NESCAFÉ® Classic, NESCAFÉ® Café: it’s “très” "
             "bon — déjà, naïve, crème, brûlée, Noël, façade")
          .changed);
}

TEST(RepairMojibakeTest, SpellsOnlyWellFormedSequences) {
  // In a page that is mojibake: "À¯" (C0 AF) is an overlong form, "í ‘"
  // (ED A0 80 needs U+00A0 U+0080) a surrogate, "Ã" before ASCII nothing.
  const Repaired repaired = Repair(
      "Itâ€™s â€œokâ€\u009d â€” crÃ¨me: À¯ and í\u00a0\u0080 and Ãx, cafÃ©");
  EXPECT_TRUE(repaired.changed);
  EXPECT_EQ(repaired.text,
            "It’s “ok” — crème: À¯ and í\u00a0\u0080 and Ãx, café");
}

}  // namespace
}  // namespace lede::engine
