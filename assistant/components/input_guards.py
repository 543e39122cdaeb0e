"""NLU components that keep odd input from slowing down or confusing the assistant.

`MessageCleaner` runs first: it drops markup (HTML tags, and whole script and
style blocks) and keeps only the start of a very long message, so a pasted web
page or a 20,000-character message is answered in well under a second. It also
straightens typographic quotes: phones type "I’m" and "can’t", and the risk
patterns and the training examples spell them "I'm" and "can't". The tracker
still stores the message as sent; only the NLU pipeline sees the cleaned text.

`TextlessMessageClassifier` runs last: a message with no letters at all (empty,
emoji, punctuation, markup symbols) cannot be understood, so it always becomes
`nlu_fallback` and the person is kindly asked to rephrase.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from assistant.typography import straighten_quotes

SCRIPT_OR_STYLE_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.I | re.S)
MARKUP_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,500}>")


def strip_markup(text: str) -> str:
    """`text` without HTML tags; script and style blocks go with their content."""
    if "<" not in text:
        return text
    without_blocks = SCRIPT_OR_STYLE_BLOCK.sub(" ", text)
    return " ".join(MARKUP_TAG.sub(" ", without_blocks).split())


def trim_at_word(text: str, max_characters: int) -> str:
    """The first `max_characters` of `text`, cut back to the last whole word."""
    if len(text) <= max_characters:
        return text
    cut = text[:max_characters]
    last_space = cut.rfind(" ")
    return cut[:last_space] if last_space > max_characters // 2 else cut


def clean_text(text: str, max_characters: int) -> str:
    """`text` as the NLU pipeline reads it: no markup, straight quotes, cut at a word."""
    return trim_at_word(straighten_quotes(strip_markup(text)), max_characters)


def has_letters(text: str) -> bool:
    """Whether `text` contains at least one letter, in any script."""
    return any(character.isalpha() for character in text)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class MessageCleaner(GraphComponent):
    """Removes markup, straightens quotes and shortens very long messages before tokenization."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The component's default config."""
        return {
            # Characters of a message the NLU pipeline reads. Longer messages
            # are cut at a word boundary; the tracker keeps the full text.
            "max_characters": 1000,
        }

    def __init__(self, config: Dict[str, Any]) -> None:
        """Store the configuration."""
        self.max_characters = int(config["max_characters"])

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MessageCleaner:
        """Create the component (see parent class)."""
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        """Clean the text of incoming messages."""
        for message in messages:
            text = message.get(TEXT)
            if text:
                cleaned = clean_text(text, self.max_characters)
                if cleaned != text:
                    message.set(TEXT, cleaned)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Clean training examples the same way."""
        self.process(training_data.training_examples)
        return training_data


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class TextlessMessageClassifier(GraphComponent, IntentClassifier):
    """Sends messages without any letters to the fallback."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The component has no options."""
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TextlessMessageClassifier:
        """Create the component (see parent class)."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Mark messages without letters as `nlu_fallback`, with full confidence."""
        for message in messages:
            if has_letters(message.get(TEXT) or ""):
                continue
            fallback = {
                INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME,
                PREDICTED_CONFIDENCE_KEY: 1.0,
            }
            message.data[INTENT] = fallback
            message.data[INTENT_RANKING_KEY] = [fallback]
        return messages
