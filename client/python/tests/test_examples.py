"""The examples run against the real server."""
import pathlib
import subprocess
import sys

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def test_parse_file_example(server, seeds):
    run = subprocess.run([sys.executable, str(EXAMPLES / "parse_file.py"),
                          server.address, str(seeds[1])],
                         capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[0] == "刚刚，海康威视回应_美严厉制裁威胁_"
