// What the two walks of the metadata stage's pass over the tree (its own,
// metadata_walk.cc, and the classify stage's PageTreeMeasure, run together
// by WalkTogether) read of each element's attributes, read once for both.
// Each used to pass over an element's attributes and look its class value up
// in a map of its own; the second to enter an element now reads what the
// first read.
#ifndef LEDE_SERVER_ENGINE_ELEMENT_READS_H_
#define LEDE_SERVER_ENGINE_ELEMENT_READS_H_

#include <cstddef>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "server/engine/dom.h"

namespace lede::engine {

// The attributes those walks read, found in one pass (ForEachAttribute).
struct ElementAttributes {
  absl::string_view class_name;
  absl::string_view id;
  absl::string_view href;
  absl::string_view itemprop;
  absl::string_view itemtype;
  absl::string_view rel;
  bool itemscope = false;
  // Whether the element has a rel attribute, even an empty one.
  bool has_rel = false;
};

// What the walks read of one class value, each walk its own fields, which
// it fills the first time it needs them.
struct ClassValueReading {
  static constexpr int kUnread = -1;
  // The metadata walk's role bits (metadata_walk.cc), kUnread until read.
  int roles = kUnread;
  // PageTreeMeasure's: whether it has read the value, the hints of its words
  // and the hash of its first word.
  bool measured = false;
  unsigned hints = 0;
  size_t first_word_hash = 0;
};

// The attributes of the element being walked, and the reading of its class
// value, kept for the walks of one page's pass. A page repeats a few hundred
// class values over thousands of elements, so each value is looked up once
// per element and read once per page; the values are the tree's, which
// outlives this. For one page's tree: a node of the next may have the address
// of one of this.
class ElementReads {
 public:
  struct Read {
    ElementAttributes attributes;
    // The reading of attributes.class_name; null when that is empty.
    ClassValueReading* class_value = nullptr;
  };

  // What `element` (an element node) holds: read at the first call for it,
  // and handed back as read to the calls for it that follow, until a call
  // for another element. The reading it points to is good until then.
  const Read& Of(const GumboNode* element);

 private:
  const GumboNode* element_ = nullptr;
  Read read_;
  absl::flat_hash_map<absl::string_view, ClassValueReading> class_values_;
};

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_ELEMENT_READS_H_
