"""lede.to_json prints what `lede parse --format json` prints, byte for byte."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lede_server import LedeServer

import lede


def run_cli(cli: Path, *args: str) -> str:
    result = subprocess.run(
        [str(cli), *args], capture_output=True, text=True, timeout=60, check=True
    )
    lines = result.stdout.splitlines()
    assert len(lines) >= 1, f"no output from {args}: {result.stderr}"
    return result.stdout.rstrip("\n")


@pytest.mark.parametrize("seed_index", [0, 1, 2])
def test_seed_json_equals_the_cli(
    seed_index: int, seeds: list[Path], cli: Path, client: lede.Client, server: LedeServer
) -> None:
    seed = seeds[seed_index]
    # The CLI tags each answer with the path it was given.
    response = client.parse_response(seed.read_bytes(), id=str(seed))

    in_process = run_cli(cli, "parse", "--format", "json", str(seed))
    through_server = run_cli(
        cli, "parse", "--format", "json", "--server", server.address, str(seed)
    )
    pretty = run_cli(cli, "parse", "--format", "json", "--pretty", str(seed))

    assert lede.to_json(response) == in_process
    assert lede.to_json(response) == through_server
    assert lede.to_json(response, pretty=True) == pretty
    assert lede.to_dict(response) == json.loads(in_process)
    assert response.article.title  # the seeds all have one


def test_detect_language_json_equals_the_cli(cli: Path, client: lede.Client) -> None:
    text = "美国正准备对中国企业实施严厉制裁，拜登政府已在为这项制裁打基础。"

    assert lede.to_json(client.detect_language(text)) == run_cli(cli, "detect", text)


def test_json_uses_camel_case_and_leaves_defaults_out() -> None:
    response = lede.ParseResponse(id="x", charset="UTF-8")
    response.article.title = "T"
    response.article.reading_time_seconds = 12
    response.article.provenance["title"] = "meta"

    assert lede.to_json(response) == (
        '{"article":{"provenance":{"title":"meta"},"readingTimeSeconds":12,"title":"T"},'
        '"charset":"UTF-8","id":"x"}'
    )


def test_whole_floats_print_as_integers_like_the_cli() -> None:
    # The CLI reads protobuf's JSON back and prints confidence 1.0 as 1.
    response = lede.DetectLanguageResponse(language="en", confidence=1.0)

    assert lede.to_json(response) == '{"confidence":1,"language":"en"}'
    assert lede.to_json(lede.DetectLanguageResponse(confidence=0.25)) == '{"confidence":0.25}'


def test_non_ascii_is_written_as_is() -> None:
    article = lede.Article(title='海康威视 "quoted"\n')

    assert lede.to_json(article) == '{"title":"海康威视 \\"quoted\\"\\n"}'
