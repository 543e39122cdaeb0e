"""Two Rasa servers sharing PostgreSQL and Redis.

One conversation across both, many at once, and restarts in the middle of conversations.
"""

import itertools
import json
import shutil
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
import requests
import sqlalchemy as sa

from assistant.channels.conversation_ids import WebSessions, rest_conversation_id
from assistant.channels.guards import DEFAULT_RATE_LIMIT_PER_MINUTE
from tests.e2e.conversation import new_sender, say, texts
from tests.harness.keys import REST_HEADERS, TEST_SECRETS
from tests.harness.scaled import ScaledAssistant, scaled_assistant
from tests.twilio_webhook import Texter, conversation_of, sms_environment
from tests.widget_connection import WidgetConnection, text_of

pytestmark = pytest.mark.model

FAQ_MESSAGES = [
    "hi",
    "what is palliative care?",
    "is it the same as hospice",
    "can I get it while on chemo",
    "who is on the palliative team",
    "can they help with fatigue",
    "where do people get it",
    "how do i ask my oncologist for it",
    "thank you",
    "does insurance cover it",
]


@pytest.fixture(scope="module")
def scaled(model_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ScaledAssistant]:
    """PostgreSQL, Redis, an action server and two Rasa servers, on loopback."""
    log_dir = tmp_path_factory.mktemp("scaled-logs")
    sms = {k: v for k, v in sms_environment(log_dir).items() if k != "SMS_DATABASE_URL"}
    # Not under pytest's own folder: PostgreSQL runs as its own user and must reach it.
    data_dir = Path(tempfile.mkdtemp(prefix="scaled-data-"))
    data_dir.chmod(0o755)
    try:
        with scaled_assistant(model_path, log_dir, data_dir, extra_environment=sms) as running:
            yield running
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def web_conversation(session_id: str) -> str:
    """The conversation id of a widget session the test servers issued."""
    sessions = WebSessions(TEST_SECRETS["WEBCHAT_SESSION_SECRET"].encode())
    conversation = sessions.conversation_of(session_id)
    assert conversation is not None
    return conversation


def user_texts(scaled: ScaledAssistant, sender: str) -> List[str]:
    """What `sender` said, in the order the shared conversation store holds it."""
    engine = sa.create_engine(scaled.environment["TRACKER_STORE_URL"], future=True)
    query = sa.text(
        "SELECT data FROM events WHERE sender_id = :sender AND type_name = 'user' ORDER BY id"
    )
    with engine.connect() as connection:
        rows = connection.execute(query, {"sender": sender}).all()
    engine.dispose()
    return [json.loads(row.data)["text"] for row in rows]


def test_one_conversation_alternating_between_the_servers(scaled: ScaledAssistant) -> None:
    first, second = scaled.rasa_urls
    sender = new_sender()
    assert "What would you like to know?" in texts(say(first, sender, "hi"))
    assert "Where should I look?" in texts(say(second, sender, "find hospice near me"))
    results = texts(say(first, sender, "60614"))
    assert "Example" in results and "call ahead" in results
    assert "everything I found within 25 miles" in texts(say(second, sender, "show more"))
    assert "extra layer of support" in texts(say(first, sender, "what is palliative care?"))
    assert user_texts(scaled, rest_conversation_id(sender)) == [
        "hi",
        "find hospice near me",
        "60614",
        "show more",
        "what is palliative care?",
    ]


def test_twenty_people_at_once_across_both_servers(scaled: ScaledAssistant) -> None:
    senders = [new_sender() for _ in range(20)]
    plan: Dict[str, List[str]] = {
        sender: [f"{FAQ_MESSAGES[(n + i) % len(FAQ_MESSAGES)]} ({i})" for i in range(20)]
        for n, sender in enumerate(senders)
    }

    def converse(sender: str) -> List[str]:
        servers = itertools.cycle(scaled.rasa_urls)
        return [texts(say(next(servers), sender, message)) for message in plan[sender]]

    with ThreadPoolExecutor(max_workers=len(senders)) as pool:
        answers = dict(zip(senders, pool.map(converse, senders), strict=True))
    for sender in senders:
        assert all(answers[sender]), f"an empty answer for {sender}"
        assert user_texts(scaled, rest_conversation_id(sender)) == plan[sender]


def test_restarts_in_the_middle_of_conversations_lose_nothing(scaled: ScaledAssistant) -> None:
    first, second = scaled.rasa_urls
    rest_sender = new_sender()
    assert "Where should I look?" in texts(say(first, rest_sender, "find a counselor near me"))
    phone = Texter(first)
    assert "Reply 1 for What is palliative care?" in " ".join(phone.text("hello"))

    scaled.rasa_servers[0].restart()
    scaled.action_server.restart()

    assert "Example" in texts(say(first, rest_sender, "Chicago, IL"))
    assert "extra layer of support" in " ".join(phone.text("1"))
    assert user_texts(scaled, rest_conversation_id(rest_sender)) == [
        "find a counselor near me",
        "Chicago, IL",
    ]
    assert texts(say(second, rest_sender, "thanks"))


async def test_the_widget_carries_on_after_a_restart(scaled: ScaledAssistant) -> None:
    first = scaled.rasa_urls[0]
    before = WidgetConnection()
    session_id = await before.open(first)
    await before.say({"message": "find hospice near me", "session_id": session_id})
    assert "Where should I look?" in text_of(await before.answer())
    await before.close()

    scaled.rasa_servers[0].restart()

    after = WidgetConnection()
    assert await after.open(first, session_id) == session_id
    await after.say({"message": "60614", "session_id": session_id})
    assert "Example" in text_of(await after.answer())
    await after.close()
    assert user_texts(scaled, web_conversation(session_id)) == ["find hospice near me", "60614"]


def test_the_stores_hold_no_phone_numbers(scaled: ScaledAssistant) -> None:
    phone = Texter(scaled.rasa_urls[1])
    phone.text("what is hospice?")
    engine = sa.create_engine(scaled.environment["TRACKER_STORE_URL"], future=True)
    with engine.connect() as connection:
        senders = [row[0] for row in connection.execute(sa.text("SELECT sender_id FROM events"))]
    engine.dispose()
    assert phone.phone not in senders and phone.phone.removeprefix("+1") not in str(senders)


def test_postgresql_going_down_still_gets_answers_and_the_conversation_comes_back(
    scaled: ScaledAssistant,
) -> None:
    """Rasa answers from memory while the conversation store is down (its fail-safe)."""
    first, second = scaled.rasa_urls
    sender = new_sender()
    assert "Where should I look?" in texts(say(first, sender, "find hospice near me"))
    scaled.postgres.stop()
    try:
        started = time.monotonic()
        assert "Hospice is for a later time" in texts(say(second, sender, "what is hospice?"))
        assert time.monotonic() - started < 10
    finally:
        scaled.postgres.start()
    assert "Example" in texts(say(first, sender, "60614"))
    assert user_texts(scaled, rest_conversation_id(sender)) == ["find hospice near me", "60614"]


def test_redis_going_down_gets_a_quick_kind_answer_and_recovery(scaled: ScaledAssistant) -> None:
    first, second = scaled.rasa_urls
    sender = new_sender()
    assert "Where should I look?" in texts(say(first, sender, "find hospice near me"))
    scaled.redis.stop()
    try:
        started = time.monotonic()
        answer = texts(say(second, sender, "what is hospice?"))
        assert time.monotonic() - started < 10
        assert "something went wrong on my side" in answer and "911" in answer
    finally:
        scaled.redis.start()
    assert "Example" in texts(say(first, sender, "60614"))
    assert user_texts(scaled, rest_conversation_id(sender))[0] == "find hospice near me"


def test_deleting_a_conversation_removes_it_from_postgresql(scaled: ScaledAssistant) -> None:
    first, second = scaled.rasa_urls
    sender = new_sender()
    say(first, sender, "hi")
    say(second, sender, "I want you to delete everything I said")
    assert "I've deleted" in texts(say(first, sender, "/forget_conversation"))
    assert user_texts(scaled, rest_conversation_id(sender)) == []
    phone = Texter(second)
    question = " ".join(phone.text("please erase this conversation"))
    assert "Reply 1 for Yes, delete it" in question
    assert "I've deleted" in " ".join(phone.text("1"))
    assert user_texts(scaled, conversation_of(phone.phone)) == []


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[1, 2]", b'{"message": "hi"}', b'{"sender": null, "message": "hi"}'],
)
def test_malformed_requests_land_in_no_shared_conversation(
    scaled: ScaledAssistant, body: bytes
) -> None:
    response = requests.post(
        f"{scaled.rasa_urls[0]}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json", **REST_HEADERS},
        timeout=30,
    )
    assert response.status_code == 400
    assert user_texts(scaled, rest_conversation_id("default")) == []


async def test_no_log_holds_message_text_or_a_phone_number(
    scaled: ScaledAssistant, tmp_path_factory: pytest.TempPathFactory
) -> None:
    canary = f"canary{uuid.uuid4().hex[:12]}"
    first, second = scaled.rasa_urls
    say(first, new_sender(), f"my name is {canary}, where is hospice near 60614")
    phone = Texter(second)
    phone.text(f"I am {canary} and I feel so alone")
    widget = WidgetConnection()
    session_id = await widget.open(first)
    await widget.say({"message": f"{canary} wants to end my life", "session_id": session_id})
    await widget.answer()
    await widget.close()
    requests.post(
        f"{first}/webhooks/rest/webhook", data=f"{{{canary}", headers=REST_HEADERS, timeout=30
    )
    logs = list(Path(tmp_path_factory.getbasetemp()).glob("scaled-logs*/*.log"))
    assert logs
    for log in logs:
        content = log.read_text(errors="replace")
        assert canary not in content, log.name
        assert phone.phone.removeprefix("+1") not in content, log.name


def test_the_two_servers_share_one_rate_limit(scaled: ScaledAssistant) -> None:
    sender = new_sender()
    servers = itertools.cycle(scaled.rasa_urls)
    statuses = []
    for _ in range(DEFAULT_RATE_LIMIT_PER_MINUTE + 2):
        response = requests.post(
            f"{next(servers)}/webhooks/rest/webhook",
            json={"sender": sender, "message": "thanks"},
            headers=REST_HEADERS,
            timeout=30,
        )
        statuses.append(response.status_code)
    assert statuses == [200] * DEFAULT_RATE_LIMIT_PER_MINUTE + [429, 429]
