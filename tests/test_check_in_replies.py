"""Replies to the direct question that say yes in other words."""

import pytest

from assistant.safety.check_in_replies import admits_thoughts, states_safety


@pytest.mark.parametrize(
    "reply",
    [
        "I don't know, sometimes I think about it",
        "maybe",
        "kind of",
        "sometimes, on the bad nights",
        "i guess so",
        "Yes and no",
        "I'm not sure, maybe",
        "no sé, a veces lo pienso",
        "tal vez",
        "mas o menos",
        "creo que sí",
        "pues a veces se me pasa por la mente",
    ],
)
def test_a_hedged_yes_is_a_yes(reply: str) -> None:
    assert admits_thoughts(reply, heard_as_no=False)


@pytest.mark.parametrize(
    "reply",
    [
        "no, but it crosses my mind",
        "not like planning, but I've thought about it",
        "no, pero lo he pensado",
    ],
)
def test_thoughts_named_after_a_no_are_a_yes(reply: str) -> None:
    assert admits_thoughts(reply, heard_as_no=True)


@pytest.mark.parametrize(
    ("reply", "heard_as_no"),
    [
        ("I don't know", False),
        ("not sure", False),
        ("I'd rather not say", False),
        ("prefiero no decirlo", False),
        ("no sé", False),
        ("no, I'm just tired sometimes", True),
        ("no, a veces estoy triste nada más", True),
        ("no, never, I just want my pain to be managed", True),
        ("maybe sometimes I'm sad but I'm not thinking about that", False),
        ("no, nunca lo pienso", True),
        ("para nada, a veces me deprimo pero no", True),
        ("no lo pienso, solo estoy cansada", False),
    ],
)
def test_an_unclear_reply_or_a_denial_is_not_a_yes(reply: str, heard_as_no: bool) -> None:
    assert not admits_thoughts(reply, heard_as_no=heard_as_no)


@pytest.mark.parametrize(
    "reply",
    [
        "Estoy a salvo ahora",
        "sí estoy a salvo",
        "si, estoy bien",
        "ella está a salvo",
        "sí, ella está bien",
        "yes she is safe",
        "she's safe now",
        "I'm safe right now",
        "ok, we're fine for now, thanks",
    ],
)
def test_a_reply_that_only_says_safe_says_safe(reply: str) -> None:
    assert states_safety(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "no estoy a salvo",
        "no estoy bien",
        "estoy bien mal",
        "estoy a salvo pero quiero morir",
        "I'm not safe",
        "she is not safe",
        "I'm fine, I just want to die",
        "safe?",
    ],
)
def test_a_reply_that_says_more_or_not_safe_is_not_a_statement_of_safety(reply: str) -> None:
    assert not states_safety(reply)
