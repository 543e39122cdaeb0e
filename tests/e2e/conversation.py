"""Helpers to talk to the real Rasa server over its REST channel, as a trusted caller."""

import json
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any, Dict, List

import requests

from tests.harness.keys import REST_HEADERS
from tests.harness.servers import endpoints_as_run

# The messages in one session before the next one starts a new session (endpoints.yml).
MAX_TURNS_PER_SESSION = int(endpoints_as_run()["tracker_store"]["max_turns_per_session"])


def say(rasa_url: str, sender: str, message: str) -> List[Dict[str, Any]]:
    response = requests.post(
        f"{rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        headers=REST_HEADERS,
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()


def texts(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def new_sender() -> str:
    return f"test-{uuid.uuid4()}"


def age_conversation(database: Path, conversation: str, seconds: float) -> None:
    """Move a conversation of the SQLite store `seconds` back, as if nobody had written since."""
    with closing(sqlite3.connect(database)) as connection, connection:
        rows = connection.execute(
            "SELECT id, timestamp, data FROM events WHERE sender_id = ?", (conversation,)
        ).fetchall()
        assert rows
        for row_id, timestamp, data in rows:
            event = json.loads(data)
            event["timestamp"] -= seconds
            connection.execute(
                "UPDATE events SET timestamp = ?, data = ? WHERE id = ?",
                (timestamp - seconds, json.dumps(event), row_id),
            )
