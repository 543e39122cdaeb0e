"""Read a parsed message for signs of crisis, medical emergency or distress.

A spaCy Matcher over lemmas finds the cues (safety/patterns.py). Only when one
is found is the message parsed (a few milliseconds), and the parse decides what
the words alone cannot: whether a negation governs the cue ("I'm not suicidal"),
and who it is about ("my mom says she wants to die").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, FrozenSet, List, Optional, Set, Tuple

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from assistant.safety.levels import Level
from assistant.safety.patterns import (
    ALL_AT_ONCE,
    AS_USUAL_AFTER,
    AS_USUAL_WINDOW,
    BREATHING_QUALIFIERS,
    CUE_GROUPS,
    DAY_WORDS,
    DIE_OF_FIGURES,
    DOSE_TIMES,
    FAMILY_WORDS,
    FEVER_CONTEXT,
    HIGH_TEMPERATURE,
    INFORMATION_QUESTION_STARTS,
    INFORMATION_VERBS,
    MEALS,
    NOT_SWALLOWED,
    PLANNING_AFTER_DIE,
    PLANNING_WHERE_WINDOW,
    TEMPERATURE_WINDOW,
    TEMPERATURE_WORDS,
    WAKE_OBJECT_DETERMINERS,
    WAKE_OTHERS,
    WISH_WORDS,
    WOKEN_HOW,
    WOKEN_TO_FIND,
)

NEGATIONS = {"not", "n't", "nt", "never", "no", "without"}
NEGATABLE_HEADS = {"be", "have", "feel", "get", "seem", "look"}
FIRST_PERSON = {"i", "me", "myself", "my", "we", "us"}
THIRD_PERSON = {"he", "she", "they", "him", "her", "them", "herself", "himself", "themselves"}
NEGATION_WINDOW = 3
# "This isn't normal": a negation that says something is new; "never had one before",
# read this many words after the cue.
NOVELTY_WORDS = {"normal", "usual"}
NOVELTY_WINDOW = 4
# How a clause run on before another with a comma is parsed under it.
RUN_ON_CLAUSES = {"ccomp", "advcl", "parataxis"}


@dataclass(frozen=True)
class Assessment:
    """The highest level found, whether a crisis is about someone else, and the cue names."""

    level: Level
    about_someone_else: bool = False
    cues: Tuple[str, ...] = ()
    # The levels of cues found but set aside: negated ("I'm not suicidal"), planning
    # ("die at home"), or asked about ("how do they treat chest pain?"). Each level on its
    # own: a denied crisis cue says nothing about an emergency, nor the other way round.
    set_aside: FrozenSet[Level] = frozenset()
    # A crisis told with an emergency cue too ("I took all my pills and I want to die").
    emergency_too: bool = False
    # Words of dying or killing only in an idiom ("me muero de ganas de verlos"): the crisis
    # scores must be as sure as after a cue set aside, but an overdose keeps its 988.
    idiom: bool = False


class DistressDetector:
    """Finds crisis, emergency and distress cues in spaCy docs."""

    def __init__(self, vocab: Vocab, parse: Optional[Callable[[Doc], Doc]] = None) -> None:
        """Build the matcher; `parse` adds dependencies when a cue is found."""
        self.matcher = Matcher(vocab)
        for name, group in CUE_GROUPS.items():
            self.matcher.add(name, group.patterns)
        self.parse = parse

    def assess(self, doc: Doc) -> Assessment:
        """The safety level of `doc`."""
        matches = self.matcher(doc)
        if not matches:
            return Assessment(Level.NONE)
        if self.parse is not None and not doc.has_annotation("DEP"):
            doc = self.parse(doc)
        found: List[Tuple[Level, str, Span]] = []
        set_aside: Set[Level] = set()
        # Every crisis cue's words, counted or set aside: a lower cue inside them is part of it.
        crisis_spans: List[Span] = []
        for match_id, start, end in matches:
            name = doc.vocab.strings[match_id]
            span = doc[start:end]
            if _not_the_cue(name, span, doc):
                continue
            if CUE_GROUPS[name].level == Level.CRISIS:
                crisis_spans.append(span)
            if self._counts(name, span, doc):
                found.append((CUE_GROUPS[name].level, name, span))
            else:
                set_aside.add(CUE_GROUPS[name].level)
        found = _without_cues_inside_a_crisis_cue(found, crisis_spans)
        if not found:
            return Assessment(Level.NONE, set_aside=frozenset(set_aside))
        level = max(level for level, _, _ in found)
        spans = [span for cue_level, _, span in found if cue_level == level]
        about_other = level == Level.CRISIS and all(_about_someone_else(s) for s in spans)
        names = tuple(sorted({name for cue_level, name, _ in found if cue_level == level}))
        emergency_too = level == Level.CRISIS and any(
            cue_level == Level.EMERGENCY or (name == "pills_plan" and _taken_already(span))
            for cue_level, name, span in found
        )
        return Assessment(level, about_other, names, frozenset(set_aside), emergency_too)

    def _counts(self, name: str, span: Span, doc: Doc) -> bool:
        group = CUE_GROUPS[name]
        if group.negatable and _negated(span, parsed=doc.has_annotation("DEP")):
            return False
        if name == "want_to_die":
            return _wish_to_die(span, doc)
        if name == "pills_plan" and _as_usual(span):
            return False
        if name == "fever":
            return _fever_matters(doc)
        if name == "breathing" and _breathing_qualified(span, doc):
            return False
        if group.level == Level.EMERGENCY:
            return not _information_question(_sentence(span))
        return True


def _without_cues_inside_a_crisis_cue(
    found: List[Tuple[Level, str, Span]], crisis: List[Span]
) -> List[Tuple[Level, str, Span]]:
    """Drops lower cues that begin inside a crisis cue's words, counted or set aside.

    "thought about not waking up" holds "not waking", someone unresponsive, but it is
    one wish, not an emergency beside a crisis; so is "hoping I won't wake up." although the
    emergency cue reads on past the wish's last word, and so is the wish denied in "it's not
    like I'm hoping I won't wake up" (the scores read it).
    """
    return [
        (level, name, span)
        for level, name, span in found
        if level == Level.CRISIS or not any(c.start <= span.start < c.end for c in crisis)
    ]


def _not_the_cue(name: str, span: Span, doc: Doc) -> bool:
    """A match that only looks like its cue, so nothing was denied or set aside.

    "I'm done" ending a message is a cue; "I'm done with chemo" is not. "What I want is"
    matches the wish-to-die pattern's words but wishes for nothing of the kind, and so
    does "I wanted to die of embarrassment". "I don't want to wake anyone up" is not
    about waking oneself. A fever without chemotherapy or a high temperature is not the
    emergency cue; unless it is denied ("no fever"), the scores still read the message. An
    emergency cue whose negation tells it is new ("she's never had a seizure before") is left
    to the scores too. "I hope I don't wake up in pain" hopes for a better night, not for death.
    """
    after = doc[span.end] if span.end < len(doc) else None
    if name == "done":
        return not (after is None or after.is_punct)
    following = [token.lower_ for token in doc[span.end : span.end + 3]]
    if name == "want_to_die":
        if following[:1] in (["of"], ["from"]) and DIE_OF_FIGURES & set(following[1:2]):
            return True
        return not {token.lower_ for token in span} & {"die", "dead", "off"}
    group = CUE_GROUPS[name]
    novel = group.level == Level.EMERGENCY and group.negatable and name != "fever"
    novel = novel and _novelty(span)
    if novel and _negated(span, parsed=doc.has_annotation("DEP")):
        # Neither a cue nor denied: the scores read it.
        return True
    if name == "no_will_to_live" and span[-1].lemma_ == "wake":
        return _someone_elses_sleep(following)
    if name == "never_wake" and span[0].lower_ in WISH_WORDS:
        woken = _someone_elses_sleep(following) or _woken_how(doc[span.end : span.end + 5])
        return woken or _hoped_for_another(span)
    if name == "fever":
        serious = _high_temperature(doc) or {token.lower_ for token in doc} & FEVER_CONTEXT
        return not serious and not _negated(span, parsed=doc.has_annotation("DEP"))
    return False


def _novelty(span: Span) -> bool:
    """A negation that tells something is new, not that it is absent.

    "She's never had a seizure before", "I've never had chest pain like this", "this isn't
    normal for me": the message's only negation outside the cue, and it is "never" just
    before the cue with "before" or "like this" just after, or it is on "normal" or "usual".
    Not "no chest pain, never had any before", not "she never had a seizure before the brain
    mets and hasn't had one since".
    """
    negations = [
        token
        for token in span.doc
        if token.lower_ in NEGATIONS and not span.start <= token.i < span.end
    ]
    if len(negations) != 1:
        return False
    negation = negations[0]
    after = [token.lower_ for token in span.doc[span.end : span.end + NOVELTY_WINDOW]]
    if negation.lower_ == "never" and span.start - NEGATION_WINDOW <= negation.i < span.start:
        return "before" in after or _holds(after, ("like", "this"))
    following = span.doc[negation.i + 1 : negation.i + 3]
    return any(token.lower_ in NOVELTY_WORDS for token in following)


def _taken_already(span: Span) -> bool:
    """'Took all my pills', 'has taken all of her morphine': an overdose under way, not a plan.

    Not after an "if" in the same sentence ("what if I took all my pills").
    """
    first = span[0]
    if first.lemma_ != "take" or first.tag_ not in {"VBD", "VBN"}:
        return False
    return not any(token.lower_ == "if" and token.i < first.i for token in _sentence(span))


def _as_usual(span: Span) -> bool:
    """The day's medicines, or medicines carried: set aside as a crisis cue.

    "Took all my pills with breakfast", "did mom take all her pills today?", "took all her morphine
    back to the pharmacy". Never when the words say all at once ("took all my bedtime pills
    at once").
    """
    sentence = _sentence(span)
    words = [token.lower_ for token in sentence]
    if any(_holds(words, phrase) for phrase in ALL_AT_ONCE) or span[0].lemma_ != "take":
        return False
    if _asked_whether_taken(span[0], sentence):
        return True
    if span[0].tag_ not in {"VBD", "VBN"}:
        return False
    after = [token.lower_ for token in span.doc[span.end : span.end + AS_USUAL_WINDOW]]
    return (
        bool(DOSE_TIMES & {token.lower_ for token in span})
        or (bool(after) and after[0] in NOT_SWALLOWED)
        or any(_holds(after, phrase) for phrase in AS_USUAL_AFTER)
        or (bool({"with", "w"} & set(after)) and bool(MEALS & set(after)))
    )


def _asked_whether_taken(take: Token, sentence: Span) -> bool:
    """A question about someone else's day: "did mom take all her pills today?".

    Not "did I take all my pills?", not "why did she take ...", not without the day ("did she
    take all her morphine?? the bottle is empty").
    """
    if len(sentence) < 3 or sentence[-1].text != "?":
        return False
    asked = sentence[0].lower_ in {"did", "has", "have"} and sentence[1].lower_ != "i"
    about_the_day = bool(DAY_WORDS & {token.lower_ for token in sentence})
    return asked and about_the_day and take.i <= sentence.start + 3


def _holds(words: List[str], phrase: Tuple[str, ...]) -> bool:
    """Whether `phrase` occurs in `words`, word for word."""
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def _sentence(span: Span) -> Span:
    """The sentence of `span`, or the whole message when it was not split."""
    if span.doc.has_annotation("SENT_START"):
        return span.sent
    return span.doc[:]


def _someone_elses_sleep(following: List[str]) -> bool:
    """'(don't want to wake) anyone up', '(up) my husband', 'the kids': not one's own waking."""
    words = _past_up(following)
    if words[:1] and words[0] in WAKE_OTHERS:
        return True
    return len(words) >= 2 and words[0] in WAKE_OBJECT_DETERMINERS and words[1] in WAKE_OTHERS


def _hoped_for_another(span: Span) -> bool:
    """'I hope she won't wake up': hoped by one person of another, not one's own wish.

    "She hopes she won't wake up" and "Mom hopes she won't wake up" are hers: the one who
    hopes is the one who would not wake, named or the same pronoun. With no one named as
    hoping ("hoping she won't wake up"), it is left as it was.
    """
    waker = next((token for token in span if token.lower_ in THIRD_PERSON), None)
    if waker is None:
        return False
    hoper = _subjects_above(span[0])
    if not hoper:
        return True
    pronoun = hoper[0].lower_ in FIRST_PERSON | THIRD_PERSON | {"you"}
    return pronoun and hoper[0].lower_ != waker.lower_


def _past_up(words: List[str]) -> List[str]:
    """The words after "wake", without the "up" that may follow it."""
    return words[1:] if words[:1] == ["up"] else words


def _woken_how(following: Span) -> bool:
    """'(hope I don't wake) up in pain', 'at 3am': how or when one wakes, not whether."""
    words = _past_up([token.lower_ for token in following])
    if words[:2] in (["again", "tonight"], ["one", "day"]) or set(words) & WOKEN_TO_FIND:
        # "... again tonight, I need sleep"; "... and find out it spread", "one day".
        return True
    words = words[1:] if words[:1] == ["again"] else words
    if words[:1] == ["in"]:
        return words[1:3] != ["the", "morning"] and words[1:2] != ["this"]
    # "... wake up 5 times a night": how often.
    return bool(words[:1]) and (words[0] in WOKEN_HOW or words[0].isdigit())


def _negated(span: Span, parsed: bool) -> bool:
    """Whether a negation governs `span` ("not suicidal", "no fever", "never kill myself")."""
    before = span.doc[max(0, span.start - NEGATION_WINDOW) : span.start]
    if any(token.lower_ in {"no", "never", "without"} for token in before):
        return True
    if not parsed:
        return any(token.lower_ in NEGATIONS for token in before)

    def outside(child: Token) -> bool:
        return child.dep_ == "neg" and not span.start <= child.i < span.end

    if any(outside(child) for token in span for child in token.children):
        return True
    # Up through "going to", "want to", "be": "I'm not going to hurt myself". Not out of a
    # clause with its own subject: in "I'm not suicidal but I want to die" the negation
    # belongs to the first clause only.
    head = span.root
    for _ in range(2):
        if head.head is head or _own_clause(head):
            return False
        head = head.head
        if head.lemma_ in NEGATABLE_HEADS or head.lemma_ in {"go", "want", "plan", "try"}:
            if any(outside(child) for child in head.children):
                return True
        else:
            return False
    return False


def _own_clause(token: Token) -> bool:
    """A clause with its own subject, which a negation elsewhere does not reach.

    Conjoined ("..., but I want to die"), or told in the present and run on before the clause
    spaCy parses it under ("she's having a seizure, she's never had one before").
    """
    if not any(child.dep_ in {"nsubj", "nsubjpass"} for child in token.children):
        return False
    if token.dep_ == "conj":
        return True
    # Only a clause of now: in "she had a seizure last month, she's never had one since" the
    # negation still tells the seizure is over.
    return token.dep_ in RUN_ON_CLAUSES and token.i < token.head.i and not _past(token)


def _past(token: Token) -> bool:
    """A verb in the past ("had", "was bleeding"), not "is having" or "has had"."""
    auxiliaries = [child for child in token.children if child.dep_ in {"aux", "auxpass"}]
    return token.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries)


def _wish_to_die(span: Span, doc: Doc) -> bool:
    """A wish to die or be dead, unless it is about where and how ("die at home").

    "Where", a few words before the wish ("she asked where I would want to die"), is the
    same planning asked the other way round.
    """
    words = {token.lower_ for token in span}
    if "dead" in words:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in PLANNING_AFTER_DIE:
        return False
    # Only a "where" the wish itself hangs on: not "I don't care where, I want to die".
    before = doc[max(0, span.start - PLANNING_WHERE_WINDOW) : span.start]
    return not any(
        token.lower_ == "where" and span.start <= token.head.i < span.end for token in before
    )


def _breathing_qualified(span: Span, doc: Doc) -> bool:
    """'Not breathing well': a symptom, not a person who has stopped breathing."""
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    return span[-1].lower_ == "breathing" and following in BREATHING_QUALIFIERS


def _fever_matters(doc: Doc) -> bool:
    """Fever is an emergency with chemotherapy or a high temperature, unless asked about."""
    return _high_temperature(doc) or not _information_question(doc)


def _high_temperature(doc: Doc) -> bool:
    """A high temperature written near "fever" or "temperature"."""
    near: Set[int] = set()
    for token in doc:
        if token.lower_ in TEMPERATURE_WORDS:
            near.update(range(token.i - TEMPERATURE_WINDOW, token.i + TEMPERATURE_WINDOW + 1))
    return any(re.match(HIGH_TEMPERATURE, doc[i].lower_) for i in near if 0 <= i < len(doc))


def _information_question(sentence: Span | Doc) -> bool:
    """'How do they treat chest pain?': a question about a symptom, not a report of one."""
    tokens = [token for token in sentence if not token.is_punct]
    if not tokens or tokens[0].lower_ not in INFORMATION_QUESTION_STARTS:
        return False
    return any(token.lemma_ in INFORMATION_VERBS for token in tokens)


def _about_someone_else(span: Span) -> bool:
    """Whether the cue's subject is another person ("my mom says she wants to die")."""
    words = {token.lower_ for token in span}
    if words & {"herself", "himself", "themselves", "his", "her", "their"}:
        return True
    if words & FIRST_PERSON:
        return False
    for subject in _subjects_above(span.root):  # the nearest person decides
        if subject.lower_ in FIRST_PERSON:
            return False
        if subject.lower_ in THIRD_PERSON or subject.lemma_.lower() in FAMILY_WORDS:
            return True
    return False


def _subjects_above(token: Token) -> List[Token]:
    """The subjects of `token` and of the words it depends on, nearest first."""
    subjects: List[Token] = []
    for _ in range(4):
        subjects += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.head is token:
            break
        token = token.head
    return subjects
