"""Carrier keywords for SMS: opting out, opting back in, and asking for help.

The replies are in assistant/channels/channel_texts.py, in the conversation's
language. A keyword counts only as a whole message ("STOP", "stop."): "stop I want to die"
is a message for the assistant, and reaches distress detection like any other.
"""

import enum
import re
from typing import Optional


class Keyword(enum.Enum):
    """What a keyword asks for."""

    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    HELP_IN_SPANISH = "help_in_spanish"


# Twilio's default opt-out, opt-in and help keywords.
OPT_OUT_WORDS = frozenset(
    {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"}
)
OPT_IN_WORDS = frozenset({"START", "UNSTOP"})
# "Yes" is an answer to the assistant unless the person has opted out.
OPT_IN_WORDS_WHEN_STOPPED = OPT_IN_WORDS | {"YES"}
HELP_WORDS = frozenset({"HELP", "INFO"})
# "AYUDA" alone is a Spanish texter asking for help: the help reply, in Spanish, which
# names 988's Spanish line first among what to do.
SPANISH_HELP_WORDS = frozenset({"AYUDA"})


def keyword_in(body: str, opted_out: bool) -> Optional[Keyword]:
    """The keyword a whole message is, if it is one."""
    word = re.sub(r"[\s.!]+$", "", body.strip()).upper()
    if word in OPT_OUT_WORDS:
        return Keyword.OPT_OUT
    if word in (OPT_IN_WORDS_WHEN_STOPPED if opted_out else OPT_IN_WORDS):
        return Keyword.OPT_IN
    if word in HELP_WORDS:
        return Keyword.HELP
    if word in SPANISH_HELP_WORDS:
        return Keyword.HELP_IN_SPANISH
    return None
