#include "server/engine/metadata_readers.h"

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "server/engine/dom.h"
#include "server/engine/metadata_rules.h"
#include "server/engine/metadata_walk.h"
#include "server/engine/text_util.h"

namespace lede::engine::metadata {
namespace {

using ::testing::ElementsAre;

// A parsed page, a sink over fresh candidates, and the page's elements.
class Page {
 public:
  explicit Page(const std::string& html) {
    absl::StatusOr<Dom> parsed =
        Dom::Parse(html, Limits(), absl::InfiniteFuture());
    EXPECT_TRUE(parsed.ok());
    dom_ = std::make_unique<Dom>(*std::move(parsed));
  }

  // The `n`th element with tag `tag`, or the `n`th text node that holds
  // `text` when `tag` is GUMBO_TAG_UNKNOWN.
  const GumboNode* Find(GumboTag tag, absl::string_view text = "",
                        int n = 0) const {
    const GumboNode* found = nullptr;
    WalkTree(dom_->document(), [&](const GumboNode* node, int) {
      const bool match =
          tag == GUMBO_TAG_UNKNOWN
              ? node->type == GUMBO_NODE_TEXT &&
                    absl::string_view(node->v.text.text).find(text) !=
                        absl::string_view::npos
              : IsElement(node, tag);
      if (match && n-- == 0) found = node;
      return found == nullptr;
    });
    EXPECT_NE(found, nullptr);
    return found;
  }

  std::vector<std::string> Values(Field field) const {
    std::vector<std::string> values;
    for (const Candidate& c : candidates_.InOrder(field)) {
      values.push_back(c.source + ":" + c.value);
    }
    return values;
  }

  Sink* sink() { return &sink_; }
  const PageScan& scan() const { return scan_; }

 private:
  std::unique_ptr<Dom> dom_;
  Candidates candidates_;
  PageScan scan_;
  Sink sink_{&candidates_, &scan_};
};

TEST(MetadataReadersTest, MetaNamesSeveralPropertiesAndDublinCore) {
  Page page(
      "<meta property=\"og:title twitter:title\" content=\"Budget passes\">"
      "<meta name=\"DC:Creator\" content=\"Jane Doe\">"
      "<meta name=\"keywords\" content=\"budget，schools; roads\">"
      "<meta name=\"og:description\" content=\"\">");
  for (int i = 0; i < 4; ++i) {
    ReadMeta(page.Find(GUMBO_TAG_META, "", i), ItemKind::kOther, page.sink());
  }
  EXPECT_THAT(page.Values(Field::kTitle),
              ElementsAre("opengraph:Budget passes", "twitter:Budget passes"));
  EXPECT_THAT(page.Values(Field::kAuthors),
              ElementsAre("dublin-core:Jane Doe"));
  EXPECT_THAT(page.Values(Field::kTags),
              ElementsAre("meta:budget", "meta:schools", "meta:roads"));
  EXPECT_TRUE(page.Values(Field::kDescription).empty());
}

TEST(MetadataReadersTest, AMediaItemKeepsItsPropertiesToItself) {
  Page page(
      "<span itemprop=author>Benoit Tessier/Reuters</span>"
      "<meta itemprop=datePublished content=2020-01-01>");
  ReadItemProp(page.Find(GUMBO_TAG_SPAN), "author", ItemKind::kMedia,
               page.sink());
  ReadMeta(page.Find(GUMBO_TAG_META), ItemKind::kComment, page.sink());
  EXPECT_TRUE(page.Values(Field::kAuthors).empty());
  EXPECT_TRUE(page.Values(Field::kPublished).empty());
  // A comment's author may be the thread's.
  ReadItemProp(page.Find(GUMBO_TAG_SPAN), "author", ItemKind::kComment,
               page.sink());
  EXPECT_THAT(page.Values(Field::kAuthors),
              ElementsAre("microdata:Benoit Tessier/Reuters"));
  EXPECT_EQ(page.scan().byline_nodes.size(), 1u);
  EXPECT_EQ(KindOfItem("https://schema.org/ImageObject"), ItemKind::kMedia);
  EXPECT_EQ(KindOfItem("http://schema.org/Comment"), ItemKind::kComment);
  EXPECT_EQ(KindOfItem("https://schema.org/NewsArticle"), ItemKind::kOther);
}

TEST(MetadataReadersTest, DatelinesThatDateThePage) {
  Page page(
      "<p>Posted on 4 May 2021</p>"
      "<p>12/01/2004 - 01/01/2005</p>"
      "<a href=/x>Tarifverträge (zum 28.02.2017 gekündigt) und mehr</a>"
      "<p>No date here</p>");
  for (absl::string_view text :
       {"Posted on", "12/01/2004", "Tarifverträge", "No date"}) {
    ReadDateline(page.Find(GUMBO_TAG_UNKNOWN, text), page.sink());
  }
  EXPECT_THAT(page.Values(Field::kPublishedText),
              ElementsAre("text:Posted on 4 May 2021"));
  EXPECT_EQ(page.scan().text_dates, 1);
  ASSERT_EQ(page.scan().date_nodes.size(), 1u);
  EXPECT_EQ(page.scan().date_nodes[0].node,
            page.Find(GUMBO_TAG_UNKNOWN, "Posted on"));
}

TEST(MetadataReadersTest, ChineseCreditsAndTheirNode) {
  Page page("<p>来源：<a>环球网</a> 记者 张三 责任编辑：李四</p>");
  ReadCredits(page.Find(GUMBO_TAG_UNKNOWN, "来源"), page.sink());
  EXPECT_THAT(page.Values(Field::kSource), ElementsAre("text-pattern:环球网"));
  EXPECT_THAT(page.Values(Field::kAuthors), ElementsAre("text-pattern:张三"));
  EXPECT_THAT(page.Values(Field::kEditors), ElementsAre("text-pattern:李四"));
  ASSERT_EQ(page.scan().byline_nodes.size(), 3u);
  EXPECT_EQ(page.scan().byline_nodes[0].node, page.Find(GUMBO_TAG_P));
}

// ReadCredits searches only the texts that hold a character a credit's
// keyword starts with, read from the keyword pattern, and from the first.
TEST(MetadataReadersTest, CreditKeywordsByTheirFirstCharacters) {
  constexpr size_t kNone = absl::string_view::npos;
  EXPECT_EQ(CreditKeywordStart("（记者 胡晓蓉）"), 3u);
  EXPECT_EQ(CreditKeywordStart("Photo 文 / 张三"), 6u);
  EXPECT_EQ(CreditKeywordStart("2024年 来源：新华社"), 8u);
  EXPECT_EQ(CreditKeywordStart("今天天气很好，我们去公园散步吧。"), kNone);
  EXPECT_EQ(CreditKeywordStart("Source: Reuters, by Jane Doe"), kNone);
  EXPECT_EQ(CreditKeywordStart(""), kNone);
  Page page("<p>Source: Reuters, by Jane Doe, editor John Roe</p>");
  ReadCredits(page.Find(GUMBO_TAG_UNKNOWN, "Source"), page.sink());
  EXPECT_TRUE(page.Values(Field::kSource).empty());
  // "作" of 工作 starts no keyword; the search from it finds the later one.
  Page later("<p>工作很忙。来源：新华社</p>");
  ReadCredits(later.Find(GUMBO_TAG_UNKNOWN, "来源"), later.sink());
  EXPECT_THAT(later.Values(Field::kSource), ElementsAre("text-pattern:新华社"));
}

TEST(MetadataReadersTest, RelLinksTimeAndHeadings) {
  Page page(
      "<link rel=canonical href=/a><a rel=\"author\" href=/u>Jane Doe</a>"
      "<a rel=tag href=/t>budget</a><a rel=canonical href=/b>x</a>"
      "<time datetime=2021-05-04 pubdate>May 4</time>"
      "<h2>The plan¶</h2>");
  ReadRel(page.Find(GUMBO_TAG_LINK), page.sink());
  for (int i = 0; i < 3; ++i)
    ReadRel(page.Find(GUMBO_TAG_A, "", i), page.sink());
  ReadTime(page.Find(GUMBO_TAG_TIME), page.sink());
  ReadHeading(page.Find(GUMBO_TAG_H2), /*in_chrome=*/true, page.sink());
  EXPECT_THAT(page.Values(Field::kCanonical), ElementsAre("rel:/a"));
  EXPECT_THAT(page.Values(Field::kAuthors), ElementsAre("rel-author:Jane Doe"));
  EXPECT_THAT(page.Values(Field::kTags), ElementsAre("rel-tag:budget"));
  EXPECT_THAT(page.Values(Field::kPublished), ElementsAre("time:2021-05-04"));
  ASSERT_EQ(page.scan().headings.size(), 1u);
  EXPECT_EQ(page.scan().headings[0].text, "The plan");
  EXPECT_EQ(page.scan().headings[0].level, 2);
  EXPECT_TRUE(page.scan().headings[0].in_chrome);
}

// The words of a role pattern: its lists after a separator,
// "(^|[\s_-])(a|b)", and its words at the start, "^c".
std::vector<std::string> RoleWords(const char* pattern) {
  static const LazyRE2 kList = {R"(\(\^\|\[\\s_-\]\)\(([a-z|-]+)\))"};
  static const LazyRE2 kAtStart = {R"(\|\^([a-z-]+))"};
  std::vector<std::string> words;
  for (const RE2* form : {kList.get(), kAtStart.get()}) {
    re2::StringPiece rest(pattern);
    std::string list;
    while (RE2::FindAndConsume(&rest, *form, &list)) {
      for (absl::string_view word : absl::StrSplit(list, '|')) {
        words.emplace_back(word);
      }
    }
  }
  return words;
}

// Every word the role patterns look for begins with a word of
// kRoleWordStarts, so MayNameARole turns away no value they match.
TEST(MetadataReadersTest, RoleWordStartsCoverThePatterns) {
  for (const char* pattern : {metadata_rules::kForeignContainerPattern,
                              metadata_rules::kBylineClassPattern,
                              metadata_rules::kDateClassPattern}) {
    const RE2 role(pattern);
    const std::vector<std::string> words = RoleWords(pattern);
    EXPECT_GE(words.size(), 8u) << pattern;
    for (const std::string& word : words) {
      bool covered = false;
      for (absl::string_view start : metadata_rules::kRoleWordStarts) {
        covered = covered || absl::StartsWith(word, start);
      }
      EXPECT_TRUE(covered) << word;
      const std::string upper = absl::AsciiStrToUpper(word);
      for (const std::string& value :
           {word, "x " + upper + "s", "a_" + word + "-b", "c-" + word + "2"}) {
        if (RE2::PartialMatch(value, role)) {
          EXPECT_TRUE(MayNameARole(value)) << value;
        }
      }
    }
  }
  EXPECT_TRUE(MayNameARole("wm-ipp-base"));
  EXPECT_TRUE(MayNameARole("entry-meta clearfix"));
  EXPECT_TRUE(MayNameARole("post_Author"));
  // "ſ" is "s" to the patterns' (?i): left to them.
  EXPECT_TRUE(MayNameARole("\u017Fidebar"));
  EXPECT_FALSE(MayNameARole("entry-content site-header"));
  EXPECT_FALSE(MayNameARole("xdate notime"));
  EXPECT_FALSE(MayNameARole(""));
  // Shorter than every word of kRoleWordStarts ("date", "info"), past ASCII
  // or not.
  EXPECT_FALSE(MayNameARole("\u017F"));
  EXPECT_FALSE(MayNameARole("row"));
  EXPECT_TRUE(MayNameARole("Date"));
}

// Every key of the script date pattern holds its word, no further into the
// match than the reader searches back from the word.
TEST(MetadataReadersTest, ScriptDateKeysHoldTheirWord) {
  static const LazyRE2 kKeys = {R"(\(\?:([A-Za-z_|]+)\))"};
  std::string keys;
  ASSERT_TRUE(
      RE2::PartialMatch(metadata_rules::kScriptDatePattern, *kKeys, &keys));
  for (absl::string_view key : absl::StrSplit(keys, '|')) {
    const size_t at = key.find(metadata_rules::kScriptDateKeyWord);
    ASSERT_NE(at, absl::string_view::npos) << key;
    // The escaped quote before the key.
    EXPECT_LE(at + 2, metadata_rules::kScriptDateBytesBeforeKeyWord) << key;
  }
}

TEST(MetadataReadersTest, ScriptDateAfterALongScript) {
  Page page(
      "<script>var a = 'published';" + std::string(5000, ' ') +
      "window.s = \"{\\\"firstPublishedAt\\\":\\\"2020-01-02T03:04:05Z\\\"}\""
      "</script><script>var b = 1;</script>");
  ReadScript(page.Find(GUMBO_TAG_SCRIPT), page.sink());
  ReadScript(page.Find(GUMBO_TAG_SCRIPT, "", 1), page.sink());
  Candidates dates;
  ReadScriptDate(page.scan(), &dates);
  ASSERT_NE(dates.Best(Field::kPublished), nullptr);
  EXPECT_EQ(dates.Best(Field::kPublished)->value, "2020-01-02T03:04:05Z");
}

TEST(MetadataReadersTest, LanguageOfTheHeadsMetas) {
  Page page(
      "<head><meta name=description content=x><meta property=og:locale "
      "content=\" zh_TW \"></head>");
  EXPECT_EQ(LanguageOfMetas(page.Find(GUMBO_TAG_HEAD)), "zh-TW");
}

}  // namespace
}  // namespace lede::engine::metadata
