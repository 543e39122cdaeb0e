"""The widget's socket.io channel in this process: sessions, origins and odd messages.

A real Sanic server on loopback with a scripted stand-in for the assistant, so these run
without a model.
"""

from typing import Any, AsyncIterator, Tuple

import pytest
import socketio

from assistant.channels.channel_texts import LOST_SESSION, NOT_TEXT
from assistant.channels.conversation_ids import WebSessions
from assistant.channels.socketio import CheckedSocketIOInput
from tests.channels.inprocess import ScriptedAgent, serving
from tests.widget_connection import WidgetConnection, text_of

SESSIONS = WebSessions(b"a session secret for this test")


@pytest.fixture
async def widget_server(
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[Tuple[str, ScriptedAgent]]:
    """The socket.io channel served in-process; yields its base URL and the stand-in agent."""
    monkeypatch.setenv("WEBCHAT_ALLOWED_ORIGINS", "https://care.example.org")
    agent = ScriptedAgent()
    channel = CheckedSocketIOInput("user_uttered", "bot_uttered", "/socket.io", SESSIONS)
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
    assert agent.senders() == [SESSIONS.conversation_of(session_id)]
    assert agent.senders()[0].startswith("web-")
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
    assert text_of(await tab.answer(settle=0.3)) == LOST_SESSION.both()
    assert agent.received == []
    await tab.close()


async def test_a_message_that_is_not_text_is_answered_kindly(widget_server: Tuple) -> None:
    url, agent = widget_server
    tab = WidgetConnection()
    session_id = await tab.open(url)
    await tab.say({"message": {"text": "hi"}, "session_id": session_id})
    assert text_of(await tab.answer(settle=0.3)) == NOT_TEXT.en
    assert agent.received == []
    await tab.close()


@pytest.mark.parametrize(
    "made_up",
    [
        "0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef-0123456789abcdef0123456789abcdef",
        WebSessions(b"another server's secret").issue(),
        "sms-2c26b46b68ffc68ff99b453c1d304134",
    ],
)
async def test_a_session_id_the_server_did_not_issue_gets_a_new_session(
    widget_server: Tuple, made_up: str
) -> None:
    url, agent = widget_server
    tab = WidgetConnection()
    issued = await tab.open(url, made_up)
    assert issued != made_up and SESSIONS.conversation_of(issued)
    await tab.say({"message": "hello", "session_id": made_up})
    assert text_of(await tab.answer(settle=0.3)) == LOST_SESSION.both()
    assert agent.received == []
    await tab.close()


async def test_only_the_allowed_origins_may_connect(widget_server: Tuple) -> None:
    url, _ = widget_server
    tab = WidgetConnection()
    with pytest.raises(socketio.exceptions.ConnectionError):
        await tab.client.connect(
            url, transports=["websocket"], headers={"Origin": "https://evil.example.com"}
        )
    allowed = WidgetConnection(headers={"Origin": "https://care.example.org"})
    assert SESSIONS.conversation_of(await allowed.open(url))
    await allowed.close()
