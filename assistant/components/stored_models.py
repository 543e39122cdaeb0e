"""What the trained classifiers share: a balanced logistic regression, kept with joblib."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, ClassVar, Dict, Generic, Iterable, List, Optional, Sequence, Type, TypeVar

import joblib
import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from sklearn.linear_model import LogisticRegression

Component = TypeVar("Component", bound="StoredRegressionComponent[Any]")
# What a component trains and keeps: a regression, or regressions read together.
Model = TypeVar("Model")


def balanced_regression(rows: Any, labels: Sequence[str], c: float) -> LogisticRegression:
    """A logistic regression fitted with every class weighted alike."""
    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(
        rows, np.array(labels)
    )


def by_class(classes: Any, probabilities: Any) -> Dict[str, float]:
    """Each class's probability, by the class's name (a classifier's `classes_` order)."""
    return {str(name): float(p) for name, p in zip(classes, probabilities, strict=True)}


def store(model_storage: ModelStorage, resource: Resource, file_name: str, value: Any) -> None:
    """Keep `value` in the component's part of the trained model."""
    with model_storage.write_to(resource) as directory:
        joblib.dump(value, directory / file_name)


def stored(model_storage: ModelStorage, resource: Resource, file_name: str) -> Any:
    """What `store` kept."""
    with model_storage.read_from(resource) as directory:
        return joblib.load(directory / file_name)


def files_digest(paths: Iterable[Path]) -> Optional[str]:
    """The files' names and content as one hash (None without files): a fingerprint add-on.

    Each file's name and length go in before its content, so that text moved from one file
    to the next (which trains differently) changes the hash.
    """
    digest = hashlib.sha256()
    found = False
    for path in paths:
        if path.exists():
            content = path.read_bytes()
            digest.update(f"{path.name}\0{len(content)}\0".encode())
            digest.update(content)
            found = True
    return digest.hexdigest() if found else None


class StoredRegressionComponent(GraphComponent, Generic[Model]):
    """A graph component whose trained part (regressions) is kept with joblib."""

    MODEL_FILE: ClassVar[str]

    @classmethod
    def example_files(cls, config: Dict[str, Any]) -> List[Path]:
        """The files of examples the component trains on, beside the training data."""
        raise NotImplementedError

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The example files' content, so that editing one trains the component again.

        A node restored from Rasa's cache is fingerprinted with the cache's own config,
        which has no `examples`: the defaults stand in for it then.
        """
        return files_digest(cls.example_files({**cls.get_default_config(), **config}))

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[Model] = None,
    ) -> None:
        """Keep the config and, once trained or loaded, the model."""
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(
        cls: Type[Component],
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Component:
        """A new, untrained component."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls: Type[Component],
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> Component:
        """The trained component."""
        model = stored(model_storage, resource, cls.MODEL_FILE)
        return cls(config, model_storage, resource, model)

    def keep(self, model: Model) -> Resource:
        """Use `model` and store it in the trained model; the resource, for `train`."""
        self.model = model
        store(self._storage, self._resource, self.MODEL_FILE, model)
        return self._resource
