"""The socket.io channel for the website chat widget, with request checks.

Same events as Rasa's `socketio` channel (`session_request` / `session_confirm`,
`user_uttered` / `bot_uttered`) with session persistence always on: a
conversation is its session id, so a reload continues it. A socket may only
speak in a session it asked for; a message without a valid session id, or that
is not text, gets a kind answer instead of being dropped silently, and a
failure inside the assistant gets an apology. Message text is never logged.
"""

import logging
import re
import uuid
import warnings
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from assistant.channels.forgetting import NOT_DELETED, announces_deletion, forget
from assistant.channels.guards import RATE_LIMITED, admitted, rate_limiter_from_environment
from assistant.channels.replies import SOMETHING_WENT_WRONG, unavailable_answer

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
LOST_SESSION = (
    "I'm sorry, I lost track of our conversation. Please reload the page to carry on. "
    "If this is an emergency, call 911."
)
NOT_TEXT = "I'm sorry, I can only read text messages. Could you type your message?"
# Tells the widget to forget its copy of the conversation too.
CONVERSATION_DELETED = "conversation_deleted"


def valid_session_id(data: Any) -> Optional[str]:
    """The session id in an event's data, when there is a well-formed one."""
    session_id = data.get("session_id") if isinstance(data, dict) else None
    if isinstance(session_id, str) and SESSION_ID.fullmatch(session_id):
        return session_id
    return None


class CountingSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output, counting what it sends and noticing a promised deletion."""

    def __init__(self, sio: AsyncServer, bot_message_evt: str) -> None:
        """An output that has sent nothing yet."""
        super().__init__(sio, bot_message_evt)
        self.sent = 0
        self.deletion_promised = False

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        """Send `message`."""
        self.deletion_promised = self.deletion_promised or announces_deletion(message)
        await super().send_response(recipient_id, message)

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)


class CheckedSocketIOInput(InputChannel):
    """socket.io input channel that keeps conversations by session id."""

    @classmethod
    def name(cls) -> str:
        """Keeps Rasa's channel name (and its /socket.io path)."""
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        """Event names from credentials.yml, as for Rasa's channel."""
        credentials = credentials or {}
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("socketio_path", "/socket.io"),
        )

    def __init__(self, user_message_evt: str, bot_message_evt: str, socketio_path: str) -> None:
        """A channel using these event names."""
        self.user_message_evt = user_message_evt
        self.bot_message_evt = bot_message_evt
        self.socketio_path = socketio_path
        self.sio: Optional[AsyncServer] = None
        self.limiter = rate_limiter_from_environment()

    def get_output_channel(self) -> Optional[OutputChannel]:
        """For messages the assistant sends on its own (reminders, external events)."""
        return SocketIOOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """The socket.io server, and a health check on GET /webhooks/socketio/."""
        # Sanic 21.12 (pinned by Rasa 3.6) passes coroutines to asyncio.wait when a websocket
        # closes, which Python 3.10 flags on the first close; Sanic 22 fixed it. Not a
        # problem to report in the server's log.
        warnings.filterwarnings(
            "ignore",
            message="The explicit passing of coroutine objects to asyncio.wait",
            category=DeprecationWarning,
        )
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        self.sio = sio
        socket_blueprint = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)

        @socket_blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("session_request")
        async def session_request(sid: str, data: Any = None) -> None:
            session_id = valid_session_id(data) or uuid.uuid4().hex
            sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        agent = None

        @socket_blueprint.listener("after_server_start")
        async def remember_agent(app: Any, _: Any) -> None:
            nonlocal agent
            agent = getattr(app.ctx, "agent", None)

        @sio.on(self.user_message_evt)
        async def user_message(sid: str, data: Any = None) -> None:
            session_id = valid_session_id(data)
            if session_id is None or session_id not in sio.rooms(sid):
                await sio.emit(self.bot_message_evt, {"text": LOST_SESSION}, room=sid)
                return
            text = data.get("message", "")
            if not isinstance(text, str):
                await sio.emit(self.bot_message_evt, {"text": NOT_TEXT}, room=sid)
                return
            if not await admitted(self.limiter, agent, session_id, text):
                await sio.emit(self.bot_message_evt, {"text": RATE_LIMITED}, room=sid)
                return
            output = CountingSocketIOOutput(sio, self.bot_message_evt)
            message = UserMessage(text, output, session_id, input_channel=self.name())
            reply: Optional[str] = None
            try:
                await on_new_message(message)
            except Exception as error:  # the person still gets an answer
                logger.error("Handling a socket.io message failed: %s", type(error).__name__)
                reply = SOMETHING_WENT_WRONG
            if reply is None and output.sent == 0:
                reply = unavailable_answer(agent)
            if reply is None and output.deletion_promised:
                if await forget(agent, session_id):
                    await sio.emit(CONVERSATION_DELETED, room=session_id)
                else:
                    reply = NOT_DELETED
            if reply is not None:
                await sio.emit(self.bot_message_evt, {"text": reply}, room=session_id)

        return socket_blueprint
