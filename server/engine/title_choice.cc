#include "server/engine/title_choice.h"

#include <algorithm>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "server/engine/metadata_rules.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine::metadata {
namespace {

namespace rules = metadata_rules;
using rules::Confirms;
using rules::TitlePick;

// A title in the forms the comparisons below need, made once per page
// rather than once per heading.
struct TitleForms {
  TitleForms(absl::string_view title, absl::string_view source,
             const SiteNames& site, absl::string_view wrapped = "")
      : text(title),
        source(source),
        stripped(wrapped.empty() ? StripSiteName(title, site)
                                 : std::string(wrapped)),
        lower(Lower(title)),
        lower_stripped(Lower(stripped)),
        lower_site(Lower(site.site())) {
    for (absl::string_view ellipsis : rules::kTitleEllipses) {
      if (!absl::EndsWith(lower_stripped, ellipsis)) continue;
      std::string head(absl::StripTrailingAsciiWhitespace(
          absl::string_view(lower_stripped)
              .substr(0, lower_stripped.size() - ellipsis.size())));
      if (CodePointCount(head) < rules::kMinCutShortTitle) break;
      cut_short = true;
      lower_stripped = std::move(head);
      break;
    }
  }
  absl::string_view text;
  absl::string_view source;
  std::string stripped;  // without the site's name
  // lower_stripped: Lower(stripped), without the ellipsis of a title cut
  // short ("The council approves…").
  std::string lower, lower_stripped, lower_site;
  bool cut_short = false;
};

// A heading as the comparisons read it.
struct Seen {
  const Heading* heading;
  std::string lower;  // Lower(heading->text)
};

// Lower-cased letters and digits alone ("Time 4 talks" -> "time4talks");
// bytes of other scripts are kept.
std::string Key(absl::string_view text) {
  std::string key;
  for (char c : Lower(text)) {
    if (absl::ascii_isalnum(c) || static_cast<unsigned char>(c) >= 0x80) {
      key.push_back(c);
    }
  }
  return key;
}

// `text` lower-cased with its typographic quotes written plain ("Let’s" ->
// "let's"; rules::kTypographicQuotes).
std::string PlainQuotes(absl::string_view text) {
  std::string plain = Lower(text);
  for (const rules::QuoteSpelling& quote : rules::kTypographicQuotes) {
    absl::StrReplaceAll({{quote.typographic, quote.plain}}, &plain);
  }
  return plain;
}

// The labels of `host` that may name a site, as keys.
void AddHostLabels(absl::string_view host, std::vector<std::string>* keys) {
  std::vector<absl::string_view> labels = absl::StrSplit(host, '.');
  if (labels.size() < 2) return;
  labels.pop_back();  // the top-level domain
  for (absl::string_view label : labels) {
    if (label.size() < rules::kMinSiteLabel ||
        std::find(std::begin(rules::kHostLabelsNotSite),
                  std::end(rules::kHostLabelsNotSite),
                  label) != std::end(rules::kHostLabelsNotSite)) {
      continue;
    }
    keys->push_back(Key(label));
  }
}

// "Headline_Section" -> "Headline": short sections after the headline go,
// while the headline before them keeps its length.
absl::string_view DropSections(absl::string_view head,
                               absl::string_view separator) {
  for (size_t cut = head.rfind(separator); cut != absl::string_view::npos;
       cut = head.rfind(separator)) {
    absl::string_view section = head.substr(cut + separator.size());
    absl::string_view rest = head.substr(0, cut);
    if (CodePointCount(section) > rules::kMaxSectionName ||
        CodePointCount(rest) < rules::kMinHeadlineBeforeSection) {
      break;
    }
    head = rest;
  }
  return absl::StripAsciiWhitespace(head);
}

// The title before its first part that names the site ("Title – Site –
// Motto"), or its last part when it starts with the site's name ("Site »
// Archive » Title"). "" when no part names the site.
std::string CutSiteParts(absl::string_view title, const SiteNames& site) {
  for (absl::string_view separator : rules::kTitleSeparators) {
    if (!absl::StrContains(title, separator)) continue;
    std::vector<absl::string_view> parts = absl::StrSplit(title, separator);
    if (site.Names(parts.front(), SiteNames::kWhole)) {
      return std::string(absl::StripAsciiWhitespace(parts.back()));
    }
    for (size_t i = 1; i < parts.size(); ++i) {
      if (!site.Names(parts[i], SiteNames::kWholeOrStart)) continue;
      absl::string_view head(title.data(),
                             parts[i].data() - title.data() - separator.size());
      return std::string(DropSections(head, separator));
    }
  }
  return "";
}

// Whether `rest` (of a <title>, beside the metadata's title) is a
// separator, on the side of the title `before` says.
bool SeparatedRest(absl::string_view rest, bool before) {
  const auto touches = [rest, before](absl::string_view separator) {
    return before ? absl::EndsWith(rest, separator)
                  : absl::StartsWith(rest, separator);
  };
  return absl::c_any_of(rules::kTitleSeparators, touches) ||
         touches(rules::kTitleColon);
}

// The metadata's title as the <title> holds it, when the <title> is that
// title and a shorter part beside it past a separator ("Blog: Post" around
// "Post"): the other part is the site's. "" otherwise, or when the
// metadata's title is the site's name.
std::string WrappedTitle(absl::string_view title_tag, absl::string_view meta,
                         const SiteNames& site) {
  // Compared and cut in one form: Lower collapses white space, so its
  // offsets are not the raw <title>'s ("\n  Blog: Post\n").
  const std::string shown = CollapseWhitespace(title_tag);
  const std::string tag = absl::AsciiStrToLower(shown);
  const std::string inner = Lower(meta);
  if (inner.empty() || 2 * inner.size() < tag.size() ||
      inner.size() >= tag.size() || site.Names(meta, SiteNames::kWhole)) {
    return "";
  }
  if (absl::StartsWith(tag, inner) &&
      SeparatedRest(absl::string_view(tag).substr(inner.size()), false)) {
    return shown.substr(0, inner.size());
  }
  if (absl::EndsWith(tag, inner) &&
      SeparatedRest(absl::string_view(tag).substr(0, tag.size() - inner.size()),
                    true)) {
    return shown.substr(shown.size() - inner.size());
  }
  return "";
}

// A heading as the page shows it, without the site's name it carries
// ("Headline | Site").
std::string Headline(absl::string_view heading, const SiteNames& site) {
  std::string cut = CutSiteParts(heading, site);
  return CollapseWhitespace(cut.empty() ? heading : cut);
}

// Whether `title` starts with `heading` and a colon after it, a subtitle
// following ("kayaks" in "kayaks: shop boats | site"). Both lower-cased.
bool LeadingPart(absl::string_view heading, absl::string_view title) {
  return absl::StartsWith(title, heading) &&
         absl::StartsWith(title.substr(heading.size()), rules::kTitleColon);
}

Confirms Compare(const std::string& heading, const TitleForms& title) {
  if (heading.empty() || title.text.empty()) return Confirms::kNo;
  const std::string& t = title.lower_stripped;
  if (heading == t || heading == title.lower) return Confirms::kSame;
  // A heading that says the whole of a title cut short.
  if (title.cut_short && absl::StartsWith(heading, t)) return Confirms::kSame;
  if (absl::StrContains(heading, t)) return Confirms::kHeadingHolds;
  if (LeadingPart(heading, t)) return Confirms::kLeadingPart;
  if (absl::StrContains(t, heading)) return Confirms::kFragment;
  return Confirms::kNo;
}

// The site's part of a title ("痞客邦 PIXNET" in "Post :: 痞客邦 PIXNET ::").
// `heading` is lower-cased (Lower).
bool IsSitePart(const std::string& heading, const TitleForms& title) {
  if (!title.lower_site.empty() && heading == title.lower_site) return true;
  return !title.text.empty() && absl::StrContains(title.lower, heading) &&
         !absl::StrContains(title.lower_stripped, heading);
}

// The only <h1> outside the chrome (`in_chrome` false) or, when the page
// has none outside it, the only one inside it (an article's own <header>),
// unless it is short or the site's name.
const Seen* LoneHeadline(const std::vector<Seen>& seen,
                         const std::vector<TitleForms>& titles,
                         bool in_chrome) {
  const Seen* first = nullptr;
  int count = 0;
  for (const Seen& s : seen) {
    if (s.heading->level != 1) continue;
    if (s.heading->in_chrome != in_chrome) {
      if (in_chrome) return nullptr;  // an <h1> outside the chrome
      continue;
    }
    if (first == nullptr) first = &s;
    ++count;
  }
  if (count != 1 ||
      CodePointCount(first->heading->text) < rules::kMinLoneHeadline) {
    return nullptr;
  }
  for (const TitleForms& title : titles) {
    if (IsSitePart(first->lower, title)) return nullptr;
  }
  return first;
}

// The lone <h1> inside the chrome, when the page has none outside it and
// no title says it in other quotes ("Let’s" for "Let's"): such a title is
// the headline as the metadata writes it.
const Seen* LoneHeaderHeadline(const std::vector<Seen>& seen,
                               const std::vector<TitleForms>& titles) {
  const Seen* lone = LoneHeadline(seen, titles, true);
  if (lone == nullptr) return nullptr;
  const std::string plain = PlainQuotes(lone->heading->text);
  for (const TitleForms& title : titles) {
    if (PlainQuotes(title.stripped) == plain) return nullptr;
  }
  return lone;
}

bool InTier(const rules::TitleTier& tier, const Heading& heading,
            const Seen* lone_h1) {
  if ((tier.rank == rules::HeadingRank::kFirstLevel) != (heading.level == 1)) {
    return false;
  }
  if (tier.chrome != rules::InChrome::kEither &&
      heading.in_chrome != (tier.chrome == rules::InChrome::kYes)) {
    return false;
  }
  return !tier.longer_than_lone_h1 || lone_h1 == nullptr ||
         CodePointCount(heading.text) > CodePointCount(lone_h1->heading->text);
}

// What `tier` takes when `seen` confirms `title`; kNothing when it does
// not, or gives nothing.
TitlePick PickFor(const rules::TitleTier& tier, const Seen& seen,
                  const TitleForms& title, const SiteNames& site) {
  switch (Compare(seen.lower, title)) {
    case Confirms::kNo:
      return TitlePick::kNothing;
    case Confirms::kSame:
      return tier.on_same;
    case Confirms::kHeadingHolds:
      return absl::EndsWith(seen.lower, title.lower_stripped)
                 ? tier.on_holds_at_end
                 : tier.on_holds;
    case Confirms::kFragment:
      // The blog's name in an <h1> sits in its posts' titles too.
      return IsSitePart(seen.lower, title) ? TitlePick::kNothing
                                           : tier.on_fragment;
    case Confirms::kLeadingPart:
      // "Slashdot: News for nerds": the site's name leads its own title,
      // a part of it as any other.
      if (IsSitePart(seen.lower, title)) return TitlePick::kNothing;
      return site.Names(seen.heading->text, SiteNames::kWholeOrStart)
                 ? tier.on_fragment
                 : tier.on_leading_part;
  }
  return TitlePick::kNothing;
}

// The heading `seen` as the title; true.
bool PickHeading(const Seen& seen, const SiteNames& site,
                 Sourced<std::string>* out, std::string* heading) {
  *heading = CollapseWhitespace(seen.heading->text);
  out->Set(Headline(seen.heading->text, site), "heading");
  return true;
}

// Whether another of `titles` says `cut` whole.
bool SaidWhole(const TitleForms& cut, const std::vector<TitleForms>& titles) {
  for (const TitleForms& other : titles) {
    if (!other.cut_short &&
        other.lower_stripped.size() > cut.lower_stripped.size() &&
        absl::StartsWith(other.lower_stripped, cut.lower_stripped)) {
      return true;
    }
  }
  return false;
}

// Drops the titles cut short that another title says whole (an og:title
// ending in "…" where the <title> goes on).
void DropCutShort(std::vector<TitleForms>* titles) {
  std::vector<TitleForms> kept;
  for (const TitleForms& title : *titles) {
    if (!title.cut_short || !SaidWhole(title, *titles)) kept.push_back(title);
  }
  *titles = std::move(kept);
}

// The title the tiers find, from the first heading, tier by tier, that
// confirms a title; false when none does.
bool ChooseByTiers(const std::vector<Seen>& seen,
                   const std::vector<TitleForms>& titles, const Seen* lone_h1,
                   const SiteNames& site, Sourced<std::string>* out,
                   std::string* heading) {
  for (const rules::TitleTier& tier : rules::kTitleTiers) {
    for (const Seen& s : seen) {
      if (!InTier(tier, *s.heading, lone_h1)) continue;
      for (const TitleForms& title : titles) {
        switch (PickFor(tier, s, title, site)) {
          case TitlePick::kNothing:
            continue;
          case TitlePick::kHeading:
            return PickHeading(s, site, out, heading);
          case TitlePick::kTitle:
            if (title.cut_short) return PickHeading(s, site, out, heading);
            out->Set(CollapseWhitespace(title.stripped),
                     std::string(title.source));
            return true;
          case TitlePick::kTitleWhole:
            if (title.cut_short) return PickHeading(s, site, out, heading);
            out->Set(CollapseWhitespace(
                         s.lower == title.lower ? title.text : title.stripped),
                     std::string(title.source));
            return true;
        }
      }
    }
  }
  return false;
}

}  // namespace

SiteNames::SiteNames(absl::string_view site, absl::string_view url)
    : site_(site) {
  std::string key = Key(site);
  if (!key.empty()) keys_.push_back(std::move(key));
  AddHostLabels(UrlHost(url), &keys_);
  // A web archive's URL holds the archived page's.
  size_t inner = url.rfind("://");
  if (inner != absl::string_view::npos && url.find("://") != inner) {
    size_t scheme = url.find_last_of('/', inner);
    AddHostLabels(
        UrlHost(url.substr(scheme == absl::string_view::npos ? 0 : scheme + 1)),
        &keys_);
  }
}

bool SiteNames::Names(absl::string_view part, Match match) const {
  std::string key = Key(part);
  if (key.empty()) return false;
  const std::vector<absl::string_view> words =
      absl::StrSplit(part, ' ', absl::SkipEmpty());
  for (const std::string& name : keys_) {
    if (key == name) return true;
    if (match == kWholeOrStart &&
        std::min(key.size(), name.size()) >= rules::kMinSiteKeyPrefix &&
        words.size() <= rules::kMaxSitePartWords &&
        (absl::StartsWith(key, name) || absl::StartsWith(name, key))) {
      return true;
    }
  }
  return false;
}

std::string StripSiteName(absl::string_view title, const SiteNames& site) {
  std::string cut = CutSiteParts(title, site);
  if (!cut.empty()) return cut;
  std::string lower_site = Lower(site.site());
  for (absl::string_view separator : rules::kTitleSeparators) {
    size_t last = title.rfind(separator);
    if (last == absl::string_view::npos) continue;
    size_t first = title.find(separator);
    absl::string_view head = title.substr(0, last);
    absl::string_view tail = title.substr(first + separator.size());
    if (!lower_site.empty() && absl::StartsWith(Lower(head), lower_site) &&
        !absl::StrContains(Lower(tail), lower_site)) {
      return std::string(absl::StripAsciiWhitespace(tail));
    }
    // Readability: the part before the last separator, unless too short.
    bool long_enough =
        (CodePointCount(head) >= rules::kMinTitleHeadSpacedAlike &&
         absl::StrContains(head, " ") == absl::StrContains(title, " ")) ||
        CodePointCount(head) >= rules::kMinTitleHead;
    if (!long_enough) continue;
    return std::string(DropSections(head, separator));
  }
  return std::string(title);
}

void ChooseTitle(const Candidates& candidates, const PageScan& scan,
                 const SiteNames& site, Sourced<std::string>* out,
                 std::string* heading, Sourced<std::string>* named) {
  heading->clear();
  *named = Sourced<std::string>();
  const Candidate* meta = candidates.Best(Field::kTitle);
  if (meta != nullptr &&
      (meta->source == "front-matter" || meta->source == "markdown-heading")) {
    out->Set(CollapseWhitespace(meta->value), meta->source);
    return;
  }
  std::vector<TitleForms> titles;
  if (meta != nullptr) titles.emplace_back(meta->value, meta->source, site);
  if (!scan.title_tag.empty()) {
    titles.emplace_back(
        scan.title_tag, "title-tag", site,
        meta == nullptr ? "" : WrappedTitle(scan.title_tag, meta->value, site));
  }
  DropCutShort(&titles);
  std::vector<Seen> seen;
  seen.reserve(scan.headings.size());
  for (const Heading& heading : scan.headings) {
    seen.push_back({&heading, Lower(heading.text)});
  }
  const Seen* lone_h1 = LoneHeadline(seen, titles, false);
  if (ChooseByTiers(seen, titles, lone_h1, site, out, heading)) return;
  if (lone_h1 == nullptr) lone_h1 = LoneHeaderHeadline(seen, titles);
  // Else the lone <h1>; the metadata's title, else the <title>, without
  // the site's name; the first <h1>; the first <h2>.
  if (lone_h1 != nullptr) {
    *heading = CollapseWhitespace(lone_h1->heading->text);
    out->Set(Headline(lone_h1->heading->text, site), "heading");
    if (!titles.empty() && !titles.front().stripped.empty()) {
      named->Set(CollapseWhitespace(titles.front().stripped),
                 std::string(titles.front().source));
    }
  } else if (!titles.empty()) {
    out->Set(CollapseWhitespace(titles.front().stripped),
             std::string(titles.front().source));
  } else {
    for (int level : {1, 2}) {
      for (const Heading& heading : scan.headings) {
        if (heading.level != level || (level == 1 && heading.in_chrome)) {
          continue;
        }
        out->Set(CollapseWhitespace(heading.text), "heading");
        return;
      }
    }
  }
}

}  // namespace lede::engine::metadata
