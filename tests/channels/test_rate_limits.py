"""The per-sender rate limit: in one process on a controlled clock, and shared through Redis."""

import asyncio
from pathlib import Path
from typing import AsyncIterator, List

import pytest
from redis.asyncio import Redis

from assistant.channels.rate_limits import MemoryRateLimiter, RedisRateLimiter, rate_limiter
from tests.harness.redis_server import redis_server


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        """Starts at an arbitrary time."""
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_each_sender_gets_the_limit_per_minute() -> None:
    clock = Clock()
    limiter = MemoryRateLimiter(3, window=60, clock=clock)
    answered: List[bool] = [limiter.allow_now("ana") for _ in range(4)]
    assert answered == [True, True, True, False]
    assert limiter.allow_now("ben")
    clock.now += 59
    assert not limiter.allow_now("ana")
    clock.now += 1.5
    assert limiter.allow_now("ana")


def test_refused_messages_do_not_extend_the_wait() -> None:
    clock = Clock()
    limiter = MemoryRateLimiter(2, window=60, clock=clock)
    assert limiter.allow_now("ana") and limiter.allow_now("ana")
    for _ in range(50):
        clock.now += 1
        assert not limiter.allow_now("ana")
    clock.now += 10
    assert limiter.allow_now("ana")


def test_idle_senders_are_forgotten() -> None:
    clock = Clock()
    limiter = MemoryRateLimiter(1, window=60, clock=clock)
    for n in range(10_001):
        limiter.allow_now(f"sender-{n}")
    clock.now += 61
    limiter.allow_now("one more")
    assert len(limiter.recent) < 10


@pytest.fixture
async def redis_url(tmp_path: Path) -> AsyncIterator[str]:
    """A real Redis server on loopback."""
    with redis_server(tmp_path / "redis.log") as url:
        yield url


async def test_two_servers_sharing_redis_share_one_limit(redis_url: str) -> None:
    first = RedisRateLimiter(Redis.from_url(redis_url), "rest:messages", 4, window=60)
    second = RedisRateLimiter(Redis.from_url(redis_url), "rest:messages", 4, window=60)
    allowed = [await (first if n % 2 else second).allow("ana") for n in range(6)]
    assert allowed == [True, True, True, True, False, False]
    assert await first.allow("ben")
    other_channel = RedisRateLimiter(Redis.from_url(redis_url), "sms:messages", 4, window=60)
    assert await other_channel.allow("ana")


async def test_a_sender_may_go_on_once_the_window_has_passed(redis_url: str) -> None:
    limiter = RedisRateLimiter(Redis.from_url(redis_url), "rest:messages", 2, window=0.5)
    assert [await limiter.allow("ana") for _ in range(3)] == [True, True, False]
    await asyncio.sleep(0.6)
    assert await limiter.allow("ana")


def test_the_lock_stores_redis_holds_the_counts_when_there_is_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RATE_LIMIT_REDIS_URL", raising=False)
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    assert isinstance(rate_limiter("rest:messages", 3), MemoryRateLimiter)
    monkeypatch.setenv("LOCK_STORE_URL", "redis://127.0.0.1:6379/1")
    assert isinstance(rate_limiter("rest:messages", 3), RedisRateLimiter)
