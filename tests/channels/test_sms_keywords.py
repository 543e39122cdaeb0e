"""STOP, START and HELP count only as whole messages."""

import pytest

from assistant.channels.channel_texts import HELP_REPLY
from assistant.channels.sms_keywords import Keyword, keyword_in


@pytest.mark.parametrize(
    "body", ["STOP", "stop", " Stop. ", "unsubscribe", "CANCEL", "quit!", "End"]
)
def test_opt_out_words_alone_opt_out(body: str) -> None:
    assert keyword_in(body, opted_out=False) is Keyword.OPT_OUT


@pytest.mark.parametrize(
    "body",
    [
        "stop I want to die",
        "stop it",
        "please stop",
        "cancel my appointment",
        "help me",
        "I need help",
    ],
)
def test_keywords_inside_a_longer_message_are_normal_messages(body: str) -> None:
    assert keyword_in(body, opted_out=False) is None


def test_start_opts_in_and_yes_only_when_stopped() -> None:
    assert keyword_in("START", opted_out=False) is Keyword.OPT_IN
    assert keyword_in("unstop", opted_out=True) is Keyword.OPT_IN
    assert keyword_in("yes", opted_out=True) is Keyword.OPT_IN
    assert keyword_in("yes", opted_out=False) is None


def test_help_is_short_and_names_the_crisis_line() -> None:
    assert keyword_in("help", opted_out=False) is Keyword.HELP
    assert keyword_in("INFO", opted_out=True) is Keyword.HELP
    assert "988" in HELP_REPLY.en and "911" in HELP_REPLY.en
    assert len(HELP_REPLY.en) <= 160 * 2


@pytest.mark.parametrize("body", ["PARAR", "alto", "Baja"])
def test_spanish_stop_words_do_not_opt_out_because_twilio_does_not_treat_them_so(
    body: str,
) -> None:
    # Twilio's default opt-out handles English words only (docs/channels.md); a texter
    # told "you have opted out" while Twilio kept delivering would be misled.
    assert keyword_in(body, opted_out=False) is None


def test_ayuda_alone_gets_the_help_reply_in_spanish_with_988s_spanish_line() -> None:
    assert keyword_in("AYUDA", opted_out=False) is Keyword.HELP_IN_SPANISH
    assert keyword_in("ayuda!", opted_out=False) is Keyword.HELP_IN_SPANISH
    assert keyword_in("ayuda por favor, mi mamá", opted_out=False) is None
    assert "988 y oprima el 2" in HELP_REPLY.es and "911" in HELP_REPLY.es
