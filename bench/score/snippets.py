"""trafilatura's snippet method.

A `with` snippet found in the extracted text is a true positive, missing a false
negative; a `without` snippet found is a false positive, absent a true negative.
Counts are pooled over the set (as trafilatura's evaluation does), then
precision, recall, F-score and accuracy. Text and snippets are compared after
NFC and folding every whitespace run to one space, so line breaks do not matter.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

_WS = re.compile(r"\s+")


def fold(text: str | None) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


@dataclass(frozen=True)
class Confusion:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: "Confusion") -> "Confusion":
        return Confusion(self.tp + other.tp, self.fn + other.fn,
                         self.fp + other.fp, self.tn + other.tn)


def page_confusion(text: str | None, with_: Iterable[str], without: Iterable[str]) -> Confusion:
    body = fold(text)
    tp = fn = fp = tn = 0
    # An empty snippet would be "found" everywhere: skip it.
    for s in (fold(x) for x in with_):
        if not s:
            continue
        if s in body:
            tp += 1
        else:
            fn += 1
    for s in (fold(x) for x in without):
        if not s:
            continue
        if s in body:
            fp += 1
        else:
            tn += 1
    return Confusion(tp, fn, fp, tn)


def metrics(c: Confusion) -> dict[str, float]:
    p = c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0
    r = c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    total = c.tp + c.fn + c.fp + c.tn
    acc = (c.tp + c.tn) / total if total else 0.0
    return {"precision": p, "recall": r, "f1": f, "accuracy": acc,
            "tp": float(c.tp), "fn": float(c.fn), "fp": float(c.fp), "tn": float(c.tn)}
