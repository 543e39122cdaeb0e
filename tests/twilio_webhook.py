"""Text the SMS webhook as Twilio would: its form fields, real signatures, TwiML answers.

`Texter` posts to a running Rasa server; the form and signature helpers serve the
in-process channel tests too.
"""

import uuid
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import requests
from twilio.request_validator import RequestValidator

from assistant.channels.conversation_ids import sms_conversation_id
from tests.harness.keys import TEST_SECRETS

AUTH_TOKEN = "test-auth-token-not-a-real-one"
ACCOUNT_SID = "AC00000000000000000000000000000000"
NUMBER = "+15550100999"
WEBHOOK_PATH = "/webhooks/sms/webhook"


def sms_environment(state_dir: Path, **extra: str) -> Dict[str, str]:
    """What a server under test needs: Twilio's settings, its own SMS database, the secrets."""
    return {
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_NUMBER": NUMBER,
        "SMS_DATABASE_URL": f"sqlite:///{state_dir}/sms-{uuid.uuid4().hex[:8]}.sqlite3",
        **TEST_SECRETS,
        **extra,
    }


def conversation_of(phone: str) -> str:
    """The conversation id a test server gives the texter `phone`."""
    return sms_conversation_id(phone, key=TEST_SECRETS["SMS_SENDER_ID_KEY"].encode())


def new_phone() -> str:
    """A fictional phone number (555-01xx range) for one conversation."""
    return f"+1555010{uuid.uuid4().int % 10000:04d}"


def incoming_text(phone: str, body: str, message_sid: Optional[str] = None) -> Dict[str, str]:
    """The form fields Twilio posts for a text from `phone` to the assistant's number."""
    return {
        "MessageSid": message_sid or f"SM{uuid.uuid4().hex}",
        "AccountSid": ACCOUNT_SID,
        "From": phone,
        "To": NUMBER,
        "Body": body,
        "NumMedia": "0",
    }


def signature(url: str, params: Dict[str, str], token: str = AUTH_TOKEN) -> Dict[str, str]:
    """The `X-Twilio-Signature` header Twilio sends with `params` posted to `url`."""
    return {"X-Twilio-Signature": RequestValidator(token).compute_signature(url, params)}


@dataclass
class Texter:
    """One phone texting the assistant through the webhook at `rasa_url`."""

    rasa_url: str
    phone: str = field(default_factory=new_phone)
    signed_url: Optional[str] = None

    def post(
        self,
        params: Dict[str, str],
        token: str = AUTH_TOKEN,
        signed: bool = True,
    ) -> requests.Response:
        """POST form `params` with a signature computed for `signed_url`."""
        url = f"{self.rasa_url}{WEBHOOK_PATH}"
        headers = signature(self.signed_url or url, params, token) if signed else {}
        return requests.post(url, data=params, headers=headers, timeout=30)

    def params(self, body: str, message_sid: Optional[str] = None) -> Dict[str, str]:
        """The form fields Twilio sends for an incoming text."""
        return incoming_text(self.phone, body, message_sid)

    def text(self, body: str, message_sid: Optional[str] = None) -> List[str]:
        """Send `body`; the texts the TwiML answer sends back."""
        response = self.post(self.params(body, message_sid))
        assert response.status_code == 200, response.text
        assert response.headers["Content-Type"].startswith("application/xml")
        return twiml_messages(response.text)


def twiml_messages(twiml: str) -> List[str]:
    """The bodies of the <Message> elements in a TwiML answer."""
    root = ElementTree.fromstring(twiml)
    assert root.tag == "Response"
    return [message.text or "" for message in root.iter("Message")]
