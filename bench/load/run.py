#!/usr/bin/env python3
"""Load: lede-server under gRPC load against the engine in-process, and what a
page costs a worker in memory (issue 22); writes the `load` section of
bench/RESULTS.md.

  python3 bench/load/run.py --build build-bench --driver build-bench/gobin/lede-load [--write]

1. Lists the pages of every set, shuffled with a fixed seed (so any stretch of
   the list is a mix of the sets); the load uses every --every-th of them.
2. `lede-load` (bench/load/driver, grpc-go): starts lede-server --threads N on
   the server's CPUs, warms it up, measures each method's capacity closed-loop
   (every page once, 4 calls in flight per thread) in --rounds rounds, with
   `lede_inprocess_bench --threads N` (the engine alone on the same pages and
   CPUs, the baseline) run before the first and after each; then offers calls
   open-loop at fixed fractions of the median capacity, --duration each.
3. `lede_inprocess_bench --alloc`: one worker, every page once: heap bytes and
   calls allocated per page, the peak RSS during it.
The machine's CPUs are split: the load generator on the first quarter (at
least one), the server and the in-process bench on the rest, with --threads
equal to their number. With one CPU, everything shares it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shlex
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BENCH))

from peers.runner import OUT  # noqa: E402
from report import sections  # noqa: E402
from report.machine import describe  # noqa: E402
from sets import registry  # noqa: E402

LOAD_OUT = OUT / "load"
# The shuffle's seed: the same list, in the same order, on every run.
SEED = 22


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", type=Path, default=BENCH.parent / "build-bench")
    ap.add_argument("--driver", type=Path, default=None, help="lede-load (default BUILD/gobin/lede-load)")
    ap.add_argument("--every", type=int, default=3, help="every N-th page of the shuffled list, for the load")
    ap.add_argument("--rounds", type=int, default=3, help="closed-loop rounds, each between two in-process runs")
    ap.add_argument("--duration", default="15s", help="length of each open-loop phase")
    ap.add_argument("--rates", default="0.5,0.8,1.0", help="open-loop rates, fractions of capacity")
    ap.add_argument("--write", action="store_true", help="write the load section of bench/RESULTS.md")
    ap.add_argument("--cached", action="store_true",
                    help="measure nothing: the section from the last run's bench/out/load/summary.json")
    ap.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    return ap.parse_args()


def split_cpus() -> tuple[list[int], list[int]]:
    """(client CPUs, server CPUs); both all of them when there is only one."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return cpus, cpus
    client = max(1, len(cpus) // 4)
    return cpus[:client], cpus[client:]


def cpu_list(cpus: list[int]) -> str:
    return ",".join(str(c) for c in cpus)


def pinned(cpus: list[int], shared: bool, cmd: list[str]) -> list[str]:
    return cmd if shared else ["taskset", "-c", cpu_list(cpus), *cmd]


def run_json(cmd: list[str]) -> dict:
    print("running " + " ".join(shlex.quote(str(c)) for c in cmd), file=sys.stderr, flush=True)
    done = subprocess.run([str(c) for c in cmd], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout)


def measure(args: argparse.Namespace) -> dict:
    LOAD_OUT.mkdir(parents=True, exist_ok=True)
    every_page = [p for name in registry.SETS for p in registry.load(name)]
    random.Random(SEED).shuffle(every_page)
    pages = every_page[:: args.every]
    manifest = LOAD_OUT / "manifest.tsv"
    registry.write_manifest(manifest, pages)
    all_manifest = LOAD_OUT / "manifest-all.tsv"
    registry.write_manifest(all_manifest, every_page)
    client, server = split_cpus()
    shared = client == server
    threads = len(server)
    bench = args.build / "bin" / "lede_inprocess_bench"
    driver = args.driver or args.build / "gobin" / "lede-load"
    baseline = pinned(server, shared, [bench, "--threads", str(threads), manifest])
    loadavg_before = os.getloadavg()
    load_json = LOAD_OUT / "load.json"
    cmd = pinned(client, shared, [
        driver, "-server", args.build / "bin" / "lede-server", "-manifest", manifest,
        "-threads", str(threads), "-server_cpus", "" if shared else cpu_list(server),
        "-rounds", str(args.rounds), "-baseline", " ".join(str(c) for c in baseline),
        "-duration", args.duration, "-rates", args.rates,
        "-server_flags", "--max_connection_age=1h", "-out", load_json])
    print("running " + " ".join(shlex.quote(str(c)) for c in cmd), file=sys.stderr, flush=True)
    subprocess.run([str(c) for c in cmd], check=True)
    alloc = run_json(pinned(server, shared, [bench, "--alloc", "--pages_out", LOAD_OUT / "alloc_pages.tsv",
                                             all_manifest]))
    result = {
        "command": "python3 bench/load/run.py " + " ".join(shlex.quote(a.replace(str(BENCH.parent) + "/", ""))
                                                            for a in sys.argv[1:]),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "duration": args.duration, "pages": len(pages), "every": args.every, "client_cpus": client, "server_cpus": server,
        "shared": shared, "threads": threads, "loadavg_before": loadavg_before,
        "load": json.loads(load_json.read_text()), "alloc": alloc,
        "sizes": sorted(len(p.read_bytes()) for p in pages),
    }
    result["loadavg_after"] = os.getloadavg()
    (LOAD_OUT / "summary.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


def grpc_version() -> str:
    """The grpc-go version the load generator is built with (its go.mod)."""
    for line in (Path(__file__).parent / "driver" / "go.mod").read_text().splitlines():
        if line.strip().startswith("google.golang.org/grpc "):
            return line.split()[1]
    return "unknown"


def _mib(kib: float) -> str:
    return f"{kib / 1024:.0f}"


def _cpu_ms(cpu_s: float, calls: int) -> float:
    return 1000 * cpu_s / calls if calls else 0.0


NAMES = {"parse": "Parse", "stream": "ParseStream"}


def rounds(load: dict) -> list[dict]:
    """Per closed-loop round: the in-process baseline around it (the mean of the
    runs just before and just after) and each method's calls/s and CPU per call
    against it."""
    base = load["baselines"]
    out = []
    for k in sorted({p["round"] for p in load["phases"] if p["loop"] == "closed"}):
        before, after = base[k - 1], base[k]
        row = {"round": k, "inprocess": [before["pages_per_s"], after["pages_per_s"]],
               "rate": statistics.mean([before["pages_per_s"], after["pages_per_s"]]),
               "cpu_ms": statistics.mean([_cpu_ms(x["cpu_s"], x["pages"]) for x in (before, after)]),
               "cpu_share": statistics.mean([x["cpu_s"] / x["wall_s"] for x in (before, after)]),
               "sys_ms": statistics.mean([_cpu_ms(x.get("sys_s", 0), x["pages"]) for x in (before, after)]),
               "faults": statistics.mean([x.get("minor_faults", 0) / max(x["pages"], 1) for x in (before, after)]),
               "methods": {}}
        for p in load["phases"]:
            if p["loop"] == "closed" and p["round"] == k:
                cpu = _cpu_ms(p["server_cpu_s"], p["calls"])
                row["methods"][p["method"]] = {"rate": p["calls_per_s"], "share": p["calls_per_s"] / row["rate"],
                                               "cpu_ms": cpu, "cpu_share": cpu / row["cpu_ms"],
                                               "cpu_got": p["server_cpu_s"] / p["seconds"],
                                               "grpc_threads": p.get("server_other_threads_cpu_s", 0)
                                               / max(p["server_cpu_s"], 1e-9),
                                               "sys_ms": _cpu_ms(p.get("server_sys_cpu_s", 0), p["calls"]),
                                               "faults": p.get("server_minor_faults", 0) / max(p["calls"], 1),
                                               "phase": p}
        out.append(row)
    return out


def grpc_threads_note(table: list[dict], methods: list[str]) -> str:
    if "server_other_threads_cpu_s" not in table[0]["methods"][methods[0]]["phase"]:
        return ""  # a run from before the driver measured it
    shares = ", ".join(f"{statistics.median(row['methods'][x]['grpc_threads'] for row in table):.1%} ({NAMES[x]})"
                       for x in methods)
    return (f"; in the closed loop, gRPC's threads (those with a name of their own, /proc/PID/task) took "
            f"{shares} of the server's CPU (median round), lede's worker thread(s) the rest: that, with the "
            f"protobuf and gRPC work done on the worker itself, is the service's own cost")


def kernel_note(table: list[dict], methods: list[str]) -> str:
    if "server_minor_faults" not in table[0]["methods"][methods[0]]["phase"]:
        return ""  # a run from before the driver measured it
    calls = ", ".join(f"{NAMES[x]} {statistics.median(row['methods'][x]['sys_ms'] for row in table):.2f} ms and "
                      f"{statistics.median(row['methods'][x]['faults'] for row in table):.0f}" for x in methods)
    return (f" Of the server's CPU per call, system time and minor page faults (median round): {calls}; the "
            f"in-process bench's per page: {statistics.median(row['sys_ms'] for row in table):.2f} ms and "
            f"{statistics.median(row['faults'] for row in table):.0f} (a minor fault: a page touched for the first time "
            f"since it was mapped, mostly memory the allocator gave back to the system and took again).")


def section(r: dict) -> str:
    m = describe()
    cmd = r["command"]
    now = r["date"]
    load = r["load"]
    table = rounds(load)
    methods = list(table[0]["methods"])
    page_ms = load["baselines"][0]["page_ms"]
    sizes = r["sizes"]
    share = "all" if r["every"] == 1 else f"one in {r['every']}"
    if r["shared"]:
        cores = (f"one CPU: the load generator, the server (`--threads={r['threads']}`) and the "
                 f"in-process bench all share it")
    else:
        cores = (f"the server (`lede-server --threads={r['threads']}`) and the in-process bench pinned "
                 f"(taskset) to CPU {cpu_list(r['server_cpus'])}, the load generator to CPU "
                 f"{cpu_list(r['client_cpus'])} (GOMAXPROCS {load['client_gomaxprocs']}); other work "
                 f"on the machine was free to run on both")
    lines = [
        "## Load: lede-server under gRPC load against the engine in-process",
        "",
        f"Produced by `make bench-load` (`{cmd}`) on {now}. Machine: {m['nproc']} cores (shared), "
        f"{m['cpu']}, {m['os']}; load average before the run "
        f"{' '.join(f'{x:.1f}' for x in r['loadavg_before'])}, after it: "
        f"{' '.join(f'{x:.1f}' for x in r['loadavg_after'])}. "
        f"Cores: {cores}.",
        "",
        f"**Pages**: {r['pages']} pages of every set and the seeds ({share} of them, shuffled with a fixed "
        f"seed so that any stretch is a mix), {sum(sizes) / 1e6:.0f} MB, median "
        f"{statistics.median(sizes) / 1e3:.0f} KB, largest {sizes[-1] / 1e6:.1f} MB. "
        f"**In-process**: `bench/load/lede_inprocess_bench --threads {r['threads']}`: `Engine::Parse` with "
        f"default options on {r['threads']} thread(s), every page once from memory, after "
        f"{load['baselines'][0]['warmup_per_thread']} pages of warm-up per thread. "
        f"**Service**: `bench/load/driver` (grpc-go {grpc_version()}, one connection) starts "
        f"`lede-server --threads={r['threads']} {' '.join(load['server_flags'])}` on a loopback port, warms "
        f"it up with as many calls, and measures each method's capacity closed-loop (every page once, "
        f"{load['concurrency']} calls in flight; ParseStream's spread over {load['streams']} stream(s)) in "
        f"{len(table)} rounds, the in-process bench running before the first and after each (the server "
        f"idle meanwhile), so each round is compared with the mean of the baselines around it. Then "
        f"open-loop at fixed fractions of the median round's capacity, a call every 1/rate s for "
        f"{r['duration']} each, latency timed from each call's *scheduled* send time (no coordinated "
        f"omission). A call refused by the full work queue (RESOURCE_EXHAUSTED, `--max_queue`, default 8 "
        f"per thread) is counted apart and not in the latencies; calls/s counts answered calls. CPU ms: "
        f"the server process's user + system time (/proc) per call, against the in-process bench's per "
        f"page; unlike calls/s it does not depend on how much of the CPU other work took.",
        "",
        "*CPU got*: CPU seconds ÷ wall seconds of the process measured, the share of its CPU(s) that "
        "other work on the machine left it; where the two sides got different shares, calls/s ÷ "
        "in-process says more about the machine than about the service.",
        "",
        "| round | in-process pages/s (before, after) | in-process CPU got | "
        + " | ".join(f"{NAMES[x]} calls/s | ÷ in-process | server CPU got | CPU ms per call ÷ in-process's"
                     for x in methods) + " |",
        "|---|---:|---:|" + "---:|---:|---:|---:|" * len(methods),
    ]
    for row in table:
        cells = [f"{row['methods'][x]['rate']:.1f} | {row['methods'][x]['share']:.2f} | "
                 f"{row['methods'][x]['cpu_got']:.2f} | "
                 f"{row['methods'][x]['cpu_ms']:.1f} ÷ {row['cpu_ms']:.1f} = {row['methods'][x]['cpu_share']:.2f}"
                 for x in methods]
        lines.append(f"| {row['round']} | {row['inprocess'][0]:.1f}, {row['inprocess'][1]:.1f} | "
                     f"{row['cpu_share']:.2f} | " + " | ".join(cells) + " |")
    median = {x: {k: statistics.median(row["methods"][x][k] for row in table)
                  for k in ("rate", "share", "cpu_share", "cpu_got")} for x in methods}
    lines.append(f"| **median** | | {statistics.median(row['cpu_share'] for row in table):.2f} | " + " | ".join(
        f"{median[x]['rate']:.1f} | **{median[x]['share']:.2f}** | {median[x]['cpu_got']:.2f} | "
        f"**{median[x]['cpu_share']:.2f}**" for x in methods) + " |")
    lines += [
        "",
        f"Engine in-process, time per page (wall, first baseline): p50 {page_ms['median']:.1f} ms, p95 "
        f"{page_ms['p95']:.1f} ms, p99 {page_ms['p99']:.1f} ms, largest {page_ms['max']:.0f} ms "
        f"(p99 = {page_ms['p99'] / page_ms['median']:.1f} × p50 before any queueing): the service time "
        f"every latency below is made of.",
        "",
        "| method | rate | offered calls/s | answered calls/s | refused | failed | p50 ms | p95 ms | p99 ms | "
        "p99 ÷ p50 | server RSS peak MiB | sender late, max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    verdicts = [f"{NAMES[x]} {median[x]['share']:.0%} of in-process by calls/s, "
                f"{1 / median[x]['cpu_share']:.0%} by CPU per call (target ≥ 90 %)" for x in methods]
    for p in load["phases"]:
        if p["loop"] != "open":
            continue
        spread = p["p99_ms"] / p["p50_ms"] if p["p50_ms"] else 0
        lines.append(
            f"| {NAMES[p['method']]} | {100 * p['fraction']:.0f} % | {p['offered_per_s']:.1f} | "
            f"{p['calls_per_s']:.1f} | {p['refused']} | {p['failed']} | {p['p50_ms']:.0f} | {p['p95_ms']:.0f} | "
            f"{p['p99_ms']:.0f} | {spread:.1f} | {_mib(p['rss_max_kib'])} | {p['send_late_max_ms']:.0f} |")
        if abs(p["fraction"] - 0.8) < 1e-9 and p["p50_ms"]:
            verdicts.append(f"{NAMES[p['method']]} at 80 %: p99 = {spread:.1f} × p50 (target ≤ 3 ×), its p50 "
                            f"{p['p50_ms'] / page_ms['median']:.1f} × the engine's own per page")
    lines += [
        "",
        "Issue 22's targets: " + "; ".join(verdicts) + ". "
        f"Server memory: {_mib(load['server_started']['rss_kib'])} MiB RSS at start, "
        f"{_mib(load['server_warm']['rss_kib'])} MiB after the warm-up, peak "
        f"{_mib(max(p['after']['peak_rss_kib'] for p in load['phases']))} MiB over the run (VmHWM); "
        f"{load['server_warm']['threads']} threads in the server process for {r['threads']} worker(s) "
        f"(gRPC's own pollers and executors, the health service)" + grpc_threads_note(table, methods) + "."
        + kernel_note(table, methods),
    ]
    return "\n".join(lines + alloc_lines(r["alloc"]))


def alloc_lines(a: dict) -> list[str]:
    def row(name: str, s: dict, scale: float = 1, fmt: str = "{:.1f}") -> str:
        return (f"| {name} | " + " | ".join(fmt.format(s[k] / scale) for k in ("median", "p99", "max")) + " |")

    peak = ("the process's peak RSS while it parsed the page (VmHWM, set back to the current RSS before "
            "each page through /proc/self/clear_refs)") if a["peak_rss_reset"] else (
            "the process's peak RSS so far (VmHWM could not be reset here, so it only grows)")
    return [
        "",
        "### Allocation per page, one worker",
        "",
        f"`bench/load/lede_inprocess_bench --alloc`: one thread parses each of the {a['pages']} pages (all of "
        f"them, in the shuffled order) once, reading each just before it (a worker holds its own request and nothing else). "
        f"*Allocated*: bytes and calls asked of the heap during `Engine::Parse` (malloc, calloc, realloc's "
        f"new size, the aligned forms; freed or not), counted per thread by `bench/load/alloc_counter.cc`, "
        f"which stands in for malloc in that binary only and forwards to glibc's. *Peak RSS*: {peak}; "
        f"*over the RSS before*: what the page added to it. The process starts at "
        f"{_mib(a['rss_start_kib'])} MiB. Pages the engine refused (its limits), included: {a['refused']}.",
        "",
        "| per page | median | p99 | largest |",
        "|---|---:|---:|---:|",
        row("allocated, MB", a["alloc_bytes"], 1e6),
        row("allocations, thousands", a["alloc_calls"], 1e3),
        row("allocated ÷ page bytes", a["alloc_bytes_per_input_byte"]),
        row("worker peak RSS, MiB", a["peak_rss_kib"], 1024, "{:.0f}"),
        row("peak over the RSS before, MiB", a["peak_over_before_kib"], 1024),
    ]


def main() -> int:
    args = parse_args()
    result = json.loads((LOAD_OUT / "summary.json").read_text()) if args.cached else measure(args)
    text = section(result)
    sections.emit(args.results, "load", text, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
