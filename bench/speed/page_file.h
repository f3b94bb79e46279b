// The bench pages as the Python side lists them (bench/speed/run.py,
// bench/load/run.py): a manifest of one page a line, TAB-separated: set, id,
// path (".gz" is gunzipped), url, content type (the last two may be empty).
// Shared by the C++ benches that read it.
#ifndef LEDE_BENCH_SPEED_PAGE_FILE_H_
#define LEDE_BENCH_SPEED_PAGE_FILE_H_

#include <string>

namespace lede::bench {

struct ManifestEntry {
  std::string set, id, path, url, content_type;
};

// Splits one manifest line into its fields (missing trailing ones empty).
ManifestEntry ParseManifestLine(const std::string& line);

// Reads the file at `path` into `out`, gunzipped when the name ends in
// ".gz". Returns false when it cannot be read or unpacked.
bool ReadPageFile(const std::string& path, std::string* out);

}  // namespace lede::bench

#endif  // LEDE_BENCH_SPEED_PAGE_FILE_H_
