"""The tools under test: how to start each one's batch worker, what to send it,
and how to read its answer into {"text", "title", "author", "date", "site", "error"}."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from sets.page import Page

BENCH = Path(__file__).resolve().parents[1]
REPO = BENCH.parent


def _file_hash(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _peer_request(page: Page) -> str:
    # Peers read the file themselves (raw bytes, gunzipped): only the path crosses the pipe.
    return json.dumps({"id": page.id, "path": str(page.path), "url": page.url})


def _peer_answer(answer: dict) -> dict:
    return {k: answer.get(k) for k in ("text", "title", "author", "date", "site", "page_type", "error", "ms")}


def lede_request(page: Page) -> str:
    """The line `lede parse --requests` reads for `page`: its bytes, URL and
    content type (also what bench/page_type/train.py sends the engine)."""
    req = {"id": page.id, "content": base64.b64encode(page.read_bytes()).decode("ascii")}
    if page.url:
        req["url"] = page.url
    if page.content_type:
        req["contentType"] = page.content_type
    return json.dumps(req)


def _lede_answer(answer: dict) -> dict:
    if "error" in answer:
        err = answer["error"]
        return {"text": "", "error": err.get("message", str(err)) if isinstance(err, dict) else str(err)}
    art = answer.get("article") or {}
    return {
        "text": art.get("text") or "",
        "title": art.get("title"),
        "author": art.get("authors"),
        # The day in the page's own time zone, as the peers give it (the
        # publishedTime instant is UTC and can fall on the next day).
        "date": art.get("publishedDate") or art.get("publishedTime"),
        "site": art.get("siteName"),
        # "PAGE_TYPE_FORUM"; the scorer reads it as "forum" (score/page_type.py).
        "page_type": art.get("pageType"),
    }


@dataclass
class Tool:
    name: str
    cmd: list[str]
    header: bool  # the worker prints {"version", "config"} first
    request: Callable[[Page], str]
    answer: Callable[[dict], dict]
    sources: list[Path] = field(default_factory=list)  # adapter files: part of the cache key
    static_version: str = ""
    static_config: str = ""
    # Metadata fields the tool returns at all; the others show as "—".
    fields: tuple[str, ...] = ("title", "author", "date", "site")

    def missing(self) -> Optional[str]:
        exe = self.cmd[0]
        if os.sep in exe:
            return None if Path(exe).exists() else f"{exe} not found (run make bench-peers-setup)"
        return None if shutil.which(exe) else f"{exe} not on PATH"


def lede_bin() -> Path:
    # make bench-accuracy builds and points at build-bench/ (never build/).
    return Path(os.environ.get("LEDE_BIN", REPO / "build-bench" / "bin" / "lede"))


def _lede() -> Tool:
    binary = lede_bin()
    version = f"bin-{_file_hash(binary)}" if binary.exists() else "missing"
    return Tool("lede", [str(binary), "parse", "--requests=-"], False, lede_request,
                _lede_answer, static_version=version,
                static_config="`lede parse --requests=-` (in-process engine, default ParseOptions)")


def _py(name: str, module: str, fields: tuple[str, ...] = ("title", "author", "date", "site")) -> Tool:
    py = BENCH / ".venv" / "bin" / "python"
    return Tool(name, [str(py), str(BENCH / "peers" / "py_worker.py"), module], True,
                _peer_request, _peer_answer,
                sources=[BENCH / "peers" / "py_worker.py", BENCH / "peers" / "py" / f"{module}_peer.py",
                         BENCH / "peers" / "py" / "decode.py"], fields=fields)


def all_tools() -> dict[str, Tool]:
    tools = [
        _lede(),
        _py("trafilatura", "trafilatura"),
        Tool("go-trafilatura", [str(BENCH / "go" / "bin" / "go-trafilatura")], True,
             _peer_request, _peer_answer, sources=[BENCH / "go" / "main.go", BENCH / "go" / "go.sum"]),
        Tool("rs-trafilatura", [str(BENCH / "rs" / "target" / "release" / "rs-trafilatura-worker")],
             True, _peer_request, _peer_answer,
             sources=[BENCH / "rs" / "src" / "main.rs", BENCH / "rs" / "Cargo.lock"]),
        Tool("readability.js", ["node", str(BENCH / "node" / "worker.mjs")], True,
             _peer_request, _peer_answer,
             sources=[BENCH / "node" / "worker.mjs", BENCH / "node" / "package-lock.json"]),
        _py("readability-lxml", "readability_lxml", ("title",)),
        _py("newspaper4k", "newspaper4k"),
        _py("goose3", "goose3"),
        _py("justext", "justext", ()),
        _py("resiliparse", "resiliparse", ()),
    ]
    return {t.name: t for t in tools}


PEERS = [n for n in all_tools() if n != "lede"]
