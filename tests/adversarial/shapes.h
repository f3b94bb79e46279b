// Hostile documents, made by code: each shape is a kind of input that
// costs a parser more than its size suggests (deep or misnested nesting,
// huge attributes, comments, references, front matter bombs, binary).
// The adversarial test (adversarial_test.cc) checks that each gets a clear
// status or an answer in time proportional to its size; the reliability
// bench (bench/reliability) reports each one's milliseconds per MB beside
// the median bench page's.
#ifndef LEDE_TESTS_ADVERSARIAL_SHAPES_H_
#define LEDE_TESTS_ADVERSARIAL_SHAPES_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace lede::adversarial {

struct Shape {
  // Short name, as the bench's table shows it.
  const char* name;
  // What the document is, in words.
  const char* description;
  // The content type the request declares ("" for none).
  const char* content_type;
  // The status the engine answers with: OK (an article) or the code of a
  // clear refusal.
  absl::StatusCode expected;
  // The size the shape is made at (the sizes: 10 MB for an
  // attribute value and a comment, 50 000 <div>s, ...).
  size_t bytes;
  // Makes the document at about `bytes` bytes.
  std::string (*make)(size_t bytes);
};

// Every shape, in the order the bench reports them.
const std::vector<Shape>& Shapes();

// Names the shape in test output.
inline void PrintTo(const Shape& shape, std::ostream* out) {
  *out << shape.name;
}

}  // namespace lede::adversarial

#endif  // LEDE_TESTS_ADVERSARIAL_SHAPES_H_
