"""RESULTS.md sections: a writer replaces only its own."""
from __future__ import annotations

from pathlib import Path

from report import sections


def test_replaces_only_its_own_section(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("# r\n\n<!-- BEGIN language -->\nL1\n<!-- END language -->\n\n"
                       "<!-- BEGIN speed -->\nS1\n<!-- END speed -->\n", encoding="utf-8")
    sections.replace_section(results, "speed", "S2 $1 \\1\n")
    sections.replace_section(results, "accuracy", "A1")
    text = results.read_text(encoding="utf-8")
    assert "<!-- BEGIN language -->\nL1\n<!-- END language -->" in text
    assert "<!-- BEGIN speed -->\nS2 $1 \\1\n<!-- END speed -->" in text and "S1" not in text
    assert text.endswith("<!-- BEGIN accuracy -->\nA1\n<!-- END accuracy -->\n")
    sections.replace_section(results, "accuracy", "A2")
    assert results.read_text(encoding="utf-8").count("BEGIN accuracy") == 1


def test_creates_the_file(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    sections.replace_section(results, "decode", "D")
    assert results.read_text(encoding="utf-8").startswith("# lede benchmark results")
