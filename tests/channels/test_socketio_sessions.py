"""The widget's socket.io channel in this process: sessions and odd messages.

A real Sanic server on loopback with a scripted stand-in for the assistant, so these run
without a model.
"""

from typing import Any, AsyncIterator, Tuple

import pytest

from assistant.channels.socketio import LOST_SESSION, NOT_TEXT, CheckedSocketIOInput
from tests.channels.inprocess import ScriptedAgent, serving
from tests.widget_connection import WidgetConnection, text_of


@pytest.fixture
async def widget_server() -> AsyncIterator[Tuple[str, ScriptedAgent]]:
    """The socket.io channel served in-process; yields its base URL and the stand-in agent."""
    agent = ScriptedAgent()
    channel = CheckedSocketIOInput("user_uttered", "bot_uttered", "/socket.io")
    async with serving([channel], agent) as base_url:
        yield base_url, agent


async def test_a_new_tab_gets_a_session_and_its_messages_are_answered(widget_server: Tuple) -> None:
    url, agent = widget_server
    tab = WidgetConnection()
    session_id = await tab.open(url)
    await tab.say({"message": "hello", "session_id": session_id})
    answer = await tab.answer(settle=0.3)
    assert text_of(answer) == "You said: hello"
    assert [reply["title"] for reply in answer[0]["quick_replies"]][1] == "Talk to a person"
    assert agent.senders() == [session_id]
    await tab.close()


async def test_a_reload_continues_the_session_and_every_tab_hears_it(widget_server: Tuple) -> None:
    url, agent = widget_server
    tab = WidgetConnection()
    session_id = await tab.open(url)
    other_tab = WidgetConnection()
    assert await other_tab.open(url, session_id) == session_id
    await other_tab.say({"message": "still there?", "session_id": session_id})
    assert text_of(await tab.answer(settle=0.3)) == "You said: still there?"
    assert text_of(await other_tab.answer(settle=0.3)) == "You said: still there?"
    await tab.close()
    await other_tab.close()


@pytest.mark.parametrize(
    "data",
    [{"message": "hello"}, {"message": "hello", "session_id": "a" * 40}, "hello", None],
)
async def test_a_message_outside_the_sockets_session_is_answered_kindly(
    widget_server: Tuple, data: Any
) -> None:
    url, agent = widget_server
    tab = WidgetConnection()
    await tab.open(url)
    await tab.say(data)
    assert text_of(await tab.answer(settle=0.3)) == LOST_SESSION
    assert agent.received == []
    await tab.close()


async def test_a_message_that_is_not_text_is_answered_kindly(widget_server: Tuple) -> None:
    url, agent = widget_server
    tab = WidgetConnection()
    session_id = await tab.open(url)
    await tab.say({"message": {"text": "hi"}, "session_id": session_id})
    assert text_of(await tab.answer(settle=0.3)) == NOT_TEXT
    assert agent.received == []
    await tab.close()
