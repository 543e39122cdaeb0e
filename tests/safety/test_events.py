"""Safety events: what the broker keeps from a Rasa event, and the staff report."""

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pytest

from assistant.safety.event_broker import SafetyEventBroker
from assistant.safety.events import SafetyEventLog, conversation_id

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def safety_event_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFETY_EVENT_ID_KEY", "a safety key for these tests")


@pytest.fixture
def log(database_url: str) -> Iterator[SafetyEventLog]:
    """An empty event log, on SQLite and on PostgreSQL."""
    events = SafetyEventLog(database_url)
    yield events
    events.engine.dispose()


def user_event(level: str, timestamp: float, sender: str = "+15555550100") -> dict:
    return {
        "event": "user",
        "sender_id": sender,
        "timestamp": timestamp,
        "text": "I want to die",
        "input_channel": "sms",
        "parse_data": {"intent": {"name": "crisis_self"}, "safety": {"level": level}},
    }


def test_only_safety_levels_are_kept_with_no_text_or_sender(log: SafetyEventLog) -> None:
    broker = SafetyEventBroker(log)
    broker.publish(user_event("crisis", 1_790_000_000.0))
    broker.publish(user_event("none", 1_790_000_001.0))
    broker.publish({"event": "bot", "text": "hello", "timestamp": 1_790_000_002.0})
    broker.publish(user_event("distress", 1_790_100_000.0))
    assert log.counts_per_day() == [("2026-09-21", "crisis", 1), ("2026-09-22", "distress", 1)]
    with log.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM safety_events").all()
    assert "I want to die" not in str(rows) and "+15555550100" not in str(rows)
    assert {row.conversation for row in rows} == {conversation_id("+15555550100")}
    assert {row.channel for row in rows} == {"sms"}


def test_the_conversation_id_is_keyed(monkeypatch: pytest.MonkeyPatch) -> None:
    first = conversation_id("rest-ann")
    assert first != conversation_id("rest-ben")
    monkeypatch.setenv("SAFETY_EVENT_ID_KEY", "another deployment's safety key")
    assert conversation_id("rest-ann") != first


def test_a_deleted_conversation_takes_its_safety_events_along(log: SafetyEventLog) -> None:
    broker = SafetyEventBroker(log)
    broker.publish(user_event("crisis", 1_790_000_000.0, sender="sms-aaa"))
    broker.publish(user_event("distress", 1_790_000_100.0, sender="sms-aaa"))
    broker.publish(user_event("crisis", 1_790_000_200.0, sender="sms-bbb"))
    assert log.delete_conversation("sms-aaa") == 2
    assert log.counts_per_day() == [("2026-09-21", "crisis", 1)]


def test_events_older_than_the_retention_are_purged(log: SafetyEventLog) -> None:
    broker = SafetyEventBroker(log)
    broker.publish(user_event("crisis", 1_790_000_000.0))  # 2026-09-21
    broker.publish(user_event("distress", 1_792_600_000.0))  # 2026-10-21
    now = datetime(2026, 11, 1, tzinfo=timezone.utc)
    assert log.purge_before(days=30, now=now) == 1
    assert log.counts_per_day() == [("2026-10-21", "distress", 1)]


def test_safety_report_prints_counts_per_level_and_day(tmp_path: Path) -> None:
    log = SafetyEventLog(f"sqlite:///{tmp_path}/events.sqlite3")
    broker = SafetyEventBroker(log)
    for level in ("crisis", "crisis", "emergency"):
        broker.publish(user_event(level, 1_790_000_000.0))
    environment = {
        **os.environ,
        "SAFETY_EVENTS_DATABASE_URL": f"sqlite:///{tmp_path}/events.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "-m", "assistant.safety", "report"],
        cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0
    assert "| 2026-09-21 | 2 | 0 | 1 | 0 |" in result.stdout
    assert "| total | 2 | 0 | 1 | 0 |" in result.stdout
