"""Metadata matchers: title exact, author any-of, date same day."""
from __future__ import annotations

from score import authors, dates, text_fields
from score import metadata as meta


def test_title_exact_after_nfc_and_whitespace() -> None:
    assert text_fields.exact("Caf\u00e9  au\nlait", " Cafe\u0301 au lait ")
    assert not text_fields.exact("Title", "title")
    assert not text_fields.exact("Title", "Title - Site")
    assert not text_fields.exact(None, "")


def test_author_any_of() -> None:
    assert authors.any_of("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen", "donna enzmann")
    assert authors.any_of("Dylan Bailey, MS, RD, FAND", ["Dylan Bailey"])
    assert authors.any_of("Maria & Katerina", "Maria & Katerina")
    assert authors.any_of("Benjamin Fischer und Marcus Theurer", "Marcus Theurer")
    assert authors.any_of("Andrew King", "By Andrew King")
    assert not authors.any_of("Andrew King", "Andrew")
    assert not authors.any_of("Andrew King", None)


def test_author_cjk() -> None:
    assert authors.any_of("王建宏 张文攀", ["张文攀"])
    assert authors.any_of("茉莉", "作者：茉莉")
    assert authors.any_of("苏亮", "记者 苏亮")
    assert authors.any_of("文涛", "文涛")  # 文 without a separator is part of the name
    assert not authors.any_of("文涛", "涛")


def test_dates() -> None:
    assert dates.same_day("2022-05-04", "2022-05-04T23:12:35Z")
    assert dates.same_day("2005-5-7 21:23:57", "2005-05-07")
    assert dates.same_day("2024-05-28", "2024年5月28日 10:20")
    assert dates.same_day("2019-08-02", "Fri, 02 Aug 2019 10:00:00 +0000")
    assert dates.same_day("2018", "2018-11-02")  # year-only truth: any day of it
    assert dates.same_day("1998-3", "1998-03-30")
    assert not dates.same_day("1998-3", "1998-04-01")
    assert not dates.same_day("2022-05-04", "2022-05-05T01:00:00+08:00")  # as written, no shift
    assert dates.same_day("20231005", "2023-10-05")
    assert not dates.same_day("2023-10-05", None)
    assert dates.parse_day("not a date") is None


def test_field_coverage_accuracy_and_spurious() -> None:
    r = meta.score_field("title", [("A", "A"), ("B", "C"), ("D", None), (None, "X"), (None, None)])
    assert (r.truth_pages, r.covered, r.correct) == (3, 2, 1)
    assert (r.null_pages, r.spurious) == (2, 1)
    assert meta.present(["", "x"]) and not meta.present([]) and not meta.present("  ")
