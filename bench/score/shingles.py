"""ScrapingHub article-extraction-benchmark scoring, reimplemented.

Per page: multisets of 4-token shingles of the truth and the prediction give
TP/FP/FN, normalised by their sum so long pages weigh no more than short ones.
Over a set: precision is the mean over pages with TP+FP > 0 (an empty
prediction does not count towards precision), recall the mean over pages with
TP+FN > 0, and F1 is computed from the two means (not averaged per page).
Tokens are case-sensitive \\w+ runs, as in the original.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from . import tokens as tok

Tokenizer = Callable[[str | None], list[str]]


@dataclass(frozen=True)
class Counts:
    tp: float
    fp: float
    fn: float


def shingles(words: list[str], n: int = 4) -> Counter[tuple[str, ...]]:
    # Fewer than n tokens still make one (shorter) shingle, as in the original.
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(words) - n + 1)):
        gram = tuple(words[i:i + n])
        if gram:
            out[gram] += 1
    return out


def page_counts(truth: str | None, pred: str | None, tokenizer: Tokenizer = tok.words,
                n: int = 4) -> Counts:
    t = shingles(tokenizer(truth), n)
    p = shingles(tokenizer(pred), n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    if total > 0:
        return Counts(tp / total, fp / total, fn / total)
    return Counts(0.0, 0.0, 0.0)


def precision(c: Counts) -> float:
    if c.fp == 0 and c.fn == 0:
        return 1.0
    if c.tp == 0 and c.fp == 0:
        return 0.0
    return c.tp / (c.tp + c.fp)


def recall(c: Counts) -> float:
    if c.fp == 0 and c.fn == 0:
        return 1.0
    if c.tp == 0 and c.fn == 0:
        return 0.0
    return c.tp / (c.tp + c.fn)


def page_f1(c: Counts) -> float:
    # Only for ranking single pages (worst-page lists); set F1 uses aggregate().
    p, r = precision(c), recall(c)
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def aggregate(counts: Iterable[Counts]) -> dict[str, float]:
    items = list(counts)
    ps = [precision(c) for c in items if c.tp + c.fp > 0]
    rs = [recall(c) for c in items if c.tp + c.fn > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"precision": p, "recall": r, "f1": f1, "pages": float(len(items))}
