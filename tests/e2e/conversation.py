"""Helpers to talk to the real Rasa server over its REST channel."""

import uuid
from typing import Any, Dict, List

import requests


def say(rasa_url: str, sender: str, message: str) -> List[Dict[str, Any]]:
    response = requests.post(
        f"{rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()


def texts(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def new_sender() -> str:
    return f"test-{uuid.uuid4()}"
