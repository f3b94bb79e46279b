"""lede.aio.Client: the asyncio twin of lede.Client, on grpc.aio."""
from typing import AsyncIterator, Iterable, Optional, Sequence, Union

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from lede import _requests
from lede.errors import from_rpc_error
from lede.v1 import lede_pb2, lede_pb2_grpc


class Client:
    """An asyncio connection to lede; `async with lede.aio.Client(...)`."""

    def __init__(self, target: Union[str, Sequence[str]], timeout: float = 30.0,
                 retries: int = 3,
                 tls: Union[bool, grpc.ChannelCredentials] = False):
        address, options, credentials = _requests.channel_settings(
            target, retries, tls)
        self._channel = (
            grpc.aio.secure_channel(address, credentials, options) if credentials
            else grpc.aio.insecure_channel(address, options))
        self._stub = lede_pb2_grpc.ArticleServiceStub(self._channel)
        self._health = health_pb2_grpc.HealthStub(self._channel)
        self.timeout = timeout

    async def parse(self, content: _requests.Content, url: Optional[str] = None,
                    content_type: Optional[str] = None,
                    **options) -> lede_pb2.Article:
        """Parses one document (str or bytes) into an Article."""
        request = _requests.parse_request(content, url, content_type, **options)
        try:
            response = await self._stub.Parse(request, timeout=self.timeout)
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None
        return response.article

    async def parse_many(self, documents: Iterable[_requests.DocumentLike],
                         timeout: Optional[float] = None,
                         **options) -> AsyncIterator[lede_pb2.ParseResponse]:
        """Parses many documents over one stream; yields answers as they come."""
        requests = (_requests.document_request(d, i, options)
                    for i, d in enumerate(documents))
        try:
            async for response in self._stub.ParseStream(requests, timeout=timeout):
                yield response
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None

    async def detect_language(self, text: str,
                              hint: str = "") -> lede_pb2.DetectLanguageResponse:
        try:
            return await self._stub.DetectLanguage(
                lede_pb2.DetectLanguageRequest(text=text, hint=hint),
                timeout=self.timeout)
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None

    async def health(self) -> bool:
        try:
            response = await self._health.Check(health_pb2.HealthCheckRequest(),
                                                timeout=self.timeout)
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None
        return response.status == health_pb2.HealthCheckResponse.SERVING

    async def close(self) -> None:
        await self._channel.close()

    async def __aenter__(self) -> "Client":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()
