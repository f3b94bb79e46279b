"""WCXB bag-of-words F1 on tiny hand-made texts."""
from __future__ import annotations

import pytest

from score import bow


def test_lowercase_bag_ignores_order_and_case() -> None:
    s = bow.page_score("The cat sat", "sat THE cat")
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_multiset_overlap() -> None:
    s = bow.page_score("a a b", "a c")
    assert s.precision == 0.5  # one of two predicted tokens is in the truth
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))


def test_empty_cases() -> None:
    assert bow.page_score("some text", "").f1 == 0.0
    assert bow.page_score("", "").f1 == 1.0
    assert bow.page_score("", "junk").f1 == 0.0


def test_f1_is_averaged_per_page() -> None:
    agg = bow.aggregate([bow.page_score("a b", "a b"), bow.page_score("a b", "")])
    assert agg["f1"] == 0.5
    assert agg["pages"] == 2


def test_cjk_variant() -> None:
    s = bow.page_score("中国企业", "中国", bow.lower_cjk_tokens)
    assert s.precision == 1.0 and s.recall == 0.5
    assert bow.page_score("中国企业", "中国", bow.lower_words).f1 == 0.0
