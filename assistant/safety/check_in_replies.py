"""Replies to the assistant's safety questions, read from the words in English and Spanish.

"Are you having thoughts of ending your life?": "sometimes I think about it", "maybe",
"kind of", "a veces lo pienso" are a yes to a counselor, and so to the assistant, though
the intent classifier hears only an unclear answer ("rather not say"). "I don't know" alone
and "not sure" stay unclear; a denial ("no, never", "no lo pienso") is never read as yes.

"Are you safe right now?": "she's safe now", "sí, estoy a salvo" say so, though their
sentence vectors sit next to "I'm not safe"; the risk layer must not read them as a crisis.
"""

from __future__ import annotations

import re

from assistant.safety.spanish import fold

# The person says the thoughts come: even after "no" ("no, well, it crosses my mind").
THINKS_ABOUT_IT = re.compile(
    r"\b(i (do |have )?(think|thought) about (it|that)|i('ve| have)? thought (about|of) (it|that)"
    r"|(it )?cross(es|ed)? my mind|i('ve| have)? considered it|i('ve| have)? had (those|them|some)"
    r"|lo (pienso|pense|he pensado|considero|he considerado)|lo estoy pensando"
    r"|(se me|me) (pasa|paso|ha pasado|viene|vino) (por|a) (la|mi) (mente|cabeza)"
    r"|(he|ha) tenido (esos|esas|algunos|algunas))\b"
)
# A hedged yes: counted only when the reply was not heard as "no".
HEDGED_YES = re.compile(
    r"\b(sometimes|at times|now and then|once in a while|some days|on bad days|maybe|perhaps"
    r"|kind of|kinda|sort of|sorta|a little|a bit|i think so|i guess so|probably|yes and no"
    r"|a veces|de vez en cuando|algunos dias|los dias malos|quizas?|tal vez|puede ser"
    r"|creo que si|mas o menos|un poco|algo asi|si y no|pues si|probablemente)\b"
)
DENIAL = re.compile(
    r"\b(never|not really|not at all|no way|of course not"
    r"|i('m| am) not (thinking|having|suicidal|going)|i don'?t think (about|of)"
    r"|nunca|jamas|para nada|claro que no|no lo pienso|no pienso|no estoy pensando"
    r"|de ninguna manera)\b"
)


def admits_thoughts(text: str, heard_as_no: bool) -> bool:
    """Whether a reply to the direct question says the thoughts are there, in other words."""
    folded = fold(text)
    if DENIAL.search(folded):
        return False
    if THINKS_ABOUT_IT.search(folded):
        return True
    return not heard_as_no and bool(HEDGED_YES.search(folded))


# "yes", "okay", "tranquila" before the statement; "right now", "gracias" after it.
SAFE_LEAD = (
    r"((yes|yeah|yep|ya|si|ok|okay|okey|well|bueno|pues|tranquil[ao]|thanks|thank you|gracias"
    r"|no te preocupes|don'?t worry|for now|por ahora),? ){0,3}"
)
SAFE_SUBJECT = (
    r"(i'?m|i am|we'?re|we are|she'?s|she is|he'?s|he is|they'?re|they are|it'?s okay"
    r"|(yo |ella |el |ellos |ellas |mi \w+ )?(estoy|estamos|esta|estan))"
)
SAFE_STATE = r"(safe|fine|ok|okay|alright|all right|a salvo|bien|segur[ao]s?|tranquil[ao]s?)"
SAFE_TAIL = (
    r"( (now|right now|for now|at the moment|ahora|ahora mismo|por ahora|por el momento|ya"
    r"|gracias|thanks|thank you|no te preocupes|don'?t worry|mija|mijo|here|aqui|at home"
    r"|en casa|with me|conmigo))*"
)
SAFE_STATEMENT = re.compile(SAFE_LEAD + SAFE_SUBJECT + " " + SAFE_STATE + SAFE_TAIL)


def states_safety(text: str) -> bool:
    """Whether the whole message only says that the person (or the one they speak of) is safe."""
    words = re.sub(r"[^\w' ]+", " ", fold(text)).split()
    return bool(SAFE_STATEMENT.fullmatch(" ".join(words)))
