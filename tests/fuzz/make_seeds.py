#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (tests/fuzz/corpus/TARGET/) from the fixtures:
the seed documents, the string literals of the unit tests that feed each stage
(dates, front matter, JSON-LD, nesting shapes), and small documents of each
framing. Run it again after a fixture changes; its output is committed, so that
`make test` replays the same inputs on every machine.

    python3 tests/fuzz/make_seeds.py
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
ENGINE = ROOT / "server" / "engine"

# A C++ string literal, with its escapes (adjacent literals are joined below).
_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def _unescape(text: str) -> bytes:
    return text.encode("utf-8").decode("unicode_escape").encode("latin-1", "replace")


def literals(path: Path, min_length: int = 4) -> list[bytes]:
    """The string literals of a test file, adjacent ones joined, as bytes."""
    source = path.read_text(encoding="utf-8")
    joined = re.sub(r'"\s*\n\s*"', "", source)
    found = []
    for match in _LITERAL.finditer(joined):
        raw = match.group(1)
        try:
            value = raw.encode("latin-1").decode("unicode_escape").encode("latin-1")
        except (UnicodeEncodeError, UnicodeDecodeError):
            value = raw.encode("utf-8")
        if len(value) >= min_length:
            found.append(value)
    return found


def write(target: str, inputs: list[bytes]) -> None:
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for data in dict.fromkeys(inputs):  # distinct, in order
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"{target}: {len(list(folder.iterdir()))} inputs")


def main() -> None:
    seeds = [path.read_bytes() for path in SEEDS]
    small = [
        b"<html><head><title>T</title></head><body><article><h1>T</h1><p>Text.</p></article></body></html>",
        b"<p>A fragment <b>with</b> <a href='/x'>a link</a>.</p>",
        b"---\ntitle: A post\ndate: 2024-05-28\ntags: [a, b]\n---\n\n# Heading\n\nText.\n",
        b"+++\ntitle = \"A post\"\ndate = 2024-05-28\n+++\n\nText.\n",
        b"# Markdown\n\nText with <b>HTML</b> inside.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        b"Just a line of text.\n",
    ]
    metadata = [s for s in literals(ENGINE / "metadata_test.cc", 20) if b"<" in s]
    # Parse: the first byte picks the content type and URL (parse_fuzzer.cc).
    write("parse_fuzzer", [bytes([i]) + doc for i, doc in enumerate(seeds + small + metadata[:40])])
    write("decode_fuzzer", seeds + small + literals(ENGINE / "decode_test.cc", 8))
    front = [s for s in literals(ENGINE / "frame_test.cc") if s.lstrip().startswith((b"---", b"+++"))]
    write("front_matter_fuzzer", front + small[2:4])
    write("dates_fuzzer", literals(ENGINE / "dates_test.cc", 4))
    jsonld = [s for s in literals(ENGINE / "metadata_test.cc", 8) if s.lstrip().startswith((b"{", b"["))]
    for page in metadata:
        jsonld += re.findall(rb"application/ld\+json[^>]*>(.*?)</script>", page, re.S)
    write("jsonld_fuzzer", jsonld + [b'{"@type":"NewsArticle","headline":"T","author":{"name":"A"}}'])
    shapes = [s for s in literals(ENGINE / "nesting_test.cc", 3) if b"<" in s]
    write("nesting_fuzzer", shapes + [doc[:4096] for doc in seeds])
    # Prefixes that the <div>s hiding_fuzzer adds must not hide: the shapes.
    write("hiding_fuzzer", [s for s in shapes if len(s) <= 256])
    # Texts long enough to be cut (inert_text.cc), where scripts and styles
    # end, or are not, by the tokenizer's and the tree builder's rules;
    # attribute names to blank; streamed segments to place.
    code = b"f(1 < 2); " * 20
    cut = [
        b"<p>a<script>@</script>b<style>@</style>c",
        b"<script>@</scripts></script\r\n>x<SCRIPT>@</SCRIPT\f>y",
        b"<script>@<!--<script>@</script>x-->y</script>z",
        b"<script data-x='a>b'>@</script>x<!-- <script> -->@<script>@</script>",
        b"<textarea><script>@</script></textarea><title><style>@</style></title>",
        b"<table><script>@</script><tr><td>x</table><select><style>@</style></select>",
        b"<svg><script>@</script><style>@</style></svg><math><mi><script>@</script></mi></math>",
        b"<template><script>@</script></template><xmp><script>@</script></xmp><plaintext><script>@",
        b'<script type="application/ld+json">@</script><script>@ datePublished</script>',
        # Repeated value-less attributes (repeated_attributes.h), among cut
        # texts, on a reopened formatting element and on a second <body>.
        b"<div class=k hidden hidden id=q><script>@</script><img alt alt src=i>",
        b"<p><b c C d>one<p>two</b><svg><path fill fill d=M0 /></svg><body x><body y y z>",
        # A page streamed in segments, placed with their texts cut.
        b'<main><!--$?--><template id="B:0"></template><div>Loading</div><!--/$--></main>'
        b'<script>@</script><div hidden id="S:0"><p a a b>Story</p><script>@</script></div>'
        b'<script>$RC("B:0","S:0")</script>',
        # SVG content to cut (# a path long enough), and to leave: with text,
        # an integration point, a tag that breaks out, an end tag that closes
        # outside it; in a table, a select, after misnested formatting.
        b'<p>a<svg viewBox="0 0 9 9">#<g><circle r=1 /></g><svg>#</svg></svg>b',
        b"<table><svg>#</SVG><tr><td>x<svg>#</svg ></table><select><svg>#</svg></select>",
        b"<b><p>x</b><svg>#<text>y</text></svg><svg>#<title>t</title></svg><svg>#<div></svg>",
        b"<p><svg>#<g></p></g></svg><svg><foreignObject><svg>#</svg><p>x</svg>y",
    ]
    path = b'<path d="' + b"M12 2a10 10 0 1 0 0 20 " * 8 + b'"/>'
    write(
        "inert_text_fuzzer",
        [shape.replace(b"@", code).replace(b"#", path) for shape in cut] + seeds,
    )


if __name__ == "__main__":
    main()
