"""The committed lede/v1 modules are what the pinned generators make from proto/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
COMMITTED = PACKAGE_ROOT / "src" / "lede" / "v1"
GENERATED_NAMES = ["lede_pb2.py", "lede_pb2.pyi", "lede_pb2_grpc.py", "lede_pb2_grpc.pyi"]


def test_regenerating_from_proto_gives_the_committed_files(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(PACKAGE_ROOT / "tools" / "generate_protos.py"),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    stale = [
        name
        for name in GENERATED_NAMES
        if (tmp_path / "lede" / "v1" / name).read_bytes() != (COMMITTED / name).read_bytes()
    ]
    assert stale == [], f"{stale} differ from proto/: run `make python-generate` and commit"


def test_generated_modules_import_under_lede_v1() -> None:
    from lede.v1 import lede_pb2, lede_pb2_grpc

    assert lede_pb2.DESCRIPTOR.name == "lede/v1/lede.proto"
    assert lede_pb2.Article.DESCRIPTOR.full_name == "lede.v1.Article"
    assert hasattr(lede_pb2_grpc, "ArticleServiceStub")
