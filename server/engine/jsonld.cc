#include "server/engine/jsonld.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"
#include "server/engine/json_value.h"

namespace lede::engine {
namespace {

using Json = nlohmann::json;

// Data: schema.org types whose properties describe the article.
constexpr absl::string_view kArticleTypes[] = {
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "WebPage",
    "MedicalWebPage",
    "Recipe",
    "HowTo",
    "Review",
    "VideoObject",
    "DiscussionForumPosting",
    "QAPage",
};

constexpr char kSource[] = "json-ld";

// A type's rank among article types: real articles beat a WebPage.
int TypeRank(const Json& node) {
  auto rank_of = [](const std::string& type) {
    for (size_t i = 0; i < std::size(kArticleTypes); ++i) {
      if (kArticleTypes[i] == type) {
        return kArticleTypes[i] == "WebPage" ? 2 : 1;
      }
    }
    return 0;
  };
  const Json* type = node.contains("@type") ? &node["@type"] : nullptr;
  if (type == nullptr) return 0;
  if (type->is_string()) return rank_of(type->get<std::string>());
  int best = 0;
  if (type->is_array()) {
    for (const Json& t : *type) {
      if (t.is_string()) {
        int r = rank_of(t.get<std::string>());
        if (r != 0 && (best == 0 || r < best)) best = r;
      }
    }
  }
  return best;
}

// Objects of the document by "@id", so {"@id": ...} references (Yoast's
// @graph) resolve to the object they name.
using IdIndex = std::map<std::string, const Json*>;

bool IsOrganization(const Json& node) {
  if (!node.is_object() || !node.contains("@type")) return false;
  const Json& type = node["@type"];
  auto is_org = [](const Json& t) {
    return t.is_string() && (t.get<std::string>() == "Organization" ||
                             t.get<std::string>() == "NewsMediaOrganization");
  };
  if (is_org(type)) return true;
  if (type.is_array()) {
    bool person = false, org = false;
    for (const Json& t : type) {
      org = org || is_org(t);
      person = person || (t.is_string() && t.get<std::string>() == "Person");
    }
    return org && !person;
  }
  return false;
}

// Strings from a value that may be a string, an object with `key` (or a
// reference to one), or an array of either. Organizations are skipped when
// `people_only`: an author that is the publisher names no one.
void Strings(const Json& value, const char* key, const IdIndex& ids,
             bool people_only, std::vector<std::string>* out, int depth = 0) {
  if (depth > 4) return;
  if (value.is_string()) {
    out->push_back(value.get<std::string>());
  } else if (value.is_object()) {
    const Json* node = &value;
    if (!node->contains(key) && node->contains("@id") &&
        (*node)["@id"].is_string()) {
      auto it = ids.find((*node)["@id"].get<std::string>());
      if (it != ids.end()) node = it->second;
    }
    if (people_only && IsOrganization(*node)) return;
    if (node->contains(key)) {
      Strings((*node)[key], key, ids, people_only, out, depth + 1);
    }
  } else if (value.is_array()) {
    for (const Json& item : value) {
      Strings(item, key, ids, people_only, out, depth + 1);
    }
  }
}

void AddAll(const Json& node, const char* property, const char* key,
            Field field, const IdIndex& ids, Candidates* out, int rank) {
  if (!node.contains(property)) return;
  std::vector<std::string> values;
  Strings(node[property], key, ids, field == Field::kAuthors, &values);
  for (const std::string& value : values) out->Add(field, value, kSource, rank);
}

void ReadArticle(const Json& node, int rank, const IdIndex& ids,
                 Candidates* out) {
  AddAll(node, "headline", "name", Field::kTitle, ids, out, rank);
  if (!node.contains("headline"))
    AddAll(node, "name", "name", Field::kTitle, ids, out, rank);
  AddAll(node, "author", "name", Field::kAuthors, ids, out, rank);
  AddAll(node, "creator", "name", Field::kAuthors, ids, out, rank);
  AddAll(node, "datePublished", "", Field::kPublished, ids, out, rank);
  AddAll(node, "dateCreated", "", Field::kPublished, ids, out, rank + 1);
  AddAll(node, "dateModified", "", Field::kModified, ids, out, rank);
  AddAll(node, "description", "", Field::kDescription, ids, out, rank);
  AddAll(node, "image", "url", Field::kImage, ids, out, rank);
  AddAll(node, "thumbnailUrl", "url", Field::kImage, ids, out, rank + 1);
  AddAll(node, "articleSection", "", Field::kCategories, ids, out, rank);
  AddAll(node, "publisher", "name", Field::kSiteName, ids, out, rank);
  AddAll(node, "url", "", Field::kUrl, ids, out, rank);
  AddAll(node, "articleBody", "", Field::kBody, ids, out, rank);
  if (node.contains("keywords")) {
    std::vector<std::string> keywords;
    Strings(node["keywords"], "name", ids, false, &keywords);
    for (const std::string& list : keywords) {
      for (absl::string_view tag : absl::StrSplit(list, ',')) {
        out->Add(Field::kTags, tag, kSource, rank);
      }
    }
  }
}

// Visits every object in the document: top level, arrays, @graph, and
// objects nested as values (mainEntity, ...). Iterative.
void IndexIds(const Json& root, IdIndex* ids) {
  std::vector<const Json*> stack = {&root};
  int visited = 0;
  while (!stack.empty() && ++visited < 10000) {
    const Json* node = stack.back();
    stack.pop_back();
    if (node->is_object() && node->contains("@id") &&
        (*node)["@id"].is_string() && node->size() > 1) {
      ids->emplace((*node)["@id"].get<std::string>(), node);
    }
    if (node->is_object() || node->is_array()) {
      for (const Json& child : *node) stack.push_back(&child);
    }
  }
}

void ReadNodes(const Json& root, Candidates* out) {
  IdIndex ids;
  IndexIds(root, &ids);
  std::vector<const Json*> stack = {&root};
  int visited = 0;
  while (!stack.empty() && ++visited < 10000) {
    const Json* node = stack.back();
    stack.pop_back();
    if (node->is_array()) {
      for (auto it = node->rbegin(); it != node->rend(); ++it) {
        stack.push_back(&*it);
      }
      continue;
    }
    if (!node->is_object()) continue;
    if (int type_rank = TypeRank(*node); type_rank > 0) {
      // WebPage-level facts rank below the article's own.
      ReadArticle(*node, kRankStructured + (type_rank - 1), ids, out);
    } else if (node->contains("@type") && (*node)["@type"] == "WebSite" &&
               node->contains("name")) {
      AddAll(*node, "name", "", Field::kSiteName, ids, out,
             kRankStructured + 1);
    }
    for (const char* nested : {"@graph", "mainEntity", "mainEntityOfPage"}) {
      if (node->contains(nested)) stack.push_back(&(*node)[nested]);
    }
  }
}

// Appends `type` ("Product", or "http://schema.org/Product") to `types` as
// its name.
void AddType(const Json& type, bool nested, std::vector<SchemaType>* types) {
  if (!type.is_string() || types->size() >= kMaxSchemaTypes) return;
  absl::string_view name = type.get_ref<const std::string&>();
  name = name.substr(name.find_last_of("/#:") + 1);
  if (!name.empty()) types->push_back({std::string(name), nested});
}

// Every object's "@type", in the order the objects appear. Objects at the top
// (alone, in an array, in "@graph") and the "mainEntity" they name are the
// page's own; the others are nested in another item. Iterative.
void CollectTypes(const Json& root, std::vector<SchemaType>* types) {
  struct Visit {
    const Json* node;
    bool nested;
  };
  std::vector<Visit> stack = {{&root, false}};
  int visited = 0;
  while (!stack.empty() && ++visited < 10000 &&
         types->size() < kMaxSchemaTypes) {
    const Visit visit = stack.back();
    stack.pop_back();
    const Json& node = *visit.node;
    if (node.is_array()) {
      for (auto it = node.rbegin(); it != node.rend(); ++it) {
        stack.push_back({&*it, visit.nested});
      }
      continue;
    }
    if (!node.is_object()) continue;
    if (auto type = node.find("@type"); type != node.end()) {
      if (type->is_array()) {
        for (const Json& each : *type) AddType(each, visit.nested, types);
      } else {
        AddType(*type, visit.nested, types);
      }
    }
    std::vector<Visit> children;
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->is_object() && !it->is_array()) continue;
      const bool own = it.key() == "@graph" || it.key() == "mainEntity";
      children.push_back({&*it, visit.nested || !own});
    }
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
}

// The JSON inside the wrappers pages hide it in for old XHTML parsers:
// "<![CDATA[ {...} ]]>", "//<![CDATA[ ... //]]>", "<!-- {...} -->".
absl::string_view Unwrap(absl::string_view json) {
  json = absl::StripAsciiWhitespace(json);
  for (auto [open, close] :
       {std::pair<absl::string_view, absl::string_view>{"//<![CDATA[", "//]]>"},
        {"<![CDATA[", "]]>"},
        {"<!--", "-->"}}) {
    if (absl::StartsWith(json, open)) {
      json.remove_prefix(open.size());
      json = absl::StripAsciiWhitespace(json);
      if (absl::EndsWith(json, close)) json.remove_suffix(close.size());
      return absl::StripAsciiWhitespace(json);
    }
  }
  return json;
}

}  // namespace

void ReadJsonLd(absl::string_view json, Candidates* out,
                std::vector<SchemaType>* types) {
  json = Unwrap(json);
  Json root = ParseJsonValue(json);
  if (root.is_discarded()) return;
  ReadNodes(root, out);
  CollectTypes(root, types);
}

}  // namespace lede::engine
