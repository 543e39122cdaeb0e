"""Start the real action server and Rasa server, for end-to-end tests and benchmarks."""

import os
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import requests
import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
RASA = str(PROJECT_DIR / ".venv" / "bin" / "rasa")
STARTUP_TIMEOUT_SECONDS = 180
SAFETY_EVENT_BROKER = "assistant.safety.event_broker.SafetyEventBroker"


# As scripts/run.sh: telemetry and crash reports off; the deprecation warnings of the libraries
# Rasa 3.6 pins (see docs/operations.md) stay out of the logs.
SERVER_SETTINGS = {
    "RASA_TELEMETRY_ENABLED": "false",
    "PYTHONWARNINGS": "ignore::DeprecationWarning",
}


def server_environment(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The environment for servers, as `make run` sets it, plus `extra`."""
    return {**os.environ, **SERVER_SETTINGS, **(extra or {})}


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


class ServerProcess:
    """A server process that can be stopped and started again, logging to one file."""

    def __init__(
        self,
        command: List[str],
        health_url: str,
        log_path: Path,
        environment: Optional[Dict[str, str]] = None,
    ) -> None:
        """A server not yet started."""
        self.command = command
        self.health_url = health_url
        self.log_path = log_path
        self.environment = environment
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> None:
        """Start the process and wait until its health URL answers."""
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=PROJECT_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=server_environment(self.environment),
            )
        try:
            wait_until_up(self.health_url, self.process, STARTUP_TIMEOUT_SECONDS)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop the process (SIGTERM, then SIGKILL after 20 s)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.process = None

    def restart(self) -> None:
        """Stop, then start again."""
        self.stop()
        self.start()


@contextmanager
def running(
    command: List[str],
    health_url: str,
    log_path: Path,
    environment: Optional[Dict[str, str]] = None,
) -> Iterator[ServerProcess]:
    """Run a server process for the duration of the block, logging to a file."""
    server = ServerProcess(command, health_url, log_path, environment)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def endpoints_as_run() -> Dict[str, Any]:
    """The repository's endpoints.yml, as `make run` reads it."""
    return yaml.safe_load((PROJECT_DIR / "endpoints.yml").read_text())


@contextmanager
def assistant(
    model: str,
    log_dir: Path,
    endpoints: Optional[Path] = None,
    environment: Optional[Dict[str, str]] = None,
    with_stores: bool = False,
) -> Iterator[str]:
    """The action server and the Rasa server; yields the Rasa server's base URL.

    `environment` adds variables for both, such as DIRECTORY_DATABASE_URL. With
    `with_stores`, conversations are kept as `make run` keeps them (the project's
    tracker and lock stores, at TRACKER_STORE_URL or a SQLite file in `log_dir`);
    else in Rasa's in-memory store.
    """
    actions_port, rasa_port = free_port(), free_port()
    environment = dict(environment or {})
    if endpoints is None:
        endpoints = log_dir / "endpoints.yml"
        action_url = f"http://127.0.0.1:{actions_port}/webhook"
        if with_stores:
            environment.setdefault(
                "TRACKER_STORE_URL", f"sqlite:///{log_dir}/conversations.sqlite3"
            )
            as_run = endpoints_as_run()
            endpoints.write_text(yaml.safe_dump({**as_run, "action_endpoint": {"url": action_url}}))
        else:
            endpoints.write_text(
                f"action_endpoint:\n  url: {action_url}\n"
                f"event_broker:\n  type: {SAFETY_EVENT_BROKER}\n"
            )
    actions, actions_health = action_server_command(actions_port)
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
    server, health = rasa_server_command(model, port, endpoints, enable_api)
    with running(server, health, log_dir / "rasa.log", environment):
        yield f"http://127.0.0.1:{port}"


def action_server_command(port: int) -> Tuple[List[str], str]:
    """The command that starts the action server on `port`, and its health URL."""
    command = [RASA, "run", "actions", "--actions", "actions", "--port", str(port)]
    return command, f"http://127.0.0.1:{port}/health"


def rasa_server_command(
    model: str, port: int, endpoints: Path, enable_api: bool = False
) -> Tuple[List[str], str]:
    """The command that starts a Rasa server on `port`, and its health URL."""
    command = [
        RASA, "run", "--model", model, "--port", str(port),
        "--credentials", "credentials.yml", "--endpoints", str(endpoints),
    ]  # fmt: skip
    if enable_api:
        command.append("--enable-api")
    return command, f"http://127.0.0.1:{port}/"
