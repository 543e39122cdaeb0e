"""Loading and saving a conversation: the same tracker as Rasa's own, at less cost.

A conversation of many kinds of events (a form, slots, a restart of the session,
a follow-up action) is saved and loaded back on SQLite and PostgreSQL, and compared
with what Rasa's own SQL tracker store makes of the same rows.
"""

from typing import Any, Dict, List

import pytest
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    FollowupAction,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from assistant.stores.event_loading import deserialise
from assistant.stores.tracker_store import ConfiguredTrackerStore

DOMAIN = Domain.load("domain")


class RecordingBroker(EventBroker):
    """An event broker that keeps what it was given."""

    def __init__(self) -> None:
        """Nothing published yet."""
        self.published: List[Dict[str, Any]] = []

    def publish(self, event: Dict[str, Any]) -> None:
        """Keep the event."""
        self.published.append(event)


def conversation() -> List[Event]:
    parse = {"intent": {"name": "find_provider", "confidence": 0.9}, "entities": []}
    return [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered("hospice near me", parse_data=parse),
        ActionExecuted("directory_search_form"),
        ActiveLoop("directory_search_form"),
        SlotSet("provider_kind", "hospice"),
        SlotSet("requested_slot", "place"),
        BotUttered("Where should I look?", metadata={"utter_action": "utter_ask_place"}),
        ActionExecuted("action_listen"),
        UserUttered("78701", parse_data={**parse, "intent": {"name": "inform"}}),
        SlotSet("place", "78701"),
        ActiveLoop(None),
        FollowupAction("action_search_directory"),
        ActionExecuted("action_search_directory"),
        ActionExecuted("action_listen"),
    ]


async def test_a_loaded_conversation_is_the_one_rasa_would_load(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    store = ConfiguredTrackerStore(DOMAIN)
    await store.save(DialogueStateTracker.from_events("person", conversation(), DOMAIN.slots))
    ours = await store.retrieve("person")
    rasa_own = await SQLTrackerStore._retrieve(store, "person", False)
    store.engine.dispose()
    assert ours is not None and rasa_own is not None
    assert [e.as_dict() for e in ours.events] == [e.as_dict() for e in rasa_own.events]
    assert [e.type_name for e in ours.events][-3:] == ["followup", "action", "action"]
    assert ours.current_state() == rasa_own.current_state()
    assert ours.get_slot("place") == "78701" and ours.active_loop_name is None


async def test_saving_tells_the_broker_each_new_event_once(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    broker = RecordingBroker()
    store = ConfiguredTrackerStore(DOMAIN, event_broker=broker)
    events = conversation()
    await store.save(DialogueStateTracker.from_events("person", events[:4], DOMAIN.slots))
    tracker = await store.retrieve("person")  # as the next message does
    assert tracker is not None
    for event in events[4:7]:
        tracker.update(event)
    await store.save(tracker)
    store.engine.dispose()
    assert [e["event"] for e in broker.published] == [e.type_name for e in events[:7]]
    assert all(e["sender_id"] == "person" for e in broker.published)


def test_retired_and_unknown_event_names_are_treated_as_rasa_treats_them() -> None:
    assert deserialise([{"event": "topic", "topic": "x"}, {"timestamp": 1}]) == []
    with pytest.raises(ValueError, match="Unknown event name"):
        deserialise([{"event": "no_such_event"}])


async def test_only_the_current_session_is_loaded_for_a_message(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    store = ConfiguredTrackerStore(DOMAIN)
    last_month, today = 1_700_000_000.0, 1_702_600_000.0
    events = [
        ActionExecuted("action_session_start", timestamp=last_month),
        SessionStarted(timestamp=last_month),
        UserUttered("a message from last month", timestamp=last_month + 1),
        ActionExecuted("action_session_start", timestamp=today),
        SessionStarted(timestamp=today),
        SlotSet("provider_kind", "hospice", timestamp=today),
        UserUttered("a message today", timestamp=today + 1),
    ]
    await store.save(DialogueStateTracker.from_events("texter", events, DOMAIN.slots))
    current = await store.retrieve("texter")
    everything = await store.retrieve_full_tracker("texter")
    store.engine.dispose()
    assert current is not None and everything is not None
    texts = [e.text for e in current.events if isinstance(e, UserUttered)]
    assert texts == ["a message today"]
    assert current.get_slot("provider_kind") == "hospice"
    assert len([e for e in everything.events if isinstance(e, UserUttered)]) == 2
