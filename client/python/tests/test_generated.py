"""The committed generated modules are what the proto generates today."""
import pathlib
import subprocess
import sys

PACKAGE = pathlib.Path(__file__).resolve().parents[1]


def test_generated_code_is_current(tmp_path):
    subprocess.run([sys.executable, str(PACKAGE / "tools" / "generate.py"),
                    str(tmp_path)], check=True)
    for name in ("lede_pb2.py", "lede_pb2.pyi", "lede_pb2_grpc.py"):
        fresh = (tmp_path / "lede" / "v1" / name).read_text()
        committed = (PACKAGE / "lede" / "v1" / name).read_text()
        assert fresh == committed, "%s is stale: run tools/generate.py" % name
