"""The conversation store: Rasa's SQL tracker store at `TRACKER_STORE_URL`.

A SQLite file by default (conversations survive a restart, no server needed);
PostgreSQL for several Rasa servers. Unlike Rasa's own, it does not wait
forever for a database that is down at start (it stops with a clear error),
and it recovers by itself when the database comes back mid-run.
"""

from typing import Any, Optional

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain

from assistant.stores.config import printable, tracker_store_url
from assistant.stores.engines import database_engine

CONNECT_TIMEOUT_SECONDS = 5


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
        **kwargs: Any,
    ) -> None:
        """Connect to the configured database, failing fast when it is down."""
        url = with_connect_timeout(tracker_store_url())
        check_reachable(url)
        super().__init__(domain=domain, host=url, event_broker=event_broker)
        # Test pooled connections before use, so the first message after the
        # database restarts works instead of failing on a dead connection.
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
