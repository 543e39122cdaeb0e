"""The REST channel, for trusted callers, with request checks and without message text in logs.

Same URL and payload as Rasa's `rest` channel (`POST /webhooks/rest/webhook` with
`{"sender": ..., "message": ...}`). The caller's sender is a conversation of this channel
only (`rest-<sender>`), so no REST caller reaches an SMS or widget conversation. When
REST_CHANNEL_TOKEN is set, a request needs `Authorization: Bearer <token>` (401 otherwise);
without it the channel is open, which suits a local demo only. A malformed request gets a 400
with a short explanation, a failure inside the assistant a kind answer. Message text is never
logged.
"""

import hmac
import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from assistant.channels.channel_texts import (
    NOT_DELETED,
    RATE_LIMITED,
    SOMETHING_WENT_WRONG,
    conversation_language,
)
from assistant.channels.conversation_ids import rest_conversation_id
from assistant.channels.forgetting import ForgetfulCollectingOutputChannel, forget
from assistant.channels.guards import (
    SenderLimits,
    cap_request_size,
    cut_long_message,
    long_message_note,
)
from assistant.channels.replies import unavailable_answer

logger = logging.getLogger(__name__)

MAX_SENDER_LENGTH = 128
TOKEN_VARIABLE = "REST_CHANNEL_TOKEN"


def parse_payload(payload: Any) -> Tuple[Optional[str], str, str, Optional[Dict[str, Any]]]:
    """Return (problem, sender, message, metadata); `problem` is None when valid."""
    if not isinstance(payload, dict):
        return "The body must be a JSON object.", "", "", None
    sender = payload.get("sender")
    if not isinstance(sender, str) or not sender.strip():
        return "'sender' must be a non-empty string.", "", "", None
    if len(sender) > MAX_SENDER_LENGTH:
        return f"'sender' must be at most {MAX_SENDER_LENGTH} characters.", "", "", None
    message = payload.get("message", "")
    if message is None:
        message = ""
    if not isinstance(message, str):
        return "'message' must be a string.", "", "", None
    metadata = payload.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        return "'metadata' must be a JSON object.", "", "", None
    return None, sender, message, metadata


def read_json(request: Request) -> Any:
    """The request's JSON body, or None when it is missing or not JSON."""
    try:
        return request.json
    except Exception:  # Sanic raises its own error type for a bad body
        return None


def bearer_token(request: Request) -> str:
    """The token of an `Authorization: Bearer <token>` header, or ""."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


class CheckedRestInput(InputChannel):
    """REST input channel that checks the caller and validates requests."""

    @classmethod
    def name(cls) -> str:
        """Keeps Rasa's URL: /webhooks/rest/webhook."""
        return "rest"

    def __init__(self, token: Optional[str] = None) -> None:
        """A channel that needs `token` from callers (REST_CHANNEL_TOKEN when not given)."""
        self.token = (token if token is not None else os.environ.get(TOKEN_VARIABLE, "")).strip()
        self.limits = SenderLimits.from_environment(self.name())
        if not self.token:
            logger.warning(
                "%s is not set: the REST channel answers any caller. Set it, or remove REST "
                "from credentials.yml, in production.",
                TOKEN_VARIABLE,
            )

    def _authorized(self, request: Request) -> bool:
        if not self.token:
            return True
        return hmac.compare_digest(bearer_token(request).encode(), self.token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health check on GET /, messages on POST /webhook."""
        webhook = Blueprint("checked_rest_webhook", __name__)
        cap_request_size(webhook)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self._authorized(request):
                return response.json(
                    {"error": "This channel needs 'Authorization: Bearer <token>'."},
                    status=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
            problem, sender, message, metadata = parse_payload(read_json(request))
            if problem:
                return response.json({"error": problem}, status=400)
            conversation = rest_conversation_id(sender)
            agent = getattr(request.app.ctx, "agent", None)
            if not await self.limits.admitted(agent, conversation, message):
                language = await conversation_language(agent, conversation)
                limited = [{"recipient_id": sender, "text": RATE_LIMITED.in_language(language)}]
                return response.json(limited, status=429, headers={"Retry-After": "60"})
            message, was_cut = cut_long_message(message)
            answers = await self._answers(on_new_message, agent, conversation, message, metadata)
            if was_cut:
                language = await conversation_language(agent, conversation)
                answers.insert(0, {"text": long_message_note(language)})
            return response.json([{**answer, "recipient_id": sender} for answer in answers])

        return webhook

    async def _answers(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        agent: Any,
        conversation: str,
        message: str,
        metadata: Optional[Dict[str, Any]],
    ) -> List[Dict[str, Any]]:
        """The assistant's answers, or one kind message when there are none."""
        collector = ForgetfulCollectingOutputChannel()
        try:
            await on_new_message(
                UserMessage(
                    message, collector, conversation, input_channel=self.name(), metadata=metadata
                )
            )
        except Exception as error:  # the person still gets an answer
            logger.error("Handling a REST message failed: %s", type(error).__name__)
            language = await conversation_language(agent, conversation)
            return [{"text": SOMETHING_WENT_WRONG.in_language(language)}]
        if collector.messages and not collector.deletion_promised:
            return list(collector.messages)
        language = await conversation_language(agent, conversation)
        if not collector.messages:
            return [{"text": unavailable_answer(agent, language)}]
        if not await forget(agent, conversation):
            return [{"text": NOT_DELETED.in_language(language)}]
        return list(collector.messages)
