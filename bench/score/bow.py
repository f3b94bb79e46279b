"""WCXB scoring: bag-of-words F1 per page over lower-cased \\w+ tokens, averaged.

Per page, the overlap of the two token multisets gives precision and recall;
F1 is computed per page and the set reports the mean of each of P, R and F1.
An empty prediction on a page with truth scores 0; both empty scores 1.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from . import tokens as tok

Tokenizer = Callable[[str | None], list[str]]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def lower_words(text: str | None) -> list[str]:
    return tok.words((text or "").lower())


def lower_cjk_tokens(text: str | None) -> list[str]:
    return tok.cjk_tokens((text or "").lower())


def page_score(truth: str | None, pred: str | None,
               tokenizer: Tokenizer = lower_words) -> PRF:
    t = Counter(tokenizer(truth))
    p = Counter(tokenizer(pred))
    nt, np_ = sum(t.values()), sum(p.values())
    if nt == 0 and np_ == 0:
        return PRF(1.0, 1.0, 1.0)
    if nt == 0 or np_ == 0:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((t & p).values())
    prec, rec = overlap / np_, overlap / nt
    f1 = 2 * prec * rec / (prec + rec) if prec + rec > 0 else 0.0
    return PRF(prec, rec, f1)


def aggregate(scores: Iterable[PRF]) -> dict[str, float]:
    items = list(scores)
    n = len(items)
    if n == 0:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pages": 0.0}
    return {
        "precision": sum(s.precision for s in items) / n,
        "recall": sum(s.recall for s in items) / n,
        "f1": sum(s.f1 for s in items) / n,
        "pages": float(n),
    }
