"""A long-lived batch process spoken to one JSON line at a time, with a per-page
timeout: a page that takes too long is recorded as an error and the process is
killed (by its own pid) and started again for the next page."""
from __future__ import annotations

import json
import os
import selectors
import subprocess
import time
from pathlib import Path
from typing import Optional


class WorkerError(Exception):
    pass


class Worker:
    def __init__(self, cmd: list[str], cwd: Path, header: bool, stderr_path: Path) -> None:
        self.cmd = cmd
        self.cwd = cwd
        self.header = header
        self.stderr_path = stderr_path
        self.proc: Optional[subprocess.Popen[bytes]] = None
        self.info: dict = {}
        self._buf = b""

    def start(self, timeout: float = 120.0) -> None:
        self.stderr_path.parent.mkdir(parents=True, exist_ok=True)
        err = open(self.stderr_path, "ab")
        self.proc = subprocess.Popen(self.cmd, cwd=self.cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=err)
        err.close()
        self._buf = b""
        if self.header:
            line = self._readline(timeout)
            if line is None:
                self.stop()
                raise WorkerError(f"{self.cmd[0]}: no header within {timeout}s (see {self.stderr_path})")
            self.info = json.loads(line)

    def stop(self) -> None:
        if self.proc is None:
            return
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def _kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def _readline(self, timeout: float) -> Optional[bytes]:
        assert self.proc is not None and self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        sel = selectors.DefaultSelector()
        sel.register(fd, selectors.EVENT_READ)
        try:
            while b"\n" not in self._buf:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(left):
                    return None
                chunk = os.read(fd, 1 << 20)
                if not chunk:  # the process died
                    return None
                self._buf += chunk
        finally:
            sel.close()
        line, _, self._buf = self._buf.partition(b"\n")
        return line

    def ask(self, request: str, timeout: float) -> tuple[Optional[dict], float, str]:
        """Send one request line; return (answer or None, wall ms, error)."""
        if self.proc is None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        start = time.perf_counter()
        try:
            self.proc.stdin.write(request.encode("utf-8") + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            self._kill()
            return None, 0.0, "worker died"
        line = self._readline(timeout)
        wall = (time.perf_counter() - start) * 1000
        if line is None:
            died = self.proc.poll() is not None
            self._kill()  # a fresh process for the next page
            return None, wall, "crashed" if died else f"timeout>{timeout:g}s"
        try:
            return json.loads(line), wall, ""
        except json.JSONDecodeError as exc:
            return None, wall, f"bad answer: {exc}"
