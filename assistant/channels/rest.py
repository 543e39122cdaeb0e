"""The REST channel, with request checks and without message text in logs.

Same URL and payload as Rasa's `rest` channel (`POST /webhooks/rest/webhook`
with `{"sender": ..., "message": ...}`), but a malformed request gets a 400
with a short explanation instead of a 500, and a failure inside the assistant
gets a kind answer instead of an empty list. Message text is never logged.
"""

import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from assistant.channels.forgetting import NOT_DELETED, ForgetfulCollectingOutputChannel, forget
from assistant.channels.guards import (
    RATE_LIMITED,
    admitted,
    cap_request_size,
    rate_limiter_from_environment,
)
from assistant.channels.replies import SOMETHING_WENT_WRONG, unavailable_answer

logger = logging.getLogger(__name__)

MAX_SENDER_LENGTH = 128


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


class CheckedRestInput(InputChannel):
    """REST input channel that validates requests."""

    @classmethod
    def name(cls) -> str:
        """Keeps Rasa's URL: /webhooks/rest/webhook."""
        return "rest"

    def __init__(self) -> None:
        """A channel with its own per-sender rate limit."""
        self.limiter = rate_limiter_from_environment()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health check on GET /, messages on POST /webhook."""
        webhook = Blueprint("checked_rest_webhook", __name__)
        cap_request_size(webhook)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            problem, sender, message, metadata = parse_payload(read_json(request))
            if problem:
                return response.json({"error": problem}, status=400)
            agent = getattr(request.app.ctx, "agent", None)
            if not await admitted(self.limiter, agent, sender, message):
                limited = [{"recipient_id": sender, "text": RATE_LIMITED}]
                return response.json(limited, status=429, headers={"Retry-After": "60"})
            collector = ForgetfulCollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        message,
                        collector,
                        sender,
                        input_channel=self.name(),
                        metadata=metadata,
                    )
                )
            except Exception as error:  # the person still gets an answer
                logger.error("Handling a REST message failed: %s", type(error).__name__)
                return response.json([{"recipient_id": sender, "text": SOMETHING_WENT_WRONG}])
            if not collector.messages:
                return response.json([{"recipient_id": sender, "text": unavailable_answer(agent)}])
            if collector.deletion_promised and not await forget(agent, sender):
                return response.json([{"recipient_id": sender, "text": NOT_DELETED}])
            return response.json(collector.messages)

        return webhook
