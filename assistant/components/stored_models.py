"""What the trained classifiers share: a balanced logistic regression, kept with joblib."""

from __future__ import annotations

from typing import Any, Sequence

import joblib
import numpy as np
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from sklearn.linear_model import LogisticRegression


def balanced_regression(rows: Any, labels: Sequence[str], c: float) -> LogisticRegression:
    """A logistic regression fitted with every class weighted alike."""
    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(
        rows, np.array(labels)
    )


def store(model_storage: ModelStorage, resource: Resource, file_name: str, value: Any) -> None:
    """Keep `value` in the component's part of the trained model."""
    with model_storage.write_to(resource) as directory:
        joblib.dump(value, directory / file_name)


def stored(model_storage: ModelStorage, resource: Resource, file_name: str) -> Any:
    """What `store` kept."""
    with model_storage.read_from(resource) as directory:
        return joblib.load(directory / file_name)
