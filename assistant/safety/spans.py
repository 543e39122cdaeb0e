"""Small readings of spaCy spans that the detector and the mentions share."""

from __future__ import annotations

from typing import Sequence, Tuple

from spacy.tokens import Span


def sentence_of(span: Span) -> Span:
    """The sentence of `span`, or the whole message when it was not split."""
    if span.doc.has_annotation("SENT_START"):
        return span.sent
    return span.doc[:]


def holds(words: Sequence[str], phrase: Tuple[str, ...]) -> bool:
    """Whether `phrase` occurs in `words`, word for word."""
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))
