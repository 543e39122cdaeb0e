"""A browser tab's socket.io connection to the widget's channel, for tests."""

import asyncio
from typing import Any, Dict, List, Optional

import socketio

ANSWER_SECONDS = 30


class WidgetConnection:
    """One browser tab's socket.io connection, collecting what the assistant says."""

    def __init__(self, headers: Optional[Dict[str, str]] = None) -> None:
        """A connection not yet open, that will send `headers` (an Origin); call `open`."""
        self.headers = headers or {}
        self.client = socketio.AsyncClient(reconnection=False)
        self.session_id: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        self.said: asyncio.Queue[Dict[str, Any]] = asyncio.Queue()
        self.client.on("session_confirm", self._confirmed)
        self.client.on("bot_uttered", self.said.put)

    async def _confirmed(self, session_id: str) -> None:
        if not self.session_id.done():
            self.session_id.set_result(session_id)

    async def open(self, rasa_url: str, session_id: Any = None) -> str:
        """Connect and ask for `session_id` (a new one when None); the confirmed id."""
        await self.client.connect(
            rasa_url, headers=self.headers, transports=["websocket"], socketio_path="/socket.io"
        )
        await self.client.emit("session_request", {"session_id": session_id})
        return await asyncio.wait_for(self.session_id, ANSWER_SECONDS)

    async def say(self, data: Any) -> None:
        await self.client.emit("user_uttered", data)

    async def answer(self, settle: float = 1.5) -> List[Dict[str, Any]]:
        """The messages of one answer: the first within the deadline, then any that follow."""
        messages = [await asyncio.wait_for(self.said.get(), ANSWER_SECONDS)]
        while True:
            try:
                messages.append(await asyncio.wait_for(self.said.get(), settle))
            except asyncio.TimeoutError:
                return messages

    async def close(self) -> None:
        await self.client.disconnect()


def text_of(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(str(message.get("text", "")) for message in messages)
