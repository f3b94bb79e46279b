"""readability-lxml: Document(bytes).summary(), text of the summary HTML."""
from __future__ import annotations

from importlib.metadata import version as _pkg_version

import lxml.html
from readability import Document

CONFIG = "Document(bytes, url=url).summary() (defaults); text_content() of the result; title()"


def version() -> str:
    return _pkg_version("readability-lxml")


def _text(summary_html: str) -> str:
    if not summary_html.strip():
        return ""
    tree = lxml.html.fromstring(summary_html)
    # Block elements end with a newline so words of adjacent paragraphs don't join.
    for el in tree.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote", "pre"):
        el.tail = "\n" + (el.tail or "")
    return tree.text_content().strip()


def extract(raw: bytes, url: str) -> dict:
    doc = Document(raw, url=url or None)
    return {"text": _text(doc.summary()), "title": doc.title()}
