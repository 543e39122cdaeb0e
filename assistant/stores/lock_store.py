"""The lock store: Redis at `LOCK_STORE_URL` for several Rasa servers, else in memory.

Rasa's Redis lock store serialises a conversation's messages across servers
with tickets, but issuing a ticket is a read-then-write, not atomic
(RasaHQ/rasa#9213): two messages of one conversation arriving at two servers
in the same instant can both proceed. A person waits for the answer before
writing again, and the socket.io widget keeps to one server (sticky
sessions), so in practice a conversation's messages arrive one at a time.
"""

from typing import Optional

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from assistant.stores.config import lock_store_url
from assistant.stores.tracker_store import StoreUnavailable

SOCKET_TIMEOUT_SECONDS = 5.0


def redis_lock_store(url: str) -> RedisLockStore:
    """Rasa's Redis lock store for `redis://[:password@]host:port/db`; checked once."""
    parsed = redis.connection.parse_url(url)
    store = RedisLockStore(
        host=parsed.get("host", "localhost"),
        port=int(parsed.get("port", 6379)),
        db=int(parsed.get("db", 1)),
        username=parsed.get("username"),
        password=parsed.get("password"),
        socket_timeout=SOCKET_TIMEOUT_SECONDS,
    )
    try:
        store.red.ping()
    except redis.RedisError as error:
        raise StoreUnavailable(
            f"The lock store at {parsed.get('host')}:{parsed.get('port', 6379)} (LOCK_STORE_URL) "
            f"cannot be reached: {error}. Start Redis, or unset LOCK_STORE_URL (one server only)."
        ) from None
    return store


class ConfiguredLockStore(LockStore):
    """Redis lock store at LOCK_STORE_URL, or Rasa's in-memory one (endpoints.yml)."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None) -> None:
        """Connect to Redis when LOCK_STORE_URL names one, failing fast when it is down."""
        url = lock_store_url()
        self.store: LockStore = redis_lock_store(url) if url else InMemoryLockStore()
        super().__init__()

    def get_lock(self, conversation_id: str) -> Optional[TicketLock]:
        """The conversation's lock, from the configured store."""
        return self.store.get_lock(conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        """Delete the conversation's lock."""
        self.store.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        """Save the conversation's lock."""
        self.store.save_lock(lock)
