"""NLU component that reads two short replies of a directory search by their words.

It runs after the risk layer and only where the risk layer saw no risk:
- a ZIP code alone ("80202"), which the fallback took for a message without words,
  becomes `inform`, so it starts a search or moves the last one there;
- "what about hospice?", "and a support group?", "¿y consejería?" become
  `another_kind` (actions/directory_search.py decides between a search and an answer).
The classifier's intents stay in the ranking below the chosen one.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from assistant.components.place_extractor import PLACE_ENTITY
from assistant.components.risk_assessor import SAFETY, set_intent
from assistant.directory.search_replies import asks_for_another_kind, is_zip_code_alone

INFORM = "inform"
ANOTHER_KIND = "another_kind"
KIND_ENTITY = "provider_kind"
SETTING_ENTITY = "care_setting"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SearchReplyClassifier(GraphComponent, IntentClassifier):
    """Sets `inform` for a ZIP code alone and `another_kind` for "what about hospice?"."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The component has no options."""
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SearchReplyClassifier:
        """Create the component (see parent class)."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Relabel the two replies in messages without risk."""
        for message in messages:
            if (message.get(SAFETY) or {}).get("some_risk", True):
                continue
            text = message.get(TEXT) or ""
            entities = message.get(ENTITIES) or []
            types = {entity.get(ENTITY_ATTRIBUTE_TYPE) for entity in entities}
            if PLACE_ENTITY in types:
                if is_zip_code_alone(text):
                    set_intent(message, INFORM)
                continue
            if KIND_ENTITY not in types:
                continue
            spans = [
                (entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END])
                for entity in entities
                if entity.get(ENTITY_ATTRIBUTE_TYPE) in (KIND_ENTITY, SETTING_ENTITY)
            ]
            if asks_for_another_kind(text, spans):
                set_intent(message, ANOTHER_KIND)
        return messages
