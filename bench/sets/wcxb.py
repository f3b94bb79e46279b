"""WCXB dev: ground-truth/NNNN.json + html/NNNN.html.gz."""
from __future__ import annotations

import json
from pathlib import Path

from .page import Page


def _blank_to_none(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    text = str(value).strip()
    return text or None


def load(root: Path) -> list[Page]:
    base = root / "wcxb-dev"
    pages: list[Page] = []
    for truth_path in sorted((base / "ground-truth").glob("*.json")):
        doc = json.loads(truth_path.read_text(encoding="utf-8"))
        gt = doc["ground_truth"]
        page_id = truth_path.stem
        pages.append(Page(
            set="wcxb-dev",
            id=page_id,
            path=base / "html" / f"{page_id}.html.gz",
            url=doc.get("url") or "",
            page_type=doc.get("_internal", {}).get("page_type", {}).get("primary", ""),
            # Two pages have no main_content at all: they carry no body truth.
            body=gt.get("main_content"),
            with_snippets=list(gt.get("with") or []),
            without_snippets=list(gt.get("without") or []),
            meta={
                "title": _blank_to_none(gt.get("title")),
                "author": _blank_to_none(gt.get("author")),
                "date": _blank_to_none(gt.get("publish_date")),
            },
        ))
    return pages
