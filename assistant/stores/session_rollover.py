"""A long session is closed at the next message, the way Rasa closes an idle one.

Rasa starts a new session after an hour without a message, and then loads and reads only
that session. A busy conversation within the hour would otherwise grow without bound, and
every message would cost more than the last: the policies rebuild the states of the whole
session each time. So, when the current session already holds `max_turns` messages from the
person and the last one was fully answered (the assistant is listening, no form is open),
the next message starts a new session, with what Rasa's `action_session_start` would write:
the session start, the slots carried over (when the domain carries them), and a listen.

A session is not closed while the assistant waits for the answer to a question of its own
(an `utter_ask_*` response, such as "delete this conversation?"): the rules that read that
answer look at the previous turn, and a new session would hide it from them.

The previous session's events stay in the tracker that answers this one message, so a
follow-up ("who does that?") or a numbered SMS reply to the last answer still reads it;
the last topic answer is also carried in a slot, for a follow-up after that. Nothing is
deleted: every session stays in the store.
"""

from __future__ import annotations

import time
from typing import Any, Dict, List

from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from assistant.conversation.topic_answers import (
    LAST_TOPIC_SLOT,
    QUESTION_PREFIX,
    last_topic_answer_in,
)


def messages_in_session(tracker: DialogueStateTracker) -> int:
    """How many messages the person has sent in the tracker's current session."""
    return sum(isinstance(event, UserUttered) for event in tracker.applied_events())


def waits_for_an_answer(tracker: DialogueStateTracker) -> bool:
    """Whether the assistant's last words were a question of its own (`utter_ask_*`)."""
    last_bot = tracker.get_last_event_for(BotUttered)
    response = str(((last_bot.metadata or {}) if last_bot else {}).get("utter_action") or "")
    return response.startswith(QUESTION_PREFIX)


def is_full(tracker: DialogueStateTracker, max_turns: int) -> bool:
    """Whether the session holds `max_turns` messages and the last one is fully answered."""
    return (
        tracker.latest_action_name == ACTION_LISTEN_NAME
        and tracker.active_loop_name is None
        and messages_in_session(tracker) >= max_turns
        and not waits_for_an_answer(tracker)
    )


def carried_slots(tracker: DialogueStateTracker) -> Dict[str, Any]:
    """The slot values a new session starts with: all set ones, and the last topic answer."""
    values = {
        slot.name: slot.value for slot in tracker.slots.values() if slot.value != slot.initial_value
    }
    topic = last_topic_answer_in(event.as_dict() for event in tracker.applied_events())
    if topic and LAST_TOPIC_SLOT in tracker.slots:
        values[LAST_TOPIC_SLOT] = topic
    return values


def session_start_events(tracker: DialogueStateTracker, domain: Domain) -> List[Event]:
    """The events Rasa's `action_session_start` leaves for a new session of `tracker`."""
    now = time.time()
    carried = carried_slots(tracker) if domain.session_config.carry_over_slots else {}
    return [
        ActionExecuted(ACTION_SESSION_START_NAME, timestamp=now),
        SessionStarted(timestamp=now),
        *(SlotSet(name, value, timestamp=now) for name, value in carried.items()),
        ActionExecuted(ACTION_LISTEN_NAME, timestamp=now),
    ]


def start_next_session_if_full(
    tracker: DialogueStateTracker, domain: Domain, max_turns: int
) -> None:
    """Start a new session in `tracker` when its current one is full."""
    if is_full(tracker, max_turns):
        tracker.update_with_events(
            session_start_events(tracker, domain), domain, override_timestamp=False
        )
