"""Safety events: what the broker keeps from a Rasa event, and the staff report."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.safety.event_broker import SafetyEventBroker
from assistant.safety.events import SafetyEventLog, conversation_id

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def log(tmp_path: Path) -> SafetyEventLog:
    return SafetyEventLog(f"sqlite:///{tmp_path}/events.sqlite3")


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


def test_safety_report_prints_counts_per_level_and_day(log: SafetyEventLog, tmp_path: Path) -> None:
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
    assert "| 2026-09-21 | 2 | 1 | 0 |" in result.stdout
    assert "| total | 2 | 1 | 0 |" in result.stdout
