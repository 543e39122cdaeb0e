"""Safety events for staff: level, time, channel and a keyed conversation id, never the message.

The conversation id is an HMAC keyed by SAFETY_EVENT_ID_KEY, so it links the events of one
conversation without revealing it (on SMS the conversation id derives from a phone number).
Events go with their conversation when the person deletes it, and are purged after the same
retention as conversations.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import List, Optional, Tuple

import sqlalchemy as sa

from assistant.paths import VAR_DIR
from assistant.secret_keys import SAFETY_EVENT_ID_KEY, keyed_id
from assistant.stores.engines import database_engine

DEFAULT_DATABASE_FILE = VAR_DIR / "safety_events.sqlite3"

metadata = sa.MetaData()
safety_events = sa.Table(
    "safety_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("day", sa.String(10), nullable=False, index=True),
    sa.Column("level", sa.String(20), nullable=False),
    sa.Column("channel", sa.String(40), nullable=False),
    sa.Column("conversation", sa.String(16), nullable=False),
)


def safety_events_database_url() -> str:
    """`SAFETY_EVENTS_DATABASE_URL`, or a SQLite file in the project."""
    return os.environ.get("SAFETY_EVENTS_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE_FILE}"


def conversation_id(sender_id: str, key: Optional[bytes] = None) -> str:
    """A short, stable id for a conversation that does not reveal it (keyed HMAC)."""
    return keyed_id(SAFETY_EVENT_ID_KEY, sender_id, length=16, key=key)


@dataclass(frozen=True)
class SafetyEvent:
    """One message that showed distress, an emergency or a crisis."""

    recorded_at: datetime
    level: str
    channel: str
    conversation: str


class SafetyEventLog:
    """Safety events in a SQL database."""

    def __init__(self, database_url: str) -> None:
        """Use the database at `database_url`, creating the table when needed."""
        self.engine = database_engine(database_url)
        metadata.create_all(self.engine)

    def record(self, event: SafetyEvent) -> None:
        """Store one event."""
        moment = event.recorded_at.astimezone(timezone.utc)
        with self.engine.begin() as connection:
            connection.execute(
                safety_events.insert().values(
                    recorded_at=moment,
                    day=moment.date().isoformat(),
                    level=event.level,
                    channel=event.channel[:40],
                    conversation=event.conversation,
                )
            )

    def counts_per_day(self) -> List[Tuple[str, str, int]]:
        """(day, level, count), oldest day first."""
        query = (
            sa.select(safety_events.c.day, safety_events.c.level, sa.func.count())
            .group_by(safety_events.c.day, safety_events.c.level)
            .order_by(safety_events.c.day, safety_events.c.level)
        )
        with self.engine.connect() as connection:
            return [(day, level, int(count)) for day, level, count in connection.execute(query)]

    def delete_conversation(self, sender_id: str) -> int:
        """Delete the events of the conversation `sender_id`; how many."""
        with self.engine.begin() as connection:
            result = connection.execute(
                safety_events.delete().where(
                    safety_events.c.conversation == conversation_id(sender_id)
                )
            )
        return int(result.rowcount or 0)

    def purge_before(self, days: int, now: datetime | None = None) -> int:
        """Delete the events recorded more than `days` days ago; how many."""
        cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days)
        with self.engine.begin() as connection:
            result = connection.execute(
                safety_events.delete().where(safety_events.c.recorded_at < cutoff)
            )
        return int(result.rowcount or 0)
