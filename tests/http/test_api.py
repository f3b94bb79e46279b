"""POST /v1/parse and /v1/detect-language answer what the CLI prints, byte for byte."""

from __future__ import annotations

import base64
import json
import signal
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from conftest import Reply, request
from lede_server import LedeServer

JSON_TYPE = "application/json; charset=utf-8"


def run(*args: str | Path, check: bool = True) -> bytes:
    result = subprocess.run([str(a) for a in args], capture_output=True, timeout=60)
    if check:
        assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result.stdout


def large_page(paragraphs: int = 40000) -> bytes:
    """A page of `paragraphs` paragraphs: about 0.8 s of parsing on one core."""
    paragraph = (
        "<p>Paragraph {} of the article, with enough words to score, and a "
        '<a href="/x">link</a> or two.</p>'
    )
    body = "".join(paragraph.format(i) for i in range(paragraphs))
    return f"<html><body><article>{body}</article></body></html>".encode()


@pytest.mark.parametrize("seed_index", [0, 1, 2])
def test_curl_prints_what_lede_parse_prints(
    seed_index: int, seeds: list[Path], cli: Path, base: str
) -> None:
    seed = seeds[seed_index]
    # The CLI names each answer after the path it read; ?id= does the same.
    query = urllib.parse.urlencode({"id": str(seed)})
    through_http = run(
        "curl", "-sS", "--data-binary", f"@{seed}", "-H", "Content-Type: text/html",
        f"{base}/v1/parse?{query}",
    )
    in_process = run(cli, "parse", seed)
    assert through_http == in_process
    # Without an id the answer is the same but for it.
    anonymous = run(
        "curl", "-sS", "--data-binary", f"@{seed}", "-H", "Content-Type: text/html",
        f"{base}/v1/parse",
    )
    expected = json.loads(in_process)
    del expected["id"]
    assert json.loads(anonymous) == expected


def test_pretty_and_json_body_match_the_cli(seeds: list[Path], cli: Path, base: str) -> None:
    seed = seeds[1]
    query = urllib.parse.urlencode({"id": str(seed), "pretty": "true"})
    reply = request(f"{base}/v1/parse?{query}", seed.read_bytes(), {"Content-Type": "text/html"})
    assert reply.status == 200
    assert reply.headers["Content-Type"] == JSON_TYPE
    assert reply.body == run(cli, "parse", "--pretty", seed)

    # A ParseRequest in proto3 JSON, as `lede parse --requests` reads it.
    line = json.dumps(
        {
            "id": "from-json",
            "url": "https://www.example.com/news/a",
            "content": base64.b64encode(seed.read_bytes()).decode(),
            "options": {"formats": ["FORMAT_TEXT"]},
        }
    )
    reply = request(f"{base}/v1/parse", line.encode(), {"Content-Type": "application/json"})
    cli_answer = subprocess.run(
        [str(cli), "parse", "--requests=-"], input=line.encode() + b"\n",
        capture_output=True, timeout=60, check=True,
    ).stdout
    assert reply.status == 200
    assert reply.body == cli_answer
    answer = json.loads(reply.body)
    assert "html" not in answer["article"] and answer["article"]["text"]


def test_query_options_reach_the_engine(seeds: list[Path], base: str) -> None:
    query = urllib.parse.urlencode(
        {"formats": "markdown", "url": "https://news.example.org/x/1.html"}
    )
    reply = request(f"{base}/v1/parse?{query}", seeds[2].read_bytes())
    article = json.loads(reply.body)["article"]
    assert reply.status == 200
    assert article["markdown"] and "text" not in article and "html" not in article


def test_an_error_body_is_the_clis(tmp_path: Path, cli: Path, base: str) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    query = urllib.parse.urlencode({"id": str(empty)})
    reply = request(f"{base}/v1/parse?{query}", b"", {"Content-Type": "text/html"})
    assert reply.status == 400
    assert reply.body == run(cli, "parse", empty, check=False)
    assert json.loads(reply.body)["error"] == {
        "code": 3,
        "message": "content is empty: put the document's bytes in ParseRequest.content",
    }


def check_error(reply: Reply, status: int, code: int, words: str) -> None:
    assert reply.status == status, reply.body
    assert reply.headers["Content-Type"] == JSON_TYPE
    error = json.loads(reply.body)["error"]
    assert error["code"] == code
    assert words in error["message"]


def test_statuses(base: str) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    check_error(request(f"{base}/v1/parse", png), 400, 3, "PNG")
    check_error(request(f"{base}/v1/parse?formats=pdf", b"<p>x</p>"), 400, 3, "formats=pdf")
    check_error(request(f"{base}/v1/parse?urll=x", b"<p>x</p>"), 400, 3, "'urll'")
    check_error(
        request(f"{base}/v1/parse", b"{", {"Content-Type": "application/json"}), 400, 3,
        "not a ParseRequest",
    )
    check_error(request(f"{base}/v1/nothing"), 404, 5, "no such path")
    reply = request(f"{base}/v1/parse")
    check_error(reply, 405, 3, "POST")
    assert reply.headers["Allow"] == "POST"
    # The caller's deadline, as ?timeout=, is honoured inside the engine.
    check_error(request(f"{base}/v1/parse?timeout=5ms", large_page(20000)), 504, 4, "deadline")


def test_limits_are_413_and_a_full_queue_429(tmp_path: Path) -> None:
    with LedeServer("--threads", "1", "--max_queue", "1", "--max_input_bytes", "6000000") as busy:
        base = f"http://{busy.http_address}"
        # Refused from its Content-Length, before the body is read: curl
        # reads the answer while still sending (Python's urllib does not).
        oversize = tmp_path / "oversize.html"
        oversize.write_bytes(b"x" * 6_000_001)
        answer = run("curl", "-sS", "-w", "\n%{http_code}", "--data-binary", f"@{oversize}",
                     f"{base}/v1/parse")
        body, status = answer.rsplit(b"\n", 1)
        assert status == b"413"
        assert json.loads(body)["error"]["code"] == 8
        assert b"6000001 bytes, over the limit of 6000000 bytes" in body
        nested = b"<div>" * 2000
        check_error(request(f"{base}/v1/parse", nested), 413, 8, "--max_depth")

        # One worker and room for one waiting: of six large pages sent at once,
        # at most two are taken; the others are refused at once.
        page = large_page()
        start = threading.Barrier(6)
        replies: list[Reply] = []

        def send() -> None:
            start.wait()
            replies.append(request(f"{base}/v1/parse", page))

        threads = [threading.Thread(target=send) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        statuses = sorted(reply.status for reply in replies)
        assert len(statuses) == 6
        assert statuses.count(200) >= 1 and statuses.count(429) >= 4, statuses
        refused = next(reply for reply in replies if reply.status == 429)
        assert refused.headers["Retry-After"] == "1"
        check_error(refused, 429, 8, "--max_queue")


def test_detect_language_prints_what_lede_detect_prints(cli: Path, base: str) -> None:
    text = "Le conseil municipal a voté mardi la réparation du vieux pont avant l'hiver."
    reply = request(f"{base}/v1/detect-language", text.encode(), {"Content-Type": "text/plain"})
    assert reply.status == 200
    assert reply.body == run(cli, "detect", text)
    assert json.loads(reply.body)["language"] == "fr"
    as_json = request(
        f"{base}/v1/detect-language", json.dumps({"text": text}).encode(),
        {"Content-Type": "application/json"},
    )
    assert as_json.body == reply.body
    check_error(request(f"{base}/v1/detect-language", b"   "), 400, 3, "text is empty")


def test_health_and_readiness(base: str) -> None:
    assert request(f"{base}/healthz").body == b"ok\n"
    ready = request(f"{base}/readyz")
    assert (ready.status, ready.body) == (200, b"SERVING\n")


def test_readyz_follows_the_drain(tmp_path: Path) -> None:
    """After SIGTERM /readyz says NOT_SERVING while the call in flight finishes."""
    with LedeServer("--threads", "1", "--drain_timeout", "20s") as draining:
        base = f"http://{draining.http_address}"
        replies: list[Reply] = []
        sender = threading.Thread(
            target=lambda: replies.append(request(f"{base}/v1/parse", large_page()))
        )
        sender.start()
        deadline = time.monotonic() + 20
        while 'lede_workers_busy 1' not in request(f"{base}/metrics").body.decode():
            assert time.monotonic() < deadline, "the large page never started"
            time.sleep(0.01)
        draining.send_signal(signal.SIGTERM)
        seen = []
        while True:
            ready = request(f"{base}/readyz")
            seen.append(ready.status)
            if ready.status == 503:
                assert ready.body == b"NOT_SERVING\n"
                break
            assert time.monotonic() < deadline, f"/readyz never said 503: {seen}"
            time.sleep(0.01)
        sender.join(timeout=30)
        assert [reply.status for reply in replies] == [200]
        assert draining.wait(timeout=30) == 0


def test_json_log_has_one_object_per_call(server: LedeServer, seeds: list[Path], base: str) -> None:
    import grpc

    from lede.v1 import lede_pb2, lede_pb2_grpc

    trace_http = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    trace_grpc = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    request(f"{base}/v1/parse", seeds[0].read_bytes(), {"traceparent": trace_http})
    with grpc.insecure_channel(server.address) as channel:
        stub = lede_pb2_grpc.ArticleServiceStub(channel)
        stub.Parse(
            lede_pb2.ParseRequest(content=seeds[0].read_bytes()), timeout=30,
            metadata=[("traceparent", trace_grpc)],
        )
    request(f"{base}/v1/parse", b"", {"traceparent": "00-forged-trace-parent-01"})

    deadline = time.monotonic() + 10
    while True:
        lines = [json.loads(line) for line in server.log().splitlines() if line.strip()]
        calls = [line for line in lines if line.get("msg") == "call"]
        by_trace = {line.get("traceparent"): line for line in calls}
        if trace_http in by_trace and trace_grpc in by_trace and len(calls) >= 3:
            break
        assert time.monotonic() < deadline, lines
        time.sleep(0.05)
    http_line, grpc_line = by_trace[trace_http], by_trace[trace_grpc]
    for line in (http_line, grpc_line):
        assert line["method"] == "Parse" and line["status"] == "OK" and line["level"] == "info"
        assert line["peer"].startswith("ipv4:127.0.0.1:")
        assert line["bytes"] == seeds[0].stat().st_size
        assert line["ms"] > 0 and line["time"].endswith("Z")
    assert (http_line["transport"], http_line["http_status"]) == ("http", 200)
    assert grpc_line["transport"] == "grpc" and "http_status" not in grpc_line
    # A malformed traceparent is not written into the log.
    assert not any("forged" in json.dumps(line) for line in lines)
    assert sum(1 for line in calls if line["status"] == "INVALID_ARGUMENT") >= 1
    assert all(set(line) >= {"time", "level", "msg"} for line in lines)
