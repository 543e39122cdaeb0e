"""A fresh directory per test, in each kind of database (`database_url`, tests/conftest.py)."""

from typing import Iterator

import pytest

from assistant.directory.places import Gazetteer, gazetteer
from assistant.directory.store import DirectoryStore


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
