"""A Redis server on loopback, from the Debian package, for tests and `make run-scaled`."""

import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import redis

from harness.servers import free_port

STARTUP_TIMEOUT_SECONDS = 15


def redis_binary() -> str:
    """The redis-server program, or an error that says how to get it."""
    found = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if not found:
        raise RuntimeError("Redis is not installed: run `make system-packages`.")
    return found


@contextmanager
def redis_server(log_path: Path, port: int = 0) -> Iterator[str]:
    """Yield `redis://127.0.0.1:PORT/1` for a Redis server that lives for the block."""
    port = port or free_port()
    command = [
        redis_binary(), "--port", str(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--logfile", str(log_path),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=1)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start; see {log_path}") from None
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/1"
    finally:
        process.terminate()
        process.wait(timeout=10)
