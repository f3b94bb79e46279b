#include "server/engine/thread_lines.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/block_testing.h"

namespace lede::engine::content {
namespace {

using ::testing::ElementsAre;

std::vector<Block> Paragraphs(const std::vector<std::string>& texts) {
  std::vector<Block> blocks;
  for (const std::string& text : texts) blocks.push_back({.text = text});
  return blocks;
}

TEST(ThreadLinesTest, AWritersDetailsGoTheirNameStays) {
  std::vector<Block> blocks = Paragraphs(
      {"jdoe", "Posts: 4032\nJoined: Dec 11, 2021", "410 posts · Joined 2002",
       "Reaction score", "10", "First post's text."});
  DropThreadFurniture(&blocks);
  EXPECT_THAT(Texts(blocks), ElementsAre("jdoe", "First post's text."));
}

TEST(ThreadLinesTest, ALabelsWordsInAPostStay) {
  // A label opening a sentence, and a label alone before a sentence, are
  // the post's words.
  std::vector<Block> blocks =
      Paragraphs({"Points to consider before you buy one.", "Location",
                  "The venue changed twice this year, so check before going.",
                  "Threads are cheaper than processes here."});
  const std::vector<std::string> before = Texts(blocks);
  DropThreadFurniture(&blocks);
  EXPECT_EQ(Texts(blocks), before);
}

TEST(ThreadLinesTest, AnAnswerFormAndAWritersCardGoCodeStays) {
  std::vector<Block> blocks = Paragraphs(
      {"Use rsync with --archive.", "answered Mar 26, 2019 at 16:59",
       "135k44 gold badges175175 silver badges322322 bronze badges",
       "Your Answer", "Sign up or log in", "Explore related questions",
       "Author", "Edited April 18, 2024 by jdoe"});
  blocks.push_back({.kind = BlockKind::kCode, .text = "Posts: 12"});
  DropThreadFurniture(&blocks);
  EXPECT_THAT(Texts(blocks),
              ElementsAre("Use rsync with --archive.", "Posts: 12"));
}

}  // namespace
}  // namespace lede::engine::content
