"""Run one tool over one set's pages: cached rows where the key matches, the
rest through the tool's batch worker, one page at a time with a timeout."""
from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Callable, Optional

from sets.page import Page

from .cache import Cache
from .tools import BENCH, Tool, _file_hash
from .worker import Worker, WorkerError

OUT = BENCH / "out"


def cache_key(tool: Tool, info: dict) -> str:
    h = hashlib.sha256()
    h.update(tool.name.encode())
    h.update((info.get("version") or tool.static_version).encode())
    h.update((info.get("config") or tool.static_config).encode())
    if tool.sources:
        h.update(_file_hash(*[p for p in tool.sources if p.exists()]).encode())
    return h.hexdigest()[:16]


def run_tool(tool: Tool, set_name: str, pages: list[Page], *, fresh: bool, timeout: float,
             log: Callable[[str], None] = lambda s: print(s, file=sys.stderr)) -> tuple[dict[str, dict], dict]:
    """Returns ({page id: row}, info {"version", "config", "computed", "cached"})."""
    worker = Worker(tool.cmd, BENCH, tool.header, OUT / "logs" / f"{tool.name}.stderr")
    try:
        worker.start()
    except (WorkerError, OSError) as exc:
        raise WorkerError(f"{tool.name}: {exc}") from exc
    info = dict(worker.info) if tool.header else {"version": tool.static_version,
                                                  "config": tool.static_config}
    cache = Cache(OUT, tool.name, set_name, cache_key(tool, info))
    # Version and configuration beside the rows, for reports made from the cache alone.
    (OUT / tool.name).mkdir(parents=True, exist_ok=True)
    (OUT / tool.name / "info.json").write_text(
        json.dumps({"version": info.get("version", ""), "config": info.get("config", "")}), encoding="utf-8")
    if not fresh:
        cache.load()
    todo = [p for p in pages if p.id not in cache.rows]
    info.update(cached=len(pages) - len(todo), computed=len(todo))
    started = time.monotonic()
    last_log = started
    try:
        for i, page in enumerate(todo, 1):
            try:
                request = tool.request(page)
            except OSError as exc:
                cache.add({"id": page.id, "text": "", "error": f"read: {exc}", "wall_ms": 0.0})
                continue
            answer, wall, err = worker.ask(request, timeout)
            row: dict = {"id": page.id, "wall_ms": round(wall, 3)}
            if answer is None:
                row.update(text="", error=err)
            else:
                row.update({k: v for k, v in tool.answer(answer).items() if v not in (None, "", [])})
                row.setdefault("text", "")
            cache.add(row)
            now = time.monotonic()
            if now - last_log > 30:
                last_log = now
                log(f"  {tool.name}/{set_name}: {i}/{len(todo)} pages, {now - started:.0f}s")
    finally:
        worker.stop()
        cache.compact()
    return {p.id: cache.rows[p.id] for p in pages if p.id in cache.rows}, info
