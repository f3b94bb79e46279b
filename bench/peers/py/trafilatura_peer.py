"""trafilatura: bare_extraction with its defaults (fallbacks on), no comments."""
from __future__ import annotations

from importlib.metadata import version as _pkg_version

import trafilatura
from trafilatura.utils import sanitize

CONFIG = ("bare_extraction(bytes, url, favor_precision=False, include_comments=False, "
          "with_metadata=True); text as extract() returns it (txt, tables on, fallbacks on)")


def version() -> str:
    return _pkg_version("trafilatura")


def extract(raw: bytes, url: str) -> dict:
    doc = trafilatura.bare_extraction(raw, url=url or None, favor_precision=False,
                                      include_comments=False, with_metadata=True)
    if doc is None:
        return {"text": ""}
    return {"text": sanitize(doc.text or "") or "", "title": doc.title, "author": doc.author,
            "date": doc.date, "site": doc.sitename}
