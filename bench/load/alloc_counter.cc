// Counts every heap allocation per thread by defining malloc, calloc,
// realloc and the aligned forms in the executable: the dynamic linker binds
// the engine's, the C++ runtime's (operator new) and the libraries' calls
// (gumbo, ICU, protobuf) to these, and each forwards to glibc's own
// allocator (__libc_malloc...), so what is allocated and how does not
// change; only two thread-local counters are added to. glibc 2.34 removed
// the malloc hooks, and mallinfo2 gives bytes in use, not bytes allocated
// (a page that frees what it allocates would show none).
#include "bench/load/alloc_counter.h"

#include <errno.h>
#include <unistd.h>

#include <cstddef>

extern "C" {
void* __libc_malloc(size_t size);
void* __libc_calloc(size_t count, size_t size);
void* __libc_realloc(void* pointer, size_t size);
void* __libc_memalign(size_t alignment, size_t size);
void __libc_free(void* pointer);
}

namespace {

// Plain data, so no constructor runs on first use (malloc may be called
// while a thread is being set up).
thread_local lede::bench::AllocCounts counts;

inline void Count(size_t bytes) {
  counts.bytes += bytes;
  ++counts.calls;
}

}  // namespace

namespace lede::bench {

AllocCounts ThreadAllocCounts() { return counts; }

}  // namespace lede::bench

extern "C" {

void* malloc(size_t size) {
  Count(size);
  return __libc_malloc(size);
}

void* calloc(size_t count, size_t size) {
  Count(count * size);
  return __libc_calloc(count, size);
}

void* realloc(void* pointer, size_t size) {
  Count(size);
  return __libc_realloc(pointer, size);
}

void free(void* pointer) { __libc_free(pointer); }

void* memalign(size_t alignment, size_t size) {
  Count(size);
  return __libc_memalign(alignment, size);
}

void* aligned_alloc(size_t alignment, size_t size) {
  Count(size);
  return __libc_memalign(alignment, size);
}

int posix_memalign(void** out, size_t alignment, size_t size) {
  if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0) {
    return EINVAL;
  }
  Count(size);
  void* pointer = __libc_memalign(alignment, size);
  if (pointer == nullptr) return ENOMEM;
  *out = pointer;
  return 0;
}

void* valloc(size_t size) {
  Count(size);
  return __libc_memalign(static_cast<size_t>(sysconf(_SC_PAGESIZE)), size);
}

}  // extern "C"
