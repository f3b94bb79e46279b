#!/usr/bin/env python3
"""Load: lede-server under gRPC load against the engine in-process, and what a
page costs a worker in memory (issue 22); writes the `load` section of
bench/RESULTS.md.

  python3 bench/load/run.py --build build-bench --driver build-bench/gobin/lede-load [--write]

1. Lists the pages of every set, shuffled with a fixed seed (so any stretch of
   the list is a mix of the sets), every --every-th of them.
2. `lede_inprocess_bench --threads N`: the engine alone on N threads over those
   pages, the baseline; run before and after the service, on the server's CPUs.
3. `lede-load` (bench/load/driver, grpc-go): starts lede-server --threads N on
   the server's CPUs, warms it up, measures each method's capacity closed-loop
   (every page once, 4 calls in flight per thread), then offers it calls
   open-loop at fixed fractions of that capacity, for --duration each.
4. `lede_inprocess_bench --alloc`: one worker, each page once: heap bytes and
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
    ap.add_argument("--every", type=int, default=1, help="every N-th page of the shuffled list")
    ap.add_argument("--duration", default="15s", help="length of each open-loop phase")
    ap.add_argument("--rates", default="0.5,0.8,1.0", help="open-loop rates, fractions of capacity")
    ap.add_argument("--write", action="store_true", help="write the load section of bench/RESULTS.md")
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
    pages = [p for name in registry.SETS for p in registry.load(name)]
    random.Random(SEED).shuffle(pages)
    pages = pages[:: args.every]
    manifest = LOAD_OUT / "manifest.tsv"
    registry.write_manifest(manifest, pages)
    client, server = split_cpus()
    shared = client == server
    threads = len(server)
    bench = args.build / "bin" / "lede_inprocess_bench"
    driver = args.driver or args.build / "gobin" / "lede-load"
    inprocess = pinned(server, shared, [bench, "--threads", str(threads), manifest])
    loadavg_before = os.getloadavg()
    before = run_json(inprocess)
    load_json = LOAD_OUT / "load.json"
    subprocess.run([str(c) for c in pinned(client, shared, [
        driver, "-server", args.build / "bin" / "lede-server", "-manifest", manifest,
        "-threads", str(threads), "-server_cpus", "" if shared else cpu_list(server),
        "-duration", args.duration, "-rates", args.rates,
        "-server_flags", "--max_connection_age=1h", "-out", load_json])], check=True)
    after = run_json(inprocess)
    alloc = run_json(pinned(server, shared, [bench, "--alloc", "--pages_out", LOAD_OUT / "alloc_pages.tsv",
                                             manifest]))
    result = {
        "pages": len(pages), "every": args.every, "client_cpus": client, "server_cpus": server,
        "shared": shared, "threads": threads, "loadavg_before": loadavg_before,
        "inprocess": [before, after], "load": json.loads(load_json.read_text()), "alloc": alloc,
        "sizes": sorted(len(p.read_bytes()) for p in pages) if pages else [],
    }
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


def _ms_per_call(cpu_s: float, calls: int) -> float:
    return 1000 * cpu_s / calls if calls else 0.0


def section(args: argparse.Namespace, r: dict) -> str:
    m = describe()
    cmd = "python3 bench/load/run.py " + " ".join(shlex.quote(a.replace(str(BENCH.parent) + "/", ""))
                                                  for a in sys.argv[1:])
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load = r["load"]
    before, after = r["inprocess"]
    engine_rate = statistics.mean([before["pages_per_s"], after["pages_per_s"]])
    engine_cpu_ms = statistics.mean([_ms_per_call(x["cpu_s"], x["pages"]) for x in (before, after)])
    # The engine's own time per page (the first in-process run): the service
    # time any latency under load is made of.
    page_ms = before["page_ms"]
    capacity = {p["method"]: p for p in load["phases"] if p["loop"] == "closed"}
    names = {"parse": "Parse", "stream": "ParseStream"}
    sizes = r["sizes"]
    share = "all" if r["every"] == 1 else f"every {r['every']}th"
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
        f"{' '.join(f'{x:.1f}' for x in r['loadavg_before'])}, when written: {m['loadavg']}. "
        f"Cores: {cores}.",
        "",
        f"**Pages**: {r['pages']} pages of every set and the seeds "
        f"({share} of them, shuffled with a fixed seed so that any stretch is a mix), {sum(sizes) / 1e6:.0f} MB, "
        f"median {statistics.median(sizes) / 1e3:.0f} KB, largest {sizes[-1] / 1e6:.1f} MB. "
        f"**In-process**: `bench/load/lede_inprocess_bench --threads {r['threads']}`, `Engine::Parse` with "
        f"default options on {r['threads']} thread(s) over every page once from memory, after "
        f"{before['warmup_per_thread']} pages of warm-up per thread; run before and after the service "
        f"({before['pages_per_s']:.1f} and {after['pages_per_s']:.1f} pages/s; their mean is the baseline). "
        f"**Service**: `bench/load/driver` (grpc-go {load.get('grpc', 'v1.85.0')}, one connection) starts "
        f"`lede-server {' '.join(load['server_flags'])}` on a loopback port, warms it up with the same "
        f"number of calls, and measures each method closed-loop (every page once, {load['concurrency']} "
        f"calls in flight; ParseStream's spread over {load['streams']} stream(s)): its capacity. Then "
        f"open-loop: a call every 1/rate s at fixed fractions of that capacity for {args.duration} each, "
        f"latency timed from each call's *scheduled* send time (no coordinated omission). A call refused "
        f"by the full work queue (RESOURCE_EXHAUSTED, `--max_queue`, default 8 per thread) is counted "
        f"apart and not in the latencies; calls/s counts answered calls. CPU: the server process's user + "
        f"system time (/proc) in the phase, per call, against the in-process bench's per page.",
        "",
        "| | calls/s | ÷ in-process | CPU ms per call | ÷ in-process | p50 ms | p95 ms | p99 ms | "
        "server RSS peak MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| engine in-process, {r['threads']} thread(s) | {engine_rate:.1f} | 1 | {engine_cpu_ms:.1f} | 1 | "
        f"{page_ms['median']:.0f} | {page_ms['p95']:.0f} | {page_ms['p99']:.0f} | |",
    ]
    for method, p in capacity.items():
        cpu_ms = _ms_per_call(p["server_cpu_s"], p["calls"])
        lines.append(
            f"| {names[method]}, closed loop | {p['calls_per_s']:.1f} | **{p['calls_per_s'] / engine_rate:.2f}** | "
            f"{cpu_ms:.1f} | {cpu_ms / engine_cpu_ms:.2f} | {p['p50_ms']:.0f} | {p['p95_ms']:.0f} | "
            f"{p['p99_ms']:.0f} | {_mib(p['rss_max_kib'])} |")
    lines += [
        "",
        "| method | rate | offered calls/s | answered calls/s | refused | failed | p50 ms | p95 ms | p99 ms | "
        "p99 ÷ p50 | server RSS peak MiB | sender late, max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in load["phases"]:
        if p["loop"] != "open":
            continue
        spread = p["p99_ms"] / p["p50_ms"] if p["p50_ms"] else 0
        lines.append(
            f"| {names[p['method']]} | {100 * p['fraction']:.0f} % | {p['offered_per_s']:.1f} | "
            f"{p['calls_per_s']:.1f} | {p['refused']} | {p['failed']} | {p['p50_ms']:.0f} | {p['p95_ms']:.0f} | "
            f"{p['p99_ms']:.0f} | {spread:.1f} | {_mib(p['rss_max_kib'])} | {p['send_late_max_ms']:.0f} |")
    verdicts = []
    for method, p in capacity.items():
        share = p["calls_per_s"] / engine_rate
        verdicts.append(f"{names[method]} {share:.0%} of in-process ({'meets' if share >= 0.9 else 'misses'} "
                        f"the ≥ 90 % target)")
    for p in load["phases"]:
        if p["loop"] == "open" and abs(p["fraction"] - 0.8) < 1e-9 and p["p50_ms"]:
            spread = p["p99_ms"] / p["p50_ms"]
            verdicts.append(f"{names[p['method']]} at 80 %: p99 = {spread:.1f} × p50 "
                            f"({'meets' if spread <= 3 else 'misses'} the ≤ 3 × target)")
    lines += [
        "",
        "Issue 22's targets: " + "; ".join(verdicts) + ". "
        f"Server memory: {_mib(load['server_started']['rss_kib'])} MiB RSS at start, "
        f"{_mib(load['server_warm']['rss_kib'])} MiB after the warm-up, peak "
        f"{_mib(max(p['after']['peak_rss_kib'] for p in load['phases']))} MiB over the run (VmHWM); "
        f"{load['server_warm']['threads']} threads in the server process for {r['threads']} worker(s) "
        f"(gRPC's own pollers and executors, the health service). Latencies are made of each page's own "
        f"parse time, which is heavy-tailed: in-process, the engine's time per page (wall) has "
        f"p99 = {page_ms['p99'] / page_ms['median']:.1f} × p50 on these pages before any queueing (its row "
        f"above). CPU ms per call ÷ in-process is the robust figure on a shared machine: it does not "
        f"depend on how much of the server's CPU other work took, where calls/s does.",
    ]
    a = alloc_lines(r["alloc"])
    return "\n".join(lines + a)


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
        f"`bench/load/lede_inprocess_bench --alloc`: one thread parses each of the {a['pages']} pages once, in "
        f"the order above, reading each just before it (a worker holds its own request and nothing else). "
        f"*Allocated*: bytes and calls asked of the heap during `Engine::Parse` (malloc, calloc, realloc's "
        f"new size, the aligned forms; freed or not), counted per thread by `bench/load/alloc_counter.cc`, "
        f"which stands in for malloc in that binary only and forwards to glibc's. *Peak RSS*: {peak}; "
        f"*over the RSS before*: what the page added to it. The process starts at "
        f"{_mib(a['rss_start_kib'])} MiB. {a['refused']} pages refused by the engine's limits are included.",
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
    result = measure(args)
    text = section(args, result)
    sections.emit(args.results, "load", text, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
