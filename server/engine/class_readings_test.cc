#include "server/engine/class_readings.h"

#include "gtest/gtest.h"

namespace lede::engine::content {
namespace {

TEST(ClassReadingsTest, SaysReadsAClassByItsRoleClassesAndAnIdAsItStands) {
  ClassReadings classes;
  EXPECT_EQ(classes.Says("sidebar widget", /*of_class=*/true),
            kSaysBoilerplate);
  EXPECT_EQ(classes.Says("comments-area", /*of_class=*/true), kSaysDiscussion);
  EXPECT_EQ(classes.Says("entry-content", /*of_class=*/true), 0u);
  // A taxonomy token files the post under a topic: as a class it says
  // nothing, as an id it is read as written.
  EXPECT_EQ(classes.Says("tag-sidebar", /*of_class=*/true), 0u);
  EXPECT_EQ(classes.Says("tag sidebar", /*of_class=*/false), kSaysBoilerplate);
  EXPECT_EQ(classes.Says("", /*of_class=*/true), 0u);
}

TEST(ClassReadingsTest, WeightAddsTheNegativeAndPositiveWords) {
  ClassReadings classes;
  EXPECT_EQ(classes.Weight("entry-content", /*of_class=*/true), 25);
  EXPECT_EQ(classes.Weight("footer", /*of_class=*/false), -25);
  EXPECT_EQ(classes.Weight("post-comment", /*of_class=*/false), 0);
  EXPECT_EQ(classes.Weight("tag-article", /*of_class=*/true), 0);
  EXPECT_EQ(classes.Weight("grid", /*of_class=*/true), 0);
}

TEST(ClassReadingsTest, AValueReadsTheSameEveryTimeAndForBothQuestions) {
  ClassReadings classes;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(classes.Says("related-posts", /*of_class=*/true),
              kSaysBoilerplate);
    EXPECT_EQ(classes.Weight("related-posts", /*of_class=*/true), 0);
  }
}

}  // namespace
}  // namespace lede::engine::content
