#include "server/engine/element_reads.h"

namespace lede::engine {
namespace {

ElementAttributes ReadAttributes(const GumboNode* element) {
  ElementAttributes read;
  ForEachAttribute(element, [&](AttributeName name, const char* value) {
    if (name == "class") {
      read.class_name = value;
    } else if (name == "id") {
      read.id = value;
    } else if (name == "href") {
      read.href = value;
    } else if (name == "itemprop") {
      read.itemprop = value;
    } else if (name == "itemtype") {
      read.itemtype = value;
    } else if (name == "itemscope") {
      read.itemscope = true;
    } else if (name == "rel") {
      read.rel = value;
      read.has_rel = true;
    }
    return true;
  });
  return read;
}

}  // namespace

const ElementReads::Read& ElementReads::Of(const GumboNode* element) {
  if (element == element_) return read_;
  element_ = element;
  read_.attributes = ReadAttributes(element);
  const absl::string_view class_name = read_.attributes.class_name;
  read_.class_value =
      class_name.empty() ? nullptr
                         : &class_values_.try_emplace(class_name).first->second;
  return read_;
}

}  // namespace lede::engine
