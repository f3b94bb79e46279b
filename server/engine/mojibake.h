// Repair of text that was UTF-8-encoded twice ("mojibake"): a page's UTF-8
// bytes read once as Windows-1252 and encoded again, so that "It’s" reads
// "Itâ€™s" and "café" reads "cafÃ©". Part of stage 1, decode.
#ifndef LEDE_SERVER_ENGINE_MOJIBAKE_H_
#define LEDE_SERVER_ENGINE_MOJIBAKE_H_

#include <string>

namespace lede::engine {

// Replaces, in the valid UTF-8 `text`, each run of characters that, read
// back as Windows-1252 bytes, spell one well-formed UTF-8 multi-byte
// sequence (no overlong form, no surrogate) by the character they spell,
// when the document shows enough runs to be sure it is mojibake
// (mojibake_rules.h); otherwise leaves `text` as it is. Returns whether
// `text` changed. Linear time; a document without "Ã".."ô" is read by one
// memchr.
bool RepairMojibake(std::string* text);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_MOJIBAKE_H_
