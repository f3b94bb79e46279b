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

}  // namespace
}  // namespace lede::engine
