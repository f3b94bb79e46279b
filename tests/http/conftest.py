"""Fixtures: a real lede-server with its HTTP door on a free loopback port.

The server harness is the Python client's (client/python/tests/lede_server.py):
one way to start a server in Python tests.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "client" / "python" / "tests"))

from fetch_fixtures import fetching as fetching  # noqa: E402,F401  (offered to the tests)
from fetch_fixtures import fixtures as fixtures  # noqa: E402,F401
from lede_server import LedeServer  # noqa: E402
from seed_fixtures import cli as cli  # noqa: E402,F401  (offered to the tests)
from seed_fixtures import seeds as seeds  # noqa: E402,F401

@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes


def request(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
    method: str | None = None,
) -> Reply:
    """One HTTP request to the server under test (loopback only); any status."""
    assert url.startswith("http://127.0.0.1:"), url
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as reply:
            return Reply(reply.status, dict(reply.headers), reply.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read())


@pytest.fixture(scope="session")
def server() -> Iterator[LedeServer]:
    """A server that logs every call as JSON, for the log tests."""
    with LedeServer("--access_log", "--log_format=json") as running:
        yield running


@pytest.fixture(scope="session")
def base(server: LedeServer) -> str:
    return f"http://{server.http_address}"

