"""Store addresses from the environment, with embedded defaults that need no server.

TRACKER_STORE_URL: SQLAlchemy URL of the conversation store; default a SQLite
file, `var/conversations.sqlite3`. LOCK_STORE_URL: `redis://host:port/db` for
the lock store several Rasa servers share; default Rasa's in-memory lock store
(one server only). Rasa's own TICKET_LOCK_LIFETIME sets how long a lock lasts.
"""

import os
from typing import Optional

import sqlalchemy as sa

from assistant.paths import VAR_DIR

DEFAULT_TRACKER_DATABASE_FILE = VAR_DIR / "conversations.sqlite3"


def tracker_store_url() -> str:
    """`TRACKER_STORE_URL`, or the SQLite file in the project."""
    return os.environ.get("TRACKER_STORE_URL") or f"sqlite:///{DEFAULT_TRACKER_DATABASE_FILE}"


def lock_store_url() -> Optional[str]:
    """`LOCK_STORE_URL` (Redis), or None for the in-memory lock store."""
    return os.environ.get("LOCK_STORE_URL") or None


def printable(url: str) -> str:
    """A database URL with its password hidden, for messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "(not a valid URL)"
