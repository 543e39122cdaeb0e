"""A throwaway PostgreSQL server on loopback, from the Debian package, for tests and benchmarks."""

import glob
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List

import sqlalchemy as sa

from tests.harness.servers import free_port

SERVER_USER = "postgres"
STARTUP_TIMEOUT_SECONDS = 30


def postgres_binaries() -> Path:
    """The newest installed PostgreSQL's bin folder, or an error that says how to get one."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed: run `make system-packages` (apt-get install postgresql), "
            "or set DIRECTORY_TEST_DATABASE_URL to a PostgreSQL database."
        )
    return Path(found[-1]).parent


def _as_server_user(command: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root; run it as the `postgres` user then."""
    return ["runuser", "-u", SERVER_USER, "--", *command] if os.geteuid() == 0 else command


@contextmanager
def temporary_postgres() -> Iterator[str]:
    """Yield the URL of a fresh PostgreSQL server, given or started for the block."""
    given = os.environ.get("DIRECTORY_TEST_DATABASE_URL")
    if given:
        yield given
        return
    data_dir = Path(tempfile.mkdtemp(prefix="directory-pg-"))
    try:
        with postgres_server(data_dir, durable=False) as url:
            yield url
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


class PostgresServer:
    """A PostgreSQL server on loopback with its data in `data_dir`, stopped and started at will.

    The data folder is created on first use; `durable=False` skips fsync (test data).
    """

    def __init__(self, data_dir: Path, port: int = 0, durable: bool = True) -> None:
        """Create the data folder if needed; the server is not started."""
        self.binaries = postgres_binaries()
        self.data_dir = data_dir
        self.port = port or free_port()
        self.durable = durable
        self.url = f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/postgres"
        data_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(data_dir, SERVER_USER)
            data_dir.chmod(0o700)
        if not (data_dir / "PG_VERSION").exists():
            initdb = [str(self.binaries / "initdb"), "-D", str(data_dir), "-A", "trust"]
            subprocess.run(
                _as_server_user([*initdb, "-U", SERVER_USER]), check=True, capture_output=True
            )

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        options = f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1"
        if not self.durable:
            options += " -c fsync=off"
        subprocess.run(
            _as_server_user([str(self.binaries / "pg_ctl"), "-D", str(self.data_dir), "-o", options,
                             "-l", str(self.data_dir / "server.log"), "-w",
                             "-t", str(STARTUP_TIMEOUT_SECONDS), "start"]),
            check=True,
            capture_output=True,
        )  # fmt: skip
        time.sleep(0.2)

    def stop(self) -> None:
        """Stop the server (its connections are closed)."""
        stop_mode = "fast" if self.durable else "immediate"
        subprocess.run(
            _as_server_user(
                [str(self.binaries / "pg_ctl"), "-D", str(self.data_dir), "-m", stop_mode, "stop"]
            ),
            capture_output=True,
        )


@contextmanager
def postgres_server(data_dir: Path, port: int = 0, durable: bool = True) -> Iterator[str]:
    """Yield the URL of a PostgreSQL server (see PostgresServer) that runs for the block."""
    with running_postgres(data_dir, port, durable) as server:
        yield server.url


@contextmanager
def running_postgres(
    data_dir: Path, port: int = 0, durable: bool = True
) -> Iterator[PostgresServer]:
    """A started PostgresServer, stopped after the block."""
    server = PostgresServer(data_dir, port, durable)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def create_database(server_url: str, name: str) -> str:
    """Create database `name` on the server (if missing); its URL."""
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", future=True)
    with engine.connect() as connection:
        exists = connection.execute(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        ).first()
        if not exists:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name
