// YAML (---) and TOML (+++) front matter, as Hexo, Jekyll and Hugo write it.
#ifndef LEDE_SERVER_ENGINE_FRONT_MATTER_H_
#define LEDE_SERVER_ENGINE_FRONT_MATTER_H_

#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace lede::engine {

using FrontMatter = std::map<std::string, std::vector<std::string>>;

// If `text` starts (after blank lines) with a front matter block, parses it
// into `out` (keys lower-cased, scalars as one-item lists, nested maps
// flattened as "parent.child") and returns the length of the block including
// its closing fence. Returns 0 when there is no well-formed block.
size_t ParseFrontMatter(absl::string_view text, FrontMatter* out);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_FRONT_MATTER_H_
