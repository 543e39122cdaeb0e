"""Replies to the assistant's safety questions, read from their words."""

from typing import Optional

import pytest

from assistant.safety.check_in_replies import (
    admits_thoughts,
    names_own_thoughts,
    only_unsure,
    opens_with_yes,
    safety_statement,
)


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
        "si, a veces",
        "pues a veces se me pasa por la mente",
        # A denial of acting, then the thoughts admitted.
        "I'd never do it but sometimes I think about it",
        "nunca lo haría, pero a veces lo pienso",
        "I’m not going to act on it, but it crosses my mind",
        "no pienso en otra cosa",
    ],
)
def test_a_hedged_or_partial_yes_is_a_yes(reply: str) -> None:
    assert admits_thoughts(reply, heard_as_no=False)


@pytest.mark.parametrize(
    ("reply", "says_yes"),
    [
        ("yes. can I text 988 instead of calling?", True),
        ("Yeah, is it open at night?", True),
        ("sí, ¿el 988 atiende en español?", True),
        ("I am. what do they do?", True),
        ("yes I am. can I text 988?", True),
        ("honestly yes, is it open now", True),
        ("pues sí, ¿cómo llamo?", True),
        ("no. what is 988?", False),
        # Doubt, a refusal or a negation anywhere: not a plain yes.
        ("I am not sure, what is 988?", False),
        ("Yeah, no. what is 988 though?", False),
        ("Yes, I mean no. what is 988", False),
        ("I am, not really. what is 988", False),
        ("yeah, I'd rather not say. is 988 free?", False),
        ("¿Sí?", False),
        ("what is 988?", False),
        ("yesterday I asked about hospice", False),
        ("ok, who gives palliative care?", False),
    ],
)
def test_a_plain_yes_before_a_question_is_told_apart(reply: str, says_yes: bool) -> None:
    assert opens_with_yes(reply) is says_yes


@pytest.mark.parametrize(
    "reply",
    ["no sé", "No lo sé", "idk", "I’m not sure", "honestly I don't know", "no sé la verdad"],
)
def test_i_dont_know_alone_is_unsure(reply: str) -> None:
    assert only_unsure(reply)


@pytest.mark.parametrize(
    "reply",
    ["no", "nope", "no, I don't know what you mean", "not sure, maybe", "no sé, a veces lo pienso"],
)
def test_a_no_or_more_than_i_dont_know_is_not_only_unsure(reply: str) -> None:
    assert not only_unsure(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I don't know, I've thought about it myself",
        "sometimes I think about it too",
        "no, but it crosses my mind sometimes",
        "a veces lo pienso yo también",
        "se me ha pasado por la mente a mí",
    ],
)
def test_the_writers_own_thoughts_are_named(reply: str) -> None:
    assert names_own_thoughts(reply)


@pytest.mark.parametrize(
    "reply", ["maybe", "yes", "a veces", "I'd rather not say, I think about it"]
)
def test_a_hedge_or_a_decline_names_no_thoughts_of_the_writer(reply: str) -> None:
    assert not names_own_thoughts(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "no, but it crosses my mind",
        "not like planning, but I've thought about it",
        "no, pero lo he pensado",
        "no pienso en otra cosa",
    ],
)
def test_thoughts_named_after_a_no_are_a_yes(reply: str) -> None:
    assert admits_thoughts(reply, heard_as_no=True)


@pytest.mark.parametrize(
    "reply",
    [
        "I don't know",
        "not sure",
        "no sé",
        "I'd rather not say",
        "prefiero no decirlo",
        # Declining, with a hedge word in it.
        "I'd rather not say, it's a bit personal",
        "I'd rather not talk about it right now, maybe later",
        "prefiero no hablar de eso, tal vez otro día",
        "prefiero no decirlo, me da un poco de pena",
        # A hedged no.
        "maybe not",
        "probably not",
        "tal vez no",
        "quizás no",
        "puede ser que no",
        "not even a little",
        "ni un poco",
        # Other remarks.
        "no sé, a veces me siento triste",
        "I'm a bit tired",
        "maybe sometimes I'm sad but I'm not thinking about that",
        "I’m not thinking about it, maybe I'm just tired",
        "no lo pienso, solo estoy cansada",
    ],
)
def test_an_unclear_reply_a_decline_or_a_hedged_no_is_not_a_yes(reply: str) -> None:
    assert not admits_thoughts(reply, heard_as_no=False)


@pytest.mark.parametrize(
    "reply",
    [
        "no, no lo he pensado",
        "no lo estoy pensando",
        "no, no lo considero",
        "No, no se me pasa por la mente",
        "no he tenido esos pensamientos",
        "No, it hasn't crossed my mind",
        "no, that doesn’t cross my mind",
        "No, I had some bad news today, that's all",
        "no, I've had some rough days with chemo",
        "No, pero he tenido algunos días malos",
        "no, lo pensé y quiero hablar de hospicio",
        "no, I'm just tired sometimes",
        "no, a veces estoy triste nada más",
        "no, never, I just want my pain to be managed",
        "no, nunca lo pienso",
        "para nada, a veces me deprimo pero no",
    ],
)
def test_a_denial_is_never_a_yes(reply: str) -> None:
    assert not admits_thoughts(reply, heard_as_no=True)
    assert not admits_thoughts(reply, heard_as_no=False)


@pytest.mark.parametrize(
    ("reply", "intent"),
    [
        ("Estoy a salvo ahora", "say_safe"),
        ("La persona está a salvo", "say_safe"),
        ("ella está a salvo", "say_safe"),
        ("mi mamá está bien", "say_safe"),
        ("They're safe right now", "say_safe"),
        ("she’s safe now", "say_safe"),
        ("I’m safe", "say_safe"),
        ("ok, we're fine for now, thanks", "say_safe"),
        # Starting with yes: safe after "are you safe?", and the yes it says after "are you
        # having thoughts of ending your life?".
        ("sí estoy a salvo", "affirm"),
        ("Sí. Estoy bien por ahora", "affirm"),
        ("sí, estoy segura", "affirm"),
        ("yes she is safe", "affirm"),
    ],
)
def test_a_reply_that_only_says_safe_says_safe(reply: str, intent: str) -> None:
    assert safety_statement(reply) == intent


@pytest.mark.parametrize(
    "reply",
    [
        "no estoy a salvo",
        "no estoy bien",
        "estoy bien mal",
        "ya estoy tranquila",
        "mi pastillas están bien",
        "estoy a salvo pero quiero morir",
        "I'm not safe",
        "she is not safe",
        "I'm fine, I just want to die",
        "safe?",
    ],
)
def test_a_reply_that_says_more_or_not_safe_is_not_a_statement_of_safety(reply: str) -> None:
    statement: Optional[str] = safety_statement(reply)
    assert statement is None
