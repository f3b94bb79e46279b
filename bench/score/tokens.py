"""Tokenizers shared by the body scorers."""
from __future__ import annotations

import re

# ScrapingHub's and WCXB's token: a run of word characters.
WORD_RE = re.compile(r"\w+", re.UNICODE)

# Han (incl. extensions and compatibility), Hiragana, Katakana, Hangul syllables
# and jamo. Each such character is one token in the CJK-aware variant, because
# CJK text has no spaces and a whole sentence would otherwise be one \w+ "word".
_CJK_CLASS = (
    "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b"  # radicals, ideographic marks
    "\u3040-\u30ff\u31f0-\u31ff"  # kana
    "\u3100-\u312f\u31a0-\u31bf"  # bopomofo
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # Hangul
    "\uff66-\uff9f"  # half-width kana
    "\U00020000-\U0003134f"  # Han extensions B..
)
CJK_CHAR_RE = re.compile(f"[{_CJK_CLASS}]")
# A CJK character, or a run of word characters that are not CJK.
CJK_TOKEN_RE = re.compile(f"[{_CJK_CLASS}]|(?:(?![{_CJK_CLASS}])\\w)+", re.UNICODE)


def words(text: str | None) -> list[str]:
    return WORD_RE.findall(text or "")


def cjk_tokens(text: str | None) -> list[str]:
    return CJK_TOKEN_RE.findall(text or "")


def has_cjk(text: str | None) -> bool:
    return bool(CJK_CHAR_RE.search(text or ""))
