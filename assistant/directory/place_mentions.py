"""Find the words that name a place inside a longer message.

"Is there hospice care near 60614 for my dad?" -> "60614";
"palliative care in Austin, Texas" -> "Austin, Texas";
"counseling in Narnia" -> "Narnia" (found, so it can be answered as unknown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from assistant.directory.places import (
    FOREIGN_POSTAL_CODE,
    ZIP_CODE,
    Gazetteer,
    UnknownPlace,
    UnknownReason,
)

# The place after "near", "in", "around"... runs up to punctuation or a word that
# starts a new part of the sentence.
AFTER_PREPOSITION = re.compile(
    r"\b(?:near|in|around|close to|nearby|outside(?: of)?|by|within \d+ miles of|from"
    # Spanish: "cerca de 78701", "en San Antonio", "por Houston", "alrededor de Austin".
    r"|cerca de|en|por|alrededor de|de)\s+"
    r"(?P<place>[^.?!;()¿¡\n]+?)"
    r"(?=\s*(?:[.?!;()¿¡\n]|\b(?:for|with|who|that|which|where|please|and|or|but|so|because|"
    r"since|if|to|at|thanks?|para|con|que|donde|porfa|por favor|y|o|pero|porque|si|gracias)\b|$))",
    re.I,
)
# "Austin TX hospice", "Chicago, Illinois" without a preposition before them.
CITY_THEN_STATE = re.compile(
    r"\b(?P<place>(?:[A-Z][\w'.-]*\s+){0,3}?[A-Z][\w'.-]*,?\s+(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\b"
)
NOT_PLACES = {
    "me", "my", "home", "my home", "the hospital", "hospital", "a hospital", "person",
    "general", "the area", "this area", "my area", "town", "the city", "the community",
    "the office", "an office", "a clinic", "the clinic", "network", "my network",
    "casa", "mi casa", "la casa", "el hospital", "hospicio", "una clínica",
    "aquí", "aqui", "acá", "aca", "here", "usted", "nosotros",
}  # fmt: skip
NOT_PLACE_STARTS = ("my ", "the ", "a ", "an ")
# Spanish articles only in lower case: "el hospital" is not a place, "El Paso" is.
NOT_PLACE_STARTS_SPANISH = ("mi ", "el ", "la ", "los ", "las ", "un ", "una ")
MAX_PLACE_WORDS = 5


@dataclass(frozen=True)
class PlaceMention:
    """Where in a message the place is named, and the words used."""

    start: int
    end: int
    text: str


def find_place_mention(message: str, gazetteer: Gazetteer) -> Optional[PlaceMention]:
    """The first place named in `message`, if any."""
    for pattern in (ZIP_CODE, FOREIGN_POSTAL_CODE):
        match = pattern.search(message)
        if match:
            return PlaceMention(match.start(), match.end(), match.group(0))
    for mention in _candidates(message):
        if _names_a_place(mention.text, gazetteer):
            return mention
    return None


def _candidates(message: str) -> Iterator[PlaceMention]:
    for pattern in (AFTER_PREPOSITION, CITY_THEN_STATE):
        for match in pattern.finditer(message):
            text = match.group("place").strip(" ,")
            if text and len(text.split()) <= MAX_PLACE_WORDS:
                start = match.start("place")
                yield PlaceMention(start, start + len(text), text)


def _names_a_place(text: str, gazetteer: Gazetteer) -> bool:
    """Known and foreign places count; unknown ones only with a capital ("Narnia").

    Two letters alone count only in capitals ("MI", "TX"): "cerca de mi" is near me,
    not Michigan.
    """
    if (
        (len(text) == 2 and not text.isupper())
        or text.lower() in NOT_PLACES
        or text.lower().startswith(NOT_PLACE_STARTS)
        or text.startswith(NOT_PLACE_STARTS_SPANISH)
    ):
        return False
    result = gazetteer.resolve(text)
    if not isinstance(result, UnknownPlace) or result.reason is UnknownReason.OUTSIDE_US:
        return True
    return result.reason is not UnknownReason.EMPTY and text[0].isupper()
