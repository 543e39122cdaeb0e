"""The stores chosen by the environment.

Embedded defaults, shared stores, and a clear error when a configured server is down.
"""

import asyncio
import time
from pathlib import Path
from typing import Iterator, List

import pytest
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from assistant.stores.lock_store import ConfiguredLockStore
from assistant.stores.tracker_store import (
    ConfiguredTrackerStore,
    StoreUnavailable,
    with_connect_timeout,
)
from tests.harness.redis_server import redis_server
from tests.harness.servers import free_port


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis") / "redis.log") as url:
        yield url


async def test_conversations_survive_a_new_store_on_the_same_database(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    first = ConfiguredTrackerStore(Domain.empty())
    await first.save(DialogueStateTracker.from_events("person", [UserUttered("hi")]))
    first.engine.dispose()
    again = ConfiguredTrackerStore(Domain.empty())
    tracker = await again.retrieve("person")
    assert tracker is not None and tracker.latest_message is not None
    assert tracker.latest_message.text == "hi"
    again.engine.dispose()


def test_the_default_is_a_sqlite_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TRACKER_STORE_URL", raising=False)
    store = ConfiguredTrackerStore(Domain.empty())
    assert store.engine.dialect.name == "sqlite"
    assert str(store.engine.url).endswith("var/conversations.sqlite3")
    store.engine.dispose()


def test_a_postgresql_that_is_down_stops_the_start_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"postgresql://assistant:secret@127.0.0.1:{free_port()}/conversations"
    monkeypatch.setenv("TRACKER_STORE_URL", url)
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as error:
        ConfiguredTrackerStore(Domain.empty())
    assert time.monotonic() - started < 10
    message = str(error.value)
    assert "TRACKER_STORE_URL" in message and "cannot be reached" in message
    assert "secret" not in message


def test_postgresql_urls_get_a_connect_timeout() -> None:
    assert "connect_timeout=5" in with_connect_timeout("postgresql://u@h/db")
    assert with_connect_timeout("postgresql://u@h/db?connect_timeout=2").endswith("=2")
    assert with_connect_timeout("sqlite:///x.db") == "sqlite:///x.db"


def test_the_lock_store_is_in_memory_without_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    assert isinstance(ConfiguredLockStore().store, InMemoryLockStore)


async def test_two_servers_share_locks_through_redis(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOCK_STORE_URL", redis_url)
    one, other = ConfiguredLockStore(), ConfiguredLockStore()
    assert isinstance(one.store, RedisLockStore)
    order: List[str] = []

    async def first_message() -> None:
        async with one.lock("person", wait_time_in_seconds=0.05):
            order.append("first starts")
            await asyncio.sleep(0.5)
            order.append("first ends")

    async def second_message() -> None:
        await asyncio.sleep(0.1)
        async with other.lock("person", wait_time_in_seconds=0.05):
            order.append("second starts")

    await asyncio.gather(first_message(), second_message())
    assert order == ["first starts", "first ends", "second starts"]
    assert other.get_lock("person") is None


def test_a_redis_that_is_down_stops_the_start_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LOCK_STORE_URL", f"redis://127.0.0.1:{free_port()}/1")
    with pytest.raises(StoreUnavailable) as error:
        ConfiguredLockStore()
    assert "LOCK_STORE_URL" in str(error.value)
