"""NLU component that reads every message for crisis, emergency and distress.

Two signals, and a rule for joining them (assistant/safety/risk_decision.py):
- spaCy Matcher patterns over lemmas (assistant/safety/), for what must never be
  missed: explicit words and their common typos, with the parse for negation ("I'm
  not suicidal") and for who it is about; and a few Spanish cues;
- the embedding intent classifier's probabilities summed per level, the
  meaning-level signal for risk said in other words ("worn out from being alive"),
  for the whole message and, in a long one, for its riskiest sentence; beside them,
  the multilingual scorer's second opinion and the labelled risk reader's doubt (and its
  question, where it is sure of a crisis the classifiers hardly hear), and the three weighed
  together (assistant/safety/crisis_stack.py), which holds back a question the scores alone
  asked.

The decision replaces the intent when there is a risk. A scorer in its middle band
gives `possible_crisis`, which asks the person directly. A topic asked in the same
message is kept as the `topic` entity, so the dialogue can answer it after the risk
answer. Every parsed message gets a `safety` field (level, who, which signal; no
text), which the safety event broker records.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List, Optional, Type, Union

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import SPACY_DOCS
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from assistant.components.embedding_intent_classifier import (
    INTENT_PROBABILITIES,
    SENTENCE_PROBABILITIES,
    EmbeddingIntentClassifier,
)
from assistant.components.labelled_risk_reader import LABELLED_RISK
from assistant.components.language_detector import is_spanish
from assistant.components.multilingual_risk_scorer import (
    MULTILINGUAL_RISK,
    MULTILINGUAL_RISK_OF_SENTENCE,
    read_as_english,
)
from assistant.conversation.death_told import loss_instead_of_situation
from assistant.safety.check_in_replies import safety_statement
from assistant.safety.crisis_stack import FITTED_STACK, best_is_a_reply, stacked_crisis
from assistant.safety.detector import Assessment, DistressDetector
from assistant.safety.fever import EMERGENCY_WITH_FEVER, speaks_of_fever
from assistant.safety.lethal_amount import asks_a_lethal_amount
from assistant.safety.levels import Level
from assistant.safety.risk_decision import (
    EMERGENCY,
    EMERGENCY_AND_CRISIS,
    OTHER_LANGUAGE,
    OVERDOSE_CUE,
    POSSIBLE_CRISIS,
    Decision,
    RiskScores,
    Thresholds,
    decide,
    decide_other_language,
    decide_spanish,
    level_scores,
    second_opinion_on,
    with_riskiest_sentence,
)
from assistant.safety.spanish import (
    spanish_emergency_denied,
    spanish_emergency_too,
    spanish_idiom,
    spanish_level,
    spanish_overdose_taken,
    spanish_said_to_be_a_mistake,
    spanish_unsafe,
)

SAFETY = "safety"
TOPIC_ENTITY = "topic"
CHECK_IN_LEVEL = "check_in"
# On every direct question: whether it is asked about someone else (domain/safety.yml).
CHECK_IN_ABOUT_SOMEONE_ELSE = "check_in_about_someone_else"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False, model_from="SpacyNLP"
)
class RiskAssessor(GraphComponent, IntentClassifier):
    """Marks each message with a safety level; crisis and emergency outrank any topic."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """SpaCy's docs for the patterns; the classifier's probabilities for the scores."""
        return [SpacyNLP, EmbeddingIntentClassifier]

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Thresholds on the scores (see Thresholds for what each decides)."""
        defaults = Thresholds()
        return {name: getattr(defaults, name) for name in defaults.__dataclass_fields__}

    def __init__(self, config: Dict[str, Any]) -> None:
        """Keep the thresholds; the detector is built with the spaCy model."""
        self.thresholds = Thresholds(
            **{name: float(config[name]) for name in Thresholds.__dataclass_fields__}
        )
        self._detector: Optional[DistressDetector] = None

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RiskAssessor:
        """Create the component (see parent class)."""
        return cls(config)

    def _detector_for(self, model: SpacyModel) -> DistressDetector:
        if self._detector is None:
            self._detector = DistressDetector(model.model.vocab, model.model.get_pipe("parser"))
        return self._detector

    def process(self, messages: List[Message], model: SpacyModel) -> List[Message]:
        """Decide each message's risk and set its intent when there is one."""
        detector = self._detector_for(model)
        for message in messages:
            decision, scores = self.assess(message, detector)
            probabilities: Dict[str, float] = message.get(INTENT_PROBABILITIES) or {}
            classified_as = (
                max(probabilities, key=lambda name: probabilities[name]) if probabilities else None
            )
            name = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            text = message.get(TEXT) or ""
            # A situation that tells of a death is answered as a loss.
            chosen = loss_instead_of_situation(
                decision.intent, message.get(INTENT_RANKING_KEY) or [], text
            )
            if chosen != name:
                set_intent(message, chosen or DEFAULT_NLU_FALLBACK_INTENT_NAME)
            if decision.topic:
                _add_entity(message, TOPIC_ENTITY, decision.topic)
            if decision.intent in {EMERGENCY, EMERGENCY_AND_CRISIS}:
                # The emergency answer names the oncology team's line only for a fever.
                _add_entity(message, EMERGENCY_WITH_FEVER, speaks_of_fever(text))
            if chosen == POSSIBLE_CRISIS:
                _add_entity(message, CHECK_IN_ABOUT_SOMEONE_ELSE, decision.about_someone_else)
            message.set(
                SAFETY,
                {
                    "level": _level_name(decision),
                    "about": "someone_else" if decision.about_someone_else else "self",
                    "some_risk": decision.some_risk,
                    "signal": decision.source,
                    # The crisis answer the question stands in for (the second opinion or
                    # the labelled reader doubted it): given where the question is not asked
                    # again.
                    "crisis_doubted": decision.crisis_doubted,
                    # Where the stacked reader held back the question: the intent a reply to
                    # the question asked before is heard as (actions/safety_check_in.py).
                    "without_stack": decision.without_stack,
                    # The classifier's own pick, before the risk layer (for bench-safety).
                    "classified_as": classified_as,
                    "scores": level_scores(scores),
                },
                add_to_output=True,
            )
        return messages

    def assess(self, message: Message, detector: DistressDetector) -> tuple[Decision, RiskScores]:
        """The decision for one message and the scores behind it."""
        decision, scores = self._read(message, detector)
        return with_safety_statement(decision, message.get(TEXT) or ""), scores

    def _read(self, message: Message, detector: DistressDetector) -> tuple[Decision, RiskScores]:
        """The patterns' and the scores' decision, before the statements of safety."""
        doc = message.get(SPACY_DOCS[TEXT])
        assessment = detector.assess(doc) if doc is not None else Assessment(Level.NONE)
        text = message.get(TEXT) or ""
        spanish = spanish_level(text)
        if spanish and spanish[0] > assessment.level:
            emergency_too = spanish[0] == Level.CRISIS and spanish_emergency_too(text)
            # "No estoy a salvo" is the pattern's "not safe", and "se tomó todas sus
            # pastillas" the pattern's overdose (988 after 911 from a middle crisis score),
            # as in English.
            cues: tuple[str, ...] = ("spanish",)
            if spanish_unsafe(text):
                cues += ("unsafe",)
            if spanish[0] == Level.EMERGENCY and spanish_overdose_taken(text):
                cues += (OVERDOSE_CUE,)
            assessment = Assessment(
                spanish[0], spanish[1], cues, assessment.set_aside, emergency_too
            )
        elif spanish is None and assessment.level < Level.CRISIS and spanish_idiom(text):
            # "Me muero de ganas de verlos": surer scores are needed for a crisis or a question.
            assessment = replace(assessment, idiom=True)
        whole = RiskScores.from_probabilities(message.get(INTENT_PROBABILITIES) or {})
        scores = with_riskiest_sentence(
            whole,
            [RiskScores.from_probabilities(p) for p in message.get(SENTENCE_PROBABILITIES) or []],
            self.thresholds.riskiest_sentence,
        )
        ranking = message.get(INTENT_RANKING_KEY) or []
        multilingual = message.get(MULTILINGUAL_RISK)
        english = read_as_english(message)
        second_opinion = (
            second_opinion_on(
                scores, whole, multilingual, message.get(MULTILINGUAL_RISK_OF_SENTENCE)
            )
            if english
            else None
        )
        words = len(text.split())
        labelled = (
            message.get(LABELLED_RISK) if read_whole(english, scores, whole, assessment) else None
        )
        stacked = stacked_crisis(
            FITTED_STACK,
            assessment,
            scores,
            second_opinion,
            labelled,
            words,
            best_is_a_reply(ranking),
        )
        decision = decide(
            assessment,
            scores,
            ranking,
            self.thresholds,
            second_opinion,
            words,
            lethal_amount=asks_a_lethal_amount(text),
            labelled=labelled,
            stacked=stacked,
        )
        if is_spanish(message) and decision.intent != OTHER_LANGUAGE:
            # A denied Spanish emergency cue holds back the multilingual emergency score only.
            set_aside = assessment.set_aside
            if spanish_emergency_denied(text):
                set_aside = set_aside | {Level.EMERGENCY}
            # An idiom ("me muero de ganas") never has the classifiers' agreement for a crisis.
            agreeing = RiskScores() if assessment.idiom else scores
            raised = decide_spanish(
                decision,
                multilingual,
                self.thresholds,
                set_aside,
                agreeing,
                by_mistake=spanish_said_to_be_a_mistake(text),
            )
            return raised, scores
        if english:
            return decision, scores
        return decide_other_language(decision, multilingual, self.thresholds), scores


def with_safety_statement(decision: Decision, text: str) -> Decision:
    """The decision, where the words only say someone is safe, read as they say.

    "Estoy a salvo", "she's safe now": the classifiers put them next to "I'm not safe"; the
    words say safe, and nothing else ("yes, ..." is a yes). So is a crisis or a question the
    scores gave, and the question the stacked reader held back (`Decision.without_stack`).
    """
    statement = safety_statement(text)
    if statement is None:
        return decision
    if decision.level == Level.CRISIS and decision.source != "patterns":
        return Decision(statement, Level.NONE)
    if decision.without_stack:
        return replace(decision, without_stack=statement)
    return decision


def read_whole(
    english: bool, scores: RiskScores, whole: RiskScores, assessment: Assessment
) -> bool:
    """Whether the labelled reader's reading stands for what is decided on.

    It reads English, and the whole message: not a crisis told in one sentence that raised
    the scores (diluted in the whole), nor one a Spanish cue found in a mixed message.
    """
    return english and scores == whole and "spanish" not in assessment.cues


def _level_name(decision: Decision) -> str:
    """The level recorded for staff: a direct question is its own level, not a crisis."""
    if decision.intent == POSSIBLE_CRISIS:
        return CHECK_IN_LEVEL
    return decision.level.name.lower()


def set_intent(message: Message, name: str) -> None:
    """Make `name` the message's intent, with full confidence, above the classifier's ranking."""
    chosen = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)


def _add_entity(message: Message, entity_type: str, value: Union[str, bool]) -> None:
    entity = {
        ENTITY_ATTRIBUTE_TYPE: entity_type,
        ENTITY_ATTRIBUTE_VALUE: value,
        EXTRACTOR: RiskAssessor.__name__,
        "start": 0,
        "end": 0,
    }
    message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)
