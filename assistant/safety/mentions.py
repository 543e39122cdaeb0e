"""Crisis words mentioned, not said of oneself now.

A few narrow kinds, each read with the whole message:

- a screening question reported and asked about: "Why did the nurse ask me if I ever think
  about hurting myself? Is that routine?" (a clinician, a form, or "I was asked" "if" or
  "whether"; another sentence asks whether that is routine, standard or asked of everyone);
- "suicide" or "suicidal" in a question about whom 988 or a hotline is only for, with no "I",
  "me" or "we" before it in the sentence: "Is 988 only for people who are suicidal?";
- goodbye letters for a birthday, a wedding or a graduation: "goodbye letters to my kids for
  their birthdays";
- saying (not having said) goodbye to everyone at a party or a gathering;
- "I'm done" in a message whose every "done with" is done with chemo, treatment or radiation.

None in a message that also says something of the writer ("I am", "I do", "I have", "I'll",
"like me", "for me", "much longer"), a yes, a lie, the truth, a plan, or "tonight", "tomorrow",
"soon". Each is still a warning sign: the risk layer asks the direct question instead of giving
the crisis answer unless the scores say crisis too (`assistant.safety.risk_decision.decide`).
"""

from __future__ import annotations

from typing import List, Sequence

from spacy.tokens import Span, Token

from assistant.safety.spans import holds, sentence_of

# Words and phrases that tell something of the writer, or of now: never a mention then.
# (spaCy splits "I'll" into "i" "'ll" and "won't" into "wo" "n't".)
NOT_A_MENTION_WORDS = {
    "yes",
    "yeah",
    "yep",
    "yea",
    "lie",
    "lied",
    "lying",
    "truth",
    "honestly",
    "plan",
    "tonight",
    "tonite",
    "tomorrow",
    "soon",
}
SAID_OF_ONESELF = [
    ("i", "am"),
    ("i", "do"),
    ("i", "have"),
    ("i", "did"),
    ("i", "'ll"),
    ("i", "will"),
    ("i", "wo"),
    ("'s", "me"),
    ("like", "me"),
    ("like", "us"),
    ("for", "me"),
    ("one", "of", "them"),
    ("much", "longer"),
    ("not", "be", "here"),
    ("wo", "n't", "be"),
    ("wo", "n't", "need"),
]
FIRST_PERSON = {"i", "me", "my", "myself", "we", "us", "our"}
# The word a reported question hangs on: "asked (me) if", "asked whether".
ASKED_IF = {"if", "whether"}
# How many heads up from the cue "ask" is looked for.
ASKED_WINDOW = 5
# Who asks a screening question: a clinician or a form ("I was asked" counts too).
SCREENERS = {
    "nurse",
    "doctor",
    "doc",
    "oncologist",
    "therapist",
    "counselor",
    "counsellor",
    "psychiatrist",
    "psychologist",
    "worker",
    "chaplain",
    "provider",
    "physician",
    "practitioner",
    "team",
    "staff",
    "form",
    "questionnaire",
    "survey",
    "intake",
    "they",
}
ROUTINE_WORDS = {"routine", "standard", "everyone", "everybody", "protocol"}
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
}
OCCASION_LINKS = {"for", "when", "on", "at"}
GATHERINGS = {"party", "celebration", "gathering", "reunion", "picnic", "barbecue"}
EVERYONE = {"everyone", "everybody", "all"}
# "I'm done with treatment. I'm done. Goodbye everyone.": done with more than treatment.
FAREWELLS = {"goodbye", "bye", "farewell"}
NEGATIONS = {"n't", "not", "never"}
TREATMENT_WORDS = {"chemo", "chemotherapy", "treatment", "treatments", "infusions", "radiation"}
# What "done with" is read on: "done with (the) chemo", "done w treatment".
DONE_WITH = {"with", "w", "w/"}
DONE_WITH_WINDOW = 2


def mentioned(name: str, span: Span) -> bool:
    """Whether the crisis cue `name` found at `span` is only mentioned (the module docstring).

    The doc must be parsed: who asked and what was asked are read from the dependencies.
    """
    words = [token.lower_ for token in span.doc]
    if NOT_A_MENTION_WORDS & set(words) or _said_of_oneself(words):
        return False
    sentence = {token.lower_ for token in sentence_of(span)}
    span_words = {token.lower_ for token in span}
    if name == "method" and "goodbye" in span_words:
        return bool(sentence & OCCASIONS and sentence & OCCASION_LINKS)
    if name == "goodbye":
        saying = span[0].lemma_ == "say" and span[0].tag_ not in {"VBD", "VBN"}
        return saying and bool(span_words & EVERYONE and sentence & GATHERINGS)
    if name == "done":
        return not FAREWELLS & set(words) and _done_with_treatment(words)
    if name == "suicide" and _about_whom_the_line_is_for(span):
        return True
    return _asked(span)


def _said_of_oneself(words: Sequence[str]) -> bool:
    """'I am', 'I do', 'like me' ... anywhere in `words`, unless denied ('I don't', 'I am not')."""
    for phrase in SAID_OF_ONESELF:
        size = len(phrase)
        for i in range(len(words) - size + 1):
            following = words[i + size] if i + size < len(words) else ""
            if tuple(words[i : i + size]) == phrase and following not in NEGATIONS:
                return True
    return False


def _asked(span: Span) -> bool:
    """The cue is what a screener asked, and another sentence asks whether that is routine.

    Not "I asked my doctor if ...", not "she asked me to help her end it" (no "if"), not "the
    nurse asked if I ever feel I'd be better off dead" (a clause of its own on the way up).
    """
    if not _routine_asked_elsewhere(span):
        return False
    token: Token = span.root
    for _ in range(ASKED_WINDOW):
        head = token.head
        if head is token:
            return False
        if head.lemma_ == "ask":
            asked_if = any(child.lower_ in ASKED_IF for child in token.children)
            return asked_if and _asked_by_a_screener(head)
        if token is not span.root and _has_subject(token):
            return False
        token = head
    return False


def _routine_asked_elsewhere(span: Span) -> bool:
    """'Is that routine?', 'Do they ask everyone?': a question of its own, not the cue's."""
    if not span.doc.has_annotation("SENT_START"):
        return False
    own = sentence_of(span)
    return any(
        sentence != own
        and sentence[-1].text == "?"
        and bool(ROUTINE_WORDS & {token.lower_ for token in sentence})
        for sentence in span.doc.sents
    )


def _asked_by_a_screener(ask: Token) -> bool:
    """'The nurse asked', 'my oncologist asks', 'I was asked': not 'everyone asks', 'I asked'."""
    subjects = [child for child in ask.children if child.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return False
    subject = subjects[0]
    return subject.dep_ == "nsubjpass" or subject.lower_ in SCREENERS


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
    """Every "done with" in `words` is done with treatment ("done with (the) chemo"), and one is.

    Not "done with chemo, done with my life", nor "not (like) done with chemo".
    """
    withs: List[int] = [
        i for i in range(1, len(words)) if words[i - 1] == "done" and words[i] in DONE_WITH
    ]
    if not withs:
        return False
    for i in withs:
        after = set(words[i + 1 : i + 1 + DONE_WITH_WINDOW])
        if not after & TREATMENT_WORDS or {"not", "like"} & set(words[max(0, i - 3) : i - 1]):
            return False
    return True
