"""Readability.js's test pages: <name>/source.html.gz + expected-metadata.json.

readability-output.html.gz is Readability.js's own answer, not truth, so it is
not used. The pages have no URL of their own.
"""
from __future__ import annotations

import json
from pathlib import Path

from .page import Page
from .wcxb import _blank_to_none


def load(root: Path) -> list[Page]:
    base = root / "readability"
    pages: list[Page] = []
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        expected = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
        pages.append(Page(
            set="readability",
            id=folder.name,
            path=folder / "source.html.gz",
            meta={
                "title": _blank_to_none(expected.get("title")),
                "author": _blank_to_none(expected.get("byline")),
                "date": _blank_to_none(expected.get("publishedTime")),
                "site": _blank_to_none(expected.get("siteName")),
            },
        ))
    return pages
