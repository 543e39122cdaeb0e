"""SMS against the real Rasa server: Twilio's signed webhooks in, TwiML texts out."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator, List

import pytest
import requests

from assistant.channels.channel_texts import SLOW_REPLY
from assistant.channels.sms_format import GSM7_CHARACTERS, MAX_SMS_CHARACTERS
from tests.e2e.conversation import MAX_TURNS_PER_SESSION
from tests.harness.servers import free_port, rasa_server
from tests.twilio_webhook import (
    WEBHOOK_PATH,
    Texter,
    conversation_of,
    signature,
    sms_environment,
)

pytestmark = pytest.mark.model

PUBLIC_WEBHOOK_URL = f"https://sms.example.org{WEBHOOK_PATH}"
REPLY_BUDGET_SECONDS = 1.0
SLOW_ACTION_SECONDS = 4.0


def assert_sms_friendly(texts: List[str]) -> None:
    """Texts a phone shows as they are: no payloads or markup, under Twilio's limit.

    GSM-7 throughout, but for letters of other languages ("inglés").
    """
    assert texts
    for text in texts:
        assert len(text) < MAX_SMS_CHARACTERS
        assert all(character in GSM7_CHARACTERS or character.isalpha() for character in text), text
        assert "/inform" not in text and "payload" not in text and "<" not in text


def test_a_conversation_by_text_with_numbered_quick_replies(rasa_url: str) -> None:
    phone = Texter(rasa_url)
    greeting = phone.text("hi")
    assert_sms_friendly(greeting)
    assert "Reply 1 for What is palliative care?" in greeting[-1]
    answer = phone.text("1")
    assert_sms_friendly(answer)
    assert "extra layer of support" in " ".join(answer)
    assert "Reply 1 for Who gives it?" in answer[-1]
    assert "extra layer" not in " ".join(phone.text("7"))


def test_a_numbered_reply_to_the_last_answer_of_a_full_session(rasa_url: str) -> None:
    # The message after a full session starts a new one; here it is "1".
    phone = Texter(rasa_url)
    phone.text("hi")
    for _ in range(MAX_TURNS_PER_SESSION - 1):
        answer = phone.text("what is palliative care")
    assert "Reply 1 for Who gives it?" in answer[-1]
    assert "team with special training" in " ".join(phone.text("1"))


def test_a_numbered_reply_chooses_between_places(rasa_url: str) -> None:
    phone = Texter(rasa_url)
    question = " ".join(phone.text("find a counselor in Springfield"))
    assert "more than one Springfield" in question
    menu = [line for line in question.splitlines() if line.startswith("Reply ")]
    choice = next(line for line in menu if line.endswith("Springfield, MO"))
    number = choice.split()[1]
    answer = phone.text(number)
    assert_sms_friendly(answer)
    assert "within 100 miles of Springfield, MO" in " ".join(answer)


def test_a_directory_search_by_text(rasa_url: str) -> None:
    answer = Texter(rasa_url).text("hospice near 60614")
    assert_sms_friendly(answer)
    assert "Example" in " ".join(answer) and "call ahead" in " ".join(answer)


def test_the_crisis_answer_has_988_in_the_first_text(rasa_url: str) -> None:
    phone = Texter(rasa_url)
    crisis = phone.text("stop I want to die")
    assert "988" in crisis[0]
    assert "Reply 2 for I'm not safe" in crisis[-1]
    assert "911" in " ".join(phone.text("2"))


def test_stop_means_no_more_texts_until_start(rasa_url: str) -> None:
    phone = Texter(rasa_url)
    assert "Reply START" in phone.text("STOP")[0]
    assert phone.text("what is hospice?") == []
    assert phone.text("yes") != []  # "yes" opts back in after STOP
    assert "988" in phone.text("Help")[0]
    assert phone.text("stop.") != []
    assert phone.text("I want to die") == []
    assert "Welcome back" in phone.text("START")[0]
    assert "hospice" in " ".join(phone.text("what is hospice?")).lower()


def test_a_retried_message_is_answered_once(rasa_url: str) -> None:
    phone = Texter(rasa_url)
    assert phone.text("what is palliative care?", message_sid="SMretry0001") != []
    assert phone.text("what is palliative care?", message_sid="SMretry0001") == []


@pytest.mark.parametrize(
    "body",
    ["", "   ", "💜🙏", "¿Qué es el cuidado paliativo?", '<b>hi</b> & {"x": 1}', "word " * 2000],
)
def test_odd_texts_get_a_kind_answer(rasa_url: str, body: str) -> None:
    answer = Texter(rasa_url).text(body)
    assert_sms_friendly(answer)


def test_requests_not_signed_by_twilio_are_refused(rasa_url: str) -> None:
    phone = Texter(rasa_url)
    params = phone.params("hi")
    assert phone.post(params, signed=False).status_code == 403
    assert phone.post(params, token="not-the-token").status_code == 403
    assert Texter(rasa_url, signed_url=PUBLIC_WEBHOOK_URL).post(params).status_code == 403
    url = f"{rasa_url}{WEBHOOK_PATH}"
    old_signature = signature(url, params)
    tampered = {**params, "Body": "something else"}
    assert requests.post(url, data=tampered, headers=old_signature, timeout=10).status_code == 403
    assert requests.post(url, data=params, headers=old_signature, timeout=10).status_code == 200
    headers = {"X-Twilio-Signature": "bad"}
    assert requests.post(url, json=params, headers=headers, timeout=10).status_code == 403
    assert (
        requests.post(url, data=b"\xff\x00garbage", headers=headers, timeout=10).status_code == 403
    )


def test_other_accounts_and_numbers_are_refused(rasa_url: str) -> None:
    phone = Texter(rasa_url)
    assert phone.post({**phone.params("hi"), "AccountSid": "AC" + "1" * 32}).status_code == 403
    assert phone.post({**phone.params("hi"), "To": "+15550100000"}).status_code == 403


@pytest.mark.parametrize("missing", ["Body", "From"])
def test_a_signed_request_without_body_or_sender_is_a_bad_request(
    rasa_url: str, missing: str
) -> None:
    phone = Texter(rasa_url)
    params = {name: value for name, value in phone.params("hi").items() if name != missing}
    response = phone.post(params)
    assert response.status_code == 400
    assert "Traceback" not in response.text


class SlowActionServer(BaseHTTPRequestHandler):
    """An action server that takes longer than the SMS reply budget, then runs nothing."""

    def do_POST(self) -> None:  # noqa: N802 (the name http.server looks for)
        """Answer every action call late, with no events and no responses."""
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(SLOW_ACTION_SECONDS)
        body = json.dumps({"events": [], "responses": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Quiet."""


@pytest.fixture(scope="module")
def proxied_url(model_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Rasa server behind a (pretend) proxy, its action server slower than the budget.

    Its HTTP API is open on loopback so the tests can read trackers.
    """
    log_dir = tmp_path_factory.mktemp("sms-proxied")
    actions = ThreadingHTTPServer(("127.0.0.1", free_port()), SlowActionServer)
    threading.Thread(target=actions.serve_forever, daemon=True).start()
    endpoints = log_dir / "endpoints.yml"
    endpoints.write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{actions.server_address[1]}/webhook\n"
    )
    environment = sms_environment(
        log_dir,
        TWILIO_WEBHOOK_URL=PUBLIC_WEBHOOK_URL,
        SMS_REPLY_BUDGET_SECONDS=str(REPLY_BUDGET_SECONDS),
    )
    with rasa_server(model_path, log_dir, endpoints, environment, enable_api=True) as url:
        yield url
    actions.shutdown()
    actions.server_close()


def user_texts(rasa_url: str, phone: str, monkeypatch: pytest.MonkeyPatch) -> List[str]:
    tracker_url = f"{rasa_url}/conversations/{conversation_of(phone)}/tracker"
    tracker = requests.get(tracker_url, timeout=10).json()
    return [event["text"] for event in tracker["events"] if event["event"] == "user"]


def test_behind_a_proxy_the_public_address_is_what_is_signed(proxied_url: str) -> None:
    assert Texter(proxied_url).post(Texter(proxied_url).params("hi")).status_code == 403
    greeting = Texter(proxied_url, signed_url=PUBLIC_WEBHOOK_URL).text("hi")
    assert "What would you like to know?" in " ".join(greeting)


def test_a_slow_answer_gets_an_apology_in_time_and_the_message_is_kept(
    proxied_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    phone = Texter(proxied_url, signed_url=PUBLIC_WEBHOOK_URL)
    started = time.monotonic()
    assert phone.text("find hospice near 60614", message_sid="SMslow0001") == [SLOW_REPLY.en]
    assert time.monotonic() - started < SLOW_ACTION_SECONDS
    assert phone.text("find hospice near 60614", message_sid="SMslow0001") == []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not user_texts(proxied_url, phone.phone, monkeypatch):
        time.sleep(1)
    assert user_texts(proxied_url, phone.phone, monkeypatch) == ["find hospice near 60614"]


def test_phone_numbers_and_texts_stay_out_of_the_log_and_tracker_ids(
    proxied_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    phone = Texter(proxied_url, signed_url=PUBLIC_WEBHOOK_URL)
    phone.text("canary-5c1e lavender, what is hospice?")
    assert user_texts(proxied_url, phone.phone, monkeypatch) == [
        "canary-5c1e lavender, what is hospice?"
    ]
    digits = phone.phone.removeprefix("+1")
    for log in Path(tmp_path_factory.getbasetemp()).glob("sms-proxied*/*.log"):
        content = log.read_text()
        assert "lavender" not in content and digits not in content
