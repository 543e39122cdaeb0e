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
# A reply that only declines, in other words ("pass", "skip", "I'm not answering that").
ONLY_DECLINES = re.compile(
    r"\W*(pass|skip|paso|next( question)?"
    r"|(i'?m |i am )?not (answering|going to answer)( (that|this))?"
    r"|no me siento comod[oa] (hablando|contestando)( de (eso|esto)( de \w+( \w+)?)?)?)\W*"
)
# The thoughts named: an admission unless its own clause negates it. "No dejo de pensar en
# eso", "no pienso en otra cosa" say the thoughts never stop, and are never negated.
NEVER_STOP = re.compile(
    r"\b(can'?t stop thinking|no (dejo|puedo dejar) de pensar(lo)?|no pienso en otra cosa)\b"
)
THINKS_ABOUT_IT = re.compile(
    r"\b(i (do |sometimes |often |still )?think about (it|that|dying|death|ending it)"
    r"|i('ve| have)? thought about (it|that)|(it )?cross(es|ed)? my mind"
    r"|(i'?ve|i have|i'?m|i am|who'?s|who has) been (thinking about|having)"
    r" (it|that|those thoughts)"
    r"|(i'?ve|i have) had the thought|those thoughts myself"
    r"|think(ing)? about not being here|(i'?m|i am) going with (her|him)"
    r"|pienso en (desaparecer|morirme|no estar)|(yo )?me voy con (ella|el)"
    r"|(me )?ha (cruzado|pasado) por (la|mi) (mente|cabeza)"
    r"|(the one|me) who('?s| is)? (been )?(think(s|ing)? about (it|that)"
    r"|ha(s|ve|ving) (the|those|these) thoughts)"
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
    r"|creo que si|mas o menos|un poco|algo asi|si y no|probablemente"
    r"|(i'?m |i am )?afraid so|(yo )?creo q(ue)? si|eso creo|me temo que si"
    r"|more than i'?d like to admit|mas de lo q(ue)? quisiera admitir)\b"
)
FILLERS = {
    "yes", "yeah", "yep", "si", "well", "um", "uh", "honestly", "i", "guess", "think", "so",
    "lately", "ultimamente", "pues", "bueno", "la", "verdad", "que", "at", "night", "de",
    "noche", "on", "the", "bad", "nights", "days", "los", "dias", "malos", "en", "vdd",
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


# Asked about someone else, "so am I", "yo también": the writer's own thoughts too.
ME_TOO = re.compile(r"\b(so am i|me too|i am too|yo tambien|yo igual|a mi tambien)\b")
# "No, but I am", "no pero yo sí": the writer, at the end of the clause ("but I am worried"
# and "pero yo creo que no" do not say so).
ME_AT_THE_END = (
    r"\b(but|pero) (i am|i do|i have|me|yo)( (too|though|tambien|si|a veces si))?(?=\s*([^\w\s]|$))"
)
# ... or the writer names themselves as the one: "no, but I am", "it's me", "soy yo".
ME_INSTEAD = re.compile(
    ME_AT_THE_END + r"|\b(it'?s me|soy yo|(me|yo) though"
    r"|i'?m the one (who'?s )?(thinking|who thinks)|la que lo piensa|el que lo piensa)\b"
    r"|^\W*(no+|nope|nah)\W+(me|yo( si)?)\W*$"
)
# A reply's first words when they answer the question ("no, she's just tired", "nope",
# "sí, me da miedo que sí"). An English "no" leads an answer when a person or a negation
# follows it ("no he's just tired"), not a noun ("no one would notice", "no point"); a
# Spanish "no" only before a pause or "no creo" ("no quiero vivir" is not an answer).
NO_LEAD = re.compile(
    r"(no+|nope|nop|nah|no+ no+|no+ para nada|god no|hell no|not at all|absolutely not"
    r"|definitely not|of course not|i (really )?(do not|don'?t|dont) think so"
    r"|para nada|claro que no|de ninguna manera|(yo )?no (lo )?creo( q(ue)? (no|eso))?)"
    r"( (i|im|i'm|i've|ive|i'd|id|she|shes|she's|he|hes|he's|they|theyre|they're|we"
    r"|it|its|it's|that|thats|that's|not|nothing|never|just|definitely|absolutely"
    r"|honestly|lol|haha|jaja|thank|thanks|mija|mijo|tranqui|no creo)\b.*)?"
)
# A wish not to be alive, in the words people use: a no before it is not read as the answer
# ("no. well. sometimes I think it'd be easier if I didn't wake up").
WISH_NOT_TO_LIVE = re.compile(
    r"(n'?t\b|\bnot|\bnever) (to )?wake up|\b(better off( if i was)? (dead|gone|without me)"
    r"|rather be dead|end it all|(easier|better) if i (was|were|wasn'?t|weren'?t) (gone|dead|here)"
    r"|wants? to die|wanna die|wish i (was|were) (dead|gone)|(want|wanna) to disappear"
    r"|(don'?t|do not) want to be (here|alive)|tired of (living|being alive)|ready to go"
    r"|want (this|it|everything)( all)? to (be over|end|stop)|god (takes|would take) me"
    r"|(have|had|having) (some )?thoughts|thought about (it|how)|looked up|how many pills"
    r"|how i'?d do it|act(ing)? on (it|them|that)|(have|had) a plan|not (actively|seriously)"
    r"|passive|not today|no despertar|quiero morir(me)?|quisiera (morir(me)?|desaparecer)"
    r"|ojala me muera|mejor muert[ao]|acabar con todo|(ya )?no quiero vivir|cansad[ao] de vivir"
    r"|me quiero ir con|ya no aguanto|sentido a (la )?vida|sentido a vivir|para siempre"
    r"|tengo (un )?plan|en serio|lo he pensado)\b"
)
# After a no, a yes or a denial taken back ("no i mean yes", "no. i lied", "no... bueno sí").
YES_AFTER_NO = re.compile(
    r"\b(yes|yeah|yep|yup|i lied|mentira|jk|just kidding|o sea si|bueno si|la verdad si"
    r"|yo si|pero si)\b"
)
# The first word of a reply that says yes, whatever follows it ("yes omg, is 988 free?").
YES_WORD = re.compile(r"(yes+|yeah|yep|yup|yea)\b")
YES_LEAD_WORDS = re.compile(
    r"(yes+|yeah|yep|yup|yea|ya|si+|claro|(i think|i'?m afraid) so|afraid so)"
    r"( (i think|creo|eso creo|me temo|la verdad|tengo miedo)\b.*)?"
)
# A clause that takes back what came before it ("yeah, no", "yes, I mean no").
TAKEN_BACK = re.compile(
    r"((no+|nope|nah|bueno|i mean) )?(no+|nope|nah|not really|just kidding|jk|never ?mind|mejor no)"
)
# A clause that takes back a no ("no. well. not no", "no... but yes").
NO_TAKEN_BACK = re.compile(
    r"(not no|(i mean|actually|well|but|honestly) )?(yes+|yeah|yep|si+)|not no"
    r"|(yes )?(i am|i do|i have)( too| sometimes)?"
)
# After a no, how often: "no, just on the bad days", "no, solo a veces".
NOW_AND_THEN = re.compile(
    r"\b(sometimes|at times|now and then|once in a while|some (days|nights)"
    r"|on (the )?bad (days|nights)|maybe|perhaps|kind of|kinda|sort of|i guess|probably"
    r"|a veces|de vez en cuando"
    r"|algun(os|as) (dias|noches)|quizas?|tal vez|creo que si"
    r"|(only|just|solo|nomas) (on|at|in|when|a veces|de noche))\b"
)
# Words said before the answer ("well... yes", "pues, sí").
LEAD_FILLERS = {"well", "um", "uh", "hmm", "honestly", "pues", "bueno", "la verdad", "ok", "okay"}
# "sí" with its accent is a yes before anything; "si" without it is also "if".
ACCENTED_YES_ANYWHERE = re.compile(r"(?<!\w)s[ií]*í[ií]*(?!\w)")
ACCENTED_YES = re.compile(r"^\W*((pues|bueno|la verdad)\W+)?s[ií]*í[ií]*\b")


def _opening_clauses(text: str) -> List[str]:
    """The reply's clauses, folded, split at any pause (an emoji too), fillers first dropped."""
    clauses = [c.strip() for c in re.split(r"[^\w\s']|\b(?:but|pero)\b", _folded(text))]
    clauses = [c for c in clauses if c]
    while clauses and clauses[0] in LEAD_FILLERS:
        clauses.pop(0)
    return clauses


def leading_answer(text: str) -> Optional[str]:
    """The answer a reply opens with: "yes", "no", "unsure" ("no sé, ..."), or None.

    A yes taken back ("yeah, no") and a no with the thoughts named after it ("no, but it
    crosses my mind") are not read here; nor is a reply that opens with anything else.
    """
    clauses = _opening_clauses(text)
    folded, lowered = _folded(text), straighten_quotes(text).lower()
    if not clauses or DECLINE.search(folded):
        return None
    first, rest = clauses[0], clauses[1:]
    if UNCERTAIN.search(first):
        return "unsure"
    if (
        ACCENTED_YES.search(lowered)
        or YES_WORD.match(first)
        or YES_LEAD_WORDS.fullmatch(first)
        or _hedged_yes(first)
    ):
        # Not when taken back ("yeah, no") or denied in the same breath ("yeah nothing
        # like that").
        denied = NEGATION.search(first) or re.search(r"\b(nothing|nada)\b", first)
        taken_back = any(TAKEN_BACK.fullmatch(clause) for clause in rest)
        return None if denied or taken_back else "yes"
    if NO_LEAD.fullmatch(first):
        # Not a no when anything after it could take it back: a yes ("no i mean yes"), the
        # writer ("no pero yo sí"), a "sometimes" ("no, just on the bad days"), the thoughts
        # or a wish not to live, however passive ("no, not seriously", "no. i just want it
        # all to end"). Those replies keep what the classifiers heard.
        after = re.sub(r"^\W*(no+|nope|nop|nah)\b", " ", folded)
        if (
            names_own_thoughts(text)
            or _names_the_writer(after)
            or WISH_NOT_TO_LIVE.search(after)
            or YES_AFTER_NO.search(after)
            or ACCENTED_YES_ANYWHERE.search(lowered)
            or NOW_AND_THEN.search(after)
            or any(NO_TAKEN_BACK.fullmatch(clause) for clause in rest)
        ):
            return None
        return "no"
    if rest and YES_LEAD_WORDS.fullmatch(rest[-1]):
        # "No sé si eso es lo que pregunta, pero sí": the yes it ends with.
        return "yes"
    return None


def _names_the_writer(folded: str) -> bool:
    """Whether a folded reply names the writer as the one with the thoughts ("so am I")."""
    return bool(ME_INSTEAD.search(folded) or ME_TOO.search(folded))


def declines(text: str) -> bool:
    """Whether a reply declines to answer ("I'd rather not say", "pass")."""
    folded = _folded(text)
    return bool(DECLINE.search(folded) or ONLY_DECLINES.fullmatch(folded))


def speaks_of_own_thoughts(text: str) -> bool:
    """Asked about someone else: whether the reply tells of the writer's own thoughts too."""
    return names_own_thoughts(text) or _names_the_writer(_folded(text))


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
