"""Retention: conversations whose last message is older than N days are deleted.

Works on the tables of Rasa's SQL tracker store (`events`), on SQLite and
PostgreSQL. `make purge-conversations DAYS=30` runs it; run it daily.
"""

import time
from typing import Optional

import sqlalchemy as sa

DEFAULT_RETENTION_DAYS = 30
SECONDS_PER_DAY = 86_400

metadata = sa.MetaData()
# The columns of Rasa's `events` table that retention needs.
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("timestamp", sa.Float),
)


def purge_conversations(database_url: str, days: int, now: Optional[float] = None) -> int:
    """Delete every conversation with no event in the last `days` days; how many."""
    if days < 1:
        raise ValueError("Keep conversations for at least 1 day.")
    cutoff = (now if now is not None else time.time()) - days * SECONDS_PER_DAY
    engine = sa.create_engine(database_url, future=True)
    try:
        if not sa.inspect(engine).has_table("events"):
            return 0
        stale = (
            sa.select(events.c.sender_id)
            .group_by(events.c.sender_id)
            .having(sa.func.max(events.c.timestamp) < cutoff)
        )
        with engine.begin() as connection:
            senders = [row.sender_id for row in connection.execute(stale)]
            for start in range(0, len(senders), 500):
                batch = senders[start : start + 500]
                connection.execute(events.delete().where(events.c.sender_id.in_(batch)))
        return len(senders)
    finally:
        engine.dispose()
