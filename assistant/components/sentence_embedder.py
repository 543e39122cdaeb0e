"""Featurizer that gives each message a MiniLM sentence embedding (about 5 ms a message).

The embedding is a sentence-level dense feature, as Rasa's own dense featurizers
produce; the embedding intent classifier and the risk scorer read it. No sequence
features are added: nothing in the pipeline reads per-token vectors.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from assistant.embeddings.minilm import MiniLMEncoder, shared_encoder


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbedder(DenseFeaturizer, GraphComponent):
    """Adds all-MiniLM-L6-v2 sentence embeddings to messages."""

    @classmethod
    def validate_config(cls, config: Dict[str, Any]) -> None:
        """Nothing to check: the model is fixed."""

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEmbedder:
        """Create the featurizer; the ONNX model loads now, not on the first message."""
        return cls(config, execution_context.node_name, shared_encoder())

    def __init__(self, config: Dict[str, Any], name: str, encoder: MiniLMEncoder) -> None:
        """Keep the encoder."""
        super().__init__(name, config)
        self._encoder = encoder

    def process(self, messages: List[Message]) -> List[Message]:
        """Embed each message's text."""
        for message in messages:
            self._embed(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Embed every training example that has text."""
        for example in training_data.training_examples:
            self._embed(example)
        return training_data

    def _embed(self, message: Message) -> None:
        text = message.get(TEXT)
        if not text:
            return
        vector = self._encoder.encode(text)
        self.add_features_to_message(None, vector[None, :], TEXT, message)
