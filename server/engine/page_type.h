// The page-type stage: what kind of page a document is (an article, a forum
// thread, a product, a listing, a shop's collection, documentation, a
// business's page about what it offers), by a small model of gradient-boosted
// trees trained offline (bench/page_type/train.py, on half A of the WCXB dev
// pages) over features the engine measures (page_features.h). The trees are
// data, generated into page_type_model.h.
#ifndef LEDE_SERVER_ENGINE_PAGE_TYPE_H_
#define LEDE_SERVER_ENGINE_PAGE_TYPE_H_

#include <array>

#include "absl/strings/string_view.h"
#include "lede/v1/lede.pb.h"

namespace lede::engine {

// Every feature: its enumerator and its name (what the training data and the
// generated model call it). Counts are raw; shares are 0 to 1.
#define LEDE_PAGE_FEATURES(X)                                               \
  /* The URL: */                                                            \
  X(kUrlMissing, "url_missing")                                             \
  X(kUrlDepth, "url_depth")                                                 \
  X(kUrlQuery, "url_query")                                                 \
  X(kUrlSlugWords, "url_slug_words")                                        \
  X(kUrlNumericSegment, "url_numeric_segment")                              \
  X(kUrlDate, "url_date")                                                   \
  X(kUrlFileExtension, "url_file_extension")                                \
  X(kUrlForum, "url_forum")                                                 \
  X(kUrlProduct, "url_product")                                             \
  X(kUrlCollection, "url_collection")                                       \
  X(kUrlListing, "url_listing")                                             \
  X(kUrlDocs, "url_docs")                                                   \
  X(kUrlService, "url_service")                                             \
  X(kUrlArticle, "url_article")                                             \
  /* The title and the site's name: */                                      \
  X(kTitleWords, "title_words")                                             \
  X(kTitleForum, "title_forum")                                             \
  X(kTitleProduct, "title_product")                                         \
  X(kTitleListing, "title_listing")                                         \
  X(kTitleDocs, "title_docs")                                               \
  X(kTitleService, "title_service")                                         \
  X(kTitleArticle, "title_article")                                         \
  /* What the page says it is: og:type, its own schema.org types (0/1), */  \
  /* the types nested in other items (counts): */                           \
  X(kOgArticle, "og_article")                                               \
  X(kOgProduct, "og_product")                                               \
  X(kOgCollection, "og_collection")                                         \
  X(kOgWebsite, "og_website")                                               \
  X(kOgOther, "og_other")                                                   \
  X(kSchemaArticle, "schema_article")                                       \
  X(kSchemaProduct, "schema_product")                                       \
  X(kSchemaForum, "schema_forum")                                           \
  X(kSchemaCollection, "schema_collection")                                 \
  X(kSchemaListing, "schema_listing")                                       \
  X(kSchemaDocs, "schema_docs")                                             \
  X(kSchemaService, "schema_service")                                       \
  X(kSchemaNavigation, "schema_navigation")                                 \
  X(kNestedProduct, "nested_product")                                       \
  X(kNestedForum, "nested_forum")                                           \
  X(kNestedReview, "nested_review")                                         \
  X(kNestedListItem, "nested_list_item")                                    \
  /* What the metadata stage found: */                                      \
  X(kPublished, "published")                                                \
  X(kAuthors, "authors")                                                    \
  X(kDateNodes, "date_nodes")                                               \
  X(kBylineNodes, "byline_nodes")                                           \
  /* Elements of the body, counted: */                                      \
  X(kElements, "elements")                                                  \
  X(kLinks, "links")                                                        \
  X(kParagraphs, "paragraphs")                                              \
  X(kListItems, "list_items")                                               \
  X(kHeadings, "headings")                                                  \
  X(kImages, "images")                                                      \
  X(kCodeBlocks, "code_blocks")                                             \
  X(kInlineCode, "inline_code")                                             \
  X(kTables, "tables")                                                      \
  X(kForms, "forms")                                                        \
  X(kInputs, "inputs")                                                      \
  X(kTextareas, "textareas")                                                \
  X(kButtons, "buttons")                                                    \
  X(kSelects, "selects")                                                    \
  X(kArticleElements, "article_elements")                                   \
  X(kSections, "sections")                                                  \
  X(kNavs, "navs")                                                          \
  X(kAsides, "asides")                                                      \
  X(kTimes, "times")                                                        \
  X(kBlockquotes, "blockquotes")                                            \
  X(kDefinitionTerms, "definition_terms")                                   \
  /* Elements whose class or id words hint at a kind, counted: */           \
  X(kClassForum, "class_forum")                                             \
  X(kClassProduct, "class_product")                                         \
  X(kClassCollection, "class_collection")                                   \
  X(kClassListing, "class_listing")                                         \
  X(kClassDocs, "class_docs")                                               \
  X(kClassService, "class_service")                                         \
  X(kClassArticle, "class_article")                                         \
  X(kClassNavigation, "class_navigation")                                   \
  X(kClassPagination, "class_pagination")                                   \
  X(kClassReview, "class_review")                                           \
  /* Short texts that hint at a kind ("Add to cart", "Reply"), counted: */  \
  X(kShortForum, "short_forum")                                             \
  X(kShortProduct, "short_product")                                         \
  X(kShortCollection, "short_collection")                                   \
  X(kShortListing, "short_listing")                                         \
  X(kShortDocs, "short_docs")                                               \
  X(kShortService, "short_service")                                         \
  X(kShortPagination, "short_pagination")                                   \
  X(kPrices, "prices")                                                      \
  /* Short texts that read as dates ("May 5, 2024", "3 hours ago"): */      \
  X(kDateTexts, "date_texts")                                               \
  /* Links: to a phone number, within the page ("#usage"); headings that */ \
  /* are links (teasers) or have an anchor (documentation); list items */   \
  /* nested in list items (navigation trees): */                            \
  X(kPhoneLinks, "phone_links")                                             \
  X(kAnchorLinks, "anchor_links")                                           \
  X(kHeadingLinks, "heading_links")                                         \
  X(kHeadingAnchors, "heading_anchors")                                     \
  X(kNestedListItems, "nested_list_items")                                  \
  /* The text: its length, and the shares of it in links, paragraphs, */    \
  /* list items, code and headings: */                                      \
  X(kTextLength, "text_length")                                             \
  X(kLinkTextShare, "link_text_share")                                      \
  X(kParagraphTextShare, "paragraph_text_share")                            \
  X(kListTextShare, "list_text_share")                                      \
  X(kCodeTextShare, "code_text_share")                                      \
  X(kHeadingTextShare, "heading_text_share")                                \
  X(kMeanParagraphLength, "mean_paragraph_length")                          \
  /* Siblings alike (same tag and first class): the largest run of them */  \
  /* holding a link, a card (a link and a picture or a heading), a post */  \
  /* (prose and a date or a user's box), a price, a date; the runs of */    \
  /* four or more linked siblings; the share of the text in the largest */  \
  /* run of cards: */                                                       \
  X(kRepeatedLinks, "repeated_links")                                       \
  X(kRepeatedCards, "repeated_cards")                                       \
  X(kRepeatedPosts, "repeated_posts")                                       \
  X(kRepeatedPrices, "repeated_prices")                                     \
  X(kRepeatedDated, "repeated_dated")                                       \
  X(kRepeatedGroups, "repeated_groups")                                     \
  X(kRepeatedTextShare, "repeated_text_share")                              \
  /* The body the content stage found: */                                   \
  X(kBodyLength, "body_length")                                             \
  X(kBodyShare, "body_share")                                               \
  X(kBodyBlocks, "body_blocks")                                             \
  X(kBodyHeadingShare, "body_heading_share")                                \
  X(kBodyListShare, "body_list_share")                                      \
  X(kBodyCodeBlocks, "body_code_blocks")                                    \
  X(kBodyTableRows, "body_table_rows")                                      \
  X(kBodyFigures, "body_figures")                                           \
  X(kBodyMeanParagraphLength, "body_mean_paragraph_length")                 \
  /* Its words, and the shares of them that address the reader ("you") */   \
  /* or speak for a business ("we", "our"): */                              \
  X(kBodyWords, "body_words")                                               \
  X(kBodyYouShare, "body_you_share")                                        \
  X(kBodyWeShare, "body_we_share")                                          \
  /* Listings: links whose text reads as a headline (30 to 200 code */      \
  /* points), and the share of the text in them; the largest run of */      \
  /* alike siblings that are teasers (a headline link or a linked */        \
  /* heading beside a snippet of text), and the teasers of all runs; the */ \
  /* share of the text of the innermost blocks (p, li, td, div...) that */  \
  /* sits in blocks mostly of links; links to other pages of a list */      \
  /* ("2", "3", rel=next); the share of headings that are links; words */   \
  /* of the URL's path that name a list, a business's offer or an */        \
  /* article ("recipes", "repair", "how"); a page number in the query: */   \
  X(kHeadlineLinks, "headline_links")                                       \
  X(kHeadlineLinkTextShare, "headline_link_text_share")                     \
  X(kRepeatedTeasers, "repeated_teasers")                                   \
  X(kTeaserItems, "teaser_items")                                           \
  X(kLinkDenseBlockShare, "link_dense_block_share")                         \
  X(kPageNumberLinks, "page_number_links")                                  \
  X(kHeadingLinkShare, "heading_link_share")                                \
  X(kUrlSlugListing, "url_slug_listing")                                    \
  X(kUrlSlugService, "url_slug_service")                                    \
  X(kUrlSlugArticle, "url_slug_article")                                    \
  X(kUrlPaged, "url_paged")                                                 \
  /* Words of the page's description (meta description, og:description) */  \
  /* that hint at a kind, as the title's do: */                             \
  X(kDescriptionForum, "description_forum")                                 \
  X(kDescriptionProduct, "description_product")                             \
  X(kDescriptionListing, "description_listing")                             \
  X(kDescriptionDocs, "description_docs")                                   \
  X(kDescriptionService, "description_service")                             \
  X(kDescriptionArticle, "description_article")

enum PageFeature : int {
#define LEDE_PAGE_FEATURE_ENUM(name, text) name,
  LEDE_PAGE_FEATURES(LEDE_PAGE_FEATURE_ENUM)
#undef LEDE_PAGE_FEATURE_ENUM
      kPageFeatureCount
};

// The features' names, indexed by PageFeature.
inline constexpr absl::string_view kPageFeatureNames[kPageFeatureCount] = {
#define LEDE_PAGE_FEATURE_NAME(name, text) text,
    LEDE_PAGE_FEATURES(LEDE_PAGE_FEATURE_NAME)
#undef LEDE_PAGE_FEATURE_NAME
};

using PageFeatures = std::array<float, kPageFeatureCount>;

struct PageTypeVerdict {
  v1::PageType type = v1::PAGE_TYPE_UNSPECIFIED;
  // The model's probability of `type`, 0 to 1.
  float confidence = 0;
};

// The kind of page `features` (MeasurePage) describe. Never UNSPECIFIED.
PageTypeVerdict ClassifyPage(const PageFeatures& features);

// The type's name as WCXB labels pages: "article", "forum", "product",
// "listing", "collection", "documentation", "service"; "" for UNSPECIFIED.
absl::string_view PageTypeName(v1::PageType type);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_PAGE_TYPE_H_
