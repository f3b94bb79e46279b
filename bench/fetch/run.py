#!/usr/bin/env python3
"""Fetch overhead: Parse{url} against Parse{content} for the same pages, on loopback.

  make bench-fetch        # = build/venv-python/bin/python bench/fetch/run.py --write

Every page of the eval sets and the seeds is served by nginx on 127.0.0.2 (a
free port; nginx's static files cost next to nothing, so what is measured is
lede's fetch, not the origin). One lede-server, allowed to fetch from there
and nowhere else, gets each page twice, interleaved, --repeat times, the
fastest of each kept: once as bytes (what a caller that fetched the page
itself sends, with the same url and Content-Type) and once as a url with no
content. Per page: the ratio url/bytes, the difference in ms, and whether
both gave the same Article. Then ParseStream over every page, each way in
turn, --stream_passes times: documents per second, the fastest pass of each
(the machine is shared, and one pass's ratio swings with its neighbours').
--write replaces the `fetch` section of bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "client" / "python" / "tests"))

import lede  # noqa: E402
from lede_server import LedeServer, free_port  # noqa: E402  (the tests' launcher)
from report import sections  # noqa: E402
from report.machine import describe  # noqa: E402
from sets import registry  # noqa: E402

ORIGIN_HOST = "127.0.0.2"
CONTENT_TYPE = "text/html"  # what nginx serves every page as, and what the bytes carry

NGINX_CONF = """daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  default_type {content_type};
  client_body_temp_path {prefix}/body;
  proxy_temp_path {prefix}/proxy;
  fastcgi_temp_path {prefix}/fastcgi;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  server {{
    listen {host}:{port};
    root {prefix}/pages;
    location / {{ types {{ }} }}
  }}
}}
"""


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="all", help=f"comma list or 'all' ({', '.join(registry.SETS)})")
    ap.add_argument("--repeat", type=int, default=3, help="calls of each kind per page; the fastest counts")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    ap.add_argument("--stream_passes", type=int, default=3,
                    help="ParseStream passes each way, alternated; the fastest counts")
    ap.add_argument("--write", action="store_true", help="write the fetch section of bench/RESULTS.md")
    ap.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    return ap.parse_args()


class Origin:
    """nginx serving the pages' bytes as static files on 127.0.0.2."""

    def __init__(self, pages: list[tuple[str, bytes]]) -> None:
        self.pages = pages
        self.port = 0
        self._dir = Path(tempfile.mkdtemp(prefix="lede-bench-fetch-"))
        self._process: subprocess.Popen[bytes] | None = None

    def url(self, path: str) -> str:
        return f"http://{ORIGIN_HOST}:{self.port}{path}"

    def __enter__(self) -> "Origin":
        self._dir.chmod(0o755)  # nginx's workers run as nobody
        for path, content in self.pages:
            file = self._dir / "pages" / path.lstrip("/")
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(content)
        for folder in self._dir.rglob("*"):
            folder.chmod(0o755 if folder.is_dir() else 0o644)
        self.port = free_port()
        conf = self._dir / "nginx.conf"
        conf.write_text(NGINX_CONF.format(prefix=self._dir, host=ORIGIN_HOST, port=self.port,
                                          content_type=CONTENT_TYPE))
        self._process = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(self._dir)])
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection((ORIGIN_HOST, self.port), timeout=1).close()
                return self
            except OSError:
                if self._process.poll() is not None:
                    break
                time.sleep(0.05)
        self.__exit__()
        raise SystemExit(f"nginx did not start; see {self._dir}/error.log")

    def __exit__(self, *exc_info: object) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=30)
        shutil.rmtree(self._dir, ignore_errors=True)


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    try:
        result = call()
    except lede.LedeError as error:
        result = error
    return (time.perf_counter() - start) * 1000, result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(client: lede.Client, origin: Origin, repeat: int) -> list[dict]:
    rows = []
    for index, (path, content) in enumerate(origin.pages):
        url = origin.url(path)
        best_bytes = best_url = float("inf")
        sent = fetched = None
        for _ in range(repeat):
            ms, sent = timed(lambda: client.parse_response(content, url=url, content_type=CONTENT_TYPE))
            best_bytes = min(best_bytes, ms)
            ms, fetched = timed(lambda: client.parse_url_response(url))
            best_url = min(best_url, ms)
        ok = isinstance(sent, lede.ParseResponse) and isinstance(fetched, lede.ParseResponse)
        rows.append({
            "path": path, "bytes": len(content), "ok": ok,
            "bytes_ms": best_bytes, "url_ms": best_url,
            "same": ok and fetched.article == sent.article,
            "error": None if ok else str(fetched if not isinstance(fetched, lede.ParseResponse) else sent),
        })
        if (index + 1) % 250 == 0:
            print(f"  {index + 1}/{len(origin.pages)} pages", file=sys.stderr, flush=True)
    return rows


def stream_rate(client: lede.Client, origin: Origin, by_url: bool) -> tuple[float, int]:
    items = ([{"url": origin.url(path)} for path, _ in origin.pages] if by_url else
             [{"content": content, "url": origin.url(path), "content_type": CONTENT_TYPE}
              for path, content in origin.pages])
    start = time.perf_counter()
    failed = sum(1 for response in client.parse_many(items) if response.HasField("error"))
    return len(items) / (time.perf_counter() - start), failed


def report(rows: list[dict], streams: dict[str, list[tuple[float, int]]], args: argparse.Namespace,
           server_flags: list[str]) -> str:
    ok = [r for r in rows if r["ok"]]
    ratios = [r["url_ms"] / r["bytes_ms"] for r in ok]
    deltas = [r["url_ms"] - r["bytes_ms"] for r in ok]
    same = sum(1 for r in ok if r["same"])
    machine = describe()
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    byte_rate, byte_failed = max(streams["bytes"])
    url_rate, url_failed = max(streams["url"])
    pass_ratios = ", ".join(f"{u[0] / b[0]:.2f}" for b, u in zip(streams["bytes"], streams["url"]))
    lines = [
        "## Fetch overhead (loopback)",
        "",
        f"Written by `make bench-fetch` (`bench/fetch/run.py --repeat {args.repeat}`) at {commit}, "
        f"{dt.date.today().isoformat()}, on {machine['nproc']} cores ({machine['cpu']}), "
        f"load {machine['loadavg']}.",
        "",
        f"Every page of the eval sets and the seeds ({len(rows)} pages) served by nginx on "
        f"{ORIGIN_HOST}; one `lede-server {' '.join(server_flags)}`; the Python client. Per page, "
        f"interleaved, the fastest of {args.repeat} calls each way: `Parse` with the bytes "
        f"(and the same url and Content-Type) against `Parse` with the url alone, which the "
        "server fetches (libcurl, the address rules, one more queue hop) before it parses.",
        "",
        "| measure | median | p10 | p90 |",
        "|---|---:|---:|---:|",
        f"| Parse{{content}}, ms | {statistics.median(r['bytes_ms'] for r in ok):.2f} | "
        f"{percentile([r['bytes_ms'] for r in ok], 0.1):.2f} | {percentile([r['bytes_ms'] for r in ok], 0.9):.2f} |",
        f"| Parse{{url}}, ms | {statistics.median(r['url_ms'] for r in ok):.2f} | "
        f"{percentile([r['url_ms'] for r in ok], 0.1):.2f} | {percentile([r['url_ms'] for r in ok], 0.9):.2f} |",
        f"| ratio url / content, per page | {statistics.median(ratios):.3f} | "
        f"{percentile(ratios, 0.1):.3f} | {percentile(ratios, 0.9):.3f} |",
        f"| difference url - content, ms | {statistics.median(deltas):.2f} | "
        f"{percentile(deltas, 0.1):.2f} | {percentile(deltas, 0.9):.2f} |",
        "",
        f"Same Article both ways on {same} of {len(ok)} pages; {len(rows) - len(ok)} pages failed "
        "one way or the other.",
        "",
        f"ParseStream over all {len(rows)} pages, {args.stream_passes} passes each way in turn, "
        f"the fastest of each: {byte_rate:.1f} documents/s with the bytes ({byte_failed} failed), "
        f"{url_rate:.1f} documents/s by url ({url_failed} failed): ratio {url_rate / byte_rate:.3f} "
        f"(pass by pass: {pass_ratios}).",
    ]
    failures = [r for r in rows if not r["ok"]][:5]
    if failures:
        lines += ["", "First failures:", ""] + [f"- `{r['path']}`: {r['error']}" for r in failures]
    return "\n".join(lines) + "\n"


def main() -> None:
    args = parse_args()
    names = list(registry.SETS) if args.sets == "all" else args.sets.split(",")
    pages: list[tuple[str, bytes]] = []
    for name in names:
        for number, page in enumerate(registry.load(name)):
            pages.append((f"/{name}/{number}.html", page.read_bytes()))
    if args.limit:
        pages = pages[: args.limit]
    with Origin(pages) as origin:
        # A pass of ParseStream lasts a minute or more: past --max_connection_age
        # (5 min) and its grace, the server would end it mid-stream.
        flags = ["--fetch_allow_cidrs=127.0.0.2/32", f"--fetch_allow_ports={origin.port}",
                 "--max_connection_age=1h"]
        print(f"{len(pages)} pages on {origin.url('/')}", file=sys.stderr, flush=True)
        with LedeServer(*flags) as server, lede.Client(server.address, timeout=60) as client:
            rows = measure(client, origin, args.repeat)
            streams: dict[str, list[tuple[float, int]]] = {"bytes": [], "url": []}
            for _ in range(args.stream_passes):
                streams["bytes"].append(stream_rate(client, origin, by_url=False))
                streams["url"].append(stream_rate(client, origin, by_url=True))
    shown_flags = ["--threads 2", "--fetch_allow_cidrs=127.0.0.2/32", "--fetch_allow_ports=PORT",
                   "--max_connection_age=1h"]
    section = report(rows, streams, args, shown_flags)
    print(section)
    if args.write:
        sections.replace_section(args.results, "fetch", section)
        print(f"wrote the fetch section of {args.results}", file=sys.stderr)


if __name__ == "__main__":
    main()
