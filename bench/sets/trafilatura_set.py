"""trafilatura's own evaluation set: evaldata.json (URL -> snippets, metadata) + html/."""
from __future__ import annotations

import json
from pathlib import Path

from .page import Page
from .wcxb import _blank_to_none


def load(root: Path) -> list[Page]:
    base = root / "trafilatura"
    data = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    for url, item in data.items():
        name = item["file"]
        meta: dict[str, str | None] = {}
        # 139 entries carry no metadata annotation at all: no key, so they are not
        # counted as "truth says nothing".
        if "title" in item:
            meta = {
                "title": _blank_to_none(item.get("title")),
                "author": _blank_to_none(item.get("author")),
                "date": _blank_to_none(item.get("date")),
            }
        pages.append(Page(
            set="trafilatura",
            id=name.removesuffix(".html"),
            path=base / "html" / f"{name}.gz",
            url=url,
            with_snippets=list(item.get("with") or []),
            without_snippets=list(item.get("without") or []),
            meta=meta,
        ))
    return pages
