#include "bench/speed/quantile.h"

#include <algorithm>

namespace lede::bench {

double Quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  double at = q * double(values.size() - 1);
  size_t lo = size_t(at);
  size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (values[hi] - values[lo]) * (at - double(lo));
}

}  // namespace lede::bench
