"""NLU component that reads messages in Spanish and other languages for risk.

The intent classifiers are trained on far fewer Spanish examples than English ones, and
other languages have none. This component gives such a message a probability per risk
level (crisis, unsure, emergency, distress, none): two logistic regressions trained on
the training examples (by level) and the Spanish examples in `training/risk_es.yml`, one on
its meaning (multilingual-e5-small, reusing the Spanish classifier's vector when there is
one), one on its spelling (character n-grams, which tell "quiero morir en mi casa" from a
crisis better than the 4-bit sentence model does alone; docs/languages.md). A Spanish
message gets their mean, a message in another language the meaning alone. A second
emergency probability comes from a pair of regressions of its own (emergency or not), which
also learn `training/risk_es_emergency.yml`: trained into the levels, those examples took
probability from crises too (docs/safety.md, "2026-12-05, later: an emergency score of its own").
It runs for messages in Spanish (by the language detector, from a probability of 0.6),
those whose best intent is `other_language` (it comes after the classifiers and the
language detector in config.yml), and, as a second opinion, English messages in which the
English classifiers see some crisis (`english_from`, their crisis-or-unsure probability):
most English messages pay nothing. The risk assessor decides what the scores mean
(`decide_spanish`, `decide_other_language`, and `decide`'s `second_opinion`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

import numpy as np
import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from assistant.components.embedding_intent_classifier import (
    INTENT_PROBABILITIES,
    SENTENCE_PROBABILITIES,
)
from assistant.components.input_guards import MessageCleaner, clean_text
from assistant.components.language_detector import is_spanish
from assistant.components.message_features import sentence_spans
from assistant.components.spanish_intent_classifier import E5_VECTOR
from assistant.components.stored_models import (
    StoredRegressionComponent,
    balanced_regression,
    by_class,
)
from assistant.embeddings.e5 import shared_e5
from assistant.paths import project_path
from assistant.safety.risk_decision import (
    EMERGENCY_LEVEL,
    EMERGENCY_OR_NOT,
    LEVEL_NAME_OF_INTENT,
    NO_RISK,
    OTHER_LANGUAGE,
    UNSURE_LEVEL,
    RiskScores,
    riskiest_sentence_index,
)
from assistant.safety.spanish import fold
from assistant.typography import straighten_quotes

# The message field the risk assessor reads: probability per level.
MULTILINGUAL_RISK = "multilingual_risk"
# The same for the sentence of an English message the risk assessor reads for the whole of
# it (its `riskiest_sentence`), read alone as the classifiers read it.
MULTILINGUAL_RISK_OF_SENTENCE = "multilingual_risk_of_sentence"
MODEL_FILE = "multilingual_risk.joblib"
# Level names of the split files that the scorer's classes name otherwise.
LEVEL_OF_SPLIT = {"ambiguous": UNSURE_LEVEL}
KNOWN_LEVELS = {*LEVEL_NAME_OF_INTENT.values(), NO_RISK}
# The emergency regressions' other class.
OTHER_THAN_EMERGENCY = "other"


def read_examples(path: Path) -> List[Tuple[str, str]]:
    """(text, level) pairs from a file of blocks of level and messages.

    A level the scorer does not know ("benign" for "none") would train a class of its own,
    so it stops training with the file and the level named. Quotes are straightened as the
    pipeline straightens a message's (`MessageCleaner`).
    """
    blocks = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    levels = [LEVEL_OF_SPLIT.get(block["level"], block["level"]) for block in blocks]
    unknown = sorted(set(levels) - KNOWN_LEVELS)
    if unknown:
        known = sorted({*KNOWN_LEVELS, *LEVEL_OF_SPLIT})
        raise ValueError(f"{path}: unknown levels {unknown}; use {known}")
    return [
        (straighten_quotes(str(text)), level)
        for block, level in zip(blocks, levels, strict=True)
        for text in block["messages"]
    ]


@dataclass(frozen=True)
class BlendedLevels:
    """The level regressions by meaning and by spelling, read together."""

    by_meaning: LogisticRegression
    spelling: TfidfVectorizer
    by_spelling: LogisticRegression

    @classmethod
    def fit(
        cls, vectors: np.ndarray, texts: Sequence[str], levels: Sequence[str], c: Dict[str, float]
    ) -> BlendedLevels:
        """Both regressions, each with every level weighted alike."""
        spelling = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True
        )
        by_spelling = balanced_regression(
            spelling.fit_transform([fold(text) for text in texts]), levels, c["spelling"]
        )
        by_meaning = balanced_regression(vectors, levels, c["meaning"])
        if list(by_meaning.classes_) != list(by_spelling.classes_):
            raise ValueError("The two regressions must list the levels in the same order.")
        return cls(by_meaning, spelling, by_spelling)

    @property
    def classes_(self) -> np.ndarray:
        """The level names, in the order of `probabilities`."""
        return self.by_meaning.classes_

    def probabilities(self, vector: np.ndarray, text: str, with_spelling: bool) -> np.ndarray:
        """With spelling (Spanish, English), the mean of both regressions' probabilities.

        Other languages get the meaning alone: their spelling shares little with the
        training text (none at all in another script), and would pull every level toward
        the spelling regression's "none".
        """
        meaning = self.by_meaning.predict_proba(vector[None, :])[0]
        if not with_spelling:
            return meaning
        spelling = self.by_spelling.predict_proba(self.spelling.transform([fold(text)]))[0]
        return (meaning + spelling) / 2


@dataclass(frozen=True)
class LevelsWithEmergency:
    """The levels, and beside them an emergency probability from regressions of its own.

    The levels' own emergency probability stays among them, for the scores that sum the
    levels at risk; the second one (`EMERGENCY_OR_NOT`) decides on 911 in Spanish.
    """

    levels: BlendedLevels
    # Two classes: EMERGENCY_LEVEL and OTHER_THAN_EMERGENCY.
    emergency: BlendedLevels

    def __post_init__(self) -> None:
        """Both must know emergencies, or the scores would be read at the wrong place."""
        for regressions in (self.levels, self.emergency):
            if EMERGENCY_LEVEL not in regressions.classes_:
                raise ValueError(f"No {EMERGENCY_LEVEL!r} among {list(regressions.classes_)}")

    @property
    def classes_(self) -> np.ndarray:
        """The level names and `EMERGENCY_OR_NOT`, in the order of `probabilities`."""
        return np.append(self.levels.classes_, EMERGENCY_OR_NOT)

    def probabilities(self, vector: np.ndarray, text: str, with_spelling: bool) -> np.ndarray:
        """The levels' probabilities, then the emergency regressions'."""
        emergency = self.emergency.probabilities(vector, text, with_spelling)
        at = list(self.emergency.classes_).index(EMERGENCY_LEVEL)
        return np.append(self.levels.probabilities(vector, text, with_spelling), emergency[at])


def examples_path(config: Dict[str, Any], key: str = "examples") -> Path:
    """An examples file named in the config; a relative path is read from the project's root."""
    return project_path(config[key])


def left_out_examples(config: Dict[str, Any]) -> Set[Tuple[str, str]]:
    """(intent, text) of the NLU files `left_out` and `english_left_out` name, cleaned.

    Cleaned as `MessageCleaner` cleans. Those `left_out` names may hold topic examples only: a
    risk example left out there would silently weaken the scores. `english_left_out` names
    English batches, risk examples and all, said apart so that leaving out their risk is a
    choice. A text also in a file not left out, with the same intent, is left out there too.
    """
    max_characters = MessageCleaner.get_default_config()["max_characters"]

    def examples_of(names: List[str]) -> Set[Tuple[str, str]]:
        return {
            (str(message.get(INTENT)), clean_text(str(message.get(TEXT)), max_characters))
            for name in names
            for message in load_data(str(project_path(name))).intent_examples
        }

    topics = examples_of(config["left_out"])
    risky = sorted(intent for intent, _ in topics if intent in LEVEL_NAME_OF_INTENT)
    if risky:
        raise ValueError(f"left_out: {config['left_out']} hold risk examples ({risky[0]})")
    return topics | examples_of(config["english_left_out"])


def emergency_or_not(level: str) -> str:
    """The class of a level for the emergency regressions."""
    return EMERGENCY_LEVEL if level == EMERGENCY_LEVEL else OTHER_THAN_EMERGENCY


def best_intent(message: Message) -> Optional[str]:
    """The classifier's best intent, looking past Rasa's fallback."""
    for candidate in message.get(INTENT_RANKING_KEY) or []:
        name = candidate.get(INTENT_NAME_KEY)
        if name != DEFAULT_NLU_FALLBACK_INTENT_NAME:
            return str(name)
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY)


def riskiest_sentence(message: Message, threshold: float) -> Optional[str]:
    """The sentence whose crisis score raises the whole message's (`with_riskiest_sentence`)."""
    probabilities = message.get(SENTENCE_PROBABILITIES) or []
    if not probabilities:
        # The classifier read the message whole.
        return None
    text = str(message.get(TEXT) or "")
    index = riskiest_sentence_index(
        RiskScores.from_probabilities(message.get(INTENT_PROBABILITIES) or {}),
        [RiskScores.from_probabilities(p) for p in probabilities],
        threshold,
    )
    if index is None:
        return None
    start, end = sentence_spans(text)[index]
    return text[start:end]


def read_as_english(message: Message) -> bool:
    """Neither Spanish nor, by the classifiers, another language."""
    return not is_spanish(message) and best_intent(message) != OTHER_LANGUAGE


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class MultilingualRiskScorer(StoredRegressionComponent[LevelsWithEmergency]):
    """Probabilities per risk level for messages in Spanish and other languages."""

    MODEL_FILE = MODEL_FILE

    @classmethod
    def example_files(cls, config: Dict[str, Any]) -> List[Path]:
        """The non-English examples files.

        Not the files `left_out` and `english_left_out` name: they are training data, which
        fingerprints itself.
        """
        return [
            examples_path(config),
            examples_path(config, "level_examples"),
            examples_path(config, "emergency_examples"),
        ]

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Where the non-English examples are; each regression's strength."""
        return {
            "examples": "training/risk_es.yml",
            "level_examples": "training/risk_es_levels.yml",
            "emergency_examples": "training/risk_es_emergency.yml",
            # NLU files of topic examples that neither the levels nor the emergency regressions
            # learn (questions written after the thresholds that read these scores were chosen).
            "left_out": [],
            # NLU files of English batches, risk examples included, that neither learns, so that
            # its scores stay those its thresholds were chosen on (docs/safety.md).
            "english_left_out": [],
            "c": 4.0,
            "spelling_c": 16.0,
            "english_from": 0.02,
            "english_up_to": 2000,
            # The risk assessor's `riskiest_sentence`: a sentence this sure of a crisis is
            # read for the whole message, so the second opinion reads it too.
            "sentence_from": 0.8,
        }

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the levels on the English examples and the other languages' ones.

        The levels also learn the level examples, which hold no emergency; the emergency
        regressions do not (taught to them as "not an emergency", those examples cost Spanish
        emergencies their 911: docs/safety.md), and learn the emergency examples instead.
        Neither learns the examples of the files `left_out` and `english_left_out` name; one
        that the training data does not hold (cleaned otherwise, or a file not in the data)
        stops training.
        """
        left_out = left_out_examples(self._config)
        examples = [
            (str(m.get(INTENT)), str(m.get(TEXT)))
            for m in training_data.intent_examples
            if m.get(TEXT) and m.get(INTENT)
        ]
        missing = left_out - set(examples)
        if missing:
            raise ValueError(f"left_out: {len(missing)} examples are not in the training data")
        pairs = [
            (text, LEVEL_NAME_OF_INTENT.get(intent, NO_RISK))
            for intent, text in examples
            if (intent, text) not in left_out
        ]
        pairs += read_examples(examples_path(self._config))
        level_examples = read_examples(examples_path(self._config, "level_examples"))
        if any(level == EMERGENCY_LEVEL for _, level in level_examples):
            raise ValueError(
                f"{examples_path(self._config, 'level_examples')}: emergencies belong in the "
                "examples the emergency regressions learn too"
            )
        emergency_examples = read_examples(examples_path(self._config, "emergency_examples"))
        texts = [text for text, _ in pairs]
        level_texts = [text for text, _ in level_examples]
        extra_texts = [text for text, _ in emergency_examples]
        # Each file encoded apart, so that the examples learned before keep their vectors.
        encoder = shared_e5()
        vectors = encoder.encode_all(texts)
        level_vectors = encoder.encode_all(level_texts)
        extra_vectors = encoder.encode_all(extra_texts)
        strength = {
            "meaning": float(self._config["c"]),
            "spelling": float(self._config["spelling_c"]),
        }
        levels = BlendedLevels.fit(
            np.vstack([vectors, level_vectors]),
            texts + level_texts,
            [level for _, level in pairs + level_examples],
            strength,
        )
        emergency = BlendedLevels.fit(
            np.vstack([vectors, extra_vectors]),
            texts + extra_texts,
            [emergency_or_not(level) for _, level in pairs + emergency_examples],
            strength,
        )
        return self.keep(LevelsWithEmergency(levels, emergency))

    def _some_english_crisis(self, message: Message) -> bool:
        """Whether the English classifiers see enough crisis for a second opinion.

        Not past `english_up_to` characters: e5 reads about that much of a message, and
        encoding more would only cost time.
        """
        if len(str(message.get(TEXT))) > int(self._config["english_up_to"]):
            return False
        scores = RiskScores.from_probabilities(message.get(INTENT_PROBABILITIES) or {})
        return scores.crisis + scores.uncertain >= float(self._config["english_from"])

    def process(self, messages: List[Message]) -> List[Message]:
        """Score the messages in Spanish or in another language, and English ones at some risk."""
        for message in messages:
            if self.model is None or not message.get(TEXT):
                continue
            spanish = is_spanish(message)
            english = read_as_english(message)
            if english and not self._some_english_crisis(message):
                continue
            vector = message.get(E5_VECTOR)
            if vector is None:
                vector = shared_e5().encode(str(message.get(TEXT)))
            # The spelling regression learned English and Spanish text, no other language.
            probabilities = self.model.probabilities(
                vector, str(message.get(TEXT)), with_spelling=spanish or english
            )
            message.set(MULTILINGUAL_RISK, by_class(self.model.classes_, probabilities))
            sentence = (
                riskiest_sentence(message, float(self._config["sentence_from"]))
                if english
                else None
            )
            if sentence:
                # One more embedding, for the sentence alone (the whole dilutes it).
                on_sentence = self.model.probabilities(
                    shared_e5().encode(sentence), sentence, with_spelling=True
                )
                message.set(
                    MULTILINGUAL_RISK_OF_SENTENCE, by_class(self.model.classes_, on_sentence)
                )
        return messages
