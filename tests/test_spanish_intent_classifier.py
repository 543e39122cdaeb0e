"""The parts of the Spanish intent classifier that need no trained model."""

import pytest

from assistant.components.spanish_intent_classifier import (
    SpanishIntentClassifier,
    averaged,
    examples_directory,
    sharpened,
    spanish_examples,
)
from tests.training_data import training_examples


def test_both_classifiers_are_averaged_and_a_missing_intent_counts_as_zero() -> None:
    both = averaged({"greet": 0.6, "other_language": 0.4}, {"greet": 0.2, "thank": 0.8}, 0.5)
    assert both == pytest.approx({"greet": 0.4, "other_language": 0.2, "thank": 0.4})
    assert sum(both.values()) == pytest.approx(1.0)


def test_sharpening_keeps_the_ranking_and_raises_the_best_confidence() -> None:
    flat = {"greet": 0.28, "thank": 0.22, "goodbye": 0.2, "acknowledge": 0.3}
    sharp = sharpened(flat, 1.5)
    assert sorted(sharp, key=sharp.__getitem__) == sorted(flat, key=flat.__getitem__)
    assert sharp["acknowledge"] > flat["acknowledge"] and sum(sharp.values()) == pytest.approx(1)
    assert sharpened(flat, 1.0) == pytest.approx(flat)


def test_the_spanish_examples_are_training_examples_of_known_intents() -> None:
    config = SpanishIntentClassifier.get_default_config()
    pairs = spanish_examples(examples_directory(config))
    assert len(pairs) >= 1500
    assert {intent for _, intent in pairs} <= set(training_examples())
    assert SpanishIntentClassifier.fingerprint_addon(
        config
    ) != SpanishIntentClassifier.fingerprint_addon({**config, "examples": "data/nlu/voices"})
