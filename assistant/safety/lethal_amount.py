"""Whether a message asks how much of one's own medicine would kill: a reason to ask.

"How many of my ativan would it take to not wake up", "what's the lethal dose of my
oxycodone", "how many lorazepam does it take to stop breathing": asked by a person about
the pills at hand, these are among the commonest ways a crisis is told without a word of
suicide, and the scores read several of them as a medical question. Such a question is not a
crisis on its own, so it asks the direct question (`risk_decision.decide`), never the crisis
answer; and it is no cue of the detector's, so an emergency told with it keeps its own cue.

Only the person's own medicine or death counts: "my" pills, "kill me", "stop my breathing",
"for a woman my weight", or a question in no one's name ("how much ... to stop breathing",
"the lethal dose of X, I have 90") in a message that names no one else. A relative's or a
patient's dose ("how much morphine would stop her breathing?", "the lethal dose so I know
what to stay under with mom") is the caregivers' everyday worry, and a question about
someone else's crisis is the scores' to read. Nor does a question count that says in the same
sentence its purpose is safety ("so I stay under it", "by mistake", naloxone, locking them
up, an exam), that it is about a pet or a young child, or that the dose is not lethal.
Spanish is read the same way, accents optional ("¿cuál es la dosis letal de mi morfina?",
"cuántas de mis pastillas tendría que tomar para no despertar"; not "¿cuánta morfina le puedo
dar a mi mamá?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Pattern

from assistant.safety.spanish import SENTENCE_END, fold

_MEDICINE = (
    r"(pills?|meds?|medications?|medicines?|tablets?|tabs|capsules?|doses?|patch(es)?"
    r"|morphine|oxys?|oxycodone|oxycontin|hydromorphone|dilaudid|fentanyl|lorazepam|ativan"
    r"|xanax|valium|diazepam|tramadol|tylenol|acetaminophen|paracetamol|insulin"
    r"|amitriptyline|opioids?|painkillers?|pain ?killers?|benzos?|ambien|percocet|vicodin"
    r"|methadone|gabapentin|hydrocodone|norco|percs|klonopin|clonazepam|seroquel|trazodone"
    r"|zolpidem|lyrica|pregabalin)s?"
)
# What the amount would do to the person, or to no one in particular. Not waking up in the
# night ("never wake up at 3am to pee", "not wake up groggy") is sleep.
_NOT_WAKE = (
    r"(to (not|never) wake up|(not|never) wake up"
    r"|so (that )?i (don[’']?t|won[’']?t|do not|will not|never) wake( up)?"
    r"|(you|i) (just )?(don[’']?t|never) wake up)"
    r"\b(?! ((at|in the|during|before|early|every|groggy|feeling|to (pee|use|go)"
    r"|so (early|tired|often|groggy)|(until|till) (the morning|morning|noon|lunch|the alarm))\b"
    r"|(until|till) \d))"
)
_KILLS_ME = (
    rf"(kills? (me|u)\b|stop my (breathing|heart)|(for )?me {_NOT_WAKE}"
    r"|for (a woman|a man|someone|a person|somebody) (of |at )?my (size|weight)"
    r"|put me to sleep for good|make sure i (don[’']?t|do not|never) wake"
    r"|kill myself|end my life|end (it|things)( all)?\b|sleep forever"
    r"|(go|die|pass)( away)? peacefully"
    r"|(till|until) i[’']?m gone|to die in my sleep)"
)
_KILLS_ANYONE = (
    rf"(fatal|lethal|deadly|ld ?50|kills? (you|u|a person|someone|somebody)\b"
    rf"|kill an? \d+ ?(lbs?|pounds?|kg|kilos?)? ?(woman|man|person)"
    rf"|stop (breathing|your breathing|your heart)|{_NOT_WAKE}"
    rf"|(it take |)to (die|end it|make it (all )?stop|od|overdose)\b)"
)
# Taking them all, and dying of it.
_SWALLOW = r"(took|take|swallowed|swallow)"
_ALL_OF_THEM = (
    r"(all (of )?(my|the|them|it)|it all|every (one|pill)|the rest"
    r"|(the|a|my) (whole|entire) bottle)"
)
_DEATH = (
    r"(die|be dead|kill me|(not|never|didn[’']?t|wouldn[’']?t) wake up|stop breathing|overdose|od"
    r"|painless|peaceful|gentle|be quick|just (drift off|fall asleep|go to sleep)"
    r"|hurt\b(?! (my|your|the|her|his) ))"
)
_ASKS_THE_AMOUNT = r"(what[’']?s|what is|what are|tell me|know|find out|look up|google)"
_OWN_QUESTION = re.compile(
    "|".join(
        (
            # "how many of my morphine pills would it take to not wake up"
            rf"\bhow (much|many)\b[^.?!]{{0,40}}\bmy\b[^.?!]{{0,30}}\b{_MEDICINE}\b"
            rf"[^.?!]{{0,50}}\b({_KILLS_ANYONE}|{_KILLS_ME})",
            # "how much dilaudid would it take to kill me"
            rf"\bhow (much|many)\b[^.?!]{{0,70}}\b{_MEDICINE}\b[^.?!]{{0,50}}\b{_KILLS_ME}",
            # "the lethal dose of my oxycodone", "a fatal amount for my weight"
            r"\b(fatal|lethal|deadly) (dose|amount|quantity) (of|for) my\b",
            # "which of my meds would be deadly", "what quantity of my morphine would be fatal"
            rf"\bmy\b[^.?!]{{0,30}}\b{_MEDICINE}\b[^.?!]{{0,40}}"
            r"\b(would|will|could|to) (be (fatal|lethal|deadly)|kill me)",
            # "would 30 of my ativan be lethal"
            r"\b(would|will|could|is|are) (\d+|all|the rest|my whole|my entire) (of )?(my\b|bottle)"
            r"[^.?!]{0,30}"
            rf"\b{_MEDICINE}\b[^.?!]{{0,20}}\b(fatal|lethal|deadly|enough to|kill me)",
            # "is there a dose of my pills that would let me sleep forever"
            rf"\b(dose|amount|number) of my\b[^.?!]{{0,40}}\b({_KILLS_ME}|{_KILLS_ANYONE})",
            # "if i took all my pain pills would i die" (not "if I take all my pills at once")
            rf"\bif i {_SWALLOW}\b[^.?!]{{0,40}}\b{_ALL_OF_THEM}\b[^.?!]{{0,80}}\b{_DEATH}\b",
            # "would I die if I took all of them", "could I overdose if I took it all"
            rf"\b(would|could|will) i {_DEATH}\b[^.?!]{{0,20}}\bif i {_SWALLOW}\b[^.?!]{{0,40}}"
            rf"\b{_ALL_OF_THEM}\b",
            # "what happens if i take the whole bottle"
            rf"\bwhat (would )?happens? if i {_SWALLOW} (the|a|my) (whole|entire) bottle\b",
        )
    ),
    re.IGNORECASE,
)
# "I have a whole bottle of dilaudid. would it be enough to just go" (over two sentences)
_ENOUGH_TO_GO = re.compile(
    rf"\bi( have|[’']ve got| got|[’']ve saved| saved)\b.{{0,40}}\b{_MEDICINE}\b.{{0,60}}"
    r"\benough to (just )?(go|die|end it|do it|not wake|never wake|kill)\b",
    re.IGNORECASE | re.DOTALL,
)
_NO_ONES_QUESTION = re.compile(
    "|".join(
        (
            # "how many lorazepam does it take to stop breathing", "how many ativan is lethal"
            rf"\bhow (much|many)\b[^.?!]{{0,70}}\b{_MEDICINE}\b[^.?!]{{0,50}}\b{_KILLS_ANYONE}",
            # "what is a lethal dose of amitriptyline"
            rf"\b{_ASKS_THE_AMOUNT}\b[^.?!]{{0,12}}"
            r"\b((fatal|lethal|deadly) (dose|amount|quantity)|ld ?50)\b"
            rf"[^.?!]{{0,30}}\b{_MEDICINE}\b",
            # "which pills mixed together are fatal"
            rf"\b(which|what) {_MEDICINE}\b[^.?!]{{0,40}}\b(fatal|lethal|deadly|kill)",
            # "is it painful to die from an overdose of sleeping pills"
            rf"\bto die (from|of|by) (an? )?(overdose|{_MEDICINE})\b",
        )
    ),
    re.IGNORECASE,
)
# Someone else in the message: a no one's question is then about them.
_SOMEONE_ELSE = re.compile(
    r"\b(she|her|hers|he|him|his|they|them|their|mom|mum|mother|mama|dad|father|papa"
    r"|husband|wife|partner|patients?|daughter|son|grandma|grandpa|nana|friend|sister"
    r"|brother|aunt|uncle|teen(ager)?s?|child(ren)?|kids?|anyone|us|our|we|nurses?|hospice"
    r"|neighbou?rs?|grandkids?|grandson|granddaughter|grandchild(ren)?|giving)\b",
    re.IGNORECASE,
)
# The purpose is safety, said in the same sentence as the question.
_FOR_SAFETY = re.compile(
    r"\b(stay (under|below|safe)|so (that )?(i|we) (don[’']?t|do not) (give|take|overdo)"
    r"|by mistake|by accident|accidentally|twice|double dose|doubled"
    r"|avoid (an? )?(overdose|od|overdosing|giving|taking)|naloxone|narcan|dispos(e|al)"
    r"|get rid of (the|my|them|it|leftover|old|extra)|lock (it |them )?up|locked|lockbox"
    r"|toxic to the liver|exams?|class|homework|school|course|handout|studying)\b",
    re.IGNORECASE,
)
# A pet, or a young child ("my 2 year old").
_NOT_A_PERSON = re.compile(
    r"\b(dogs?|cats?|pupp(y|ies)|kittens?|pets?|horses?|toddlers?|bab(y|ies)|infants?"
    r"|grandbab(y|ies)|([1-9]|1[0-2])[- ]?(year|yr)s?[- ]?olds?)\b",
    re.IGNORECASE,
)
# "nowhere near a lethal dose", "that isn't a fatal amount"
_SAID_NOT_TO_BE = re.compile(
    r"(\bnot|n[’']t|\bnowhere near|\bfar from|\bbelow|\bunder|\bless than) (an? |the )?"
    r"(fatal|lethal|deadly)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Reading:
    """One language's patterns for the question (see the module docstring)."""

    own_question: Pattern[str]
    no_ones_question: Pattern[str]
    enough_to_go: Pattern[str]
    someone_else: Pattern[str]
    for_safety: Pattern[str]
    not_a_person: Pattern[str]
    said_not_to_be: Pattern[str]

    def asks(self, text: str) -> bool:
        """Whether `text` asks how much of one's own medicine would kill."""
        if self.enough_to_go.search(text) and not self._set_aside(text):
            return True
        no_one_else = self.someone_else.search(text) is None
        for sentence in SENTENCE_END.split(text):
            asked = self.own_question.search(sentence) or (
                no_one_else and self.no_ones_question.search(sentence)
            )
            if asked and not self._set_aside(sentence):
                return True
        return False

    def _set_aside(self, sentence: str) -> bool:
        """A purpose of safety, a pet or a young child, or a dose said not to be lethal."""
        return any(
            pattern.search(sentence)
            for pattern in (self.for_safety, self.not_a_person, self.said_not_to_be)
        )


_ENGLISH = _Reading(
    own_question=_OWN_QUESTION,
    no_ones_question=_NO_ONES_QUESTION,
    enough_to_go=_ENOUGH_TO_GO,
    someone_else=_SOMEONE_ELSE,
    for_safety=_FOR_SAFETY,
    not_a_person=_NOT_A_PERSON,
    said_not_to_be=_SAID_NOT_TO_BE,
)

# Spanish, read without accents and in lower case (`fold`).
_MEDICINA = (
    r"(pastillas?|pastis|medicinas?|medicamentos?|remedios?|tabletas?|capsulas?|dosis"
    r"|parches?|morfina|oxicodona|fentanilo|lorazepam|ativan|tramadol|clonazepam|rivotril"
    r"|alprazolam|xanax|insulina|paracetamol|acetaminofen|tylenol|opioides?|opiaceos?"
    r"|calmantes?|analgesicos?|somniferos?|gotas)"
)
_CUANTO = r"(cuant[oa]s?|que cantidad)"
_NO_DESPERTAR = r"no (volver a )?despertar(me)?\b(?! (a las|en la|de noche|temprano|por la))"
_MATA_A_CUALQUIERA = (
    rf"(letal(es)?|mortal(es)?|fatal(es)?|matar a (alguien|una persona)|{_NO_DESPERTAR}"
    r"|(deje|dejar|dejara) de respirar|pare el corazon|para morir\b|para una sobredosis)"
)
_ME_MATA = (
    r"(matarme|me mat(e|aria|ara)\b|morirme|me muera|me muriera|no despertarme"
    r"|(para|a) (alguien|una mujer|un hombre|una persona) de mi (peso|tamano)|para mi peso"
    r"|acabar con todo|terminar con todo|acabar con mi vida)"
)
_ESPANOL = _Reading(
    own_question=re.compile(
        "|".join(
            (
                # "cuántas de mis pastillas de oxicodona tendría que tomar para no despertar"
                rf"\b{_CUANTO}\b[^.?!]{{0,40}}\bmis?\b[^.?!]{{0,30}}\b{_MEDICINA}\b"
                rf"[^.?!]{{0,60}}\b({_MATA_A_CUALQUIERA}|{_ME_MATA})",
                # "cuánta morfina haría falta para matarme"
                rf"\b{_CUANTO}\b[^.?!]{{0,70}}\b{_MEDICINA}\b[^.?!]{{0,60}}\b{_ME_MATA}",
                # "la dosis letal de mi morfina", "una dosis mortal para mí"
                r"\bdosis (letal|mortal|fatal) (de|para) mis?\b",
                # "qué cantidad de mi medicina sería mortal"
                rf"\bmis?\b[^.?!]{{0,30}}\b{_MEDICINA}\b[^.?!]{{0,40}}"
                r"\b(seria|sera|podria ser|es|son|serian) (letal|mortal|fatal)",
                # "si me tomo todas mis pastillas me muero?"
                r"\bsi me (tomo|tomara|tomase|trago|tragara|tragase)\b[^.?!]{0,30}"
                r"\b(todas|todos|toda|el frasco|la caja|el bote)\b[^.?!]{0,50}"
                r"\b(muero|moriria|morir|despert|mata|mataria|letal|mortal|sobredosis)",
            )
        )
    ),
    no_ones_question=re.compile(
        "|".join(
            (
                # "cuántas pastillas de tramadol se necesitan para morir"
                rf"\b{_CUANTO}\b[^.?!]{{0,70}}\b{_MEDICINA}\b[^.?!]{{0,60}}"
                rf"\b{_MATA_A_CUALQUIERA}",
                # "¿cuál es la dosis letal del fentanilo?"
                r"\b(cual es|cuanto es|saber|buscar|busque|dime|decirme) (la |una )?dosis"
                r" (letal|mortal|fatal)\b",
                # "qué pastillas juntas son mortales"
                rf"\b(que|cuales) {_MEDICINA}\b[^.?!]{{0,40}}\b(letal|mortal|fatal|matan|matarian)",
            )
        )
    ),
    # "tengo un frasco entero de morfina, ¿alcanzaría para no despertar?"
    enough_to_go=re.compile(
        rf"\btengo\b.{{0,40}}\b{_MEDICINA}\b.{{0,60}}\b(suficiente|suficientes|alcanza|alcanzaria)"
        r" para (irme|morir|no despertar|acabar)",
        re.DOTALL,
    ),
    someone_else=re.compile(
        r"\b(ella|paciente|pacientes|mama|mami|madre|papa|papi|padre|esposo|esposa|marido"
        r"|mujer|hij[oa]s?|abuel[oa]s?|amig[oa]s?|herman[oa]s?|ti[oa]s?|pareja|nin[oa]s?"
        r"|bebes?|le|les|su|sus|alguien mas|cualquiera)\b"
    ),
    for_safety=re.compile(
        r"\b(sin que sea peligros[oa]|por error|sin querer|por accidente|por equivocacion"
        r"|para no (pasarme|darle de mas|excederme)|dos veces|doble dosis|naloxona|narcan"
        r"|desechar|deshacerme|tirar)\b"
    ),
    not_a_person=re.compile(r"\b(perr[oa]s?|gat[oa]s?|mascotas?|cachorr[oa]s?|bebes?)\b"),
    said_not_to_be=re.compile(
        r"\b(no es|no son|lejos de|menos de|por debajo de) (una |la )?(dosis )?(letal|mortal|fatal)"
    ),
)


def asks_a_lethal_amount(text: str) -> bool:
    """Whether `text` asks how much of one's own medicine would kill (module docstring)."""
    return _ENGLISH.asks(text) or _ESPANOL.asks(fold(text))
