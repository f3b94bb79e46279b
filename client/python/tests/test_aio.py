"""The asyncio client against the real server."""
import pytest

import lede
import lede.aio


async def test_async_parse_and_stream(server, seeds):
    async with lede.aio.Client(server.address) as client:
        assert await client.health()
        article = await client.parse(seeds[2].read_bytes())
        assert article.title == "英媒：比利时情报部门监控阿里巴巴在欧洲物流平台"
        ids = [r.id async for r in client.parse_many(
            [s.read_bytes() for s in seeds] * 10)]
        assert sorted(ids, key=int) == [str(i) for i in range(30)]
        language = await client.detect_language("The council voted on Tuesday.")
        assert language.language == "en"


async def test_async_errors_map_like_sync(server):
    async with lede.aio.Client(server.address) as client:
        with pytest.raises(lede.InvalidDocument):
            await client.parse("")
