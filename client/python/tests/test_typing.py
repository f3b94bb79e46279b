"""The package, its generated stubs and the examples type-check under mypy --strict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lede

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def test_the_package_ships_py_typed_and_stubs() -> None:
    installed = Path(lede.__file__).parent

    assert (installed / "py.typed").is_file()
    assert (installed / "v1" / "lede_pb2.pyi").is_file()
    assert (installed / "v1" / "lede_pb2_grpc.pyi").is_file()


def test_mypy_strict_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "src/lede", "examples"],
        cwd=PACKAGE_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
