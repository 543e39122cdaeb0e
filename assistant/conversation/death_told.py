"""A situation that tells of a death is a loss: answered with sympathy, not a welcome.

"My husband passed away two weeks ago, he had mbc" reads to the classifier as much like
telling one's situation (`share_situation`, "thank you for telling me ... what would help
most right now?") as like a death told (`grief_support`, "I'm so sorry"). When the two are
the classifier's first choices and the message says that someone died, the loss is answered.
"""

from __future__ import annotations

import re
from typing import Mapping, Optional, Sequence

SHARE_SITUATION = "share_situation"
GRIEF_SUPPORT = "grief_support"
# How far down the classifier's ranking grief support may be and still be chosen.
RUNNER_UP_DEPTH = 2

_PEOPLE = (
    r"(wife|husband|mom|mother|mum|dad|father|sister|brother|daughter|son|friend|partner"
    r"|girlfriend|boyfriend|grandma|grandmother|aunt|niece|cousin|best friend)"
)
_DEATH_TOLD = re.compile(
    r"\b(died|passed away|passed on"
    r"|(she|he|mom|mother|dad|father|wife|husband) passed(?! (his|her|the|a|an|my)\b)"
    rf"|lost (my|our|her|his) {_PEOPLE}|we lost (her|him)|her funeral|his funeral"
    r"|falleci[oó]|muri[oó]|se (nos )?muri[oó]|perd[ií] a mi|su funeral)\b",
    re.IGNORECASE,
)
_NOT_A_DEATH = re.compile(r"\b(almost|nearly|thought (she|he)|casi)\s+(died|muri[oó])\b", re.I)


def tells_of_a_death(text: str) -> bool:
    """Whether the message says that someone died ("she passed away", "falleció")."""
    return _DEATH_TOLD.search(text) is not None and _NOT_A_DEATH.search(text) is None


def loss_instead_of_situation(
    intent: Optional[str], ranking: Sequence[Mapping[str, object]], text: str
) -> Optional[str]:
    """`grief_support` for a situation that tells of a death, else the intent unchanged."""
    if intent != SHARE_SITUATION or not tells_of_a_death(text):
        return intent
    runners_up = [str(entry.get("name")) for entry in ranking[:RUNNER_UP_DEPTH]]
    return GRIEF_SUPPORT if GRIEF_SUPPORT in runners_up else intent
