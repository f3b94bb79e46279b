"""trafilatura's snippet method on tiny hand-made texts."""
from __future__ import annotations

import pytest

from score import snippets


def test_confusion_counts() -> None:
    c = snippets.page_confusion("Main text here.\nSecond   line.",
                                ["Main text", "Second line.", "missing bit"],
                                ["Impressum", "here."])
    assert c == snippets.Confusion(tp=2, fn=1, fp=1, tn=1)


def test_metrics_pool_counts() -> None:
    total = snippets.Confusion(2, 1, 1, 1) + snippets.Confusion(1, 0, 0, 3)
    m = snippets.metrics(total)
    assert m["precision"] == pytest.approx(3 / 4)
    assert m["recall"] == pytest.approx(3 / 4)
    assert m["f1"] == pytest.approx(3 / 4)
    assert m["accuracy"] == pytest.approx(7 / 9)


def test_empty_text_finds_nothing_and_empty_snippets_are_skipped() -> None:
    c = snippets.page_confusion("", ["a"], ["b", ""])
    assert c == snippets.Confusion(tp=0, fn=1, fp=0, tn=1)


def test_nfc_folding() -> None:
    decomposed = "Cafe\u0301"
    assert snippets.page_confusion("Café au lait", [decomposed], []).tp == 1
