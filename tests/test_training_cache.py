"""Training again after a change that leaves these components as they were."""

from pathlib import Path
from typing import Optional, Type

import pytest
from rasa.engine.graph import GraphComponent
from rasa.engine.training.fingerprinting import calculate_fingerprint_key

from assistant.components.multilingual_risk_scorer import MultilingualRiskScorer
from assistant.components.spanish_intent_classifier import SpanishIntentClassifier


@pytest.mark.parametrize("component", [MultilingualRiskScorer, SpanishIntentClassifier])
def test_a_component_restored_from_rasas_cache_can_be_fingerprinted(
    component: Type[GraphComponent],
) -> None:
    # After an edit elsewhere (a response), `rasa train` restores the component from its
    # cache: the node then runs as a PrecomputedValueProvider whose config is only its
    # output, and Rasa's training hook still fingerprints it with the component's class.
    restored_config = {"output": "cached resource"}
    key = calculate_fingerprint_key(component, restored_config, inputs={})
    assert key != calculate_fingerprint_key(component, {"output": "another"}, inputs={})
    assert component.fingerprint_addon(restored_config) == component.fingerprint_addon(
        component.get_default_config()
    )


def test_editing_any_examples_file_trains_the_scorer_again(tmp_path: Path) -> None:
    examples, levels = tmp_path / "risk.yml", tmp_path / "levels.yml"
    emergencies = tmp_path / "emergency.yml"
    config = {
        "examples": str(examples),
        "level_examples": str(levels),
        "emergency_examples": str(emergencies),
    }

    def fingerprint(first: str, second: str, third: str = "- c\n") -> Optional[str]:
        examples.write_text(first)
        levels.write_text(third)
        emergencies.write_text(second)
        return MultilingualRiskScorer.fingerprint_addon(config)

    before = fingerprint("- a\n", "- b\n")
    assert fingerprint("- a\n", "- d\n") != before
    assert fingerprint("- a\n", "- b\n", "- d\n") != before
    # Text moved from one file to another trains differently.
    assert fingerprint("- a\n- b\n", "") != fingerprint("- a\n", "- b\n")
    assert fingerprint("- a\n", "- b\n", "- c\n- e\n") != fingerprint("- a\n- e\n", "- b\n")
