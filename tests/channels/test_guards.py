"""The per-sender rate limit, on a controlled clock."""

from typing import List

from assistant.channels.guards import SenderRateLimiter


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        """Starts at an arbitrary time."""
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_each_sender_gets_the_limit_per_minute() -> None:
    clock = Clock()
    limiter = SenderRateLimiter(3, window=60, clock=clock)
    answered: List[bool] = [limiter.allow("ana") for _ in range(4)]
    assert answered == [True, True, True, False]
    assert limiter.allow("ben")
    clock.now += 59
    assert not limiter.allow("ana")
    clock.now += 1.5
    assert limiter.allow("ana")


def test_refused_messages_do_not_extend_the_wait() -> None:
    clock = Clock()
    limiter = SenderRateLimiter(2, window=60, clock=clock)
    assert limiter.allow("ana") and limiter.allow("ana")
    for _ in range(50):
        clock.now += 1
        assert not limiter.allow("ana")
    clock.now += 10
    assert limiter.allow("ana")


def test_idle_senders_are_forgotten() -> None:
    clock = Clock()
    limiter = SenderRateLimiter(1, window=60, clock=clock)
    for n in range(10_001):
        limiter.allow(f"sender-{n}")
    clock.now += 61
    limiter.allow("one more")
    assert len(limiter.recent) < 10
