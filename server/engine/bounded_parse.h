// Part of stage 3, parse: gumbo, stopped when it runs past the caller's
// deadline, or past a CPU or a memory budget proportional to the document's
// size. Gumbo
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
#include "server/engine/limits.h"

namespace lede::engine {

// The CPU time gumbo may spend on `bytes` of HTML at `ms_per_mb`: that much
// per MiB, and 100 ms more for any document.
absl::Duration ParseBudget(size_t bytes, int ms_per_mb);

// The bytes gumbo's tree may take for `bytes` of HTML at `mb_per_mb`: that
// many MiB per MiB, and kFreeParseMiB more for any document.
size_t ParseMemoryBudget(size_t bytes, int mb_per_mb);

// Parses `html` (which must outlive the tree) into `arena`. Returns the
// tree, DEADLINE_EXCEEDED once `deadline` has passed, or
// RESOURCE_EXHAUSTED once the parse has used ParseBudget(html.size(),
// limits.max_parse_ms_per_mb) of its thread's CPU time (naming
// --max_parse_ms_per_mb) or taken ParseMemoryBudget(html.size(),
// limits.max_parse_mb_per_mb) from the arena (naming
// --max_parse_mb_per_mb), or INVALID_ARGUMENT where the markup fails one of
// gumbo's own checks (LeaveGumboOnFailedCheck). A stopped parse leaves its
// memory in the arena.
absl::StatusOr<GumboOutput*> ParseWithinBudget(GumboArena& arena,
                                               absl::string_view html,
                                               absl::Time deadline,
                                               const Limits& limits);

// The same with the budgets of a document of `budget_bytes`: the page as
// sent, of which `html` is what the parse gives gumbo (inert_text.h).
absl::StatusOr<GumboOutput*> ParseWithinBudget(GumboArena& arena,
                                               absl::string_view html,
                                               size_t budget_bytes,
                                               absl::Time deadline,
                                               const Limits& limits);

// Gumbo 0.10.1, as Debian builds it, keeps its assertions, and markup can
// fail one: in <table><math><select><mi><template></template><tr>, its reset
// of the insertion mode takes the MathML <select> for HTML's, and a later
// step finds no HTML one (src/parser.c:714, `node`), which aborted the whole
// process, a server with every call in it. Executables that link the engine
// link gumbo's static archive with --wrap=__assert_fail, whose handler calls
// this: during a ParseWithinBudget on this thread it leaves gumbo for the
// parse's caller as the budgets do (gumbo is C and allocates from the arena
// only, so nothing left needed unwinding) and does not return; elsewhere it
// returns false, and the assertion aborts as it would have.
bool LeaveGumboOnFailedCheck(const char* assertion, const char* file,
                             unsigned int line);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_BOUNDED_PARSE_H_
