"""Limits every channel applies before a message reaches the assistant.

A per-sender rate limit (RATE_LIMIT_PER_MINUTE, default 30) that never holds
back a crisis or an emergency: a message over the limit is still answered when
the assistant's understanding reads it as one. And a cap on request bodies
(MAX_REQUEST_BYTES, default 256 KiB), so a huge POST gets 413 before it is read.
"""

import os
import time
from collections import deque
from typing import Any, Callable, Deque, Dict

from sanic import Blueprint, Sanic

DEFAULT_RATE_LIMIT_PER_MINUTE = 30
DEFAULT_MAX_REQUEST_BYTES = 256 * 1024
WINDOW_SECONDS = 60.0
SAFETY_INTENTS = frozenset({"crisis_self", "crisis_someone_else", "medical_emergency", "not_safe"})
RATE_LIMITED = (
    "You're sending messages faster than I can answer. Please wait a minute and try again. "
    "If you are in crisis, call or text 988. In an emergency, call 911."
)


class SenderRateLimiter:
    """At most `limit` answered messages per sender in any `window` seconds (in this process)."""

    def __init__(
        self,
        limit: int,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """A limiter with no history."""
        self.limit = limit
        self.window = window
        self.clock = clock
        self.recent: Dict[str, Deque[float]] = {}

    def allow(self, sender: str) -> bool:
        """Whether `sender` may have another message answered now; counts it if so."""
        now = self.clock()
        times = self.recent.setdefault(sender, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        if len(self.recent) > 10_000:
            self._forget_idle(now)
        return True

    def _forget_idle(self, now: float) -> None:
        for sender in [s for s, t in self.recent.items() if not t or t[-1] <= now - self.window]:
            del self.recent[sender]


def rate_limiter_from_environment() -> SenderRateLimiter:
    """The limiter RATE_LIMIT_PER_MINUTE asks for."""
    limit = int(os.environ.get("RATE_LIMIT_PER_MINUTE") or DEFAULT_RATE_LIMIT_PER_MINUTE)
    return SenderRateLimiter(limit)


async def admitted(limiter: SenderRateLimiter, agent: Any, sender: str, text: str) -> bool:
    """Within the limit, or over it but a crisis or emergency (read by the assistant's NLU)."""
    if limiter.allow(sender):
        return True
    if agent is None or not text.strip():
        return False
    parsed = await agent.parse_message(text)
    return (parsed.get("intent") or {}).get("name") in SAFETY_INTENTS


def cap_request_size(blueprint: Blueprint) -> None:
    """Make the server refuse bodies over MAX_REQUEST_BYTES with 413."""
    limit = int(os.environ.get("MAX_REQUEST_BYTES") or DEFAULT_MAX_REQUEST_BYTES)

    @blueprint.listener("before_server_start")
    async def limit_request_size(app: Sanic, _: Any) -> None:
        app.config.REQUEST_MAX_SIZE = limit
