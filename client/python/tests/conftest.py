"""Fixtures: real lede-servers (default limits, a small input limit, one that may
fetch from the fixture HTTP server on 127.0.0.2) and clients."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fetch_fixtures import fetching as fetching  # noqa: F401  (offered to the tests)
from fetch_fixtures import fixtures as fixtures  # noqa: F401
from lede_server import LedeServer, free_port
from pages import SMALL_INPUT_LIMIT
from seed_fixtures import cli as cli  # noqa: F401  (offered to the tests)
from seed_fixtures import seeds as seeds  # noqa: F401

import lede


@pytest.fixture(scope="session")
def server() -> Iterator[LedeServer]:
    with LedeServer() as running:
        yield running


@pytest.fixture(scope="session")
def small_server() -> Iterator[LedeServer]:
    """A server that takes documents of at most SMALL_INPUT_LIMIT bytes."""
    with LedeServer("--max_input_bytes", str(SMALL_INPUT_LIMIT)) as running:
        yield running


@pytest.fixture
def client(server: LedeServer) -> Iterator[lede.Client]:
    with lede.Client(server.address) as connected:
        yield connected


@pytest.fixture
def dead_address() -> str:
    """An address where nothing listens."""
    return f"127.0.0.1:{free_port()}"
