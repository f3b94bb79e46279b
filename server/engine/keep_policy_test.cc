#include "server/engine/keep_policy.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "server/engine/dom.h"

namespace lede::engine::content {
namespace {

constexpr char kProse[] =
    "<p>The council voted on Tuesday to approve the new budget, which raises "
    "spending on schools, roads and parks by a tenth.</p>";

// A page, measured, and a policy over it.
class Page {
 public:
  explicit Page(const std::string& html, KeepOptions options = {}) {
    absl::StatusOr<Dom> parsed =
        Dom::Parse(html, Limits(), absl::InfiniteFuture());
    EXPECT_TRUE(parsed.ok());
    dom_ = std::make_unique<Dom>(*std::move(parsed));
    stats_ = MeasureTree(dom_->body(), skips_);
    policy_ = std::make_unique<KeepPolicy>(
        stats_, skips_, content_rules::kBalancedBias, options, &classes_);
  }

  // The verdict on the element with id `id`, in a walk of the body.
  Verdict On(absl::string_view id) const {
    const GumboNode* found = nullptr;
    WalkTree(dom_->body(), [&](const GumboNode* node, int) {
      if (node->type == GUMBO_NODE_ELEMENT && Attribute(node, "id") == id) {
        found = node;
      }
      return found == nullptr;
    });
    EXPECT_NE(found, nullptr) << id;
    return policy_->Judge(found, policy_->StatsOf(dom_->body()),
                          /*is_root=*/false);
  }

 private:
  std::unique_ptr<Dom> dom_;
  Skips skips_;
  StatsMap stats_;
  ClassReadings classes_;
  std::unique_ptr<KeepPolicy> policy_;
};

TEST(KeepPolicyTest, BoilerplateGoesTheArticleStays) {
  Page page(std::string("<div id=story>") + kProse + kProse +
            "<div id=share class=share-bar><a href=#>Facebook</a></div>"
            "<nav id=menu><a href=/>Home</a></nav>"
            // What Google's site search is told is not the page's content.
            "<div id=banner class=\"site-banner nocontent\"><p>Version 2 is "
            "out!</p></div><div id=note class=content-note><p>A note.</p>"
            "</div><span id=tag class=share>inline</span></div>");
  EXPECT_EQ(page.On("story"), Verdict::kKeep);
  EXPECT_EQ(page.On("share"), Verdict::kDrop);
  EXPECT_EQ(page.On("menu"), Verdict::kDrop);
  EXPECT_EQ(page.On("banner"), Verdict::kDrop);
  EXPECT_EQ(page.On("note"), Verdict::kKeep);
  // Inline elements are part of their sentence, whatever their class.
  EXPECT_EQ(page.On("tag"), Verdict::kKeep);
}

TEST(KeepPolicyTest, ADisclaimersSmallPrintGoes) {
  // The word at either end of a class token; the same box classed
  // otherwise stays.
  for (const auto& [attribute, verdict] :
       std::vector<std::pair<std::string, Verdict>>{
           {"class=affiliate-disclaimer", Verdict::kDrop},
           {"class=\"disclaimers small\"", Verdict::kDrop},
           {"class=disclaimer-text", Verdict::kDrop},
           {"class=affiliate-note", Verdict::kKeep}}) {
    const Page page(std::string("<div id=story>") + kProse + kProse +
                    "<div id=fine " + attribute +
                    "><p>We may earn a commission when you buy through our "
                    "links.</p></div></div>");
    EXPECT_EQ(page.On("fine"), verdict) << attribute;
    EXPECT_EQ(page.On("story"), Verdict::kKeep) << attribute;
  }
}

TEST(KeepPolicyTest, ABoilerplateClassAroundMostOfTheTextIsKept) {
  Page page(std::string("<div id=wrap class=sidebar-left>") + kProse + kProse +
            kProse + "</div><p>A line.</p>");
  EXPECT_EQ(page.On("wrap"), Verdict::kKeep);
}

TEST(KeepPolicyTest, WhatIsKeptOutOfSearchSnippetsGoesUnlessItHoldsTheText) {
  const Page page(std::string("<div id=story data-nosnippet>") + kProse +
                  kProse + kProse +
                  "<div id=bio data-nosnippet=\"\"><p>Our writer has covered "
                  "the council since 2019.</p></div></div>");
  EXPECT_EQ(page.On("bio"), Verdict::kDrop);
  EXPECT_EQ(page.On("story"), Verdict::kKeep);
}

TEST(KeepPolicyTest, DiscussionIsDroppedOnlyWhenAsked) {
  const std::string html = std::string("<div id=story>") + kProse + kProse +
                           kProse + "</div><div id=talk class=comments>" +
                           kProse + "</div>";
  EXPECT_EQ(Page(html).On("talk"), Verdict::kDropDiscussion);
  EXPECT_EQ(Page(html, {.drop_discussions = false}).On("talk"), Verdict::kKeep);
  EXPECT_EQ(Page(html).On("story"), Verdict::kKeep);
}

TEST(KeepPolicyTest, LinkListsGoUnlessTheWalkReadsAListing) {
  const std::string html =
      std::string("<div id=story>") + kProse + kProse +
      "</div><ul id=links><li><a href=/1>Another story about budgets</a></li>"
      "<li><a href=/2>Yet another story</a></li></ul>";
  EXPECT_EQ(Page(html).On("links"), Verdict::kDropLinkList);
  EXPECT_EQ(Page(html, {.keep_link_lists = true}).On("links"), Verdict::kKeep);
}

TEST(KeepPolicyTest, ATrailLabelledBreadcrumbGoesEvenWhenLinkListsStay) {
  // Documentation is read with its link lists; its trail of parent pages
  // says what it is only in its aria-label.
  const std::string html =
      std::string("<div id=story>") + kProse + kProse +
      "<ul id=trail class=docs-trail aria-label=\" Breadcrumb \">"
      "<li><a href=/>Home</a></li><li><a href=/docs>Docs</a></li></ul>"
      "<ul id=steps aria-label=\"Steps\"><li><a href=/a>Install</a></li>"
      "<li><a href=/b>Configure</a></li></ul>"
      "<span id=crumb aria-label=breadcrumb>Docs</span></div>";
  const Page page(html, {.keep_link_lists = true});
  EXPECT_EQ(page.On("trail"), Verdict::kDrop);
  EXPECT_EQ(page.On("steps"), Verdict::kKeep);
  // Inline elements are part of their sentence, whatever they are labelled.
  EXPECT_EQ(page.On("crumb"), Verdict::kKeep);
  EXPECT_EQ(page.On("story"), Verdict::kKeep);
}

TEST(KeepPolicyTest, FurnitureFormsAndDialogsGoOtherFormsStay) {
  Page page(std::string("<div id=story>") + kProse + kProse +
            "</div><form id=reply action=/wp-comments-post.php><p>Leave a "
            "reply</p><textarea></textarea></form><div id=consent "
            "role=dialog>" +
            kProse + "</div>");
  EXPECT_EQ(page.On("story"), Verdict::kKeep);
  EXPECT_EQ(page.On("reply"), Verdict::kDrop);
  EXPECT_EQ(page.On("consent"), Verdict::kDrop);
  // ASP.NET wraps the whole page in one form.
  EXPECT_EQ(Page(std::string("<form id=page action=/default.aspx>") + kProse +
                 kProse + "</form>")
                .On("page"),
            Verdict::kKeep);
}

TEST(KeepPolicyTest, ADialogIsDroppedWhereverTheWalkMeetsIt) {
  // What sits inside a dialog is judged by itself: a dialog in it goes, the
  // rest is judged by its class. A dialog below an element the measures
  // skipped (a walk of a reader's comments may start there) goes too.
  Page page(std::string("<div id=story>") + kProse + kProse +
            "</div><div id=consent role=dialog><div id=inner>" + kProse +
            "</div><div id=nested role=tooltip>" + kProse +
            "</div></div><aside><div id=beside role=dialog>" + kProse +
            "</div><div id=plain>" + kProse + "</div></aside>");
  const std::pair<const char*, Verdict> kVerdicts[] = {
      {"consent", Verdict::kDrop}, {"inner", Verdict::kKeep},
      {"nested", Verdict::kDrop},  {"beside", Verdict::kDrop},
      {"plain", Verdict::kKeep},   {"story", Verdict::kKeep}};
  for (const auto& [id, verdict] : kVerdicts) {
    EXPECT_EQ(page.On(id), verdict) << id;
  }
}

TEST(KeepPolicyTest, HiddenElementsGoTabPanelsStay) {
  Page page(std::string("<div id=story>") + kProse +
            "<div id=hidden style=\"display: none\">Hidden</div>"
            "<div id=shouted style=\"DISPLAY:NONE\">Hidden</div>"
            "<div id=styled style=\"color: red\">Shown</div>"
            "<div id=unstyled style=\"\">Shown</div>"
            "<div id=tab role=tabpanel hidden>Tab</div></div>");
  EXPECT_EQ(page.On("hidden"), Verdict::kDrop);
  EXPECT_EQ(page.On("shouted"), Verdict::kDrop);
  EXPECT_EQ(page.On("styled"), Verdict::kKeep);
  EXPECT_EQ(page.On("unstyled"), Verdict::kKeep);
  EXPECT_EQ(page.On("tab"), Verdict::kKeep);
}

}  // namespace
}  // namespace lede::engine::content
