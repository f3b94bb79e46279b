"""Batch worker for one Python peer: JSON request lines in, JSON answer lines out.

Run with bench/.venv/bin/python: `py_worker.py TOOL` prints {"version": ...,
"config": ...} first, then answers each {"id", "path", "url"} with {"id",
"text", "title", "author", "date", "site", "error", "ms"}. The driver owns
timeouts (it kills and restarts the worker), so this loop never gives up.
"""
from __future__ import annotations

import gzip
import importlib
import json
import logging
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _read(path: str) -> bytes:
    raw = Path(path).read_bytes()
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def main() -> None:
    tool = sys.argv[1]
    # Peers log and warn freely; stdout carries only our protocol.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    out = sys.stdout
    sys.stdout = sys.stderr
    adapter = importlib.import_module(f"py.{tool}_peer")
    out.write(json.dumps({"version": adapter.version(), "config": adapter.CONFIG}) + "\n")
    out.flush()
    for line in sys.stdin:
        req = json.loads(line)
        answer: dict = {"id": req.get("id")}
        try:
            raw = _read(req["path"])
            start = time.perf_counter()
            result = adapter.extract(raw, req.get("url") or "")
            answer["ms"] = (time.perf_counter() - start) * 1000
            answer.update({k: v for k, v in result.items() if v not in (None, "", [])})
            answer.setdefault("text", "")
        except Exception as exc:  # errors are counted per page, never fatal
            answer["error"] = f"{type(exc).__name__}: {exc}"[:300]
            answer.setdefault("text", "")
        out.write(json.dumps(answer, ensure_ascii=False, default=str) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
