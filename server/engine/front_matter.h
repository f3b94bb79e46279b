// YAML (---) and TOML (+++) front matter, as Hexo, Jekyll and Hugo write it.
#ifndef LEDE_SERVER_ENGINE_FRONT_MATTER_H_
#define LEDE_SERVER_ENGINE_FRONT_MATTER_H_

#include <map>
#include <optional>
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

namespace front_matter_internal {

// A YAML block's entries when it is written in the subset read without
// yaml-cpp: flat "key: scalar" lines and "key:" lines followed by lists of
// scalars, plain or quoted without escapes, with comments and blank lines;
// nullopt for anything else.
std::optional<FrontMatter> ReadPlainYaml(absl::string_view body);

// A YAML block's entries as yaml-cpp reads them; false when it is not a map.
bool ParseYamlCpp(absl::string_view body, FrontMatter* out);

}  // namespace front_matter_internal

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_FRONT_MATTER_H_
