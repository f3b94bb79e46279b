// The memory gumbo parses into: a bump allocator whose frees are no-ops, so a
// whole tree goes at once when the arena does. The parse stage and the speed
// bench's gumbo baseline both use it, so the baseline is gumbo as the engine
// runs it. An arena made with Chunks::kThreadCache (the engine's) takes its
// chunks from its thread's cache and gives them back when it goes, so a
// worker parsing page after page reuses the same few megabytes instead of
// asking malloc (and, when malloc has trimmed its heap, the kernel's page
// faults) for fresh ones each page.
#ifndef LEDE_SERVER_ENGINE_GUMBO_ARENA_H_
#define LEDE_SERVER_ENGINE_GUMBO_ARENA_H_

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace lede::engine {

class GumboArena {
 public:
  enum class Chunks { kOwn, kThreadCache };
  explicit GumboArena(Chunks chunks = Chunks::kOwn)
      : cache_(chunks == Chunks::kThreadCache ? &ThreadCache() : nullptr) {}
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    for (const Chunk& chunk : chunks_) {
      if (cache_ != nullptr && chunk.size == kChunkBytes &&
          cache_->chunks.size() < kCachedChunks) {
        cache_->chunks.push_back(chunk.data);
      } else {
        std::free(chunk.data);
      }
    }
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

  // Bytes the parses so far have taken from the arena (frees give none
  // back).
  size_t taken() const { return taken_; }

  // Gumbo options that allocate from this arena and record no parse errors
  // (nothing reads them; recording them costs time, and memory in
  // proportion to a hostile page's errors). Gumbo then misreads one shape,
  // an attribute repeated without a value, which the parse blanks first
  // (repeated_attributes.h). The arena must outlive every tree parsed with
  // them.
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
  // Chunks a thread keeps between parses: its usual pages' trees fit.
  static constexpr size_t kCachedChunks = 4;

  // A thread's spare chunks, freed when the thread ends.
  struct ChunkCache {
    std::vector<void*> chunks;
    ~ChunkCache() {
      for (void* chunk : chunks) std::free(chunk);
    }
  };
  static ChunkCache& ThreadCache() {
    thread_local ChunkCache cache;
    return cache;
  }

  void* NewChunk(size_t chunk_size) {
    if (cache_ != nullptr && chunk_size == kChunkBytes &&
        !cache_->chunks.empty()) {
      void* chunk = cache_->chunks.back();
      cache_->chunks.pop_back();
      return chunk;
    }
    return std::malloc(chunk_size);
  }

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
    taken_ += size;
    if (size > remaining_) {
      size_t chunk_size = std::max(size, kChunkBytes);
      char* chunk = static_cast<char*>(NewChunk(chunk_size));
      if (chunk == nullptr) return nullptr;
      chunks_.push_back({chunk, chunk_size});
      cursor_ = chunk;
      remaining_ = chunk_size;
    }
    void* result = cursor_;
    cursor_ += size;
    remaining_ -= size;
    return result;
  }

  ChunkCache* cache_;
  Watch watch_ = nullptr;
  void* watch_context_ = nullptr;
  size_t allocations_ = 0;
  struct Chunk {
    void* data;
    size_t size;
  };
  std::vector<Chunk> chunks_;
  size_t taken_ = 0;
  char* cursor_ = nullptr;
  size_t remaining_ = 0;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_GUMBO_ARENA_H_
