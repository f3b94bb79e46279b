"""lede.Client: the blocking client for lede.v1.ArticleService."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    """Calls a lede server. One client holds one channel: share it, close it when done.

        with lede.Client("localhost:50051") as client:
            article = client.parse(html_bytes, url="https://example.com/story")

    target: "host:port", a gRPC target ("dns:///lede:50051" balances over
        every address of the name), or several "ip:port" addresses (a list or
        comma-separated) to balance over, round-robin.
    timeout: default deadline of each call, in seconds; None for none.
    retries: extra attempts (0-4) when a server is UNAVAILABLE or too busy
        (RESOURCE_EXHAUSTED from a full queue, not from a document over the
        limits); nothing else is retried.
    tls: False for plaintext, True for TLS with the system's roots, or grpc
        credentials: lede.tls_credentials(ca=..., cert=..., key=...) reads a
        CA and a client certificate from PEM files (mutual TLS).
    max_message_bytes: largest message sent or received; the server's own
        input limit (16 MiB by default) is the one that applies.
    options: further gRPC channel arguments.
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
            grpc.secure_channel(self.target, credentials, options=arguments)
            if credentials is not None
            else grpc.insecure_channel(self.target, options=arguments)
        )
        self._stub = lede_pb2_grpc.ArticleServiceStub(self._channel)
        # grpcio-health-checking's HealthStub has no typed methods; the same call, typed:
        self._health_check = self._channel.unary_unary(
            channel.HEALTH_CHECK_METHOD,
            request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
            response_deserializer=health_pb2.HealthCheckResponse.FromString,
        )

    def _deadline(self, timeout: float | None) -> float | None:
        return self.timeout if timeout is None else timeout

    def parse_response(
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
        return self._parse(build_request(content, url, content_type, id, **options), timeout)

    def _parse(
        self, request: lede_pb2.ParseRequest, timeout: float | None
    ) -> lede_pb2.ParseResponse:
        try:
            return self._stub.Parse(request, timeout=self._deadline(timeout))
        except grpc.RpcError as error:
            raise from_rpc_error(error) from error

    def parse(
        self,
        content: Content,
        url: str | None = None,
        content_type: str | None = None,
        id: str | None = None,  # noqa: A002 - the field's name in the API
        *,
        timeout: float | None = None,
        **options: Any,
    ) -> lede_pb2.Article:
        """Parses one document into an Article.

        content: the page as fetched (bytes, any charset) or as text.
        url: where it came from; the base for links and a hint for dates.
        content_type: e.g. "text/html; charset=gbk" or "text/markdown".
        options: formats, bias, reference_time, convert_chinese, include_comments
        (see ParseOptions).
        Raises InvalidDocument, TooLarge, DeadlineExceeded, Unavailable or LedeError.
        """
        return self.parse_response(
            content, url, content_type, id, timeout=timeout, **options
        ).article

    def parse_url(
        self,
        url: str,
        content_type: str | None = None,
        id: str | None = None,  # noqa: A002 - the field's name in the API
        *,
        timeout: float | None = None,
        **options: Any,
    ) -> lede_pb2.Article:
        """Has the server fetch `url` (http or https) and parse the page into an Article.

        The final URL after redirects becomes article.url and the base for
        links; the page's Content-Type charset is used to decode it, unless
        content_type is given. The server's rules apply: an address they
        refuse (loopback, private, link-local...), a port other than 80 and
        443 or another scheme raises PermissionDenied, HTTP 404/410 NotFound,
        a page over the server's size limit TooLarge, a PDF or an image
        InvalidDocument, a failed connection Unavailable; other HTTP statuses
        raise LedeError (FAILED_PRECONDITION). timeout covers fetch and parse.
        """
        return self.parse_url_response(url, content_type, id, timeout=timeout, **options).article

    def parse_url_response(
        self,
        url: str,
        content_type: str | None = None,
        id: str | None = None,  # noqa: A002 - the field's name in the API
        *,
        timeout: float | None = None,
        **options: Any,
    ) -> lede_pb2.ParseResponse:
        """Like parse_url, but the whole answer; `fetch` says what came: final
        URL, HTTP status, content type, bytes, milliseconds and redirects."""
        return self._parse(build_url_request(url, content_type, id, **options), timeout)

    def parse_many(
        self,
        items: Iterable[ParseItem],
        *,
        timeout: float | None = None,
        **options: Any,
    ) -> Iterator[lede_pb2.ParseResponse]:
        """Parses many documents over one ParseStream call, yielding answers as they finish.

        Items are content, (content, url), dicts of parse()'s arguments, or
        ParseRequests; they are read lazily, as the server takes them. An item
        without an id gets its position ("0", "1", ...); answers come in the
        order they finish, so match them by `response.id`. A document that
        fails does not stop the stream: its answer carries `error` (see
        lede.error_from_response). options apply to items that set none.
        timeout bounds the whole stream; None (the default) sets no deadline,
        and the server applies its own per-document limit.
        """
        feed = RequestFeed(options)
        call = self._stub.ParseStream(feed.requests(items), timeout=timeout)
        try:
            yield from call
        except grpc.RpcError as error:
            raise (feed.error or from_rpc_error(error)) from error
        finally:
            call.cancel()  # the caller stopped early: end the call too
        if feed.error is not None:
            raise feed.error

    def detect_language(
        self, text: str, hint: str | None = None, *, timeout: float | None = None
    ) -> lede_pb2.DetectLanguageResponse:
        """The language of any text (titles too); hint: a content-language or TLD."""
        request = lede_pb2.DetectLanguageRequest(text=text, hint=hint or "")
        try:
            return self._stub.DetectLanguage(request, timeout=self._deadline(timeout))
        except grpc.RpcError as error:
            raise from_rpc_error(error) from error

    def health(self, service: str = "", *, timeout: float | None = None) -> bool:
        """True when the server reports SERVING for service ("" = the whole server)."""
        request = health_pb2.HealthCheckRequest(service=service)
        try:
            response = self._health_check(request, timeout=self._deadline(timeout))
        except grpc.RpcError as error:
            raise from_rpc_error(error) from error
        return bool(response.status == health_pb2.HealthCheckResponse.SERVING)

    def close(self) -> None:
        """Closes the channel; calls in flight are cancelled."""
        self._channel.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"lede.Client({self.target!r})"
