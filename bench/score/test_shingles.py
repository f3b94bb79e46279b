"""ScrapingHub 4-gram scoring on tiny hand-made texts."""
from __future__ import annotations

import pytest

from score import shingles
from score import tokens as tok


def test_identical_text_is_perfect() -> None:
    c = shingles.page_counts("one two three four five", "one two three four five")
    assert (c.tp, c.fp, c.fn) == (1.0, 0.0, 0.0)
    assert shingles.precision(c) == shingles.recall(c) == 1.0


def test_counts_are_normalised_per_page() -> None:
    # truth: 2 shingles (a b c d, b c d e); prediction adds one: 3 shingles.
    c = shingles.page_counts("a b c d e", "a b c d e f")
    assert c.tp == pytest.approx(2 / 3)
    assert c.fp == pytest.approx(1 / 3)
    assert c.fn == 0.0
    assert shingles.precision(c) == pytest.approx(2 / 3)
    assert shingles.recall(c) == 1.0


def test_multiset_counts_repeated_shingles() -> None:
    # The prediction repeats the text: the second copy is all false positives.
    c = shingles.page_counts("w x y z", "w x y z w x y z")
    assert shingles.recall(c) == 1.0
    assert shingles.precision(c) == pytest.approx(1 / 5)  # 1 of 5 predicted shingles


def test_short_text_makes_one_shorter_shingle() -> None:
    assert shingles.shingles(["a", "b"]) == {("a", "b"): 1}
    assert shingles.shingles([]) == {}


def test_tokens_are_case_sensitive_word_runs() -> None:
    c = shingles.page_counts("Hello, world! It is fine.", "hello world it is fine")
    assert c.tp == 0.0


def test_empty_prediction_counts_for_recall_not_precision() -> None:
    pages = [shingles.page_counts("a b c d", ""), shingles.page_counts("a b c d", "a b c d")]
    agg = shingles.aggregate(pages)
    assert agg["precision"] == 1.0  # the empty page has tp+fp == 0: left out
    assert agg["recall"] == 0.5
    assert agg["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_f1_comes_from_the_averages() -> None:
    pages = [shingles.page_counts("a b c d", "a b c d x"),  # P 1/2, R 1
             shingles.page_counts("a b c d e f g", "a b c d")]  # P 1, R 1/4
    agg = shingles.aggregate(pages)
    assert agg["precision"] == pytest.approx(0.75)
    assert agg["recall"] == pytest.approx(0.625)
    assert agg["f1"] == pytest.approx(2 * 0.75 * 0.625 / 1.375)


def test_cjk_variant_tokenises_each_character() -> None:
    assert tok.words("中国企业 abc") == ["中国企业", "abc"]
    assert tok.cjk_tokens("中国企业 abc1 かなカナ한국") == ["中", "国", "企", "业", "abc1",
                                                      "か", "な", "カ", "ナ", "한", "국"]
    c = shingles.page_counts("海康威视是全球", "海康威视是", tok.cjk_tokens)
    assert shingles.precision(c) == 1.0
    assert shingles.recall(c) == pytest.approx(2 / 4)
