#!/usr/bin/env python3
"""Accuracy benchmark: lede and the peers over the eval sets, scored per DESIGN.md.

  python3 bench/run.py                         # everything, prints headline numbers
  python3 bench/run.py --write                 # ... and writes RESULTS.md + out/summary.json
  python3 bench/run.py --tools lede --sets wcxb-dev,cwced-dev   # fast loop: lede only,
                                               # peers' numbers from their cache
  python3 bench/run.py --tools lede --worst 20 # lede's worst pages, with paths
Results are cached per tool and set in bench/out/; --fresh recomputes them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from peers.cache import last_rows  # noqa: E402
from peers.runner import OUT, run_tool  # noqa: E402
from peers.tools import all_tools, lede_bin  # noqa: E402
from peers.worker import WorkerError  # noqa: E402
from report import markdown, sections  # noqa: E402
from report.evaluate import evaluate  # noqa: E402
from report.machine import describe  # noqa: E402
from report.worst import worst  # noqa: E402
from sets import registry  # noqa: E402
from sets.page import HALVES, Page  # noqa: E402

_print_lock = threading.Lock()


def log(msg: str) -> None:
    with _print_lock:
        print(msg, file=sys.stderr, flush=True)


def parse_args() -> argparse.Namespace:
    tools = all_tools()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", default="all", help=f"comma list or 'all' ({', '.join(tools)})")
    ap.add_argument("--sets", default="all", help=f"comma list or 'all' ({', '.join(registry.SETS)})")
    ap.add_argument("--compare", default="trafilatura",
                    help="peers shown from their cache (not run) when --tools leaves them out")
    ap.add_argument("--fresh", action="store_true", help="ignore cached results and recompute")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per page before a page counts as timed out")
    ap.add_argument("--jobs", type=int, default=2, help="peer workers running at once")
    ap.add_argument("--half", choices=HALVES,
                    help="only this half of every set (stable hash of the page id): tune on one, check the other")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="list lede's N worst pages per set")
    ap.add_argument("--cached-only", action="store_true",
                    help="run nothing: report whatever is cached (pages not yet done show as partial)")
    ap.add_argument("--write", action="store_true", help="write bench/RESULTS.md sections and bench/out/summary.json")
    ap.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    return ap.parse_args()


def _pick(arg: str, known: list[str]) -> list[str]:
    if arg == "all":
        return known
    names = [x.strip() for x in arg.split(",") if x.strip()]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"unknown: {', '.join(unknown)}; known: {', '.join(known)}")
    return names


def cached_rows(tool: str, set_name: str) -> dict[str, dict]:
    return last_rows(OUT, tool, set_name)


def main() -> int:
    args = parse_args()
    tools = all_tools()
    tool_names = _pick(args.tools, list(tools))
    set_names = _pick(args.sets, list(registry.SETS))
    compare = [t for t in _pick(args.compare, list(tools)) if t not in tool_names] if args.compare else []
    pages: dict[str, list[Page]] = {s: registry.load(s) for s in set_names}
    if args.half:
        pages = {s: [p for p in ps if p.half == args.half] for s, ps in pages.items()}

    results: dict[tuple[str, str], dict[str, dict]] = {}
    info: dict[str, dict] = {}

    def run_all_sets(name: str) -> None:
        tool = tools[name]
        problem = tool.missing()
        if problem:
            info[name] = {"status": f"skipped: {problem}"}
            log(f"{name}: skipped ({problem})")
            return
        for s in set_names:
            try:
                rows, meta = run_tool(tool, s, pages[s], fresh=args.fresh, timeout=args.timeout, log=log)
            except WorkerError as exc:
                info[name] = {"status": f"failed to start: {exc}"}
                log(f"{name}: {exc}")
                return
            results[(name, s)] = rows
            prev = info.setdefault(name, {"computed": 0, "cached": 0})
            prev.update(version=meta.get("version", ""), config=meta.get("config", ""))
            prev["computed"] += meta["computed"]
            prev["cached"] += meta["cached"]
            log(f"{name}/{s}: {meta['computed']} computed, {meta['cached']} cached")

    if args.cached_only:
        compare = [t for t in tools if t in tool_names or t in compare]
        tool_names = []
    # lede first and alone, so its times are not shared with a peer's.
    if "lede" in tool_names:
        run_all_sets("lede")
    peers = [t for t in tool_names if t != "lede"]
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(run_all_sets, peers))
    for name in compare:
        for s in set_names:
            rows = cached_rows(name, s)
            if rows:
                results[(name, s)] = rows
                saved = OUT / name / "info.json"
                base = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
                info.setdefault(name, {**base, "status": "from cache (not run in this invocation)"})

    order = [t for t in tools if (t in tool_names or t in compare)]
    summary = build_summary(args, order, set_names, pages, results, info, tools)
    print_headline(summary)
    if args.worst:
        print_worst(summary, set_names, pages, results, args.worst)
    if args.write:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")
        sections.replace_section(args.results, "accuracy", markdown.accuracy_section(summary))
        sections.replace_section(args.results, "accuracy-metadata", markdown.metadata(summary))
        log(f"wrote {args.results} and {OUT / 'summary.json'}")
    return 0


def build_summary(args: argparse.Namespace, order: list[str], set_names: list[str],
                  pages: dict[str, list[Page]], results: dict, info: dict, tools: dict) -> dict:
    summary: dict = {
        "command": "python3 bench/run.py " + " ".join(shlex.quote(a) for a in sys.argv[1:]),
        "generated": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": describe(),
        "eval_dir": str(registry.eval_root()),
        "lede_bin": _short(lede_bin()),
        "jobs": args.jobs,
        "tool_order": [t for t in order if any((t, s) in results for s in set_names)],
        "tools": {},
        "sets": {},
        "timing": {},
        "worst": {},
    }
    for t in order:
        i = dict(info.get(t, {}))
        i.setdefault("status", f"{i.get('computed', 0)} pages computed in this run, {i.get('cached', 0)} "
                              "from the cache (same version, configuration and adapter)")
        i["fields"] = {f: f in tools[t].fields for f in ("title", "author", "date", "site")}
        summary["tools"][t] = i
    for s in set_names:
        per_tool = {t: evaluate(s, pages[s], results[(t, s)]) for t in order if (t, s) in results}
        summary["sets"][s] = {"pages": len(pages[s]), "tools": per_tool, "halves": {}}
        for h in HALVES:
            half_pages = [p for p in pages[s] if p.half == h]
            if half_pages:
                summary["sets"][s]["halves"][h] = {
                    "pages": len(half_pages),
                    "tools": {t: evaluate(s, half_pages, results[(t, s)]) for t in order if (t, s) in results}}
        if ("lede", s) in results:
            summary["worst"][s] = worst(s, pages[s], results[("lede", s)], 10)
    # Time per page over all sets, and the ratio to trafilatura on the same pages.
    for t in summary["tool_order"]:
        walls, errors, timeouts = [], 0, 0
        for s in set_names:
            for row in results.get((t, s), {}).values():
                err = row.get("error", "")
                errors += bool(err)
                timeouts += err.startswith("timeout")
                if row.get("wall_ms") and not err.startswith("timeout"):
                    walls.append(row["wall_ms"])
        if walls:
            walls.sort()
            summary["timing"][t] = {"median_ms": walls[len(walls) // 2], "p95_ms": walls[int(0.95 * (len(walls) - 1))],
                                    "pages": len(walls), "errors": errors, "timeouts": timeouts}
    base = summary["timing"].get("lede")
    for t, i in summary["timing"].items():
        if base and base["median_ms"]:
            i["ratio_vs_lede"] = i["median_ms"] / base["median_ms"]
    return summary


def _short(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(BENCH.parent))
    except ValueError:
        return str(path)


def _g(d: dict, *keys: str) -> float | None:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d  # type: ignore[return-value]


def print_headline(summary: dict) -> None:
    def f(x: float | None) -> str:
        return "  -  " if x is None else f"{x:.3f}"
    for s, data in summary["sets"].items():
        for t, r in data["tools"].items():
            parts = [f"{s:<12} {t:<16} {r['done']:>4}/{r['pages']:<4}"]
            body = r["body"]
            if s == "wcxb-dev":
                parts.append(f"wcxbF1 {f(_g(body, 'wcxb', 'f1'))} articles {f(_g(body, 'by_type', 'article', 'wcxb', 'f1'))}"
                             f" shF1 {f(_g(body, 'scrapinghub', 'f1'))}")
            elif s == "cwced-dev":
                parts.append(f"cjk shF1 {f(_g(body, 'scrapinghub_cjk', 'f1'))} cjk wcxbF1 {f(_g(body, 'wcxb_cjk', 'f1'))}")
            if "snippets" in r:
                parts.append(f"snipF {f(r['snippets']['f1'])}")
            meta = " ".join(f"{k}={v['accuracy']:.2f}" for k, v in r["meta"].items() if v["truth_pages"])
            if meta:
                parts.append(f"meta {meta}")
            parts.append(f"err {r['errors']} empty {r['empty']}")
            print("  ".join(parts))
    for h, rows in markdown.halves_rows(summary).items():
        for measure, lede, best, diff, verdict in rows:
            print(f"half {h}: {measure:<52} lede {lede}  best peer {best:<24} {diff:>7}  {verdict}")
    for t, i in summary["timing"].items():
        ratio = i.get("ratio_vs_lede")
        print(f"time {t:<16} median {i['median_ms']:.1f} ms" + (f" ({ratio:.2f}x lede)" if ratio else ""))


def print_worst(summary: dict, set_names: list[str], pages: dict, results: dict, n: int) -> None:
    for s in set_names:
        if ("lede", s) not in results:
            continue
        print(f"\n{s}: lede's {n} worst pages")
        for w in worst(s, pages[s], results[("lede", s)], n):
            print(f"  {w['score']:.3f}  {w['path']}  {w['url']}  {w['hint']}")


if __name__ == "__main__":
    sys.exit(main())
