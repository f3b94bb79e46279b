#!/usr/bin/env python3
"""Speed: lede's whole engine against gumbo alone, and the peers against lede.

  python3 bench/speed/run.py --bench build-bench/bin/lede_speed_bench [--write]

1. Writes a manifest of every page of the eval sets and the seeds, and runs
   lede_speed_bench over it: per page, in one process, gumbo parsing the
   page's UTF-8 and the engine parsing its bytes (the fastest of --repeat
   runs of each). The budget (issue 3): engine time per page within 1.5x
   gumbo's.
2. Reads the per-page wall times of the last accuracy run (bench/out, written
   by `make bench-accuracy`) and reports each peer's against lede's on the same
   pages, as ratios.
--write replaces the `speed` section of bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BENCH))

from peers.cache import last_rows  # noqa: E402
from peers.runner import OUT  # noqa: E402
from peers.tools import all_tools  # noqa: E402
from report import sections  # noqa: E402
from report.machine import describe  # noqa: E402
from sets import registry  # noqa: E402

SPEED_OUT = OUT / "speed"


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=BENCH.parent / "build-bench" / "bin" / "lede_speed_bench")
    ap.add_argument("--sets", default="all", help=f"comma list or 'all' ({', '.join(registry.SETS)})")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each parse per page; the fastest counts")
    ap.add_argument("--budget", type=float, default=1.5, help="engine/gumbo ratio allowed per page")
    ap.add_argument("--write", action="store_true", help="write the speed section of bench/RESULTS.md")
    ap.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    return ap.parse_args()


def run_bench(args: argparse.Namespace, set_names: list[str]) -> dict:
    SPEED_OUT.mkdir(parents=True, exist_ok=True)
    manifest = SPEED_OUT / "manifest.tsv"
    registry.write_manifest(manifest, [p for s in set_names for p in registry.load(s)])
    cmd = [str(args.bench), "--repeat", str(args.repeat), "--budget", str(args.budget),
           "--pages_out", str(SPEED_OUT / "pages.tsv"), str(manifest)]
    print("running " + " ".join(shlex.quote(c) for c in cmd), file=sys.stderr, flush=True)
    done = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
    result = json.loads(done.stdout)
    (SPEED_OUT / "summary.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def _walls(rows: dict[str, dict]) -> dict[str, float]:
    # Timed pages only: an error or timeout has no meaningful time.
    return {i: r["wall_ms"] for i, r in rows.items() if r.get("wall_ms") and not r.get("error")}


def peer_ratios(set_names: list[str]) -> list[dict]:
    """Per tool: its per-page wall times in the accuracy run against lede's on
    the pages both answered, as ratios (tool ÷ lede; above 1 = slower)."""
    lede = {(s, i): w for s in set_names for i, w in _walls(last_rows(OUT, "lede", s)).items()}
    out = []
    for tool in all_tools():
        if tool == "lede":
            continue
        mine: dict[tuple[str, str], float] = {}
        errors = timeouts = 0
        for s in set_names:
            rows = last_rows(OUT, tool, s)
            for i, r in rows.items():
                err = r.get("error", "")
                errors += bool(err)
                timeouts += err.startswith("timeout")
            mine.update({(s, i): w for i, w in _walls(rows).items()})
        common = sorted(set(mine) & set(lede))
        if not common:
            continue
        per_page = [mine[k] / lede[k] for k in common if lede[k] > 0]
        out.append({
            "tool": tool, "pages": len(common), "errors": errors, "timeouts": timeouts,
            "ratio_of_medians": statistics.median(mine[k] for k in common)
            / statistics.median(lede[k] for k in common),
            "median_ratio": statistics.median(per_page),
            "faster_than_lede": sum(1 for x in per_page if x < 1) / len(per_page),
        })
    out.sort(key=lambda x: x["ratio_of_medians"])
    return out


def lede_wall_median(set_names: list[str]) -> float | None:
    walls = [w for s in set_names for w in _walls(last_rows(OUT, "lede", s)).values()]
    return statistics.median(walls) if walls else None


def _short(arg: str) -> str:
    # Paths inside the repository, relative to it.
    root = str(BENCH.parent) + "/"
    return arg.replace(root, "")


def section(args: argparse.Namespace, result: dict, peers: list[dict], lede_wall: float | None) -> str:
    m = describe()
    cmd = "python3 bench/speed/run.py " + " ".join(shlex.quote(_short(a)) for a in sys.argv[1:])
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    a = result["all"]

    def row(name: str, s: dict) -> str:
        return (f"| {name} | {s['pages']} | **{s['ratio_median']:.2f}** | {s['ratio_p10']:.2f} | "
                f"{s['ratio_p90']:.2f} | {s['over_budget']} ({s['over_budget'] / max(1, s['pages']):.1%}) | "
                f"{s['ratio_total']:.2f} | {s.get('decode_ratio_median', 0):.2f} | "
                f"{s['engine_pages_per_s']:.0f} | {s['gumbo_pages_per_s']:.0f} |")

    lines = [
        "## Speed: the whole engine against gumbo alone, and the peers against lede",
        "",
        f"Produced by `make bench-speed` (`{cmd}`) on {now}. Machine: {m['nproc']} cores (shared), "
        f"{m['cpu']}, {m['os']}; load average when written: {m['loadavg']}.",
        "",
        f"**Budget (issue 3): whole-engine time per page within {result['budget']:g} × gumbo's on the same "
        f"page.** `bench/speed/lede_speed_bench`, one process, one thread, one pass over every page: per page, "
        f"gumbo parses the page's UTF-8 (decoded beforehand, untimed; the gumbo the engine links, in the same "
        f"binary: libgumbo.a unless built with -DLEDE_STATIC_GUMBO=OFF; the engine's gumbo options: arena "
        f"allocator whose 1 MB chunks the thread reuses page after page, as the engine's do; no error records) and `Engine::Parse` takes the raw bytes with default options (decode, "
        f"frame, parse, metadata, content, language, text + HTML + Markdown); each {result['repeat']} times, "
        f"interleaved, the fastest of each kept, timed in the thread's CPU time (user + system, so page faults "
        f"count; time the thread spent preempted by other work on the shared machine does not). "
        f"Ratio = engine ÷ gumbo per page; pages/s = pages ÷ total time, single-threaded. {result['refused']} pages the engine refused (limits) are left out. "
        f"*decode ÷ gumbo*: the engine's decode stage alone (bytes to UTF-8; inside the engine's time, "
        f"not inside gumbo's), to show how much of the ratio it explains. The seeds are Markdown "
        f"mixed with HTML: gumbo parses their raw text, the engine renders the Markdown first.",
        "",
        "| pages | n | engine ÷ gumbo, median | p10 | p90 | pages over budget | total ÷ total | "
        "decode ÷ gumbo, median | engine pages/s | gumbo pages/s |",
        "|---|---|---|---|---|---|---|---|---|---|",
        row("all", a),
    ]
    lines += [row(s, result["sets"][s]) for s in result["sets"]]
    verdict = "within" if a["ratio_median"] <= result["budget"] else "over"
    lines += ["", f"Median page: the engine takes {a['ratio_median']:.2f} × gumbo's time ({verdict} the "
              f"{result['budget']:g} × budget); {a['over_budget']} of {a['pages']} pages are over it."]
    stages = list(a.get("stage_ratio_median", {}))
    if stages:
        lines += [
            "",
            "**Where the engine's time goes**, per stage (`StageTimes`, from each page's fastest engine run): "
            "the stage's time (the thread's CPU time, as the totals) ÷ gumbo's on the same page, median over the pages. *parse* is gumbo inside the "
            "engine plus the nesting scan and the tree checks; *render* includes the word breaks (ICU), the "
            "reading time and the fingerprint. Medians do not add up to the whole engine's median.",
            "",
            "| pages | " + " | ".join(stages) + " |",
            "|---|" + "---|" * len(stages),
        ]
        for name, s in [("all", a)] + list(result["sets"].items()):
            lines.append(f"| {name} | " + " | ".join(f"{s['stage_ratio_median'][k]:.3f}" for k in stages) + " |")
    if peers:
        lines += [
            "",
            "**Peers against lede**, from the per-page wall times of the last `make bench-accuracy` run "
            "(bench/out): each tool as a long-lived batch process fed one page at a time, time from request "
            "out to answer back. lede ran alone first (`lede parse --requests=-`: base64 in, the full JSON "
            "Article out, all renderings); the peers ran two at a time on the two cores. Ratios are "
            "tool ÷ lede on the pages both answered; above 1 means slower than lede. Pages with errors or "
            "timeouts are left out.",
            "",
            "| tool | pages | median time ÷ lede's median | median per-page ratio | pages faster than lede "
            "| errors (timeouts) |",
            "|---|---|---|---|---|---|",
        ]
        lines += [f"| {p['tool']} | {p['pages']} | {p['ratio_of_medians']:.2f} | {p['median_ratio']:.2f} | "
                  f"{p['faster_than_lede']:.1%} | {p['errors']} ({p['timeouts']}) |" for p in peers]
        if lede_wall and a["engine_median_ms"]:
            lines += ["", f"For scale: lede's median wall time per page in the accuracy run (CLI, JSON and "
                      f"base64 over a pipe, another moment on a shared machine) is "
                      f"{lede_wall / a['engine_median_ms']:.2f} × its in-process engine median above."]
    return "\n".join(lines)


def main() -> int:
    args = parse_args()
    known = list(registry.SETS)
    set_names = known if args.sets == "all" else [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in set_names if s not in known]
    if unknown:
        raise SystemExit(f"unknown set(s): {', '.join(unknown)}; known: {', '.join(known)}")
    if not args.bench.exists():
        raise SystemExit(f"{args.bench} not found: build it (make bench-build)")
    result = run_bench(args, set_names)
    peers = peer_ratios(set_names)
    text = section(args, result, peers, lede_wall_median(set_names))
    sections.emit(args.results, "speed", text, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
