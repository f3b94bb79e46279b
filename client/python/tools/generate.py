"""Regenerates lede/v1/*_pb2*.py(i) from proto/lede/v1/lede.proto.

Usage: python tools/generate.py [OUT_DIR]   (default: the package itself)
The generated modules are committed so `pip install` needs no protoc; the
test suite regenerates into a temporary directory and compares.
"""
import pathlib
import sys

import grpc_tools
from grpc_tools import protoc

HERE = pathlib.Path(__file__).resolve().parent.parent
PROTO_ROOT = HERE.parent.parent / "proto"


def generate(out_dir: pathlib.Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    args = [
        "protoc",
        f"-I{PROTO_ROOT}",
        # google/protobuf/*.proto ship inside grpcio-tools.
        f"-I{pathlib.Path(grpc_tools.__file__).parent / '_proto'}",
        f"--python_out={out_dir}",
        f"--pyi_out={out_dir}",
        f"--grpc_python_out={out_dir}",
        str(PROTO_ROOT / "lede" / "v1" / "lede.proto"),
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")


if __name__ == "__main__":
    generate(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
