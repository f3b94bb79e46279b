// The memory gumbo parses into: a bump allocator whose frees are no-ops, so a
// whole tree goes at once when the arena does. The parse stage and the speed
// bench's gumbo baseline both use it, so the baseline is gumbo as the engine
// runs it.
#ifndef LEDE_SERVER_ENGINE_GUMBO_ARENA_H_
#define LEDE_SERVER_ENGINE_GUMBO_ARENA_H_

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace lede::engine {

class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    for (void* chunk : chunks_) std::free(chunk);
  }

  // Calls `watch(context)` every kWatchEvery allocations of the parses
  // that follow, so a caller can stop a parse that runs too long (see
  // bounded_parse.h); null stops watching.
  using Watch = void (*)(void* context);
  void SetWatch(Watch watch, void* context) {
    watch_ = watch;
    watch_context_ = context;
  }
  static constexpr size_t kWatchEvery = 1024;

  // Gumbo options that allocate from this arena and record no parse errors
  // (nothing reads them; recording them costs time and memory). The arena
  // must outlive every tree parsed with them.
  GumboOptions Options() {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &GumboArena::Allocate;
    options.deallocator = &GumboArena::Free;
    options.userdata = this;
    options.max_errors = 0;
    return options;
  }

 private:
  static constexpr size_t kChunkBytes = 1 << 20;

  static void* Allocate(void* arena, size_t size) {
    auto* self = static_cast<GumboArena*>(arena);
    if (self->watch_ != nullptr && ++self->allocations_ % kWatchEvery == 0) {
      self->watch_(self->watch_context_);
    }
    return self->Take(size);
  }
  static void Free(void*, void*) {}

  void* Take(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size > remaining_) {
      size_t chunk_size = std::max(size, kChunkBytes);
      char* chunk = static_cast<char*>(std::malloc(chunk_size));
      if (chunk == nullptr) return nullptr;
      chunks_.push_back(chunk);
      cursor_ = chunk;
      remaining_ = chunk_size;
    }
    void* result = cursor_;
    cursor_ += size;
    remaining_ -= size;
    return result;
  }

  Watch watch_ = nullptr;
  void* watch_context_ = nullptr;
  size_t allocations_ = 0;
  std::vector<void*> chunks_;
  char* cursor_ = nullptr;
  size_t remaining_ = 0;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_GUMBO_ARENA_H_
