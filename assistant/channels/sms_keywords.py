"""Carrier keywords for SMS: opting out, opting back in, and asking for help.

A keyword counts only as a whole message ("STOP", "stop."): "stop I want to die"
is a message for the assistant, and reaches distress detection like any other.
"""

import enum
import re
from typing import Optional

HELP_REPLY = (
    "MBC Palliative Care Assistant: answers about palliative care and help finding care "
    "nearby. In crisis, call or text 988. In an emergency, call 911. "
    "Reply STOP to stop texts."
)
STOPPED_REPLY = (
    "You won't get any more texts from us. Reply START to talk again. "
    "If you are in crisis, call or text 988."
)
STARTED_REPLY = (
    "Welcome back. Ask me anything about palliative care, or text HELP for help. "
    "If you are in crisis, call or text 988."
)


class Keyword(enum.Enum):
    """What a keyword asks for."""

    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"


# Twilio's default opt-out, opt-in and help keywords.
OPT_OUT_WORDS = frozenset(
    {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"}
)
OPT_IN_WORDS = frozenset({"START", "UNSTOP"})
# "Yes" is an answer to the assistant unless the person has opted out.
OPT_IN_WORDS_WHEN_STOPPED = OPT_IN_WORDS | {"YES"}
HELP_WORDS = frozenset({"HELP", "INFO"})


def keyword_in(body: str, opted_out: bool) -> Optional[Keyword]:
    """The keyword a whole message is, if it is one."""
    word = re.sub(r"[\s.!]+$", "", body.strip()).upper()
    if word in OPT_OUT_WORDS:
        return Keyword.OPT_OUT
    if word in (OPT_IN_WORDS_WHEN_STOPPED if opted_out else OPT_IN_WORDS):
        return Keyword.OPT_IN
    if word in HELP_WORDS:
        return Keyword.HELP
    return None
