"""Fixtures of the suites that have a server fetch pages (this one and tests/http):
the fixture HTTP server on 127.0.0.2 and a lede-server allowed to reach it. A
conftest imports them to offer them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lede_server import FixtureServer, LedeServer


@pytest.fixture(scope="session")
def fixtures() -> Iterator[FixtureServer]:
    """The HTTP server lede fetches from in tests, on 127.0.0.2."""
    with FixtureServer() as running:
        yield running


@pytest.fixture(scope="session")
def fetching(fixtures: FixtureServer) -> Iterator[LedeServer]:
    """A server allowed to fetch from the fixture server, and from nowhere else private."""
    with LedeServer(
        "--fetch_allow_cidrs=127.0.0.2/32", f"--fetch_allow_ports={fixtures.port}"
    ) as running:
        yield running
