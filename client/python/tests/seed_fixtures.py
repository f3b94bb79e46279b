"""Fixtures every Python suite against a real server uses (this one and tests/http):
the lede CLI and the seed documents. A conftest imports them to offer them."""

from __future__ import annotations

from pathlib import Path

import pytest
from lede_server import existing_cli
from pages import seed_documents


@pytest.fixture(scope="session")
def cli() -> Path:
    return existing_cli()


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    return seed_documents()
