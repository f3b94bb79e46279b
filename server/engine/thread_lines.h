// The lines of a forum thread that are its furniture, not its posts: a
// pass of a forum's reading (page_reading_rules.h). Internal to the content
// stage.
#ifndef LEDE_SERVER_ENGINE_THREAD_LINES_H_
#define LEDE_SERVER_ENGINE_THREAD_LINES_H_

#include <vector>

#include "server/engine/block.h"

namespace lede::engine::content {

// Drops the lines of paragraphs, list items and headings that are a
// thread's furniture: the writer's details beside each post
// (content_rules::kProfileFieldLabelPattern: "Posts: 4032", "410 posts ·
// Joined 2002", a label alone on its line and its value on the next) and
// the answer form and footer of a question-and-answer thread
// (kThreadFurnitureLines). The blocks left empty go.
void DropThreadFurniture(std::vector<Block>* blocks);

}  // namespace lede::engine::content

#endif  // LEDE_SERVER_ENGINE_THREAD_LINES_H_
