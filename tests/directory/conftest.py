"""A fresh directory database per test: a SQLite file, and a database on a real PostgreSQL."""

import itertools
from typing import Iterator

import pytest
import sqlalchemy as sa

from directory.places import Gazetteer, gazetteer
from directory.store import DirectoryStore
from harness.postgres import temporary_postgres

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
        return f"sqlite:///{tmp_path_factory.mktemp('directory')}/directory.sqlite3"
    server_url = request.getfixturevalue("postgres_server_url")
    name = f"directory_test_{next(_database_numbers)}"
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT", future=True)
    with engine.connect() as connection:
        connection.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
        connection.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def store(database_url: str) -> Iterator[DirectoryStore]:
    """An empty directory with its schema."""
    directory = DirectoryStore(database_url)
    directory.create_schema()
    yield directory
    directory.engine.dispose()


@pytest.fixture(scope="session")
def places() -> Gazetteer:
    """The real offline gazetteer."""
    return gazetteer()
