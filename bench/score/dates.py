"""Dates for metadata scoring: parse the calendar day a string names.

Truth and predictions come as ISO 8601 ("2022-05-04T23:12:35Z"), loose ISO
("2005-5-7 21:23:57", "2021/1/29"), Chinese ("2024年5月28日"), RFC 2822, or
partial ("2018", "1998-3"). The day is taken as written: a time zone offset is
not applied, because the truth is the date the page shows.
"""
from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Day:
    year: int
    month: Optional[int] = None  # None: the string names only a year
    day: Optional[int] = None  # None: only a year and month


_YMD = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?(?!\d)")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|$)")
_YEAR = re.compile(r"^\s*(\d{4})\s*年?\s*$")


def _valid(y: int, m: Optional[int], d: Optional[int]) -> bool:
    return 1800 <= y <= 2100 and (m is None or 1 <= m <= 12) and (d is None or 1 <= d <= 31)


def parse_day(text: Optional[str]) -> Optional[Day]:
    if not text:
        return None
    s = str(text).strip()
    m = _COMPACT.match(s)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        return Day(y, mo, d) if _valid(y, mo, d) else None
    m = _YMD.search(s)
    if m:
        y, mo = int(m[1]), int(m[2])
        d = int(m[3]) if m[3] else None
        if _valid(y, mo, d):
            return Day(y, mo, d)
    m = _YEAR.match(s)
    if m:
        return Day(int(m[1]))
    try:
        dt = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        return None
    return Day(dt.year, dt.month, dt.day) if dt else None


def same_day(truth: Optional[str], pred: Optional[str]) -> bool:
    """Same calendar day. A partial truth ("2018", "1998-3") is matched at the
    precision it has: any day of that year or month counts."""
    t, p = parse_day(truth), parse_day(pred)
    if t is None or p is None:
        return False
    if t.year != p.year:
        return False
    if t.month is not None and t.month != p.month:
        return False
    if t.day is not None and t.day != p.day:
        return False
    return True
