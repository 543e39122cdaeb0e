"""How many messages a sender may have answered per minute, counted in this process or in Redis.

One Rasa server counts in its own memory. Several servers share their counts in Redis (the
lock store's Redis, LOCK_STORE_URL, or RATE_LIMIT_REDIS_URL), so two servers allow no more
than one. Counts are a sliding window of `window` seconds; a refused message is not counted.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from typing import Callable, Deque, Dict, Optional, Protocol

from redis.asyncio import Redis

WINDOW_SECONDS = 60.0
KEY_PREFIX = "assistant:rate"

# Atomically: drop the entries older than the window, refuse at the limit, else count this one.
SLIDING_WINDOW = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], math.ceil(ARGV[2] * 1000))
return 1
"""


class RateLimiter(Protocol):
    """At most `limit` allowed calls per key in any `window` seconds."""

    limit: int

    async def allow(self, key: str) -> bool:
        """Whether `key` may have one more now; counts it if so."""


class MemoryRateLimiter:
    """Counts in this process (one Rasa server)."""

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

    async def allow(self, key: str) -> bool:
        """Whether `key` may have one more now; counts it if so."""
        return self.allow_now(key)

    def allow_now(self, key: str) -> bool:
        """The same, without an event loop."""
        now = self.clock()
        times = self.recent.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        if len(self.recent) > 10_000:
            self._forget_idle(now)
        return True

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, t in self.recent.items() if not t or t[-1] <= now - self.window]:
            del self.recent[key]


class RedisRateLimiter:
    """Counts in Redis, shared by every server that uses the same Redis and `name`."""

    def __init__(self, redis: Redis, name: str, limit: int, window: float = WINDOW_SECONDS) -> None:
        """A limiter keyed under `assistant:rate:<name>:` in `redis`."""
        self.redis = redis
        self.name = name
        self.limit = limit
        self.window = window
        self.script = redis.register_script(SLIDING_WINDOW)

    async def allow(self, key: str) -> bool:
        """Whether `key` may have one more now; counts it if so."""
        hashed = hashlib.sha256(key.encode()).hexdigest()[:32]
        now = time.time()
        member = f"{now:.6f}-{os.urandom(4).hex()}"
        allowed = await self.script(
            keys=[f"{KEY_PREFIX}:{self.name}:{hashed}"],
            args=[now, self.window, self.limit, member],
        )
        return bool(allowed)


def shared_counts_url() -> Optional[str]:
    """Where several servers share their counts: RATE_LIMIT_REDIS_URL, else LOCK_STORE_URL."""
    return os.environ.get("RATE_LIMIT_REDIS_URL") or os.environ.get("LOCK_STORE_URL") or None


def rate_limiter(name: str, limit: int) -> RateLimiter:
    """A limiter shared through Redis when the servers share one, else in this process."""
    url = shared_counts_url()
    if url:
        return RedisRateLimiter(Redis.from_url(url, socket_timeout=5.0), name, limit)
    return MemoryRateLimiter(limit)
