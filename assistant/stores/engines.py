"""SQLAlchemy engines for the project's databases.

The directory, safety events, SMS state and conversations; a SQLite file's
folder is created when needed.
"""

from pathlib import Path

import sqlalchemy as sa

SQLITE_PREFIX = "sqlite:///"


def database_engine(database_url: str) -> sa.engine.Engine:
    """An engine for `database_url` that tests pooled connections before use."""
    if database_url.startswith(SQLITE_PREFIX):
        Path(database_url.removeprefix(SQLITE_PREFIX)).parent.mkdir(parents=True, exist_ok=True)
    return sa.create_engine(database_url, future=True, pool_pre_ping=True)
