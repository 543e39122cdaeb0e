"""What the channels say themselves, in the conversation's language."""

from types import SimpleNamespace
from typing import Any, Dict, List, Optional

import pytest
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from assistant.channels.channel_texts import (
    RATE_LIMITED,
    conversation_language,
    response_text,
)
from assistant.channels.replies import unavailable_answer
from tests.domain_content import responses
from tests.training_data import PROJECT_DIR

SPANISH = [{"type": "slot", "name": "language", "value": "es"}]
CRISIS = {"type": "slot", "name": "crisis_in_conversation", "value": True}
NO_CRISIS = {"type": "slot", "name": "crisis_in_conversation", "value": False}
VARIATIONS: List[Dict[str, Any]] = [
    {"condition": [CRISIS, *SPANISH], "text": "es, after a crisis"},
    {
        "condition": [CRISIS, {"type": "slot", "name": "language", "value": "en"}],
        "text": "en, crisis",
    },
    {"condition": [NO_CRISIS, *SPANISH], "text": "es"},
    {"text": "en"},
]


def test_the_variation_for_each_language_at_the_start_of_a_conversation() -> None:
    assert response_text(VARIATIONS, "es") == "es"
    assert response_text(VARIATIONS, "en") == "en"
    assert response_text([{"text": "en"}], "es") is None
    assert response_text(None, "en") is None


def test_every_text_names_988_in_spanish_in_its_spanish_version() -> None:
    assert "988" in RATE_LIMITED.en and "988 y oprima el 2" in RATE_LIMITED.es
    assert RATE_LIMITED.in_language("es") == RATE_LIMITED.es
    assert RATE_LIMITED.in_language("fr") == RATE_LIMITED.en
    assert RATE_LIMITED.both().startswith(RATE_LIMITED.en)


def test_the_unavailable_answer_comes_from_the_domain_in_the_conversations_language() -> None:
    agent = SimpleNamespace(domain=SimpleNamespace(responses=responses()))
    spanish = unavailable_answer(agent, "es")
    english = unavailable_answer(agent, "en")
    assert "directorio" in spanish and "directory" in english and spanish != english
    assert "algo falló" in unavailable_answer(SimpleNamespace(), "es")


@pytest.mark.parametrize(("slot", "expected"), [("es", "es"), ("en", "en"), (None, "en")])
async def test_the_conversations_language_comes_from_its_tracker(
    slot: Optional[str], expected: str
) -> None:
    store = InMemoryTrackerStore(Domain.load(str(PROJECT_DIR / "domain")))
    events = [SlotSet("language", slot)] if slot else []
    await store.save(DialogueStateTracker.from_events("someone", events))
    agent = SimpleNamespace(tracker_store=store)
    assert await conversation_language(agent, "someone") == expected
    assert await conversation_language(agent, "nobody yet") == "en"
    assert await conversation_language(SimpleNamespace(), "someone") == "en"
