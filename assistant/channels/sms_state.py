"""What the SMS channel remembers between webhooks.

Twilio message ids it has handled (so a retry is answered once) and who has
opted out.

Phone numbers are never stored: a person is known by their conversation id,
a keyed hash of the number (`conversation_ids.sms_conversation_id`).
"""

import os
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from assistant.paths import VAR_DIR
from assistant.stores.engines import database_engine

DEFAULT_DATABASE_FILE = VAR_DIR / "sms.sqlite3"
MESSAGE_SID_MAX_LENGTH = 64

metadata = sa.MetaData()
handled_messages = sa.Table(
    "sms_handled_messages",
    metadata,
    sa.Column("message_sid", sa.String(MESSAGE_SID_MAX_LENGTH), primary_key=True),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False, index=True),
)
opt_outs = sa.Table(
    "sms_opt_outs",
    metadata,
    sa.Column("sender", sa.String(64), primary_key=True),
    sa.Column("opted_out_at", sa.DateTime(timezone=True), nullable=False),
)


def sms_database_url() -> str:
    """`SMS_DATABASE_URL`, or a SQLite file in the project."""
    return os.environ.get("SMS_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE_FILE}"


class SmsState:
    """Handled message ids and opt-outs in a SQL database (shared by every server)."""

    def __init__(self, database_url: str) -> None:
        """Use the database at `database_url`, creating the tables when needed."""
        self.engine = database_engine(database_url)
        metadata.create_all(self.engine)

    def first_delivery(self, message_sid: str) -> bool:
        """Record `message_sid`; False when it was already recorded (a Twilio retry)."""
        row = {"message_sid": message_sid[:MESSAGE_SID_MAX_LENGTH], "received_at": _now()}
        try:
            with self.engine.begin() as connection:
                connection.execute(handled_messages.insert().values(**row))
        except sa.exc.IntegrityError:
            return False
        return True

    def forget_handled_before(self, days: int) -> int:
        """Delete message ids older than `days` days (Twilio retries within hours)."""
        cutoff = _now() - timedelta(days=days)
        with self.engine.begin() as connection:
            result = connection.execute(
                handled_messages.delete().where(handled_messages.c.received_at < cutoff)
            )
        return int(result.rowcount or 0)

    def is_opted_out(self, sender: str) -> bool:
        """Whether `sender` (an SMS conversation id) texted STOP and not START since."""
        with self.engine.connect() as connection:
            query = sa.select(opt_outs.c.sender).where(opt_outs.c.sender == sender)
            return connection.execute(query).first() is not None

    def opt_out(self, sender: str) -> None:
        """Stop replying to `sender` until they opt in again."""
        with self.engine.begin() as connection:
            connection.execute(opt_outs.delete().where(opt_outs.c.sender == sender))
            connection.execute(opt_outs.insert().values(sender=sender, opted_out_at=_now()))

    def opt_in(self, sender: str) -> None:
        """Reply to `sender` again."""
        with self.engine.begin() as connection:
            connection.execute(opt_outs.delete().where(opt_outs.c.sender == sender))


def _now() -> datetime:
    return datetime.now(timezone.utc)
