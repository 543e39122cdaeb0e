"""Where the directory lives: `DIRECTORY_DATABASE_URL`, or a SQLite file in the project."""

from __future__ import annotations

import os
from pathlib import Path

from assistant.paths import VAR_DIR

DEFAULT_DATABASE_FILE = VAR_DIR / "directory.sqlite3"
DEMO_DIRECTORY_CSV = Path(__file__).resolve().parent / "demo_providers.csv"


def directory_database_url() -> str:
    """The SQLAlchemy URL of the directory database."""
    return os.environ.get("DIRECTORY_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE_FILE}"
