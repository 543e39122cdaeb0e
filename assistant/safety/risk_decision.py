"""How the risk layer decides: patterns first, then the meaning-level scores.

Pure functions over what the NLU components found, so each rule can be tested
without a model. The scores are the intent classifier's probabilities summed per
level; the decision uses those sums, never the winning topic, so a message that
carries both a risk and a topic ("does insurance pay out if I end it") is read
for its risk first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Dict, FrozenSet, Mapping, Optional, Sequence

from assistant.safety.detector import Assessment
from assistant.safety.levels import Level

CRISIS_SELF = "crisis_self"
CRISIS_OTHER = "crisis_someone_else"
NOT_SAFE = "not_safe"
EMERGENCY = "medical_emergency"
# An emergency read together with a strong crisis signal: 911 first, then 988.
EMERGENCY_AND_CRISIS = "medical_emergency_and_crisis"
DISTRESS = "distress"
POSSIBLE_CRISIS = "possible_crisis"
OTHER_LANGUAGE = "other_language"
RISK_INTENTS = {
    CRISIS_SELF,
    CRISIS_OTHER,
    NOT_SAFE,
    EMERGENCY,
    EMERGENCY_AND_CRISIS,
    DISTRESS,
    POSSIBLE_CRISIS,
}
# The levels by name, as the level scorers' classes and the split files name them.
CRISIS_LEVEL, UNSURE_LEVEL, EMERGENCY_LEVEL, DISTRESS_LEVEL, NO_RISK = (
    "crisis",
    "unsure",
    "emergency",
    "distress",
    "none",
)
# The multilingual scorer's second emergency probability, from regressions of its own
# (emergency or not), beside the levels' (assistant.components.multilingual_risk_scorer).
EMERGENCY_OR_NOT = "emergency_or_not"
LEVEL_NAME_OF_INTENT = {
    CRISIS_SELF: CRISIS_LEVEL,
    NOT_SAFE: CRISIS_LEVEL,
    CRISIS_OTHER: CRISIS_LEVEL,
    POSSIBLE_CRISIS: UNSURE_LEVEL,
    EMERGENCY: EMERGENCY_LEVEL,
    DISTRESS: DISTRESS_LEVEL,
}
INTENT_LEVELS = {
    NOT_SAFE: Level.CRISIS,
    CRISIS_SELF: Level.CRISIS,
    CRISIS_OTHER: Level.CRISIS,
    EMERGENCY: Level.EMERGENCY,
    DISTRESS: Level.DISTRESS,
}
# The pattern cue for an overdose (taken too many, "overdose"): the emergency most often
# taken on purpose, so a middle crisis score is enough for 988 after 911.
OVERDOSE_CUE = "accidental_overdose"
# Intents a distress cue always replaces: the feeling comes first.
DISTRESS_CAN_REPLACE = {
    "emotional_support",
    "nlu_fallback",
    "out_of_scope",
    "acknowledge",
    "greet",
    "other_language",
    "affirm",
    "deny",
    "share_situation",
}
# Topics a distress cue comes before even when the topic is sure: asked about the crisis
# lines ("can I call 988 for myself? I'm exhausted"), the person is heard first, then answered.
DISTRESS_COMES_BEFORE = {"about_crisis_lines"}
# Crisis cues that tell of an act, planned or done, in the writer's own words ("kill myself",
# "cut myself", "took them all on purpose"): the labelled reader's doubt never turns their
# crisis answer into the question (nor that of "not safe", answered before it is read).
CUES_OF_AN_ACT = {"kill_self", "self_harm", "taken_on_purpose"}
# Replies to a question ("yes", "no", "I'm safe", "I'd rather not say"): the labelled reader's
# own question is never asked of one.
REPLIES = {"affirm", "deny", "say_safe", "decline_to_say"}
# Answers that make no sense to give after a risk answer ("hello", "thanks").
NOT_A_TOPIC = (
    RISK_INTENTS
    | DISTRESS_CAN_REPLACE
    | {
        "thank",
        "goodbye",
        "say_safe",
        "decline_to_say",
        "bot_challenge",
        "inform",
        "show_more",
        "change_place",
        "stop_search",
    }
)


@dataclass(frozen=True)
class Thresholds:
    """Where the scores turn into answers (chosen by cross-validation, docs/safety.md)."""

    crisis: float = 0.6
    check_in: float = 0.15
    # A crisis cue set aside (negated, planning, asked about) does not silence the scores:
    # they still count when they are this sure ("I don't want to be alive much longer"),
    # and from `set_aside_check_in` the person is asked directly.
    set_aside_crisis: float = 0.8
    set_aside_check_in: float = 0.5
    # A sentence of a long message this sure of a crisis counts as the whole message.
    riskiest_sentence: float = 0.8
    emergency: float = 0.5
    distress: float = 0.5
    # "I didn't understand" names 988 from here (or with a pattern's cue).
    some_risk: float = 0.15
    topic_confidence: float = 0.8
    follow_topic: float = 0.2
    # A message in another language, read by the multilingual scorer: 911 from here, and
    # from `other_language_some_risk` the "only English" answer names 988's Spanish line.
    other_language_emergency: float = 0.6
    other_language_some_risk: float = 0.5
    # A message in Spanish, which the assistant understands and answers: a sure crisis
    # score asks the direct question, a sure emergency score gives 911 (the levels', or the
    # emergency regressions' own, `EMERGENCY_OR_NOT`).
    spanish_check_in: float = 0.5
    spanish_emergency: float = 0.5
    spanish_emergency_or_not: float = 0.6
    # Where the direct question would be asked: the crisis answer instead, when the
    # multilingual crisis score is this sure and the classifiers' crisis score agrees this much.
    spanish_crisis: float = 0.8
    spanish_crisis_agreement: float = 0.3
    # An English message also read by the multilingual scorer (a second opinion, on
    # another sentence model): its crisis-or-unsure probability asks the direct question
    # from `second_opinion_check_in` where the classifiers saw too little to ask, and
    # below `second_opinion_doubt` holds the question back where the classifiers' own
    # crisis-or-unsure score is under `second_opinion_doubt_below` (docs/safety.md,
    # "2026-12-05, night").
    second_opinion_check_in: float = 0.7
    # ... of a message this many words long: alone, a short reply ("idk, maybe") reads to
    # the other sentence model like the unsure middle.
    second_opinion_words: float = 6
    second_opinion_doubt: float = 0.08
    second_opinion_doubt_below: float = 0.25
    # Under this, the second opinion turns the classifiers' crisis answer into the direct
    # question: one reader sure of a crisis, the other not even halfway ("2026-12-06, later"
    # in docs/safety.md). A crisis the patterns found keeps its answer (only the labelled
    # reader's doubt, below, reaches some of those).
    second_opinion_crisis_doubt: float = 0.5
    # The classifiers' crisis score for someone else this many times the one for the person:
    # the direct question is asked about someone else ("do you think they may be thinking
    # about ending their life?"), and the raised Spanish crisis answer is for someone else.
    # Below it, the question is about the person: asked of a person in a crisis, the
    # question about someone else would speak past them.
    someone_else_ratio: float = 3.0
    # The labelled risk reader's probability that an English message holds no risk
    # (assistant.components.labelled_risk_reader): from `labelled_crisis_doubt`, a crisis
    # answer becomes the direct question (not for `CUES_OF_AN_ACT`); from
    # `labelled_question_doubt`, with the second opinion under `labelled_question_second`, a
    # question the classifiers' scores asked from under `labelled_question_below` is held
    # back (docs/safety.md, "2026-12-06, night"; both doubts from 0.8 instead of 0.9 since
    # "2026-12-07, later still").
    labelled_crisis_doubt: float = 0.8
    labelled_question_doubt: float = 0.8
    labelled_question_second: float = 0.5
    labelled_question_below: float = 0.5
    # The other way: the labelled reader this sure of a crisis, with the second opinion at
    # `labelled_ask_second` or more, asks the direct question where the classifiers' scores
    # saw too little to ask (docs/safety.md, "2026-12-07, evening").
    labelled_crisis_ask: float = 0.8
    labelled_ask_second: float = 0.3
    # The stacked reader's crisis probability (assistant.safety.crisis_stack) under this
    # holds back a question only the classifiers' scores asked, from a middle score
    # (docs/safety.md, "2026-12-07, last").
    stacked_hold_back: float = 0.03


@dataclass(frozen=True)
class RiskScores:
    """Probability mass per level from the intent classifier."""

    crisis_self: float = 0.0
    crisis_other: float = 0.0
    uncertain: float = 0.0
    emergency: float = 0.0
    distress: float = 0.0

    @property
    def crisis(self) -> float:
        """Suicide risk, for the person or someone else."""
        return self.crisis_self + self.crisis_other

    @classmethod
    def from_probabilities(cls, probabilities: Mapping[str, float]) -> RiskScores:
        """Sum the classifier's probabilities per level."""
        return cls(
            crisis_self=probabilities.get(CRISIS_SELF, 0.0) + probabilities.get(NOT_SAFE, 0.0),
            crisis_other=probabilities.get(CRISIS_OTHER, 0.0),
            uncertain=probabilities.get(POSSIBLE_CRISIS, 0.0),
            emergency=probabilities.get(EMERGENCY, 0.0),
            distress=probabilities.get(DISTRESS, 0.0),
        )


def riskiest_sentence_index(
    scores: RiskScores, sentences: Sequence[RiskScores], threshold: float
) -> Optional[int]:
    """Which sentence's crisis score, `threshold` or more, is above the whole message's."""
    if not sentences:
        return None
    index = max(range(len(sentences)), key=lambda i: sentences[i].crisis)
    return index if sentences[index].crisis >= max(threshold, scores.crisis) else None


def with_riskiest_sentence(
    scores: RiskScores, sentences: Sequence[RiskScores], threshold: float
) -> RiskScores:
    """The message's scores, raised to its riskiest sentence's when that one is sure.

    A crisis told in one sentence of a long message about scans and insurance is
    diluted in the whole message's embedding; alone, its sentence is read for what it is.
    """
    index = riskiest_sentence_index(scores, sentences, threshold)
    if index is None:
        return scores
    riskiest = sentences[index]
    return replace(scores, crisis_self=riskiest.crisis_self, crisis_other=riskiest.crisis_other)


def second_opinion_on(
    decided_on: RiskScores,
    whole: RiskScores,
    multilingual: Optional[Mapping[str, float]],
    of_sentence: Optional[Mapping[str, float]] = None,
) -> Optional[float]:
    """The multilingual crisis-or-unsure probability, as a second opinion on `decided_on`.

    On the whole message (`multilingual`) when `decided_on` is the `whole` message's scores;
    on the riskiest sentence alone (`of_sentence`) when that sentence raised them: read whole,
    the crisis told in it is diluted. None when the scorer did not read what was decided on.
    """
    scores = multilingual if decided_on == whole else of_sentence
    if not scores:
        return None
    return scores.get(CRISIS_LEVEL, 0.0) + scores.get(UNSURE_LEVEL, 0.0)


def clearly_about_someone_else(scores: RiskScores, ratio: float) -> bool:
    """Whether the classifiers put the crisis on someone else, `ratio` times the person."""
    return scores.crisis_other > 0 and scores.crisis_other >= ratio * scores.crisis_self


@dataclass(frozen=True)
class Decision:
    """The intent to answer, its level, and what else the message asked about."""

    intent: Optional[str]
    level: Level
    about_someone_else: bool = False
    some_risk: bool = False
    topic: Optional[str] = None
    # Which signal decided: "patterns", "scorer", "multilingual", "labelled" or "none".
    source: str = "none"
    # The crisis intent (for the person or someone else) the classifiers' scores or the
    # patterns chose and the second opinion or the labelled reader doubted, so that the
    # question was asked instead (None otherwise).
    crisis_doubted: Optional[str] = None
    # Where the stacked reader held back the question the other rules would have asked: the
    # intent they would have given (`possible_crisis`, or the statement of safety the risk
    # assessor reads in it). The dialogue knows whether the question was just asked, and
    # hears a reply to it as this intent; elsewhere the decision stands.
    without_stack: Optional[str] = None


def decide(
    assessment: Assessment,
    scores: RiskScores,
    ranking: Sequence[Mapping[str, object]],
    thresholds: Thresholds,
    second_opinion: Optional[float] = None,
    words: int = 0,
    lethal_amount: bool = False,
    labelled: Optional[Mapping[str, float]] = None,
    stacked: Optional[float] = None,
) -> Decision:
    """The answer for one message of `words` words (see the module docstring).

    `second_opinion` is the multilingual scorer's crisis-or-unsure probability for an
    English message it read (None when it did not): sure, it asks the direct question the
    classifiers' scores would not; near zero, it holds back a question they asked from a
    low score ("2026-12-05, night" in docs/safety.md); under half, it turns their crisis
    answer into the question (`Decision.crisis_doubted`). `lethal_amount`: the message asks how
    much of one's own medicine would kill (`assistant.safety.lethal_amount`); below the crisis
    answer it asks the direct question, and after 911 it adds 988 from a score that would ask.
    `labelled`: the labelled risk reader's probabilities for an English message (None when
    it did not read it); sure of no risk, it doubts a crisis answer and, with the second
    opinion, a question from the scores (`Thresholds.labelled_crisis_doubt`); sure of a
    crisis, with the second opinion, it asks the question the scores would not
    (`Thresholds.labelled_crisis_ask`). `stacked`: the three readers' crisis probability
    weighed together (`assistant.safety.crisis_stack`; None where a reader did not read the
    message); under `Thresholds.stacked_hold_back` it holds back a question only the
    classifiers' middle scores asked, unless one reader alone is sure of a crisis, and marks
    the decision given in its place (`Decision.without_stack`).
    """
    inputs = (assessment, scores, ranking, thresholds, second_opinion, words, lethal_amount)
    decision = _decide(*inputs, labelled, stacked)
    if stacked is None or decision.intent == POSSIBLE_CRISIS:
        return decision
    if _decide(*inputs, labelled, None).intent != POSSIBLE_CRISIS:
        return decision
    return replace(decision, without_stack=POSSIBLE_CRISIS)


def _decide(
    assessment: Assessment,
    scores: RiskScores,
    ranking: Sequence[Mapping[str, object]],
    thresholds: Thresholds,
    second_opinion: Optional[float],
    words: int,
    lethal_amount: bool,
    labelled: Optional[Mapping[str, float]],
    stacked: Optional[float],
) -> Decision:
    """`decide`'s rules, without the mark of a question the stack held back."""
    top = str(ranking[0]["name"]) if ranking else None
    confidence = float(ranking[0]["confidence"]) if ranking else 0.0  # type: ignore[arg-type]
    topic = _topic(ranking, thresholds.follow_topic)
    crisis_or_unsure = scores.crisis + scores.uncertain
    crisis_set_aside = Level.CRISIS in assessment.set_aside
    crisis_scores_count = (
        not (crisis_set_aside or assessment.idiom)
        or crisis_or_unsure >= thresholds.set_aside_crisis
    )
    question_doubted = (
        second_opinion is not None
        and second_opinion < thresholds.second_opinion_doubt
        and crisis_or_unsure < thresholds.second_opinion_doubt_below
    )
    no_risk_read = (labelled or {}).get(NO_RISK, 0.0)
    crisis_read = (labelled or {}).get(CRISIS_LEVEL, 0.0)
    labelled_doubts_crisis = no_risk_read >= thresholds.labelled_crisis_doubt
    crisis_answer_doubted = (
        second_opinion is not None and second_opinion < thresholds.second_opinion_crisis_doubt
    ) or labelled_doubts_crisis
    # Never a question the classifier itself chose as its best intent.
    question_held_back = (
        top != POSSIBLE_CRISIS
        and crisis_or_unsure < thresholds.labelled_question_below
        and no_risk_read >= thresholds.labelled_question_doubt
        and second_opinion is not None
        and second_opinion < thresholds.labelled_question_second
    )
    # The stacked reader sure there is no crisis holds back a question only the classifiers'
    # scores asked, from under `labelled_question_below`. Never one they chose as their best
    # intent, nor one asked after a crisis cue was set aside, nor where one reader alone is
    # sure of a crisis: the second opinion or the labelled reader at the threshold from which
    # it asks on its own (their other conditions aside, so this keeps more questions).
    stack_doubts = (
        stacked is not None
        and stacked < thresholds.stacked_hold_back
        and top != POSSIBLE_CRISIS
        and not crisis_set_aside
        and crisis_or_unsure < thresholds.labelled_question_below
        and crisis_read < thresholds.labelled_crisis_ask
        and (second_opinion or 0.0) < thresholds.second_opinion_check_in
    )
    # A question the labelled reader holds back keeps 988 in a fallback in its place: it may
    # still be a crisis (docs/safety.md, "2026-12-07, later still").
    some_risk = (
        (crisis_or_unsure >= thresholds.some_risk and crisis_scores_count and not question_doubted)
        or assessment.level > Level.NONE
        or lethal_amount
    )

    if assessment.level == Level.CRISIS:
        if top == NOT_SAFE or {"unsafe", "in_danger"} & set(assessment.cues):
            return Decision(NOT_SAFE, Level.CRISIS, source="patterns", some_risk=True)
        other = assessment.about_someone_else
        # A crisis told with an emergency under way: 911 first, then 988. The emergency is
        # a pattern's, or the scores' unless an emergency cue was denied ("no chest pain").
        emergency_scored = (
            Level.EMERGENCY not in assessment.set_aside and scores.emergency >= thresholds.emergency
        )
        if assessment.emergency_too or emergency_scored:
            return Decision(EMERGENCY_AND_CRISIS, Level.EMERGENCY, other, True, None, "patterns")
        if labelled_doubts_crisis and not CUES_OF_AN_ACT & set(assessment.cues):
            # A cue the labelled reader is sure holds no risk ("is 988 only for people who
            # are suicidal?", "goodbye letters for their wedding days"): asked, not answered.
            return Decision(
                POSSIBLE_CRISIS,
                Level.CRISIS,
                other,
                True,
                topic,
                "patterns",
                crisis_doubted=_crisis_intent(other),
            )
        return Decision(_crisis_intent(other), Level.CRISIS, other, True, None, "patterns")
    # An emergency that may be deliberate (an overdose taken to die) gets 988 after 911;
    # one said not to be ("I didn't do it on purpose") gets 911 alone. With an overdose's
    # cue or a question about a lethal amount, a score that would ask the question is enough.
    deliberate = (
        crisis_or_unsure >= thresholds.check_in
        if OVERDOSE_CUE in assessment.cues or lethal_amount
        else scores.crisis >= thresholds.crisis
    )
    emergency = EMERGENCY_AND_CRISIS if not crisis_set_aside and deliberate else EMERGENCY
    if assessment.level == Level.EMERGENCY:
        return Decision(emergency, Level.EMERGENCY, some_risk=True, source="patterns")
    emergency_set_aside = Level.EMERGENCY in assessment.set_aside
    if not emergency_set_aside and (scores.emergency >= thresholds.emergency or top == EMERGENCY):
        return Decision(emergency, Level.EMERGENCY, some_risk=True, source="scorer")
    # Whom the direct question is about, if it is asked.
    asked_about = clearly_about_someone_else(scores, thresholds.someone_else_ratio)
    if crisis_scores_count:
        if scores.crisis >= thresholds.crisis:
            other = scores.crisis_other > scores.crisis_self
            if crisis_answer_doubted:
                # Sure for the classifiers, not even halfway for the other sentence model, or
                # no risk at all for the labelled reader: ask directly ("I'd like to die at
                # home in my own chair"); whom the question is about is decided as for any
                # question, the answer it stands in for kept.
                return Decision(
                    POSSIBLE_CRISIS,
                    Level.CRISIS,
                    asked_about,
                    True,
                    topic,
                    "scorer",
                    crisis_doubted=_crisis_intent(other),
                )
            return Decision(_crisis_intent(other), Level.CRISIS, other, True, None, "scorer")
        # The second opinion's doubt, and the labelled reader's with it, never hold back
        # the question when the classifiers' best intent is itself a crisis.
        asked_by_scores = (
            crisis_or_unsure >= thresholds.check_in
            and not question_doubted
            and not question_held_back
            and not stack_doubts
        )
        if asked_by_scores or top in (INTENT_LEVELS.keys() - {EMERGENCY, DISTRESS}):
            return Decision(POSSIBLE_CRISIS, Level.CRISIS, asked_about, True, topic, "scorer")
        if lethal_amount:
            return Decision(POSSIBLE_CRISIS, Level.CRISIS, asked_about, True, topic, "patterns")
        if (
            crisis_read >= thresholds.labelled_crisis_ask
            and second_opinion is not None
            and second_opinion >= thresholds.labelled_ask_second
            and top not in REPLIES
        ):
            # A crisis the reader of the labelled splits is sure of, which the other sentence
            # model does not rule out, and the classifiers hardly hear. Never for a reply ("yes,
            # a lot lately", "no, I'm safe"), which the question's own form reads. The question
            # is about the person: the reader does not say whom, and on scores this low (under
            # `check_in`, or the scores would have asked), neither do the classifiers.
            return Decision(POSSIBLE_CRISIS, Level.CRISIS, False, True, topic, "labelled")
        if (
            second_opinion is not None
            and second_opinion >= thresholds.second_opinion_check_in
            and words >= thresholds.second_opinion_words
        ):
            # A crisis the classifiers' sentence model hardly hears and the other one does.
            return Decision(POSSIBLE_CRISIS, Level.CRISIS, asked_about, True, topic, "multilingual")
    elif crisis_or_unsure >= thresholds.set_aside_check_in or lethal_amount:
        # "I don't want to be here without her": a cue read as negated, scores that say
        # otherwise. Not sure enough for the crisis answer, too sure to say nothing. So is
        # "I'm not suicidal, I just want the lethal dose of my oxy".
        source = "patterns" if lethal_amount else "scorer"
        return Decision(POSSIBLE_CRISIS, Level.CRISIS, asked_about, True, topic, source)
    distressed = assessment.level == Level.DISTRESS or (
        scores.distress >= thresholds.distress or top == DISTRESS
    )
    if distressed:
        topic_level = INTENT_LEVELS.get(top or "", Level.NONE)
        if (
            top == DISTRESS
            or top in DISTRESS_CAN_REPLACE
            or top in DISTRESS_COMES_BEFORE
            or confidence < thresholds.topic_confidence
            or topic_level > Level.NONE
        ):
            source = "patterns" if assessment.level == Level.DISTRESS else "scorer"
            return Decision(DISTRESS, Level.DISTRESS, False, True, topic, source)
    if top in RISK_INTENTS or top == POSSIBLE_CRISIS:
        # The classifier's pick is a risk the layer did not confirm (a negated cue, "I'm
        # not suicidal"): answer the best topic instead, or ask to rephrase.
        return Decision(topic or "nlu_fallback", Level.NONE, some_risk=some_risk)
    return Decision(top, Level.NONE, some_risk=some_risk)


def decide_other_language(
    decision: Decision, scores: Optional[Mapping[str, float]], thresholds: Thresholds
) -> Decision:
    """The decision for a message in another language, with the multilingual scores.

    Only when the patterns and the English scores found nothing: a sure emergency gets
    911 (its answer has a Spanish line); crisis, unsure and emergency scores that together
    reach the middle keep the "I can only understand English" answer and make it name
    988's Spanish line (and 911). The English crisis answer never comes from these scores
    alone: they are less sure than the English ones (docs/safety.md, "Spanish, before
    issue 16").
    """
    if not scores or decision.level != Level.NONE:
        return decision
    if decision.intent not in {OTHER_LANGUAGE, "nlu_fallback"}:
        return decision
    emergency = scores.get(EMERGENCY_LEVEL, 0.0)
    if emergency >= thresholds.other_language_emergency:
        return Decision(EMERGENCY, Level.EMERGENCY, some_risk=True, source="multilingual")
    # Crisis and emergency together: "no puedo más, me tomé las pastillas" may split its
    # probability between the two, sure of neither; the answer then names 988 and 911.
    risk = scores.get(CRISIS_LEVEL, 0.0) + scores.get(UNSURE_LEVEL, 0.0) + emergency
    if risk >= thresholds.other_language_some_risk:
        return Decision(OTHER_LANGUAGE, Level.NONE, some_risk=True, source="multilingual")
    return decision


def decide_spanish(
    decision: Decision,
    scores: Optional[Mapping[str, float]],
    thresholds: Thresholds,
    set_aside: FrozenSet[Level] = frozenset(),
    classifiers: RiskScores = RiskScores(),
    by_mistake: bool = False,
) -> Decision:
    """The decision for a message in Spanish, raised by the multilingual scores when sure.

    A Spanish message is read like an English one (patterns, Spanish cues, and the classifiers'
    probabilities per level, the Spanish classifier averaged in). The multilingual scores only
    raise the level when they are sure: 911 from the levels' emergency threshold or the
    emergency regressions' own (`EMERGENCY_OR_NOT`), with 988 after it where the crisis scores
    would have asked or named 988 (after an emergency the cues or the classifiers found, where
    the crisis score would ask, unless `by_mistake`: "sin querer"), and from the crisis
    threshold the direct question (in Spanish, naming 988's Spanish line). Alone they never give
    the crisis answer: on benign Spanish messages full of death words they are too often sure
    and wrong. They give it where the question would be asked, the multilingual crisis score is
    very sure (`spanish_crisis`) and the classifiers' crisis score agrees
    (`spanish_crisis_agreement`), for someone else only when the classifiers clearly say so
    (`someone_else_ratio`); not for an idiom or a crisis cue the person set aside. In their
    middle band only "I didn't understand" names 988: the direct question and the distress
    answer from there were false alarms on ordinary Spanish questions (docs/languages.md). An
    emergency cue the person denied ("no tengo fiebre") keeps both emergency scores out of all
    of this, as in English.
    """
    if scores:
        # Below an emergency or a crisis: nothing, distress, or the direct question.
        below = decision.level <= Level.DISTRESS or decision.intent == POSSIBLE_CRISIS
        denied = Level.EMERGENCY in set_aside
        emergency = 0.0 if denied else scores.get(EMERGENCY_LEVEL, 0.0)
        # 911 from the levels' emergency probability or from the emergency regressions' own
        # (`EMERGENCY_OR_NOT`, which learned more emergencies than the levels could).
        sure_emergency = not denied and (
            emergency >= thresholds.spanish_emergency
            or scores.get(EMERGENCY_OR_NOT, 0.0) >= thresholds.spanish_emergency_or_not
        )
        crisis = scores.get(CRISIS_LEVEL, 0.0)
        unsure = scores.get(UNSURE_LEVEL, 0.0)
        # A crisis cue the person denied ("I'm not suicidal", which reads as Spanish too)
        # is left to the classifiers' scores, as in English.
        crisis_counts = Level.CRISIS not in set_aside
        # The crisis score alone would ask the direct question.
        would_ask = crisis_counts and crisis >= thresholds.spanish_check_in
        if below and sure_emergency:
            # A question already raised, or crisis scores that would ask it or name 988
            # ("no puedo más, me tomé las pastillas"), keep 988 after 911: the emergency
            # regressions' probability is not taken from the crisis one.
            asked = (
                decision.intent == POSSIBLE_CRISIS
                or would_ask
                or (crisis_counts and crisis + unsure >= thresholds.other_language_some_risk)
            )
            intent = EMERGENCY_AND_CRISIS if asked else EMERGENCY
            return Decision(intent, Level.EMERGENCY, some_risk=True, source="multilingual")
        if decision.intent == EMERGENCY and would_ask and not by_mistake:
            # An emergency the classifiers or the cues found, told with a crisis only the
            # multilingual crisis score hears ("¿el seguro paga si uno se muere por
            # sobredosis?"): 911 first, then 988. The crisis score alone, from where it
            # would ask the question; not for a dose said to be a mistake.
            return replace(decision, intent=EMERGENCY_AND_CRISIS, source="multilingual")
        topic = decision.topic or (decision.intent if decision.intent not in NOT_A_TOPIC else None)
        # For someone else only when the classifiers clearly say so: the question or the
        # answer for someone else, given to a person in a crisis, speaks past them.
        other = clearly_about_someone_else(classifiers, thresholds.someone_else_ratio)
        if decision.level <= Level.DISTRESS and would_ask:
            decision = Decision(POSSIBLE_CRISIS, Level.CRISIS, other, True, topic, "multilingual")
        if decision.intent == POSSIBLE_CRISIS:
            sure = crisis >= thresholds.spanish_crisis
            agreed = classifiers.crisis >= thresholds.spanish_crisis_agreement
            unclear = not other and classifiers.crisis_other > classifiers.crisis_self
            if crisis_counts and sure and agreed and not unclear:
                return Decision(
                    _crisis_intent(other), Level.CRISIS, other, True, None, "multilingual"
                )
            return decision
        # In the middle band, "I didn't understand" names 988 (as `some_risk` does in English).
        middle = crisis + unsure + emergency
        if middle >= thresholds.other_language_some_risk:
            return replace(decision, some_risk=True)
    return decision


def _crisis_intent(about_someone_else: bool) -> str:
    return CRISIS_OTHER if about_someone_else else CRISIS_SELF


def _topic(ranking: Sequence[Mapping[str, object]], minimum: float) -> Optional[str]:
    """The best-ranked topic the person also asked about, if the classifier sees one."""
    for candidate in ranking:
        name = str(candidate["name"])
        if name in NOT_A_TOPIC or name == "nlu_fallback":
            continue
        return name if float(candidate["confidence"]) >= minimum else None  # type: ignore[arg-type]
    return None


def level_scores(scores: RiskScores) -> Dict[str, float]:
    """The scores as a small dictionary for the parse output (no text)."""
    return {
        "crisis": round(scores.crisis, 3),
        "uncertain": round(scores.uncertain, 3),
        "emergency": round(scores.emergency, 3),
        "distress": round(scores.distress, 3),
    }
