"""RESULTS.md is shared: each generator owns the text between its own markers
(<!-- BEGIN name --> ... <!-- END name -->) and leaves everything else alone.

From Python: sections.replace_section(path, "name", markdown). From anything
else: python3 bench/report/sections.py RESULTS.md NAME < section.md
Writers take an exclusive lock on RESULTS.md.lock for the read-modify-write, and
the file is replaced atomically, so two generators finishing together both land.
"""
from __future__ import annotations

import fcntl
import os
import re
import sys
from pathlib import Path

_PREAMBLE = "# lede benchmark results\n\nEach section below is written by its own generator; see bench/README.md.\n"


def replace_section(path: Path, name: str, body: str) -> None:
    path = Path(path)
    begin, end = f"<!-- BEGIN {name} -->", f"<!-- END {name} -->"
    block = f"{begin}\n{body.rstrip()}\n{end}"
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        text = path.read_text(encoding="utf-8") if path.exists() else _PREAMBLE
        pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
        if pattern.search(text):
            text = pattern.sub(lambda _m: block, text, count=1)
        else:
            text = text.rstrip() + "\n\n" + block + "\n"
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        tmp.replace(path)


def emit(path: Path, name: str, body: str, write: bool) -> None:
    """Prints a generator's section; with `write`, also replaces it in `path`."""
    print(body)
    if write:
        replace_section(path, name, body)
        print(f"wrote the {name} section of {path}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: sections.py RESULTS.md NAME < section.md")
    replace_section(Path(sys.argv[1]), sys.argv[2], sys.stdin.read())
