"""NLU component that marks the place a message names, as the entity `place`.

"hospice near 60614", "palliative care in Austin, Texas", "counseling in Narnia":
the words that name a place (known or not) become `place`, so the directory
search can look there, or kindly say it does not know the place. Found with the
offline gazetteer in `directory.places`, loaded with the model.
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from assistant.directory.place_mentions import find_place_mention
from assistant.directory.places import Gazetteer, gazetteer

PLACE_ENTITY = "place"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class PlaceEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds a `place` entity for the ZIP code, city or unknown place a message names."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        """The component has no options."""
        return {}

    def __init__(self, places: Gazetteer) -> None:
        """Use `places` to tell places from other words."""
        self.places = places

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PlaceEntityExtractor:
        """Create the component, building the gazetteer (about three seconds, once)."""
        return cls(gazetteer())

    def process(self, messages: List[Message]) -> List[Message]:
        """Add the `place` entity to messages that name a place."""
        for message in messages:
            mention = find_place_mention(message.get(TEXT) or "", self.places)
            if mention is None:
                continue
            entity = {
                ENTITY_ATTRIBUTE_TYPE: PLACE_ENTITY,
                ENTITY_ATTRIBUTE_VALUE: mention.text,
                ENTITY_ATTRIBUTE_START: mention.start,
                ENTITY_ATTRIBUTE_END: mention.end,
            }
            entities = message.get(ENTITIES, []) + self.add_extractor_name([entity])
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
