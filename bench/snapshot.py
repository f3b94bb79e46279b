#!/usr/bin/env python3
"""lede's whole answer on every bench page, saved and compared: the check behind
"output identical on every bench page" for engine changes.

  python3 bench/snapshot.py take DIR [--bin build/bin/lede] [--sets all]
  python3 bench/snapshot.py diff OLD_DIR NEW_DIR [--show 5]

`take` sends every page of every set (the same pages and bytes as the accuracy
run) through `lede parse --requests=-`, with a fixed reference time so that
relative dates do not move between runs, and writes DIR/<set>.jsonl: one
ParseResponse a line, keyed by id. `diff` names, per set, the pages whose
answers differ and which fields changed; it exits 1 when any page differs.
"""
from __future__ import annotations

import argparse
import base64
import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from sets import registry  # noqa: E402

# Fixed "now", so that "3 hours ago" reads the same in every snapshot.
REFERENCE_TIME = "2026-01-01T00:00:00Z"


def _request(page) -> str:
    req = {
        "id": page.id,
        "content": base64.b64encode(page.read_bytes()).decode("ascii"),
        "options": {"referenceTime": REFERENCE_TIME},
    }
    if page.url:
        req["url"] = page.url
    if page.content_type:
        req["contentType"] = page.content_type
    return json.dumps(req)


def take(out_dir: Path, binary: Path, set_names: list[str], extra: list[str]) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in set_names:
        pages = registry.load(name)
        requests = "".join(_request(p) + "\n" for p in pages)
        done = subprocess.run([str(binary), "parse", "--requests=-", *extra],
                              input=requests.encode(), capture_output=True, check=False)
        lines = done.stdout.decode("utf-8").split("\n")
        answers = [line for line in lines if line.strip()]
        if len(answers) != len(pages):
            print(f"{name}: {len(answers)} answers for {len(pages)} pages; "
                  f"stderr: {done.stderr.decode(errors='replace')[-500:]}", file=sys.stderr)
            return 2
        (out_dir / f"{name}.jsonl").write_text("\n".join(answers) + "\n", encoding="utf-8")
        print(f"{name}: {len(pages)} pages", file=sys.stderr)
    return 0


def _load(path: Path) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    if not path.exists():
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:  # not splitlines(): answers hold U+2028 unescaped
            if line.strip():
                row = json.loads(line)
                rows[row.get("id", "")] = row
    return rows


def _changed_fields(old: dict, new: dict, prefix: str = "") -> list[str]:
    keys = sorted(set(old) | set(new))
    changed: list[str] = []
    for key in keys:
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict) and prefix == "":
            changed += _changed_fields(a, b, f"{key}.")
        else:
            changed.append(prefix + key)
    return changed


def diff(old_dir: Path, new_dir: Path, show: int) -> int:
    differing = 0
    total = 0
    for path in sorted(new_dir.glob("*.jsonl")):
        old, new = _load(old_dir / path.name), _load(path)
        changed = {pid: _changed_fields(old.get(pid, {}), row) for pid, row in new.items()}
        changed = {pid: fields for pid, fields in changed.items() if fields}
        total += len(new)
        differing += len(changed)
        print(f"{path.stem}: {len(changed)} of {len(new)} pages differ")
        by_field: dict[str, int] = {}
        for fields in changed.values():
            for f in fields:
                by_field[f] = by_field.get(f, 0) + 1
        if by_field:
            print("  fields: " + ", ".join(f"{f} x{n}" for f, n in sorted(by_field.items(), key=lambda x: -x[1])))
        for pid, fields in list(changed.items())[:show]:
            print(f"  {pid}: {', '.join(fields)}")
    print(f"all sets: {differing} of {total} pages differ")
    return 1 if differing else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("take")
    t.add_argument("dir", type=Path)
    t.add_argument("--bin", type=Path, default=BENCH.parent / "build" / "bin" / "lede")
    t.add_argument("--sets", default="all")
    t.add_argument("--lede-arg", action="append", default=[], help="extra argument for `lede parse`")
    d = sub.add_parser("diff")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    d.add_argument("--show", type=int, default=5, help="pages listed per set")
    args = ap.parse_args()
    if args.cmd == "take":
        names = list(registry.SETS) if args.sets == "all" else args.sets.split(",")
        return take(args.dir, args.bin, names, args.lede_arg)
    return diff(args.old, args.new, args.show)


if __name__ == "__main__":
    sys.exit(main())
