// Stage 1, decode: document bytes in any charset -> UTF-8.
#ifndef LEDE_SERVER_ENGINE_DECODE_H_
#define LEDE_SERVER_ENGINE_DECODE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace lede::engine {

struct DecodedText {
  std::string utf8;
  // The charset the bytes were read as, in its canonical name ("UTF-8",
  // "GB18030", "windows-1252", ...).
  std::string charset;
  // Where the charset came from: "bom", "content-type", "meta", "detected"
  // (ICU's detector), "utf-8-valid" (the bytes are UTF-8, whatever a legacy
  // label said), "default" (ASCII, or nothing read the bytes better than
  // UTF-8 with replacement characters).
  std::string charset_source;
};

// Decodes `bytes` to UTF-8 (and repairs text UTF-8-encoded twice, see
// mojibake.h). Evidence, best first: a byte order mark, the
// charset parameter of `content_type`, a <meta charset> / http-equiv / XML
// declaration near the start, then ICU's charset detector. Labels are read
// as browsers read them (gb2312 and gbk decode as GB18030, iso-8859-1 as
// windows-1252); a label whose decoding is implausible (many undecodable
// bytes, C1 controls or private-use characters) gives way to valid UTF-8 or
// to the detector's guess when that reads the bytes cleanly. Bytes that do
// not decode become U+FFFD; never fails.
DecodedText DecodeToUtf8(absl::string_view bytes,
                         absl::string_view content_type);

// Maps a charset label to the encoding a browser would use for it (WHATWG
// Encoding's label table), as an ICU converter name. Empty when unknown.
std::string CanonicalCharset(absl::string_view label);

// The bytes ICU's charset detector is given: from the first byte outside
// ASCII, at most a bound's worth (kDetectBytes in decode.cc), ending after a
// byte that is a character of its own in every ASCII-compatible encoding.
absl::string_view DetectorSample(absl::string_view bytes);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_DECODE_H_
