"""Where one message's time goes: each NLU component, the policies, the action server, the store.

A bot is loaded in this process the way `rasa run` loads it (its endpoints: the SQL tracker
store, the action server over HTTP), and each message is handled as the REST channel hands it
over. While a message is handled, the timer adds up the time spent in:

- each graph component (`SpacyNLP`, `SentenceEmbedder`, ..., `RulePolicy`, `TEDPolicy`),
  summed over the several predictions a message needs;
- the tracker store's `retrieve` (load) and `save`;
- requests to the action server (its work and the HTTP round trip).

Used by `bench/latency.py` (`make bench`) and `bench/conversation_length.py`.
"""

from __future__ import annotations

import functools
import logging
import time
from collections import defaultdict
from contextlib import contextmanager
from typing import Any, Callable, Dict, Iterator, Mapping, Sequence

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import SQLTrackerStore
from rasa.engine.graph import GraphNode
from rasa.utils.endpoints import EndpointConfig
from rasa.utils.log_utils import configure_structlog

from assistant.stores.tracker_store import ConfiguredTrackerStore
from tests.harness.percentiles import percentile

TRACKER_LOAD = "tracker store: load"
TRACKER_SAVE = "tracker store: save"
ACTION_SERVER = "action server calls"
TOTAL = "whole message"
# Graph nodes that only pass data along (message creation, the domain, the ensemble).
PLUMBING = "other graph steps"
PLUMBING_CLASSES = {
    "NLUMessageConverter",
    "RegexMessageHandler",
    "DefaultPolicyPredictionEnsemble",
    "DomainProvider",
    "DomainForCoreTrainingProvider",
    "RuleOnlyDataProvider",
    "NLUPredictionToHistoryAdder",
    "TrackerToMessageConverter",
}


def quiet_rasa_logs() -> None:
    """Rasa's debug log would print every message and answer: warnings and errors only."""
    configure_structlog(logging.WARNING)


class PartTimer:
    """Adds up seconds per part for the message being handled."""

    def __init__(self) -> None:
        """Nothing timed yet."""
        self.current: Dict[str, float] = defaultdict(float)

    def add(self, part: str, seconds: float) -> None:
        """Count `seconds` towards `part`."""
        self.current[part] += seconds

    def take(self) -> Dict[str, float]:
        """The parts of the message just handled, in milliseconds; start afresh."""
        taken = {part: seconds * 1000 for part, seconds in self.current.items()}
        self.current = defaultdict(float)
        return taken


def _part_of_node(node: GraphNode) -> str:
    name = node._component_class.__name__
    return PLUMBING if name in PLUMBING_CLASSES else name


def _timed_async(original: Callable, part: str, timer: PartTimer) -> Callable:
    @functools.wraps(original)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await original(*args, **kwargs)
        finally:
            timer.add(part, time.perf_counter() - started)

    return wrapper


@contextmanager
def timing_parts(timer: PartTimer) -> Iterator[None]:
    """Time graph nodes, the SQL tracker store and action server requests into `timer`."""
    originals = {
        (GraphNode, "__call__"): GraphNode.__call__,
        (SQLTrackerStore, "retrieve"): SQLTrackerStore.retrieve,
        (ConfiguredTrackerStore, "retrieve"): ConfiguredTrackerStore.retrieve,
        (SQLTrackerStore, "save"): SQLTrackerStore.save,
        (EndpointConfig, "request"): EndpointConfig.request,
    }
    node_call = GraphNode.__call__

    def timed_node(node: GraphNode, *inputs: Any) -> Any:
        started = time.perf_counter()
        try:
            return node_call(node, *inputs)
        finally:
            timer.add(_part_of_node(node), time.perf_counter() - started)

    GraphNode.__call__ = timed_node
    # The project's store loads with its own `retrieve`; a plain SQL store with Rasa's.
    for store in (SQLTrackerStore, ConfiguredTrackerStore):
        store.retrieve = _timed_async(  # type: ignore[method-assign]
            originals[store, "retrieve"], TRACKER_LOAD, timer
        )
    SQLTrackerStore.save = _timed_async(SQLTrackerStore.save, TRACKER_SAVE, timer)
    EndpointConfig.request = _timed_async(EndpointConfig.request, ACTION_SERVER, timer)
    try:
        yield
    finally:
        for (owner, attribute), original in originals.items():
            setattr(owner, attribute, original)


async def handle(agent: Agent, sender: str, text: str, timer: PartTimer) -> Dict[str, float]:
    """Handle one message as a channel would; its parts and total in milliseconds."""
    timer.take()
    started = time.perf_counter()
    await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender))
    total = (time.perf_counter() - started) * 1000
    parts = timer.take()
    parts[TOTAL] = total
    return parts


def summarize(samples: Sequence[Mapping[str, float]]) -> Dict[str, Dict[str, float]]:
    """Mean and p95 per part over the messages (a part absent from a message counts 0)."""
    parts = sorted({part for sample in samples for part in sample}, key=_display_order)
    summary = {}
    for part in parts:
        values = [sample.get(part, 0.0) for sample in samples]
        summary[part] = {
            "mean_ms": round(sum(values) / len(values), 2),
            "p95_ms": round(percentile(values, 0.95), 2),
        }
    return summary


def _display_order(part: str) -> tuple:
    if part == TOTAL:
        return (3, part)
    if part.startswith("tracker store") or part == ACTION_SERVER:
        return (2, part)
    return (1 if part.endswith("Policy") else 0, part)
