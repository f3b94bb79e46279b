"""The examples in client/python/examples run and print what they promise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from lede_server import LedeServer
from pages import article_page

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_example(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_parse_file_prints_title_byline_and_text(server: LedeServer, tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(article_page("Example bridge story"), encoding="utf-8")

    result = run_example("parse_file.py", str(page), "--server", server.address)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Example bridge story"
    assert lines[1] == "By Jane Doe"
    assert "voted to repair the old bridge" in result.stdout


def test_parse_file_json_is_a_parse_response(server: LedeServer, seeds: list[Path]) -> None:
    result = run_example("parse_file.py", str(seeds[1]), "--server", server.address, "--json")

    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["id"] == str(seeds[1])
    assert answer["article"]["title"]


def test_parse_file_reports_an_empty_file(server: LedeServer, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")

    result = run_example("parse_file.py", str(empty), "--server", server.address)

    assert result.returncode == 1
    assert "INVALID_ARGUMENT: content is empty" in result.stderr


def test_parse_many_prints_every_file(server: LedeServer, tmp_path: Path) -> None:
    paths = []
    for n in range(5):
        path = tmp_path / f"page{n}.html"
        path.write_text(article_page(f"Streamed page {n}"), encoding="utf-8")
        paths.append(str(path))

    result = run_example("parse_many.py", *paths, "--server", server.address)

    assert result.returncode == 0, result.stderr
    rows = dict(line.split("\t") for line in result.stdout.splitlines())
    assert rows == {paths[n]: f"Streamed page {n}" for n in range(5)}


def test_async_parse_prints_language_and_title(server: LedeServer, seeds: list[Path]) -> None:
    result = run_example("async_parse.py", *map(str, seeds), "--server", server.address)

    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [row[0] for row in rows] == [str(seed) for seed in seeds]
    assert all(row[1] == "zh-Hans" and row[2] for row in rows)
