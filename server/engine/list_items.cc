#include "server/engine/list_items.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/engine/content_rules.h"
#include "server/engine/dom.h"
#include "server/engine/text_util.h"
#include "server/engine/url.h"

namespace lede::engine::content {
namespace {

// An element child of an open element, as the walk leaves it.
struct Child {
  const GumboNode* node = nullptr;
  size_t signature = 0;  // its tag and class: alike siblings share it
  int links = 0;         // links with an address and text inside it
  int text = 0;          // code points of text inside it
};

// An open element: its children so far, and what they hold.
struct Frame {
  std::vector<Child> children;
  int links = 0;
  int text = 0;
};

size_t Signature(const GumboNode* element) {
  return absl::HashOf(static_cast<int>(element->v.element.tag),
                      Attribute(element, "class"));
}

bool IsLink(const GumboNode* element) {
  return IsElement(element, GUMBO_TAG_A) && !Attribute(element, "href").empty();
}

// The run of alike siblings that is the page's list: the most text among
// runs of at least kMinListItems that each hold a link.
class RunFinder {
 public:
  explicit RunFinder(const Skips& skips) : skips_(skips) {}

  std::vector<const GumboNode*> Find(const GumboNode* body) {
    WalkTree(
        body,
        [&](const GumboNode* node, int) {
          if (node->type == GUMBO_NODE_TEXT) {
            if (!frames_.empty()) {
              frames_.back().text +=
                  static_cast<int>(CodePointCount(node->v.text.text));
            }
            return false;
          }
          if (node->type != GUMBO_NODE_ELEMENT) return false;
          if (node != body && skips_.LeftOutOfText(node)) return false;
          frames_.emplace_back();
          return true;
        },
        [&](const GumboNode* node) {
          if (node->type != GUMBO_NODE_ELEMENT) return;
          Frame frame = std::move(frames_.back());
          frames_.pop_back();
          ReadRuns(&frame.children);
          if (frames_.empty()) return;
          Frame& parent = frames_.back();
          const int links = frame.links + (IsLink(node) && frame.text > 0);
          parent.children.push_back({node, Signature(node), links, frame.text});
          parent.links += links;
          parent.text += frame.text;
        });
    return std::move(best_);
  }

 private:
  // Keeps the best run among `children` (reordered, then put back in page
  // order for the one kept).
  void ReadRuns(std::vector<Child>* children) {
    if (children->size() < content_rules::kMinListItems) return;
    std::stable_sort(children->begin(), children->end(),
                     [](const Child& a, const Child& b) {
                       return a.signature < b.signature;
                     });
    for (size_t start = 0; start < children->size();) {
      size_t end = start;
      int linked = 0, text = 0;
      while (end < children->size() &&
             (*children)[end].signature == (*children)[start].signature) {
        const Child& child = (*children)[end];
        if (child.links > 0) {
          ++linked;
          text += std::min(child.text, content_rules::kMaxListItemTextCounted);
        }
        ++end;
      }
      if (linked >= static_cast<int>(content_rules::kMinListItems) &&
          text > best_text_) {
        best_text_ = text;
        best_.clear();
        for (size_t i = start; i < end; ++i) {
          if ((*children)[i].links > 0) best_.push_back((*children)[i].node);
        }
      }
      start = end;
    }
  }

  const Skips& skips_;
  std::vector<Frame> frames_;
  std::vector<const GumboNode*> best_;
  int best_text_ = 0;
};

// The entry `element` gives: its title link (the one in a heading, else
// the one with the most text), and its text outside links.
ListEntry ReadEntry(const GumboNode* element, const Skips& skips,
                    absl::string_view base_url) {
  const GumboNode* title_link = nullptr;
  std::string title;
  bool in_heading = false;
  std::string snippet;
  int heading_depth = 0, link_depth = 0;
  WalkTree(
      element,
      [&](const GumboNode* node, int) {
        if (node->type == GUMBO_NODE_TEXT) {
          // Texts of separate elements stay separate words ("#1" "Sarah").
          if (link_depth == 0)
            absl::StrAppend(&snippet, " ", node->v.text.text);
          return false;
        }
        if (node->type != GUMBO_NODE_ELEMENT) return false;
        if (skips.LeftOutOfText(node, /*root=*/node == element)) return false;
        if (content::HeadingLevel(node->v.element.tag) > 0) ++heading_depth;
        if (IsLink(node)) {
          ++link_depth;
          std::string text = CollapseWhitespace(TextContent(node));
          const bool better =
              !text.empty() &&
              (title_link == nullptr || (heading_depth > 0 && !in_heading) ||
               ((heading_depth > 0) == in_heading &&
                text.size() > title.size()));
          if (better) {
            title_link = node;
            title = std::move(text);
            in_heading = heading_depth > 0;
          }
        }
        return true;
      },
      [&](const GumboNode* node) {
        if (node->type != GUMBO_NODE_ELEMENT) return;
        if (content::HeadingLevel(node->v.element.tag) > 0) --heading_depth;
        if (IsLink(node)) --link_depth;
      });
  ListEntry entry;
  if (title_link == nullptr) return entry;
  entry.title = std::move(title);
  entry.url = ResolveUrl(base_url, Attribute(title_link, "href"));
  entry.snippet = CollapseWhitespace(snippet);
  return entry;
}

}  // namespace

std::vector<ListEntry> ReadListItems(const GumboNode* body, const Skips& skips,
                                     absl::string_view base_url) {
  std::vector<ListEntry> entries;
  for (const GumboNode* element : RunFinder(skips).Find(body)) {
    ListEntry entry = ReadEntry(element, skips, base_url);
    if (!entry.title.empty() && !entry.url.empty()) {
      entries.push_back(std::move(entry));
    }
  }
  return entries;
}

}  // namespace lede::engine::content
