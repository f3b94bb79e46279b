#include "server/engine/gumbo_arena.h"

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

void* Allocate(GumboArena& arena, size_t size) {
  GumboOptions options = arena.Options();
  return options.allocator(options.userdata, size);
}

// The engine's arenas, one a page, parse into the same memory page after
// page: the chunk one gives back is the next one's first.
TEST(GumboArenaTest, AThreadCacheArenaTakesTheChunkTheLastOneGaveBack) {
  void* first = nullptr;
  {
    GumboArena arena(GumboArena::Chunks::kThreadCache);
    first = Allocate(arena, 64);
    ASSERT_NE(first, nullptr);
  }
  GumboArena arena(GumboArena::Chunks::kThreadCache);
  EXPECT_EQ(Allocate(arena, 64), first);
}

// A tree parsed into reused chunks reads as one parsed into fresh ones.
TEST(GumboArenaTest, ParsesAlikeInReusedChunks) {
  const char kHtml[] = "<p id=a>One <b>two</b></p><p>three</p>";
  for (int parse = 0; parse < 3; ++parse) {
    GumboArena arena(GumboArena::Chunks::kThreadCache);
    GumboOptions options = arena.Options();
    GumboOutput* output =
        gumbo_parse_with_options(&options, kHtml, sizeof(kHtml) - 1);
    ASSERT_NE(output, nullptr);
    const GumboNode* body =
        static_cast<const GumboNode*>(output->root->v.element.children.data[1]);
    ASSERT_EQ(body->v.element.children.length, 2u);
    const GumboNode* p =
        static_cast<const GumboNode*>(body->v.element.children.data[0]);
    EXPECT_EQ(p->v.element.tag, GUMBO_TAG_P);
    EXPECT_EQ(p->v.element.attributes.length, 1u);
  }
}

}  // namespace
}  // namespace lede::engine
