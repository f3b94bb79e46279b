"""Set names -> loaders, and where the data lives."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from . import cwced, gne, readability_set, seeds, trafilatura_set, wcxb
from .page import Page

REPO = Path(__file__).resolve().parents[2]

# Order is the order of RESULTS.md.
SETS: dict[str, Callable[[Path], list[Page]]] = {
    "wcxb-dev": wcxb.load,
    "trafilatura": trafilatura_set.load,
    "readability": readability_set.load,
    "cwced-dev": cwced.load,
    "gne": gne.load,
    "seeds": lambda _root: seeds.load(REPO / "tests" / "fixtures" / "seeds"),
}


def eval_root() -> Path:
    # LEDE_EVAL_DIR overrides; the default is ../shared/eval beside the repo.
    env = os.environ.get("LEDE_EVAL_DIR")
    return Path(env) if env else (REPO.parent / "shared" / "eval").resolve()


def load(name: str) -> list[Page]:
    if name not in SETS:
        raise SystemExit(f"unknown set {name!r}; known: {', '.join(SETS)}")
    return SETS[name](eval_root())


def write_manifest(path: Path, pages: list[Page]) -> None:
    """The pages as the C++ and Go benches read them (bench/speed/page_file.h):
    set, id, path, url, content type, TAB-separated, one page a line."""
    with open(path, "w", encoding="utf-8") as f:
        for p in pages:
            f.write("\t".join([p.set, p.id, str(p.path), p.url, p.content_type]) + "\n")
