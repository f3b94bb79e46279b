"""Client.parse_many over ParseStream."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator

import grpc
import pytest
from lede_server import LedeServer
from pages import SMALL_INPUT_LIMIT, article_page

import lede
from lede.parse_requests import ParseItem

STREAM_SIZE = 1000


def test_a_thousand_documents_all_come_back_tagged_by_id(client: lede.Client) -> None:
    items = (
        {"content": article_page(f"Story number {n}", 3), "id": f"doc-{n}"}
        for n in range(STREAM_SIZE)
    )

    titles = {response.id: response.article.title for response in client.parse_many(items)}

    assert len(titles) == STREAM_SIZE
    assert titles == {f"doc-{n}": f"Story number {n}" for n in range(STREAM_SIZE)}


def test_every_kind_of_item_is_accepted(client: lede.Client) -> None:
    request = lede.ParseRequest(content=article_page("As a request").encode(), id="req")
    items: list[ParseItem] = [
        article_page("As bytes").encode(),
        article_page("As text"),
        (article_page("With a url"), "https://example.com/with-url"),
        {"content": article_page("As a dict"), "id": "dict", "url": "https://example.com/dict"},
        request,
    ]

    by_id = {response.id: response.article for response in client.parse_many(items)}

    # Items without an id are tagged with their position.
    assert {key: article.title for key, article in by_id.items()} == {
        "0": "As bytes",
        "1": "As text",
        "2": "With a url",
        "dict": "As a dict",
        "req": "As a request",
    }
    assert by_id["2"].url == "https://example.com/with-url"
    assert by_id["dict"].url == "https://example.com/dict"


def test_options_apply_to_items_without_their_own(client: lede.Client) -> None:
    items = [
        article_page("Default options"),
        {"content": article_page("Own options"), "formats": ["html"]},
    ]

    by_id = {response.id: response.article for response in client.parse_many(items, formats="text")}

    assert by_id["0"].text and not by_id["0"].html
    assert by_id["1"].html and not by_id["1"].text


def test_a_failing_document_does_not_stop_the_stream(small_server: LedeServer) -> None:
    items = [
        article_page("Fine before", 1),
        b"",
        b"<p>" + b"x" * SMALL_INPUT_LIMIT + b"</p>",
        article_page("Fine after", 1),
    ]

    with lede.Client(small_server.address) as client:
        by_id = {response.id: response for response in client.parse_many(items)}

    assert by_id["0"].article.title == "Fine before"
    assert by_id["3"].article.title == "Fine after"
    assert lede.error_from_response(by_id["0"]) is None
    assert isinstance(lede.error_from_response(by_id["1"]), lede.InvalidDocument)
    too_large = lede.error_from_response(by_id["2"])
    assert isinstance(too_large, lede.TooLarge)
    assert too_large.code == grpc.StatusCode.RESOURCE_EXHAUSTED


def test_answers_arrive_while_items_are_still_being_produced(client: lede.Client) -> None:
    first_answer = threading.Event()

    def items() -> Iterator[str]:
        yield article_page("First")
        # A client that waited for the whole input would never get here.
        assert first_answer.wait(timeout=20), "no answer before the input ended"
        yield article_page("Second")

    titles = []
    for response in client.parse_many(items()):
        titles.append(response.article.title)
        first_answer.set()

    assert titles == ["First", "Second"]


def test_a_bad_item_raises_after_the_answers_before_it(client: lede.Client) -> None:
    items: list[object] = [article_page("Good one"), 3.14, article_page("Never sent")]
    titles = []

    with pytest.raises(TypeError, match="item 1"):
        for response in client.parse_many(items):  # type: ignore[arg-type]
            titles.append(response.article.title)

    assert titles == ["Good one"]


def test_an_exception_from_the_callers_iterable_is_raised(client: lede.Client) -> None:
    def items() -> Iterator[str]:
        yield article_page("Before the crash")
        raise RuntimeError("feed broke")

    with pytest.raises(RuntimeError, match="feed broke"):
        list(client.parse_many(items()))


def test_stopping_early_leaves_the_client_usable(client: lede.Client) -> None:
    endless = (article_page(f"Endless {n}", 1) for n in itertools.count())

    first_three = list(itertools.islice(client.parse_many(endless), 3))

    assert len(first_three) == 3
    assert client.parse(article_page("Still working")).title == "Still working"


def test_an_empty_input_gives_no_answers(client: lede.Client) -> None:
    assert list(client.parse_many([])) == []


def test_a_dead_address_makes_the_stream_unavailable(dead_address: str) -> None:
    with lede.Client(dead_address, retries=1) as client:
        with pytest.raises(lede.Unavailable):
            list(client.parse_many([article_page("Nobody listens")]))
