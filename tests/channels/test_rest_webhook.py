"""The REST channel in this process: answers, request checks, size and rate limits.

A real Sanic server on loopback with a scripted stand-in for the assistant, so these run
without a model.
"""

from typing import Any, AsyncIterator, Dict, List, Tuple

import aiohttp
import pytest

from assistant.channels.guards import RATE_LIMITED
from assistant.channels.replies import SOMETHING_WENT_WRONG
from assistant.channels.rest import CheckedRestInput
from tests.channels.inprocess import ScriptedAgent, serving

RATE_LIMIT = 5


def crisis_or_greet(text: str) -> str:
    return "crisis_self" if "want to die" in text else "greet"


def failing_answer(text: str) -> List[Dict[str, Any]]:
    raise RuntimeError("the assistant failed")


@pytest.fixture
async def rest(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Tuple[str, ScriptedAgent]]:
    """The REST channel served in-process; yields its webhook URL and the stand-in agent."""
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", str(RATE_LIMIT))
    monkeypatch.setenv("MAX_REQUEST_BYTES", "4096")
    agent = ScriptedAgent(intent_for=crisis_or_greet)
    async with serving([CheckedRestInput()], agent) as base_url:
        yield f"{base_url}/webhooks/rest/webhook", agent


async def post(url: str, **kwargs: Any) -> Tuple[int, Any]:
    async with aiohttp.ClientSession() as session:
        async with session.post(url, **kwargs) as response:
            body = await response.text()
            is_json = response.content_type == "application/json"
            return response.status, (await response.json() if is_json else body)


async def test_a_message_is_answered_with_its_quick_replies(rest: Tuple) -> None:
    url, agent = rest
    status, answer = await post(url, json={"sender": "ann", "message": "hello"})
    assert status == 200
    assert answer[0]["text"] == "You said: hello"
    assert [b["payload"] for b in answer[0]["buttons"]][0] == "/what_is_palliative_care"
    assert [m.text for m in agent.received] == ["hello"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"data": b"not json", "headers": {"Content-Type": "application/json"}},
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
    status, _ = await post(url, json={"sender": "a", "message": "x" * 5000})
    assert status == 413
    assert agent.received == []


async def test_a_sender_over_the_rate_limit_gets_429_but_a_crisis_is_answered(
    rest: Tuple,
) -> None:
    url, agent = rest
    for _ in range(RATE_LIMIT):
        assert (await post(url, json={"sender": "fast", "message": "hi"}))[0] == 200
    status, answer = await post(url, json={"sender": "fast", "message": "hi"})
    assert status == 429 and answer[0]["text"] == RATE_LIMITED
    status, answer = await post(url, json={"sender": "fast", "message": "I want to die"})
    assert status == 200 and answer[0]["text"] == "You said: I want to die"
    assert (await post(url, json={"sender": "someone else", "message": "hi"}))[0] == 200


async def test_a_failure_inside_the_assistant_gets_a_kind_answer() -> None:
    async with serving([CheckedRestInput()], ScriptedAgent(failing_answer)) as base_url:
        status, answer = await post(
            f"{base_url}/webhooks/rest/webhook", json={"sender": "a", "message": "hi"}
        )
    assert status == 200 and answer[0]["text"] == SOMETHING_WENT_WRONG
