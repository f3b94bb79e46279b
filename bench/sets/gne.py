"""GNE's Chinese news pages: no truth, robustness only (errors, empty bodies)."""
from __future__ import annotations

from pathlib import Path

from .page import Page


def load(root: Path) -> list[Page]:
    base = root / "gne"
    return [Page(set="gne", id=p.name.removesuffix(".html.gz"), path=p)
            for p in sorted(base.glob("*.html.gz"))]
