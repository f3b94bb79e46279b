"""jusText: non-boilerplate paragraphs, with a stoplist that covers all its languages.

jusText needs a stoplist for the page's language; the sets are multilingual, so
it gets the union of all its stoplists (what trafilatura does for its jusText
fallback) rather than English alone.
"""
from __future__ import annotations

from importlib.metadata import version as _pkg_version

import justext

CONFIG = "justext(bytes, union of all jusText stoplists), default thresholds; paragraphs not marked boilerplate"

_STOPLIST: frozenset[str] | None = None


def version() -> str:
    return _pkg_version("justext")


def extract(raw: bytes, url: str) -> dict:
    global _STOPLIST
    if _STOPLIST is None:
        words: set[str] = set()
        for lang in justext.get_stoplists():
            words |= justext.get_stoplist(lang)
        _STOPLIST = frozenset(words)
    paragraphs = justext.justext(raw, _STOPLIST)
    return {"text": "\n".join(p.text for p in paragraphs if not p.is_boilerplate)}
