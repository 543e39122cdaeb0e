"""Shared fixtures: empty databases, the trained model and the running assistant."""

import itertools
import logging
import os
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa
from rasa.core.agent import Agent
from rasa.utils.log_utils import configure_structlog

from assistant.directory.config import DEMO_DIRECTORY_CSV
from assistant.directory.importer import import_csv
from assistant.directory.places import gazetteer
from assistant.directory.store import DirectoryStore
from tests.harness.postgres import temporary_postgres
from tests.harness.servers import assistant, free_port
from tests.twilio_webhook import sms_environment

_database_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """One PostgreSQL server for the session (or DIRECTORY_TEST_DATABASE_URL)."""
    with temporary_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of an empty database, of each kind in turn."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('database')}/test.sqlite3"
    server_url = request.getfixturevalue("postgres_server_url")
    name = f"test_{next(_database_numbers)}"
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", future=True)
    with engine.connect() as connection:
        connection.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
        connection.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def model_path() -> str:
    """The model `make test` trained (MODEL_PATH); model tests fail without one."""
    path = os.environ.get("MODEL_PATH", "")
    if not path or not Path(path).is_file():
        pytest.fail("MODEL_PATH must name a trained model: run `make test-model`")
    return path


@pytest.fixture(scope="session")
def model_agent(model_path: str) -> Agent:
    """The trained model, loaded in this process.

    Rasa's structured log is kept at WARNING: at its default it prints every parsed
    message's text, and a test split's text must not reach any output.
    """
    configure_structlog(logging.WARNING)
    return Agent.load(model_path)


@pytest.fixture(scope="session")
def server_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder with the servers' log files."""
    return tmp_path_factory.mktemp("servers")


@pytest.fixture(scope="session")
def demo_directory_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite directory holding the shipped example entries."""
    url = f"sqlite:///{tmp_path_factory.mktemp('directory')}/directory.sqlite3"
    import_csv(DEMO_DIRECTORY_CSV.read_bytes(), DirectoryStore(url), gazetteer())
    return url


@pytest.fixture(scope="session")
def safety_events_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Where the servers under test record safety events."""
    return f"sqlite:///{tmp_path_factory.mktemp('safety')}/safety_events.sqlite3"


@pytest.fixture(scope="session")
def demo_page_port() -> int:
    """The port the widget's demo page will be served on: the one origin the server allows."""
    return free_port()


@pytest.fixture(scope="session")
def rasa_url(
    model_path: str,
    server_logs: Path,
    demo_directory_url: str,
    safety_events_url: str,
    demo_page_port: int,
) -> Iterator[str]:
    """Base URL of a real Rasa server and its action server on loopback, as `make run` runs them."""
    environment = {
        "DIRECTORY_DATABASE_URL": demo_directory_url,
        "SAFETY_EVENTS_DATABASE_URL": safety_events_url,
        "WEBCHAT_ALLOWED_ORIGINS": f"http://127.0.0.1:{demo_page_port}",
        **sms_environment(server_logs),
    }
    with assistant(model_path, server_logs, environment=environment, with_stores=True) as url:
        yield url
