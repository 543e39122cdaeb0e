"""A long session is closed at the next message, the way Rasa closes an idle one.

Rasa starts a new session after an hour without a message, and then loads and reads only
that session. A busy conversation within the hour would otherwise grow without bound, and
every message would cost more than the last: the policies rebuild the states of the whole
session each time. So, when the current session already holds `max_turns` messages from the
person and the last one was fully answered (the assistant is listening, no form is open),
the next message starts a new session, with what Rasa's `action_session_start` would write:
the session start, the slots carried over (when the domain carries them), and a listen; and,
before the listen, the assistant's last turn (`turn_to_carry`), for the rules that read the
previous turn ("what do I do?" right after an emergency answer is 911 again).

A session is not closed while the assistant waits for the answer to a question of its own
(an `utter_ask_*` response, such as "delete this conversation?", or the crisis answers' "are
you safe right now?").

An idle session is different: Rasa closes it whatever was asked. An SMS reply can come hours
after the question, and a "yes" to "are you having thoughts of ending your life?" must still be
heard as its answer. So when the last message is older than the session expiration and the
last turn asked a safety question (the direct question, its form still open, or "are you safe
right now?") less than `hours` ago, the store starts the new session itself, with that turn
carried. Rasa then finds a fresh session and does not start another. Other questions are left
to Rasa: a "yes" days after "delete this conversation?" must not delete it.

The previous session's events stay in the tracker that answers this one message, so a
follow-up ("who does that?") or a numbered SMS reply to the last answer still reads it;
the last topic answer is also carried in a slot, for a follow-up after that. Nothing is
deleted: every session stays in the store.
"""

from __future__ import annotations

import copy
import time
from typing import Any, Dict, List, Optional, Tuple

from rasa.shared.core.constants import (
    ACTION_LISTEN_NAME,
    ACTION_SESSION_START_NAME,
    REQUESTED_SLOT,
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

from assistant.conversation.topic_answers import (
    LAST_TOPIC_SLOT,
    QUESTION_PREFIX,
    last_topic_answer_in,
)
from assistant.safety.check_in_replies import CHECK_IN_FORM

# The quick replies of "are you safe right now?" and "are they safe right now?".
SAFETY_QUESTION_REPLIES = frozenset({"/say_safe", "/not_safe"})
# Seconds before Rasa's session expiration at which the store starts the new session itself.
IDLE_MARGIN_SECONDS = 5


def messages_in_session(tracker: DialogueStateTracker) -> int:
    """How many messages the person has sent in the tracker's current session."""
    return sum(isinstance(event, UserUttered) for event in tracker.applied_events())


def split_at_last_message(events: List[Event]) -> Tuple[List[Event], List[Event]]:
    """`events` before the person's last message, and after it (all of them if none)."""
    starts = [i for i, event in enumerate(events) if isinstance(event, UserUttered)]
    return (events[: starts[-1]], events[starts[-1] + 1 :]) if starts else ([], events)


def last_words(tracker: DialogueStateTracker) -> Optional[BotUttered]:
    """What the assistant said last in answer to the person's last message, if anything."""
    _, turn = split_at_last_message(tracker.applied_events())
    said = [event for event in turn if isinstance(event, BotUttered)]
    return said[-1] if said else None


def offers_safety_replies(said: Optional[BotUttered]) -> bool:
    """Whether these words asked "are you safe right now?" (quick replies /say_safe, /not_safe)."""
    buttons = ((said.data or {}).get("buttons") or []) if said else []
    return bool({str(button.get("payload")) for button in buttons} & SAFETY_QUESTION_REPLIES)


def waits_for_an_answer(tracker: DialogueStateTracker) -> bool:
    """Whether the assistant's last words were a question of its own.

    An `utter_ask_*` response, or "are you safe right now?".
    """
    said = last_words(tracker)
    response = str(((said.metadata or {}) if said else {}).get("utter_action") or "")
    return response.startswith(QUESTION_PREFIX) or offers_safety_replies(said)


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


def session_start_events(tracker: DialogueStateTracker, domain: Domain, now: float) -> List[Event]:
    """The events Rasa's `action_session_start` leaves for a new session of `tracker`.

    The assistant's last turn is carried after the slots (`turn_to_carry`), for the rules
    that read the previous turn.
    """
    carried = carried_slots(tracker) if domain.session_config.carry_over_slots else {}
    return [
        ActionExecuted(ACTION_SESSION_START_NAME, timestamp=now),
        SessionStarted(timestamp=now),
        *(SlotSet(name, value, timestamp=now) for name, value in carried.items()),
        *turn_to_carry(tracker, domain, now),
        ActionExecuted(ACTION_LISTEN_NAME, timestamp=now),
    ]


def turn_to_carry(tracker: DialogueStateTracker, domain: Domain, now: float) -> List[Event]:
    """The assistant's last turn without its words, as the rules read it.

    The form open before the person's last message, then the turn's actions and changes of
    form. Not a form's own runs: Rasa would take the next reply's run of the form for a
    repeat of it and drop the reply.
    """
    before, turn = split_at_last_message(tracker.applied_events())
    loop: Optional[str] = None
    requested: Any = None
    for event in before:
        if isinstance(event, ActiveLoop):
            loop = event.name
        elif isinstance(event, SlotSet) and event.key == REQUESTED_SLOT:
            requested = event.value
    carried: List[Event] = [ActiveLoop(loop), SlotSet(REQUESTED_SLOT, requested)] if loop else []
    skipped = {ACTION_LISTEN_NAME, *domain.form_names}
    for event in turn:
        if isinstance(event, ActionExecuted) and event.action_name not in skipped:
            carried.append(copy.copy(event))
        elif isinstance(event, ActiveLoop) or (
            isinstance(event, SlotSet) and event.key == REQUESTED_SLOT
        ):
            carried.append(copy.copy(event))
    for event in carried:
        event.timestamp = now
    return carried


def has_gone_idle(tracker: DialogueStateTracker, domain: Domain, now: float) -> bool:
    """Whether Rasa would start a new session at the next message (no message for too long).

    Measured, as Rasa measures it, from the last message it counts (not a form's replies); a
    few seconds early, because Rasa decides a moment later and must find the new session begun.
    """
    config = domain.session_config
    expiration = config.session_expiration_time * 60
    margin = min(IDLE_MARGIN_SECONDS, expiration / 2)
    last_message = tracker.get_last_event_for(UserUttered)
    return (
        config.are_sessions_enabled()
        and last_message is not None
        and now - last_message.timestamp > expiration - margin
    )


def keeps_a_safety_question_open(tracker: DialogueStateTracker, now: float, hours: float) -> bool:
    """Whether the last turn, under `hours` old, asked the direct question or "are you safe?".

    Its age is the person's last message's, even one Rasa no longer counts (a form's replies).
    """
    sent = [event.timestamp for event in tracker.events if isinstance(event, UserUttered)]
    recent = bool(sent) and now - sent[-1] < hours * 60 * 60
    asked = tracker.active_loop_name == CHECK_IN_FORM or offers_safety_replies(last_words(tracker))
    return recent and tracker.latest_action_name == ACTION_LISTEN_NAME and asked


def start_next_session_if_idle_with_a_safety_question(
    tracker: DialogueStateTracker, domain: Domain, hours: float
) -> None:
    """Start the session Rasa would start for an idle `tracker`, keeping its safety question.

    Only within `hours` of the question: a reply after that is not taken for its answer.
    """
    now = time.time()
    if has_gone_idle(tracker, domain, now) and keeps_a_safety_question_open(tracker, now, hours):
        tracker.update_with_events(
            session_start_events(tracker, domain, now), domain, override_timestamp=False
        )


def start_next_session_if_full(
    tracker: DialogueStateTracker, domain: Domain, max_turns: int
) -> None:
    """Start a new session in `tracker` when its current one is full."""
    if is_full(tracker, max_turns):
        tracker.update_with_events(
            session_start_events(tracker, domain, time.time()), domain, override_timestamp=False
        )
