#include "server/engine/frame.h"

#include <md4c-html.h>

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "re2/re2.h"
#include "server/engine/front_matter.h"
#include "server/engine/raw_text.h"
#include "server/engine/text_util.h"

namespace lede::engine {
namespace {

absl::string_view SkipSpace(absl::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  return start == absl::string_view::npos ? absl::string_view()
                                          : text.substr(start);
}

// Skips leading HTML comments, remembering one that holds an epoch time
// (10 digits: seconds, 13: milliseconds), as some archivers stamp pages.
absl::string_view SkipLeadingComments(absl::string_view text,
                                      std::optional<int64_t>* epoch_ms) {
  text = SkipSpace(text);
  while (absl::StartsWith(text, "<!--")) {
    const CommentBounds comment = FindCommentEnd(text, 0);
    if (comment.end == absl::string_view::npos) break;
    absl::string_view body =
        absl::StripAsciiWhitespace(text.substr(4, comment.text_end - 4));
    // Bare "<!-- 1696513502 -->" or labelled "<!-- publish_time: ... -->".
    static const LazyRE2 kEpochComment = {
        R"((?i)^(?:[a-z_ -]*(?:time|date|publish|pub)[a-z_ -]*\s*[:=]\s*)?(\d{10}|\d{13})$)"};
    std::string digits;
    int64_t value = 0;
    if (!epoch_ms->has_value() &&
        RE2::FullMatch(Piece(body), *kEpochComment, &digits) &&
        absl::SimpleAtoi(digits, &value)) {
      *epoch_ms = digits.size() == 10 ? value * 1000 : value;
    }
    text = SkipSpace(text.substr(comment.end));
  }
  return text;
}

bool LooksLikeHtmlPage(absl::string_view text) {
  std::string head = absl::AsciiStrToLower(text.substr(0, 1024));
  return absl::StartsWith(head, "<!doctype") ||
         absl::StartsWith(head, "<html") || absl::StartsWith(head, "<?xml") ||
         absl::StrContains(head, "<head") || absl::StrContains(head, "<body");
}

// A first line "[Title](url)" or "# Title": the document's own title.
void ReadMarkdownHeading(absl::string_view text, FrameFacts* facts) {
  size_t end = text.find('\n');
  absl::string_view line = absl::StripAsciiWhitespace(text.substr(0, end));
  static const LazyRE2 kLinkLine = {R"(^\[([^\]]+)\]\((\S+?)\)$)"};
  static const LazyRE2 kAtxHeading = {R"(^#{1,2}\s+(.+?)\s*#*$)"};
  std::string title;
  // Matched without its groups (a pass of RE2's automaton, not its slower
  // engine for groups): the match fixes them. The title holds no ']', so it
  // ends at the first; the URL runs from the "(" after it to the last ')'.
  if (RE2::FullMatch(Piece(line), *kLinkLine)) {
    const size_t close = line.find(']');
    facts->heading_title = std::string(line.substr(1, close - 1));
    facts->heading_url =
        std::string(line.substr(close + 2, line.size() - close - 3));
  } else if (RE2::FullMatch(Piece(line), *kAtxHeading, &title)) {
    facts->heading_title = title;
  }
}

void AppendHtml(const MD_CHAR* text, MD_SIZE size, void* userdata) {
  static_cast<std::string*>(userdata)->append(text, size);
}

std::string MarkdownToHtml(absl::string_view markdown) {
  std::string html;
  html.reserve(markdown.size() + markdown.size() / 4);
  // Indented code blocks off: pasted HTML is often indented, and must stay
  // markup rather than become a code listing.
  md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &AppendHtml,
          &html, MD_DIALECT_GITHUB | MD_FLAG_NOINDENTEDCODEBLOCKS, 0);
  return html;
}

bool HasMarkup(absl::string_view text) {
  static const LazyRE2 kTag = {R"(<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z]|!--))"};
  return RE2::PartialMatch(Piece(text), *kTag);
}

}  // namespace

absl::string_view FramingName(Framing framing) {
  switch (framing) {
    case Framing::kHtmlPage:
      return "html-page";
    case Framing::kHtmlFragment:
      return "html-fragment";
    case Framing::kMarkdownFrontMatter:
      return "markdown-front-matter";
    case Framing::kMarkdownHtml:
      return "markdown-html";
    case Framing::kText:
      return "text";
  }
  return "text";
}

FramedDocument FrameDocument(std::string utf8) {
  FramedDocument framed;
  const absl::string_view text = utf8;
  size_t front_matter_end = ParseFrontMatter(text, &framed.facts.front_matter);
  absl::string_view rest = text.substr(front_matter_end);
  absl::string_view lead =
      SkipLeadingComments(rest, &framed.facts.comment_epoch_ms);

  if (front_matter_end == 0 && absl::StartsWith(lead, "<")) {
    framed.framing =
        LooksLikeHtmlPage(lead) ? Framing::kHtmlPage : Framing::kHtmlFragment;
    framed.html = std::move(utf8);
    return framed;
  }
  ReadMarkdownHeading(lead, &framed.facts);
  if (front_matter_end > 0) {
    framed.framing = Framing::kMarkdownFrontMatter;
  } else if (!framed.facts.heading_title.empty() || HasMarkup(lead)) {
    framed.framing = Framing::kMarkdownHtml;
  } else {
    framed.framing = Framing::kText;
  }
  framed.html = MarkdownToHtml(rest);
  return framed;
}

}  // namespace lede::engine
