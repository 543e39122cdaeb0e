"""Two short replies of a directory search, told apart by their words alone.

A ZIP code on its own ("80202") names a place, though it has no letters. "What about
hospice?", "and a support group?", "counseling instead", "¿y consejería?" ask for
another kind of help: at the same place right after results, else about that kind.
"""

from __future__ import annotations

import re
from typing import Iterable, Tuple

from assistant.safety.spanish import fold

ZIP_CODE_ALONE = re.compile(r"^\s*\d{5}(?:-\d{4})?\s*[.!?]*\s*$")
# Words that ask for something else instead of what came before.
ASKING_INSTEAD = {
    "what", "how", "about", "and", "instead", "also", "too", "then", "actually", "maybe",
    "or", "y", "que", "tal", "mejor", "cambio", "tambien", "o", "entonces",
}  # fmt: skip
# Words that may come with them without changing what is asked.
ALONG = {
    "a", "an", "some", "the", "please", "ok", "okay", "un", "una", "unos", "unas", "algun",
    "alguna", "el", "la", "los", "las", "por", "favor", "en", "de", "porfa", "pls",
}  # fmt: skip
MAX_WORDS = 8
WORD = re.compile(r"\w+")


def is_zip_code_alone(text: str) -> bool:
    """Whether the message is only a ZIP code (five digits, or ZIP+4)."""
    return bool(ZIP_CODE_ALONE.match(text))


def asks_for_another_kind(text: str, kind_spans: Iterable[Tuple[int, int]]) -> bool:
    """Whether a short message only asks for the kind of help it names, instead.

    `kind_spans` are where the message names a kind of help or a care setting. The
    words outside them must all be asking words or small words around them, with at
    least one asking word: "hospice" alone starts a search, and is left to the NLU.
    """
    spans = sorted(kind_spans)
    if not spans or len(text.split()) > MAX_WORDS:
        return False
    rest, start = [], 0
    for begin, end in spans:
        rest.append(text[start:begin])
        start = max(start, end)
    rest.append(text[start:])
    words = WORD.findall(fold(" ".join(rest)))
    asking = [word for word in words if word in ASKING_INSTEAD]
    return bool(asking) and all(word in ASKING_INSTEAD or word in ALONG for word in words)
