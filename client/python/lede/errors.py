"""Exceptions raised by lede clients, one per status code a caller acts on."""
from typing import Optional

import grpc


class LedeError(Exception):
    """Base class: a call to lede failed. Keeps the server's code and message."""

    def __init__(self, message: str, code: Optional[grpc.StatusCode] = None):
        super().__init__(message)
        self.message = message
        self.code = code


class InvalidDocument(LedeError):
    """INVALID_ARGUMENT: the content cannot be a document (empty, binary)."""


class TooLarge(LedeError):
    """RESOURCE_EXHAUSTED: the document is over the server's limits."""


class Unavailable(LedeError):
    """UNAVAILABLE: no server answered, even after the retries."""


class DeadlineExceeded(LedeError):
    """DEADLINE_EXCEEDED: the call's timeout passed before the answer."""


_BY_CODE = {
    grpc.StatusCode.INVALID_ARGUMENT: InvalidDocument,
    grpc.StatusCode.RESOURCE_EXHAUSTED: TooLarge,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
}


def from_code(code: grpc.StatusCode, message: str) -> LedeError:
    """The exception for a status code (LedeError for codes with no class)."""
    return _BY_CODE.get(code, LedeError)(message, code)


def code_from_number(number: int) -> Optional[grpc.StatusCode]:
    """The grpc.StatusCode whose numeric value is `number`, if any."""
    return next((c for c in grpc.StatusCode if c.value[0] == number), None)


def from_rpc_error(error: grpc.RpcError) -> LedeError:
    """Maps a grpc.RpcError (sync or aio) to the matching LedeError."""
    code = error.code() if hasattr(error, "code") else None
    details = error.details() if hasattr(error, "details") else str(error)
    return from_code(code, details or str(code))
