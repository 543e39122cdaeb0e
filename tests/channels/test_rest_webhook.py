"""The REST channel in this process: the caller's token, answers, request checks and limits.

A real Sanic server on loopback with a scripted stand-in for the assistant, so these run
without a model.
"""

from typing import Any, AsyncIterator, Dict, List, Tuple

import aiohttp
import pytest

from assistant.channels.channel_texts import RATE_LIMITED, SOMETHING_WENT_WRONG
from assistant.channels.guards import DEFAULT_MAX_MESSAGE_CHARACTERS
from assistant.channels.rest import CheckedRestInput
from tests.channels.inprocess import ScriptedAgent, serving

RATE_LIMIT = 5
CRISIS_EXEMPTIONS = 3
TOKEN = "a-token-for-this-test"
AUTHORIZED = {"Authorization": f"Bearer {TOKEN}"}
JSON_AUTHORIZED = {**AUTHORIZED, "Content-Type": "application/json"}


def crisis_or_greet(text: str) -> str:
    return "crisis_self" if "want to die" in text or text == "/crisis_self" else "greet"


def failing_answer(text: str) -> List[Dict[str, Any]]:
    raise RuntimeError("the assistant failed")


@pytest.fixture
async def rest(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Tuple[str, ScriptedAgent]]:
    """The REST channel served in-process; yields its webhook URL and the stand-in agent."""
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", str(RATE_LIMIT))
    monkeypatch.setenv("CRISIS_EXEMPTIONS_PER_MINUTE", str(CRISIS_EXEMPTIONS))
    monkeypatch.setenv("MAX_REQUEST_BYTES", "65536")
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    monkeypatch.delenv("RATE_LIMIT_REDIS_URL", raising=False)
    agent = ScriptedAgent(intent_for=crisis_or_greet)
    async with serving([CheckedRestInput(token=TOKEN)], agent) as base_url:
        yield f"{base_url}/webhooks/rest/webhook", agent


async def post(url: str, headers: Dict[str, str] = AUTHORIZED, **kwargs: Any) -> Tuple[int, Any]:
    async with aiohttp.ClientSession() as session:
        async with session.post(url, headers=headers, **kwargs) as response:
            body = await response.text()
            is_json = response.content_type == "application/json"
            return response.status, (await response.json() if is_json else body)


async def test_a_message_is_answered_with_its_quick_replies(rest: Tuple) -> None:
    url, agent = rest
    status, answer = await post(url, json={"sender": "ann", "message": "hello"})
    assert status == 200
    assert answer[0]["text"] == "You said: hello"
    assert answer[0]["recipient_id"] == "ann"
    assert [b["payload"] for b in answer[0]["buttons"]][0] == "/what_is_palliative_care"
    assert [m.text for m in agent.received] == ["hello"]


async def test_a_rest_sender_is_a_rest_conversation_whatever_it_looks_like(rest: Tuple) -> None:
    url, agent = rest
    for sender in ("ann", "sms-3f2a9c", "web-0123456789abcdef"):
        await post(url, json={"sender": sender, "message": "hi"})
    assert agent.senders() == ["rest-ann", "rest-sms-3f2a9c", "rest-web-0123456789abcdef"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Basic x"}],
)
async def test_a_caller_without_the_token_gets_401(rest: Tuple, headers: Dict) -> None:
    url, agent = rest
    status, answer = await post(url, headers=headers, json={"sender": "a", "message": "hi"})
    assert status == 401 and "Bearer" in answer["error"]
    assert agent.received == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"data": b"not json", "headers": JSON_AUTHORIZED},
        {"json": ["sender", "message"]},
        {"json": {"message": "hi"}},
        {"json": {"sender": "a", "message": 12}},
    ],
)
async def test_malformed_requests_get_400_with_a_reason(rest: Tuple, kwargs: Dict) -> None:
    url, agent = rest
    status, answer = await post(url, **kwargs)
    assert status == 400 and "error" in answer and "Traceback" not in str(answer)
    assert agent.received == []


async def test_a_body_over_the_limit_gets_413(rest: Tuple) -> None:
    url, agent = rest
    status, _ = await post(url, json={"sender": "a", "message": "x" * 70_000})
    assert status == 413
    assert agent.received == []


async def test_a_long_message_is_cut_before_the_assistant_stores_it_with_a_note(
    rest: Tuple,
) -> None:
    url, agent = rest
    message = "y" * (DEFAULT_MAX_MESSAGE_CHARACTERS + 10)
    status, answer = await post(url, json={"sender": "a", "message": message})
    assert status == 200
    assert "only its first 5,000 characters" in answer[0]["text"]
    assert agent.received[0].text == message[:DEFAULT_MAX_MESSAGE_CHARACTERS]


async def test_over_the_rate_limit_only_a_free_text_crisis_is_answered_and_only_a_few(
    rest: Tuple,
) -> None:
    url, _ = rest
    for _ in range(RATE_LIMIT):
        assert (await post(url, json={"sender": "fast", "message": "hi"}))[0] == 200
    status, answer = await post(url, json={"sender": "fast", "message": "hi"})
    assert status == 429 and answer[0]["text"] == RATE_LIMITED.en
    assert "988" in RATE_LIMITED.en and "911" in RATE_LIMITED.en
    assert (await post(url, json={"sender": "fast", "message": "/crisis_self"}))[0] == 429
    # Over the limit, the first few messages a minute are read: "hi" above was one of them.
    statuses = [
        (await post(url, json={"sender": "fast", "message": "I want to die"}))[0]
        for _ in range(CRISIS_EXEMPTIONS + 1)
    ]
    assert statuses == [200] * (CRISIS_EXEMPTIONS - 1) + [429, 429]
    assert (await post(url, json={"sender": "someone else", "message": "hi"}))[0] == 200


async def test_a_failure_inside_the_assistant_gets_a_kind_answer() -> None:
    channel = CheckedRestInput(token=TOKEN)
    async with serving([channel], ScriptedAgent(failing_answer)) as base_url:
        status, answer = await post(
            f"{base_url}/webhooks/rest/webhook", json={"sender": "a", "message": "hi"}
        )
    assert status == 200 and answer[0]["text"] == SOMETHING_WENT_WRONG.en
