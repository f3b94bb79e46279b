#!/usr/bin/env python3
"""Regenerates the committed lede.v1 modules from proto/lede/v1/lede.proto.

The generated modules are committed (not built at install time) so that
`pip install ./client/python`, a wheel and an sdist all work without protoc
or the repository's proto/ folder, and so that the protobuf/grpcio versions
they need are the fixed floors declared in pyproject.toml. The generators are
pinned in pyproject.toml's `test` extra; this script refuses to run with any
other version, because a different generator writes different code.

    python tools/generate_protos.py            # rewrite src/lede/v1
    python tools/generate_protos.py --out DIR  # write DIR/lede/v1 instead
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import tomllib

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = PACKAGE_ROOT.parent.parent / "proto"
PROTO_FILE = "lede/v1/lede.proto"
GENERATED_NAMES = ("lede_pb2.py", "lede_pb2.pyi", "lede_pb2_grpc.py", "lede_pb2_grpc.pyi")
PINNED_GENERATORS = ("grpcio-tools", "mypy-protobuf")


def pinned_versions() -> dict[str, str]:
    """The exact generator versions the `test` extra of pyproject.toml pins."""
    with open(PACKAGE_ROOT / "pyproject.toml", "rb") as file:
        project = tomllib.load(file)["project"]
    pins: dict[str, str] = {}
    for requirement in project["optional-dependencies"]["test"]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^;\s]+)", requirement.strip())
        if match and match.group(1) in PINNED_GENERATORS:
            pins[match.group(1)] = match.group(2)
    missing = set(PINNED_GENERATORS) - pins.keys()
    if missing:
        raise SystemExit(f"pyproject.toml pins no exact version for {sorted(missing)}")
    return pins


def check_generator_versions() -> None:
    for name, wanted in pinned_versions().items():
        installed = metadata.version(name)
        if installed != wanted:
            raise SystemExit(
                f"{name} {installed} is installed but the committed code was made "
                f"with {wanted}: pip install '{name}=={wanted}'"
            )


def plugin(name: str) -> str:
    """A protoc plugin installed beside this interpreter (a venv's bin/)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: pip install mypy-protobuf")
    return found


def generate(out_root: Path) -> list[Path]:
    """Writes the generated modules under out_root/lede/v1 and returns them."""
    check_generator_versions()
    out_root.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "grpc_tools.protoc",
        f"--proto_path={PROTO_ROOT}",
        f"--plugin=protoc-gen-mypy={plugin('protoc-gen-mypy')}",
        f"--plugin=protoc-gen-mypy_grpc={plugin('protoc-gen-mypy_grpc')}",
        f"--python_out={out_root}",
        f"--mypy_out={out_root}",
        f"--grpc_python_out={out_root}",
        f"--mypy_grpc_out={out_root}",
        PROTO_FILE,
    ]
    # mypy-protobuf announces every file it writes; keep that off the terminal
    # unless protoc fails.
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"protoc failed:\n{result.stdout}{result.stderr}")
    return [out_root / "lede" / "v1" / name for name in GENERATED_NAMES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=PACKAGE_ROOT / "src",
        help="import root to write lede/v1/ under (default: src/)",
    )
    for path in generate(parser.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
