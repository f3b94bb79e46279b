// Heap allocations of the calling thread, counted by alloc_counter.cc, which
// stands in for malloc and its kin. Linked only into the bench that reports
// them (lede_inprocess_bench), never into the server or the engine.
#ifndef LEDE_BENCH_LOAD_ALLOC_COUNTER_H_
#define LEDE_BENCH_LOAD_ALLOC_COUNTER_H_

#include <cstdint>

namespace lede::bench {

struct AllocCounts {
  // Bytes asked for (malloc, calloc, realloc's new size, the aligned
  // forms), whether or not they were freed since.
  uint64_t bytes = 0;
  // Calls that asked for memory.
  uint64_t calls = 0;
};

// What the calling thread has allocated since it started.
AllocCounts ThreadAllocCounts();

}  // namespace lede::bench

#endif  // LEDE_BENCH_LOAD_ALLOC_COUNTER_H_
