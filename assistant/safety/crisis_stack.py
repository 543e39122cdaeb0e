"""One probability of a crisis, weighed from what the three risk readers said.

The risk layer has three readers of meaning: the intent classifiers' level scores, the
multilingual scorer's second opinion, and the labelled risk reader. Each rule in
`risk_decision.decide` listens to one or two of them at fixed thresholds. This module weighs
them all at once, with the patterns' few flags beside them, in one logistic regression whose
weights were fitted on the retired English splits, each split's inputs read by a labelled
reader that had not learned it (`bench/crisis_stack.py` fits them and prints the table in
docs/safety.md, "2026-12-07, last"). It gives a probability only where every reader read the
message: an English message read whole.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Tuple

from assistant.safety.detector import Assessment
from assistant.safety.levels import Level
from assistant.safety.risk_decision import (
    CRISIS_LEVEL,
    DISTRESS_LEVEL,
    NO_RISK,
    REPLIES,
    RiskScores,
)

# Probabilities are clipped here before their log-odds are taken: the readers' extremes
# (1e-9 against 1e-5) say no more than "very sure".
_CLIP = 1e-4
# The features, in the order of `CrisisStack.weights`.
FEATURES: Tuple[str, ...] = (
    "classifiers_crisis_or_unsure",
    "classifiers_crisis",
    "classifiers_distress",
    "second_opinion",
    "labelled_crisis",
    "labelled_none",
    "labelled_distress",
    "words",
    "pattern_crisis",
    "crisis_set_aside",
    "pattern_distress",
    "reply",
)


def _log_odds(probability: float) -> float:
    clipped = min(max(probability, _CLIP), 1.0 - _CLIP)
    return math.log(clipped / (1.0 - clipped))


def best_is_a_reply(ranking: Sequence[Mapping[str, object]]) -> bool:
    """Whether the classifiers' best intent is a reply to a question (the `reply` feature)."""
    return bool(ranking) and str(ranking[0].get("name")) in REPLIES


def stack_features(
    assessment: Assessment,
    scores: RiskScores,
    second_opinion: float,
    labelled: Mapping[str, float],
    words: int,
    reply: bool,
) -> Tuple[float, ...]:
    """The readers' outputs as the stack reads them, in `FEATURES` order.

    `scores` are the classifiers' level scores; `labelled` the labelled reader's probabilities
    per level; `reply` whether the classifiers' best intent is a reply to a question ("yes",
    "no", "I'm safe").
    """
    return (
        _log_odds(scores.crisis + scores.uncertain),
        _log_odds(scores.crisis),
        _log_odds(scores.distress),
        _log_odds(second_opinion),
        _log_odds(labelled.get(CRISIS_LEVEL, 0.0)),
        _log_odds(labelled.get(NO_RISK, 0.0)),
        _log_odds(labelled.get(DISTRESS_LEVEL, 0.0)),
        math.log1p(words),
        float(assessment.level == Level.CRISIS),
        float(Level.CRISIS in assessment.set_aside),
        float(assessment.level == Level.DISTRESS),
        float(reply),
    )


@dataclass(frozen=True)
class CrisisStack:
    """A logistic regression over `FEATURES`."""

    weights: Tuple[float, ...]
    intercept: float

    def probability(self, features: Sequence[float]) -> float:
        """The probability that the message tells of a crisis."""
        if len(features) != len(self.weights):
            raise ValueError(f"expected {len(self.weights)} features, got {len(features)}")
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z))


def stacked_crisis(
    stack: CrisisStack,
    assessment: Assessment,
    scores: RiskScores,
    second_opinion: Optional[float],
    labelled: Optional[Mapping[str, float]],
    words: int,
    reply: bool,
) -> Optional[float]:
    """The stack's crisis probability, or None where a reader did not read the message."""
    if second_opinion is None or not labelled:
        return None
    return stack.probability(
        stack_features(assessment, scores, second_opinion, labelled, words, reply)
    )


# Fitted by `make bench-crisis-stack` with model assistant-dcb168520c1a (docs/safety.md,
# "2026-12-07, last"), in `FEATURES` order, printed to four places and kept to three. The
# weights read that model's outputs: refit them when the classifiers or the readers change.
FITTED_STACK = CrisisStack(
    weights=(0.065, 0.352, -0.042, 0.479, 0.694, -0.092, 0.066, 0.01, 0.025, -0.319, -0.079, 0.032),
    intercept=-0.207,
)
