// Part of stage 3, parse: gumbo, stopped when it runs past the caller's
// deadline or past a CPU budget proportional to the document's size. Gumbo
// has shapes whose cost grows faster than their size (misnested formatting
// elements that the tree builder reopens ever deeper, thousands of
// attributes on one element, each checked against all before it); the
// budget keeps every document's parse linear in its size, whatever shape
// the pre-scan (nesting.h: the nesting, and attributes by the ten
// thousand) does not foresee.
#ifndef LEDE_SERVER_ENGINE_BOUNDED_PARSE_H_
#define LEDE_SERVER_ENGINE_BOUNDED_PARSE_H_

#include <gumbo.h>

#include <cstddef>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/engine/gumbo_arena.h"

namespace lede::engine {

// The CPU time gumbo may spend on `bytes` of HTML at `ms_per_mb`: that much
// per MiB, and 100 ms more for any document.
absl::Duration ParseBudget(size_t bytes, int ms_per_mb);

// Parses `html` (which must outlive the tree) into `arena`. Returns the
// tree, DEADLINE_EXCEEDED once `deadline` has passed, or
// RESOURCE_EXHAUSTED (naming --max_parse_ms_per_mb) once the parse has used
// ParseBudget(html.size(), ms_per_mb) of its thread's CPU time. A stopped
// parse leaves its memory in the arena.
absl::StatusOr<GumboOutput*> ParseWithinBudget(GumboArena& arena,
                                               absl::string_view html,
                                               absl::Time deadline,
                                               int ms_per_mb);

// The same with the budget of a document of `budget_bytes`: the page as
// sent, of which `html` is what the parse gives gumbo (inert_text.h).
absl::StatusOr<GumboOutput*> ParseWithinBudget(GumboArena& arena,
                                               absl::string_view html,
                                               size_t budget_bytes,
                                               absl::Time deadline,
                                               int ms_per_mb);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_BOUNDED_PARSE_H_
