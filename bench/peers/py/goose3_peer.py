"""goose3: Goose().extract(raw_html=...), default configuration."""
from __future__ import annotations

from importlib.metadata import version as _pkg_version

from goose3 import Goose

from .decode import to_text

CONFIG = "Goose() default config; extract(url=None, raw_html=decoded); cleaned_text, title, authors, publish_date"

_GOOSE: Goose | None = None


def version() -> str:
    return _pkg_version("goose3")


def extract(raw: bytes, url: str) -> dict:
    global _GOOSE
    if _GOOSE is None:
        _GOOSE = Goose()
    article = _GOOSE.extract(raw_html=to_text(raw))
    return {"text": article.cleaned_text or "", "title": article.title or None,
            "author": list(article.authors or []), "date": article.publish_date or None,
            "site": (article.opengraph or {}).get("site_name") or None}
