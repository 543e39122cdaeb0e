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

from harness.servers import free_port

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


@contextmanager
def postgres_server(data_dir: Path, port: int = 0, durable: bool = True) -> Iterator[str]:
    """Yield the URL of a PostgreSQL server on loopback with its data in `data_dir`.

    The data folder is created on first use; `durable=False` skips fsync (test data).
    """
    binaries = postgres_binaries()
    data_dir.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(data_dir, SERVER_USER)
        data_dir.chmod(0o700)
    port = port or free_port()
    run = _as_server_user
    if not (data_dir / "PG_VERSION").exists():
        subprocess.run(
            run([str(binaries / "initdb"), "-D", str(data_dir), "-A", "trust", "-U", SERVER_USER]),
            check=True,
            capture_output=True,
        )
    options = f"-p {port} -k {data_dir} -c listen_addresses=127.0.0.1"
    if not durable:
        options += " -c fsync=off"
    subprocess.run(
        run([str(binaries / "pg_ctl"), "-D", str(data_dir), "-o", options, "-l",
             str(data_dir / "server.log"), "-w", "-t", str(STARTUP_TIMEOUT_SECONDS), "start"]),
        check=True,
        capture_output=True,
    )  # fmt: skip
    try:
        time.sleep(0.2)
        yield f"postgresql://{SERVER_USER}@127.0.0.1:{port}/postgres"
    finally:
        stop_mode = "fast" if durable else "immediate"
        subprocess.run(
            run([str(binaries / "pg_ctl"), "-D", str(data_dir), "-m", stop_mode, "stop"]),
            capture_output=True,
        )


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
