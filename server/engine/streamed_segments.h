// Part of stage 3, parse: pages a streaming renderer sent out of order
// (React's server rendering with Suspense, as Next.js does) hold their
// content in hidden segments at the end of <body>, `<div hidden id="S:0">`,
// which a script moves into the placeholder it belongs to, `<template
// id="B:0">` (a boundary, whose "Loading..." fallback it replaces up to the
// boundary's closing `<!--/$-->` comment) or `<template id="P:0">`. Readers
// that run no scripts see the article as a spinner followed by loose text
// after the footer; this puts each segment where the script would.
#ifndef LEDE_SERVER_ENGINE_STREAMED_SEGMENTS_H_
#define LEDE_SERVER_ENGINE_STREAMED_SEGMENTS_H_

#include <gumbo.h>

#include <optional>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"

namespace lede::engine {

// Whether `html` may hold streamed segments (a cheap test before parsing).
bool MayHoldStreamedSegments(absl::string_view html);

// `html` with each hidden segment of `document` (parsed from `html`) moved
// into its placeholder, segment "S:x" into template "B:x" or "P:x"; a
// boundary's fallback goes. nullopt when no segment has a placeholder.
std::optional<std::string> PlaceStreamedSegments(const GumboNode* document,
                                                 absl::string_view html);
// PlaceStreamedSegments for a `document` parsed from a rewrite of `source`
// (inert_text.h's cut): the segments move in `source`, where each offset of
// the rewrite that starts or ends an element or a comment is at
// `source_offset(offset)`. The page so placed is one gumbo has not read:
// what the rewrite's checks in `document` showed may not hold in it (a cut
// style moved into a <select>, which drops the tag and keeps the text).
std::optional<std::string> PlaceStreamedSegments(
    const GumboNode* document, absl::string_view source,
    absl::FunctionRef<size_t(size_t)> source_offset);

}  // namespace lede::engine

#endif  // LEDE_SERVER_ENGINE_STREAMED_SEGMENTS_H_
