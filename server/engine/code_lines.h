// A <pre>'s lines as a browser shows them when they are elements: syntax
// highlighters wrap each line of code in an element the page's CSS makes a
// row of its own (display: block), often with no newline between them, so
// the text alone runs the lines together. Internal to the content stage.
#ifndef LEDE_SERVER_ENGINE_CODE_LINES_H_
#define LEDE_SERVER_ENGINE_CODE_LINES_H_

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace lede::engine::content {

// Whether `element`, inside a <pre>, is a line of the code
// (content_rules::kCodeLineTags, kCodeLineClasses).
bool IsCodeLine(const GumboNode* element);

// Writes a <pre>'s text into a buffer, each line element's text on a line
// of its own. The markup's own newlines are kept and not doubled: a line
// element ending in a newline, or followed by one, adds none.
class CodeLines {
 public:
  // Appends text (a <br> is "\n") to `buffer`.
  void Append(absl::string_view text, std::string* buffer);
  // A line element opens: it starts on a line of its own.
  void Open(std::string* buffer);
  // ...and closes: what follows it starts on a line of its own, and an
  // empty one is a blank line.
  void Close(const std::string& buffer);
  // The buffer was emptied: nothing is owed to it any more.
  void Reset() { owed_ = Owed::kNothing; }

 private:
  enum class Owed { kNothing, kLineEnd, kBlankLine };
  // Writes the break a closed line element owes.
  void Pay(std::string* buffer);

  Owed owed_ = Owed::kNothing;
  // Where each open line element's text starts in the buffer.
  std::vector<size_t> starts_;
};

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_CODE_LINES_H_
