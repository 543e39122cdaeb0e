"""SMS through Twilio: POST /webhooks/sms/webhook, answered with TwiML.

Every request must carry a valid `X-Twilio-Signature` for the public webhook
address (`TWILIO_WEBHOOK_URL` behind a proxy, else the address the request
came to). A retried `MessageSid` is answered once; STOP, START and HELP are
handled here; everything else goes to the assistant, and its answer is turned
into a few short, GSM-7 friendly texts within Twilio's 15 second wait.
Phone numbers and message text are never logged.
"""

import asyncio
import logging
import os
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from assistant.channels.channel_texts import (
    HELP_REPLY,
    NOT_DELETED,
    RATE_LIMITED,
    SLOW_REPLY,
    SOMETHING_WENT_WRONG,
    STARTED_REPLY,
    STOPPED_REPLY,
    conversation_language,
    slot_language,
    stored_tracker,
)
from assistant.channels.conversation_ids import sms_conversation_id
from assistant.channels.forgetting import ForgetfulCollectingOutputChannel, forget
from assistant.channels.guards import (
    SenderLimits,
    cap_request_size,
    cut_long_message,
    long_message_note,
)
from assistant.channels.replies import unavailable_answer
from assistant.channels.sms_format import (
    NUMBER_REPLY,
    last_buttons,
    payload_for_number,
    payload_for_title,
    sms_texts,
)
from assistant.channels.sms_keywords import Keyword, keyword_in
from assistant.channels.sms_state import SmsState, sms_database_url
from assistant.secret_keys import SMS_SENDER_ID_KEY, required_secret

logger = logging.getLogger(__name__)

# Twilio gives up on a webhook after 15 s; answer well before that.
DEFAULT_REPLY_BUDGET_SECONDS = 12.0
# Twilio retries within minutes; older message ids are dropped when the server starts.
HANDLED_MESSAGE_DAYS = 7


# Characters XML 1.0 forbids: one of them in an answer would make the whole TwiML invalid.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def twiml(texts: List[str]) -> HTTPResponse:
    """A TwiML answer that sends `texts` as separate messages (none when empty)."""
    reply = MessagingResponse()
    for text in texts:
        reply.message(XML_FORBIDDEN.sub("", text))
    return response.text(str(reply), content_type="application/xml")


def menu_choice(body: str, tracker: Optional[DialogueStateTracker]) -> str:
    """A numbered reply ("2"), or a quick reply's title typed out, becomes its payload."""
    buttons = buttons_of_last_turn(tracker)
    if NUMBER_REPLY.fullmatch(body):
        return payload_for_number(body, buttons) or body
    return payload_for_title(body, buttons) or body


def buttons_of_last_turn(tracker: Optional[DialogueStateTracker]) -> List[Dict[str, Any]]:
    """The quick replies the assistant last offered, if it has said nothing since."""
    if tracker is None:
        return []
    said: List[Dict[str, Any]] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            said.insert(0, event.data or {})
    return last_buttons(said)


def webhook_form(request: Request) -> RequestParameters:
    """The form fields Twilio posted, blank ones included (an MMS has an empty Body).

    Sanic's own `request.form` drops blank fields, which would break the signature.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        return RequestParameters()
    try:
        body = request.body.decode("utf-8")
    except UnicodeDecodeError:
        return RequestParameters()
    return RequestParameters(parse_qs(body, keep_blank_values=True))


def _digits(phone_number: str) -> str:
    return re.sub(r"\D", "", phone_number)


class TwilioSmsInput(InputChannel):
    """Twilio Messaging webhook, configured from the environment.

    TWILIO_AUTH_TOKEN (required: without it every request gets 503),
    TWILIO_ACCOUNT_SID and TWILIO_NUMBER (when set, requests for another account
    or number are refused), TWILIO_WEBHOOK_URL (the public address Twilio posts
    to, when the server is behind a proxy), SMS_REPLY_BUDGET_SECONDS, and the
    secret SMS_SENDER_ID_KEY (the server does not start without it).
    """

    @classmethod
    def name(cls) -> str:
        """Webhook at /webhooks/sms/webhook."""
        return "sms"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        """Settings come from the environment, so no secret sits in credentials.yml."""
        required_secret(SMS_SENDER_ID_KEY)  # refuse to start without it
        budget = os.environ.get("SMS_REPLY_BUDGET_SECONDS") or (credentials or {}).get(
            "reply_budget_seconds", DEFAULT_REPLY_BUDGET_SECONDS
        )
        return cls(
            auth_token=os.environ.get("TWILIO_AUTH_TOKEN", ""),
            account_sid=os.environ.get("TWILIO_ACCOUNT_SID", ""),
            number=os.environ.get("TWILIO_NUMBER", ""),
            webhook_url=os.environ.get("TWILIO_WEBHOOK_URL", ""),
            reply_budget_seconds=float(budget),
            state=SmsState(sms_database_url()),
        )

    def __init__(
        self,
        auth_token: str,
        account_sid: str,
        number: str,
        webhook_url: str,
        reply_budget_seconds: float,
        state: SmsState,
    ) -> None:
        """A channel that checks signatures with `auth_token`."""
        self.validator = RequestValidator(auth_token) if auth_token else None
        self.account_sid = account_sid
        self.number = _digits(number)
        self.webhook_url = webhook_url
        self.reply_budget_seconds = reply_budget_seconds
        self.state = state
        self.limits = SenderLimits.from_environment(self.name())
        state.forget_handled_before(days=HANDLED_MESSAGE_DAYS)
        if not auth_token:
            logger.warning("TWILIO_AUTH_TOKEN is not set: the SMS webhook answers 503.")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health check on GET /, Twilio's webhook on POST /webhook."""
        webhook = Blueprint("twilio_sms_webhook", __name__)
        cap_request_size(webhook)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.validator else "not configured"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.validator is None:
                return response.text("SMS is not set up: TWILIO_AUTH_TOKEN is missing.", 503)
            form = webhook_form(request)
            if not self._from_twilio(request, form):
                return response.text("The request is not signed by Twilio.", 403)
            body, phone = form.get("Body"), form.get("From")
            if body is None or not phone:
                return response.text("Body and From are required.", 400)
            message_sid = form.get("MessageSid") or form.get("SmsSid")
            if message_sid and not await asyncio.to_thread(self.state.first_delivery, message_sid):
                return twiml([])
            sender = sms_conversation_id(phone)
            return twiml(await self._answer(request, on_new_message, sender, body))

        return webhook

    def _from_twilio(self, request: Request, form: RequestParameters) -> bool:
        """A valid signature for this account and number."""
        assert self.validator is not None
        signature = request.headers.get("X-Twilio-Signature", "")
        url = self.webhook_url or request.url
        if not signature or not self.validator.validate(url, form, signature):
            return False
        if self.account_sid and form.get("AccountSid") != self.account_sid:
            return False
        return not self.number or _digits(form.get("To") or "") == self.number

    async def _answer(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        sender: str,
        body: str,
    ) -> List[str]:
        """The texts that answer `body`: a keyword's reply, or the assistant's."""
        agent = getattr(request.app.ctx, "agent", None)
        tracker = await stored_tracker(agent, sender)
        language = slot_language(tracker)
        opted_out = await asyncio.to_thread(self.state.is_opted_out, sender)
        keyword = keyword_in(body, opted_out)
        if keyword is Keyword.OPT_OUT:
            await asyncio.to_thread(self.state.opt_out, sender)
            return [STOPPED_REPLY.in_language(language)]
        if keyword is Keyword.OPT_IN:
            await asyncio.to_thread(self.state.opt_in, sender)
            return [STARTED_REPLY.in_language(language)]
        if keyword is Keyword.HELP:
            return [HELP_REPLY.in_language(language)]
        if keyword is Keyword.HELP_IN_SPANISH:
            return [HELP_REPLY.es]
        if opted_out:
            return []
        text = menu_choice(body, tracker)
        if not await self.limits.admitted(agent, sender, text):
            return [RATE_LIMITED.in_language(language)]
        text, was_cut = cut_long_message(text)
        messages = await self._assistant_messages(on_new_message, agent, sender, text, language)
        # The turn may have changed the language ("hola" in a new conversation).
        language = await conversation_language(agent, sender)
        messages = messages or [{"text": unavailable_answer(agent, language)}]
        if was_cut:
            messages = [{"text": long_message_note(language)}, *messages]
        return sms_texts(messages, language)

    async def _assistant_messages(
        self,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        agent: Any,
        sender: str,
        text: str,
        language: str,
    ) -> List[Dict[str, Any]]:
        """The assistant's messages, or a kind apology in `language` when it fails or is slow.

        A slow message keeps being handled after the apology, so the tracker has it.
        """
        collector = ForgetfulCollectingOutputChannel()
        message = UserMessage(text, collector, sender, input_channel=self.name())
        handling = asyncio.ensure_future(on_new_message(message))
        try:
            await asyncio.wait_for(asyncio.shield(handling), self.reply_budget_seconds)
        except asyncio.TimeoutError:
            logger.warning(
                "An SMS answer took over %.1f s; sent an apology.", self.reply_budget_seconds
            )
            handling.add_done_callback(_log_late_failure)
            return [{"text": SLOW_REPLY.in_language(language)}]
        except Exception as error:  # the person still gets an answer
            logger.error("Handling an SMS failed: %s", type(error).__name__)
            return [{"text": SOMETHING_WENT_WRONG.in_language(language)}]
        if collector.deletion_promised and not await forget(agent, sender):
            return [{"text": NOT_DELETED.in_language(language)}]
        return collector.messages


def _log_late_failure(handling: "asyncio.Future[Any]") -> None:
    if not handling.cancelled() and handling.exception() is not None:
        logger.error("A slow SMS failed: %s", type(handling.exception()).__name__)
