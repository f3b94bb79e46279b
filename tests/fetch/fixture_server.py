#!/usr/bin/python3
"""The test HTTP server that lede fetches from: pages, redirects, encodings, errors.

    /usr/bin/python3 tests/fetch/fixture_server.py [--host 127.0.0.2]

Listens on a free port of --host (127.0.0.2 by default, loopback), prints the
port on the first line of standard output, and serves until its standard
input closes (so it never outlives the test that started it: start it with a
pipe as stdin). Debian's python3, which has python3-brotli for `br`.

Paths:
  /seed.html, /seeds/NAME     a seed document of tests/fixtures/seeds
  /articles/story.html        an article with relative links and images
  /redirect/N/PATH            N redirects (relative Locations), then /PATH
  /redirect-to?url=URL        one redirect to URL
  /loop                       redirects to itself forever
  /gzip/PATH, /deflate/PATH, /br/PATH   PATH compressed with that coding
  /charset/LABEL              a page encoded in LABEL, said only in the header
  /slow                       starts a page, then a byte every 50 ms for 20 s
  /delay/MS/GROUP             the story after MS milliseconds
  /concurrency/GROUP          the most /delay requests of GROUP served at once
  /big/N                      an N-byte page with a Content-Length
  /big-unsized/N              the same without one (read until the close)
  /bomb/CODING                128 MiB of spaces compressed with gzip or br
  /status/CODE                that HTTP status
  /pdf, /image.png            a PDF, a PNG
  /empty                      200 with no body
  /headers                    the request's headers, as text
A request in absolute form (sent to a proxy) gets a page titled "proxied".
"""

from __future__ import annotations

import argparse
import functools
import gzip
import sys
import threading
import time
import urllib.parse
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SEED_PAGE = "002_0c0f1ca0c1dec935.txt"
BOMB_BYTES = 128 << 20

STORY = """<!doctype html>
<html lang="en"><head><title>Bridge reopens after repairs</title>
<meta name="author" content="Jane Doe"></head>
<body><article><h1>Bridge reopens after repairs</h1>
<p>The old bridge over the river reopened on Monday after two years of repairs,
the council said, and traffic is expected to return to normal within a week.</p>
<figure><img src="pics/bridge.jpg" alt="The bridge"><figcaption>The bridge at
dawn.</figcaption></figure>
<p>Engineers replaced the deck and strengthened the piers, which had been
weakened by floods. <a href="../news/floods.html">Read about the floods</a>.</p>
<p>Residents welcomed the news. Shops near the bridge had lost trade while it
was closed, and several had shortened their opening hours.</p>
</article></body></html>
"""

# Pages with no <meta charset>: only the header says what they are. IBM866 is
# one that charset detection does not know, so without the header the page
# reads as mojibake.
CHARSET_PAGES = {
    "ibm866": "<html><head><title>Мост открыт после ремонта</title></head><body><p>"
    + "Старый мост через реку открылся в понедельник после двух лет ремонта. " * 8
    + "</p></body></html>",
    "gbk": "<html><head><title>比利时情报部门监控物流平台</title></head><body><p>"
    + "据英国《金融时报》周四报道，比利时情报部门正在监控位于该国的物流平台。" * 8
    + "</p></body></html>",
}


def encode(coding: str, body: bytes) -> bytes:
    if coding == "gzip":
        return gzip.compress(body)
    if coding == "deflate":
        return zlib.compress(body)  # HTTP's deflate is the zlib format
    if coding == "br":
        return bytes(brotli.compress(body))
    raise KeyError(coding)


@functools.cache
def bomb(coding: str) -> bytes:
    """An HTML page of BOMB_BYTES, compressed: a few hundred KB (gzip) or bytes (br)."""
    chunk = b" " * (1 << 20)
    head = b"<html><body><p>"
    if coding == "gzip":
        gz = zlib.compressobj(6, zlib.DEFLATED, 31)
        parts = [gz.compress(head)] + [gz.compress(chunk) for _ in range(BOMB_BYTES >> 20)]
        return b"".join(parts) + gz.flush()
    if coding == "br":
        br = brotli.Compressor(quality=5)
        parts = [br.process(head)] + [br.process(chunk) for _ in range(BOMB_BYTES >> 20)]
        return b"".join(parts) + br.finish()
    raise KeyError(coding)


class Concurrency:
    """Counts /delay requests in flight per group, and the most seen at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now: dict[str, int] = {}
        self.most: dict[str, int] = {}

    def enter(self, group: str) -> None:
        with self.lock:
            self.now[group] = self.now.get(group, 0) + 1
            self.most[group] = max(self.most.get(group, 0), self.now[group])

    def leave(self, group: str) -> None:
        with self.lock:
            self.now[group] -= 1


CONCURRENCY = Concurrency()


class Handler(BaseHTTPRequestHandler):
    server_version = "lede-fixtures"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet: the tests say what failed

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None, length: bool = True) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send(status, b"", headers={"Location": location})

    def page(self, path: str) -> tuple[bytes, str] | None:
        """The body and type of an uncompressed resource, or None."""
        if path == "/seed.html":
            path = "/seeds/" + SEED_PAGE
        if path.startswith("/seeds/"):
            name = path.removeprefix("/seeds/")
            file = SEEDS / name
            if "/" in name or not file.is_file():
                return None
            return file.read_bytes(), "text/html; charset=utf-8"
        if path == "/articles/story.html":
            return STORY.encode(), "text/html; charset=utf-8"
        if path.startswith("/big/") or path.startswith("/big-unsized/"):
            size = int(path.rsplit("/", 1)[1])
            head = b"<html><body><p>"
            return head + b"x" * max(0, size - len(head)), "text/html"
        return None

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if not self.path.startswith("/"):  # absolute form: we were used as a proxy
            self.send(200, b"<html><head><title>proxied</title></head><body>proxied</body></html>")
            return
        url = urllib.parse.urlsplit(self.path)
        path, query = url.path, urllib.parse.parse_qs(url.query)
        parts = path.split("/")
        if path.startswith("/redirect/"):
            count, rest = int(parts[2]), "/".join(parts[3:])
            if count > 0:
                self.redirect(f"/redirect/{count - 1}/{rest}")
            else:
                self.redirect("/" + rest)
        elif path == "/redirect-to":
            self.redirect(query["url"][0])
        elif path == "/loop":
            self.redirect("/loop")
        elif parts[1] in ("gzip", "deflate", "br") and len(parts) > 2:
            found = self.page("/" + "/".join(parts[2:]))
            if found is None:
                self.send(404, b"no such page")
                return
            body, content_type = found
            self.send(200, encode(parts[1], body), content_type,
                      headers={"Content-Encoding": parts[1]})
        elif path.startswith("/charset/"):
            label = parts[2]
            self.send(200, CHARSET_PAGES[label].encode(label), f"text/html; charset={label}")
        elif path == "/slow":
            self.slow()
        elif path.startswith("/delay/"):
            # Counted while it waits, not while the answer goes out: the
            # fetcher may start its next fetch as soon as this answer arrives,
            # before a `leave` after send() would have run (a fetcher that
            # keeps to 3 at once was seen at 4).
            CONCURRENCY.enter(parts[3])
            try:
                time.sleep(int(parts[2]) / 1000)
            finally:
                CONCURRENCY.leave(parts[3])
            self.send(200, STORY.encode())
        elif path.startswith("/concurrency/"):
            most = CONCURRENCY.most.get(parts[2], 0)
            self.send(200, str(most).encode(), "text/plain")
        elif path.startswith("/bomb/"):
            self.send(200, bomb(parts[2]), "text/html", headers={"Content-Encoding": parts[2]})
        elif path.startswith("/status/"):
            self.send(int(parts[2]), f"<html><body>status {parts[2]}</body></html>".encode())
        elif path == "/pdf":
            self.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf")
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        elif path == "/empty":
            self.send(200, b"")
        elif path == "/headers":
            self.send(200, str(self.headers).encode(), "text/plain; charset=utf-8")
        else:
            found = self.page(path)
            if found is None:
                self.send(404, b"<html><body>no such page</body></html>")
            else:
                self.send(200, found[0], found[1], length=not path.startswith("/big-unsized/"))

    def slow(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"<html><body><p>")
        self.wfile.flush()
        try:
            for _ in range(400):  # 20 s at most, then the connection closes
                time.sleep(0.05)
                self.wfile.write(b"x")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher gave up, as it should


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]
        # A fetcher that stops reading (a limit, a deadline) is expected.


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.2")
    args = parser.parse_args()
    server = Server((args.host, 0), Handler)
    print(server.server_address[1], flush=True)

    def stop_when_stdin_closes() -> None:
        sys.stdin.buffer.read()
        server.shutdown()

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
