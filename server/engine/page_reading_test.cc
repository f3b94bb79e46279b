// The content stage's second reading, by the page's kind
// (ContentReader::ReadAs and page_reading_rules::kPageReadings): each page
// here is markup written for the test.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/engine/content.h"
#include "server/engine/render.h"

namespace lede::engine {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A shop's product page whose overview the markup carries twice, once for
// wide screens and once for narrow ones (the shop's CSS shows one).
std::string ProductWithCopiedOverview() {
  const std::string overview =
      "<h3>Designed for everyday</h3><p>We rethink what a wallet should be "
      "and build it to be carried for a lifetime, not a season.</p><p>Built "
      "to endure, with a warranty for life.</p>";
  return absl::StrCat(
      "<html><body><main><h1>Ridge wallet</h1><p>An aluminium wallet that "
      "holds one to twelve cards in a dual-track frame, slim enough for a "
      "front pocket, with a scratch-resistant anodized surface.</p>"
      "<div class=\"overview-desktop\">",
      overview, "</div><div class=\"overview-mobile\">", overview,
      "</div><h3>Specifications</h3><p>Material: 6061-T6 aluminium</p>"
      "<p>Weight: 2 oz</p></main></body></html>");
}

// The body's text once ReadAs has read the page as a `type`.
std::string TextReadAs(const std::string& html, v1::PageType type) {
  absl::StatusOr<Dom> dom = Dom::Parse(html, Limits(), absl::InfiniteFuture());
  EXPECT_TRUE(dom.ok());
  if (!dom.ok()) return "";
  PageFacts facts;
  ContentReader reader(*dom, facts, ContentOptions());
  absl::StatusOr<Body> body = reader.ReadBody(absl::InfiniteFuture());
  EXPECT_TRUE(body.ok());
  if (!body.ok()) return "";
  reader.ReadAs(type, &*body);
  return RenderText(body->blocks);
}

int Count(const std::string& text, const std::string& what) {
  int count = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

TEST(PageReadingTest, AProductsCopiedSectionIsReadOnce) {
  const std::string text =
      TextReadAs(ProductWithCopiedOverview(), v1::PAGE_TYPE_PRODUCT);
  EXPECT_EQ(Count(text, "Designed for everyday"), 1) << text;
  EXPECT_EQ(Count(text, "Built to endure"), 1) << text;
  EXPECT_THAT(text, HasSubstr("holds one to twelve cards"));
  EXPECT_THAT(text, HasSubstr("Weight: 2 oz"));
}

TEST(PageReadingTest, DocumentationKeepsWhatItRepeats) {
  // Documentation repeats on purpose (the same lines in each example): the
  // same page read as documentation keeps both copies.
  const std::string text =
      TextReadAs(ProductWithCopiedOverview(), v1::PAGE_TYPE_DOCUMENTATION);
  EXPECT_EQ(Count(text, "Built to endure"), 2) << text;
}

TEST(PageReadingTest, AnUnclassifiedPageIsReadAsAnArticle) {
  EXPECT_EQ(TextReadAs(ProductWithCopiedOverview(), v1::PAGE_TYPE_UNSPECIFIED),
            TextReadAs(ProductWithCopiedOverview(), v1::PAGE_TYPE_ARTICLE));
  EXPECT_EQ(
      Count(TextReadAs(ProductWithCopiedOverview(), v1::PAGE_TYPE_UNSPECIFIED),
            "Built to endure"),
      1);
}

TEST(PageReadingTest, ALonelyRepeatedLabelStays) {
  // Each plan says "Billed yearly": one line between others, not a copied
  // section.
  const std::string html =
      "<html><body><main><h1>Plans</h1><p>Pick the plan that fits your "
      "team, and change it at any time from the account page.</p><h3>Team"
      "</h3><p>Billed yearly</p><p>Ten seats, shared folders and the "
      "history of every file for a year.</p><h3>Business</h3><p>Billed "
      "yearly</p><p>Unlimited seats, single sign-on and the history of "
      "every file for ten years.</p></main></body></html>";
  EXPECT_EQ(Count(TextReadAs(html, v1::PAGE_TYPE_SERVICE), "Billed yearly"), 2);
}

TEST(PageReadingTest, AForumReplysQuoteOfAnEarlierPostIsReadOnce) {
  const std::string html =
      "<html><body><main><h1>Most profitable skill?</h1><article><p>What is "
      "the most profitable electrical skill in the industry? Solar, "
      "lightning protection or communications, or something else?</p>"
      "</article><article><blockquote><p>khixxx said:</p><p>What is the "
      "most profitable electrical skill in the industry?</p></blockquote>"
      "<p>Troubleshooting, by a long way: anybody can pull wire, but few "
      "can find the fault in a panel nobody has opened for years.</p>"
      "</article></main></body></html>";
  const std::string forum = TextReadAs(html, v1::PAGE_TYPE_FORUM);
  EXPECT_EQ(Count(forum, "most profitable electrical skill"), 1) << forum;
  EXPECT_THAT(forum, Not(HasSubstr("khixxx said:")));
  EXPECT_THAT(forum, HasSubstr("Troubleshooting, by a long way"));
  // An article quoting itself (a pull quote) keeps it.
  EXPECT_EQ(Count(TextReadAs(html, v1::PAGE_TYPE_ARTICLE),
                  "most profitable electrical skill"),
            2);
}

// A thread whose posts stand beside their writers' details, as phpBB and
// XenForo show them, under a question-and-answer site's answer form.
std::string ThreadWithWritersDetails() {
  return "<html><body><main><h1>Turning off the LEDs</h1>"
         "<div class=\"post\"><dl class=\"postprofile\"><dt>b.scherer</dt>"
         "<dd>Posts: 2</dd><dd>Joined: Sun Dec 17, 2023 11:18 am</dd></dl>"
         "<div class=\"postbody\"><p>I followed the tutorials for the old "
         "board, but the power and activity lights stay on whatever I write "
         "in the configuration file.</p><p>Location matters: the board sits "
         "in a bedroom.</p><p>Last edited by b.scherer on Sun Dec 17, 2023, "
         "edited 2 times in total.</p></div></div>"
         "<div class=\"post\"><div class=\"userExtras\"><dl><dt>Location</dt>"
         "<dd>Cincinnati, "
         "Ohio</dd></dl><dl><dt>Messages</dt><dd>9,179</dd></dl>"
         "</div><div class=\"postbody\"><p>Set the triggers to none and the "
         "active-low flags to off: both lights go dark after a reboot, and "
         "the network port's lights follow with their own two lines.</p>"
         "</div></div><form class=\"answer\"><h2>Your Answer</h2>"
         "<p>Post as a guest</p><p>Required, but never shown</p></form>"
         "</main></body></html>";
}

TEST(PageReadingTest, AThreadsWritersDetailsAndAnswerFormGo) {
  const std::string forum =
      TextReadAs(ThreadWithWritersDetails(), v1::PAGE_TYPE_FORUM);
  EXPECT_THAT(forum, HasSubstr("b.scherer"));
  EXPECT_THAT(forum, HasSubstr("the power and activity lights stay on"));
  EXPECT_THAT(forum, HasSubstr("Location matters: the board sits"));
  EXPECT_THAT(forum, HasSubstr("Set the triggers to none"));
  for (const char* furniture :
       {"Posts: 2", "Joined", "Cincinnati", "Messages", "9,179", "Last edited",
        "Your Answer", "Post as a guest", "never shown"}) {
    EXPECT_THAT(forum, Not(HasSubstr(furniture))) << furniture;
  }
  // Read as an article, the page keeps them.
  EXPECT_THAT(TextReadAs(ThreadWithWritersDetails(), v1::PAGE_TYPE_ARTICLE),
              HasSubstr("Posts: 2"));
}

// A shop's product page with a carousel of other products under it, each
// card a name and a price under a link that overlays it.
std::string ProductWithCarousel() {
  std::string cards;
  for (const char* name :
       {"Road runner everyday shoe", "Mountain trail mid boot",
        "Light racer marathon flat", "Winter trail insulated runner"}) {
    absl::StrAppend(&cards, "<li><div><h3>", name,
                    "</h3><p>$89.99</p><p>Free delivery</p></div><a href=\"/p/",
                    name, "\" aria-label=\"", name, "\"></a></li>");
  }
  return absl::StrCat(
      "<html><body><main><h1>Trail runner 3</h1><p>$129.00</p><p>A light "
      "trail shoe with a waterproof membrane and a grippy outsole for wet "
      "rock, mud and loose gravel on long days out in the hills.</p><p>The "
      "upper is recycled mesh with a welded toe cap, and the midsole keeps "
      "its spring for five hundred miles.</p><h2>Similar items</h2><ul>",
      cards,
      "</ul><h2>Specifications</h2><p>Weight: 310 g</p><p>Drop: 6 mm</p>"
      "</main></body></html>");
}

TEST(PageReadingTest, AProductsCarouselOfOtherProductsGoes) {
  const std::string product =
      TextReadAs(ProductWithCarousel(), v1::PAGE_TYPE_PRODUCT);
  EXPECT_THAT(product, Not(HasSubstr("Mountain trail mid boot"))) << product;
  EXPECT_THAT(product, Not(HasSubstr("Similar items")));
  EXPECT_THAT(product, HasSubstr("waterproof membrane"));
  EXPECT_THAT(product, HasSubstr("Weight: 310 g"));
  // Read as an article, the cards stay (an article's teasers go only at
  // its end).
  EXPECT_THAT(TextReadAs(ProductWithCarousel(), v1::PAGE_TYPE_ARTICLE),
              HasSubstr("Mountain trail mid boot"));
}

// A shop's category: an intro, then its grid of products, each a linked
// name and a price, more text than the intro but not three times it.
std::string CollectionWithIntro() {
  std::string grid;
  for (int i = 0; i < 14; ++i) {
    absl::StrAppend(&grid, "<li><a href=\"/p/", i, "\">Hand poured soy candle ",
                    i, " in amber glass</a> <span>$24.00</span></li>");
  }
  return absl::StrCat(
      "<html><body><header><a href=\"/\">Home</a></header><main><div "
      "class=\"intro\"><h1>Candles</h1><p>Our candles are poured by hand in "
      "small batches from soy wax and cotton wicks, scented with essential "
      "oils and nothing else, and each burns for about fifty hours.</p><p>"
      "Every jar is recycled glass, and every lid can be sent back to us "
      "for a refill at half the price of a new candle, so nothing is "
      "wasted.</p><p>Pick a scent below, or take the sampler of four to "
      "find yours.</p></div><ul class=\"grid\">",
      grid, "</ul></main></body></html>");
}

TEST(PageReadingTest, AProductsPriceLabelsGoItsPricesStay) {
  // The buy box's prices with the labels the theme hides for all but
  // screen readers, then the description.
  const std::string html =
      "<html><body><main><h1>Dark roast coffee</h1><div "
      "class=\"price\"><span class=\"visually-hidden\">Sale "
      "price</span> $19.99 <span class=\"visually-hidden\">Regular "
      "price</span> <s>$24.99</s></div><div class=\"unit-price\"><span "
      "class=\"visually-hidden\">Unit price</span> / per</div><p>A bold "
      "and smooth dark roast, a blend of arabica beans for flavour and "
      "robusta for strength, roasted in small batches and shipped the day "
      "it is roasted.</p><p>Certified fair trade and organic, ground or "
      "whole bean, in bags of one, two or five pounds.</p></main></body>"
      "</html>";
  const std::string article = TextReadAs(html, v1::PAGE_TYPE_ARTICLE);
  EXPECT_THAT(article, HasSubstr("Sale price")) << article;
  const std::string product = TextReadAs(html, v1::PAGE_TYPE_PRODUCT);
  EXPECT_THAT(product, HasSubstr("$19.99 $24.99"));
  EXPECT_THAT(product, HasSubstr("A bold and smooth dark roast"));
  EXPECT_THAT(product, Not(HasSubstr("price"))) << product;
  EXPECT_THAT(product, Not(HasSubstr("/ per"))) << product;
}

TEST(PageReadingTest, AProductsBuyButtonsGoItsOwnStockStays) {
  // The buy box's buttons and its stock, then the description, and the
  // reviews' sort switch.
  const std::string html =
      "<html><body><main><h1>Dark roast coffee</h1><div>$19.99</div>"
      "<p>Sold out</p><p><a href=\"/cart/add\">Add to cart</a></p><p><a "
      "href=\"/wishlist/add\">Add to wishlist</a></p><p>A bold and smooth "
      "dark roast, a blend of arabica beans for flavour and robusta for "
      "strength, roasted in small batches and shipped the day it is "
      "roasted.</p><p>Certified fair trade and organic, ground or whole "
      "bean, in bags of one, two or five pounds.</p><h2>What our drinkers "
      "say</h2><p>Sort by: Newest</p><p>Strong and smooth, my morning cup "
      "for three years now, and never bitter.</p></main></body></html>";
  const std::string article = TextReadAs(html, v1::PAGE_TYPE_ARTICLE);
  EXPECT_THAT(article, HasSubstr("Add to cart")) << article;
  const std::string product = TextReadAs(html, v1::PAGE_TYPE_PRODUCT);
  EXPECT_THAT(product, HasSubstr("A bold and smooth dark roast"));
  EXPECT_THAT(product, HasSubstr("Sold out"));
  EXPECT_THAT(product, Not(HasSubstr("Add to cart")));
  EXPECT_THAT(product, Not(HasSubstr("wishlist")));
  EXPECT_THAT(product, Not(HasSubstr("Sort by"))) << product;
}

TEST(PageReadingTest, AProductsLoneCopiesGoAfterItsCarousel) {
  // The product's name again in its sticky bar and a selling point again
  // in its tabs; then a carousel of other products whose cards repeat one
  // price, each a card all the same (the copies go after the cards).
  std::string cards;
  for (const char* name : {"Trail runner low shoe", "Trail runner mid boot",
                           "Trail runner high boot"}) {
    absl::StrAppend(&cards, "<h3><a href=\"/p\">", name,
                    "</a></h3><ul><li>From $129.00</li></ul>");
  }
  const std::string html = absl::StrCat(
      "<html><body><main><h1>Road runner shoe</h1><p>A light road shoe with "
      "a foam midsole that springs back mile after mile, and a knit upper "
      "that breathes on the hottest days.</p><ul><li>Free returns for "
      "thirty days</li></ul><p>Weight: 260 g</p><div class=\"sticky\"><h2>"
      "Road runner shoe</h2></div><div class=\"tabs\"><ul><li>Free returns "
      "for thirty days</li></ul></div><h2>Similar items</h2>",
      cards, "</main></body></html>");
  const std::string product = TextReadAs(html, v1::PAGE_TYPE_PRODUCT);
  EXPECT_EQ(Count(product, "Free returns"), 1) << product;
  EXPECT_EQ(Count(product, "Road runner shoe"), 1) << product;
  EXPECT_THAT(product, HasSubstr("Weight: 260 g"));
  EXPECT_THAT(product, Not(HasSubstr("Trail runner"))) << product;
  // Read as an article, the lone copies stay.
  EXPECT_EQ(Count(TextReadAs(html, v1::PAGE_TYPE_ARTICLE), "Free returns"), 2);
}

TEST(PageReadingTest, AProductsLabelsWrittenTwiceReadOnce) {
  // Each label once to be seen and once, clipped, for screen readers.
  const std::string html =
      "<html><body><main><h1>Road runner shoe</h1><p><span>Brand "
      "New</span><span class=\"clipped\">Brand New</span></p><p>A light "
      "road shoe with a foam midsole that springs back mile after mile, "
      "and a knit upper that breathes on the hottest days.</p><p>Certified "
      "vegan, with laces of recycled bottles, in sizes six to fourteen."
      "</p></main></body></html>";
  EXPECT_THAT(TextReadAs(html, v1::PAGE_TYPE_ARTICLE),
              HasSubstr("Brand NewBrand New"));
  const std::string product = TextReadAs(html, v1::PAGE_TYPE_PRODUCT);
  EXPECT_EQ(Count(product, "Brand New"), 1) << product;
}

TEST(PageReadingTest, ACollectionIsReadWithItsItems) {
  const std::string article =
      TextReadAs(CollectionWithIntro(), v1::PAGE_TYPE_ARTICLE);
  EXPECT_THAT(article, HasSubstr("poured by hand"));
  EXPECT_THAT(article, Not(HasSubstr("soy candle 7"))) << article;
  const std::string collection =
      TextReadAs(CollectionWithIntro(), v1::PAGE_TYPE_COLLECTION);
  EXPECT_THAT(collection, HasSubstr("poured by hand"));
  EXPECT_THAT(collection, HasSubstr("soy candle 7 in amber glass"))
      << collection;
}

TEST(PageReadingTest, ACollectionsGridControlsGo) {
  // The grid's count and sort switch above it, and each card's action.
  std::string grid;
  for (int i = 0; i < 14; ++i) {
    absl::StrAppend(&grid, "<li><div><a href=\"/p/", i,
                    "\">Hand poured soy candle ", i,
                    " in amber glass</a></div><div>$24.00</div><div><a "
                    "href=\"/cart?add=",
                    i, "\" class=\"button\">Add to cart</a></div></li>");
  }
  const std::string html = absl::StrCat(
      "<html><body><main><h1>Candles</h1><p>Our candles are poured by hand "
      "in small batches from soy wax and cotton wicks, scented with "
      "essential oils and nothing else, and each burns for about fifty "
      "hours.</p><p>14 products</p><p>Sort by: Featured</p><ul "
      "class=\"grid\">",
      grid, "</ul></main></body></html>");
  const std::string article = TextReadAs(html, v1::PAGE_TYPE_ARTICLE);
  EXPECT_THAT(article, HasSubstr("Sort by: Featured")) << article;
  const std::string collection = TextReadAs(html, v1::PAGE_TYPE_COLLECTION);
  EXPECT_THAT(collection, HasSubstr("poured by hand"));
  EXPECT_THAT(collection, HasSubstr("soy candle 7 in amber glass"));
  EXPECT_THAT(collection, HasSubstr("$24.00"));
  EXPECT_THAT(collection, Not(HasSubstr("Add to cart")));
  EXPECT_THAT(collection, Not(HasSubstr("14 products")));
  EXPECT_THAT(collection, Not(HasSubstr("Sort by"))) << collection;
}

TEST(PageReadingTest, ACollectionsCardBadgesGo) {
  // Cards with a stock badge on their pictures and a novelty badge.
  std::string grid;
  for (int i = 0; i < 8; ++i) {
    absl::StrAppend(&grid, "<li><div class=\"badge\">",
                    i % 2 == 0 ? "Sold out" : "New", "</div><div><a href=\"/p/",
                    i, "\">Hand poured soy candle ", i,
                    " in amber glass</a></div><div>$24.00</div></li>");
  }
  const std::string html = absl::StrCat(
      "<html><body><main><h1>Candles</h1><p>Our candles are poured by hand "
      "in small batches from soy wax and cotton wicks, scented with "
      "essential oils and nothing else, and each burns for about fifty "
      "hours.</p><ul class=\"grid\">",
      grid, "</ul></main></body></html>");
  const std::string article = TextReadAs(html, v1::PAGE_TYPE_ARTICLE);
  EXPECT_THAT(article, HasSubstr("Sold out")) << article;
  const std::string collection = TextReadAs(html, v1::PAGE_TYPE_COLLECTION);
  EXPECT_THAT(collection, HasSubstr("soy candle 7 in amber glass"));
  EXPECT_THAT(collection, Not(HasSubstr("Sold out")));
  EXPECT_EQ(Count(collection, "New"), 0) << collection;
}

// A blog's section: a short intro, then its entries, each a linked title
// and no more, in a list the article's reading drops as navigation.
std::string ListingOfLinkedTitles(int entries, int intro_paragraphs = 1,
                                  const std::string& closing = "") {
  std::string list;
  for (int i = 0; i < entries; ++i) {
    absl::StrAppend(&list, "<li><a href=\"/story/", i,
                    "\">Why the river town rebuilt its old bridge, part ", i,
                    "</a></li>");
  }
  std::string more;
  for (int i = 1; i < intro_paragraphs; ++i) {
    absl::StrAppend(&more, "<p>Season ", i,
                    " followed the crews through a winter of floods, when "
                    "the old stone arches held and the new steel span did "
                    "not, and asked them what they would build again.</p>");
  }
  return absl::StrCat(
      "<html><body><main><h1>Engineering</h1><p>Stories from the people who "
      "design, build and keep up the roads, bridges and tunnels of the "
      "valley, told by the engineers themselves, with drawings and "
      "photographs from the work.</p>",
      more, "<ul>", list, "</ul>", closing, "</main></body></html>");
}

TEST(PageReadingTest, AListingKeepsItsLinkedEntries) {
  const std::string html = ListingOfLinkedTitles(8);
  const std::string article = TextReadAs(html, v1::PAGE_TYPE_ARTICLE);
  EXPECT_THAT(article, HasSubstr("told by the engineers themselves"));
  EXPECT_THAT(article, Not(HasSubstr("old bridge, part 5"))) << article;
  const std::string listing = TextReadAs(html, v1::PAGE_TYPE_LISTING);
  EXPECT_THAT(listing, HasSubstr("told by the engineers themselves"));
  EXPECT_THAT(listing, HasSubstr("old bridge, part 0"));
  EXPECT_THAT(listing, HasSubstr("old bridge, part 7")) << listing;
}

TEST(PageReadingTest, AListingsFewLinksBesideItsTextStayDropped) {
  // One link adds less than half the intro's text: a link beside the body,
  // not the entries the page is for.
  const std::string listing =
      TextReadAs(ListingOfLinkedTitles(1), v1::PAGE_TYPE_LISTING);
  EXPECT_THAT(listing, HasSubstr("told by the engineers themselves"));
  EXPECT_THAT(listing, Not(HasSubstr("old bridge, part 0"))) << listing;
}

TEST(PageReadingTest, ACollectionsShortBodyKeepsItsLinkedItems) {
  // Three titles add less than the intro again: too little for the re-read
  // of the main area (RereadAsListing), enough for the same container.
  const std::string html = ListingOfLinkedTitles(3);
  EXPECT_THAT(TextReadAs(html, v1::PAGE_TYPE_ARTICLE),
              Not(HasSubstr("old bridge, part 2")));
  const std::string collection = TextReadAs(html, v1::PAGE_TYPE_COLLECTION);
  EXPECT_THAT(collection, HasSubstr("told by the engineers themselves"));
  EXPECT_THAT(collection, HasSubstr("old bridge, part 2")) << collection;
}

// A collection whose grid, 60 linked titles, follows an intro of
// `paragraphs` paragraphs. (A closing line with a sentence end, so that the
// titles are not the body's trailing furniture: TrimTrailingFurniture.)
std::string CollectionAfterParagraphs(int paragraphs) {
  return ListingOfLinkedTitles(
      60, paragraphs,
      "<p>Every story is free to read, and so are the drawings.</p>");
}

TEST(PageReadingTest, ACollectionsIntroOfAFewParagraphsKeepsItsLinkedItems) {
  // An intro of some 2,600 code points, a shop's category text of a few
  // paragraphs, still leads the grid: below
  // kClassifiedListingBounds.max_intro_text a collection's body is read
  // again with its link lists.
  const std::string collection =
      TextReadAs(CollectionAfterParagraphs(16), v1::PAGE_TYPE_COLLECTION);
  EXPECT_THAT(collection, HasSubstr("Season 15 followed the crews"));
  EXPECT_THAT(collection, HasSubstr("old bridge, part 25")) << collection;
}

TEST(PageReadingTest, ACollectionsLongBodyIsNotReadAgainWithItsLinks) {
  // Past kClassifiedListingBounds.max_intro_text code points (here some
  // 3,600) a collection's body is its content already; a listing's is read
  // again.
  const std::string html = CollectionAfterParagraphs(22);
  const std::string collection = TextReadAs(html, v1::PAGE_TYPE_COLLECTION);
  EXPECT_THAT(collection, HasSubstr("Season 21 followed the crews"));
  EXPECT_THAT(collection, Not(HasSubstr("old bridge, part 25"))) << collection;
  const std::string listing = TextReadAs(html, v1::PAGE_TYPE_LISTING);
  EXPECT_THAT(listing, HasSubstr("old bridge, part 25")) << listing;
}

// A reference page: its headline and intro in a header before the
// container its sections' paragraphs crown (much more text than the
// intro), and among the sections a list of links to the APIs it works
// with.
std::string ReferencePage() {
  std::string sections;
  for (const char* topic :
       {"Making a request", "Reading the response", "Handling errors",
        "Sending a body", "Setting headers", "Checking the status",
        "Cancelling a request", "Streaming the response", "Caching the results",
        "Retrying a request"}) {
    absl::StrAppend(
        &sections, "<section><h2>", topic, "</h2><p>", topic,
        " takes a few steps: build the options, call the function, and "
        "wait for the promise it returns to settle before reading on.</p>"
        "<p>Each step can fail on its own, and the sections below show how "
        "to tell one failure from another and what to do about each.</p>"
        "<pre><code>const result = await widget.call(options);</code></pre>"
        "</section>");
    if (absl::StrContains(topic, "headers")) {
      absl::StrAppend(
          &sections,
          "<section><h2>The APIs it works with</h2><ul><li><a "
          "href=\"/docs/streams\">Streams API</a></li><li><a "
          "href=\"/docs/workers\">Service worker API</a></li><li><a "
          "href=\"/docs/cors\">Cross-origin requests</a></li></ul></section>");
    }
  }
  return absl::StrCat(
      "<html><body><nav><ul><li><a href=\"/docs\">Docs</a></li><li><a "
      "href=\"/blog\">Blog</a></li></ul></nav><main><div "
      "class=\"reference-layout\"><div class=\"layout-header\"><h1>Using the "
      "Widget API</h1><section><p>The "
      "<a href=\"/docs/widget\">Widget API</a> gives scripts a way to ask "
      "the server for widgets and to read them back, with promises rather "
      "than callbacks.</p><p>It replaces the older <a "
      "href=\"/docs/gadget\">Gadget API</a>, which blocked the page while "
      "it waited, and it works the same in windows and in workers.</p><p>"
      "This page walks through a request from start to end, and the "
      "reference pages give every option in full.</p>"
      "</section></div><div class=\"reference-body\">",
      sections, "</div></div></main></body></html>");
}

TEST(PageReadingTest, DocumentationIsReadWithItsIntroAndItsLinkLists) {
  const std::string docs =
      TextReadAs(ReferencePage(), v1::PAGE_TYPE_DOCUMENTATION);
  EXPECT_THAT(docs, HasSubstr("gives scripts a way to ask the server")) << docs;
  EXPECT_THAT(docs, HasSubstr("works the same in windows and in workers"));
  EXPECT_LT(docs.find("works the same in windows"),
            docs.find("Making a request takes"));
  EXPECT_THAT(docs, HasSubstr("Service worker API"));
  EXPECT_THAT(docs, HasSubstr("const result = await widget.call(options);"));
  EXPECT_THAT(docs, Not(HasSubstr("Blog")));
  // Read as an article, the header's intro and the list of links stay out.
  const std::string article =
      TextReadAs(ReferencePage(), v1::PAGE_TYPE_ARTICLE);
  EXPECT_THAT(article, HasSubstr("Making a request takes")) << article;
  EXPECT_THAT(article, Not(HasSubstr("gives scripts a way")));
  EXPECT_THAT(article, Not(HasSubstr("Service worker API")));
}

TEST(PageReadingTest, DocumentationWithoutAnIntroKeepsItsLead) {
  // A header with the headline and one line beside it is no intro: the
  // line stays out, as on an article.
  std::string html = ReferencePage();
  const size_t from = html.find("<p>It replaces");
  html.erase(from, html.find("</section></div>") - from);
  const std::string docs = TextReadAs(html, v1::PAGE_TYPE_DOCUMENTATION);
  EXPECT_THAT(docs, Not(HasSubstr("gives scripts a way"))) << docs;
  EXPECT_THAT(docs, HasSubstr("Making a request takes"));
}

}  // namespace
}  // namespace lede::engine
