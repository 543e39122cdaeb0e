"""NLU component that notices crisis, medical emergency and distress in any message.

It runs after DIET and the fallback classifier. The spaCy-based detector
(`safety.detector`) reads the message for cues; what it finds overrides the
intent when more serious than DIET's guess, so "I want to die. what is
palliative care anyway" is a crisis, whatever the rest of the message asks.
DIET's own crisis intents are kept when the detector finds nothing (rare
phrasings), unless DIET was unsure. Every parsed message gets a `safety` field
(level and who it is about, no text), which the safety event broker records.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from assistant.safety.detector import Assessment, DistressDetector
from assistant.safety.levels import Level

SAFETY = "safety"
CRISIS_SELF = "crisis_self"
CRISIS_OTHER = "crisis_someone_else"
EMERGENCY = "medical_emergency"
DISTRESS = "distress"
NOT_SAFE = "not_safe"
INTENT_LEVELS = {
    NOT_SAFE: Level.CRISIS,
    CRISIS_SELF: Level.CRISIS,
    CRISIS_OTHER: Level.CRISIS,
    EMERGENCY: Level.EMERGENCY,
    DISTRESS: Level.DISTRESS,
}


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False, model_from="SpacyNLP"
)
class DistressDetectorComponent(GraphComponent, IntentClassifier):
    """Marks each message with a safety level and makes crisis and emergency win."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """SpaCy's docs come from SpacyNLP."""
        return [SpacyNLP]

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The component's default config."""
        return {
            # DIET's crisis or emergency intent without any cue the detector knows
            # is kept only at this confidence or above.
            "model_only_threshold": 0.8,
            # A distress cue replaces a topic intent DIET is less sure of than this
            # ("I'm so scared" is distress; "I'm worried about the cost of hospice"
            # stays a question about cost).
            "topic_confidence": 0.8,
        }

    def __init__(self, config: Dict[str, Any]) -> None:
        """Store the thresholds; the detector is built with the spaCy model."""
        self.model_only_threshold = float(config["model_only_threshold"])
        self.topic_confidence = float(config["topic_confidence"])
        self._detector: Optional[DistressDetector] = None

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DistressDetectorComponent:
        """Create the component (see parent class)."""
        return cls(config)

    def _detector_for(self, model: SpacyModel) -> DistressDetector:
        if self._detector is None:
            self._detector = DistressDetector(model.model.vocab, model.model.get_pipe("parser"))
        return self._detector

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        """Assess each message and set its intent when the assessment is more serious."""
        detector = self._detector_for(model)
        for message in messages:
            doc = message.get(SPACY_DOCS[TEXT])
            assessment = detector.assess(doc) if doc is not None else Assessment(Level.NONE)
            intent = message.get(INTENT) or {}
            name = intent.get(INTENT_NAME_KEY)
            confidence = float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
            chosen = self._choose(assessment, name, confidence, message.get(INTENT_RANKING_KEY))
            if chosen != name:
                self._set_intent(message, chosen)
            level = INTENT_LEVELS.get(chosen or "", Level.NONE)
            about = "someone_else" if chosen == CRISIS_OTHER else "self"
            message.set(
                SAFETY,
                {"level": level.name.lower(), "about": about, "cues": list(assessment.cues)},
                add_to_output=True,
            )
        return messages

    def _choose(
        self,
        assessment: Assessment,
        name: Optional[str],
        confidence: float,
        ranking: Optional[List[Dict[str, Any]]],
    ) -> Optional[str]:
        """The intent to answer: the more serious of the detector's and DIET's."""
        if assessment.level == Level.CRISIS:
            if name == NOT_SAFE or {"unsafe", "in_danger"} & set(assessment.cues):
                return NOT_SAFE  # "I'm not safe", "I'm in danger": 911 now, then 988
            return CRISIS_OTHER if assessment.about_someone_else else CRISIS_SELF
        diet_level = INTENT_LEVELS.get(name or "", Level.NONE)
        if diet_level >= Level.EMERGENCY and assessment.level < diet_level:
            # DIET alone says crisis or emergency: trust it only when sure, and
            # never when the detector read the cue and set it aside ("I'm not
            # suicidal", "I don't have a fever").
            if confidence >= self.model_only_threshold and assessment.set_aside < diet_level:
                return name
            if assessment.level == Level.EMERGENCY:
                return EMERGENCY
            if assessment.level == Level.DISTRESS:
                return DISTRESS
            return _first_topic(ranking)
        if assessment.level == Level.EMERGENCY:
            return EMERGENCY
        if assessment.level == Level.DISTRESS and diet_level == Level.NONE:
            if confidence < self.topic_confidence or name in DISTRESS_CAN_REPLACE:
                return DISTRESS
        return name

    @staticmethod
    def _set_intent(message: Message, name: Optional[str]) -> None:
        chosen = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = [
            r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name
        ]
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)


def _first_topic(ranking: Optional[List[Dict[str, Any]]]) -> str:
    """DIET's best guess that is not a safety intent, or the fallback."""
    for candidate in ranking or []:
        if candidate.get(INTENT_NAME_KEY) not in INTENT_LEVELS:
            return str(candidate[INTENT_NAME_KEY])
    return DEFAULT_NLU_FALLBACK_INTENT_NAME


# Intents a distress cue always replaces: the feeling comes first.
DISTRESS_CAN_REPLACE = {
    "emotional_support",
    "nlu_fallback",
    "out_of_scope",
    "acknowledge",
    "greet",
    "other_language",
}
