// Quantiles of the benches' per-page figures.
#ifndef LEDE_BENCH_SPEED_QUANTILE_H_
#define LEDE_BENCH_SPEED_QUANTILE_H_

#include <vector>

namespace lede::bench {

// The q-quantile (0 <= q <= 1) of `values`, linear between the nearest
// ranks; 0 when there are none.
double Quantile(std::vector<double> values, double q);

}  // namespace lede::bench

#endif  // LEDE_BENCH_SPEED_QUANTILE_H_
