"""The actions around the risk layer, with the real domain (no Rasa server)."""

from typing import Any, Dict, List, Optional

import pytest
from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.safety_check_in import (
    ActionAfterCheckIn,
    ActionAnswerTopic,
    ActionCrisisAnswerAfterStillHere,
    ActionOtherLanguage,
    ActionPleaseRephrase,
)


@pytest.fixture(scope="module")
def domain() -> Dict[str, Any]:
    return Domain.load("domain").as_dict()


def user(intent: str, topic: Optional[str] = None, **safety: Any) -> Dict[str, Any]:
    entities = [{"entity": "topic", "value": topic}] if topic else []
    return {"intent": {"name": intent}, "entities": entities, "safety": safety, "text": "..."}


def worried_about_someone(topic: Optional[str] = None) -> Dict[str, Any]:
    """A message the risk layer asked about someone else for."""
    message = user("possible_crisis", topic)
    message["entities"].append({"entity": "check_in_about_someone_else", "value": True})
    return message


def tracker(messages: List[Dict[str, Any]], **slots: Any) -> Tracker:
    events = [{"event": "user", "parse_data": m, "text": m["text"]} for m in messages]
    return Tracker("t", slots, messages[-1], events, False, None, {}, "")


def replied(asked: Dict[str, Any], reply: Dict[str, Any], heard: str) -> Tracker:
    """The question asked for `asked`, then `reply`, from which the form filled the slot."""
    t = tracker([asked, reply], suicidal_thoughts=heard)
    t.events.append({"event": "slot", "name": "suicidal_thoughts", "value": heard})
    return t


def responses(dispatcher: CollectingDispatcher) -> List[str]:
    return [m["response"] for m in dispatcher.messages]


def run(action: Any, t: Tracker, domain: Dict[str, Any]) -> tuple[List[str], List[Any]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, domain)
    return responses(dispatcher), events


def test_yes_gets_the_crisis_answer_and_marks_the_conversation(domain: Dict) -> None:
    said, events = run(
        ActionAfterCheckIn(),
        tracker([user("possible_crisis"), user("affirm")], suicidal_thoughts="yes"),
        domain,
    )
    assert said == ["utter_crisis_self"]
    assert [(e["name"], e["value"]) for e in events] == [("crisis_in_conversation", True)]


def test_no_gets_support_then_the_topic_they_asked(domain: Dict) -> None:
    said, _ = run(
        ActionAfterCheckIn(),
        tracker(
            [user("possible_crisis", topic="symptom_fatigue"), user("deny")], suicidal_thoughts="no"
        ),
        domain,
    )
    assert said == ["utter_check_in_no", "utter_symptom_fatigue"]


def test_rather_not_say_gets_the_resources_without_pressure(domain: Dict) -> None:
    said, _ = run(
        ActionAfterCheckIn(),
        tracker(
            [user("possible_crisis"), user("decline_to_say")], suicidal_thoughts="rather_not_say"
        ),
        domain,
    )
    assert said == ["utter_check_in_rather_not_say"]


@pytest.mark.parametrize(
    ("intent", "heard", "text"),
    [
        ("decline_to_say", "rather_not_say", "I don't know, sometimes I think about it"),
        ("possible_crisis", "rather_not_say", "no sé, a veces lo pienso"),
        ("deny", "no", "no, but it crosses my mind"),
    ],
)
def test_yes_in_other_words_gets_the_crisis_answer(
    domain: Dict, intent: str, heard: str, text: str
) -> None:
    reply = {**user(intent), "text": text}
    said, events = run(ActionAfterCheckIn(), replied(user("possible_crisis"), reply, heard), domain)
    assert said == ["utter_crisis_self"]
    assert [(e["name"], e["value"]) for e in events] == [
        ("suicidal_thoughts", "yes"),
        ("crisis_in_conversation", True),
    ]


@pytest.mark.parametrize(
    ("intent", "heard", "text", "answer"),
    [
        ("affirm", "yes", "yes", "utter_crisis_someone_else"),
        (
            "decline_to_say",
            "rather_not_say",
            "maybe, she said it once",
            "utter_crisis_someone_else",
        ),
        ("deny", "no", "no", "utter_check_in_no_someone_else"),
        ("say_safe", "no", "she's safe", "utter_check_in_no_someone_else"),
        ("decline_to_say", "rather_not_say", "I'm not sure", "utter_check_in_someone_else_unsure"),
        ("nlu_fallback", "rather_not_say", "no lo sé", "utter_check_in_someone_else_unsure"),
    ],
)
def test_asked_about_someone_else_the_answer_is_about_them(
    domain: Dict, intent: str, heard: str, text: str, answer: str
) -> None:
    reply = {**user(intent), "text": text}
    said, events = run(ActionAfterCheckIn(), replied(worried_about_someone(), reply, heard), domain)
    if answer == "utter_crisis_someone_else":
        # Said as its own action, for the rules that follow it ("what should I do?").
        assert said == []
        assert events[-2:] == [
            {"event": "slot", "timestamp": None, "name": "crisis_in_conversation", "value": True},
            {"event": "followup", "timestamp": None, "name": "utter_crisis_someone_else"},
        ]
    else:
        assert said == [answer]
        assert not [e for e in events if e.get("name") == "crisis_in_conversation"]


@pytest.mark.parametrize("someone_else", [False, True])
def test_a_question_kept_open_past_an_idle_hour_keeps_whom_it_asked_about(
    domain: Dict, someone_else: bool
) -> None:
    # Only the new session is loaded: the message the question was asked for is in the old
    # one, and the slot it set was carried over (assistant/stores/session_rollover.py).
    reply = {**user("affirm"), "text": "sí"}
    events = [
        {"event": "slot", "name": "check_in_about_someone_else", "value": someone_else},
        {"event": "slot", "name": "requested_slot", "value": "suicidal_thoughts"},
        {"event": "user", "parse_data": reply, "text": "sí"},
        {"event": "slot", "name": "suicidal_thoughts", "value": "yes"},
    ]
    slots = {"suicidal_thoughts": "yes", "check_in_about_someone_else": someone_else}
    late = Tracker("t", slots, reply, events, False, None, {}, "")
    said, followed = run(ActionAfterCheckIn(), late, domain)
    if someone_else:
        assert said == [] and followed[-1]["name"] == "utter_crisis_someone_else"
    else:
        assert said == ["utter_crisis_self"]


@pytest.mark.parametrize("someone_else", [False, True])
def test_i_dont_know_heard_as_no_is_not_a_no(domain: Dict, someone_else: bool) -> None:
    asked = worried_about_someone() if someone_else else user("possible_crisis")
    no_se = tracker([asked, {**user("deny"), "text": "no sé"}], suicidal_thoughts="no")
    said, events = run(ActionAfterCheckIn(), no_se, domain)
    unsure = (
        "utter_check_in_someone_else_unsure" if someone_else else "utter_check_in_rather_not_say"
    )
    assert said == [unsure]
    assert [(e["name"], e["value"]) for e in events] == [("suicidal_thoughts", "rather_not_say")]


def test_an_unsure_reply_keeps_the_answer_about_the_one_asked_about(domain: Dict) -> None:
    # "I'm not sure" reads as possible_crisis about the writer: the question was not.
    asked, reply = worried_about_someone(), {**user("possible_crisis"), "text": "I'm not sure"}
    t = tracker([asked], suicidal_thoughts="rather_not_say")
    t.events.append({"event": "active_loop", "name": "suicide_check_in_form"})
    t.events.append({"event": "slot", "name": "requested_slot", "value": "suicidal_thoughts"})
    t.events.append({"event": "user", "parse_data": reply, "text": reply["text"]})
    t.events.append({"event": "slot", "name": "suicidal_thoughts", "value": "rather_not_say"})
    t.latest_message = reply
    said, _ = run(ActionAfterCheckIn(), t, domain)
    assert said == ["utter_check_in_someone_else_unsure"]


def asked_before(first: Dict[str, Any], answer: str, now: Dict[str, Any]) -> Tracker:
    """A conversation asked once for `first`, answered, then `now`, which the form skipped."""
    t = tracker([first], suicidal_thoughts=answer)
    for event in (
        {"event": "active_loop", "name": "suicide_check_in_form"},
        {"event": "slot", "name": "requested_slot", "value": "suicidal_thoughts"},
        {"event": "user", "parse_data": user("deny"), "text": "no"},
        {"event": "slot", "name": "suicidal_thoughts", "value": answer},
        {"event": "slot", "name": "requested_slot", "value": None},
        {"event": "user", "parse_data": now, "text": now["text"]},
        {"event": "active_loop", "name": "suicide_check_in_form"},
        {"event": "active_loop", "name": None},
    ):
        t.events.append(event)
    t.latest_message = now
    return t


def test_asked_about_someone_else_the_writer_is_still_asked_about_themselves(
    domain: Dict,
) -> None:
    said, events = run(
        ActionAfterCheckIn(),
        asked_before(worried_about_someone(), "no", user("possible_crisis")),
        domain,
    )
    assert said == []
    assert [(e["event"], e.get("name"), e.get("value")) for e in events] == [
        ("slot", "suicidal_thoughts", None),
        ("followup", "suicide_check_in_form", None),
    ]


@pytest.mark.parametrize(
    ("first", "now"),
    [
        (lambda: user("possible_crisis"), lambda: user("possible_crisis")),
        (lambda: user("possible_crisis"), worried_about_someone),
        (worried_about_someone, worried_about_someone),
    ],
)
def test_each_question_is_asked_once(domain: Dict, first: Any, now: Any) -> None:
    said, events = run(ActionAfterCheckIn(), asked_before(first(), "no", now()), domain)
    assert said == ["utter_check_in_again"] and events == []


@pytest.mark.parametrize(
    ("intent", "heard", "text"),
    [
        ("decline_to_say", "rather_not_say", "I don't know, I've thought about it myself"),
        ("affirm", "yes", "yes, sometimes I think about it too"),
        ("deny", "no", "no, but it crosses my mind sometimes"),
        ("possible_crisis", "rather_not_say", "a veces lo pienso yo también"),
    ],
)
def test_asked_about_someone_else_the_writers_own_thoughts_get_the_crisis_answer(
    domain: Dict, intent: str, heard: str, text: str
) -> None:
    reply = {**user(intent), "text": text}
    said, events = run(ActionAfterCheckIn(), replied(worried_about_someone(), reply, heard), domain)
    assert said == ["utter_crisis_self"]
    assert ("crisis_in_conversation", True) in [(e["name"], e["value"]) for e in events]


def test_no_about_someone_else_is_followed_by_the_topic_they_asked(domain: Dict) -> None:
    said, _ = run(
        ActionAfterCheckIn(),
        tracker(
            [worried_about_someone(topic="palliative_vs_hospice"), user("deny")],
            suicidal_thoughts="no",
        ),
        domain,
    )
    assert said == ["utter_check_in_no_someone_else", "utter_palliative_vs_hospice"]


def test_no_with_sometimes_stays_no(domain: Dict) -> None:
    reply = {**user("deny"), "text": "no, I'm just tired sometimes"}
    said, _ = run(
        ActionAfterCheckIn(),
        tracker([user("possible_crisis"), reply], suicidal_thoughts="no"),
        domain,
    )
    assert said == ["utter_check_in_no"]


def test_a_question_instead_of_an_answer_is_answered(domain: Dict) -> None:
    said, _ = run(
        ActionAfterCheckIn(),
        tracker(
            [user("possible_crisis"), user("palliative_vs_hospice")], suicidal_thoughts="moved_on"
        ),
        domain,
    )
    assert said == ["utter_palliative_vs_hospice"]


@pytest.mark.parametrize(
    "text",
    [
        "yes. can I text 988 instead of calling?",
        "maybe, what is 988 exactly?",
        "sí, ¿el 988 atiende en español?",
    ],
)
def test_a_yes_with_a_question_about_988_gets_the_crisis_answer(domain: Dict, text: str) -> None:
    # Read as a question about the crisis lines, the reply moved on; its first words say yes.
    reply = user("about_crisis_lines")
    reply["text"] = text
    said, events = run(
        ActionAfterCheckIn(), replied(user("possible_crisis"), reply, "moved_on"), domain
    )
    assert said == ["utter_crisis_self"]
    assert ("suicidal_thoughts", "yes") in [(e["name"], e.get("value")) for e in events]


def test_asked_about_someone_else_their_own_thoughts_with_a_question_get_their_answer(
    domain: Dict,
) -> None:
    reply = user("about_crisis_lines")
    reply["text"] = "sometimes I think about it too. can I call 988 for myself?"
    said, _ = run(ActionAfterCheckIn(), replied(worried_about_someone(), reply, "moved_on"), domain)
    assert said == ["utter_crisis_self"]


def test_a_question_about_988_instead_of_an_answer_is_answered(domain: Dict) -> None:
    reply = user("about_crisis_lines")
    reply["text"] = "what is 988 exactly?"
    said, _ = run(ActionAfterCheckIn(), replied(user("possible_crisis"), reply, "moved_on"), domain)
    assert said == ["utter_about_crisis_lines"]


@pytest.mark.parametrize("intent", ["inform", "find_provider", "change_place"])
def test_a_place_instead_of_an_answer_is_not_taken_for_rather_not_say(
    domain: Dict, intent: str
) -> None:
    said, _ = run(
        ActionAfterCheckIn(),
        tracker([user("possible_crisis"), user(intent)], suicidal_thoughts="moved_on"),
        domain,
    )
    assert said == ["utter_check_in_moved_on"]


@pytest.mark.parametrize("earlier_answer", ["no", "moved_on", "rather_not_say"])
def test_the_question_is_not_asked_twice(domain: Dict, earlier_answer: str) -> None:
    # A later unclear message, whatever the first answer was: the form, already filled,
    # ends at once, and the person is not told "you don't have to say more" again.
    said, _ = run(
        ActionAfterCheckIn(),
        tracker(
            [user("possible_crisis"), user("deny"), user("possible_crisis")],
            suicidal_thoughts=earlier_answer,
        ),
        domain,
    )
    assert said == ["utter_check_in_again"]


def doubted(about: str, someone_else_asked: bool = False) -> Dict[str, Any]:
    """A message whose crisis answer (`about`: its intent) the question stood in for."""
    message = worried_about_someone() if someone_else_asked else user("possible_crisis")
    message["safety"] = {"crisis_doubted": about}
    return message


def answered_with(asked: Dict[str, Any], reply: Dict[str, Any], heard: str) -> Tracker:
    """The question asked for `asked` by the form, then `reply`, from which it filled the slot."""
    t = tracker([asked], suicidal_thoughts=heard)
    for event in (
        {"event": "active_loop", "name": "suicide_check_in_form"},
        {"event": "slot", "name": "requested_slot", "value": "suicidal_thoughts"},
        {"event": "user", "parse_data": reply, "text": reply["text"]},
        {"event": "slot", "name": "suicidal_thoughts", "value": heard},
    ):
        t.events.append(event)
    t.latest_message = reply
    return t


CRISIS_FOR_SOMEONE_ELSE = [
    {"event": "slot", "timestamp": None, "name": "crisis_in_conversation", "value": True},
    {"event": "followup", "timestamp": None, "name": "utter_crisis_someone_else"},
]


@pytest.mark.parametrize("earlier_answer", ["no", "moved_on", "rather_not_say"])
def test_asked_already_a_crisis_the_question_stood_in_for_gets_the_crisis_answer(
    domain: Dict, earlier_answer: str
) -> None:
    # The question is not asked twice, so the crisis answer the scores chose is given.
    asked = asked_before(user("possible_crisis"), earlier_answer, doubted("crisis_self"))
    said, events = run(ActionAfterCheckIn(), asked, domain)
    assert said == ["utter_crisis_self"]
    assert [(e["name"], e["value"]) for e in events] == [("crisis_in_conversation", True)]


def test_asked_already_a_doubted_crisis_for_someone_else_gets_their_crisis_answer(
    domain: Dict,
) -> None:
    # Asked about the writer by the question (the scores' ratio), the crisis the scores
    # chose is someone else's: their answer, as before the question stood in for it.
    now = doubted("crisis_someone_else")
    said, events = run(
        ActionAfterCheckIn(), asked_before(user("possible_crisis"), "no", now), domain
    )
    assert said == []
    assert events == CRISIS_FOR_SOMEONE_ELSE


@pytest.mark.parametrize("someone_else_asked", [False, True])
def test_a_reply_the_scores_were_sure_is_a_crisis_is_a_yes(
    domain: Dict, someone_else_asked: bool
) -> None:
    # Mapped to "rather not say" as any unclear reply; the scores chose the crisis answer.
    about = "crisis_someone_else" if someone_else_asked else "crisis_self"
    first = worried_about_someone() if someone_else_asked else user("possible_crisis")
    reply = {**doubted(about, someone_else_asked), "text": "it's all too much, every day"}
    said, events = run(ActionAfterCheckIn(), answered_with(first, reply, "rather_not_say"), domain)
    assert ("suicidal_thoughts", "yes") in [(e["name"], e.get("value")) for e in events]
    if someone_else_asked:
        assert said == [] and events[-2:] == CRISIS_FOR_SOMEONE_ELSE
    else:
        assert said == ["utter_crisis_self"]


@pytest.mark.parametrize(
    ("about", "said_after_no"),
    [
        ("crisis_self", ["utter_check_in_no", "utter_symptom_fatigue"]),
        (
            "crisis_someone_else",
            ["utter_check_in_no", "utter_check_in_someone_else_unsure", "utter_symptom_fatigue"],
        ),
    ],
)
def test_no_about_oneself_to_a_question_for_someone_elses_crisis_keeps_what_helps_them(
    domain: Dict, about: str, said_after_no: List[str]
) -> None:
    # Asked about the writer (the question's own ratio) for a crisis the scores put on
    # someone else: a no is about the writer only.
    asked = doubted(about)
    asked["entities"].append({"entity": "topic", "value": "symptom_fatigue"})
    no = {**user("deny"), "text": "no, not me"}
    said, _ = run(ActionAfterCheckIn(), answered_with(asked, no, "no"), domain)
    assert said == said_after_no


def test_a_doubted_reply_about_the_writer_after_a_question_about_someone_else(
    domain: Dict,
) -> None:
    # "I'd be better off gone myself": the writer's crisis answer, not the one for someone
    # else, and no yes recorded for the one the question was about.
    reply = {**doubted("crisis_self"), "text": "I would be better off gone, I can't do this"}
    said, events = run(
        ActionAfterCheckIn(),
        answered_with(worried_about_someone(), reply, "rather_not_say"),
        domain,
    )
    assert said == ["utter_crisis_self"]
    assert [(e["name"], e["value"]) for e in events] == [("crisis_in_conversation", True)]


def test_a_doubted_reply_about_someone_else_records_no_yes_for_the_writer(domain: Dict) -> None:
    reply = {**doubted("crisis_someone_else"), "text": "no, but my husband says we'd be better off"}
    asked = answered_with(user("possible_crisis"), reply, "rather_not_say")
    said, events = run(ActionAfterCheckIn(), asked, domain)
    assert said == [] and events == CRISIS_FOR_SOMEONE_ELSE


@pytest.mark.parametrize(
    ("now", "followed_by"),
    [
        (lambda: user("possible_crisis"), None),
        (lambda: doubted("crisis_self"), "utter_crisis_self"),
        (lambda: doubted("crisis_someone_else", True), "utter_crisis_someone_else"),
    ],
)
def test_after_a_crisis_and_still_here_a_doubted_crisis_gets_its_crisis_answer(
    domain: Dict, now: Any, followed_by: Optional[str]
) -> None:
    # "I'm still here" came from the rules; the crisis answer follows as its own response.
    after_a_crisis = tracker([user("crisis_self"), now()], crisis_in_conversation=True)
    said, events = run(ActionCrisisAnswerAfterStillHere(), after_a_crisis, domain)
    assert said == []
    follow = [{"event": "followup", "timestamp": None, "name": followed_by}] if followed_by else []
    assert events == follow


def test_an_unclear_reply_to_the_question_gets_the_resources_without_pressure(
    domain: Dict,
) -> None:
    # The form filled the slot from this reply.
    unclear = replied(user("possible_crisis"), user("possible_crisis"), "rather_not_say")
    said, _ = run(ActionAfterCheckIn(), unclear, domain)
    assert said == ["utter_check_in_rather_not_say"]


# (intent the layer gave, slot the form filled from it, intent without the stack, what the
# slot's mappings give that intent, the reply)
HELD_BACK_REPLIES = [
    ("symptom_fatigue", "moved_on", "possible_crisis", "rather_not_say", "most days I'm so tired"),
    ("distress", "moved_on", "possible_crisis", "rather_not_say", "I'm scared all the time"),
    ("deny", "no", "possible_crisis", "rather_not_say", "I don't think so, but some nights maybe"),
    ("say_safe", "no", "affirm", "yes", "yes, I'm safe"),
    ("affirm", "yes", "say_safe", "no", "I'm safe"),
]


@pytest.mark.parametrize(("intent", "filled", "without", "value", "text"), HELD_BACK_REPLIES)
def test_a_reply_whose_question_the_stack_held_back_is_heard_as_without_it(
    domain: Dict, intent: str, filled: str, without: str, value: str, text: str
) -> None:
    # The stacked reader cannot know the question was just asked: it gave `intent` where the
    # layer would have given `without`. The person is answered as if it had.
    asked = user("possible_crisis", topic="symptom_fatigue")
    marked = user(intent, without_stack=without)
    marked["text"] = text
    unmarked = user(without)
    unmarked["text"] = text
    said, events = run(ActionAfterCheckIn(), replied(asked, marked, filled), domain)
    expected, _ = run(ActionAfterCheckIn(), replied(asked, unmarked, value), domain)
    assert said == expected
    assert ("suicidal_thoughts", value) in [(e["name"], e.get("value")) for e in events]


def test_what_the_held_back_replies_are_answered_with(domain: Dict) -> None:
    asked = user("possible_crisis", topic="symptom_fatigue")
    answers = []
    for intent, filled, without, _, text in HELD_BACK_REPLIES:
        marked = user(intent, without_stack=without)
        marked["text"] = text
        said, _ = run(ActionAfterCheckIn(), replied(asked, marked, filled), domain)
        answers.append(said)
    assert answers == [
        ["utter_check_in_rather_not_say"],
        ["utter_check_in_rather_not_say"],
        ["utter_check_in_rather_not_say"],  # unclear: the resources without pressure
        ["utter_crisis_self"],  # "yes, ...": the yes it starts with
        ["utter_check_in_no", "utter_symptom_fatigue"],
    ]


def test_distress_is_followed_by_the_topic_of_the_same_message(domain: Dict) -> None:
    said, _ = run(ActionAnswerTopic(), tracker([user("distress", topic="cost_insurance")]), domain)
    assert said == ["utter_cost_insurance"]
    said, _ = run(ActionAnswerTopic(), tracker([user("distress")]), domain)
    assert said == []


def test_the_fallback_names_988_only_with_some_risk(domain: Dict) -> None:
    said, _ = run(ActionPleaseRephrase(), tracker([user("nlu_fallback", some_risk=False)]), domain)
    assert said == ["utter_please_rephrase"]
    said, _ = run(ActionPleaseRephrase(), tracker([user("nlu_fallback", some_risk=True)]), domain)
    assert said == ["utter_please_rephrase_with_support"]
    assert "988" not in str(domain["responses"]["utter_please_rephrase"])


def test_the_other_language_answer_names_988_in_spanish_only_with_some_risk(domain: Dict) -> None:
    plain, _ = run(
        ActionOtherLanguage(), tracker([user("other_language", some_risk=False)]), domain
    )
    risky, _ = run(ActionOtherLanguage(), tracker([user("other_language", some_risk=True)]), domain)
    after_crisis, _ = run(
        ActionOtherLanguage(),
        tracker([user("other_language", some_risk=False)], crisis_in_conversation=True),
        domain,
    )
    assert plain == ["utter_other_language"]
    assert risky == after_crisis == ["utter_other_language_with_support"]


def test_a_reply_in_another_language_to_the_question_keeps_988_in_spanish(domain: Dict) -> None:
    def reply(some_risk: bool) -> List[str]:
        messages = [user("other_language", some_risk=some_risk)]
        said, _ = run(ActionAfterCheckIn(), tracker(messages, suicidal_thoughts="moved_on"), domain)
        return said

    assert reply(some_risk=True) == ["utter_other_language_with_support"]
    assert reply(some_risk=False) == ["utter_other_language"]


@pytest.mark.parametrize(
    ("asked", "intent", "heard", "text", "answer"),
    [
        # The layer heard some risk in what follows the no.
        (False, "possible_crisis", "rather_not_say", "god no. i want every day i can get",
         "utter_check_in_no"),
        (True, "possible_crisis", "rather_not_say", "no hes just tired, we're planning a trip",
         "utter_check_in_no_someone_else"),
        (True, "nlu_fallback", "rather_not_say", "No creo. Sigue haciendo planes.",
         "utter_check_in_no_someone_else"),
        # The classifier heard a feeling, not an answer.
        (False, "distress", "moved_on", "No, nothing like that. I'm just exhausted and fed up.",
         "utter_check_in_no"),
    ],
)  # fmt: skip
def test_a_reply_that_opens_with_no_is_a_no(
    domain: Dict, asked: bool, intent: str, heard: str, text: str, answer: str
) -> None:
    question = worried_about_someone() if asked else user("possible_crisis")
    reply = {**user(intent), "text": text}
    said, events = run(ActionAfterCheckIn(), answered_with(question, reply, heard), domain)
    assert said == [answer]
    assert [(e["name"], e["value"]) for e in events] == [("suicidal_thoughts", "no")]


def test_a_no_with_a_question_of_their_own_gets_support_then_their_answer(domain: Dict) -> None:
    reply = {**user("support_groups"), "text": "No, no es eso. ¿Hay grupos de apoyo en español?"}
    asked = user("possible_crisis", topic="symptom_fatigue")
    said, _ = run(ActionAfterCheckIn(), answered_with(asked, reply, "moved_on"), domain)
    assert said == ["utter_check_in_no", "utter_support_groups"]


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("no, but some nights it crosses my mind", "utter_crisis_self"),
        ("no. well. sometimes it'd be easier if I didn't wake up", "utter_check_in_rather_not_say"),
        ("no, I just want it all to end", "utter_check_in_rather_not_say"),
        # Not an answer: what follows "no" is the message.
        ("no one would even notice", "utter_check_in_rather_not_say"),
        ("no quiero vivir así", "utter_check_in_rather_not_say"),
    ],
)
def test_a_no_that_is_not_a_denial_keeps_what_was_heard(
    domain: Dict, text: str, answer: str
) -> None:
    reply = {**user("possible_crisis"), "text": text}
    said, _ = run(
        ActionAfterCheckIn(),
        answered_with(user("possible_crisis"), reply, "rather_not_say"),
        domain,
    )
    assert said == [answer]


def test_i_dont_know_then_sometimes_is_a_yes(domain: Dict) -> None:
    reply = {**user("deny"), "text": "no sé, a veces sí"}
    said, _ = run(ActionAfterCheckIn(), answered_with(user("possible_crisis"), reply, "no"), domain)
    assert said == ["utter_crisis_self"]


def test_a_no_with_a_search_gets_support_then_the_way_to_go_on(domain: Dict) -> None:
    reply = {**user("find_provider"), "text": "No. Can you find me a counselor near Austin?"}
    said, _ = run(
        ActionAfterCheckIn(), answered_with(user("possible_crisis"), reply, "moved_on"), domain
    )
    assert said == ["utter_check_in_no", "utter_check_in_moved_on"]


def test_a_crisis_the_scores_were_sure_of_keeps_its_answer_after_a_no(domain: Dict) -> None:
    reply = {**doubted("crisis_self"), "text": "no. i just want it to be over"}
    said, _ = run(
        ActionAfterCheckIn(),
        answered_with(user("possible_crisis"), reply, "rather_not_say"),
        domain,
    )
    assert said == ["utter_crisis_self"]


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        (False, "yes. is 988 free? i dont have much left on my phone plan"),
        (True, "Yes. And she isn't on hospice, no doctor suggested it."),
        (True, "Sí. Encontré una nota en su libreta."),
        (True, "I'm afraid so. It feels like he's saying goodbye."),
    ],
)
def test_a_reply_that_opens_with_yes_is_a_yes_whatever_follows(
    domain: Dict, asked: bool, text: str
) -> None:
    question = worried_about_someone() if asked else user("possible_crisis")
    reply = {**user("possible_crisis"), "text": text}
    said, events = run(
        ActionAfterCheckIn(), answered_with(question, reply, "rather_not_say"), domain
    )
    if asked:
        assert said == [] and events[-1]["name"] == "utter_crisis_someone_else"
    else:
        assert said == ["utter_crisis_self"]
    assert ("suicidal_thoughts", "yes") in [(e["name"], e.get("value")) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "She might be. Honestly so am I.",
        "I don't think he is. I'm the one who's been thinking about it",
    ],
)
def test_asked_about_someone_else_so_am_i_is_the_writers_own(domain: Dict, text: str) -> None:
    reply = {**user("possible_crisis"), "text": text}
    said, _ = run(
        ActionAfterCheckIn(),
        answered_with(worried_about_someone(), reply, "rather_not_say"),
        domain,
    )
    assert said == ["utter_crisis_self"]


@pytest.mark.parametrize("text", ["pass", "skip", "im not answering that"])
def test_pass_is_not_a_question_of_their_own(domain: Dict, text: str) -> None:
    reply = {**user("after_a_death"), "text": text}
    said, _ = run(
        ActionAfterCheckIn(), answered_with(user("possible_crisis"), reply, "moved_on"), domain
    )
    assert said == ["utter_check_in_rather_not_say"]
