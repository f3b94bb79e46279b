"""parse_url: the server fetches the page, from the fixture server on 127.0.0.2 only."""

from __future__ import annotations

import grpc
import pytest
from lede_server import FixtureServer, LedeServer
from pages import SEEDS

import lede
import lede.aio

SEED = next(path for path in SEEDS if path.name.startswith("002_"))


def test_a_fetched_page_is_the_article_of_its_bytes(
    fetching: LedeServer, fixtures: FixtureServer
) -> None:
    url = fixtures.url("/seed.html")
    with lede.Client(fetching.address) as client:
        fetched = client.parse_url(url)
        sent = client.parse(SEED.read_bytes(), url=url)

    assert fetched == sent
    assert fetched.title == "英媒：比利时情报部门监控阿里巴巴在欧洲物流平台"


def test_the_response_says_what_was_fetched(
    fetching: LedeServer, fixtures: FixtureServer
) -> None:
    with lede.Client(fetching.address) as client:
        response = client.parse_url_response(
            fixtures.url("/redirect/1/gzip/articles/story.html"), id="story", formats="text"
        )

    final = fixtures.url("/gzip/articles/story.html")
    assert response.id == "story"
    assert response.fetch.final_url == final
    assert response.fetch.redirects == 2
    assert response.fetch.http_status == 200
    assert response.fetch.content_type == "text/html; charset=utf-8"
    assert response.fetch.bytes > 500
    assert response.article.url == final
    assert response.article.title == "Bridge reopens after repairs"
    assert response.article.text and not response.article.html


def test_refused_addresses_raise_permission_denied(
    fetching: LedeServer, fixtures: FixtureServer
) -> None:
    with lede.Client(fetching.address) as client:
        for url in (
            f"http://127.0.0.1:{fixtures.port}/seed.html",
            f"http://localhost:{fixtures.port}/seed.html",
            fixtures.url(f"/redirect-to?url=http://127.0.0.1:{fixtures.port}/"),
        ):
            with pytest.raises(lede.PermissionDenied, match="127.0.0.1") as raised:
                client.parse_url(url)
            assert raised.value.code == grpc.StatusCode.PERMISSION_DENIED
            assert "--fetch_allow_cidrs" in raised.value.message


def test_a_server_without_the_flag_refuses_the_fixture_server(
    client: lede.Client, fixtures: FixtureServer
) -> None:
    with pytest.raises(lede.PermissionDenied):
        client.parse_url(fixtures.url("/seed.html"))


def test_fetch_errors_map_to_their_classes(
    fetching: LedeServer, fixtures: FixtureServer
) -> None:
    with lede.Client(fetching.address) as client:
        with pytest.raises(lede.NotFound, match="HTTP 404"):
            client.parse_url(fixtures.url("/status/404"))
        with pytest.raises(lede.LedeError, match="HTTP 500") as raised:
            client.parse_url(fixtures.url("/status/500"))
        assert raised.value.code == grpc.StatusCode.FAILED_PRECONDITION
        with pytest.raises(lede.InvalidDocument, match="application/pdf"):
            client.parse_url(fixtures.url("/pdf"))
        with pytest.raises(lede.TooLarge, match="--max_input_bytes"):
            client.parse_url(fixtures.url("/bomb/br"))
        with pytest.raises(lede.DeadlineExceeded):
            client.parse_url(fixtures.url("/slow"), timeout=0.5)
        with pytest.raises(ValueError, match="url"):
            client.parse_url("")


def test_parse_many_fetches_dicts_with_a_url(
    fetching: LedeServer, fixtures: FixtureServer
) -> None:
    items = [
        {"url": fixtures.url("/seed.html"), "id": "fetched"},
        {"url": fixtures.url("/status/410"), "id": "gone"},
        {"content": SEED.read_bytes(), "id": "sent"},
    ]
    with lede.Client(fetching.address) as client:
        answers = {response.id: response for response in client.parse_many(items)}

    assert answers["fetched"].fetch.http_status == 200
    assert answers["fetched"].article.title == answers["sent"].article.title
    assert not answers["sent"].HasField("fetch")
    assert isinstance(lede.error_from_response(answers["gone"]), lede.NotFound)


async def test_the_asyncio_client_fetches_too(
    fetching: LedeServer, fixtures: FixtureServer
) -> None:
    async with lede.aio.Client(fetching.address) as client:
        article = await client.parse_url(fixtures.url("/br/articles/story.html"))
        response = await client.parse_url_response(fixtures.url("/redirect/2/seed.html"))
        with pytest.raises(lede.PermissionDenied):
            await client.parse_url(f"http://[::1]:{fixtures.port}/seed.html")

    assert article.title == "Bridge reopens after repairs"
    assert article.images[0].url == fixtures.url("/br/articles/pics/bridge.jpg")
    assert response.fetch.redirects == 3
