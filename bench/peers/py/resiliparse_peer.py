"""Resiliparse: extract_plain_text(main_content=True), its documented article mode."""
from __future__ import annotations

from importlib.metadata import version as _pkg_version

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import detect_encoding
from resiliparse.parse.html import HTMLTree

CONFIG = "HTMLTree.parse_from_bytes(bytes, detect_encoding(bytes)); extract_plain_text(tree, main_content=True)"


def version() -> str:
    return _pkg_version("resiliparse")


def extract(raw: bytes, url: str) -> dict:
    tree = HTMLTree.parse_from_bytes(raw, detect_encoding(raw))
    return {"text": extract_plain_text(tree, main_content=True)}
