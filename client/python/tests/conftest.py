"""Starts the real lede-server for the tests, on free loopback ports."""
import os
import pathlib
import socket
import subprocess
import time

import pytest

import lede

REPO = pathlib.Path(__file__).resolve().parents[3]
SERVER = os.environ.get("LEDE_SERVER", str(REPO / "build" / "bin" / "lede-server"))
CLI = os.environ.get("LEDE_CLI", str(REPO / "build" / "bin" / "lede"))
SEEDS = REPO / "tests" / "fixtures" / "seeds"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A lede-server child process; stopped with SIGTERM when done."""

    def __init__(self, *flags: str):
        self.address = "127.0.0.1:%d" % free_port()
        self.process = subprocess.Popen([SERVER, "--address", self.address, *flags],
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with lede.Client(self.address, timeout=1, retries=0) as client:
                    if client.health():
                        return
            except lede.LedeError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("lede-server on %s never said SERVING" % self.address)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        return self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def server():
    running = Server()
    yield running
    running.stop()


@pytest.fixture
def client(server):
    with lede.Client(server.address) as c:
        yield c


@pytest.fixture(scope="session")
def seeds():
    return sorted(SEEDS.glob("0*.txt"))
