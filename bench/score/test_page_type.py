from score.page_type import normalise, score


def test_spellings_of_a_type_read_the_same() -> None:
    assert normalise("PAGE_TYPE_FORUM") == "forum"
    assert normalise("Forum") == "forum"
    assert normalise("collection") == "collection"
    assert normalise(None) == "none"
    assert normalise("") == "none"
    assert normalise("PAGE_TYPE_UNSPECIFIED") == "none"


def test_accuracy_and_confusion() -> None:
    s = score([("article", "PAGE_TYPE_ARTICLE"), ("article", "PAGE_TYPE_SERVICE"),
               ("forum", "forum"), ("listing", None), ("", "article")])
    assert s.pages == 4  # the page without truth is left out
    assert s.correct == 2
    assert s.accuracy == 0.5
    assert s.confusion[("article", "service")] == 1
    assert s.confusion[("listing", "none")] == 1
    assert sum(s.confusion.values()) == s.pages
    assert s.as_dict()["confusion"][0] == ["article", "article", 1]


def test_no_pages() -> None:
    assert score([]).accuracy == 0.0
