"""Replies to the assistant's safety questions, read from the words in English and Spanish.

"Are you having thoughts of ending your life?": "sometimes I think about it", "maybe",
"kind of", "a veces lo pienso" are a yes to a counselor, and so to the assistant, though
the intent classifier hears only an unclear answer ("rather not say"). Each clause is read
on its own: "I'd never do it, but it crosses my mind" admits the thoughts; "no, it hasn't
crossed my mind" does not. "I don't know" alone, "maybe not", and "I'd rather not say,
maybe later" are not a yes.

"Are you safe right now?": "she's safe now", "estoy a salvo" say so, though their sentence
vectors sit next to "I'm not safe"; the risk layer must not read them as a crisis.
"""

from __future__ import annotations

import re
from typing import List, Optional

from assistant.safety.spanish import fold
from assistant.typography import straighten_quotes

# The form that asks "are you having thoughts of ending your life?" (domain/safety.yml).
CHECK_IN_FORM = "suicide_check_in_form"
# Uncertainty is not a denial: "I'm not sure, maybe" and "no sé, a veces lo pienso".
UNCERTAIN = re.compile(
    r"\b((i )?(really |just )?(do not|don'?t|dont) know|idk|dunno|(i'?m )?not sure|no lo se"
    r"|no idea|ni idea|quien sabe|no se bien"
    r"|(no se|no estoy segur[ao])(?= *($|[,.;:!?]|si\b|que\b|la verdad\b|bien\b)))"
)
# Declining to answer, even with a hedge in it ("prefiero no decirlo, me da un poco de pena").
DECLINE = re.compile(
    r"\b(rather not|prefer not|don'?t want to (say|answer|talk)|prefiero no"
    r"|no quiero (decir|contestar|hablar))\b"
)
# The thoughts named: an admission unless its own clause negates it. "No dejo de pensar en
# eso", "no pienso en otra cosa" say the thoughts never stop, and are never negated.
NEVER_STOP = re.compile(
    r"\b(can'?t stop thinking|no (dejo|puedo dejar) de pensar(lo)?|no pienso en otra cosa)\b"
)
THINKS_ABOUT_IT = re.compile(
    r"\b(i (do |sometimes |often |still )?think about (it|that|dying|death|ending it)"
    r"|i('ve| have)? thought about (it|that)|(it )?cross(es|ed)? my mind"
    r"|i('ve| have)? considered it|(had|have) (those|these|such|some of those) thoughts"
    r"|lo (pienso|he pensado|estoy pensando|considero|he considerado)"
    r"|(se me|me) (pasa|paso|ha pasado|viene|vino) (por|a) (la|mi) (mente|cabeza)"
    r"|(he|ha|hemos) tenido (esos|esas|estos|estas) (pensamientos|ideas))\b"
)
# A hedged yes: a clause made of these words only ("maybe", "a veces, sí", "kind of, yeah").
HEDGES = re.compile(
    r"\b(sometimes|at times|now and then|once in a while|some days|on bad days|maybe|perhaps"
    r"|kind of|kinda|sort of|sorta|a little|a bit|i think so|i guess so|probably|yes and no"
    r"|a veces|de vez en cuando|algunos dias|los dias malos|quizas?|tal vez|puede ser"
    r"|creo que si|mas o menos|un poco|algo asi|si y no|probablemente)\b"
)
FILLERS = {
    "yes", "yeah", "yep", "si", "well", "um", "uh", "honestly", "i", "guess", "think", "so",
    "lately", "ultimamente", "pues", "bueno", "la", "verdad", "que", "at", "night", "de",
    "noche", "on", "the", "bad", "nights", "days", "los", "dias", "malos", "en",
}  # fmt: skip
NEGATION = re.compile(r"\b(no|not|never|nunca|jamas|ni|nor|nope)\b|n't\b")
CLAUSE_BREAK = re.compile(r"[,.;:!?]|\b(but|pero|aunque|sino|though|although)\b")


def _folded(text: str) -> str:
    """Lower case, accents folded, curly apostrophes straight (phones type "I’m")."""
    return fold(straighten_quotes(text))


def _clauses(text: str) -> List[str]:
    """The reply's clauses, folded, uncertainty set apart."""
    folded = UNCERTAIN.sub(" ", _folded(text))
    return [clause.strip() for clause in CLAUSE_BREAK.split(folded) if clause and clause.strip()]


def _admits(clause: str) -> bool:
    """Whether a clause names the thoughts, without negating them before it."""
    if NEVER_STOP.search(clause):
        return True
    match = THINKS_ABOUT_IT.search(clause)
    if match is None:
        return False
    return not NEGATION.search(clause[: match.start()] + clause[match.end() :])


def _negated(clause: str) -> bool:
    """Whether a clause says no, leaving "yes and no" to the hedges."""
    return bool(NEGATION.search(HEDGES.sub(" ", clause)))


def _hedged_yes(clause: str) -> bool:
    """Whether a clause is only a hedged yes ("maybe", "a veces, sí"), with no negation."""
    if _negated(clause) or not HEDGES.search(clause):
        return False
    return not set(HEDGES.sub(" ", clause).split()) - FILLERS


def names_own_thoughts(text: str) -> bool:
    """Whether a reply names the writer's own thoughts ("sometimes I think about it too")."""
    if DECLINE.search(_folded(text)):
        return False
    return any(_admits(clause) for clause in _clauses(text))


def admits_thoughts(text: str, heard_as_no: bool) -> bool:
    """Whether a reply to the direct question says the thoughts are there, in other words."""
    if names_own_thoughts(text):
        return True
    if heard_as_no or DECLINE.search(_folded(text)):
        return False
    clauses = _clauses(text)
    if any(_negated(clause) for clause in clauses):
        return False
    return any(_hedged_yes(clause) for clause in clauses)


def opens_with_yes(text: str) -> bool:
    """Whether a reply opens with a plain yes ("yes. can I text 988?", "sí, ¿...?").

    Not with doubt, a refusal or a negation anywhere in it ("yeah, no", "I am not sure").
    """
    folded = _folded(text)
    if UNCERTAIN.search(folded) or DECLINE.search(folded) or NEGATION.search(folded):
        return False
    first = CLAUSE_BREAK.split(folded, maxsplit=1)[0].strip()
    return bool(PLAIN_YES.fullmatch(first))


def only_unsure(text: str) -> bool:
    """Whether a reply says only "I don't know" ("no sé", read by the classifier as a no)."""
    if not UNCERTAIN.search(_folded(text)):
        return False
    return not {word for clause in _clauses(text) for word in clause.split()} - FILLERS


# "yes", "okay" before the statement; "right now", "gracias" after it.
YES_LEAD = r"(yes|yeah|yep|si)"
# A yes and nothing else ("honestly yes", "yes I am", "pues sí", "I do").
PLAIN_YES = re.compile(
    rf"((honestly|well|pues|la verdad) )?({YES_LEAD}|yea|yup|claro)"
    r"( (i am|i do|i have( been)?|la verdad))?|i am|i do|i have( been)?"
)
SAFE_LEAD = (
    r"(((yes|yeah|yep|si|ok|okay|okey|well|bueno|pues|ya|thanks|thank you|gracias"
    r"|no te preocupes|don'?t worry|for now|por ahora) ){0,3})"
)
PEOPLE = (
    r"(mom|mother|dad|father|wife|husband|partner|sister|brother|daughter|son|friend|grandma"
    r"|mama|mami|madre|papa|padre|esposa|esposo|pareja|hermana|hermano|hija|hijo|amiga|amigo"
    r"|abuela|abuelo|tia|tio|suegra|suegro)"
)
SAFE_SUBJECT = (
    r"(i'?m|i am|we'?re|we are|she'?s|she is|he'?s|he is|they'?re|they are"
    r"|my " + PEOPLE + r"( is|'s)"
    r"|(yo |ella |el |ellos |ellas |la persona |mi " + PEOPLE + r" )?(estoy|estamos|esta|estan))"
)
SAFE_STATE = r"(safe|fine|ok|okay|alright|all right|a salvo|bien|segur[ao]s?)"
SAFE_TAIL = (
    r"( (now|right now|for now|at the moment|ahora|ahora mismo|por ahora|por el momento|ya"
    r"|gracias|thanks|thank you|no te preocupes|don'?t worry|mija|mijo|here|aqui|at home"
    r"|en casa|with me|conmigo))*"
)
SAFE_STATEMENT = re.compile(SAFE_LEAD + SAFE_SUBJECT + " " + SAFE_STATE + SAFE_TAIL)


def safety_statement(text: str) -> Optional[str]:
    """The intent of a message that only says someone is safe, if it is one.

    `affirm` when it starts with "yes": after "are you safe?" it means safe, and as a reply
    to "are you having thoughts of ending your life?" it must count as the yes it starts
    with. `say_safe` otherwise. None for anything else.
    """
    words = re.sub(r"[^\w' ]+", " ", _folded(text)).split()
    reply = " ".join(words)
    if not SAFE_STATEMENT.fullmatch(reply):
        return None
    return "affirm" if re.match(YES_LEAD + r"\b", reply) else "say_safe"
