"""Handled message ids and opt-outs, on SQLite and on a real PostgreSQL."""

from typing import Iterator

import pytest

from assistant.channels.conversation_ids import sms_conversation_id
from assistant.channels.sms_state import SmsState

KEY = b"a key for this test only"


@pytest.fixture
def state(database_url: str) -> Iterator[SmsState]:
    sms_state = SmsState(database_url)
    yield sms_state
    sms_state.engine.dispose()


def test_a_message_id_is_handled_once(state: SmsState) -> None:
    assert state.first_delivery("SM0001")
    assert not state.first_delivery("SM0001")
    assert state.first_delivery("SM0002")
    assert state.forget_handled_before(days=1) == 0
    assert not state.first_delivery("SM0001")


def test_opting_out_lasts_until_opting_in(state: SmsState) -> None:
    sender = sms_conversation_id("+15551230001", KEY)
    assert not state.is_opted_out(sender)
    state.opt_out(sender)
    state.opt_out(sender)
    assert state.is_opted_out(sender)
    assert not state.is_opted_out(sms_conversation_id("+15551230002", KEY))
    state.opt_in(sender)
    assert not state.is_opted_out(sender)


def test_sender_ids_do_not_reveal_the_number(monkeypatch: pytest.MonkeyPatch) -> None:
    sender = sms_conversation_id("+15551230001", KEY)
    assert sender == sms_conversation_id(" +15551230001 ", KEY)
    assert "5551230001" not in sender
    assert sms_conversation_id("+15551230001", b"another deployment's key") != sender
    monkeypatch.setenv("SMS_SENDER_ID_KEY", KEY.decode())
    assert sms_conversation_id("+15551230001") == sender
