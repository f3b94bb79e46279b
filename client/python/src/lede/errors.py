"""The exceptions lede's clients raise, one per status code a caller acts on.

Every exception keeps the server's message (written for a person to act on)
and the gRPC status code, so callers can branch on the class or the code.
"""

from __future__ import annotations

from typing import Protocol, cast

import grpc

from lede.v1 import lede_pb2


class LedeError(Exception):
    """A call to lede failed. `code` is the gRPC status, `message` the server's text."""

    def __init__(self, message: str, code: grpc.StatusCode = grpc.StatusCode.UNKNOWN) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return f"{self.code.name}: {self.message}"


class InvalidDocument(LedeError):
    """INVALID_ARGUMENT: the input cannot be a document (empty, binary, ...)."""


class TooLarge(LedeError):
    """RESOURCE_EXHAUSTED: the input is over the server's limits.

    Also a server too busy to take the call (its --max_queue was full) through
    every retry; the message says which.
    """


class Unavailable(LedeError):
    """UNAVAILABLE: no server could be reached, even after the retries."""


class DeadlineExceeded(LedeError):
    """DEADLINE_EXCEEDED: the call's timeout passed before the answer came."""


class PermissionDenied(LedeError):
    """PERMISSION_DENIED: the server would not fetch the URL.

    Its address (loopback, private, link-local...), port or scheme is one the
    server's rules refuse, or the server does not fetch at all; the message
    names the address and the server flag that would allow it.
    """


class NotFound(LedeError):
    """NOT_FOUND: the page the server fetched answered HTTP 404 or 410."""


_CLASS_BY_CODE: dict[grpc.StatusCode, type[LedeError]] = {
    grpc.StatusCode.INVALID_ARGUMENT: InvalidDocument,
    grpc.StatusCode.RESOURCE_EXHAUSTED: TooLarge,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
    grpc.StatusCode.PERMISSION_DENIED: PermissionDenied,
    grpc.StatusCode.NOT_FOUND: NotFound,
}

# grpc.StatusCode values are (int, name) pairs; ParseError carries the int.
_CODE_BY_NUMBER: dict[int, grpc.StatusCode] = {code.value[0]: code for code in grpc.StatusCode}


class _StatusCarrier(Protocol):
    """What both grpc's and grpc.aio's RpcError offer at run time."""

    def code(self) -> grpc.StatusCode: ...

    def details(self) -> str | None: ...


def error_for(code: grpc.StatusCode | int, message: str) -> LedeError:
    """The exception for a status code, as an enum or a google.rpc.Code number."""
    if isinstance(code, int):
        code = _CODE_BY_NUMBER.get(code, grpc.StatusCode.UNKNOWN)
    return _CLASS_BY_CODE.get(code, LedeError)(message, code)


def from_rpc_error(error: grpc.RpcError) -> LedeError:
    """Maps a failed call (sync or asyncio) to a LedeError subclass."""
    status = cast(_StatusCarrier, error)
    try:
        code, details = status.code(), status.details()
    except AttributeError:  # an RpcError that carries no status at all
        return LedeError(str(error))
    return error_for(code, details or code.name)


def error_from_response(response: lede_pb2.ParseResponse) -> LedeError | None:
    """The exception for a document that failed inside parse_many, else None."""
    if not response.HasField("error"):
        return None
    return error_for(response.error.code, response.error.message)


def raise_for_error(response: lede_pb2.ParseResponse) -> lede_pb2.ParseResponse:
    """Returns a parse_many answer, or raises its error if the document failed."""
    error = error_from_response(response)
    if error is not None:
        raise error
    return response
