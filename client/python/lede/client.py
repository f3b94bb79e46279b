"""lede.Client: the synchronous client."""
from typing import Iterable, Iterator, Optional, Sequence, Union

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from lede import _requests
from lede.errors import code_from_number, from_code, from_rpc_error
from lede.v1 import lede_pb2, lede_pb2_grpc


class Client:
    """A connection to lede. Use as a context manager, or call close().

    target: "host:port", "dns:///name:port", or a list of "host:port"
    addresses, balanced round-robin. timeout: seconds per call. retries:
    extra attempts on UNAVAILABLE. tls: True for the system's roots, or
    grpc.ChannelCredentials.
    """

    def __init__(self, target: Union[str, Sequence[str]], timeout: float = 30.0,
                 retries: int = 3,
                 tls: Union[bool, grpc.ChannelCredentials] = False):
        address, options, credentials = _requests.channel_settings(
            target, retries, tls)
        self._channel = (
            grpc.secure_channel(address, credentials, options) if credentials
            else grpc.insecure_channel(address, options))
        self._stub = lede_pb2_grpc.ArticleServiceStub(self._channel)
        self._health = health_pb2_grpc.HealthStub(self._channel)
        self.timeout = timeout

    def parse(self, content: _requests.Content, url: Optional[str] = None,
              content_type: Optional[str] = None, **options) -> lede_pb2.Article:
        """Parses one document (str or bytes) into an Article."""
        return self.parse_response(content, url, content_type, **options).article

    def parse_response(self, content: _requests.Content, url: Optional[str] = None,
                       content_type: Optional[str] = None,
                       **options) -> lede_pb2.ParseResponse:
        """Like parse, but the whole ParseResponse (charset, framing, id)."""
        request = _requests.parse_request(content, url, content_type, **options)
        try:
            return self._stub.Parse(request, timeout=self.timeout)
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None

    def parse_many(self, documents: Iterable[_requests.DocumentLike],
                   timeout: Optional[float] = None,
                   **options) -> Iterator[lede_pb2.ParseResponse]:
        """Parses many documents over one stream; yields answers as they come.

        Each answer's `id` is its request's id (the document's index unless
        given). A failed document comes back with `error` set; the stream
        goes on.
        """
        requests = (_requests.document_request(d, i, options)
                    for i, d in enumerate(documents))
        try:
            yield from self._stub.ParseStream(requests, timeout=timeout)
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None

    def detect_language(self, text: str,
                        hint: str = "") -> lede_pb2.DetectLanguageResponse:
        """The language of `text`, with confidence and runners-up."""
        try:
            return self._stub.DetectLanguage(
                lede_pb2.DetectLanguageRequest(text=text, hint=hint),
                timeout=self.timeout)
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None

    def health(self) -> bool:
        """True when the server says SERVING."""
        try:
            response = self._health.Check(health_pb2.HealthCheckRequest(),
                                          timeout=self.timeout)
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None
        return response.status == health_pb2.HealthCheckResponse.SERVING

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def raise_for_error(response: lede_pb2.ParseResponse) -> lede_pb2.ParseResponse:
    """Raises the matching LedeError when a stream answer carries an error."""
    if response.HasField("error"):
        raise from_code(code_from_number(response.error.code),
                        response.error.message)
    return response
