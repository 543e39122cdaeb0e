"""Crisis words mentioned, not said of oneself now.

A few narrow kinds, each read with the whole message:

- a screening question reported and asked about: "Why did the nurse ask me if I ever think
  about hurting myself? Is that routine?" (someone other than the writer asked "if" or
  "whether"; the writer asks whether it is routine, standard or asked of everyone; nothing says
  the answer was yes, a lie or a plan);
- "suicide" or "suicidal" in a question about whom 988 or a hotline is only for, with no "I"
  before it in the sentence: "Is 988 only for people who are suicidal?";
- goodbye letters for a future occasion: "goodbye letters to my kids for their birthdays";
- saying goodbye to everyone at a gathering: "say goodbye to everyone with a big party";
- "I'm done" in a message that says done with treatment: "she means done with chemo".

Never in a message that says "tonight". Each is still a warning sign: the risk layer asks the
direct question instead of giving the crisis answer unless the scores say crisis too
(`assistant.safety.risk_decision.decide`).
"""

from __future__ import annotations

from typing import Sequence, Set

from spacy.tokens import Span, Token

from assistant.safety.spans import holds, sentence_of

FIRST_PERSON = {"i", "i'm", "im", "me", "my", "we"}
NOW = {"tonight", "tonite"}
# The word a reported question hangs on: "asked (me) if", "asked whether".
ASKED_IF = {"if", "whether"}
# How many heads up from the cue "ask" is looked for.
ASKED_WINDOW = 5
# Whoever asked, other than the writer or no one.
NOT_AN_ASKER = {"i", "we", "nobody", "noone", "myself"}
# The writer asks whether the question is routine.
ROUTINE_WORDS = {"routine", "standard", "everyone", "everybody", "protocol"}
# ... and nothing tells the answer was yes, or not the truth.
ADMITTED = {"yes", "yeah", "yep", "yea", "lie", "lied", "lying", "truth", "honestly", "plan"}
CRISIS_LINE_WORDS = {"988", "hotline", "hotlines", "lifeline", "helpline", "helplines"}
QUESTION_STARTS = {"is", "are", "can", "could", "does", "do", "should", "would", "will", "who"}
OCCASIONS = {
    "birthday",
    "birthdays",
    "wedding",
    "weddings",
    "graduation",
    "graduations",
    "graduate",
    "graduates",
    "milestones",
    "older",
    "someday",
}
GATHERINGS = {"party", "celebration", "gathering", "reunion", "memorial", "picnic", "barbecue"}
EVERYONE = {"everyone", "everybody", "all"}
TREATMENT_WORDS = {"chemo", "chemotherapy", "treatment", "treatments", "infusions", "radiation"}
# "Done with being here": done with more than treatment.
DONE_WITH_MORE = {"being", "life", "living", "everything", "it", "this", "all"}


def mentioned(name: str, span: Span) -> bool:
    """Whether the crisis cue `name` found at `span` is only mentioned (the module docstring).

    The doc must be parsed: who asked and what was asked are read from the dependencies.
    """
    words = {token.lower_ for token in span.doc}
    if words & NOW:
        return False
    sentence = {token.lower_ for token in sentence_of(span)}
    span_words = {token.lower_ for token in span}
    if name == "method" and "goodbye" in span_words:
        return bool(sentence & OCCASIONS)
    if name == "goodbye":
        return span[0].lemma_ == "say" and bool(span_words & EVERYONE and sentence & GATHERINGS)
    if name == "done":
        return _done_with_treatment([token.lower_ for token in span.doc])
    if name == "suicide" and _about_whom_the_line_is_for(span):
        return True
    return _asked(span, words)


def _asked(span: Span, words: Set[str]) -> bool:
    """The cue is what someone else asked, and the writer asks whether that is routine.

    Not "I asked my doctor if ...", not "she asked me to help her end it" (no "if"), not "she
    asked if I was ok and I said I want to kill myself" (a clause of its own on the way up).
    """
    if "?" not in words or not words & ROUTINE_WORDS or words & ADMITTED:
        return False
    token: Token = span.root
    for _ in range(ASKED_WINDOW):
        head = token.head
        if head is token:
            return False
        if head.lemma_ == "ask":
            asked_if = any(child.lower_ in ASKED_IF for child in token.children)
            return asked_if and _asked_by_someone_else(head)
        if token is not span.root and _has_subject(token):
            return False
        token = head
    return False


def _asked_by_someone_else(ask: Token) -> bool:
    """A subject who asked, not the writer: "the nurse asked", "I was asked"."""
    subjects = [child for child in ask.children if child.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return False
    subject = subjects[0]
    return subject.dep_ == "nsubjpass" or subject.lower_ not in NOT_AN_ASKER


def _has_subject(token: Token) -> bool:
    return any(child.dep_ in {"nsubj", "nsubjpass"} for child in token.children)


def _about_whom_the_line_is_for(span: Span) -> bool:
    """'Is 988 only for people who are suicidal?': whom the line is for, not "I'm suicidal"."""
    sentence = sentence_of(span)
    words = [token.lower_ for token in sentence]
    names_a_line = bool(CRISIS_LINE_WORDS & set(words)) or holds(words, ("crisis", "line"))
    asked = sentence[-1].text == "?" or words[0] in QUESTION_STARTS
    before = {token.lower_ for token in span.doc[sentence.start : span.start]}
    return names_a_line and asked and "only" in words and not before & FIRST_PERSON


def _done_with_treatment(words: Sequence[str]) -> bool:
    """'Done with chemo', and nowhere 'done with being here' nor 'not (like) done with chemo'."""
    said = False
    for i, word in enumerate(words[:-2]):
        if (word, words[i + 1]) != ("done", "with"):
            continue
        if words[i + 2] in DONE_WITH_MORE or {"not", "like"} & set(words[max(0, i - 2) : i]):
            return False
        said = said or words[i + 2] in TREATMENT_WORDS
    return said
