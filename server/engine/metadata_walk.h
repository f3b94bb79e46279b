// The metadata stage's one walk over the page: it knows where it stands
// (inside a container of other articles, the page's chrome, a microdata
// item) and hands each node to the readers (metadata_readers.h) that read
// it. Internal to the metadata stage.
#ifndef LEDE_SERVER_ENGINE_METADATA_WALK_H_
#define LEDE_SERVER_ENGINE_METADATA_WALK_H_

#include "absl/strings/string_view.h"
#include "server/engine/dom.h"
#include "server/engine/metadata_scan.h"

namespace lede::engine::metadata {

// Walks `dom` once, in document order, reading into `sink`; `body_walk`,
// when given, walks the body in the same pass (WalkTogether).
void ScanPage(const Dom& dom, Sink* sink, TreeVisitor* body_walk = nullptr);

// Whether a class or id value may name a role the walk looks for (a
// container of other articles, a byline, a date): false only when the role
// patterns cannot match it (metadata_rules::kRoleWordStarts).
bool MayNameARole(absl::string_view value);

}  // namespace lede::engine::metadata

#endif  // LEDE_SERVER_ENGINE_METADATA_WALK_H_
