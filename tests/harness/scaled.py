"""The production profile on one machine, with the stores shared.

PostgreSQL and Redis on loopback, one action server, several Rasa servers.

`python -m tests.harness.scaled --model M` (what `make run-scaled` runs) keeps the data
in var/postgres, and refuses to start unless the secrets (assistant/secret_keys.py) and
REST_CHANNEL_TOKEN are set in the environment, as a production deployment must; tests use
`scaled_assistant` with a throwaway folder and their own secrets.
"""

import argparse
import os
import sys
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional

from assistant.directory.config import DEMO_DIRECTORY_CSV
from assistant.directory.importer import import_csv
from assistant.directory.places import gazetteer
from assistant.directory.store import DirectoryStore
from assistant.secret_keys import missing_secrets
from tests.harness.postgres import PostgresServer, create_database, running_postgres
from tests.harness.redis_server import RedisServer, running_redis
from tests.harness.servers import (
    PROJECT_DIR,
    SAFETY_EVENT_BROKER,
    ServerProcess,
    action_server_command,
    free_port,
    rasa_server_command,
)

TRACKER_STORE = "assistant.stores.tracker_store.ConfiguredTrackerStore"
LOCK_STORE = "assistant.stores.lock_store.ConfiguredLockStore"


@dataclass
class ScaledAssistant:
    """What runs: the Rasa servers' URLs, the processes, the shared stores' URLs."""

    rasa_urls: List[str]
    rasa_servers: List[ServerProcess]
    action_server: ServerProcess
    postgres: PostgresServer
    redis: RedisServer
    environment: Dict[str, str]


def scaled_endpoints(path: Path, actions_port: int) -> Path:
    """An endpoints file with the action server, the safety broker and the stores."""
    path.write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n"
        f"event_broker:\n  type: {SAFETY_EVENT_BROKER}\n"
        f"tracker_store:\n  type: {TRACKER_STORE}\n"
        f"lock_store:\n  type: {LOCK_STORE}\n"
    )
    return path


@contextmanager
def scaled_assistant(
    model: str,
    log_dir: Path,
    data_dir: Path,
    rasa_servers: int = 2,
    durable: bool = False,
    rasa_ports: Optional[List[int]] = None,
    actions_port: int = 0,
    extra_environment: Optional[Dict[str, str]] = None,
) -> Iterator[ScaledAssistant]:
    """Start PostgreSQL, Redis, the action server and Rasa servers sharing the stores.

    The directory (with the example entries) is in the same PostgreSQL. Everything
    stops after the block.
    """
    with ExitStack() as stack:
        postgres = stack.enter_context(running_postgres(data_dir / "postgres", durable=durable))
        redis_store = stack.enter_context(running_redis(log_dir / "redis.log"))
        server_url, redis_url = postgres.url, redis_store.url
        environment = {
            "TRACKER_STORE_URL": create_database(server_url, "conversations"),
            "LOCK_STORE_URL": redis_url,
            "DIRECTORY_DATABASE_URL": create_database(server_url, "directory"),
            "SAFETY_EVENTS_DATABASE_URL": create_database(server_url, "safety_events"),
            "SMS_DATABASE_URL": create_database(server_url, "sms"),
            **(extra_environment or {}),
        }
        directory = DirectoryStore(environment["DIRECTORY_DATABASE_URL"])
        directory.create_schema()
        if directory.count() == 0:
            import_csv(DEMO_DIRECTORY_CSV.read_bytes(), directory, gazetteer())
        directory.engine.dispose()

        actions_port = actions_port or free_port()
        endpoints = scaled_endpoints(log_dir / "endpoints.scaled.yml", actions_port)
        command, health = action_server_command(actions_port)
        actions = ServerProcess(command, health, log_dir / "actions.log", environment)
        actions.start()
        stack.callback(actions.stop)

        ports = rasa_ports or [free_port() for _ in range(rasa_servers)]
        servers = []
        for number, port in enumerate(ports, start=1):
            command, health = rasa_server_command(model, port, endpoints, enable_api=False)
            server = ServerProcess(command, health, log_dir / f"rasa-{number}.log", environment)
            server.start()
            stack.callback(server.stop)
            servers.append(server)
        yield ScaledAssistant(
            rasa_urls=[f"http://127.0.0.1:{port}" for port in ports],
            rasa_servers=servers,
            action_server=actions,
            postgres=postgres,
            redis=redis_store,
            environment=environment,
        )


def missing_production_settings() -> List[str]:
    """The secrets and settings a production profile needs and the environment lacks."""
    missing = missing_secrets(os.environ)
    if not os.environ.get("REST_CHANNEL_TOKEN"):
        missing.append("REST_CHANNEL_TOKEN")
    return missing


def main() -> int:
    """Run the production profile until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m tests.harness.scaled", description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--rasa-ports", default="5005,5006")
    parser.add_argument("--actions-port", type=int, default=5055)
    options = parser.parse_args()
    missing = missing_production_settings()
    if missing:
        print(
            f"Not starting: set {', '.join(missing)} in the environment (random values of at "
            "least 16 characters, kept secret and stable; docs/operations.md says how to "
            "rotate them). The production profile never makes them up.",
            file=sys.stderr,
        )
        return 2
    ports = [int(port) for port in options.rasa_ports.split(",")]
    log_dir = PROJECT_DIR / "var" / "scaled-logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    print("Starting PostgreSQL, Redis, the action server and the Rasa servers...")
    with scaled_assistant(
        options.model,
        log_dir,
        PROJECT_DIR / "var",
        durable=True,
        rasa_ports=ports,
        actions_port=options.actions_port,
    ) as running:
        print("Rasa servers: " + ", ".join(running.rasa_urls))
        print(f"Logs in {log_dir}. Ctrl-C stops everything.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("Stopping.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
