"""The conversation store: Rasa's SQL tracker store at `TRACKER_STORE_URL`.

A SQLite file by default (conversations survive a restart, no server needed);
PostgreSQL for several Rasa servers. Unlike Rasa's own, it does not wait
forever for a database that is down at start (it stops with a clear error),
and it recovers by itself when the database comes back mid-run. A message
costs less as the conversation grows than with Rasa's own: events are turned
back into objects without Rasa's per-event class search, and saving does not
load the whole conversation a second time to tell the event broker what is new.
And a session that holds `max_turns_per_session` messages is closed at the next message, as
an idle one is (`session_rollover`), so a busy conversation costs what a new one costs; an
idle session that ends on a safety question keeps it open in the next one, for a day.
"""

import json
import math
from typing import Any, Optional

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from assistant.stores.config import printable, tracker_store_url
from assistant.stores.engines import database_engine
from assistant.stores.event_loading import deserialise
from assistant.stores.session_rollover import (
    start_next_session_if_full,
    start_next_session_if_idle_with_a_safety_question,
)

CONNECT_TIMEOUT_SECONDS = 5
# Messages from the person in one session before the next message starts a new one.
DEFAULT_MAX_TURNS_PER_SESSION = 10
# Hours after which a reply no longer answers a safety question left open by an idle session.
DEFAULT_KEEP_SAFETY_QUESTION_HOURS = 24


class StoreUnavailable(RuntimeError):
    """A store the assistant needs cannot be reached when it starts."""


def with_connect_timeout(url: str) -> str:
    """A PostgreSQL URL that gives up connecting after a few seconds (fail fast)."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "postgresql" or "connect_timeout" in parsed.query:
        return url
    with_timeout = parsed.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_SECONDS)})
    return with_timeout.render_as_string(hide_password=False)


def check_reachable(url: str) -> None:
    """Connect once, or raise StoreUnavailable saying which database and why."""
    engine = database_engine(url)
    try:
        with engine.connect():
            pass
    except sa.exc.SQLAlchemyError as error:
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
        raise StoreUnavailable(
            f"The conversation store {printable(url)} (TRACKER_STORE_URL) cannot be reached: "
            f"{reason}. Start the database, or unset TRACKER_STORE_URL to use the SQLite file."
        ) from None
    finally:
        engine.dispose()


class ConfiguredTrackerStore(SQLTrackerStore):
    """SQL tracker store at TRACKER_STORE_URL (endpoints.yml: `type: stores....`)."""

    engine: sa.engine.Engine

    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[str] = None,
        event_broker: Optional[EventBroker] = None,
        max_turns_per_session: int = DEFAULT_MAX_TURNS_PER_SESSION,
        keep_safety_question_hours: float = DEFAULT_KEEP_SAFETY_QUESTION_HOURS,
        **kwargs: Any,
    ) -> None:
        """Connect to the configured database, failing fast when it is down."""
        if int(max_turns_per_session) < 1:
            raise ValueError("max_turns_per_session (endpoints.yml) must be 1 or more.")
        self.max_turns_per_session = int(max_turns_per_session)
        if not 0 < float(keep_safety_question_hours) < math.inf:
            raise ValueError("keep_safety_question_hours (endpoints.yml) must be above 0.")
        self.keep_safety_question_hours = float(keep_safety_question_hours)
        url = with_connect_timeout(tracker_store_url())
        check_reachable(url)
        super().__init__(domain=domain, host=url, event_broker=event_broker)
        # Test pooled connections before use, so the first message after the
        # database restarts works instead of failing on a dead connection.
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        """The conversation's current session; a full one is closed and a new one begun.

        An idle session whose last turn asked a safety question is closed here too, with the
        question kept open in the new one (session_rollover).
        """
        tracker = await self._retrieve(sender_id, fetch_events_from_all_sessions=False)
        if tracker is not None and self.domain is not None:
            start_next_session_if_idle_with_a_safety_question(
                tracker, self.domain, self.keep_safety_question_hours
            )
            start_next_session_if_full(tracker, self.domain, self.max_turns_per_session)
        return tracker

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        """The conversation's tracker, as Rasa's own builds it, without its per-event search."""
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions).all()
            serialised = [json.loads(row.data) for row in rows]
        if not self.domain or not serialised:
            return None
        return DialogueStateTracker.from_events(
            sender_id, deserialise(serialised), self.domain.slots
        )

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Publish the events not stored yet, counted in the database (no second load)."""
        if self.event_broker is None:
            return
        with self.session_scope() as session:
            new_events = list(self._additional_events(session, tracker))
        await self._stream_new_events(self.event_broker, new_events, tracker.sender_id)
