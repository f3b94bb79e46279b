"""Bytes -> str for peers whose API takes only text.

BeautifulSoup's UnicodeDammit (installed with newspaper4k) sniffs BOM, <meta
charset> and falls back to detection: the same thing these libraries do when
they fetch a page themselves.
"""
from __future__ import annotations

from bs4 import UnicodeDammit


def to_text(raw: bytes) -> str:
    dammit = UnicodeDammit(raw, is_html=True)
    if dammit.unicode_markup is not None:
        return dammit.unicode_markup
    return raw.decode("utf-8", errors="replace")
