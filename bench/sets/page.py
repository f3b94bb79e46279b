"""One evaluation page and its truth, the same shape for every set."""
from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional


HALVES = ("A", "B")


@dataclass
class Page:
    set: str
    id: str
    path: Path  # raw bytes as fetched; ".gz" paths are gunzipped on read
    url: str = ""
    content_type: str = ""
    page_type: str = ""  # WCXB's primary page type; "" elsewhere
    body: Optional[str] = None  # full main-content truth, when the set has it
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)
    # Metadata truth by field name (title, author, date, site). None = the set has
    # the field but this page states nothing; a missing key = the set has no such field.
    meta: dict[str, Optional[str]] = field(default_factory=dict)

    @property
    def half(self) -> str:
        """"A" or "B": a stable split of every set in two halves by a hash of the
        page id. Rules are tuned on one half and kept only when the other gets
        no worse (bench/README.md)."""
        return HALVES[hashlib.sha256(f"{self.set}/{self.id}".encode("utf-8")).digest()[0] & 1]

    def read_bytes(self) -> bytes:
        # Pages are passed on as raw bytes: decoding is part of what is measured.
        raw = self.path.read_bytes()
        return gzip.decompress(raw) if self.path.suffix == ".gz" else raw
