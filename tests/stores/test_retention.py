"""Retention on Rasa's real SQL tracker store, on SQLite and on a real PostgreSQL."""

import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import List

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from assistant.safety.events import SafetyEvent, SafetyEventLog
from assistant.stores.__main__ import main
from assistant.stores.retention import SECONDS_PER_DAY, purge_conversations

NOW = time.time()


async def save_conversation(store: SQLTrackerStore, sender: str, days_ago: List[float]) -> None:
    events = []
    for age in days_ago:
        timestamp = NOW - age * SECONDS_PER_DAY
        events.append(UserUttered("hello", timestamp=timestamp))
        events.append(ActionExecuted("utter_greet", timestamp=timestamp))
    await store.save(DialogueStateTracker.from_events(sender, events))


async def test_only_conversations_idle_longer_than_the_period_are_deleted(
    database_url: str,
) -> None:
    store = SQLTrackerStore(Domain.empty(), host=database_url)
    await save_conversation(store, "old", [45, 40])
    await save_conversation(store, "old but came back", [60, 2])
    await save_conversation(store, "recent", [0.5])
    assert purge_conversations(database_url, days=30, now=NOW) == 1
    assert set(await store.keys()) == {"old but came back", "recent"}
    tracker = await store.retrieve("old but came back")
    assert tracker is not None and len(tracker.events) == 4
    assert purge_conversations(database_url, days=30, now=NOW) == 0
    assert purge_conversations(database_url, days=1, now=NOW) == 1
    assert list(await store.keys()) == ["recent"]
    store.engine.dispose()


def test_an_empty_database_has_nothing_to_purge(database_url: str) -> None:
    assert purge_conversations(database_url, days=30) == 0


def test_the_command_purges_safety_events_too_and_refuses_a_zero_period(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    events_url = f"sqlite:///{tmp_path}/events.sqlite3"
    monkeypatch.setenv("TRACKER_STORE_URL", database_url)
    monkeypatch.setenv("SAFETY_EVENTS_DATABASE_URL", events_url)
    events = SafetyEventLog(events_url)
    for age_days in (45, 2):
        moment = datetime.now(timezone.utc) - timedelta(days=age_days)
        events.record(SafetyEvent(moment, "crisis", "sms", "0123456789abcdef"))
    assert main(["purge", "--days", "30"]) == 0
    assert "Deleted 0 conversation(s)" in capsys.readouterr().out
    assert [level for _, level, _ in events.counts_per_day()] == ["crisis"]
    assert main(["purge", "--days", "0"]) == 1
    assert "at least 1 day" in capsys.readouterr().err
