"""Serve input channels in this process on loopback, with a scripted stand-in for the assistant.

For fast tests of what a channel does with requests (signatures, keywords, limits, sessions)
without a trained model: the real channel code runs in a real Sanic server, and the
`ScriptedAgent` answers every message as `answer_for` says, keeping each conversation in
Rasa's in-memory tracker store as the real agent would.
"""

import uuid
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Callable, Dict, List, Optional, Sequence

from rasa.core.channels.channel import InputChannel, UserMessage, register
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Sanic

Answer = Dict[str, Any]


def echo(text: str) -> List[Answer]:
    """The default script: repeat the message, with two quick replies."""
    buttons = [
        {"title": "What is palliative care?", "payload": "/what_is_palliative_care"},
        {"title": "Talk to a person", "payload": "/talk_to_person"},
    ]
    return [{"text": f"You said: {text}", "buttons": buttons}]


class ScriptedAgent:
    """Answers as `answer_for` says and records each turn in an in-memory tracker store."""

    def __init__(
        self,
        answer_for: Callable[[str], List[Answer]] = echo,
        intent_for: Callable[[str], str] = lambda text: "greet",
    ) -> None:
        """An agent that has seen no message yet."""
        self.answer_for = answer_for
        self.intent_for = intent_for
        self.tracker_store = InMemoryTrackerStore(Domain.empty())
        self.lock_store = InMemoryLockStore()
        self.received: List[UserMessage] = []

    async def handle_message(self, message: UserMessage) -> None:
        """Answer `message` through its output channel, as Rasa's agent does."""
        self.received.append(message)
        tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, input_channel=message.input_channel))
        for answer in self.answer_for(message.text or ""):
            # Rasa's output channels take the message apart: give them a copy.
            await message.output_channel.send_response(message.sender_id, dict(answer))
            tracker.update(BotUttered(answer.get("text"), data=answer))
        await self.tracker_store.save(tracker)

    async def parse_message(self, text: str) -> Dict[str, Any]:
        """What the understanding makes of `text`: only the intent, from the script."""
        return {"text": text, "intent": {"name": self.intent_for(text), "confidence": 1.0}}

    def senders(self) -> List[str]:
        """The conversation ids of the messages received, in order."""
        return [message.sender_id for message in self.received]


@asynccontextmanager
async def serving(
    channels: Sequence[InputChannel], agent: Optional[Any] = None
) -> AsyncIterator[str]:
    """Run a Sanic server with `channels` under /webhooks/ on loopback; yields its base URL."""
    Sanic.test_mode = True
    app = Sanic(f"channels_{uuid.uuid4().hex}")
    app.ctx.agent = agent or ScriptedAgent()
    register(list(channels), app, "/webhooks/")
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    assert server.server is not None
    port = server.server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for channel in channels:  # socket.io's background pings end with its server
            sio = getattr(channel, "sio", None)
            if sio is not None:
                await sio.eio.shutdown()
        await server.before_stop()
        await server.close()
        await server.after_stop()
