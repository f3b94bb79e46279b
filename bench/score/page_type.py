"""Page-type classification against WCXB's labels: accuracy and a confusion table.

A page counts when its truth names a type; a tool that returns no type for a page
is wrong on it (an empty prediction shows as "none" in the table).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

NONE = "none"


@dataclass
class PageTypeScore:
    pages: int = 0
    correct: int = 0
    # (truth, predicted) -> pages
    confusion: Counter = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.pages if self.pages else 0.0

    def as_dict(self) -> dict:
        return {"pages": self.pages, "correct": self.correct, "accuracy": self.accuracy,
                "confusion": [[t, p, n] for (t, p), n in sorted(self.confusion.items())]}


def normalise(value: Optional[str]) -> str:
    """A tool's page type in WCXB's spelling: "PAGE_TYPE_FORUM" (lede's JSON),
    "Forum" and "forum" all read "forum"; nothing reads "none"."""
    if not value:
        return NONE
    text = str(value).strip().lower()
    if text.startswith("page_type_"):
        text = text[len("page_type_"):]
    return text if text and text != "unspecified" else NONE


def score(pairs: Iterable[tuple[str, Optional[str]]]) -> PageTypeScore:
    """`pairs`: (truth, prediction) per page; pages without a truth are left out."""
    result = PageTypeScore()
    for truth, predicted in pairs:
        if not truth:
            continue
        guess = normalise(predicted)
        result.pages += 1
        result.correct += guess == truth
        result.confusion[(truth, guess)] += 1
    return result
