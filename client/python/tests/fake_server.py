"""An in-process ArticleService on 127.0.0.1 whose answers a test scripts.

The real server cannot be told to fail on purpose; this one counts calls and
answers Parse with whatever status its script says, to test what the client's
service config does with them (retries, round-robin).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent import futures
from typing import Any

import grpc
from lede_server import free_port

from lede.v1 import lede_pb2, lede_pb2_grpc

# Given the call number (1, 2, ...), None to answer or the status to fail with.
Script = Callable[[int], "grpc.StatusCode | None"]


class _ScriptedService(lede_pb2_grpc.ArticleServiceServicer):
    def __init__(self, name: str, script: Script, pushback_ms: str | None) -> None:
        self.name = name
        self.script = script
        self.pushback_ms = pushback_ms
        self.calls = 0
        self._lock = threading.Lock()

    def Parse(self, request: lede_pb2.ParseRequest, context: Any) -> lede_pb2.ParseResponse:  # noqa: N802
        with self._lock:
            self.calls += 1
            number = self.calls
        failure = self.script(number)
        if failure is not None:
            if self.pushback_ms is not None:
                # What lede-server sends with a refusal by its limits ("-1").
                context.set_trailing_metadata((("grpc-retry-pushback-ms", self.pushback_ms),))
            context.abort(failure, f"{self.name} scripted {failure.name} on call {number}")
        return lede_pb2.ParseResponse(id=request.id, article=lede_pb2.Article(site_name=self.name))


class FakeServer:
    """Use as a context manager; `calls` counts the Parse calls it saw.

    pushback_ms: the grpc-retry-pushback-ms trailer each failure carries, if any.
    """

    def __init__(
        self,
        name: str = "fake",
        script: Script = lambda _: None,
        pushback_ms: str | None = None,
    ) -> None:
        self.service = _ScriptedService(name, script, pushback_ms)
        self.address = f"127.0.0.1:{free_port()}"
        self._server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
        lede_pb2_grpc.add_ArticleServiceServicer_to_server(self.service, self._server)
        self._server.add_insecure_port(self.address)

    @property
    def calls(self) -> int:
        return self.service.calls

    def __enter__(self) -> FakeServer:
        self._server.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.stop(grace=None).wait(timeout=10)
