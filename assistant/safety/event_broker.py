"""A Rasa event broker that keeps only safety events, without any message text.

Configured in endpoints.yml (`event_broker: type: safety.event_broker.SafetyEventBroker`).
It runs inside the Rasa server, so events are recorded even when the action
server is down. The level comes from the `safety` field the distress detector
adds to each parsed message.
"""

from __future__ import annotations

import logging
from asyncio import AbstractEventLoop
from datetime import datetime, timezone
from typing import Any, Dict, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.exc import SQLAlchemyError

from assistant.safety.events import (
    SafetyEvent,
    SafetyEventLog,
    conversation_id,
    safety_events_database_url,
)
from assistant.secret_keys import SAFETY_EVENT_ID_KEY, required_secret

logger = logging.getLogger(__name__)

RECORDED_LEVELS = {"distress", "check_in", "emergency", "crisis"}


class SafetyEventBroker(EventBroker):
    """Records the level, time, channel and keyed conversation id of safety events."""

    def __init__(self, log: SafetyEventLog) -> None:
        """Record into `log`."""
        self.log = log

    @classmethod
    async def from_endpoint_config(
        cls, broker_config: EndpointConfig, event_loop: Optional[AbstractEventLoop] = None
    ) -> SafetyEventBroker:
        """Create the broker; the database comes from SAFETY_EVENTS_DATABASE_URL.

        The server does not start without SAFETY_EVENT_ID_KEY, which keys the ids it records.
        """
        required_secret(SAFETY_EVENT_ID_KEY)
        return cls(SafetyEventLog(safety_events_database_url()))

    def publish(self, event: Dict[str, Any]) -> None:
        """Record `event` if it is a user message with a safety level."""
        if event.get("event") != "user":
            return
        safety = (event.get("parse_data") or {}).get("safety") or {}
        level = safety.get("level")
        if level not in RECORDED_LEVELS:
            return
        timestamp = event.get("timestamp")
        moment = (
            datetime.fromtimestamp(timestamp, timezone.utc)
            if isinstance(timestamp, (int, float))
            else datetime.now(timezone.utc)
        )
        record = SafetyEvent(
            moment,
            level,
            str(event.get("input_channel") or "unknown"),
            conversation_id(str(event.get("sender_id"))),
        )
        try:
            self.log.record(record)
        except SQLAlchemyError as error:
            logger.error("Could not record a safety event: %s", error.__class__.__name__)
