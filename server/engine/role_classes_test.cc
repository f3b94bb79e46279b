#include "server/engine/role_classes.h"

#include "gtest/gtest.h"

namespace lede::engine {
namespace {

TEST(RoleClassesTest, TaxonomyAndModifiersGoRolesStay) {
  EXPECT_EQ(RoleClasses("post tag-sidebar category-popular entry-content"),
            "post entry-content");
  EXPECT_EQ(RoleClasses("author-box author-jane"), "author-box");
  EXPECT_EQ(RoleClasses("Author-Bio"), "Author-Bio");
  EXPECT_EQ(RoleClasses("block--ads o-section--has-ads"), "block o-section");
  // "section-..." files the page under a section, modifier or not.
  EXPECT_EQ(RoleClasses("section--ads"), "");
  EXPECT_EQ(RoleClasses(" \t\n "), "");
  EXPECT_EQ(RoleClasses("--only-a-modifier content"), "content");
}

// RoleClasses compares a token's text up to its first "-" with each
// prefix: a prefix must end at its one "-".
TEST(RoleClassesTest, EachTaxonomyPrefixEndsAtItsOnlyDash) {
  for (absl::string_view prefix : kTaxonomyClassPrefixes) {
    EXPECT_EQ(prefix.find('-'), prefix.size() - 1) << prefix;
  }
}

TEST(RoleClassesTest, APrefixCountsOnlyAtTheTokensStartAndInItsCase) {
  EXPECT_EQ(RoleClasses("Tag-news my-tag-news tag news-tag- tag-"),
            "Tag-news my-tag-news tag news-tag-");
  EXPECT_EQ(RoleClasses("AUTHOR-BOX\fauthor-boxes\rpost-x--y"), "AUTHOR-BOX");
  EXPECT_EQ(RoleClasses("a-b--c--d x--"), "a-b x");
}

}  // namespace
}  // namespace lede::engine
