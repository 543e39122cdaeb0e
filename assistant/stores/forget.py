"""Deleting one conversation from the tracker store, when the person asks."""

from typing import Any, List

from rasa.core.tracker_store import (
    AwaitableTrackerStore,
    FailSafeTrackerStore,
    InMemoryTrackerStore,
    SQLTrackerStore,
)


def underlying_stores(tracker_store: Any) -> List[Any]:
    """The stores behind Rasa's wrappers.

    The configured one, and the in-memory fallback that Rasa's fail-safe wrapper
    writes to while the configured one is down.
    """
    stores: List[Any] = []
    pending = [tracker_store]
    while pending:
        store = pending.pop()
        if isinstance(store, FailSafeTrackerStore):
            pending.append(store._tracker_store)
            if store._fallback_tracker_store is not None:
                pending.append(store._fallback_tracker_store)
        elif isinstance(store, AwaitableTrackerStore):
            pending.append(store._tracker_store)
        elif store is not None:
            stores.append(store)
    return stores


async def delete_conversation(tracker_store: Any, lock_store: Any, sender_id: str) -> bool:
    """Delete every stored event of `sender_id`, under the conversation's lock.

    False when a store is of a kind this does not know how to delete from.
    """
    stores = underlying_stores(tracker_store)
    if not stores or not all(
        isinstance(s, (SQLTrackerStore, InMemoryTrackerStore)) for s in stores
    ):
        return False
    async with lock_store.lock(sender_id):
        for store in stores:
            if isinstance(store, InMemoryTrackerStore):
                store.store.pop(sender_id, None)
                continue
            with store.session_scope() as session:
                session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender_id).delete()
                session.commit()
    return True
