#include "server/engine/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unistr.h>

#include <random>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace lede::engine {
namespace {

// Hand-made bytes: each text in a legacy encoding (generated with Python's
// codecs) next to the UTF-8 it must decode to.
constexpr char kGbk[] =
    "\xD6\xD0\xBB\xAA\xC8\xCB\xC3\xF1\xB9\xB2\xBA\xCD\xB9\xFA\xB3\xC9\xC1"
    "\xA2\xD2\xD4\xC0\xB4\xA3\xAC\xBE\xAD\xBC\xC3\xB7\xA2\xD5\xB9\xBA\xDC"
    "\xBF\xEC\xA1\xA3\xC8\xCB\xC3\xC7\xB5\xC4\xC9\xFA\xBB\xEE\xCB\xAE\xC6"
    "\xBD\xB2\xBB\xB6\xCF\xCC\xE1\xB8\xDF\xA3\xAC\xB3\xC7\xCA\xD0\xBD\xA8"
    "\xC9\xE8\xC8\xD5\xD0\xC2\xD4\xC2\xD2\xEC\xA1\xA3";
constexpr char kGbkUtf8[] =
    "中华人民共和国成立以来，经济发展很快。人们的生活水平不断提高，城市建设日新"
    "月异。";

constexpr char kBig5[] =
    "\xA4\xA4\xB5\xD8\xA5\xC1\xB0\xEA\xAA\xBA\xB8g\xC0\xD9\xB5o\xAEi\xAB"
    "\xDC\xA7\xD6\xA1"
    "C\xA4H\xAD\xCC\xAA\xBA\xA5\xCD\xAC\xA1\xA4\xF4\xB7"
    "\xC7\xA4\xA3\xC2_\xB4\xA3\xB0\xAA\xA1"
    "A\xAB\xB0\xA5\xAB\xAB\xD8\xB3"
    "]\xA4\xE9\xB7s\xA4\xEB\xB2\xA7\xA1"
    "C";
constexpr char kBig5Utf8[] =
    "中華民國的經濟發展很快。人們的生活水準不斷提高，城市建設日新月異。";

constexpr char kShiftJis[] =
    "\x93\xFA\x96{\x8C\xEA\x82\xCC\x95\xB6\x8F\xCD\x82\xC5\x82\xB7\x81"
    "B"
    "\x93\x8C\x8B\x9E\x82\xCD\x93\xFA\x96{\x82\xCC\x8E\xF1\x93s\x82\xC5"
    "\x82\xA0\x82\xE8\x81"
    "A\x91\xBD\x82\xAD\x82\xCC\x90l\x81X\x82\xAA"
    "\x8FZ\x82\xF1\x82\xC5\x82\xA2\x82\xDC\x82\xB7\x81"
    "B";
constexpr char kShiftJisUtf8[] =
    "日本語の文章です。東京は日本の首都であり、多くの人々が住んでいます。";

constexpr char kKoi8r[] =
    "\xED\xCF\xD3\xCB\xD7\xC1 \xD1\xD7\xCC\xD1\xC5\xD4\xD3\xD1 \xD3\xD4"
    "\xCF\xCC\xC9\xC3\xC5\xCA \xF2\xCF\xD3\xD3\xC9\xC9. \xF7 \xC7\xCF\xD2"
    "\xCF\xC4\xC5 \xD6\xC9\xD7\xD5\xD4 \xCD\xC9\xCC\xCC\xC9\xCF\xCE\xD9 "
    "\xCC\xC0\xC4\xC5\xCA, \xC9 \xCB\xC1\xD6\xC4\xD9\xCA \xC7\xCF\xC4 "
    "\xD3\xC0\xC4\xC1 \xD0\xD2\xC9\xC5\xDA\xD6\xC1\xC0\xD4 \xD4\xD5\xD2"
    "\xC9\xD3\xD4\xD9.";
constexpr char kKoi8rUtf8[] =
    "Москва является столицей России. В городе живут миллионы людей, и каждый "
    "год сюда приезжают туристы.";

constexpr char kWindows1252[] =
    "Le caf\xE9 \xE9tait tr\xE8s agr\xE9"
    "able \x97 et la cr\xE8me br\xFB"
    "l\xE9"
    "e, d\xE9licieuse. O\xF9 est l\x92h\xF4tel ?";
constexpr char kWindows1252Utf8[] =
    "Le café était très agréable — et la crème brûlée, délicieuse. Où est "
    "l’hôtel ?";

struct Sample {
  const char* bytes;
  const char* utf8;
  const char* label;    // A label pages use for the encoding.
  const char* charset;  // What DecodedText.charset reports.
};

const Sample kSamples[] = {
    {kGbk, kGbkUtf8, "gb2312", "GB18030"},
    {kBig5, kBig5Utf8, "big5", "Big5"},
    {kShiftJis, kShiftJisUtf8, "shift_jis", "Shift_JIS"},
    {kKoi8r, kKoi8rUtf8, "koi8-r", "KOI8-R"},
    {kWindows1252, kWindows1252Utf8, "iso-8859-1", "windows-1252"},
};

std::string Page(absl::string_view head, absl::string_view text) {
  return absl::StrCat("<html><head>", head, "<title>x</title></head><body><p>",
                      text, "</p></body></html>");
}

bool Contains(absl::string_view haystack, absl::string_view needle) {
  return haystack.find(needle) != absl::string_view::npos;
}

TEST(DecodeTest, Utf8PassesThrough) {
  DecodedText decoded = DecodeToUtf8("<p>中文</p>", "");
  EXPECT_EQ(decoded.utf8, "<p>中文</p>");
  EXPECT_EQ(decoded.charset, "UTF-8");
  EXPECT_EQ(decoded.charset_source, "utf-8-valid");
  EXPECT_EQ(DecodeToUtf8("<p>plain</p>", "").charset_source, "default");
}

TEST(DecodeTest, LegacyLabelHoldsUnlessEveryByteIsUtf8) {
  // Valid UTF-8 under a legacy label is read as UTF-8...
  DecodedText valid =
      DecodeToUtf8(Page("<meta charset=\"windows-1252\">", "caf\xC3\xA9"), "");
  EXPECT_EQ(valid.charset, "UTF-8");
  EXPECT_EQ(valid.charset_source, "utf-8-valid");
  // ...but one byte that is not, even last, leaves the page to its label.
  DecodedText legacy = DecodeToUtf8(
      Page("<meta charset=\"windows-1252\">", "caf\xC3\xA9 \xE9"), "");
  EXPECT_EQ(legacy.charset, "windows-1252");
  EXPECT_EQ(legacy.charset_source, "meta");
  EXPECT_TRUE(Contains(legacy.utf8, "caf\xC3\x83\xC2\xA9 \xC3\xA9"));
}

TEST(DecodeTest, ThreeByteSequencesAreUtf8OnlyWhenValid) {
  // Valid at the edges of the three-byte range (U+0800, U+D7FF, U+E000,
  // U+FFFF) and in the middle (中文): read as UTF-8 over a legacy label.
  for (absl::string_view valid :
       {"\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
        "\xE4\xB8\xAD\xE6\x96\x87"}) {
    DecodedText decoded =
        DecodeToUtf8(Page("<meta charset=\"windows-1252\">", valid), "");
    EXPECT_EQ(decoded.charset_source, "utf-8-valid") << valid;
    EXPECT_TRUE(Contains(decoded.utf8, valid)) << valid;
  }
  // An overlong form, a surrogate, a lead byte without both continuation
  // bytes, and one cut off by the end: the page is not UTF-8.
  for (absl::string_view invalid :
       {"\xE0\x80\x80", "\xED\xA0\x80", "\xE4\xB8x", "\xE4x\xAD", "\xE4\xB8"}) {
    const std::string bytes =
        absl::StrCat(Page("<meta charset=\"windows-1252\">", "中文"), invalid);
    EXPECT_EQ(DecodeToUtf8(bytes, "").charset, "windows-1252") << invalid;
  }
}

TEST(DecodeTest, BomWinsOverLabels) {
  DecodedText decoded =
      DecodeToUtf8("\xEF\xBB\xBF<p>x</p>", "text/html; charset=gbk");
  EXPECT_EQ(decoded.utf8, "<p>x</p>");
  EXPECT_EQ(decoded.charset_source, "bom");
  DecodedText utf16 = DecodeToUtf8(std::string("\xFF\xFEx\0y\0", 6), "");
  EXPECT_EQ(utf16.utf8, "xy");
  EXPECT_EQ(utf16.charset, "UTF-16LE");
}

TEST(DecodeTest, LegacyBytesBecomeUtf8OfEveryLength) {
  // GB18030: "a", U+00E9 (two bytes of UTF-8), U+4E2D (three) and U+20000
  // (four, from GB18030's four-byte form).
  DecodedText gb = DecodeToUtf8("a\xA8\xA6\xD6\xD0\x95\x32\x82\x36",
                                "text/html; charset=gb18030");
  EXPECT_EQ(gb.utf8, "a\xC3\xA9\xE4\xB8\xAD\xF0\xA0\x80\x80");
  EXPECT_EQ(gb.charset_source, "content-type");
  // UTF-16 with a surrogate pair, and a lone high surrogate before "x".
  DecodedText utf16 =
      DecodeToUtf8(std::string("\xFF\xFE\x40\xD8\x00\xDC\x40\xD8x\0", 10), "");
  EXPECT_EQ(utf16.utf8, "\xF0\xA0\x80\x80\xEF\xBF\xBDx");
}

// Text made at random of ASCII, runs of ideographs and characters of every
// other length and range (the edges of the three-byte range and of the
// surrogates, U+00E9, U+20000): the decoding loops read runs of
// three-byte characters apart from the rest. No Private Use Area: it makes
// a legacy decoding suspect (Decoding::errors).
std::u16string RandomText(std::mt19937* random) {
  static const std::u16string kPieces[] = {
      u"<p>",    u" ",      u"a",      u"中文",       u"\u0800",
      u"\uD7FF", u"\uFFFD", u"\u00E9", u"\U00020000", u"\uAC00\u3042",
      u"，",     u"0123"};
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> count(1, 40);
  std::u16string text;
  for (int i = count(*random); i > 0; --i) text += kPieces[pick(*random)];
  return text;
}

// The bytes of `text` in the ICU converter `name`'s charset.
std::string Encode(const std::u16string& text, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  std::string bytes(text.size() * 4 + 16, '\0');
  const int32_t length = ucnv_convert(
      name, "UTF-16LE", bytes.data(), static_cast<int32_t>(bytes.size()),
      reinterpret_cast<const char*>(text.data()),
      static_cast<int32_t>(text.size() * 2), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  bytes.resize(length);
  return bytes;
}

// GB18030 and UTF-8 decode to the UTF-8 that ICU makes of the same text.
TEST(DecodeTest, DecodingMatchesIcuOnRandomText) {
  std::mt19937 random(22);
  for (int round = 0; round < 2000; ++round) {
    const std::u16string text = RandomText(&random);
    std::string utf8;
    icu::UnicodeString(text.data(), static_cast<int32_t>(text.size()))
        .toUTF8String(utf8);
    const std::string gb = Encode(text, "GB18030");
    DecodedText decoded = DecodeToUtf8(gb, "text/html; charset=gb18030");
    ASSERT_EQ(decoded.utf8, utf8);
    decoded = DecodeToUtf8(utf8, "");
    ASSERT_EQ(decoded.utf8, utf8);
    ASSERT_EQ(decoded.charset, "UTF-8");
  }
}

// What ICU's GB18030 converter alone makes of `bytes`, as UTF-8: each byte
// sequence it cannot decode becomes one U+FFFD. `errors` counts those and
// the characters no text holds (C1 controls, the Private Use Area),
// `non_ascii` every character past ASCII.
struct IcuGb18030 {
  std::string utf8;
  int errors = 0;
  int non_ascii = 0;
};

void CountAndReplace(const void* context, UConverterToUnicodeArgs* args,
                     const char*, int32_t, UConverterCallbackReason reason,
                     UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;
  ++*static_cast<int*>(const_cast<void*>(context));
  *status = U_ZERO_ERROR;
  static constexpr UChar kReplacement[] = {0xFFFD};
  ucnv_cbToUWriteUChars(args, kReplacement, 1, 0, status);
}

IcuGb18030 DecodeByIcuAlone(absl::string_view bytes) {
  IcuGb18030 result;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("GB18030", &status);
  ucnv_setToUCallBack(converter, CountAndReplace, &result.errors, nullptr,
                      nullptr, &status);
  std::u16string units(bytes.size() * 2 + 16, u'\0');
  units.resize(ucnv_toUChars(converter, units.data(),
                             static_cast<int32_t>(units.size()), bytes.data(),
                             static_cast<int32_t>(bytes.size()), &status));
  ucnv_close(converter);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  const icu::UnicodeString text(units.data(),
                                static_cast<int32_t>(units.size()));
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (c < 0x80) continue;
    ++result.non_ascii;
    if ((c <= 0x9F) || (c >= 0xE000 && c <= 0xF8FF)) ++result.errors;
  }
  text.toUTF8String(result.utf8);
  return result;
}

// Every two-byte character of GB18030 (the Private Use Area's, which ICU
// maps the user-defined areas to, included), between GBK text, decodes as
// ICU's converter decodes it.
TEST(DecodeTest, EveryGb18030PairDecodesAsIcuDoes) {
  for (int lead = 0x81; lead <= 0xFE; ++lead) {
    for (int trail = 0x40; trail <= 0xFE; ++trail) {
      if (trail == 0x7F) continue;
      const std::string bytes = absl::StrCat(
          "<p>", kGbk,
          std::string{static_cast<char>(lead), static_cast<char>(trail)}, "a",
          kGbk, "</p>");
      const DecodedText decoded = DecodeToUtf8(bytes, "text/html; charset=gbk");
      ASSERT_EQ(decoded.utf8, DecodeByIcuAlone(bytes).utf8)
          << std::hex << lead << " " << trail;
      ASSERT_EQ(decoded.charset_source, "content-type");
    }
  }
}

// Labelled GB18030 made at random of ASCII, GBK text, two-byte characters
// of every lead and trail byte, four-byte forms, bytes that do not decode
// and cut characters: the label is believed when no more than 1 in 50 of
// the characters past ASCII are errors or the Private Use Area (decode.cc's
// kSuspectShare), and whenever it is kept, the bytes decode as ICU's
// converter decodes them.
TEST(DecodeTest, LabelledGb18030MatchesIcuOnRandomBytes) {
  std::mt19937 random(18030);
  std::uniform_int_distribution<int> lead(0x81, 0xFE);
  std::uniform_int_distribution<int> trail(0x40, 0xFE);
  std::uniform_int_distribution<int> digit('0', '9');
  std::uniform_int_distribution<int> piece(0, 19);
  std::uniform_int_distribution<int> count(1, 60);
  int believed_rounds = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = kGbk;
    // Half of the texts hold only what decodes, two-byte characters of
    // any lead and trail byte among GBK text.
    const bool clean = round % 2 == 0;
    for (int i = count(random); i > 0; --i) {
      const int kind = piece(random);
      switch (clean && kind >= 2 && kind <= 4 ? 1 : kind) {
        case 0:
          bytes += "<p>a b";
          break;
        case 1:
        case 5:
        case 6:
        case 7:
        case 8:
          bytes += kGbk;
          break;
        case 2:  // a four-byte form
          bytes += {static_cast<char>(lead(random)),
                    static_cast<char>(digit(random)),
                    static_cast<char>(lead(random)),
                    static_cast<char>(digit(random))};
          break;
        case 3:  // bytes no character starts with
          bytes += round % 4 == 1 ? "\x80" : "\xFF";
          break;
        case 4:  // a lead byte before ASCII
          bytes += {static_cast<char>(lead(random)), '<'};
          break;
        default:
          bytes += {static_cast<char>(lead(random)),
                    static_cast<char>(trail(random))};
      }
    }
    if (!clean && round % 3 == 0) {
      bytes.push_back(static_cast<char>(lead(random)));  // cut at the end
    }
    const IcuGb18030 icu = DecodeByIcuAlone(bytes);
    const bool believed = icu.errors * 50 <= icu.non_ascii;
    const DecodedText decoded = DecodeToUtf8(bytes, "text/html; charset=gbk");
    if (believed) {
      ASSERT_EQ(decoded.charset_source, "content-type") << round;
      ++believed_rounds;
    }
    if (decoded.charset_source == "content-type") {
      ASSERT_EQ(decoded.utf8, icu.utf8) << round;
    }
  }
  EXPECT_GT(believed_rounds, 1000);
}

TEST(DecodeTest, ContentTypeLabel) {
  for (const Sample& sample : kSamples) {
    SCOPED_TRACE(sample.label);
    DecodedText decoded =
        DecodeToUtf8(Page("", sample.bytes),
                     absl::StrCat("text/html; charset=", sample.label));
    EXPECT_EQ(decoded.utf8, Page("", sample.utf8));
    EXPECT_EQ(decoded.charset, sample.charset);
    EXPECT_EQ(decoded.charset_source, "content-type");
  }
}

TEST(DecodeTest, MetaCharsetHttpEquivAndXmlDeclaration) {
  for (const Sample& sample : kSamples) {
    SCOPED_TRACE(sample.label);
    for (const std::string& head :
         {absl::StrCat("<meta charset=\"", sample.label, "\">"),
          absl::StrCat("<meta http-equiv=\"Content-Type\" "
                       "content=\"text/html; charset=",
                       sample.label, "\">")}) {
      DecodedText decoded = DecodeToUtf8(Page(head, sample.bytes), "");
      EXPECT_EQ(decoded.utf8, Page(head, sample.utf8));
      EXPECT_EQ(decoded.charset, sample.charset);
      EXPECT_EQ(decoded.charset_source, "meta");
    }
  }
  DecodedText xml = DecodeToUtf8(
      absl::StrCat("<?xml version=\"1.0\" encoding=\"GBK\"?><p>", kGbk, "</p>"),
      "");
  EXPECT_EQ(xml.charset, "GB18030");
  EXPECT_TRUE(Contains(xml.utf8, kGbkUtf8));
}

TEST(DecodeTest, UnlabelledBytesAreDetected) {
  for (const Sample& sample : kSamples) {
    SCOPED_TRACE(sample.label);
    DecodedText decoded = DecodeToUtf8(Page("", sample.bytes), "");
    EXPECT_EQ(decoded.utf8, Page("", sample.utf8));
    EXPECT_EQ(decoded.charset, sample.charset);
    EXPECT_EQ(decoded.charset_source, "detected");
    // Bare text, without markup, too.
    EXPECT_EQ(DecodeToUtf8(sample.bytes, "").utf8, sample.utf8);
  }
}

TEST(DecodeTest, LongUnlabelledPagesAreDetectedFromTheirStart) {
  // Well over what the detector reads: its guess decodes the whole page.
  for (const Sample& sample : kSamples) {
    SCOPED_TRACE(sample.label);
    std::string bytes, utf8;
    for (int i = 0; i < 500; ++i) {
      absl::StrAppend(&bytes, "<p>", sample.bytes, "</p>\n");
      absl::StrAppend(&utf8, "<p>", sample.utf8, "</p>\n");
    }
    DecodedText decoded = DecodeToUtf8(Page("", bytes), "");
    EXPECT_EQ(decoded.utf8, Page("", utf8));
    EXPECT_EQ(decoded.charset, sample.charset);
    EXPECT_EQ(decoded.charset_source, "detected");
  }
}

TEST(DecodeTest, UnlabelledTextAfterALongPreambleIsDetected) {
  // 40 KB of ASCII script before the text, and 60 KB of text: the detector
  // reads a bounded sample from the text's first byte and its guess decodes
  // the whole page.
  const std::string script =
      absl::StrCat("<script>", std::string(40 << 10, 'x'), "</script>");
  for (const Sample& sample : kSamples) {
    SCOPED_TRACE(sample.label);
    std::string bytes, utf8;
    while (bytes.size() < (60 << 10)) {
      absl::StrAppend(&bytes, "<p>", sample.bytes, "</p>\n");
      absl::StrAppend(&utf8, "<p>", sample.utf8, "</p>\n");
    }
    DecodedText decoded = DecodeToUtf8(Page(script, bytes), "");
    EXPECT_EQ(decoded.utf8, Page(script, utf8));
    EXPECT_EQ(decoded.charset, sample.charset);
    EXPECT_EQ(decoded.charset_source, "detected");
  }
}

TEST(DecodeTest, DetectorSampleIsBoundedAndEndsBetweenCharacters) {
  const std::string preamble =
      absl::StrCat("<script>", std::string(9000, 'x'), "</script><p>");
  // ASCII alone: nothing to tell encodings apart.
  EXPECT_EQ(DetectorSample(preamble), "");
  // Short text: all of it, from its first byte outside ASCII.
  const std::string short_page = absl::StrCat(preamble, kGbk, "</p>");
  EXPECT_EQ(DetectorSample(short_page), absl::StrCat(kGbk, "</p>"));
  // Long text: a bounded prefix of it, the same whatever follows.
  std::string text;
  while (text.size() < (64 << 10)) absl::StrAppend(&text, kGbk, "</p>\n<p>");
  const std::string page = preamble + text;
  const absl::string_view sample = DetectorSample(page);
  EXPECT_GT(sample.size(), 1u << 10);
  EXPECT_LT(sample.size(), 16u << 10);
  EXPECT_TRUE(absl::StartsWith(text, sample));
  EXPECT_EQ(DetectorSample(absl::StrCat(preamble, text, kShiftJis)), sample);
  // It ends after a byte that no multi-byte encoding uses inside a
  // character, so that every character in it is whole.
  const auto last = static_cast<unsigned char>(sample.back());
  EXPECT_TRUE(last < 0x30 || (last > 0x39 && last < 0x40)) << int{last};
  EXPECT_EQ(DecodeToUtf8(std::string(sample), "text/html; charset=gbk")
                .utf8.find("\xEF\xBF\xBD"),
            std::string::npos);
}

TEST(DecodeTest, ContentTypeWinsOverMeta) {
  DecodedText decoded =
      DecodeToUtf8(Page("<meta charset=\"windows-1251\">", kKoi8r),
                   "text/html; charset=koi8-r");
  EXPECT_EQ(decoded.charset, "KOI8-R");
  EXPECT_TRUE(Contains(decoded.utf8, kKoi8rUtf8));
}

TEST(DecodeTest, WrongUtf8LabelGivesWayToTheBytes) {
  // Servers that say UTF-8 for every page: the legacy bytes are far from
  // valid UTF-8, so the detector's reading replaces the label.
  for (const Sample& sample : kSamples) {
    SCOPED_TRACE(sample.label);
    DecodedText decoded =
        DecodeToUtf8(Page("", sample.bytes), "text/html; charset=utf-8");
    EXPECT_EQ(decoded.utf8, Page("", sample.utf8));
    EXPECT_EQ(decoded.charset, sample.charset);
    EXPECT_EQ(decoded.charset_source, "detected");
  }
}

TEST(DecodeTest, WrongLegacyLabels) {
  // A site moved to UTF-8 that kept its <meta charset=gb2312>.
  DecodedText moved =
      DecodeToUtf8(Page("<meta charset=\"gb2312\">", kGbkUtf8), "");
  EXPECT_EQ(moved.charset, "UTF-8");
  EXPECT_EQ(moved.charset_source, "utf-8-valid");
  EXPECT_TRUE(Contains(moved.utf8, kGbkUtf8));
  // Big5 declared as GBK: read as GBK its punctuation lands in the private
  // use area, so the label is not believed.
  DecodedText big5 = DecodeToUtf8(Page("<meta charset=\"gbk\">", kBig5), "");
  EXPECT_EQ(big5.charset, "Big5");
  EXPECT_TRUE(Contains(big5.utf8, kBig5Utf8));
  // Shift_JIS declared as windows-1252: C1 controls give it away.
  DecodedText sjis =
      DecodeToUtf8(Page("<meta charset=\"windows-1252\">", kShiftJis), "");
  EXPECT_EQ(sjis.charset, "Shift_JIS");
  EXPECT_TRUE(Contains(sjis.utf8, kShiftJisUtf8));
  // A wrong content type, a right <meta>: the <meta> is used.
  DecodedText meta = DecodeToUtf8(Page("<meta charset=\"gbk\">", kGbk),
                                  "text/html; charset=utf-8");
  EXPECT_EQ(meta.charset, "GB18030");
  EXPECT_EQ(meta.charset_source, "meta");
}

TEST(DecodeTest, Latin1LabelReadsAsWindows1252) {
  // 0x93/0x94 are curly quotes in windows-1252, controls in ISO-8859-1.
  DecodedText decoded =
      DecodeToUtf8("<p>\x93hi\x94</p>", "text/html; charset=iso-8859-1");
  EXPECT_EQ(decoded.utf8, "<p>\xE2\x80\x9Chi\xE2\x80\x9D</p>");
  EXPECT_EQ(decoded.charset, "windows-1252");
}

TEST(DecodeTest, StrayBytesInUtf8BecomeReplacementCharacters) {
  // Mostly UTF-8 with one stray byte: the page stays UTF-8, as a browser
  // reads it.
  DecodedText decoded = DecodeToUtf8(
      "<p>中文 a\xFF"
      "b</p>",
      "text/html; charset=utf-8");
  EXPECT_EQ(decoded.utf8,
            "<p>中文 a\xEF\xBF\xBD"
            "b</p>");
  EXPECT_EQ(decoded.charset, "UTF-8");
  // The same without a label.
  EXPECT_EQ(DecodeToUtf8("<p>中文 a\xFF"
                         "b</p>",
                         "")
                .charset,
            "UTF-8");
}

TEST(DecodeTest, BrokenLegacyBytesBecomeReplacementCharacters) {
  // GBK cut in the middle of a character, and a lead byte before ASCII.
  std::string bytes = absl::StrCat("<p>", kGbk, "\x81</p><p>", kGbk, "\xD6");
  DecodedText decoded = DecodeToUtf8(bytes, "text/html; charset=gbk");
  EXPECT_EQ(decoded.charset, "GB18030");
  EXPECT_EQ(decoded.utf8, absl::StrCat("<p>", kGbkUtf8, "\xEF\xBF\xBD</p><p>",
                                       kGbkUtf8, "\xEF\xBF\xBD"));
}

TEST(DecodeTest, GarbageNeverCrashes) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) {
    bytes.push_back(static_cast<char>((i * 7919 + 13) % 256));
  }
  for (const char* content_type :
       {"", "text/html; charset=utf-8", "text/html; charset=gbk",
        "text/html; charset=big5", "text/html; charset=iso-2022-jp",
        "text/html; charset=no-such-thing", "charset="}) {
    DecodedText decoded = DecodeToUtf8(bytes, content_type);
    EXPECT_FALSE(decoded.charset.empty());
    EXPECT_FALSE(decoded.utf8.empty());
  }
  EXPECT_EQ(DecodeToUtf8("", "").utf8, "");
}

TEST(DecodeTest, TextEncodedTwiceIsRepairedWhateverItsLabel) {
  // Windows-1252 bytes that spell UTF-8 read as UTF-8 ("It’s" became
  // "Itâ€™s"), and the same page labelled Windows-1252 around UTF-8 bytes.
  const std::string page =
      "<title>Itâ€™s cafÃ© time</title><p>25Â°C â€” Â© 2024</p>";
  const std::string fixed = "<title>It’s café time</title><p>25°C — © 2024</p>";
  EXPECT_EQ(DecodeToUtf8(page, "text/html; charset=utf-8").utf8, fixed);
  EXPECT_EQ(DecodeToUtf8(page, "text/html; charset=windows-1252").utf8, fixed);
  EXPECT_EQ(DecodeToUtf8("<p>Le café, déjà vu</p>", "").utf8,
            "<p>Le café, déjà vu</p>");
}

TEST(DecodeTest, UnknownLabelFallsThrough) {
  DecodedText decoded =
      DecodeToUtf8(Page("", kGbk), "text/html; charset=x-nonsense");
  EXPECT_EQ(decoded.charset, "GB18030");
  EXPECT_EQ(decoded.charset_source, "detected");
}

TEST(DecodeTest, CanonicalCharsetFollowsWhatwgLabels) {
  EXPECT_EQ(CanonicalCharset("GBK"), "GB18030");
  EXPECT_EQ(CanonicalCharset(" latin1 "), "windows-1252");
  EXPECT_EQ(CanonicalCharset("Shift_JIS"), "windows-31j");
  EXPECT_EQ(CanonicalCharset("no-such-charset"), "");
}

}  // namespace
}  // namespace lede::engine
