"""Per tool and set, results on disk: bench/out/<tool>/<set>.jsonl, one page a line,
each tagged with the key of the tool version that made it, so a rerun only
extracts pages that are missing or were made by another version."""
from __future__ import annotations

import json
from pathlib import Path


class Cache:
    def __init__(self, out_dir: Path, tool: str, set_name: str, key: str) -> None:
        self.path = out_dir / tool / f"{set_name}.jsonl"
        self.key = key
        self.rows: dict[str, dict] = {}

    def load(self) -> None:
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short by an interrupted run
                if row.get("key") == self.key:
                    self.rows[row["id"]] = row

    def add(self, row: dict) -> None:
        row["key"] = self.key
        self.rows[row["id"]] = row
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Appended as we go, so an interrupted run keeps what it did.
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    def compact(self) -> None:
        # Drop rows of other versions and duplicates left by appends.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            for row in self.rows.values():
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        tmp.replace(self.path)


def last_rows(out_dir: Path, tool: str, set_name: str) -> dict[str, dict]:
    """The rows of whatever version of `tool` last ran on `set_name` (a
    compacted cache file holds one key), for reports made without running it."""
    path = out_dir / tool / f"{set_name}.jsonl"
    rows: dict[str, dict] = {}
    if path.exists():
        # Not splitlines(): rows hold U+2028 and friends unescaped; only \n ends a row.
        with open(path, encoding="utf-8") as f:
            lines = list(f)
        for line in lines:
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            rows[row["id"]] = row
    return rows
