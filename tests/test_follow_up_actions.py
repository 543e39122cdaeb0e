"""Follow-ups that name no topic, answered against the last topic (real domain, no server)."""

from typing import Any, Dict, List

import pytest
from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.follow_ups import ANSWERS, SEARCH, ActionAnswerFollowUp
from assistant.conversation.topic_answers import LAST_TOPIC_SLOT


@pytest.fixture(scope="module")
def domain() -> Dict[str, Any]:
    return Domain.load("domain").as_dict()


def conversation(*turns: str) -> Tracker:
    """A tracker from turns: "intent" for the person, "utter_x" for the assistant."""
    events: List[Dict[str, Any]] = []
    latest: Dict[str, Any] = {}
    for turn in turns:
        if turn.startswith("utter_"):
            events.append({"event": "bot", "text": "...", "metadata": {"utter_action": turn}})
        else:
            latest = {"intent": {"name": turn}, "entities": [], "text": "..."}
            events.append({"event": "user", "parse_data": latest, "text": "..."})
    return Tracker("t", {}, latest, events, False, None, {}, "")


def follow_up(tracker: Tracker, domain: Dict[str, Any]) -> tuple:
    dispatcher = CollectingDispatcher()
    events = ActionAnswerFollowUp().run(dispatcher, tracker, domain)
    return [m["response"] for m in dispatcher.messages], events


@pytest.mark.parametrize(
    ("topic", "question", "answer"),
    [
        ("utter_what_is_palliative_care", "follow_up_who", "utter_who_provides"),
        ("utter_what_is_palliative_care", "follow_up_where", "utter_where_provided"),
        ("utter_palliative_with_treatment", "follow_up_how", "utter_how_to_ask"),
        ("utter_symptom_pain", "follow_up_who", "utter_who_provides"),
        ("utter_treatment_stops", "follow_up_who", "utter_follow_up_hospice"),
        ("utter_counseling", "follow_up_how", "utter_follow_up_counseling"),
        ("utter_support_groups", "follow_up_who", "utter_follow_up_support_group"),
        ("utter_crisis_self", "follow_up_how", "utter_crisis_self"),
        ("utter_medical_emergency", "follow_up_where", "utter_medical_emergency"),
        ("utter_distress", "follow_up_who", "utter_talk_to_person"),
        ("utter_about_crisis_lines", "follow_up_how", "utter_about_crisis_lines"),
    ],
)
def test_a_follow_up_gets_the_answer_for_the_last_topic(
    domain: Dict, topic: str, question: str, answer: str
) -> None:
    said, events = follow_up(conversation("greet", "utter_greet", "x", topic, question), domain)
    assert said == [answer]
    assert events == []


@pytest.mark.parametrize(
    ("topic", "kind"),
    [
        ("utter_support_groups", "support_group"),
        ("utter_caregiver_support", "counseling"),
        ("utter_dying_at_home", "hospice"),
    ],
)
def test_where_after_a_kind_of_help_searches_for_it_nearby(
    domain: Dict, topic: str, kind: str
) -> None:
    said, events = follow_up(conversation("x", topic, "follow_up_where"), domain)
    assert said == []
    assert [(e["event"], e.get("name"), e.get("value")) for e in events] == [
        ("slot", "provider_kind", kind),
        ("followup", "directory_search_form", None),
    ]


def test_a_second_follow_up_still_refers_to_the_topic(domain: Dict) -> None:
    tracker = conversation(
        "what_is_palliative_care",
        "utter_what_is_palliative_care",
        "follow_up_who",
        "utter_who_provides",
        "thank",
        "utter_thank",
        "follow_up_how",
    )
    assert follow_up(tracker, domain)[0] == ["utter_how_to_ask"]


def test_a_follow_up_after_a_follow_up_answer_stays_with_its_kind(domain: Dict) -> None:
    tracker = conversation(
        "treatment_stops",
        "utter_treatment_stops",
        "follow_up_how",
        "utter_follow_up_hospice",
        "follow_up_where",
    )
    events = follow_up(tracker, domain)[1]
    assert [(e["event"], e.get("value")) for e in events][0] == ("slot", "hospice")


def test_a_follow_up_before_any_topic_asks_to_say_more(domain: Dict) -> None:
    said, _ = follow_up(conversation("greet", "utter_greet", "follow_up_where"), domain)
    assert said == ["utter_please_rephrase"]


def test_a_follow_up_in_a_new_session_refers_to_the_last_topic_of_the_one_before(
    domain: Dict,
) -> None:
    # The tracker store carries the last topic answer into a new session (session_rollover).
    session = conversation("thank", "utter_thank", "follow_up_who")
    carried = Tracker(
        "t",
        {LAST_TOPIC_SLOT: "utter_counseling"},
        session.latest_message,
        session.events,
        False,
        None,
        {},
        "",
    )
    assert follow_up(carried, domain)[0] == ["utter_follow_up_counseling"]


def test_every_follow_up_answer_is_in_the_domain(domain: Dict) -> None:
    named = {answer for answers in ANSWERS.values() for answer in answers.values()} - {SEARCH}
    assert named <= set(domain["responses"])
    follow_up_intents = {i for i in domain["intents"] if str(i).startswith("follow_up_")}
    assert {f"follow_up_{q}" for answers in ANSWERS.values() for q in answers} == follow_up_intents
