"""Which language a message is clearly written in (lingua, offline)."""

from typing import Optional

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from assistant.components.language_detector import (
    LanguageDetector,
    is_spanish,
    make_detector,
)


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector(LanguageDetector.get_default_config(), make_detector())


def language_of(detector: LanguageDetector, text: str, entities: Optional[list] = None) -> Message:
    message = Message(data={TEXT: text, ENTITIES: entities or []})
    detector.process([message])
    return message


def found(message: Message) -> Optional[str]:
    values = [e["value"] for e in message.get(ENTITIES) if e["entity"] == "language"]
    return values[-1] if values else None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("hola", "es"),
        ("ola", "es"),
        ("ola bnas", "es"),
        ("mi mama tiene cancer y no se que hacer", "es"),
        ("q es cuidados paliativos", "es"),
        ("gracias", "es"),
        ("what is palliative care", "en"),
        ("ok thanks", "en"),
        # Either language, or none: the conversation keeps its language.
        ("ok", None),
        ("no", None),
        ("San Antonio", None),
        ("78701", None),
        ("", None),
        # A language named to refuse it asks for the other.
        ("no hablo inglés", "es"),
        ("sorry I don't speak Spanish", "en"),
        # Someone else's language is not the writer's wish; a Spanish greeting before an
        # English sentence does not make it Spanish.
        ("My mom can't read English", "en"),
        ("Hola, I want to end my life", None),
    ],
)
def test_the_language_of_a_message_clearly_written_in_one(
    detector: LanguageDetector, text: str, language: Optional[str]
) -> None:
    assert found(language_of(detector, text)) == language


def test_a_refused_language_is_not_taken_as_the_choice(detector: LanguageDetector) -> None:
    choice = {"entity": "language_choice", "value": "en", "start": 9, "end": 15}
    message = language_of(detector, "no hablo inglés", [choice])
    assert [e["entity"] for e in message.get(ENTITIES)] == ["language"]
    assert found(message) == "es"


def test_spanish_messages_are_read_for_risk_as_spanish(detector: LanguageDetector) -> None:
    assert is_spanish(language_of(detector, "ya no quiero seguir viviendo"))
    assert not is_spanish(language_of(detector, "I don't want to go on living"))
    assert not is_spanish(language_of(detector, "Hola, I want to end my life"))


@pytest.mark.parametrize(
    ("text", "place", "language"),
    [
        # Read whole, "en Springfield" is English and the others are neither.
        ("en Springfield", "Springfield", None),
        ("estamos en Springfield, Illinois", "Springfield, Illinois", "es"),
        ("cerca de Springfield", "Springfield", "es"),
        ("we moved to Los Angeles", "Los Angeles", "en"),
    ],
)
def test_place_names_do_not_decide_the_language(
    detector: LanguageDetector, text: str, place: str, language: Optional[str]
) -> None:
    start = text.index(place)
    entity = {"entity": "place", "value": place, "start": start, "end": start + len(place)}
    assert found(language_of(detector, text, [entity])) == language
