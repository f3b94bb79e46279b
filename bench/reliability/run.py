#!/usr/bin/env python3
"""Reliability: the adversarial shapes against the median bench page, overload,
fuzzing and the soak; writes the `reliability` section of bench/RESULTS.md.

  python3 bench/reliability/run.py adversarial --build build   # shapes and pages, ms per MB
  python3 bench/reliability/run.py overload --build build      # the burst test's figures
  PYTHON_WITH_LEDE bench/reliability/run.py soak --build build [--calls 100000] [--seconds S]
  python3 bench/reliability/run.py write                       # the section, from the above
                                                               # and build-fuzz/fuzz-summary.jsonl

Each step leaves its figures in BUILD/reliability/*.json(l); `write` reports
what is there, with the command that made each part. `make bench-reliability`
runs adversarial, overload and write; `make soak` runs the soak and write;
`make fuzz` the fuzzers (their summary is read here).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from report import sections  # noqa: E402
from sets import registry  # noqa: E402

MB = 1 << 20
# A shape smaller than this is compared with the median page per call, not per MB.
SMALL_SHAPE = 64 << 10


def out_dir(build: Path) -> Path:
    folder = build / "reliability"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def bench_pages(every: int) -> list:
    pages = [p for name in registry.SETS for p in registry.load(name)]
    return pages[::every]


def adversarial(args: argparse.Namespace) -> None:
    folder = out_dir(args.build)
    # Every `every`-th bench page, unpacked, so the tool reads raw bytes.
    pages_dir = folder / "pages"
    pages_dir.mkdir(exist_ok=True)
    listing = []
    for i, page in enumerate(bench_pages(args.every)):
        path = pages_dir / f"{i:05d}"
        path.write_bytes(page.read_bytes())
        listing.append(str(path))
    (folder / "pages.txt").write_text("\n".join(listing) + "\n")
    tool = args.build / "bin" / "lede_adversarial_bench"
    done = subprocess.run([str(tool), str(folder / "pages.txt")], capture_output=True, check=True)
    (folder / "adversarial.jsonl").write_bytes(done.stdout)
    print(f"adversarial: {len(listing)} pages and the shapes -> {folder / 'adversarial.jsonl'}")


def overload(args: argparse.Namespace) -> None:
    report = out_dir(args.build) / "overload.json"
    env = dict(os.environ, LEDE_OVERLOAD_REPORT=str(report))
    subprocess.run([str(args.build / "bin" / "integration_test"),
                    "--gtest_filter=ServerOverloadTest.*"], env=env, check=True)
    print(f"overload -> {report}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1


def soak(args: argparse.Namespace) -> None:
    import lede  # the client, from the Python client's virtualenv

    pages = [(p.read_bytes(), p.url) for p in bench_pages(args.every)]
    address = f"127.0.0.1:{_free_port()}"
    server = subprocess.Popen([str(args.build / "bin" / "lede-server"), "--address", address,
                               "--http_address=", "--threads", str(args.threads), *args.server_arg],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with lede.Client(address, timeout=60) as probe:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if probe.health():
                        break
                except lede.LedeError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("lede-server never said SERVING")
                time.sleep(0.1)
        # RSS is sampled at rest: every `sample_every` calls the clients stop taking
        # calls until every call taken is answered, so a sample holds what the server
        # keeps (a leak, the allocator's free lists), not the working set of the pages
        # in flight at that instant. Half-way between, RSS is also sampled under load.
        cond = threading.Condition()
        counts = {"done": 0, "ok": 0, "failed": 0, "next": 0, "rest_at": args.sample_every}
        curve: list[tuple[int, int]] = [(0, _rss_kib(server.pid))]
        busy_curve: list[tuple[int, int]] = []
        start = time.monotonic()

        def take(n: int) -> tuple[int, int] | None:
            """The first of up to `n` calls to send and how many; None when done."""
            with cond:
                while True:
                    if counts["next"] >= args.calls or (
                        args.seconds and time.monotonic() - start > args.seconds
                    ):
                        return None
                    if counts["next"] < counts["rest_at"]:
                        break
                    if counts["done"] >= counts["next"]:  # nothing in flight
                        curve.append((counts["done"], _rss_kib(server.pid)))
                        counts["rest_at"] += args.sample_every
                        break
                    cond.wait()
                first = counts["next"]
                counts["next"] = min(args.calls, first + n, counts["rest_at"])
                return first, counts["next"] - first

        def finished(ok: int, failed: int) -> None:
            with cond:
                before = counts["done"]
                counts["done"] += ok + failed
                counts["ok"] += ok
                counts["failed"] += failed
                half = args.sample_every // 2
                if (counts["done"] + half) // args.sample_every > (before + half) // args.sample_every:
                    busy_curve.append((counts["done"], _rss_kib(server.pid)))
                cond.notify_all()

        def unary() -> None:
            with lede.Client(address, timeout=60) as client:
                while (taken := take(1)) is not None:
                    i = taken[0]
                    content, url = pages[i % len(pages)]
                    try:
                        client.parse_response(content, url=url or None)
                        finished(1, 0)
                    except lede.LedeError as error:
                        # A page the engine refuses is an answer too.
                        finished(1, 0) if error.code != lede.Unavailable else finished(0, 1)

        def streams() -> None:
            with lede.Client(address, timeout=None) as client:
                while (taken := take(args.batch)) is not None:
                    i, n = taken
                    items = [{"content": pages[(i + k) % len(pages)][0],
                              "url": pages[(i + k) % len(pages)][1] or None} for k in range(n)]
                    got = sum(1 for _ in client.parse_many(items))
                    finished(got, n - got)

        workers = [threading.Thread(target=unary) for _ in range(args.unary)]
        workers += [threading.Thread(target=streams) for _ in range(args.streams)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        elapsed = time.monotonic() - start
        curve.append((counts["done"], _rss_kib(server.pid)))
    finally:
        server.terminate()
        server.wait(timeout=60)
    warm = next(rss for done, rss in curve if done >= args.warmup)
    after = [rss for done, rss in curve if done >= args.warmup]
    result = {
        "calls": counts["done"], "ok": counts["ok"], "failed": counts["failed"],
        "calls_asked": args.calls, "seconds_limit": args.seconds,
        "command": " ".join(["bench/reliability/run.py", *sys.argv[1:]]),
        "pages": len(pages), "threads": args.threads, "server_args": args.server_arg,
        "unary_clients": args.unary,
        "stream_clients": args.streams, "batch": args.batch, "seconds": round(elapsed, 1),
        "warmup_calls": args.warmup, "rss_at_warmup_kib": warm, "rss_max_after_kib": max(after),
        "rss_last_kib": curve[-1][1], "growth": round(max(after) / warm - 1, 4), "curve": curve,
        "sampled": "at rest", "sample_every": args.sample_every, "busy_curve": busy_curve,
        "rss_max_busy_kib": max((rss for done, rss in busy_curve if done >= args.warmup), default=0),
        "malloc_env": {k: v for k, v in os.environ.items() if k.startswith(("GLIBC_TUNABLES", "MALLOC_"))},
    }
    path = out_dir(args.build) / "soak.json"
    path.write_text(json.dumps(result, indent=1))
    print(f"soak: {result['calls']} calls ({result['failed']} failed) in {elapsed:.0f} s; "
          f"RSS at rest {warm} KiB after warm-up, at most {max(after)} KiB after it "
          f"({100 * result['growth']:+.1f} %); under load at most {result['rss_max_busy_kib']} KiB "
          f"-> {path}")
    if result["failed"] or result["growth"] > 0.10:
        sys.exit(1)


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _previous(part: str) -> str:
    """The `### part` subsection as RESULTS.md has it now ("" if none): a step whose
    figures are not in this build (the fuzzers' summary is in another) keeps its part."""
    text = (BENCH / "RESULTS.md").read_text(encoding="utf-8")
    begin, end = text.find("<!-- BEGIN reliability -->"), text.find("<!-- END reliability -->")
    section = text[begin:end] if 0 <= begin < end else ""
    start = section.find(f"### {part}\n")
    if start < 0:
        return ""
    stop = section.find("\n### ", start + 1)
    return "\n" + section[start:stop if stop >= 0 else len(section)].rstrip() + "\n"


def _soak_halves(s: dict) -> str:
    """The median RSS of each half of the samples after the warm-up: a trend that
    one sample against another (the allocator's saw-tooth) does not show."""
    after = [rss for done, rss in s["curve"] if done >= s["warmup_calls"]]
    if len(after) < 4:
        return ""
    first, second = after[: len(after) // 2], after[len(after) // 2 :]
    a, b = statistics.median(first), statistics.median(second)
    return (f" After the warm-up RSS ranged over {min(after) / 1024:.0f}-{max(after) / 1024:.0f} MiB; "
            f"the median of the first half of its {len(after)} samples is {a / 1024:.1f} MiB, of the "
            f"second half {b / 1024:.1f} MiB ({100 * (b / a - 1):+.1f} %).")


def write(args: argparse.Namespace) -> None:
    folder = out_dir(args.build)
    parts = [f"## Reliability: hostile input, overload, fuzzing, soak\n\n"
             f"Written by `python3 bench/reliability/run.py write` ({dt.date.today().isoformat()}, "
             f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before writing) from "
             f"the figures each step below left in `{args.build.name}/reliability/` (a part whose step has "
             f"not left figures there is kept as it was).\n"]
    rows = _read_jsonl(folder / "adversarial.jsonl")
    shapes = [r for r in rows if "shape" in r]
    pages_ok = [r for r in rows if "page" in r and r["status"] == "OK"]
    page_rates = [r["ms"] / (r["bytes"] / MB) for r in pages_ok]
    if shapes and page_rates:
        median = statistics.median(page_rates)
        median_call = statistics.median(r["ms"] for r in pages_ok)
        parts.append(
            "\n### Adversarial shapes\n\n`make bench-reliability` (`bench/reliability/run.py adversarial`: "
            "`lede_adversarial_bench`, `Engine::Parse` on one thread, CPU time, fastest of 3) on every shape of "
            f"`tests/adversarial/shapes.cc`, beside {len(page_rates)} bench pages (every "
            f"{args.every}th of all sets, one run each): the median page takes **{median:.0f} ms per MB** "
            f"and {median_call:.1f} ms a call. A shape refused with a status costs what it took to refuse it. "
            f"A shape under {SMALL_SHAPE // 1024} KB is compared per call, not per MB: its time is the "
            "cost of any call. *×4 size* is the time of the shape made at its size over the time of the same "
            "shape made at a quarter of it (4.0 is linear; shapes of a fixed size have none). *Where* is the "
            "stage that took the largest share of the CPU time of the timed run (`Engine::Parse`'s "
            "`StageTimes`; the stages are those of `server/engine/stage_times.h`).\n\n"
            "| shape | size | status | ms | ms per MB | ÷ median page | ×4 size | where |\n"
            "|---|---:|---|---:|---:|---:|---:|---|\n")
        over = []
        for r in shapes:
            rate = r["ms"] / (r["bytes"] / MB)
            ratio = r["ms"] / median_call if r["bytes"] < SMALL_SHAPE else rate / median
            if ratio > 3:
                over.append(r["shape"])
            status = r["status"] + ("" if r["status"] == r["expected"] else f" (expected {r['expected']})")
            growth = f"{r['ms'] / r['quarter_ms']:.1f}" if r.get("quarter_ms") else ""
            stages = r.get("stages", {})
            total = sum(stages.values())
            where = ""
            if total > 0:
                stage, took = max(stages.items(), key=lambda item: item[1])
                where = f"{stage} {100 * took / total:.0f} %"
            per = " (per call)" if r["bytes"] < SMALL_SHAPE else ""
            parts.append(f"| {r['shape']} | {r['bytes'] / MB:.2f} MB | {status} | {r['ms']:.1f} | "
                         f"{rate:.0f} | {ratio:.2f}{per} | {growth} | {where} |\n")
        parts.append(f"\nShapes over 3 × the median page: {', '.join(over) if over else 'none'}.\n")
    else:
        parts.append(_previous("Adversarial shapes"))
    fuzz = _read_jsonl(REPO / args.fuzz_build / "fuzz-summary.jsonl")
    if fuzz:
        regressions = sorted((REPO / "tests" / "fuzz" / "regressions").glob("*/*"))
        parts.append(
            "\n### Fuzzing\n\n`make fuzz FUZZ_SECONDS=N` (libFuzzer, Debian's clang 14, ASan + UBSan), "
            "each target from its committed corpus (`tests/fuzz/corpus`, made from the fixtures by "
            "`tests/fuzz/make_seeds.py`); `make test` replays that corpus and every crash once found "
            f"(`tests/fuzz/regressions`: {len(regressions)} files) in every build.\n\n"
            "| target | seconds run (asked) | executions | corpus | crashes this run |\n"
            "|---|---:|---:|---:|---:|\n")
        for r in fuzz:
            # A crash stops a run early; summaries older than seconds_run only know what was asked.
            run = (f"{r['seconds_run']} (asked {r['seconds']})" if "seconds_run" in r
                   else f"≤ {r['seconds']}")
            parts.append(f"| {r['target']} | {run} | {r['executions']:,} | {r['corpus']} | {r['crashes']} |\n")
        by_target: dict[str, int] = {}
        for path in regressions:
            by_target[path.parent.name] = by_target.get(path.parent.name, 0) + 1
        parts.append("\nCrashes found and fixed so far (each kept in `tests/fuzz/regressions`): "
                     + ", ".join(f"{name} {count}" for name, count in sorted(by_target.items()))
                     + ". A crash in the table above is one of these: the run's binaries predate its fix.\n")
    else:
        parts.append(_previous("Fuzzing"))
    over = folder / "overload.json"
    if over.exists():
        o = json.loads(over.read_text())
        parts.append(
            "\n### Overload\n\n`make bench-reliability` (`tests/integration/overload_test.cc`, also part of "
            f"`make test`): {o['calls']} Parse calls of a {o['request_bytes'] / MB:.1f} MB page at once against "
            f"`--threads={o['threads']} --max_queue={o['max_queue']}` (room for {o['threads'] + o['max_queue']}).\n\n"
            "| accepted | refused (RESOURCE_EXHAUSTED) | p99 of the accepted | p99 of the refused | "
            "health checks during the burst, not SERVING | RSS before, peak, after |\n|---:|---:|---:|---:|---|---|\n"
            f"| {o['accepted']} | {o['refused']} | {o['accepted_p99_ms']:.0f} ms | {o['refused_p99_ms']:.0f} ms | "
            f"{o['health_checks']}, {o['health_failures']} | {o['rss_before_kib'] / 1024:.0f} / "
            f"{o['rss_peak_kib'] / 1024:.0f} / {o['rss_after_kib'] / 1024:.0f} MiB |\n")
    else:
        parts.append(_previous("Overload"))
    soak_path = folder / "soak.json"
    if soak_path.exists():
        s = json.loads(soak_path.read_text())
        parts.append(
            f"\n### Soak\n\n`make soak` (`{s.get('command', 'bench/reliability/run.py soak')}`): {s['calls']:,} calls of {s['pages']} mixed "
            f"bench pages (every {args.every}th of all sets, in turn) to one "
            f"`{' '.join(['lede-server', '--threads=' + str(s['threads']), *s.get('server_args', [])])}`, "
            f"from {s['unary_clients']} Parse clients and {s['stream_clients']} ParseStream clients (batches of "
            f"{s['batch']}), in {s['seconds']:.0f} s; {s['failed']} failed. "
            + ("RSS is sampled at rest: every "
               f"{s['sample_every']:,} calls the clients pause until every call sent is answered, so a "
               "sample is what the server keeps, not the pages in flight. "
               if s.get("sampled") == "at rest" else "")
            + f"RSS after the warm-up "
            f"({s['warmup_calls']:,} calls): {s['rss_at_warmup_kib'] / 1024:.0f} MiB; at most "
            f"{s['rss_max_after_kib'] / 1024:.0f} MiB after it (**{100 * s['growth']:+.1f} %**, budget +10 %); "
            f"{s['rss_last_kib'] / 1024:.0f} MiB at the end."
            + (f" Sampled under load half-way between, RSS was at most {s['rss_max_busy_kib'] / 1024:.0f} MiB "
               "after the warm-up." if s.get("rss_max_busy_kib") else "")
            + (f" The run stopped at its time limit (`--seconds {s['seconds_limit']:.0f}`), after "
               f"{s['calls']:,} of the {s['calls_asked']:,} calls asked." if s.get("seconds_limit")
               and s["calls"] < s.get("calls_asked", 0) else "")
            + (" **This run is shorter than the issue's 100 000 calls.**" if s["calls"] < 100_000 else "")
            + _soak_halves(s)
            + "\n\n| calls | RSS MiB |\n|---:|---:|\n")
        step = max(1, len(s["curve"]) // 20)
        shown = s["curve"][::step]
        if shown[-1] != s["curve"][-1]:
            shown.append(s["curve"][-1])
        for done, rss in shown:
            parts.append(f"| {done:,} | {rss / 1024:.0f} |\n")
    else:
        parts.append(_previous("Soak"))
    sections.replace_section(BENCH / "RESULTS.md", "reliability", "".join(parts))
    print("wrote the reliability section of bench/RESULTS.md")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["adversarial", "overload", "soak", "write"])
    ap.add_argument("--build", type=Path, default=REPO / "build")
    ap.add_argument("--fuzz_build", default="build-fuzz")
    ap.add_argument("--every", type=int, default=5, help="every N-th bench page")
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=0,
                    help="soak: stop sending after this long (0: no limit), whatever --calls says")
    ap.add_argument("--warmup", type=int, default=10_000)
    ap.add_argument("--sample_every", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--unary", type=int, default=3)
    ap.add_argument("--streams", type=int, default=1)
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--server_arg", action="append", default=[],
                    help="a flag for the soak's lede-server, e.g. --server_arg=--malloc_mmap_threshold=0")
    args = ap.parse_args()
    args.build = args.build.resolve()
    {"adversarial": adversarial, "overload": overload, "soak": soak, "write": write}[args.step](args)


if __name__ == "__main__":
    main()
