"""NLU component that reads messages in Spanish with a classifier of its own.

The main intent classifier (character n-grams and MiniLM, an English model) learns
the Spanish examples too, but reads Spanish less well than a logistic regression on
multilingual-e5-small trained on the Spanish examples alone; the two averaged do
better than either (docs/languages.md, measured with each writer of the Spanish
examples held out in turn). So for a message the language detector reads as Spanish,
this component embeds it with e5 and averages both classifiers' probabilities, which
then give the intent, the ranking and the risk layer's scores; the intent's
confidence is the average sharpened, so that Rasa's fallback threshold reads it as it
reads the main classifier's. English messages pay nothing. The e5 vector is kept on
the message for the multilingual risk scorer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.linear_model import LogisticRegression

from assistant.components.embedding_intent_classifier import (
    INTENT_PROBABILITIES,
    RANKING_LENGTH,
)
from assistant.components.language_detector import is_spanish
from assistant.components.stored_models import (
    StoredRegressionComponent,
    balanced_regression,
    by_class,
)
from assistant.embeddings.e5 import shared_e5
from assistant.paths import project_path

MODEL_FILE = "spanish_intent_classifier.joblib"
# The message field with the message's e5 vector, for the multilingual risk scorer.
E5_VECTOR = "e5_vector"


def examples_directory(config: Dict[str, Any]) -> Path:
    """The folder of Spanish NLU files; a relative path is read from the project's root."""
    return project_path(config["examples"])


def spanish_examples(directory: Path) -> List[Tuple[str, str]]:
    """(text, intent) for every example in the folder's NLU files."""
    pairs = []
    for path in sorted(directory.glob("*.yml")):
        for message in load_data(str(path)).intent_examples:
            pairs.append((str(message.get(TEXT)), str(message.get(INTENT))))
    return pairs


def sharpened(probabilities: Dict[str, float], power: float) -> Dict[str, float]:
    """Probabilities raised to `power` and scaled back to a sum of 1.

    An average of two classifiers is flatter than either, so a right intent often falls
    under Rasa's fallback threshold; sharpened, its confidence reads as the main
    classifier's does. The ranking is unchanged.
    """
    raised = {name: p**power for name, p in probabilities.items()}
    total = sum(raised.values()) or 1.0
    return {name: p / total for name, p in raised.items()}


def averaged(
    main: Dict[str, float], spanish: Dict[str, float], spanish_weight: float
) -> Dict[str, float]:
    """Both classifiers' probabilities averaged; an intent one of them lacks counts as 0."""
    names = main.keys() | spanish.keys()
    return {
        name: (1 - spanish_weight) * main.get(name, 0.0) + spanish_weight * spanish.get(name, 0.0)
        for name in names
    }


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SpanishIntentClassifier(StoredRegressionComponent[LogisticRegression]):
    """The intent of a Spanish message, from both classifiers."""

    MODEL_FILE = MODEL_FILE

    @classmethod
    def example_files(cls, config: Dict[str, Any]) -> List[Path]:
        """The Spanish NLU files."""
        return sorted(examples_directory(config).glob("*.yml"))

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """Where the Spanish examples are, the regression's strength and its share."""
        return {"examples": "data/nlu/es", "c": 16.0, "spanish_weight": 0.7, "sharpening": 1.5}

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the intents on the Spanish examples' e5 vectors."""
        pairs = spanish_examples(examples_directory(self._config))
        rows = shared_e5().encode_all([text for text, _ in pairs])
        intents = [intent for _, intent in pairs]
        return self.keep(balanced_regression(rows, intents, float(self._config["c"])))

    def process(self, messages: List[Message]) -> List[Message]:
        """Average in the Spanish classifier for messages in Spanish."""
        for message in messages:
            main = message.get(INTENT_PROBABILITIES)
            if self.model is None or not main or not is_spanish(message):
                continue
            vector = shared_e5().encode(str(message.get(TEXT)))
            message.set(E5_VECTOR, vector)
            probabilities = self.model.predict_proba(vector[None, :])[0]
            spanish = by_class(self.model.classes_, probabilities)
            both = averaged(main, spanish, float(self._config["spanish_weight"]))
            # The risk layer reads the average; the intent's confidence, the sharpened one.
            confident = sharpened(both, float(self._config["sharpening"]))
            ranking = sorted(confident.items(), key=lambda item: -item[1])[:RANKING_LENGTH]
            ranked = [{INTENT_NAME_KEY: n, PREDICTED_CONFIDENCE_KEY: p} for n, p in ranking]
            message.set(INTENT_PROBABILITIES, both)
            message.set(INTENT, ranked[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranked, add_to_output=True)
        return messages
