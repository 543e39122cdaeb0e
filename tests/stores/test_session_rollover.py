"""A busy session is closed after `max_turns_per_session` messages, as an idle one is.

Real SQLite and PostgreSQL stores: the conversation is saved and loaded as the Rasa
server does for each message (load, add the turn, save).
"""

from typing import List

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from assistant.stores.tracker_store import ConfiguredTrackerStore
from tests.stores.test_conversation_loading import RecordingBroker

DOMAIN = Domain.load("domain")
MAX_TURNS = 3


def answered_turn(number: int) -> List[Event]:
    """The person asks, the assistant answers with a topic and listens."""
    return [
        UserUttered(f"question {number}", parse_data={"intent": {"name": "counseling"}}),
        ActionExecuted("utter_counseling"),
        BotUttered(f"answer {number}", metadata={"utter_action": "utter_counseling"}),
        ActionExecuted("action_listen"),
    ]


def session_start() -> List[Event]:
    return [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
    ]


async def next_message(
    store: ConfiguredTrackerStore, sender: str, number: int
) -> DialogueStateTracker:
    """Load the conversation, add one answered turn and save it, as a message does."""
    tracker = await store.retrieve(sender)
    assert tracker is not None
    tracker.update_with_events(answered_turn(number), DOMAIN)
    await store.save(tracker)
    return tracker


def messages(tracker: DialogueStateTracker, *, applied: bool) -> List[str]:
    events = tracker.applied_events() if applied else tracker.events
    return [e.text or "" for e in events if isinstance(e, UserUttered)]


@pytest.fixture()
def store(database_url: str, monkeypatch: pytest.MonkeyPatch) -> ConfiguredTrackerStore:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    return ConfiguredTrackerStore(DOMAIN, max_turns_per_session=MAX_TURNS)


async def test_the_message_after_a_full_session_starts_a_new_one_with_the_slots(
    store: ConfiguredTrackerStore,
) -> None:
    opening = [*session_start(), SlotSet("place", "78701"), *answered_turn(1)]
    await store.save(DialogueStateTracker.from_events("busy", opening, DOMAIN.slots))
    for number in (2, 3):
        await next_message(store, "busy", number)

    fourth = await next_message(store, "busy", 4)
    # The message that starts the new session still sees the last answer of the old one
    # (a follow-up or a numbered SMS reply reads it) ...
    assert messages(fourth, applied=False)[-2:] == ["question 3", "question 4"]
    assert messages(fourth, applied=True) == ["question 4"]
    assert fourth.get_slot("place") == "78701"

    # ... and the next message loads only the new session, with the slots carried over,
    # and the old session's last topic answer for a follow-up.
    fifth = await next_message(store, "busy", 5)
    assert messages(fifth, applied=False) == ["question 4", "question 5"]
    assert fifth.get_slot("place") == "78701"
    assert fifth.get_slot("last_topic_answer") == "utter_counseling"

    everything = await store.retrieve_full_tracker("busy")
    store.engine.dispose()
    assert everything is not None
    assert messages(everything, applied=False) == [f"question {n}" for n in range(1, 6)]
    assert sum(isinstance(e, SessionStarted) for e in everything.events) == 2


async def test_an_open_form_keeps_its_session_past_the_limit(
    store: ConfiguredTrackerStore,
) -> None:
    start = session_start()  # first: a session holds what comes after its start
    turns = [event for number in (1, 2, 3) for event in answered_turn(number)]
    in_a_form = [
        *start,
        *turns[:-1],
        ActiveLoop("directory_search_form"),
        SlotSet("requested_slot", "place"),
        ActionExecuted("action_listen"),
    ]
    await store.save(DialogueStateTracker.from_events("searching", in_a_form, DOMAIN.slots))
    tracker = await store.retrieve("searching")
    store.engine.dispose()
    assert tracker is not None
    assert messages(tracker, applied=True) == ["question 1", "question 2", "question 3"]
    assert tracker.active_loop_name == "directory_search_form"


async def test_a_question_of_the_assistant_keeps_its_session_until_answered(
    store: ConfiguredTrackerStore,
) -> None:
    start = session_start()
    turns = [event for number in (1, 2) for event in answered_turn(number)]
    asked = [
        UserUttered("delete my conversation", parse_data={"intent": {"name": "forget"}}),
        ActionExecuted("utter_ask_forget_conversation"),
        BotUttered("Delete it?", metadata={"utter_action": "utter_ask_forget_conversation"}),
        ActionExecuted("action_listen"),
    ]
    events = [*start, *turns, *asked]
    await store.save(DialogueStateTracker.from_events("asked", events, DOMAIN.slots))
    tracker = await store.retrieve("asked")
    store.engine.dispose()
    assert tracker is not None
    assert messages(tracker, applied=True)[-1] == "delete my conversation"
    assert tracker.latest_action_name == "action_listen"
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 1


async def test_a_short_session_is_left_as_it_is(store: ConfiguredTrackerStore) -> None:
    events = [*session_start(), *answered_turn(1), *answered_turn(2)]
    await store.save(DialogueStateTracker.from_events("short", events, DOMAIN.slots))
    tracker = await store.retrieve("short")
    store.engine.dispose()
    assert tracker is not None
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 1
    assert messages(tracker, applied=True) == ["question 1", "question 2"]


async def test_the_broker_hears_the_new_session_once(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    broker = RecordingBroker()
    store = ConfiguredTrackerStore(DOMAIN, event_broker=broker, max_turns_per_session=1)
    events = [*session_start(), *answered_turn(1)]
    await store.save(DialogueStateTracker.from_events("heard", events, DOMAIN.slots))
    await next_message(store, "heard", 2)
    store.engine.dispose()
    published = [e["event"] for e in broker.published]
    assert published.count("session_started") == 2
    # The session start, the last topic answer carried in its slot, a listen.
    assert published[len(events) :][:4] == ["action", "session_started", "slot", "action"]
    assert [e.get("text") for e in broker.published if e["event"] == "user"] == [
        "question 1",
        "question 2",
    ]


def test_a_limit_below_one_is_refused(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    with pytest.raises(ValueError, match="max_turns_per_session"):
        ConfiguredTrackerStore(DOMAIN, max_turns_per_session=0)
