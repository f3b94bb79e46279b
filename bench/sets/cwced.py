"""CWCED dev: Chinese pages (mostly GBK) + ground-truth.json (articleBody, author, date)."""
from __future__ import annotations

import json
from pathlib import Path

from .page import Page
from .wcxb import _blank_to_none

# The set writes "unknown" as UNKNOWN (and once misspelt UNKNWON): no truth.
_UNKNOWN = {"UNKNOWN", "UNKNWON"}


def _known(value: object) -> str | None:
    text = _blank_to_none(value)
    return None if text is None or text.upper() in _UNKNOWN else text


def load(root: Path) -> list[Page]:
    base = root / "cwced-dev"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    for page_id, item in sorted(truth.items()):
        pages.append(Page(
            set="cwced-dev",
            id=page_id,
            path=base / f"{page_id}.html.gz",
            body=item.get("articleBody") or "",
            meta={"author": _known(item.get("author")), "date": _known(item.get("date"))},
        ))
    return pages
