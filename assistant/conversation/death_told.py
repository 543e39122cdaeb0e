"""A situation that tells of a death is a loss: answered with sympathy, not a welcome.

"My husband passed away two weeks ago, he had mbc" reads to the classifier as much like
telling one's situation (`share_situation`, "thank you for telling me ... what would help
most right now?") as like a death told (`grief_support`, "I'm so sorry"). When the two are
the classifier's first choices and the message says that someone died, the loss is answered.
"""

from __future__ import annotations

import re
from typing import Mapping, Optional, Sequence

from assistant.safety.spanish import fold

SHARE_SITUATION = "share_situation"
GRIEF_SUPPORT = "grief_support"
# How far down the classifier's ranking grief support may be and still be chosen.
RUNNER_UP_DEPTH = 2

_PEOPLE = (
    r"(wife|husband|mom|mother|mum|dad|father|sister|brother|daughter|son|friend|partner"
    r"|girlfriend|boyfriend|grandma|grandmother|aunt|niece|cousin|best friend|parents)"
)
_PERSONAS = (
    r"(esposa|esposo|mujer|senora|mama|madre|papa|padre|hermana|hermano|hija|hijo|amiga|amigo"
    r"|abuela|tia|pareja|padres|mejor amiga)"
)
_DEATH_TOLD = re.compile(
    r"\b(died|passed away|has passed|have passed"
    # "she passed", not "he passed out", "she passed on the trial", "mom passed all her scans".
    r"|(she|he|mom|mother|dad|father|wife|husband) passed(?! (out|on|all|his|her|the|a|an|my)\b)"
    rf"|lost (my|our) {_PEOPLE}|we lost (her|him|mom|dad)"
    rf"|fallecio|ha fallecido|murio|ha muerto|se nos fue|perdi a (mi|mis) {_PERSONAS})\b"
)
# Right before a death told, one that nearly happened: "she almost died", "casi se murió".
_NEARLY = re.compile(r"\b(almost|nearly|casi)( se)?\s*$")


def tells_of_a_death(text: str) -> bool:
    """Whether the message says that someone died ("she passed away", "falleció").

    Case and accents are ignored; a death that nearly happened ("she almost died") is not one.
    """
    folded = fold(text)
    return any(
        not _NEARLY.search(folded[: match.start()]) for match in _DEATH_TOLD.finditer(folded)
    )


def loss_instead_of_situation(
    intent: Optional[str], ranking: Sequence[Mapping[str, object]], text: str
) -> Optional[str]:
    """`grief_support` for a situation that tells of a death, else the intent unchanged."""
    if intent != SHARE_SITUATION or not tells_of_a_death(text):
        return intent
    runners_up = [str(entry.get("name")) for entry in ranking[:RUNNER_UP_DEPTH]]
    return GRIEF_SUPPORT if GRIEF_SUPPORT in runners_up else intent
