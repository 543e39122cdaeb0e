"""Helpers to talk to the real Rasa server over its REST channel, as a trusted caller."""

import uuid
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
