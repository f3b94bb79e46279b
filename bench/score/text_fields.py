"""Title and site-name matching: exact after NFC and whitespace folding."""
from __future__ import annotations

import unicodedata
from typing import Optional


def fold(text: Optional[str]) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def exact(truth: Optional[str], pred: Optional[str]) -> bool:
    t = fold(truth)
    return bool(t) and t == fold(pred)
