"""The widget's socket.io channel against the real Rasa server.

Sessions survive a reconnect; messages it cannot place get a kind answer.
"""

from typing import Any

import pytest

from assistant.channels.channel_texts import LOST_SESSION, NOT_TEXT
from assistant.channels.conversation_ids import WEB_SESSION_ID
from tests.widget_connection import WidgetConnection, text_of

pytestmark = pytest.mark.model


async def test_a_conversation_continues_after_a_reconnect(rasa_url: str) -> None:
    first = WidgetConnection()
    session_id = await first.open(rasa_url)
    await first.say({"message": "/greet", "session_id": session_id})
    greeting = await first.answer()
    assert "What would you like to know?" in text_of(greeting)
    titles = [reply["title"] for reply in greeting[-1]["quick_replies"]]
    assert "What is palliative care?" in titles
    await first.say({"message": "find hospice near me", "session_id": session_id})
    assert "Where should I look?" in text_of(await first.answer())
    await first.close()

    reloaded = WidgetConnection()
    assert await reloaded.open(rasa_url, session_id) == session_id
    await reloaded.say({"message": "60614", "session_id": session_id})
    assert "Example" in text_of(await reloaded.answer())
    await reloaded.close()


async def test_every_tab_of_a_session_hears_the_answer(rasa_url: str) -> None:
    tab, other_tab = WidgetConnection(), WidgetConnection()
    session_id = await tab.open(rasa_url)
    await other_tab.open(rasa_url, session_id)
    await tab.say({"message": "what is hospice?", "session_id": session_id})
    assert "hospice" in text_of(await tab.answer()).lower()
    assert "hospice" in text_of(await other_tab.answer()).lower()
    await tab.close()
    await other_tab.close()


@pytest.mark.parametrize(
    "data",
    [
        {"message": "hello"},
        {"message": "hello", "session_id": None},
        {"message": "hello", "session_id": "x"},
        {"message": "hello", "session_id": "a" * 40},
        "hello",
        None,
    ],
)
async def test_a_message_outside_this_sockets_session_is_answered_kindly(
    rasa_url: str, data: Any
) -> None:
    connection = WidgetConnection()
    await connection.open(rasa_url)
    await connection.say(data)
    assert text_of(await connection.answer(settle=0.5)) == LOST_SESSION.both()
    await connection.close()


async def test_a_message_that_is_not_text_is_answered_kindly(rasa_url: str) -> None:
    connection = WidgetConnection()
    session_id = await connection.open(rasa_url)
    await connection.say({"message": {"text": "hi"}, "session_id": session_id})
    assert text_of(await connection.answer(settle=0.5)) == NOT_TEXT.en
    await connection.say({"message": "💜 <script>alert(1)</script>", "session_id": session_id})
    assert text_of(await connection.answer())
    await connection.close()


async def test_an_invalid_session_request_gets_a_new_session(rasa_url: str) -> None:
    connection = WidgetConnection()
    session_id = await connection.open(rasa_url, {"not": "an id"})
    assert WEB_SESSION_ID.fullmatch(session_id)
    await connection.close()
