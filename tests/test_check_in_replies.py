"""Replies to the assistant's safety questions, read from their words."""

from typing import Optional

import pytest

from assistant.safety.check_in_replies import (
    admits_thoughts,
    declines,
    leading_answer,
    names_own_thoughts,
    only_unsure,
    opens_with_yes,
    safety_statement,
    speaks_of_own_thoughts,
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
        "pues... ha cruzado por mi mente, no le voy a mentir",
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


@pytest.mark.parametrize(
    ("reply", "answer"),
    [
        # A no, then more: feelings, death words, a question.
        ("No, nothing like that. I'm just exhausted.", "no"),
        ("god no. i want every day i can get", "no"),
        ("nah not like that. just low", "no"),
        ("no hes just tired. he talks about our trip", "no"),
        ("Not at all. I'm sad but I'm still here", "no"),
        ("I don't think so. She's scared, not suicidal.", "no"),
        ("No, Dios mío, no. Quiero cada día con mis hijos", "no"),
        ("noo para nada, perdón si sonó así", "no"),
        ("No creo. Sigue haciendo planes para Navidad", "no"),
        ("No, I am not suicidal, just sad", "no"),
        ("nah no creo, va a luchar hasta el final", "no"),
        # A yes, then more, whatever it says.
        ("yes. is 988 free?", "yes"),
        ("yeah omg im scared, can i text them", "yes"),
        ("Yes. And she isn't on hospice, no doctor suggested it.", "yes"),
        ("Yes 😢 is 988 only in the US?", "yes"),
        ("I'm afraid so. It feels like he's saying goodbye.", "yes"),
        ("Sí. Me dijo que ya no quiere vivir así", "yes"),
        ("si, me da miedo que si", "yes"),
        ("si creo que si. ayer me lo dijo", "yes"),
        ("pues... sí, puede ser", "yes"),
        ("Creo que sí, aunque nunca lo ha dicho así", "yes"),
        ("maybe, but I'd never do it", "yes"),
        ("more than I'd like to admit", "yes"),
        ("La verdad a veces le pido a Dios. No sé si eso es lo que pregunta, pero sí.", "yes"),
        # Doubt first.
        ("no sé, no me cuenta nada", "unsure"),
        ("I don't know, she won't talk to me", "unsure"),
        # Not an answer in its first words, or one taken back.
        ("no one would even notice", None),
        ("no point anymore", None),
        ("no quiero vivir así", None),
        ("si me muero se acaba el dolor", None),
        ("Yeah, no.", None),
        ("Yes, I mean no", None),
        ("kind of. no not really", None),
        ("yeah right, no", None),
        # A no taken back, or with a wish not to live after it.
        ("no. well. not no. some nights it'd be easier not to wake up", None),
        ("no... i mean i don't want to think so. but yes", None),
        ("No. I just want to die in my sleep and not go through this", None),
        ("no. well. sometimes I think it'd be easier if I didn't wake up", None),
        ("no i mean yes", None),
        ("no. i lied.", None),
        ("no... bueno sí", None),
        ("no, just on the bad days", None),
        ("no, solo a veces", None),
        ("no, not seriously", None),
        ("no, I wouldn't act on it", None),
        ("nah, I just want it all to end", None),
        ("no, they'd be better off if I was gone", None),
        ("no, but I've thought about how I'd do it", None),
        ("no, pero ya no quiero vivir", None),
        ("nop, ya no aguanto más", None),
        ("yeah nothing like that", None),
        ("no, but it crosses my mind", None),
        ("no... well, maybe sometimes", None),
        ("maybe not", None),
        ("I'd rather not say", None),
    ],
)
def test_the_answer_a_reply_opens_with(reply: str, answer: Optional[str]) -> None:
    assert leading_answer(reply) == answer


@pytest.mark.parametrize(
    ("reply", "own"),
    [
        ("She might be. Honestly so am I.", True),
        ("probably yeah. and me too", True),
        ("I'm the one who's been thinking about it, if I'm honest", True),
        ("I've been having those thoughts myself", True),
        ("no sé si ella, pero yo a veces pienso en desaparecer", True),
        ("creo que sí... y si ella se va yo me voy con ella", True),
        ("no she's a fighter. it's me who has the thoughts", True),
        ("No, she isn't. I'm the one who thinks about it", True),
        ("No, but I am.", True),
        ("nope. me though", True),
        ("no pero yo sí", True),
        ("no, pero yo también", True),
        ("No. Me.", True),
        ("no, she's fine, I'm just tired", False),
        ("no, she isn't. same here, we're all just tired", False),
        ("yes, I think she is", False),
        ("I'm the one who drives her to chemo", False),
    ],
)
def test_asked_about_someone_else_the_writers_own_thoughts(reply: str, own: bool) -> None:
    assert speaks_of_own_thoughts(reply) is own


@pytest.mark.parametrize(
    "reply",
    ["pass", "Skip.", "im not answering that", "paso", "No me siento cómodo hablando de eso."],
)
def test_a_one_word_pass_declines(reply: str) -> None:
    assert declines(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "passing thoughts, sometimes",
        "skip chemo?",
        "paso las noches pensando en morirme",
        # More than a decline: what follows is heard.
        "pass. honestly I think about it every day",
        "I'm not going to answer that, but yes, I think about it",
    ],
)
def test_pass_or_skip_inside_a_reply_is_not_declining(reply: str) -> None:
    assert not declines(reply)
