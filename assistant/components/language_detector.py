"""NLU component that tells which of the assistant's languages a message is written in.

The assistant speaks English and Spanish; the slot `language` picks the answers'
variations (domain/*.yml). This component reads each message offline with
lingua (English against Spanish only) and adds the entity `language` (`en` or
`es`) when the message is clearly one of them; the slot follows it. A message
that could be either ("ok", "no", a place name like "San Antonio", a ZIP code)
adds nothing, so the conversation keeps its language. Going back to English
asks for more: two words or more, clearly English ("ok" alone in a Spanish
conversation is not a wish to switch). "in English please" and "en español"
are understood as the intent `switch_language` instead (domain/language.yml); a
language named to refuse it ("no hablo inglés") removes that choice and gives the
other language.

It also stores the Spanish probability on the message (`spanish_probability`),
which the multilingual risk scorer reads to decide whether to run.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

import lingua
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from assistant.components.place_extractor import PLACE_ENTITY

LANGUAGE_ENTITY = "language"
ENGLISH = "en"
SPANISH = "es"
# The message field with the probability that the message is Spanish (not English).
SPANISH_PROBABILITY = "spanish_probability"
# From this probability a message is read for risk as Spanish (the multilingual scorer runs).
READ_AS_SPANISH = 0.6
WORD = re.compile(r"[^\W\d_]+")
# Greetings lingua cannot be sure of on their own, that only Spanish speakers write
# ("ola" and "bnas" or "wenas" as they are texted).
SPANISH_OPENINGS = re.compile(r"^\s*(h?ola+|holi+|buen[oa]s?|bnas|wenas)\b", re.I)
# "no hablo inglés", "I don't speak Spanish": a language named in order to refuse it.
# Only the writer's own: "My mom can't read English" asks for nothing.
NOT_SPOKEN = re.compile(
    r"(?:\bi\s+(?:don'?t|do not|can'?t|cannot)\s+(?:speak|understand|read)"
    r"|(?:^|[^\w])no\s+(?:hablo|entiendo|leo|s[eé]))"
    r"\s+(?:(?:el|mucho|bien|much|well)\s+)?(?P<language>ingl[eé]s|english|espa[nñ]ol|spanish)\b",
    re.I,
)
LANGUAGE_CHOICE_ENTITY = "language_choice"


def make_detector() -> lingua.LanguageDetector:
    """The lingua detector for English against Spanish, its models loaded once."""
    return (
        lingua.LanguageDetectorBuilder.from_languages(
            lingua.Language.ENGLISH, lingua.Language.SPANISH
        )
        .with_preloaded_language_models()
        .build()
    )


def spanish_probability(detector: lingua.LanguageDetector, text: str) -> float:
    """How likely `text` is Spanish rather than English (0.5 when it has no words)."""
    if not WORD.search(text):
        return 0.5
    for confidence in detector.compute_language_confidence_values(text):
        if confidence.language == lingua.Language.SPANISH:
            return float(confidence.value)
    return 0.0


def without_spans(text: str, entities: List[Dict[str, Any]]) -> str:
    """`text` with the characters of `entities` blanked out."""
    for entity in entities:
        start, end = int(entity[ENTITY_ATTRIBUTE_START]), int(entity[ENTITY_ATTRIBUTE_END])
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def refused_language(text: str) -> Optional[str]:
    """The language a message asks for by refusing the other ("no hablo inglés": `es`)."""
    match = NOT_SPOKEN.search(text)
    if match is None:
        return None
    return SPANISH if match["language"].lower() in {"inglés", "ingles", "english"} else ENGLISH


def is_spanish(message: Message) -> bool:
    """Whether the risk layer reads the message as Spanish."""
    return float(message.get(SPANISH_PROBABILITY) or 0.0) >= READ_AS_SPANISH


def clear_language(text: str, probability: float, config: Dict[str, Any]) -> Optional[str]:
    """`es` or `en` when the message is clearly written in it, otherwise None."""
    refused = refused_language(text)
    if refused is not None:
        return refused
    # "hola" alone is Spanish; "Hola, I want to end my life" is not.
    opening = SPANISH_OPENINGS.match(text) is not None and probability >= 0.5
    if probability >= config["spanish"] or opening:
        return SPANISH
    words = WORD.findall(text)
    if len(words) >= config["english_minimum_words"] and probability <= config["english"]:
        return ENGLISH
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LanguageDetector(GraphComponent):
    """Adds the entity `language` to messages clearly written in English or Spanish."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The component's default config."""
        return {
            # Spanish probability at or above which a message is Spanish.
            "spanish": 0.85,
            # Spanish probability at or below which a message of enough words is English.
            "english": 0.15,
            "english_minimum_words": 2,
        }

    def __init__(self, config: Dict[str, Any], detector: lingua.LanguageDetector) -> None:
        """Store the configuration and the detector."""
        self.config = config
        self._detector = detector

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageDetector:
        """Build the detector (no training; lingua's models ship in its wheel)."""
        return cls(config, make_detector())

    def process(self, messages: List[Message]) -> List[Message]:
        """Add the entity `language` and the Spanish probability to each message."""
        for message in messages:
            text = str(message.get(TEXT) or "")
            # Place names say nothing of the language: read whole, "en Springfield" is
            # English, and "cerca de Springfield" neither.
            entities = message.get(ENTITIES) or []
            places = [e for e in entities if e[ENTITY_ATTRIBUTE_TYPE] == PLACE_ENTITY]
            probability = spanish_probability(self._detector, without_spans(text, places))
            message.set(SPANISH_PROBABILITY, probability)
            language = clear_language(text, probability, self.config)
            if language is None:
                continue
            if refused_language(text) is not None:
                # "no hablo inglés" names English, but asks for Spanish.
                entities = [
                    e for e in entities if e[ENTITY_ATTRIBUTE_TYPE] != LANGUAGE_CHOICE_ENTITY
                ]
            entity = {
                ENTITY_ATTRIBUTE_TYPE: LANGUAGE_ENTITY,
                ENTITY_ATTRIBUTE_VALUE: language,
                ENTITY_ATTRIBUTE_START: 0,
                ENTITY_ATTRIBUTE_END: len(text),
                EXTRACTOR: self.__class__.__name__,
            }
            message.set(ENTITIES, [*entities, entity], add_to_output=True)
        return messages
