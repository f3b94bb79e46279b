"""Author any-of matching.

Truth and prediction are each split into names: on commas, semicolons,
slashes, "|", "&", "、", "，", "；" and the word "and"/"und"/"et"/"y"; a string
with CJK characters and no Latin letters is also split on whitespace
("王建宏 张文攀" is two names). A leading "By"/"Von"/"Par"/"作者："/"记者 "/"文/" is dropped. Each name is NFKC-normalised, case-folded, and has its
whitespace folded and surrounding punctuation stripped. A prediction matches
when any predicted name equals any truth name.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Optional, Union

from .tokens import has_cjk

_SEP = re.compile(r"\s*(?:[,;/|&、，；]|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
# "By X", "von X"; "作者：X", "记者 X", "文/X" (a separator is required, so the
# name 文涛 keeps its first character).
_PREFIX = re.compile(
    r"^(?:(?:by|von|par|por|door|av)(?:\s*[:：]\s*|\s+)|(?:作者|记者|文|撰文)\s*(?:[:：/]|\s)\s*)",
    re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")
_STRIP = " \t\r\n.,;:!?\"'()[]{}<>«»“”‘’|-–—·•*"


def _clean(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).casefold()
    name = " ".join(name.split()).strip(_STRIP)
    name = _PREFIX.sub("", name).strip(_STRIP)
    return name


def names(value: Union[None, str, Iterable[str]]) -> set[str]:
    if value is None:
        return set()
    items = [value] if isinstance(value, str) else list(value)
    out: set[str] = set()
    for item in items:
        if not item:
            continue
        text = unicodedata.normalize("NFKC", str(item))
        parts = _SEP.split(text)
        for part in parts:
            if has_cjk(part) and not _LATIN.search(part):
                pieces = part.split()
            else:
                pieces = [part]
            for piece in pieces:
                cleaned = _clean(piece)
                if cleaned:
                    out.add(cleaned)
        whole = _clean(text)
        if whole:
            out.add(whole)  # the unsplit string too, so "Maria & Katerina" == itself
    return out


def any_of(truth: Optional[str], pred: Union[None, str, Iterable[str]]) -> bool:
    t, p = names(truth), names(pred)
    return bool(t & p)
