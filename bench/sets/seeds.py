"""The three seed documents the service was specified from (tests/fixtures/seeds)."""
from __future__ import annotations

import json
from pathlib import Path

from .page import Page


def load(seeds_dir: Path) -> list[Page]:
    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    for name, item in sorted(expected.items()):
        if name.startswith("_"):
            continue
        authors = item.get("authors_any_of")
        date = item.get("publishedTime") or item.get("publishedTime_date")
        pages.append(Page(
            set="seeds",
            id=name.removesuffix(".txt"),
            path=seeds_dir / name,
            with_snippets=list(item.get("with") or []),
            without_snippets=list(item.get("without") or []),
            meta={
                "title": item.get("title"),
                # Any-of truth: joined with "; " so the author scorer splits it back.
                "author": "; ".join(authors) if authors else None,
                "date": date,
            },
        ))
    return pages
