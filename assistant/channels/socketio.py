"""The socket.io channel for the website chat widget, with sessions the server issues.

Same events as Rasa's `socketio` channel (`session_request` / `session_confirm`,
`user_uttered` / `bot_uttered`). The server issues each session id, signed with
WEBCHAT_SESSION_SECRET; a client that presents one the server did not issue gets a new
session, while every tab of one person keeps sharing theirs (`conversation_ids.WebSessions`).
A socket may only speak in a session it asked for; a message without a valid session id, or
that is not text, gets a kind answer instead of being dropped silently, and a failure inside
the assistant gets an apology. Only pages from WEBCHAT_ALLOWED_ORIGINS may connect. Message
text is never logged.
"""

import logging
import os
import warnings
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from assistant.channels.channel_texts import (
    LOST_SESSION,
    NOT_DELETED,
    NOT_TEXT,
    RATE_LIMITED,
    SOMETHING_WENT_WRONG,
    conversation_language,
)
from assistant.channels.conversation_ids import WebSessions
from assistant.channels.forgetting import announces_deletion, forget
from assistant.channels.guards import (
    SenderLimits,
    cap_request_size,
    cut_long_message,
    long_message_note,
    max_request_bytes,
)
from assistant.channels.replies import unavailable_answer

logger = logging.getLogger(__name__)

# The demo page of `make run`; a site that embeds the widget lists its own origins.
DEFAULT_ALLOWED_ORIGINS = "http://localhost:8000,http://127.0.0.1:8000"
# Tells the widget the conversation's language after each turn ("en" or "es").
LANGUAGE_EVENT = "conversation_language"
# Tells the widget to forget its copy of the conversation too.
CONVERSATION_DELETED = "conversation_deleted"


def allowed_origins() -> List[str]:
    """WEBCHAT_ALLOWED_ORIGINS: the pages (scheme://host[:port]) that may open the widget."""
    value = os.environ.get("WEBCHAT_ALLOWED_ORIGINS") or DEFAULT_ALLOWED_ORIGINS
    return [origin.strip().rstrip("/") for origin in value.split(",") if origin.strip()]


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


class QuietSocketBlueprint(SocketBlueprint):
    """Rasa's socket.io blueprint, without an error in the log each time a websocket closes.

    When a websocket connection ends, engine.io's request handler returns nothing, and Sanic
    21.12 (pinned by Rasa 3.6) logs "Invalid response type None" with a traceback unless the
    handler is marked as a websocket handler (sanic-org/sanic#2105). So the engine.io route
    is registered here, through a handler that carries that mark.
    """

    def register(self, app: Any, options: Dict[str, Any]) -> None:
        """Route engine.io's requests to the socket.io server, then register the blueprint."""
        sio = self.ctx.sio

        async def handle_engineio_request(request: Request) -> Optional[HTTPResponse]:
            return await sio.handle_request(request)

        handle_engineio_request.is_websocket = True  # type: ignore[attr-defined]
        path = "/" + self.ctx.socketio_path.strip("/") + "/"
        app.add_route(handle_engineio_request, path, methods=["GET", "POST", "OPTIONS"])
        app.enable_websocket()
        Blueprint.register(self, app, options)


class CheckedSocketIOInput(InputChannel):
    """socket.io input channel whose conversations are the sessions it issued."""

    @classmethod
    def name(cls) -> str:
        """Keeps Rasa's channel name (and its /socket.io path)."""
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        """Event names from credentials.yml, as Rasa's channel; the secret from the environment."""
        credentials = credentials or {}
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("socketio_path", "/socket.io"),
            WebSessions.from_environment(),
        )

    def __init__(
        self,
        user_message_evt: str,
        bot_message_evt: str,
        socketio_path: str,
        sessions: WebSessions,
    ) -> None:
        """A channel using these event names, issuing sessions with `sessions`."""
        self.user_message_evt = user_message_evt
        self.bot_message_evt = bot_message_evt
        self.socketio_path = socketio_path
        self.sessions = sessions
        self.sio: Optional[AsyncServer] = None
        self.limits = SenderLimits.from_environment(self.name())

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
        sio = AsyncServer(
            async_mode="sanic",
            cors_allowed_origins=allowed_origins(),
            max_http_buffer_size=max_request_bytes(),
        )
        self.sio = sio
        socket_blueprint = QuietSocketBlueprint(
            sio, self.socketio_path, "socketio_webhook", __name__
        )
        cap_request_size(socket_blueprint)

        @socket_blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("session_request")
        async def session_request(sid: str, data: Any = None) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            session_id = asked if self.sessions.conversation_of(asked) else self.sessions.issue()
            conversation = self.sessions.conversation_of(session_id)
            sio.enter_room(sid, conversation)
            await sio.emit("session_confirm", session_id, room=sid)

        agent = None

        @socket_blueprint.listener("after_server_start")
        async def remember_agent(app: Any, _: Any) -> None:
            nonlocal agent
            agent = getattr(app.ctx, "agent", None)

        @sio.on(self.user_message_evt)
        async def user_message(sid: str, data: Any = None) -> None:
            session_id = data.get("session_id") if isinstance(data, dict) else None
            conversation = self.sessions.conversation_of(session_id)
            if conversation is None or conversation not in sio.rooms(sid):
                # No conversation says which language: both.
                await sio.emit(self.bot_message_evt, {"text": LOST_SESSION.both()}, room=sid)
                return
            language = await conversation_language(agent, conversation)
            text = data.get("message", "")
            if not isinstance(text, str):
                not_text = NOT_TEXT.in_language(language)
                await sio.emit(self.bot_message_evt, {"text": not_text}, room=sid)
                return
            if not await self.limits.admitted(agent, conversation, text):
                limited = RATE_LIMITED.in_language(language)
                await sio.emit(self.bot_message_evt, {"text": limited}, room=sid)
                return
            text, was_cut = cut_long_message(text)
            if was_cut:
                note = long_message_note(language)
                await sio.emit(self.bot_message_evt, {"text": note}, room=sid)
            reply = await self._handle(on_new_message, agent, conversation, text)
            if reply is not None:
                await sio.emit(self.bot_message_evt, {"text": reply}, room=conversation)
            # The widget follows the assistant into the language this turn's answers are in.
            language = await conversation_language(agent, conversation)
            await sio.emit(LANGUAGE_EVENT, language, room=conversation)

        return socket_blueprint

    async def _handle(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        agent: Any,
        conversation: str,
        text: str,
    ) -> Optional[str]:
        """Pass `text` to the assistant; what the channel must say itself, if anything."""
        assert self.sio is not None
        output = CountingSocketIOOutput(self.sio, self.bot_message_evt)
        message = UserMessage(text, output, conversation, input_channel=self.name())
        try:
            await on_new_message(message)
        except Exception as error:  # the person still gets an answer
            logger.error("Handling a socket.io message failed: %s", type(error).__name__)
            language = await conversation_language(agent, conversation)
            return SOMETHING_WENT_WRONG.in_language(language)
        if output.sent and not output.deletion_promised:
            return None
        language = await conversation_language(agent, conversation)
        if output.sent == 0:
            return unavailable_answer(agent, language)
        if not await forget(agent, conversation):
            return NOT_DELETED.in_language(language)
        await self.sio.emit(CONVERSATION_DELETED, room=conversation)
        return None
