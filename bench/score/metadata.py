"""Metadata scoring per field: which matcher, and coverage/accuracy over a set.

For one field on one set, over the pages whose truth states a value:
  coverage = share of them where the tool returned any value,
  accuracy = share of them where the returned value matches the truth.
`spurious` counts pages whose truth states nothing (null) but the tool
returned a value; pages without any annotation for the field are skipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Union

from . import authors, dates, text_fields

Value = Union[None, str, list[str]]
Matcher = Callable[[Optional[str], Value], bool]


def _title(truth: Optional[str], pred: Value) -> bool:
    return text_fields.exact(truth, pred if isinstance(pred, str) else None)


def _date(truth: Optional[str], pred: Value) -> bool:
    return dates.same_day(truth, pred if isinstance(pred, str) else None)


MATCHERS: dict[str, Matcher] = {
    "title": _title,
    "site": _title,
    "author": authors.any_of,
    "date": _date,
}


def present(value: Value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return any(v and str(v).strip() for v in value)


@dataclass(frozen=True)
class FieldResult:
    truth_pages: int  # pages whose truth states a value
    covered: int  # of those, the tool gave a value
    correct: int  # of those, the value matches
    null_pages: int  # pages whose truth states nothing
    spurious: int  # of those, the tool gave a value anyway


def score_field(field: str, pairs: Iterable[tuple[Optional[str], Value]]) -> FieldResult:
    """pairs: (truth, prediction) for every page annotated for this field."""
    match = MATCHERS[field]
    truth_pages = covered = correct = null_pages = spurious = 0
    for truth, pred in pairs:
        if truth is None or not str(truth).strip():
            null_pages += 1
            spurious += int(present(pred))
            continue
        truth_pages += 1
        covered += int(present(pred))
        correct += int(match(truth, pred))
    return FieldResult(truth_pages, covered, correct, null_pages, spurious)
