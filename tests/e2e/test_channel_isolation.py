"""No channel reaches another's conversation, and no client makes up a session.

Against the real Rasa server: a REST caller who uses a texter's conversation id gets a
conversation of its own, and a widget that presents a session id the server did not issue
gets a new session.
"""

import pytest

from tests.e2e.conversation import say, texts
from tests.twilio_webhook import Texter, conversation_of
from tests.widget_connection import WidgetConnection, text_of

pytestmark = pytest.mark.model


def test_a_rest_caller_using_a_texters_id_never_reaches_that_conversation(rasa_url: str) -> None:
    phone = Texter(rasa_url)
    assert "Where should I look?" in " ".join(phone.text("I need hospice for my mom"))
    intruder = texts(say(rasa_url, conversation_of(phone.phone), "60614"))
    assert "Example" not in intruder and "hospice" not in intruder.lower()
    results = " ".join(phone.text("60614"))
    assert "near 60614 (Chicago, IL) (hospice)" in results


async def test_a_widget_session_id_the_server_did_not_issue_gets_a_new_session(
    rasa_url: str,
) -> None:
    owner = WidgetConnection()
    session_id = await owner.open(rasa_url)
    await owner.say({"message": "find hospice near me", "session_id": session_id})
    assert "Where should I look?" in text_of(await owner.answer())
    random_part = session_id.split("-")[0]
    for made_up in (
        random_part,
        f"{random_part}-{'0' * 32}",
        "a" * 40,
        conversation_of("+15550100123"),
    ):
        stranger = WidgetConnection()
        assert await stranger.open(rasa_url, made_up) not in (made_up, session_id)
        await stranger.say({"message": "60614", "session_id": made_up})
        assert "Example" not in text_of(await stranger.answer(settle=0.5))
        await stranger.close()
    await owner.say({"message": "60614", "session_id": session_id})
    assert "Example" in text_of(await owner.answer())
    await owner.close()
