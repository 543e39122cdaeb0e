"""Safety events for staff: level, time, channel and a conversation id, never the message."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import List, Tuple

import sqlalchemy as sa

from assistant.paths import VAR_DIR
from assistant.stores.engines import database_engine

DEFAULT_DATABASE_FILE = VAR_DIR / "safety_events.sqlite3"
# Conversation ids are hashed: on SMS the sender id is a phone number.
CONVERSATION_ID_SALT = "mbc-palliative-care-assistant"

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


def conversation_id(sender_id: str) -> str:
    """A short, stable id for a conversation that does not reveal the sender."""
    digest = hashlib.sha256(f"{CONVERSATION_ID_SALT}:{sender_id}".encode()).hexdigest()
    return digest[:16]


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
