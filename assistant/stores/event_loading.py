"""Turning stored events back into Rasa events, at a cost that does not dwarf the message.

Rasa 3.6 finds each stored event's class by walking every subclass of `Event`, for every
event: at turn 200 of a conversation (about 1,000 events) that walk is most of the time
spent loading it. The classes are looked up here once; the events made are the same.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, List, Mapping, Sequence, Type

from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses


@functools.lru_cache(maxsize=1)
def event_classes() -> Mapping[str, Type[Event]]:
    """Each event type name's class, the first in Rasa's own search order."""
    classes: Dict[str, Type[Event]] = {}
    for cls in all_subclasses(Event):
        classes.setdefault(cls.type_name, cls)
    return classes


def deserialise(serialised: Sequence[Dict[str, Any]]) -> List[Event]:
    """The events of `serialised`, as `rasa.shared.core.events.deserialise_events` makes them."""
    classes = event_classes()
    events = []
    for parameters in serialised:
        name = parameters.get("event")
        if name is None:
            continue
        cls = classes.get(name)
        # Unknown and retired names ("topic") take Rasa's own path and its answer.
        event = cls._from_parameters(parameters) if cls else Event.from_parameters(parameters)
        if event is not None:
            events.append(event)
    return events
