"""Conversation ids belong to their channel: `rest-`, `web-` and `sms-`, never shared.

Each channel maps what it receives into its own namespace, so no channel can address another
channel's conversation. The widget's session ids are issued by the server and signed with
WEBCHAT_SESSION_SECRET: a client can keep its own (several tabs of one person share it), but
cannot make one up.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any, Optional

from assistant.secret_keys import (
    SMS_SENDER_ID_KEY,
    WEBCHAT_SESSION_SECRET,
    keyed_id,
    required_secret,
)

REST_PREFIX = "rest-"
WEB_PREFIX = "web-"
SMS_PREFIX = "sms-"
# A web session id: 32 random hex digits, a dash, and their signature (32 hex digits).
WEB_SESSION_ID = re.compile(r"([0-9a-f]{32})-([0-9a-f]{32})")


def rest_conversation_id(sender: str) -> str:
    """The conversation of a REST caller's `sender`."""
    return REST_PREFIX + sender


def sms_conversation_id(phone_number: str, key: Optional[bytes] = None) -> str:
    """The conversation of a phone number: an HMAC keyed by SMS_SENDER_ID_KEY, never the number."""
    return SMS_PREFIX + keyed_id(SMS_SENDER_ID_KEY, phone_number.strip(), key=key)


class WebSessions:
    """Issues the widget's session ids and checks the ones clients present."""

    def __init__(self, secret: bytes) -> None:
        """Sign with `secret`."""
        self.secret = secret

    @classmethod
    def from_environment(cls) -> WebSessions:
        """Sessions signed with WEBCHAT_SESSION_SECRET (required)."""
        return cls(required_secret(WEBCHAT_SESSION_SECRET))

    def _signature(self, random_part: str) -> str:
        return hmac.new(self.secret, random_part.encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> str:
        """A new session id."""
        random_part = secrets.token_hex(16)
        return f"{random_part}-{self._signature(random_part)}"

    def conversation_of(self, session_id: Any) -> Optional[str]:
        """The conversation of a session id this server issued; None for any other value."""
        match = WEB_SESSION_ID.fullmatch(session_id) if isinstance(session_id, str) else None
        if match is None or not hmac.compare_digest(match[2], self._signature(match[1])):
            return None
        return WEB_PREFIX + match[1]
