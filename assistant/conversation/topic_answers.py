"""Which of the assistant's answers is a topic that a short follow-up can refer to.

Shared by the follow-up action ("who does that?" reads the last topic answer) and the
tracker store, which carries the last topic answer into a new session in a slot.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

# The slot that holds the last topic answer of an earlier session (domain/follow_ups.yml).
LAST_TOPIC_SLOT = "last_topic_answer"
# Rasa's convention for the assistant's own questions (forms' and others').
QUESTION_PREFIX = "utter_ask_"
# Answers a follow-up never refers to: they are not topics.
NOT_TOPICS_PREFIXES = (QUESTION_PREFIX, "utter_directory_", "utter_please_rephrase")
NOT_TOPICS = {
    "utter_greet",
    "utter_goodbye",
    "utter_thank",
    "utter_acknowledge",
    "utter_bot_challenge",
    "utter_menu",
    "utter_share_situation",
    "utter_medical_advice",
    "utter_out_of_scope",
    "utter_other_language",
    "utter_other_language_with_support",
    "utter_privacy_notice",
    "utter_conversation_deleted",
    "utter_conversation_kept",
    "utter_say_safe",
    "utter_still_here",
    "utter_check_in_again",
    "utter_language_switched",
    "utter_language_switched_in_question",
}


def is_topic_answer(response: str) -> bool:
    """Whether a follow-up can refer to this response."""
    return (
        response.startswith("utter_")
        and response not in NOT_TOPICS
        and not response.startswith(NOT_TOPICS_PREFIXES)
    )


def response_of(event: Mapping[str, Any]) -> str:
    """The response a serialised bot event uttered ("" when it was free text)."""
    return str((event.get("metadata") or {}).get("utter_action") or "")


def last_topic_answer_in(events: Iterable[Mapping[str, Any]]) -> Optional[str]:
    """The last topic answer among serialised events, if any."""
    for event in reversed(list(events)):
        if event.get("event") == "bot" and is_topic_answer(response_of(event)):
            return response_of(event)
    return None


def response_just_given(events: Iterable[Mapping[str, Any]]) -> Optional[str]:
    """The response of the assistant's last words before the latest message, if any."""
    before_latest = False
    for event in reversed(list(events)):
        if event.get("event") == "user":
            if before_latest:
                return None
            before_latest = True
        elif event.get("event") == "bot" and before_latest:
            return response_of(event)
    return None


def topic_answer_just_given(events: Iterable[Mapping[str, Any]]) -> Optional[str]:
    """The assistant's last answer before the latest message, if it was a topic answer."""
    response = response_just_given(events)
    return response if response and is_topic_answer(response) else None
