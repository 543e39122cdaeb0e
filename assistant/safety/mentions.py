"""Crisis words mentioned, not said of oneself now.

A cue is mentioned when it is what someone asked ("the nurse asked if I ever think about
hurting myself"), part of a question about the crisis line ("is 988 only for people who
are suicidal?"), a loss told ("she lost her husband to suicide"), or a farewell that
palliative care itself suggests ("goodbye letters to my kids for their birthdays", "I'm
done" said of treatment). Each is still a warning sign, so the risk layer asks the direct
question instead of giving the crisis answer unless the scores say crisis too
(`assistant.safety.risk_decision.decide`).
"""

from __future__ import annotations

from typing import List

from spacy.tokens import Span, Token

FIRST_PERSON_SUBJECTS = {"i", "we"}
# Words that make "ask" a question put to someone: "asked (me) if", "asked whether".
ASKED_IF = {"if", "whether"}
# How many heads up from the cue "ask" is looked for.
ASKED_WINDOW = 5
CRISIS_LINE_WORDS = {"988", "hotline", "hotlines", "lifeline", "helpline", "helplines"}
QUESTION_STARTS = {
    "is",
    "are",
    "can",
    "could",
    "does",
    "do",
    "should",
    "would",
    "will",
    "what",
    "who",
    "how",
    "when",
}
# "Lost her husband to suicide", "died by suicide": a death told, these few words before.
LOSS_WORDS = {"lost", "died", "passed"}
LOSS_WINDOW = 4
# "I'm done" in a message about treatment or hospice may be done with treatment.
TREATMENT_WORDS = {
    "chemo",
    "chemotherapy",
    "treatment",
    "treatments",
    "hospice",
    "trial",
    "infusion",
    "infusions",
    "radiation",
    "lines",
    "therapy",
}


def mentioned(name: str, span: Span) -> bool:
    """Whether the crisis cue `name` found at `span` is mentioned (see the module docstring).

    The doc must be parsed: who asked and what was asked are read from the dependencies.
    """
    if name == "done":
        return bool(TREATMENT_WORDS & {token.lower_ for token in span.doc})
    if name == "method" and any(token.lower_ == "goodbye" for token in span):
        return True
    if name == "goodbye" and span[0].lemma_ == "say":
        return True
    if name == "suicide" and (_about_the_crisis_line(span) or _loss(span)):
        return True
    return _asked(span)


def _asked(span: Span) -> bool:
    """The cue is what someone else asked: "she asked if I have thoughts of hurting myself".

    Not "I asked my doctor if ...", not "she asked me to help her end it" (no "if").
    """
    token: Token = span.root
    for _ in range(ASKED_WINDOW):
        head = token.head
        if head is token:
            return False
        if head.lemma_ == "ask":
            asked_if = any(child.lower_ in ASKED_IF for child in token.children)
            return asked_if and not _asked_by_the_writer(head)
        token = head
    return False


def _asked_by_the_writer(ask: Token) -> bool:
    """Whether the writer asked ("I asked ..."); a passive "I was asked" was asked of them."""
    subject = next((child for child in ask.children if child.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ in FIRST_PERSON_SUBJECTS


def _about_the_crisis_line(span: Span) -> bool:
    """The word is in a question about 988 or a hotline: "is 988 only for suicide?".

    Only the word "suicide" or "suicidal": "can I text 988 if I want to kill myself?" tells more.
    """
    sentence = sentence_of(span)
    words = [token.lower_ for token in sentence]
    names_a_line = bool(CRISIS_LINE_WORDS & set(words)) or _holds_crisis_line(words)
    asked = sentence[-1].text == "?" or words[0] in QUESTION_STARTS
    return names_a_line and asked


def _holds_crisis_line(words: List[str]) -> bool:
    return any(words[i : i + 2] == ["crisis", "line"] for i in range(len(words) - 1))


def _loss(span: Span) -> bool:
    """A death by suicide told in the past: "lost her husband to suicide", "died by suicide"."""
    if span.start == 0 or not span[0].lower_.startswith("suic"):
        return False
    joined = span.start - 1
    if span.doc[joined].lower_ not in {"to", "by"}:
        return False
    before = span.doc[max(0, joined - LOSS_WINDOW) : joined]
    return any(token.lower_ in LOSS_WORDS for token in before)


def sentence_of(span: Span) -> Span:
    """The sentence of `span`, or the whole message when it was not split."""
    if span.doc.has_annotation("SENT_START"):
        return span.sent
    return span.doc[:]
