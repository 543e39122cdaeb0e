"""The SMS webhook in this process: signatures, keywords, numbered replies, retries.

The channel runs in a real Sanic server on loopback with a scripted stand-in for the
assistant, so these run without a model; tests/e2e/test_sms_conversation.py repeats the
essentials against the real assistant.
"""

from typing import Any, AsyncIterator, Dict, List, Optional, Tuple

import aiohttp
import pytest

from assistant.channels.channel_texts import HELP_REPLY, STARTED_REPLY, STOPPED_REPLY
from assistant.channels.guards import DEFAULT_MAX_MESSAGE_CHARACTERS
from assistant.channels.sms import TwilioSmsInput
from assistant.channels.sms_state import SmsState
from tests.channels.inprocess import ScriptedAgent, echo, serving
from tests.harness.keys import TEST_SECRETS
from tests.twilio_webhook import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    NUMBER,
    WEBHOOK_PATH,
    incoming_text,
    new_phone,
    signature,
    twiml_messages,
)


@pytest.fixture
async def sms(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Tuple[str, ScriptedAgent]]:
    """The SMS channel served in-process; yields the webhook URL and the stand-in agent.

    The stand-in answers "bell" with a control character in its text.
    """
    monkeypatch.setenv("SMS_SENDER_ID_KEY", TEST_SECRETS["SMS_SENDER_ID_KEY"])
    state = SmsState(f"sqlite:///{tmp_path_factory.mktemp('sms')}/sms.sqlite3")
    channel = TwilioSmsInput(AUTH_TOKEN, ACCOUNT_SID, NUMBER, "", 5.0, state)
    agent = ScriptedAgent(answer_for=echo_with_a_bell)
    async with serving([channel], agent) as base_url:
        yield f"{base_url}{WEBHOOK_PATH}", agent
    state.engine.dispose()


def echo_with_a_bell(text: str) -> List[Dict[str, Any]]:
    return [{"text": "ding\x07 dong\x00"}] if text == "bell" else echo(text)


async def post(
    url: str, params: Dict[str, str], headers: Optional[Dict[str, str]] = None
) -> Tuple[int, str]:
    async with aiohttp.ClientSession() as session:
        async with session.post(url, data=params, headers=headers or {}) as response:
            return response.status, await response.text()


async def text(url: str, phone: str, body: str, message_sid: Optional[str] = None) -> List[str]:
    """Send a signed text; the texts of the TwiML answer."""
    params = incoming_text(phone, body, message_sid)
    status, answer = await post(url, params, signature(url, params))
    assert status == 200, answer
    return twiml_messages(answer)


async def test_a_signed_text_reaches_the_assistant_and_is_answered_by_twiml(sms: Tuple) -> None:
    url, agent = sms
    texts = await text(url, new_phone(), "what is hospice")
    assert texts[0].startswith("You said: what is hospice")
    assert "Reply 1 for What is palliative care?" in texts[-1]
    assert [m.text for m in agent.received] == ["what is hospice"]
    assert agent.received[0].sender_id.startswith("sms-")


async def test_unsigned_wrongly_signed_and_tampered_requests_get_403(sms: Tuple) -> None:
    url, agent = sms
    params = incoming_text(new_phone(), "hi")
    assert (await post(url, params))[0] == 403
    assert (await post(url, params, signature(url, params, token="not-the-token")))[0] == 403
    assert (await post(url, params, signature("https://elsewhere.example.org/", params)))[0] == 403
    old_signature = signature(url, params)
    tampered = {**params, "Body": "something else"}
    assert (await post(url, tampered, old_signature))[0] == 403
    assert (await post(url, {**params, "From": new_phone()}, old_signature))[0] == 403
    assert agent.received == []


async def test_other_accounts_and_numbers_are_refused(sms: Tuple) -> None:
    url, agent = sms
    for changed in ({"AccountSid": "AC" + "1" * 32}, {"To": "+15550100000"}):
        params = {**incoming_text(new_phone(), "hi"), **changed}
        assert (await post(url, params, signature(url, params)))[0] == 403
    assert agent.received == []


async def test_a_numbered_reply_sends_the_payload_of_that_quick_reply(sms: Tuple) -> None:
    url, agent = sms
    phone = new_phone()
    await text(url, phone, "hello")
    await text(url, phone, "2")
    assert agent.received[-1].text == "/talk_to_person"
    await text(url, phone, "7")  # not on the menu: passed on as it is
    assert agent.received[-1].text == "7"
    await text(url, phone, "hello")
    await text(url, phone, "talk to a person!")  # the title typed out
    assert agent.received[-1].text == "/talk_to_person"


async def test_stop_silences_until_start_and_help_always_answers(sms: Tuple) -> None:
    url, agent = sms
    phone = new_phone()
    assert await text(url, phone, "STOP") == [STOPPED_REPLY.en]
    assert await text(url, phone, "are you there?") == []
    assert await text(url, phone, "help") == [HELP_REPLY.en]
    assert await text(url, phone, "Start") == [STARTED_REPLY.en]
    assert (await text(url, phone, "stop I want to die"))[0].startswith("You said: stop I")
    assert [m.text for m in agent.received] == ["stop I want to die"]


async def test_a_retried_message_is_answered_once(sms: Tuple) -> None:
    url, agent = sms
    phone = new_phone()
    assert await text(url, phone, "hi", message_sid="SMretry0001") != []
    assert await text(url, phone, "hi", message_sid="SMretry0001") == []
    assert len(agent.received) == 1


@pytest.mark.parametrize("missing", ["Body", "From"])
async def test_a_signed_request_without_body_or_sender_is_a_bad_request(
    sms: Tuple, missing: str
) -> None:
    url, _ = sms
    params = {k: v for k, v in incoming_text(new_phone(), "hi").items() if k != missing}
    status, answer = await post(url, params, signature(url, params))
    assert status == 400 and "Traceback" not in answer


async def test_one_phone_is_one_conversation_and_two_phones_are_two(sms: Tuple) -> None:
    url, agent = sms
    first, second = new_phone(), new_phone()
    for phone in (first, second, first):
        await text(url, phone, "hello")
    senders = agent.senders()
    assert senders[0] == senders[2] != senders[1]
    assert all(first.removeprefix("+1") not in sender for sender in senders)


async def test_characters_xml_forbids_are_left_out_so_the_text_still_goes(sms: Tuple) -> None:
    url, _ = sms
    assert await text(url, new_phone(), "bell") == ["ding dong"]


async def test_a_very_long_text_is_cut_before_it_is_stored_with_a_note(
    sms: Tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, agent = sms
    texts = await text(url, new_phone(), "x" * (DEFAULT_MAX_MESSAGE_CHARACTERS + 500))
    assert "only its first 5,000 characters" in texts[0]
    assert len(agent.received[-1].text) == DEFAULT_MAX_MESSAGE_CHARACTERS
