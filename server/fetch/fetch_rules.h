// Data: what lede asks servers for and which answers it reads as documents.
#ifndef LEDE_SERVER_FETCH_FETCH_RULES_H_
#define LEDE_SERVER_FETCH_FETCH_RULES_H_

#include "absl/strings/string_view.h"

namespace lede::fetch {

// Sent with every request: pages first, any text after them. The
// Accept-Encoding header is libcurl's: every coding it can decode (gzip,
// deflate, br and zstd in Debian's build).
inline constexpr absl::string_view kAcceptHeader =
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,"
    "text/*;q=0.8,*/*;q=0.1";

// Media types read as documents (lower case, parameters stripped). A
// response without a Content-Type is read too: the engine sniffs it. Any
// other type (PDF, images, video, archives, JSON) is refused before its body
// is downloaded.
inline constexpr absl::string_view kDocumentTypePrefixes[] = {"text/"};
inline constexpr absl::string_view kDocumentTypes[] = {
    "application/xhtml+xml",
    "application/xml",
};
// XML vocabularies (RSS, Atom, ...) are text the engine can read.
inline constexpr absl::string_view kDocumentTypeSuffixes[] = {"+xml"};

// HTTP statuses that mean the page does not exist (NOT_FOUND); every other
// status outside 2xx is FAILED_PRECONDITION.
inline constexpr int kGoneStatuses[] = {404, 410};

}  // namespace lede::fetch

#endif  // LEDE_SERVER_FETCH_FETCH_RULES_H_
