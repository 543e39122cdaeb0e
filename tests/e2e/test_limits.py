"""Request size and rate limits on every channel; a crisis in free text always gets through.

The crisis exemption is for free text the assistant reads as a crisis or an emergency, and is
bounded; a typed `/intent` payload never gets it.
"""

import pytest
import requests

from assistant.channels.channel_texts import RATE_LIMITED
from assistant.channels.guards import (
    DEFAULT_CRISIS_EXEMPTIONS_PER_MINUTE,
    DEFAULT_MAX_MESSAGE_CHARACTERS,
    DEFAULT_RATE_LIMIT_PER_MINUTE,
)
from tests.e2e.conversation import new_sender, texts
from tests.harness.keys import REST_HEADERS
from tests.twilio_webhook import Texter
from tests.widget_connection import WidgetConnection, text_of

pytestmark = pytest.mark.model

ONE_MEGABYTE = 1024 * 1024


def post(rasa_url: str, sender: str, message: str) -> requests.Response:
    return requests.post(
        f"{rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        headers=REST_HEADERS,
        timeout=30,
    )


@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/webhooks/sms/webhook"])
def test_a_one_megabyte_post_gets_413(rasa_url: str, path: str) -> None:
    response = requests.post(
        f"{rasa_url}{path}", data=b"x" * ONE_MEGABYTE, headers=REST_HEADERS, timeout=30
    )
    assert response.status_code == 413
    assert "Traceback" not in response.text


def test_rest_needs_the_token(rasa_url: str) -> None:
    body = {"sender": new_sender(), "message": "what is hospice?"}
    url = f"{rasa_url}/webhooks/rest/webhook"
    assert requests.post(url, json=body, timeout=30).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert requests.post(url, json=body, headers=wrong, timeout=30).status_code == 401
    assert requests.post(url, json=body, headers=REST_HEADERS, timeout=30).status_code == 200


def test_too_many_messages_get_429_but_a_crisis_is_still_answered(rasa_url: str) -> None:
    sender = new_sender()
    statuses = [
        post(rasa_url, sender, "thanks").status_code for _ in range(DEFAULT_RATE_LIMIT_PER_MINUTE)
    ]
    assert statuses == [200] * DEFAULT_RATE_LIMIT_PER_MINUTE
    limited = post(rasa_url, sender, "what is hospice?")
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "60"
    assert texts(limited.json()) == RATE_LIMITED.en
    crisis = post(rasa_url, sender, "i want to end my life")
    assert crisis.status_code == 200
    assert "Call or text 988" in texts(crisis.json())
    assert post(rasa_url, new_sender(), "what is hospice?").status_code == 200


def test_typed_crisis_payloads_get_no_exemption(rasa_url: str) -> None:
    sender = new_sender()
    statuses = [post(rasa_url, sender, "/crisis_self").status_code for _ in range(40)]
    assert statuses.count(200) == DEFAULT_RATE_LIMIT_PER_MINUTE
    assert statuses[DEFAULT_RATE_LIMIT_PER_MINUTE:] == [429] * (40 - DEFAULT_RATE_LIMIT_PER_MINUTE)


def test_the_crisis_exemption_is_bounded_and_still_names_988(rasa_url: str) -> None:
    sender = new_sender()
    for _ in range(DEFAULT_RATE_LIMIT_PER_MINUTE):
        post(rasa_url, sender, "thanks")
    crises = [post(rasa_url, sender, "I want to kill myself") for _ in range(15)]
    answered = [response for response in crises if response.status_code == 200]
    assert len(answered) == DEFAULT_CRISIS_EXEMPTIONS_PER_MINUTE
    assert all("988" in texts(response.json()) for response in crises)


def test_a_very_long_message_is_cut_with_a_note(rasa_url: str) -> None:
    long_message = "what is hospice? " + "and more " * DEFAULT_MAX_MESSAGE_CHARACTERS
    answer = texts(post(rasa_url, new_sender(), long_message).json())
    assert f"only its first {DEFAULT_MAX_MESSAGE_CHARACTERS:,} characters" in answer


def test_too_many_texts_get_a_short_text(rasa_url: str) -> None:
    phone = Texter(rasa_url)
    for _ in range(DEFAULT_RATE_LIMIT_PER_MINUTE):
        assert phone.text("thank you") != [RATE_LIMITED.en]
    assert phone.text("what is hospice?") == [RATE_LIMITED.en]
    assert "988" in phone.text("I don't want to be alive anymore")[0]


async def test_too_many_widget_messages_get_a_short_message(rasa_url: str) -> None:
    connection = WidgetConnection()
    session_id = await connection.open(rasa_url)
    for _ in range(DEFAULT_RATE_LIMIT_PER_MINUTE):
        await connection.say({"message": "thanks", "session_id": session_id})
        await connection.answer(settle=0.2)
    await connection.say({"message": "what is hospice?", "session_id": session_id})
    assert text_of(await connection.answer(settle=0.5)) == RATE_LIMITED.en
    await connection.close()
