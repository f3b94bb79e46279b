"""Fixtures: real lede-servers (default limits, and a small input limit) and clients."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lede_server import LedeServer, cli_binary, free_port
from pages import SEEDS, SMALL_INPUT_LIMIT

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


@pytest.fixture(scope="session")
def cli() -> Path:
    path = cli_binary()
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make build` or set LEDE_CLI")
    return path


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    assert len(SEEDS) == 3, f"expected the three seed documents, found {SEEDS}"
    return SEEDS
