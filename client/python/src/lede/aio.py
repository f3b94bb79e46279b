"""lede.aio.Client: the asyncio twin of lede.Client, on grpc.aio.

Create it inside a running event loop (e.g. `async with lede.aio.Client(...)`):
a grpc.aio channel belongs to the loop it was made in.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Iterable
from types import TracebackType
from typing import Any

import grpc
from grpc_health.v1 import health_pb2

from lede import channel
from lede.errors import from_rpc_error
from lede.parse_requests import (
    Content,
    ParseItem,
    RequestFeed,
    build_request,
    build_url_request,
)
from lede.v1 import lede_pb2, lede_pb2_grpc


class Client:
    """Calls a lede server from asyncio; same arguments and errors as lede.Client.

    async with lede.aio.Client("localhost:50051") as client:
        article = await client.parse(html_bytes, url="https://example.com/story")
    """

    def __init__(
        self,
        target: channel.Target = channel.DEFAULT_TARGET,
        *,
        timeout: float | None = 30.0,
        retries: int = 3,
        tls: channel.Tls = False,
        max_message_bytes: int = channel.MAX_MESSAGE_BYTES,
        options: channel.ChannelOptions = (),
    ) -> None:
        self.target = channel.normalize_target(target)
        self.timeout = timeout
        arguments = channel.channel_options(self.target, retries, max_message_bytes, options)
        credentials = channel.credentials(tls)
        self._channel = (
            grpc.aio.secure_channel(self.target, credentials, options=arguments)
            if credentials is not None
            else grpc.aio.insecure_channel(self.target, options=arguments)
        )
        self._stub = lede_pb2_grpc.ArticleServiceStub(self._channel)  # typed as the async stub
        # grpcio-health-checking's HealthStub has no typed methods; the same call, typed:
        self._health_check = self._channel.unary_unary(
            channel.HEALTH_CHECK_METHOD,
            request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
            response_deserializer=health_pb2.HealthCheckResponse.FromString,
        )

    def _deadline(self, timeout: float | None) -> float | None:
        return self.timeout if timeout is None else timeout

    async def parse_response(
        self,
        content: Content,
        url: str | None = None,
        content_type: str | None = None,
        id: str | None = None,  # noqa: A002 - the field's name in the API
        *,
        timeout: float | None = None,
        **options: Any,
    ) -> lede_pb2.ParseResponse:
        """Like parse, but the whole answer: article, id, charset and framing."""
        return await self._parse(build_request(content, url, content_type, id, **options), timeout)

    async def _parse(
        self, request: lede_pb2.ParseRequest, timeout: float | None
    ) -> lede_pb2.ParseResponse:
        try:
            return await self._stub.Parse(request, timeout=self._deadline(timeout))
        except grpc.RpcError as error:
            raise from_rpc_error(error) from error

    async def parse(
        self,
        content: Content,
        url: str | None = None,
        content_type: str | None = None,
        id: str | None = None,  # noqa: A002 - the field's name in the API
        *,
        timeout: float | None = None,
        **options: Any,
    ) -> lede_pb2.Article:
        """Parses one document into an Article; see lede.Client.parse."""
        response = await self.parse_response(
            content, url, content_type, id, timeout=timeout, **options
        )
        return response.article

    async def parse_url(
        self,
        url: str,
        content_type: str | None = None,
        id: str | None = None,  # noqa: A002 - the field's name in the API
        *,
        timeout: float | None = None,
        **options: Any,
    ) -> lede_pb2.Article:
        """Has the server fetch `url` and parse it; see lede.Client.parse_url."""
        response = await self.parse_url_response(
            url, content_type, id, timeout=timeout, **options
        )
        return response.article

    async def parse_url_response(
        self,
        url: str,
        content_type: str | None = None,
        id: str | None = None,  # noqa: A002 - the field's name in the API
        *,
        timeout: float | None = None,
        **options: Any,
    ) -> lede_pb2.ParseResponse:
        """Like parse_url, but the whole answer, `fetch` included."""
        return await self._parse(build_url_request(url, content_type, id, **options), timeout)

    async def parse_many(
        self,
        items: Iterable[ParseItem] | AsyncIterable[ParseItem],
        *,
        timeout: float | None = None,
        **options: Any,
    ) -> AsyncIterator[lede_pb2.ParseResponse]:
        """Parses many documents over one stream; see lede.Client.parse_many.

        items may also be an async iterable. Use as `async for response in
        client.parse_many(items)`.
        """
        feed = RequestFeed(options)
        call = self._stub.ParseStream(feed.async_requests(items), timeout=timeout)
        try:
            async for response in call:
                yield response
        except grpc.RpcError as error:
            raise (feed.error or from_rpc_error(error)) from error
        finally:
            call.cancel()  # the caller stopped early: end the call too
        if feed.error is not None:
            raise feed.error

    async def detect_language(
        self, text: str, hint: str | None = None, *, timeout: float | None = None
    ) -> lede_pb2.DetectLanguageResponse:
        """The language of any text (titles too); hint: a content-language or TLD."""
        request = lede_pb2.DetectLanguageRequest(text=text, hint=hint or "")
        try:
            return await self._stub.DetectLanguage(request, timeout=self._deadline(timeout))
        except grpc.RpcError as error:
            raise from_rpc_error(error) from error

    async def health(self, service: str = "", *, timeout: float | None = None) -> bool:
        """True when the server reports SERVING for service ("" = the whole server)."""
        request = health_pb2.HealthCheckRequest(service=service)
        try:
            response = await self._health_check(request, timeout=self._deadline(timeout))
        except grpc.RpcError as error:
            raise from_rpc_error(error) from error
        return bool(response.status == health_pb2.HealthCheckResponse.SERVING)

    async def close(self) -> None:
        """Closes the channel; calls in flight are cancelled."""
        await self._channel.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"lede.aio.Client({self.target!r})"
