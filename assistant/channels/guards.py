"""Limits every channel applies before a message reaches the assistant.

- A per-sender rate limit (RATE_LIMIT_PER_MINUTE, default 30). Over it, the first
  CRISIS_EXEMPTIONS_PER_MINUTE (default 10) free-text messages a minute are read by the
  assistant's understanding, and answered when it reads a crisis or a medical emergency; a
  typed `/intent` payload never is. So a sender cannot have unlimited "crisis" messages
  answered at full speed, and what a limited sender is told names 988 and 911.
- A cap on request bodies (MAX_REQUEST_BYTES, default 256 KiB), installed by every channel.
- A cap on message length (MAX_MESSAGE_CHARACTERS, default 5,000): a longer message is cut
  before it is stored, and the person is told.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any, Tuple

from redis.exceptions import RedisError
from sanic import Blueprint, Sanic

from assistant.channels.channel_texts import LONG_MESSAGE_NOTE
from assistant.channels.rate_limits import RateLimiter, rate_limiter

logger = logging.getLogger(__name__)

DEFAULT_RATE_LIMIT_PER_MINUTE = 30
DEFAULT_CRISIS_EXEMPTIONS_PER_MINUTE = 10
DEFAULT_MAX_REQUEST_BYTES = 256 * 1024
DEFAULT_MAX_MESSAGE_CHARACTERS = 5000
SAFETY_INTENTS = frozenset(
    {
        "crisis_self",
        "crisis_someone_else",
        "medical_emergency",
        "medical_emergency_and_crisis",
        "not_safe",
    }
)


def _setting(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def max_request_bytes() -> int:
    """MAX_REQUEST_BYTES: the largest request body any channel accepts."""
    return _setting("MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES)


def max_message_characters() -> int:
    """MAX_MESSAGE_CHARACTERS: how much of one message is kept."""
    return _setting("MAX_MESSAGE_CHARACTERS", DEFAULT_MAX_MESSAGE_CHARACTERS)


@dataclass
class SenderLimits:
    """A channel's rate limit and its bounded exemption for crises."""

    messages: RateLimiter
    crisis_exemptions: RateLimiter

    @classmethod
    def from_environment(cls, channel: str) -> SenderLimits:
        """The limits RATE_LIMIT_PER_MINUTE and CRISIS_EXEMPTIONS_PER_MINUTE ask for."""
        return cls(
            rate_limiter(
                f"{channel}:messages",
                _setting("RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMIT_PER_MINUTE),
            ),
            rate_limiter(
                f"{channel}:crisis",
                _setting("CRISIS_EXEMPTIONS_PER_MINUTE", DEFAULT_CRISIS_EXEMPTIONS_PER_MINUTE),
            ),
        )

    async def admitted(self, agent: Any, sender: str, text: str) -> bool:
        """Within the limit, or over it with free text the assistant reads as a crisis."""
        try:
            if await self.messages.allow(sender):
                return True
            if agent is None or not text.strip() or text.lstrip().startswith("/"):
                return False
            if not await self.crisis_exemptions.allow(sender):
                return False
        except RedisError as error:  # counting is down: answer rather than refuse
            logger.warning("Rate limit not checked, Redis failed: %s", type(error).__name__)
            return True
        parsed = await agent.parse_message(text)
        return (parsed.get("intent") or {}).get("name") in SAFETY_INTENTS


def cut_long_message(text: str) -> Tuple[str, bool]:
    """`text` cut to MAX_MESSAGE_CHARACTERS, and whether it was cut."""
    limit = max_message_characters()
    return (text[:limit], True) if len(text) > limit else (text, False)


def long_message_note(language: str) -> str:
    """What the person is told when their message was cut, in `language`."""
    return LONG_MESSAGE_NOTE.in_language(language).format(limit=max_message_characters())


def cap_request_size(blueprint: Blueprint) -> None:
    """Make the server refuse bodies over MAX_REQUEST_BYTES with 413 (every channel calls it)."""
    limit = max_request_bytes()

    @blueprint.listener("before_server_start")
    async def limit_request_size(app: Sanic, _: Any) -> None:
        app.config.REQUEST_MAX_SIZE = min(limit, app.config.REQUEST_MAX_SIZE or limit)
