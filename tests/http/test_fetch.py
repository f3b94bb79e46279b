"""POST /v1/parse with a url and no body: the server fetches the page (from the
fixture HTTP server on 127.0.0.2, the only place it may), and answers as gRPC does."""

from __future__ import annotations

import json
import re
import subprocess
import urllib.parse
from pathlib import Path

import pytest
from conftest import request
from lede_server import FixtureServer, LedeServer


def without_milliseconds(answer: bytes) -> bytes:
    """The one figure that differs between two fetches of the same page."""
    return re.sub(rb'"milliseconds":"[0-9]+"', b'"milliseconds":""', answer)


def parse_url(server: LedeServer, url: str, **params: str) -> tuple[int, bytes]:
    query = urllib.parse.urlencode({"url": url, **params})
    reply = request(f"http://{server.http_address}/v1/parse?{query}", data=b"", method="POST")
    return reply.status, reply.body


def test_a_url_without_a_body_is_fetched_and_answered_as_the_cli_prints(
    fetching: LedeServer, fixtures: FixtureServer, cli: Path
) -> None:
    url = fixtures.url("/redirect/1/articles/story.html")
    status, body = parse_url(fetching, url, id=url)
    assert status == 200, body
    answer = json.loads(body)
    assert answer["fetch"]["finalUrl"] == fixtures.url("/articles/story.html")
    assert answer["fetch"]["redirects"] == 2
    assert answer["article"]["title"] == "Bridge reopens after repairs"
    through_grpc = subprocess.run(
        [str(cli), "parse", url, "--server", fetching.address],
        capture_output=True, timeout=60, check=True,
    ).stdout
    assert without_milliseconds(body) == without_milliseconds(through_grpc)


def test_a_json_request_with_a_url_is_fetched(
    fetching: LedeServer, fixtures: FixtureServer
) -> None:
    reply = request(
        f"http://{fetching.http_address}/v1/parse",
        data=json.dumps({"url": fixtures.url("/charset/ibm866")}).encode(),
        headers={"Content-Type": "application/json"},
    )
    assert reply.status == 200, reply.body
    answer = json.loads(reply.body)
    assert answer["charset"] == "IBM866"
    assert answer["article"]["title"] == "Мост открыт после ремонта"


def test_the_header_of_an_empty_body_does_not_hide_the_served_charset(
    fetching: LedeServer, fixtures: FixtureServer
) -> None:
    query = urllib.parse.urlencode({"url": fixtures.url("/charset/ibm866")})
    reply = request(
        f"http://{fetching.http_address}/v1/parse?{query}", data=b"",
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    assert reply.status == 200, reply.body
    assert json.loads(reply.body)["charset"] == "IBM866"


@pytest.mark.parametrize(
    ("path", "http_status", "code"),
    [
        ("/status/404", 404, 5),
        ("/pdf", 400, 3),
        ("/status/500", 400, 9),
        ("/bomb/gzip", 413, 8),
    ],
)
def test_fetch_errors_map_to_http_statuses(
    fetching: LedeServer, fixtures: FixtureServer, path: str, http_status: int, code: int
) -> None:
    status, body = parse_url(fetching, fixtures.url(path))
    assert status == http_status, body
    assert json.loads(body)["error"]["code"] == code


def test_refused_addresses_are_403(fetching: LedeServer, fixtures: FixtureServer) -> None:
    status, body = parse_url(fetching, f"http://127.0.0.1:{fixtures.port}/seed.html")
    assert status == 403, body
    assert "--fetch_allow_cidrs=127.0.0.1/32" in json.loads(body)["error"]["message"]


def test_a_slow_page_meets_the_timeout(fetching: LedeServer, fixtures: FixtureServer) -> None:
    status, body = parse_url(fetching, fixtures.url("/slow"), timeout="500ms")
    assert status == 504, body


def test_the_default_server_refuses_the_fixture_server(
    server: LedeServer, fixtures: FixtureServer
) -> None:
    status, body = parse_url(server, fixtures.url("/seed.html"))
    assert status == 403, body
