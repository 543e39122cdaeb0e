"""A Redis server on loopback, from the Debian package, for tests and `make run-scaled`."""

import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import redis

from tests.harness.servers import free_port

STARTUP_TIMEOUT_SECONDS = 15


def redis_binary() -> str:
    """The redis-server program, or an error that says how to get it."""
    found = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if not found:
        raise RuntimeError("Redis is not installed: run `make system-packages`.")
    return found


class RedisServer:
    """A Redis server on loopback without persistence, stopped and started at will."""

    def __init__(self, log_path: Path, port: int = 0) -> None:
        """A server not yet started."""
        self.port = port or free_port()
        self.log_path = log_path
        self.url = f"redis://127.0.0.1:{self.port}/1"
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> None:
        """Start the server and wait until it answers PING."""
        command = [
            redis_binary(), "--port", str(self.port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--logfile", str(self.log_path),
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"redis-server did not start; see {self.log_path}") from None
                time.sleep(0.1)

    def stop(self) -> None:
        """Stop the server."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@contextmanager
def redis_server(log_path: Path, port: int = 0) -> Iterator[str]:
    """Yield the URL of a Redis server that runs for the block."""
    with running_redis(log_path, port) as server:
        yield server.url


@contextmanager
def running_redis(log_path: Path, port: int = 0) -> Iterator[RedisServer]:
    """A started RedisServer, stopped after the block."""
    server = RedisServer(log_path, port)
    server.start()
    try:
        yield server
    finally:
        server.stop()
