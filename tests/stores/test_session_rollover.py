"""A busy session is closed after `max_turns_per_session` messages, as an idle one is.

Real SQLite and PostgreSQL stores: the conversation is saved and loaded as the Rasa
server does for each message (load, add the turn, save).
"""

import time
from pathlib import Path
from typing import List

import pytest
import yaml
from rasa.shared.core.constants import (
    USER_INTENT_BACK,
    USER_INTENT_RESTART,
    USER_INTENT_SESSION_START,
)
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
    # The session start, the last topic answer carried in its slot, the last turn, a listen.
    started = [
        (e["event"], e.get("name")) for e in broker.published[len(events) :] if e["event"] != "user"
    ][:5]
    assert started == [
        ("action", "action_session_start"),
        ("session_started", None),
        ("slot", "last_topic_answer"),
        ("action", "utter_counseling"),
        ("action", "action_listen"),
    ]
    assert [e.get("text") for e in broker.published if e["event"] == "user"] == [
        "question 1",
        "question 2",
    ]


def test_a_limit_below_one_is_refused(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    with pytest.raises(ValueError, match="max_turns_per_session"):
        ConfiguredTrackerStore(DOMAIN, max_turns_per_session=0)


@pytest.mark.parametrize("hours", [0, -1, float("nan"), float("inf")])
def test_a_safety_question_window_that_is_not_a_time_is_refused(
    database_url: str, monkeypatch: pytest.MonkeyPatch, hours: float
) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    with pytest.raises(ValueError, match="keep_safety_question_hours"):
        ConfiguredTrackerStore(DOMAIN, keep_safety_question_hours=hours)


TWO_HOURS_AGO = time.time() - 2 * 60 * 60
TWO_DAYS_AGO = time.time() - 2 * 24 * 60 * 60
DIRECT_QUESTION = "utter_ask_suicidal_thoughts"


def turn(intent: str, actions: List[Event], at: float) -> List[Event]:
    """A message with `intent`, the assistant's `actions`, and a listen, all at `at`."""
    events = [UserUttered("...", parse_data={"intent": {"name": intent}}), *actions]
    events.append(ActionExecuted("action_listen"))
    for event in events:
        event.timestamp = at
    return events


def said(response: str, *payloads: str) -> BotUttered:
    buttons = [{"payload": payload} for payload in payloads]
    return BotUttered("...", data={"buttons": buttons}, metadata={"utter_action": response})


def asked_directly(at: float) -> List[Event]:
    """An unclear message, and "are you having thoughts of ending your life?" waiting."""
    question = [
        ActionExecuted("suicide_check_in_form"),
        said(DIRECT_QUESTION, "/affirm", "/deny", "/decline_to_say"),
        ActiveLoop("suicide_check_in_form"),
        SlotSet("requested_slot", "suicidal_thoughts"),
    ]
    return [*started(at), *turn("possible_crisis", question, at)]


def crisis_answered(at: float) -> List[Event]:
    """A crisis, and the answer's "are you safe right now?" waiting."""
    answer = [
        ActionExecuted("utter_crisis_self"),
        said("utter_crisis_self", "/say_safe", "/not_safe"),
        SlotSet("crisis_in_conversation", True),
    ]
    return [*started(at), *turn("crisis_self", answer, at)]


def started(at: float) -> List[Event]:
    events = session_start()
    for event in events:
        event.timestamp = at
    return events


def previous_actions(tracker: DialogueStateTracker) -> List[str]:
    return [
        e.action_name or ""
        for e in tracker.applied_events()
        if isinstance(e, ActionExecuted) and e.action_name not in ("action_listen", None)
    ]


async def reloaded(store: ConfiguredTrackerStore, sender: str) -> DialogueStateTracker:
    tracker = await store.retrieve(sender)
    assert tracker is not None
    return tracker


async def stored_and_loaded(
    store: ConfiguredTrackerStore, sender: str, events: List[Event]
) -> DialogueStateTracker:
    """Store a conversation of `events`, then load it as the next message does."""
    await store.save(DialogueStateTracker.from_events(sender, events, DOMAIN.slots))
    return await reloaded(store, sender)


async def test_an_idle_session_keeps_the_direct_question_open_in_the_next(
    store: ConfiguredTrackerStore,
) -> None:
    # An SMS "yes" two hours after "are you having thoughts of ending your life?" answers it.
    events = asked_directly(TWO_HOURS_AGO)
    tracker = await stored_and_loaded(store, "late", events)
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 2
    assert messages(tracker, applied=True) == []
    assert tracker.active_loop_name == "suicide_check_in_form"
    assert tracker.get_slot("requested_slot") == "suicidal_thoughts"
    assert tracker.latest_action_name == "action_listen"

    # "hola": the question is asked again in Spanish, and stays open across the next load.
    again_in_spanish = [ActionExecuted("suicide_check_in_form"), said(DIRECT_QUESTION)]
    tracker.update_with_events(turn("switch_language", again_in_spanish, time.time()), DOMAIN)
    await store.save(tracker)
    next_load = await reloaded(store, "late")
    store.engine.dispose()
    assert sum(isinstance(e, SessionStarted) for e in next_load.events) == 1
    assert messages(next_load, applied=True) == ["..."]
    assert next_load.active_loop_name == "suicide_check_in_form"
    assert next_load.get_slot("requested_slot") == "suicidal_thoughts"


async def test_an_idle_session_keeps_are_you_safe_open_in_the_next(
    store: ConfiguredTrackerStore,
) -> None:
    events = crisis_answered(TWO_HOURS_AGO)
    tracker = await stored_and_loaded(store, "later", events)
    store.engine.dispose()
    assert messages(tracker, applied=True) == []
    assert previous_actions(tracker)[-1] == "utter_crisis_self"
    assert tracker.get_slot("crisis_in_conversation") is True
    assert tracker.active_loop_name is None


async def test_a_crisis_told_in_reply_to_the_direct_question_keeps_its_form_context(
    store: ConfiguredTrackerStore,
) -> None:
    # The rules for "no" to "are you safe right now?" after the direct question ended read
    # the form that was open, the crisis answer, and the form closing.
    crisis = [
        ActionExecuted("utter_crisis_self"),
        said("utter_crisis_self", "/say_safe", "/not_safe"),
        ActionExecuted("action_deactivate_loop"),
        ActiveLoop(None),
    ]
    events = [*asked_directly(TWO_HOURS_AGO), *turn("crisis_self", crisis, TWO_HOURS_AGO)]
    tracker = await stored_and_loaded(store, "ended", events)
    store.engine.dispose()
    new_session = tracker.applied_events()
    loops = [e.name for e in new_session if isinstance(e, ActiveLoop)]
    assert loops == ["suicide_check_in_form", None]
    assert previous_actions(tracker)[-2:] == ["utter_crisis_self", "action_deactivate_loop"]
    assert tracker.active_loop_name is None


@pytest.mark.parametrize(
    "events",
    [
        asked_directly(TWO_DAYS_AGO),
        crisis_answered(TWO_DAYS_AGO),
        # The last message got no answer (an action failed): "are you safe?" was asked a
        # turn earlier, and the late message is not taken for its answer.
        [*crisis_answered(TWO_HOURS_AGO), *turn("counseling", [], TWO_HOURS_AGO)],
    ],
    ids=["direct question, days ago", "are you safe, days ago", "asked before the last turn"],
)
async def test_a_safety_question_days_old_or_not_last_is_left_to_rasa(
    store: ConfiguredTrackerStore, events: List[Event]
) -> None:
    tracker = await stored_and_loaded(store, "days", events)
    store.engine.dispose()
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 1


async def test_an_idle_session_that_asked_nothing_is_left_to_rasa(
    store: ConfiguredTrackerStore,
) -> None:
    events = [
        *started(TWO_HOURS_AGO),
        *turn("counseling", [ActionExecuted("utter_counseling")], TWO_HOURS_AGO),
    ]
    tracker = await stored_and_loaded(store, "idle", events)
    store.engine.dispose()
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 1


async def test_a_recent_question_is_left_in_its_session(store: ConfiguredTrackerStore) -> None:
    events = asked_directly(time.time())
    tracker = await stored_and_loaded(store, "now", events)
    store.engine.dispose()
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 1
    assert messages(tracker, applied=True) == ["..."]


async def test_are_you_safe_keeps_a_full_session_until_answered(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    store = ConfiguredTrackerStore(DOMAIN, max_turns_per_session=1)
    events = crisis_answered(time.time())
    tracker = await stored_and_loaded(store, "full", events)
    store.engine.dispose()
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 1
    assert previous_actions(tracker)[-1] == "utter_crisis_self"


async def test_a_full_session_carries_its_last_answer_into_the_next(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "What do I do?" right after an emergency answer gets 911 again, at the limit too.
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    store = ConfiguredTrackerStore(DOMAIN, max_turns_per_session=1)
    emergency = [ActionExecuted("utter_medical_emergency"), said("utter_medical_emergency")]
    events = [*started(time.time()), *turn("medical_emergency", emergency, time.time())]
    tracker = await stored_and_loaded(store, "limit", events)
    store.engine.dispose()
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 2
    assert messages(tracker, applied=True) == []
    assert previous_actions(tracker)[-1] == "utter_medical_emergency"


async def test_a_question_is_kept_open_from_a_few_seconds_before_rasa_would_close_it(
    store: ConfiguredTrackerStore,
) -> None:
    # Rasa decides a moment after the store: at the hour less 2 seconds, the store must begin.
    expiration = DOMAIN.session_config.session_expiration_time * 60
    events = crisis_answered(time.time() - expiration + 2)
    tracker = await stored_and_loaded(store, "edge", events)
    store.engine.dispose()
    assert sum(isinstance(e, SessionStarted) for e in tracker.events) == 2


def test_every_intent_starts_a_rule_so_a_carried_turn_is_read_by_rules() -> None:
    # A carried session's first message has no message before it in that session, a state
    # TED never saw in training: the rules, which read at most the carried turn, decide.
    starts = set()
    for path in Path("data/rules").glob("*.yml"):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8")).get("rules") or []:
            steps = rule.get("steps") or []
            if steps and "intent" in steps[0] and not rule.get("condition"):
                starts.add(steps[0]["intent"])
    # Rasa's own (/restart, /back, /session_start) run their default actions.
    defaults = {USER_INTENT_RESTART, USER_INTENT_BACK, USER_INTENT_SESSION_START}
    assert set(DOMAIN.intents) - defaults - starts == set()
