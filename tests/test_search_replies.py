"""Short replies of a directory search read by their words: a ZIP code, "what about hospice?"."""

from typing import Any, Dict, List, Optional

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from assistant.components.search_reply_classifier import SearchReplyClassifier
from assistant.directory.search_replies import asks_for_another_kind, is_zip_code_alone


@pytest.mark.parametrize("text", ["80202", " 78701 ", "60614-1234", "78701."])
def test_a_zip_code_alone(text: str) -> None:
    assert is_zip_code_alone(text)


@pytest.mark.parametrize("text", ["1234", "123456", "78701 78702", "call 78701", "988", ""])
def test_not_a_zip_code_alone(text: str) -> None:
    assert not is_zip_code_alone(text)


def kind_span(text: str, kind: str) -> List[tuple]:
    start = text.lower().index(kind)
    return [(start, start + len(kind))]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("what about hospice?", "hospice"),
        ("How about counseling", "counseling"),
        ("and a support group?", "support group"),
        ("ok what about palliative care instead", "palliative care"),
        ("hospice instead please", "hospice"),
        ("¿y consejería?", "consejería"),
        ("¿Qué tal un grupo de apoyo?", "grupo de apoyo"),
        ("mejor hospicio", "hospicio"),
    ],
)
def test_asks_for_another_kind(text: str, kind: str) -> None:
    assert asks_for_another_kind(text, kind_span(text, kind))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hospice", "hospice"),  # a kind alone starts a search
        ("what is hospice?", "hospice"),
        ("how about hospice for my mom who is dying", "hospice"),
        ("what about hospice near me", "hospice"),
        ("¿qué es hospicio?", "hospicio"),
        ("and what does hospice cost", "hospice"),
    ],
)
def test_does_not_ask_for_another_kind(text: str, kind: str) -> None:
    assert not asks_for_another_kind(text, kind_span(text, kind))


def test_no_kind_named_is_not_another_kind() -> None:
    assert not asks_for_another_kind("what about it?", [])


def parsed(
    text: str,
    intent: str,
    entities: List[Dict[str, Any]],
    safety: Optional[Dict[str, Any]] = None,
) -> Message:
    ranking = [{"name": intent, "confidence": 0.9}, {"name": "inform", "confidence": 0.05}]
    data = {
        TEXT: text,
        INTENT: ranking[0],
        INTENT_RANKING_KEY: ranking,
        ENTITIES: entities,
        "safety": safety if safety is not None else {"level": "none", "some_risk": False},
    }
    return Message(data=data)


def entity(kind: str, value: str, start: int, end: int) -> Dict[str, Any]:
    return {"entity": kind, "value": value, "start": start, "end": end}


def test_the_classifier_relabels_the_two_replies_and_keeps_the_ranking() -> None:
    zip_code = parsed("80202", "nlu_fallback", [entity("place", "80202", 0, 5)])
    another = parsed(
        "what about hospice?",
        "palliative_vs_hospice",
        [entity("provider_kind", "hospice", 11, 18)],
    )
    SearchReplyClassifier().process([zip_code, another])
    assert zip_code.get(INTENT) == {"name": "inform", "confidence": 1.0}
    assert another.get(INTENT) == {"name": "another_kind", "confidence": 1.0}
    ranking = [r["name"] for r in another.get(INTENT_RANKING_KEY)]
    assert ranking == ["another_kind", "palliative_vs_hospice", "inform"]


def test_the_classifier_leaves_risk_and_other_messages_alone() -> None:
    risky = parsed(
        "what about hospice?",
        "possible_crisis",
        [entity("provider_kind", "hospice", 11, 18)],
        {"level": "check_in", "some_risk": True},
    )
    place_in_words = parsed(
        "hospice near 80202",
        "find_provider",
        [entity("provider_kind", "hospice", 0, 7), entity("place", "80202", 13, 18)],
    )
    number = parsed("12345678", "nlu_fallback", [])
    SearchReplyClassifier().process([risky, place_in_words, number])
    assert risky.get(INTENT)["name"] == "possible_crisis"
    assert place_in_words.get(INTENT)["name"] == "find_provider"
    assert number.get(INTENT)["name"] == "nlu_fallback"
