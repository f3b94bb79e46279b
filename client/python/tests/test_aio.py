"""lede.aio.Client: the asyncio twin, against a real lede-server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest
from lede_server import LedeServer
from pages import article_page, big_page

import lede
import lede.aio


async def test_parse_detect_and_health(server: LedeServer) -> None:
    async with lede.aio.Client(server.address) as client:
        article = await client.parse(article_page("Async bridge story"))
        response = await client.parse_response(article_page("Async bridge story").encode(), id="a1")
        language = await client.detect_language("The council voted to repair the old bridge.")
        serving = await client.health()

    assert isinstance(article, lede.Article)
    assert article.title == "Async bridge story"
    assert list(article.authors) == ["Jane Doe"]
    assert response.id == "a1" and response.article == article
    assert language.language == "en"
    assert serving is True


async def test_parse_many_from_a_list_returns_every_id(server: LedeServer) -> None:
    items = [{"content": article_page(f"Async story {n}", 2), "id": f"a-{n}"} for n in range(200)]

    async with lede.aio.Client(server.address) as client:
        titles = {
            response.id: response.article.title async for response in client.parse_many(items)
        }

    assert titles == {f"a-{n}": f"Async story {n}" for n in range(200)}


async def test_parse_many_from_an_async_iterable(server: LedeServer) -> None:
    async def items() -> AsyncIterator[str]:
        for n in range(20):
            yield article_page(f"Produced {n}", 1)

    async with lede.aio.Client(server.address) as client:
        ids = sorted([response.id async for response in client.parse_many(items(), formats="text")])

    assert ids == sorted(str(n) for n in range(20))


async def test_a_bad_item_raises_after_the_answers_before_it(server: LedeServer) -> None:
    titles = []
    async with lede.aio.Client(server.address) as client:
        with pytest.raises(TypeError, match="item 1"):
            async for response in client.parse_many([article_page("Good"), object()]):  # type: ignore[list-item]
                titles.append(response.article.title)

    assert titles == ["Good"]


async def test_errors_map_like_the_sync_client(server: LedeServer, dead_address: str) -> None:
    async with lede.aio.Client(server.address) as client:
        with pytest.raises(lede.InvalidDocument, match="content is empty") as invalid:
            await client.parse(b"")
        with pytest.raises(lede.DeadlineExceeded):
            await client.parse(big_page(3), timeout=0.001)
        with pytest.raises(lede.LedeError) as unknown:
            await client.health("no.such.Service")
    async with lede.aio.Client(dead_address, retries=1) as dead:
        with pytest.raises(lede.Unavailable):
            await dead.parse(article_page("Nobody listens"))

    assert invalid.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert unknown.value.code == grpc.StatusCode.NOT_FOUND


async def test_too_large_over_a_small_limit(small_server: LedeServer) -> None:
    async with lede.aio.Client(small_server.address) as client:
        with pytest.raises(lede.TooLarge, match="--max_input_bytes"):
            await client.parse(big_page(0.01))
