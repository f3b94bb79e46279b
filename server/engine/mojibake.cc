#include "server/engine/mojibake.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"
#include "server/engine/mojibake_rules.h"

namespace lede::engine {
namespace {

// Every run opens with a character from U+00C2 to U+00F4 (a UTF-8 lead byte
// read as Windows-1252), whose own UTF-8 opens with this byte; the
// characters that follow it (U+0080..U+00BF and Windows-1252's specials) do
// not contain it.
constexpr char kLeadCharByte = '\xC3';

// The Windows-1252 byte that reads as `c`, or -1.
int Windows1252Byte(UChar32 c) {
  if (c >= 0x80 && c <= 0xFF) return c;
  if (c < 0x152 || c > 0x2122) return -1;  // The specials' range.
  for (int i = 0; i < 32; ++i) {
    if (static_cast<UChar32>(kWindows1252High[i]) == c) return 0x80 + i;
  }
  return -1;
}

// How many continuation bytes the UTF-8 lead byte `lead` takes; 0 for a
// byte that leads no well-formed sequence (ASCII, C0, C1, F5..: ICU's
// U8_IS_LEAD). Which continuations may follow it, ICU's U8_NEXT says once
// the run is read.
int ContinuationsAfter(int lead) {
  if (lead < 0 || !U8_IS_LEAD(lead)) return 0;
  return 1 + (lead >= 0xE0) + (lead >= 0xF0);
}

// A run: the characters [start, end) of the text, and the UTF-8 sequence
// they spell.
struct Run {
  int32_t start = 0;
  int32_t end = 0;
  char bytes[4] = {};
  int length = 0;
};

// Reads the run whose first character opens at `start`; false if none.
bool ReadRun(const uint8_t* data, int32_t length, int32_t start, Run* run) {
  int32_t i = start;
  UChar32 c;
  U8_NEXT(data, i, length, c);
  const int lead = Windows1252Byte(c);
  const int continuations = ContinuationsAfter(lead);
  if (continuations == 0) return false;
  run->bytes[0] = static_cast<char>(lead);
  for (int k = 1; k <= continuations; ++k) {
    if (i >= length) return false;
    U8_NEXT(data, i, length, c);
    const int byte = Windows1252Byte(c);
    if (!U8_IS_TRAIL(byte)) return false;
    run->bytes[k] = static_cast<char>(byte);
  }
  // Well-formed: no overlong form, surrogate or code point past U+10FFFF.
  const auto* bytes = reinterpret_cast<const uint8_t*>(run->bytes);
  int32_t read = 0;
  UChar32 spelled;
  U8_NEXT(bytes, read, continuations + 1, spelled);
  if (spelled < 0 || read != continuations + 1) return false;
  run->start = start;
  run->end = i;
  run->length = continuations + 1;
  return true;
}

// Calls `visit(run)` for each run of `text`, in order.
template <typename Visit>
void ForEachRun(absl::string_view text, Visit visit) {
  const auto* data = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t from = 0;
  while (from < length) {
    const void* found =
        std::memchr(text.data() + from, kLeadCharByte, length - from);
    if (found == nullptr) return;
    const int32_t at =
        static_cast<int32_t>(static_cast<const char*>(found) - text.data());
    Run run;
    if (ReadRun(data, length, at, &run)) {
      visit(run);
      from = run.end;
    } else {
      from = at + 1;
    }
  }
}

// Characters outside ASCII: in valid UTF-8, the bytes that lead one.
int64_t NonAsciiCharacters(absl::string_view text) {
  int64_t count = 0;
  for (const char byte : text) {
    count += static_cast<uint8_t>(byte) >= 0xC0;
  }
  return count;
}

bool LooksDoublyEncoded(absl::string_view text) {
  int64_t continuations = 0;
  int64_t run_characters = 0;
  ForEachRun(text, [&](const Run& run) {
    continuations += run.length - 1;
    run_characters += run.length;
  });
  if (continuations < kMojibakeMinContinuations) return false;
  return run_characters * kMojibakeShareDenominator >=
         NonAsciiCharacters(text) * kMojibakeShareNumerator;
}

}  // namespace

bool RepairMojibake(std::string* text) {
  if (!LooksDoublyEncoded(*text)) return false;
  std::string repaired;
  repaired.reserve(text->size());
  int32_t copied = 0;
  ForEachRun(*text, [&](const Run& run) {
    repaired.append(*text, copied, run.start - copied);
    repaired.append(run.bytes, run.length);
    copied = run.end;
  });
  repaired.append(*text, copied, std::string::npos);
  *text = std::move(repaired);
  return true;
}

}  // namespace lede::engine
