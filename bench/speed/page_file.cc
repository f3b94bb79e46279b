#include "bench/speed/page_file.h"

#include <zlib.h>

#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/strings/str_split.h"

namespace lede::bench {

ManifestEntry ParseManifestLine(const std::string& line) {
  std::vector<std::string> f = absl::StrSplit(line, '\t');
  f.resize(5);
  return ManifestEntry{f[0], f[1], f[2], f[3], f[4]};
}

bool ReadPageFile(const std::string& path, std::string* out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::stringstream bytes;
  bytes << file.rdbuf();
  *out = bytes.str();
  if (path.size() < 3 || path.compare(path.size() - 3, 3, ".gz") != 0) {
    return true;
  }
  gzFile gz = gzopen(path.c_str(), "rb");
  if (gz == nullptr) return false;
  std::string plain;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(gz, buffer, sizeof buffer)) > 0) plain.append(buffer, n);
  bool ok = n == 0;
  gzclose(gz);
  *out = std::move(plain);
  return ok;
}

}  // namespace lede::bench
