"""The stacked crisis reader: one probability from the three readers (no model needed)."""

from typing import Dict

import pytest

from assistant.safety.crisis_stack import (
    FEATURES,
    FITTED_STACK,
    CrisisStack,
    stack_features,
    stacked_crisis,
)
from assistant.safety.detector import Assessment
from assistant.safety.levels import Level
from assistant.safety.risk_decision import RiskScores, Thresholds

NOTHING = Assessment(Level.NONE)
HOLD_BACK = Thresholds().stacked_hold_back


def read(crisis: float, none: float) -> Dict[str, float]:
    """The labelled reader's probabilities, the rest on distress."""
    return {"crisis": crisis, "none": none, "emergency": 0.0, "distress": 1.0 - crisis - none}


def fitted(
    classifiers: float,
    second_opinion: float,
    labelled: Dict[str, float],
    assessment: Assessment = NOTHING,
) -> float:
    scores = RiskScores(crisis_self=classifiers)
    probability = stacked_crisis(
        FITTED_STACK, assessment, scores, second_opinion, labelled, 12, False
    )
    assert probability is not None
    return probability


def test_the_fitted_stack_weighs_every_feature() -> None:
    assert len(FITTED_STACK.weights) == len(FEATURES)
    scores = RiskScores(crisis_self=0.1, uncertain=0.1, distress=0.1)
    features = stack_features(NOTHING, scores, 0.1, read(0.1, 0.8), 5, False)
    assert len(features) == len(FEATURES)


def test_the_fitted_stack_leans_the_way_each_reader_does() -> None:
    weight = dict(zip(FEATURES, FITTED_STACK.weights, strict=True))
    for towards_a_crisis in ("classifiers_crisis", "second_opinion", "labelled_crisis"):
        assert weight[towards_a_crisis] > 0, towards_a_crisis
    assert weight["labelled_none"] < 0


def test_three_readers_sure_of_no_crisis_fall_under_the_hold_back() -> None:
    # "We're picking hymns for her service": every reader hears a funeral, not a crisis.
    assert fitted(0.16, 0.02, read(0.005, 0.99)) < HOLD_BACK


def test_two_readers_sure_of_a_crisis_keep_the_question() -> None:
    # One reader sure alone is kept by the decision itself (tests/safety/test_risk_decision.py).
    assert fitted(0.16, 0.9, read(0.9, 0.05)) >= HOLD_BACK
    assert fitted(0.5, 0.9, read(0.005, 0.99)) >= HOLD_BACK
    assert fitted(0.5, 0.02, read(0.9, 0.05)) >= HOLD_BACK


def test_each_reader_raises_the_probability() -> None:
    base = fitted(0.2, 0.2, read(0.2, 0.7))
    assert fitted(0.4, 0.2, read(0.2, 0.7)) > base
    assert fitted(0.2, 0.4, read(0.2, 0.7)) > base
    assert fitted(0.2, 0.2, read(0.4, 0.5)) > base


def test_no_probability_where_a_reader_did_not_read() -> None:
    labelled = read(0.5, 0.5)
    scores = RiskScores(crisis_self=0.5)
    assert stacked_crisis(FITTED_STACK, NOTHING, scores, None, labelled, 5, False) is None
    assert stacked_crisis(FITTED_STACK, NOTHING, scores, 0.5, None, 5, False) is None


def test_a_stack_refuses_features_it_was_not_fitted_on() -> None:
    with pytest.raises(ValueError):
        CrisisStack(weights=(1.0, 2.0), intercept=0.0).probability([1.0])
