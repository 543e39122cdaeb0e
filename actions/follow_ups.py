"""Short follow-ups ("who does that?", "where?", "how?") answered against the last topic.

A follow-up names no topic of its own, so the answer depends on what the
assistant said last: "where?" after palliative care is where palliative care is
given; "where?" after support groups is a search for a group nearby.
"""

from __future__ import annotations

from typing import Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from assistant.conversation.topic_answers import LAST_TOPIC_SLOT, last_topic_answer_in

FOLLOW_UP_PREFIX = "follow_up_"
DIRECTORY_SEARCH_FORM = "directory_search_form"
# What a follow-up gets when nothing has been answered yet.
NO_TOPIC_YET = "utter_please_rephrase"

# The family of each answer that a follow-up can refer to; an answer not listed
# here (a symptom, cost, planning, the basics) belongs to palliative care.
FAMILY_OF_ANSWER: Dict[str, str] = {
    "utter_treatment_stops": "hospice",
    "utter_dying_at_home": "hospice",
    "utter_end_of_life_expectations": "hospice",
    "utter_after_a_death": "hospice",
    "utter_follow_up_hospice": "hospice",
    "utter_support_groups": "support_group",
    "utter_follow_up_support_group": "support_group",
    "utter_counseling": "counseling",
    "utter_follow_up_counseling": "counseling",
    "utter_emotional_support": "counseling",
    "utter_caregiver_support": "counseling",
    "utter_thoughts_about_death": "counseling",
    "utter_talking_with_children": "counseling",
    "utter_grief_support": "counseling",
    "utter_talk_to_person": "helplines",
    "utter_about_crisis_lines": "crisis_lines",
    "utter_distress": "helplines",
    "utter_check_in_no": "helplines",
    "utter_check_in_rather_not_say": "helplines",
    "utter_crisis_self": "crisis_self",
    "utter_crisis_someone_else": "crisis_someone_else",
    "utter_not_safe": "crisis_self",
    "utter_medical_emergency": "medical_emergency",
    "utter_crisis_line_after_emergency": "medical_emergency",
}
PALLIATIVE = "palliative"

# Per family and question: a response to give, or `SEARCH` for a directory search
# of the family's kind (the kinds are the directory's own, assistant/directory/providers.py).
SEARCH = "search"
ANSWERS: Dict[str, Dict[str, str]] = {
    PALLIATIVE: {
        "who": "utter_who_provides",
        "where": "utter_where_provided",
        "how": "utter_how_to_ask",
    },
    "hospice": {
        "who": "utter_follow_up_hospice",
        "where": SEARCH,
        "how": "utter_follow_up_hospice",
    },
    "support_group": {
        "who": "utter_follow_up_support_group",
        "where": SEARCH,
        "how": "utter_follow_up_support_group",
    },
    "counseling": {
        "who": "utter_follow_up_counseling",
        "where": SEARCH,
        "how": "utter_follow_up_counseling",
    },
    "helplines": dict.fromkeys(("who", "where", "how"), "utter_talk_to_person"),
    "crisis_lines": dict.fromkeys(("who", "where", "how"), "utter_about_crisis_lines"),
    "crisis_self": dict.fromkeys(("who", "where", "how"), "utter_crisis_self"),
    "crisis_someone_else": dict.fromkeys(("who", "where", "how"), "utter_crisis_someone_else"),
    "medical_emergency": dict.fromkeys(("who", "where", "how"), "utter_medical_emergency"),
}


def last_topic_answer(tracker: Tracker) -> Optional[str]:
    """The last topic answer in this session, else the one an earlier session ended with."""
    return last_topic_answer_in(tracker.events) or tracker.get_slot(LAST_TOPIC_SLOT)


def family_of(response: str) -> str:
    """The family of a topic answer, palliative care unless listed."""
    return FAMILY_OF_ANSWER.get(response, PALLIATIVE)


class ActionAnswerFollowUp(Action):
    """Answers "who?", "where?" or "how?" about the last topic."""

    def name(self) -> str:
        """Name of the action."""
        return "action_answer_follow_up"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Utter the family's answer, or start a search for its kind nearby."""
        intent = str(((tracker.latest_message or {}).get("intent") or {}).get("name") or "")
        question = intent.removeprefix(FOLLOW_UP_PREFIX)
        topic = last_topic_answer(tracker)
        if topic is None:
            dispatcher.utter_message(response=NO_TOPIC_YET)
            return []
        family = family_of(topic)
        answer = ANSWERS[family].get(question, NO_TOPIC_YET)
        if answer == SEARCH:
            # A place already given in this conversation is searched again at once.
            return [SlotSet("provider_kind", family), FollowupAction(DIRECTORY_SEARCH_FORM)]
        dispatcher.utter_message(response=answer)
        return []
