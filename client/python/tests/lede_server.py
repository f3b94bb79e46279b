"""Starts and stops a real lede-server for the tests, on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

REPO_ROOT = Path(__file__).resolve().parents[3]
STARTUP_SECONDS = 30
STOP_SECONDS = 30


def server_binary() -> Path:
    return Path(os.environ.get("LEDE_SERVER", REPO_ROOT / "build" / "bin" / "lede-server"))


def cli_binary() -> Path:
    return Path(os.environ.get("LEDE_CLI", REPO_ROOT / "build" / "bin" / "lede"))


def existing_cli() -> Path:
    """The lede CLI, failing the test when it has not been built."""
    path = cli_binary()
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make build` or set LEDE_CLI")
    return path


def free_port() -> int:
    """A port nothing listens on right now (the server cannot take port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LedeServer:
    """One lede-server process on 127.0.0.1; use as a context manager."""

    def __init__(self, *flags: str, credentials: grpc.ChannelCredentials | None = None) -> None:
        self.flags = flags
        # For a server started with --tls_cert: how the wait for SERVING connects.
        self.credentials = credentials
        self.address = ""
        # The HTTP door on a free port too: the default 8080 is fixed, and
        # test suites run at the same time.
        self.http_address = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._log = tempfile.TemporaryFile()

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def __enter__(self) -> LedeServer:
        binary = server_binary()
        if not os.access(binary, os.X_OK):
            raise RuntimeError(f"{binary} is missing: run `make build` or set LEDE_SERVER")
        port = free_port()
        # free_port closes the port it found, so the kernel may hand the same
        # one out again: two doors on one port never answer health.
        http_port = free_port()
        while http_port == port:
            http_port = free_port()
        self.address = f"127.0.0.1:{port}"
        self.http_address = f"127.0.0.1:{http_port}"
        self._process = subprocess.Popen(
            [
                str(binary),
                "--address",
                self.address,
                "--http_address",
                self.http_address,
                "--threads",
                "2",
                *self.flags,
            ],
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        try:
            self._wait_until_serving()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_until_serving(self) -> None:
        # Asks the health service directly, not through lede.Client, so that
        # a broken client shows up as a failed test rather than a dead server.
        deadline = time.monotonic() + STARTUP_SECONDS
        with (
            grpc.secure_channel(self.address, self.credentials)
            if self.credentials is not None
            else grpc.insecure_channel(self.address)
        ) as channel:
            health = health_pb2_grpc.HealthStub(channel)
            while time.monotonic() < deadline:
                assert self._process is not None
                if self._process.poll() is not None:
                    raise RuntimeError(f"lede-server exited at start:\n{self.log()}")
                try:
                    status = health.Check(health_pb2.HealthCheckRequest(), timeout=1).status
                    if status == health_pb2.HealthCheckResponse.SERVING:
                        return
                except grpc.RpcError:
                    pass
                time.sleep(0.1)
        raise RuntimeError(f"lede-server not SERVING after {STARTUP_SECONDS}s:\n{self.log()}")

    def send_signal(self, signal_number: int) -> None:
        assert self._process is not None
        self._process.send_signal(signal_number)

    def wait(self, timeout: float) -> int:
        """Waits for the server to exit; its exit code."""
        assert self._process is not None
        return self._process.wait(timeout=timeout)

    def __exit__(self, *exc_info: object) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=STOP_SECONDS)
        self._log.close()


FIXTURE_SERVER = REPO_ROOT / "tests" / "fetch" / "fixture_server.py"


class FixtureServer:
    """tests/fetch/fixture_server.py, the HTTP server lede fetches from, on 127.0.0.2.

    Runs on Debian's python3 (which has python3-brotli) and stops when its
    standard input closes, so it never outlives the tests.
    """

    def __init__(self) -> None:
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.2:{self.port}{path}"

    def __enter__(self) -> FixtureServer:
        self._process = subprocess.Popen(
            ["/usr/bin/python3", str(FIXTURE_SERVER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()  # the port, once it listens
        if not line.strip().isdigit():
            self.__exit__(None, None, None)
            raise RuntimeError(f"{FIXTURE_SERVER} did not start: {line!r}")
        self.port = int(line)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._process is not None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            try:
                self._process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=STOP_SECONDS)
            if self._process.stdout is not None:
                self._process.stdout.close()
