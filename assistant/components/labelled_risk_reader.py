"""NLU component: a third reader of risk, trained on messages labelled by level.

The intent classifiers learn risk from the training examples, beside some sixty topics; the
multilingual scorer's second opinion learns it on another sentence model. This reader learns
only the levels (crisis, emergency, distress, none), from the English risk splits that were
scored and tuned on, so retired as measures (`training/labelled_risk_en.yml` lists them):
thousands of messages written by strangers in many voices, most benign ones full of death
words. A logistic regression on the MiniLM sentence embedding and character n-grams.

It gives each English message a probability per level. The risk assessor reads how sure it
is that a message holds no risk: sure, it makes a crisis answer the direct question and, with
the second opinion's agreement, holds back a question the classifiers' scores asked
(docs/safety.md, "2026-12-06, night"); and how sure it is of a crisis: sure, with a second
opinion that does not rule one out, it asks the question the scores did not (`decide`'s
`labelled`; "2026-12-07, evening").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Sequence

import numpy as np
import scipy.sparse
import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from assistant.components.message_features import dense_sentence_vector
from assistant.components.multilingual_risk_scorer import read_as_english, read_examples
from assistant.components.stored_models import (
    StoredRegressionComponent,
    balanced_regression,
    by_class,
)
from assistant.embeddings.minilm import shared_encoder
from assistant.paths import project_path
from assistant.safety.risk_decision import CRISIS_LEVEL, UNSURE_LEVEL

# The message field the risk assessor reads: probability per level.
LABELLED_RISK = "labelled_risk"
MODEL_FILE = "labelled_risk.joblib"


def reader_level(level: str) -> str:
    """The reader's class for a split's level: the unclear middle is read as a crisis."""
    return CRISIS_LEVEL if level == UNSURE_LEVEL else level


def listed_files(manifest: Path) -> List[Path]:
    """The example files a manifest lists (`files:`), from the project's root."""
    listed = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
    return [project_path(str(name)) for name in listed.get("files") or []]


@dataclass(frozen=True)
class LevelsBySpellingAndMeaning:
    """One regression over character n-grams and the sentence embedding, side by side."""

    spelling: TfidfVectorizer
    regression: LogisticRegression
    # How much the embedding counts beside the n-grams (both have length 1 per message).
    meaning_weight: float

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        vectors: np.ndarray,
        levels: Sequence[str],
        c: float,
        weight: float,
    ) -> LevelsBySpellingAndMeaning:
        """The regression, with every level weighted alike."""
        spelling = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True
        )
        counts = spelling.fit_transform(texts)
        rows = scipy.sparse.hstack([counts, scipy.sparse.csr_matrix(vectors * weight)]).tocsr()
        return cls(spelling, balanced_regression(rows, levels, c), weight)

    def probabilities(self, text: str, vector: np.ndarray) -> Dict[str, float]:
        """Each level's probability for one message."""
        row = scipy.sparse.hstack(
            [
                self.spelling.transform([text]),
                scipy.sparse.csr_matrix(vector[None, :] * self.meaning_weight),
            ]
        ).tocsr()
        return by_class(self.regression.classes_, self.regression.predict_proba(row)[0])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LabelledRiskReader(StoredRegressionComponent[LevelsBySpellingAndMeaning]):
    """Probabilities per risk level for English messages, learned from labelled splits."""

    MODEL_FILE = MODEL_FILE

    @classmethod
    def example_files(cls, config: Dict[str, Any]) -> List[Path]:
        """The manifest and the files it lists."""
        manifest = project_path(config["examples"])
        return [manifest, *listed_files(manifest)]

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The manifest of labelled files; the regression's strength; the embedding's weight."""
        return {"examples": "training/labelled_risk_en.yml", "c": 4.0, "meaning_weight": 3.0}

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the levels on the listed files' messages (not on the training data)."""
        pairs = [
            (text, reader_level(level))
            for path in listed_files(project_path(self._config["examples"]))
            for text, level in read_examples(path)
        ]
        texts = [text for text, _ in pairs]
        return self.keep(
            LevelsBySpellingAndMeaning.fit(
                texts,
                shared_encoder().encode_all(texts),
                [level for _, level in pairs],
                float(self._config["c"]),
                float(self._config["meaning_weight"]),
            )
        )

    def process(self, messages: List[Message]) -> List[Message]:
        """Read each English message (the splits are in English)."""
        for message in messages:
            text = message.get(TEXT)
            if self.model is None or not text or not read_as_english(message):
                continue
            vector = dense_sentence_vector(message)
            if vector is None:
                vector = shared_encoder().encode(str(text))
            # The text is the one `MessageCleaner` left: quotes already straightened.
            message.set(LABELLED_RISK, self.model.probabilities(str(text), vector))
        return messages
