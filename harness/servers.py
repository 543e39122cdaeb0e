"""Start the real action server and Rasa server, for end-to-end tests and benchmarks."""

import os
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import requests

PROJECT_DIR = Path(__file__).resolve().parent.parent
RASA = str(PROJECT_DIR / ".venv" / "bin" / "rasa")
STARTUP_TIMEOUT_SECONDS = 180
SAFETY_EVENT_BROKER = "safety.event_broker.SafetyEventBroker"


def server_environment(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The environment for servers: Rasa's telemetry and crash reports off, plus `extra`."""
    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", **(extra or {})}


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen, timeout: float) -> None:
    """Poll `url` until it answers 200, failing early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before {url} was up")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not come up within {timeout} s")


@contextmanager
def running(
    command: List[str],
    health_url: str,
    log_path: Path,
    environment: Optional[Dict[str, str]] = None,
) -> Iterator[None]:
    """Run a server process for the duration of the block, logging to a file."""
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command,
            cwd=PROJECT_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=server_environment(environment),
        )
        try:
            wait_until_up(health_url, process, STARTUP_TIMEOUT_SECONDS)
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@contextmanager
def assistant(
    model: str,
    log_dir: Path,
    endpoints: Optional[Path] = None,
    environment: Optional[Dict[str, str]] = None,
) -> Iterator[str]:
    """The action server and the Rasa server; yields the Rasa server's base URL.

    `environment` adds variables for both, such as DIRECTORY_DATABASE_URL.
    """
    actions_port, rasa_port = free_port(), free_port()
    if endpoints is None:
        endpoints = log_dir / "endpoints.yml"
        endpoints.write_text(
            f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n"
            f"event_broker:\n  type: {SAFETY_EVENT_BROKER}\n"
        )
    actions = [RASA, "run", "actions", "--actions", "actions", "--port", str(actions_port)]
    actions_health = f"http://127.0.0.1:{actions_port}/health"
    with running(actions, actions_health, log_dir / "actions.log", environment):
        with rasa_server(model, log_dir, endpoints, environment, rasa_port) as url:
            yield url


@contextmanager
def rasa_server(
    model: str,
    log_dir: Path,
    endpoints: Path,
    environment: Optional[Dict[str, str]] = None,
    port: int = 0,
    enable_api: bool = False,
) -> Iterator[str]:
    """The Rasa server alone (its action server may be down); yields its base URL.

    `enable_api` opens Rasa's HTTP API (trackers), for tests on loopback only.
    """
    port = port or free_port()
    server = [
        RASA, "run", "--model", model, "--port", str(port),
        "--credentials", "credentials.yml", "--endpoints", str(endpoints),
    ]  # fmt: skip
    if enable_api:
        server.append("--enable-api")
    with running(server, f"http://127.0.0.1:{port}/", log_dir / "rasa.log", environment):
        yield f"http://127.0.0.1:{port}"
