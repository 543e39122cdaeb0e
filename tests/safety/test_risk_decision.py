"""How the risk layer joins the patterns and the scores (no model needed)."""

from dataclasses import asdict
from typing import Any, Dict, List, Optional

from assistant.components.risk_assessor import with_safety_statement
from assistant.safety.detector import Assessment
from assistant.safety.levels import Level
from assistant.safety.risk_decision import (
    Decision,
    RiskScores,
    Thresholds,
    decide,
    decide_other_language,
    decide_spanish,
    second_opinion_on,
    with_riskiest_sentence,
)
from tests.pipeline_config import configured

THRESHOLDS = Thresholds()
NOTHING = Assessment(Level.NONE)


def ranking(*pairs: object) -> List[Dict[str, object]]:
    names = pairs[::2]
    confidences = pairs[1::2]
    return [{"name": n, "confidence": c} for n, c in zip(names, confidences, strict=True)]


def test_these_tests_use_the_thresholds_config_yml_gives_the_assistant() -> None:
    assert configured("RiskAssessor") == asdict(THRESHOLDS)


def test_a_crisis_pattern_outranks_a_confident_topic() -> None:
    decision = decide(
        Assessment(Level.CRISIS, cues=("want_to_die",)),
        RiskScores(),
        ranking("cost_insurance", 0.95),
        THRESHOLDS,
    )
    assert decision.intent == "crisis_self"
    assert decision.source == "patterns"


def test_a_high_crisis_score_outranks_the_topic_the_classifier_picked() -> None:
    decision = decide(
        NOTHING,
        RiskScores(crisis_self=0.45, crisis_other=0.2),
        ranking("cost_insurance", 0.3, "crisis_self", 0.45),
        THRESHOLDS,
    )
    assert decision.intent == "crisis_self"
    assert decision.level == Level.CRISIS


def test_a_middle_score_asks_directly_and_keeps_the_topic() -> None:
    decision = decide(
        NOTHING,
        RiskScores(crisis_self=0.1, uncertain=0.15),
        ranking("symptom_fatigue", 0.6, "possible_crisis", 0.15),
        THRESHOLDS,
    )
    assert decision.intent == "possible_crisis"
    assert decision.topic == "symptom_fatigue"


def test_the_question_is_about_someone_else_only_when_the_scores_clearly_say_so() -> None:
    def asked(scores: RiskScores) -> Decision:
        decision = decide(NOTHING, scores, ranking("possible_crisis", 0.4), THRESHOLDS)
        assert decision.intent == "possible_crisis"
        return decision

    # "My mom keeps saying she's done fighting": asked whether they may be thinking of it.
    assert asked(RiskScores(crisis_self=0.02, crisis_other=0.2, uncertain=0.1)).about_someone_else
    # Close, or the person's own: asked about the person.
    assert not asked(RiskScores(crisis_self=0.1, crisis_other=0.2)).about_someone_else
    assert not asked(RiskScores(crisis_self=0.2, uncertain=0.1)).about_someone_else
    # No crisis score at all (the classifier's pick asked): about the person.
    assert not asked(RiskScores(uncertain=0.2)).about_someone_else


def test_a_negated_crisis_cue_silences_a_weak_score() -> None:
    decision = decide(
        Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS})),
        RiskScores(crisis_self=0.45),
        ranking("crisis_self", 0.45, "cost_insurance", 0.05),
        THRESHOLDS,
    )
    assert decision.level == Level.NONE
    assert decision.intent == "nlu_fallback"
    assert not decision.some_risk


def test_a_negated_crisis_cue_with_a_middle_score_asks_directly() -> None:
    # "I don't want to be here without her and I've been thinking how to make sure I'm not."
    decision = decide(
        Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS})),
        RiskScores(crisis_self=0.45, uncertain=0.25),
        ranking("crisis_self", 0.45, "possible_crisis", 0.25),
        THRESHOLDS,
    )
    assert decision.intent == "possible_crisis"
    assert decision.some_risk


def test_a_sure_crisis_score_counts_despite_a_negated_cue() -> None:
    # "I don't want to be a burden. I'm not going to be one much longer."
    answered = decide(
        Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS})),
        RiskScores(crisis_self=0.85),
        ranking("crisis_self", 0.85, "caregiver_support", 0.05),
        THRESHOLDS,
    )
    asked = decide(
        Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS})),
        RiskScores(crisis_self=0.3, uncertain=0.55),
        ranking("possible_crisis", 0.55, "crisis_self", 0.3),
        THRESHOLDS,
    )
    assert answered.intent == "crisis_self"
    assert asked.intent == "possible_crisis"


def test_an_emergency_score_gets_911() -> None:
    decision = decide(NOTHING, RiskScores(emergency=0.7), ranking("symptom_pain", 0.2), THRESHOLDS)
    assert decision.intent == "medical_emergency"


def test_a_denied_crisis_cue_does_not_hold_back_an_emergency_score() -> None:
    # "I'm not suicidal, but my chest is crushing and my left arm has gone numb."
    denied_crisis = decide(
        Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS})),
        RiskScores(emergency=0.8),
        ranking("medical_emergency", 0.8),
        THRESHOLDS,
    )
    # "No chest pain, I just can't stop shaking": the emergency itself was denied.
    denied_emergency = decide(
        Assessment(Level.NONE, set_aside=frozenset({Level.EMERGENCY})),
        RiskScores(emergency=0.8),
        ranking("medical_emergency", 0.8, "symptom_pain", 0.1),
        THRESHOLDS,
    )
    assert denied_crisis.intent == "medical_emergency"
    assert denied_emergency.intent != "medical_emergency"


def test_an_emergency_with_a_strong_crisis_signal_gets_the_crisis_line_too() -> None:
    from_patterns = decide(
        Assessment(Level.EMERGENCY, cues=("accidental_overdose",)),
        RiskScores(crisis_self=0.7),
        ranking("crisis_self", 0.7),
        THRESHOLDS,
    )
    # Probabilities sum to 1: the classifier picks the emergency, the crisis mass is split.
    from_scores = decide(
        NOTHING,
        RiskScores(emergency=0.36, crisis_self=0.32, crisis_other=0.3),
        ranking("medical_emergency", 0.36, "crisis_self", 0.32, "crisis_someone_else", 0.3),
        THRESHOLDS,
    )
    for decision in (from_patterns, from_scores):
        assert decision.intent == "medical_emergency_and_crisis"
        assert decision.level == Level.EMERGENCY


def test_a_crisis_cue_with_an_emergency_under_way_gets_911_then_988() -> None:
    def answer(*set_aside: Level, emergency: float = 0.6, emergency_too: bool = False) -> str:
        assessment = Assessment(
            Level.CRISIS,
            cues=("want_to_die",),
            set_aside=frozenset(set_aside) - {Level.NONE},
            emergency_too=emergency_too,
        )
        scores = RiskScores(emergency=emergency, crisis_self=0.2)
        ranked = ranking("medical_emergency", emergency)
        return str(decide(assessment, scores, ranked, THRESHOLDS).intent)

    assert answer(Level.NONE) == "medical_emergency_and_crisis"
    # "I don't want to die at home, I want to die now, I swallowed them all": a crisis cue
    # set aside beside the one found does not hide the emergency.
    assert answer(Level.CRISIS) == "medical_emergency_and_crisis"
    # "I took too many pills and I want to die": the overdose pattern, whatever the score.
    assert answer(Level.NONE, emergency=0.1, emergency_too=True) == "medical_emergency_and_crisis"
    # "I'm not having chest pain, I just want to die": the emergency was denied.
    assert answer(Level.EMERGENCY) == "crisis_self"
    # "No chest pain, and I'm not suicidal, I just want to die": both set aside; the
    # emergency is still the one denied (before, only the higher level was kept).
    assert answer(Level.CRISIS, Level.EMERGENCY) == "crisis_self"
    assert answer(Level.NONE, emergency=0.1) == "crisis_self"


def test_an_emergency_with_a_weak_or_negated_crisis_signal_is_an_emergency() -> None:
    weak = decide(
        Assessment(Level.EMERGENCY, cues=("breathing",)),
        RiskScores(crisis_self=0.3),
        ranking("medical_emergency", 0.6),
        THRESHOLDS,
    )
    negated = decide(
        Assessment(
            Level.EMERGENCY, cues=("accidental_overdose",), set_aside=frozenset({Level.CRISIS})
        ),
        RiskScores(crisis_self=0.9),
        ranking("crisis_self", 0.9),
        THRESHOLDS,
    )
    assert weak.intent == negated.intent == "medical_emergency"


def test_an_overdose_with_a_middle_crisis_score_gets_the_crisis_line_too() -> None:
    # "Is there a way to overdose on my pain meds that wouldn't hurt?"
    def answer(cues: tuple, crisis: float) -> str:
        assessment = Assessment(Level.EMERGENCY, cues=cues)
        ranked = ranking("medical_emergency", 0.5)
        return str(decide(assessment, RiskScores(crisis_self=crisis), ranked, THRESHOLDS).intent)

    assert answer(("accidental_overdose",), 0.25) == "medical_emergency_and_crisis"
    assert answer(("accidental_overdose",), 0.1) == "medical_emergency"
    assert answer(("unresponsive",), 0.25) == "medical_emergency"


def test_an_idiom_of_dying_needs_surer_scores_to_ask() -> None:
    # "Me muero de ganas de ver a mis nietos": its averaged Spanish scores lean to a crisis.
    ranked = ranking("crisis_self", 0.3, "share_situation", 0.25)
    scores = RiskScores(crisis_self=0.3)
    plain = decide(NOTHING, scores, ranked, THRESHOLDS)
    idiom = decide(Assessment(Level.NONE, idiom=True), scores, ranked, THRESHOLDS)
    sure = decide(
        Assessment(Level.NONE, idiom=True), RiskScores(crisis_self=0.6), ranked, THRESHOLDS
    )
    assert plain.intent == "possible_crisis"
    assert idiom.level == Level.NONE
    assert sure.intent == "possible_crisis"


def test_an_overdose_told_with_an_idiom_keeps_the_crisis_line() -> None:
    # "Se tomó todas sus pastillas para morirse, me muero de miedo."
    assessment = Assessment(Level.EMERGENCY, cues=("accidental_overdose",), idiom=True)
    decision = decide(
        assessment, RiskScores(crisis_other=0.3), ranking("medical_emergency", 0.5), THRESHOLDS
    )
    assert decision.intent == "medical_emergency_and_crisis"


def test_distress_comes_first_and_the_topic_follows() -> None:
    decision = decide(
        Assessment(Level.DISTRESS, cues=("distress",)),
        RiskScores(distress=0.4),
        ranking("palliative_vs_hospice", 0.5, "distress", 0.4),
        THRESHOLDS,
    )
    assert decision.intent == "distress"
    assert decision.topic == "palliative_vs_hospice"


def test_distress_told_with_a_sure_question_about_988_is_heard_first() -> None:
    decision = decide(
        Assessment(Level.DISTRESS, cues=("distress",)),
        RiskScores(),
        ranking("about_crisis_lines", 0.9),
        THRESHOLDS,
    )
    assert decision.intent == "distress"
    assert decision.topic == "about_crisis_lines"


def test_a_confident_topic_with_a_mild_distress_cue_stays_a_topic() -> None:
    decision = decide(
        Assessment(Level.DISTRESS, cues=("distress",)),
        RiskScores(),
        ranking("cost_insurance", 0.9),
        THRESHOLDS,
    )
    assert decision.intent == "cost_insurance"


def test_some_risk_is_asked_about_and_a_faint_score_is_not() -> None:
    asked = decide(NOTHING, RiskScores(crisis_self=0.16), ranking("nlu_fallback", 0.3), THRESHOLDS)
    faint = decide(NOTHING, RiskScores(crisis_self=0.08), ranking("nlu_fallback", 0.3), THRESHOLDS)
    assert asked.intent == "possible_crisis"
    # A faint score is what any message about dying has: no 988 in "say it another way".
    assert faint.intent == "nlu_fallback"
    assert not faint.some_risk


def test_a_benign_message_carries_no_risk() -> None:
    decision = decide(NOTHING, RiskScores(), ranking("what_is_palliative_care", 0.99), THRESHOLDS)
    assert decision.intent == "what_is_palliative_care"
    assert not decision.some_risk


def test_a_sure_sentence_of_a_long_message_raises_its_crisis_score() -> None:
    whole = RiskScores(crisis_self=0.3, crisis_other=0.15, uncertain=0.05)
    sentences = [RiskScores(), RiskScores(crisis_self=0.05, crisis_other=0.9), RiskScores()]
    raised = with_riskiest_sentence(whole, sentences, THRESHOLDS.riskiest_sentence)
    assert (raised.crisis_self, raised.crisis_other) == (0.05, 0.9)
    assert raised.uncertain == 0.05
    decision = decide(NOTHING, raised, ranking("ask_medical_advice", 0.6), THRESHOLDS)
    assert decision.intent == "crisis_someone_else"


def test_an_unsure_sentence_leaves_the_message_read_whole() -> None:
    whole = RiskScores(crisis_self=0.1)
    sentences = [RiskScores(crisis_self=0.7), RiskScores()]
    assert with_riskiest_sentence(whole, sentences, THRESHOLDS.riskiest_sentence) == whole
    assert with_riskiest_sentence(whole, [], THRESHOLDS.riskiest_sentence) == whole
    surer = RiskScores(crisis_self=0.95)
    assert with_riskiest_sentence(surer, [RiskScores(crisis_self=0.85)], 0.8) == surer


def test_a_message_in_another_language_is_read_by_the_multilingual_scores() -> None:
    plain = Decision("other_language", Level.NONE)

    def read(**scores: float) -> Decision:
        return decide_other_language(plain, scores, THRESHOLDS)

    # "mi mamá se cayó y ahora no sabe dónde está": 911.
    assert read(emergency=0.7, none=0.3).intent == "medical_emergency"
    # "ya les escribí mis cartas de despedida": the answer names 988's Spanish line, but the
    # English crisis answer never comes from these scores alone.
    some_risk = read(crisis=0.45, unsure=0.1, none=0.45)
    assert some_risk.intent == "other_language" and some_risk.some_risk
    assert read(crisis=0.99).intent == "other_language"
    # "no puedo más, me tomé muchas pastillas": sure of neither, the 988 line (with 911).
    assert read(emergency=0.43, crisis=0.35, none=0.22).some_risk
    # "¿qué es el hospicio?": the plain answer.
    assert read(crisis=0.2, none=0.8) == plain
    # Nothing read, or a decision the patterns or the English scores already made.
    assert decide_other_language(plain, None, THRESHOLDS) == plain
    crisis = Decision("crisis_self", Level.CRISIS, some_risk=True, source="patterns")
    assert decide_other_language(crisis, {"emergency": 0.9}, THRESHOLDS) == crisis
    topic = Decision("hospice", Level.NONE)
    assert decide_other_language(topic, {"crisis": 0.9}, THRESHOLDS) == topic
    # Rasa's fallback over a Spanish message: the same reading.
    unsure = Decision("nlu_fallback", Level.NONE)
    assert decide_other_language(unsure, {"crisis": 0.6}, THRESHOLDS).intent == "other_language"


def test_spanish_scores_only_raise_the_level_and_give_answers_in_spanish() -> None:
    topic = Decision("palliative_vs_hospice", Level.NONE)

    def read(decision: Decision = topic, **scores: float) -> Decision:
        return decide_spanish(decision, scores, THRESHOLDS)

    # Spanish is understood: a sure crisis score asks directly (never the crisis answer
    # alone), with the topic kept for after it; a sure emergency score gives 911.
    asked = read(crisis=0.7)
    assert asked.intent == "possible_crisis" and asked.topic == "palliative_vs_hospice"
    assert read(emergency=0.7, none=0.3).intent == "medical_emergency"
    # Or from the emergency regressions' own probability, from 0.6; below it, the levels'
    # emergency probability counts toward the middle band.
    assert read(emergency_or_not=0.7, none=1.0).intent == "medical_emergency"
    middle = read(emergency_or_not=0.55, emergency=0.4, crisis=0.2, none=0.4)
    assert middle.intent == "palliative_vs_hospice" and middle.some_risk
    # In the middle, the classifiers and patterns decide; "I didn't understand" names 988.
    middle = read(crisis=0.3, unsure=0.25)
    assert middle.intent == "palliative_vs_hospice" and middle.some_risk
    # Alone, these scores never raise the question to the crisis answer; a sure emergency
    # after the question keeps 988 after 911. A pattern's crisis or emergency stays.
    question = Decision("possible_crisis", Level.CRISIS)
    assert read(question, crisis=0.8).intent == "possible_crisis"
    assert read(question, emergency=0.8).intent == "medical_emergency_and_crisis"
    assert read(question, emergency_or_not=0.8).intent == "medical_emergency_and_crisis"
    # The emergency score is its own regression's: "me tomé todas las pastillas, ya no quiero
    # seguir" may be sure of both, and keeps 988 after 911; a denied crisis cue does not.
    assert read(emergency_or_not=0.8, crisis=0.6).intent == "medical_emergency_and_crisis"
    assert read(emergency_or_not=0.8, crisis=0.3, none=0.7).intent == "medical_emergency"
    # "No puedo más, me tomé las pastillas": crisis scores in the middle band, which would
    # have named 988, keep it after 911.
    split = read(emergency_or_not=0.7, crisis=0.35, unsure=0.2, none=0.45)
    assert split.intent == "medical_emergency_and_crisis"
    # The emergency regressions' score gives 911 from 0.6, and below it nothing of its own.
    assert read(emergency_or_not=0.6, none=1.0).intent == "medical_emergency"
    assert read(emergency_or_not=0.59, none=1.0) == topic
    crisis_denied = frozenset({Level.CRISIS})
    both = {"emergency_or_not": 0.8, "crisis": 0.6}
    no_988 = decide_spanish(topic, both, THRESHOLDS, crisis_denied)
    assert no_988.intent == "medical_emergency"
    # An emergency the cues or the classifiers found keeps 911 first; told with a crisis
    # the scores hear ("¿el seguro paga si uno se muere por sobredosis?"), 988 after it.
    emergency = Decision("medical_emergency", Level.EMERGENCY, some_risk=True)
    with_crisis = read(emergency, crisis=0.9)
    assert with_crisis.intent == "medical_emergency_and_crisis"
    assert with_crisis.level == Level.EMERGENCY and with_crisis.some_risk
    assert with_crisis.source == "multilingual"
    # From the crisis score alone, where it would ask the question; not from the middle band
    # ("tengo dolor de pecho y siento que me estoy muriendo" is fear, not a wish).
    assert read(emergency, crisis=0.5, none=0.5).intent == "medical_emergency_and_crisis"
    assert read(emergency, crisis=0.3, unsure=0.25, none=0.45) == emergency
    assert read(emergency, crisis=0.49, none=0.51) == emergency
    assert decide_spanish(emergency, {"crisis": 0.9}, THRESHOLDS, crisis_denied) == emergency
    # "Me tomé doble dosis sin querer": a dose said to be a mistake gets 911 alone.
    assert decide_spanish(emergency, {"crisis": 0.9}, THRESHOLDS, by_mistake=True) == emergency
    crisis = Decision("crisis_self", Level.CRISIS, some_risk=True)
    assert read(crisis, emergency=0.9, crisis=0.9) == crisis
    assert read(distress=0.6, none=0.4) == topic
    # "me muero de ganas de ver a mis nietos": the topic.
    assert read(none=0.9, crisis=0.05) == topic
    assert decide_spanish(topic, None, THRESHOLDS) == topic
    # "no tengo dolor de pecho": a denied emergency cue keeps the score from giving 911.
    denied = frozenset({Level.EMERGENCY})
    for score in ("emergency", "emergency_or_not"):
        assert decide_spanish(topic, {score: 0.8}, THRESHOLDS, denied) == topic
    # "I'm not suicidal" reads as Spanish too: a denied crisis cue is not asked about.
    not_asked = decide_spanish(topic, {"crisis": 0.7}, THRESHOLDS, frozenset({Level.CRISIS}))
    assert not_asked.intent == "palliative_vs_hospice"


def test_a_very_sure_spanish_crisis_score_the_classifiers_agree_with_gets_the_crisis_answer() -> (
    None
):
    topic = Decision("palliative_vs_hospice", Level.NONE)
    question = Decision("possible_crisis", Level.CRISIS, some_risk=True)
    agreeing_self = RiskScores(crisis_self=0.35)
    agreeing_other = RiskScores(crisis_self=0.05, crisis_other=0.3)
    unclear_whom = RiskScores(crisis_self=0.15, crisis_other=0.25)

    def read(decision: Decision, crisis: float, classifiers: RiskScores, **kwargs: Any) -> Decision:
        return decide_spanish(
            decision, {"crisis": crisis}, THRESHOLDS, classifiers=classifiers, **kwargs
        )

    # Where the question would be asked, by either signal: the crisis answer, for whom it is.
    assert read(question, 0.85, agreeing_self).intent == "crisis_self"
    assert read(topic, 0.85, agreeing_self).intent == "crisis_self"
    told = read(topic, 0.85, agreeing_other)
    assert told.intent == "crisis_someone_else" and told.about_someone_else
    # For whom, unclear: the question, about the person (it must not speak past them).
    unclear = read(topic, 0.85, unclear_whom)
    assert unclear.intent == "possible_crisis" and not unclear.about_someone_else
    # Below the crisis answer, the question is asked about someone else when clearly theirs.
    assert read(topic, 0.6, agreeing_other).about_someone_else
    assert not read(topic, 0.6, agreeing_self).about_someone_else
    # Not sure enough, or not agreed: the question.
    assert read(topic, 0.75, agreeing_self).intent == "possible_crisis"
    assert read(topic, 0.95, RiskScores(crisis_self=0.2)).intent == "possible_crisis"
    # A crisis cue the person set aside is not raised; nothing below the question is.
    set_aside = read(topic, 0.95, agreeing_self, set_aside=frozenset({Level.CRISIS}))
    assert set_aside.intent == "palliative_vs_hospice"
    distress = Decision("distress", Level.DISTRESS, some_risk=True)
    assert read(distress, 0.3, agreeing_self) == distress


def test_a_sure_second_opinion_asks_where_the_english_scores_would_not() -> None:
    scores = RiskScores(crisis_self=0.05, uncertain=0.03)
    topic = ranking("cost_insurance", 0.7, "crisis_self", 0.05)
    without = decide(NOTHING, scores, topic, THRESHOLDS, words=20)
    below = decide(NOTHING, scores, topic, THRESHOLDS, second_opinion=0.69, words=20)
    asked = decide(NOTHING, scores, topic, THRESHOLDS, second_opinion=0.7, words=20)
    assert without.intent == below.intent == "cost_insurance"
    assert asked.intent == "possible_crisis"
    assert asked.source == "multilingual"
    assert asked.topic == "cost_insurance"


def test_a_sure_second_opinion_asks_about_someone_else_when_the_classifiers_say_so() -> None:
    scores = RiskScores(crisis_self=0.01, crisis_other=0.06)
    asked = decide(NOTHING, scores, ranking("caregiver_support", 0.8), THRESHOLDS, 0.9, 12)
    assert asked.intent == "possible_crisis"
    assert asked.about_someone_else


def test_a_sure_second_opinion_asks_instead_of_the_distress_answer() -> None:
    scores = RiskScores(crisis_self=0.05, distress=0.7)
    asked = decide(NOTHING, scores, ranking("distress", 0.7), THRESHOLDS, 0.8, words=12)
    assert asked.intent == "possible_crisis"


def test_a_second_opinion_never_asks_past_a_crisis_cue_the_person_set_aside() -> None:
    negated = Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS}))
    scores = RiskScores(crisis_self=0.05)
    decision = decide(negated, scores, ranking("emotional_support", 0.8), THRESHOLDS, 0.95, 12)
    assert decision.intent == "emotional_support"


def test_a_second_opinion_never_takes_an_emergency_or_a_crisis_patterns_found() -> None:
    emergency = decide(
        NOTHING, RiskScores(emergency=0.8), ranking("symptom_pain", 0.3), THRESHOLDS, 0.0
    )
    told = Assessment(Level.CRISIS, cues=("want_to_die",))
    crisis = decide(told, RiskScores(), ranking("dying_at_home", 0.9), THRESHOLDS, 0.0)
    assert emergency.intent == "medical_emergency"
    assert crisis.intent == "crisis_self"


def test_a_second_opinion_under_half_turns_a_scored_crisis_answer_into_the_question() -> None:
    scores = RiskScores(crisis_self=0.7)
    topic = ranking("crisis_self", 0.7, "dying_at_home", 0.2)
    sure = decide(NOTHING, scores, topic, THRESHOLDS, second_opinion=0.5, words=15)
    doubted = decide(NOTHING, scores, topic, THRESHOLDS, second_opinion=0.49, words=15)
    unread = decide(NOTHING, scores, topic, THRESHOLDS, second_opinion=None, words=15)
    assert (sure.intent, sure.crisis_doubted) == ("crisis_self", None)
    assert (unread.intent, unread.crisis_doubted) == ("crisis_self", None)
    assert (doubted.intent, doubted.crisis_doubted) == ("possible_crisis", "crisis_self")
    assert (doubted.topic, doubted.some_risk, doubted.source) == ("dying_at_home", True, "scorer")


def test_a_doubted_crisis_about_someone_else_is_asked_about_them() -> None:
    scores = RiskScores(crisis_self=0.1, crisis_other=0.7)
    decision = decide(NOTHING, scores, ranking("crisis_someone_else", 0.7), THRESHOLDS, 0.2)
    assert (decision.intent, decision.about_someone_else) == ("possible_crisis", True)
    assert decision.crisis_doubted == "crisis_someone_else"


def test_a_doubted_crisis_keeps_whom_its_answer_was_for_below_the_questions_ratio() -> None:
    # Someone else's crisis by a little: the question is about the person (asked of someone
    # in a crisis, the one about someone else would speak past them); the crisis answer it
    # stands in for is the one for someone else.
    scores = RiskScores(crisis_self=0.2, crisis_other=0.45)
    decision = decide(NOTHING, scores, ranking("crisis_someone_else", 0.45), THRESHOLDS, 0.2)
    assert (decision.intent, decision.about_someone_else) == ("possible_crisis", False)
    assert decision.crisis_doubted == "crisis_someone_else"
    mine = decide(NOTHING, RiskScores(crisis_self=0.45, crisis_other=0.2), [], THRESHOLDS, 0.2)
    assert (mine.about_someone_else, mine.crisis_doubted) == (False, "crisis_self")


def test_a_crisis_told_in_one_sentence_of_a_long_message_gets_that_sentences_opinion() -> None:
    # Read whole by the multilingual scorer, the sentence is diluted: its own reading counts.
    whole = RiskScores(crisis_self=0.1)
    raised = with_riskiest_sentence(whole, [RiskScores(crisis_self=0.9)], threshold=0.8)
    on_whole = {"crisis": 0.2, "unsure": 0.1, "emergency": 0.3}
    on_sentence = {"crisis": 0.7, "unsure": 0.05, "emergency": 0.1}
    assert second_opinion_on(raised, whole, on_whole, on_sentence) == 0.7 + 0.05
    assert second_opinion_on(raised, whole, on_whole, None) is None
    assert second_opinion_on(whole, whole, on_whole, on_sentence) == 0.2 + 0.1
    assert second_opinion_on(whole, whole, None) is None


def test_a_doubted_crisis_with_an_emergency_keeps_911_then_988() -> None:
    scores = RiskScores(crisis_self=0.7, emergency=0.6)
    decision = decide(NOTHING, scores, ranking("medical_emergency", 0.6), THRESHOLDS, 0.1)
    assert decision.intent == "medical_emergency_and_crisis"


def test_a_second_opinion_near_zero_holds_back_a_question_from_a_low_score() -> None:
    scores = RiskScores(crisis_self=0.1, uncertain=0.1)
    topic = ranking("hospice_vs_palliative", 0.6, "possible_crisis", 0.1)
    asked = decide(NOTHING, scores, topic, THRESHOLDS, second_opinion=0.08)
    held = decide(NOTHING, scores, topic, THRESHOLDS, second_opinion=0.07)
    assert asked.intent == "possible_crisis"
    assert held.intent == "hospice_vs_palliative"
    # Nor does "I didn't understand" name 988 for it.
    assert not held.some_risk


def test_a_second_opinion_near_zero_leaves_a_surer_english_question_alone() -> None:
    scores = RiskScores(crisis_self=0.15, uncertain=0.1)
    topic = ranking("hospice_vs_palliative", 0.6)
    assert decide(NOTHING, scores, topic, THRESHOLDS, second_opinion=0.0).intent == (
        "possible_crisis"
    )


def test_a_question_held_back_by_the_second_opinion_leaves_the_distress_answer() -> None:
    scores = RiskScores(crisis_self=0.1, uncertain=0.08, distress=0.6)
    held = decide(NOTHING, scores, ranking("distress", 0.6), THRESHOLDS, second_opinion=0.01)
    assert held.intent == "distress"


def test_a_question_held_back_by_the_second_opinion_keeps_a_patterns_cue() -> None:
    distress_cue = Assessment(Level.DISTRESS, cues=("overwhelmed",))
    scores = RiskScores(crisis_self=0.2)
    held = decide(distress_cue, scores, ranking("emotional_support", 0.5), THRESHOLDS, 0.01)
    assert held.intent == "distress"
    assert held.some_risk


def test_a_second_opinion_never_asks_of_a_short_reply() -> None:
    # "idk, maybe": the other sentence model reads it like the unsure middle.
    scores = RiskScores(crisis_self=0.05, uncertain=0.07)
    short = decide(NOTHING, scores, ranking("deny", 0.6), THRESHOLDS, second_opinion=0.8, words=5)
    long = decide(NOTHING, scores, ranking("deny", 0.6), THRESHOLDS, second_opinion=0.8, words=6)
    assert short.intent == "deny"
    assert long.intent == "possible_crisis"


def test_a_second_opinion_never_holds_back_the_question_when_a_crisis_is_the_best_intent() -> None:
    scores = RiskScores(crisis_self=0.12, uncertain=0.02)
    asked = decide(NOTHING, scores, ranking("crisis_self", 0.12), THRESHOLDS, 0.01, 12)
    assert asked.intent == "possible_crisis"


def lethal_amount_asked_as_a_medical_question() -> Decision:
    """A question about a lethal amount the scores read as a medical question."""
    return decide(
        NOTHING,
        RiskScores(crisis_self=0.05),
        ranking("ask_medical_advice", 0.9),
        THRESHOLDS,
        lethal_amount=True,
    )


def test_a_question_about_a_lethal_amount_asks_directly_where_the_scores_would_not() -> None:
    decision = lethal_amount_asked_as_a_medical_question()
    assert decision.intent == "possible_crisis"
    assert decision.topic == "ask_medical_advice"
    assert decision.source == "patterns"
    assert decision.some_risk


def test_a_question_about_a_lethal_amount_never_gives_the_crisis_answer_alone() -> None:
    sure = decide(NOTHING, RiskScores(crisis_self=0.9), ranking("crisis_self", 0.9), THRESHOLDS)
    asked = lethal_amount_asked_as_a_medical_question()
    assert sure.intent == "crisis_self"
    assert asked.intent == "possible_crisis"


def test_a_question_about_a_lethal_amount_asks_after_a_denied_crisis_cue() -> None:
    decision = decide(
        Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS})),
        RiskScores(crisis_self=0.2),
        ranking("ask_medical_advice", 0.7),
        THRESHOLDS,
        lethal_amount=True,
    )
    assert decision.intent == "possible_crisis"


def test_an_emergency_with_a_question_about_a_lethal_amount_gets_988_after_911() -> None:
    def answer(crisis: float, lethal_amount: bool) -> object:
        return decide(
            NOTHING,
            RiskScores(crisis_self=crisis, emergency=0.6),
            ranking("medical_emergency", 0.6),
            THRESHOLDS,
            lethal_amount=lethal_amount,
        ).intent

    assert answer(0.3, lethal_amount=True) == "medical_emergency_and_crisis"
    assert answer(0.3, lethal_amount=False) == "medical_emergency"
    # Without a score that would ask the question, 911 alone (a dose taken by mistake).
    assert answer(0.05, lethal_amount=True) == "medical_emergency"


def labelled(no_risk: float) -> Dict[str, float]:
    """The labelled risk reader's probabilities, `no_risk` for "none" and the rest a crisis."""
    return {"none": no_risk, "crisis": 1.0 - no_risk, "emergency": 0.0, "distress": 0.0}


def test_a_labelled_reader_sure_of_no_risk_turns_a_crisis_answer_into_the_question() -> None:
    scores = RiskScores(crisis_self=0.7)
    topic = ranking("crisis_self", 0.7, "dying_at_home", 0.2)
    sure_of_no_risk = THRESHOLDS.labelled_crisis_doubt
    below = decide(
        NOTHING, scores, topic, THRESHOLDS, 0.9, 15, labelled=labelled(sure_of_no_risk - 0.01)
    )
    unread = decide(NOTHING, scores, topic, THRESHOLDS, 0.9, 15, labelled=None)
    doubted = decide(
        NOTHING, scores, topic, THRESHOLDS, 0.9, 15, labelled=labelled(sure_of_no_risk)
    )
    assert below.intent == unread.intent == "crisis_self"
    assert (doubted.intent, doubted.crisis_doubted) == ("possible_crisis", "crisis_self")
    assert doubted.topic == "dying_at_home"


def test_a_crisis_cue_the_labelled_reader_reads_as_no_risk_is_asked_about() -> None:
    # "Is 988 only for people who are suicidal?": the cue is there, the meaning is not.
    told = Assessment(Level.CRISIS, cues=("suicide",))
    topic = ranking("about_crisis_lines", 0.9)
    asked = decide(told, RiskScores(), topic, THRESHOLDS, 0.1, 12, labelled=labelled(0.95))
    answered = decide(told, RiskScores(), topic, THRESHOLDS, 0.1, 12, labelled=labelled(0.5))
    assert (asked.intent, asked.crisis_doubted, asked.source) == (
        "possible_crisis",
        "crisis_self",
        "patterns",
    )
    assert asked.topic == "about_crisis_lines"
    assert answered.intent == "crisis_self"


def test_the_labelled_reader_never_softens_not_safe_or_an_emergency_with_a_crisis() -> None:
    unsafe = Assessment(Level.CRISIS, cues=("unsafe",))
    both = Assessment(Level.CRISIS, cues=("want_to_die",), emergency_too=True)
    sure = labelled(0.99)
    assert decide(unsafe, RiskScores(), [], THRESHOLDS, 0.0, 5, labelled=sure).intent == "not_safe"
    assert (
        decide(both, RiskScores(), [], THRESHOLDS, 0.0, 5, labelled=sure).intent
        == "medical_emergency_and_crisis"
    )


def test_a_question_from_the_scores_is_held_back_when_both_other_readers_doubt_it() -> None:
    scores = RiskScores(crisis_self=0.1, uncertain=0.15)
    topic = ranking("funeral_planning", 0.6, "possible_crisis", 0.15)

    def answer(no_risk: float, second: float) -> str:
        decision = decide(
            NOTHING, scores, topic, THRESHOLDS, second, 15, labelled=labelled(no_risk)
        )
        return str(decision.intent)

    doubt, second = THRESHOLDS.labelled_question_doubt, THRESHOLDS.labelled_question_second
    assert answer(0.95, second - 0.01) == "funeral_planning"
    assert answer(doubt - 0.01, 0.2) == "possible_crisis"
    assert answer(0.95, second) == "possible_crisis"
    unread = decide(NOTHING, scores, topic, THRESHOLDS, None, 15, labelled=labelled(0.95))
    assert unread.intent == "possible_crisis"


def test_a_question_the_labelled_reader_holds_back_keeps_988_in_a_fallback() -> None:
    # It may still be a crisis: "I didn't understand" in its place names 988.
    scores = RiskScores(crisis_self=0.1, uncertain=0.15)
    unclear = ranking("nlu_fallback", 0.3, "possible_crisis", 0.15)
    held_back = decide(NOTHING, scores, unclear, THRESHOLDS, 0.2, 15, labelled=labelled(0.95))
    asked = decide(NOTHING, scores, unclear, THRESHOLDS, 0.2, 15, labelled=labelled(0.5))
    assert (held_back.intent, held_back.some_risk) == ("nlu_fallback", True)
    assert (asked.intent, asked.some_risk) == ("possible_crisis", True)


def test_the_labelled_reader_never_holds_back_a_question_the_classifier_chose() -> None:
    scores = RiskScores(crisis_self=0.1, uncertain=0.3)
    topic = ranking("possible_crisis", 0.3, "symptom_fatigue", 0.2)
    decision = decide(NOTHING, scores, topic, THRESHOLDS, 0.1, 15, labelled=labelled(0.99))
    assert decision.intent == "possible_crisis"


def test_the_labelled_reader_never_softens_a_crisis_told_as_an_act() -> None:
    sure = labelled(0.99)
    for cue in ("kill_self", "self_harm", "taken_on_purpose"):
        told = Assessment(Level.CRISIS, cues=(cue,))
        decision = decide(
            told, RiskScores(), ranking("legacy", 0.9), THRESHOLDS, 0.0, 9, labelled=sure
        )
        assert decision.intent == "crisis_self", cue


def test_the_labelled_reader_never_holds_back_a_sure_score_or_a_lethal_amount() -> None:
    topic = ranking("pain_management", 0.5, "possible_crisis", 0.2)
    sure = labelled(0.99)
    # Crisis-or-unsure just above `labelled_question_below`: too sure to hold back.
    above = THRESHOLDS.labelled_question_below + 0.05
    middle = decide(
        NOTHING,
        RiskScores(crisis_self=0.3, uncertain=above - 0.3),
        topic,
        THRESHOLDS,
        0.1,
        12,
        labelled=sure,
    )
    lethal = decide(
        NOTHING,
        RiskScores(uncertain=0.2),
        topic,
        THRESHOLDS,
        0.1,
        12,
        lethal_amount=True,
        labelled=sure,
    )
    assert middle.intent == lethal.intent == "possible_crisis"


def sure_of_a_crisis(crisis: float) -> Dict[str, float]:
    """The labelled risk reader's probabilities, `crisis` for a crisis and the rest no risk."""
    return {**labelled(1.0 - crisis), "crisis": crisis}


def test_a_labelled_reader_sure_of_a_crisis_asks_where_the_scores_would_not() -> None:
    # "They'd all be better off with what my policy pays": the classifiers hear insurance.
    scores = RiskScores(crisis_self=0.03, uncertain=0.02)
    topic = ranking("cost_insurance", 0.8)
    sure, second = THRESHOLDS.labelled_crisis_ask, THRESHOLDS.labelled_ask_second

    def decision(crisis: float, second_opinion: Optional[float]) -> Decision:
        reader = sure_of_a_crisis(crisis)
        return decide(NOTHING, scores, topic, THRESHOLDS, second_opinion, 12, labelled=reader)

    asked = decision(sure, second)
    assert (asked.intent, asked.source, asked.topic) == (
        "possible_crisis",
        "labelled",
        "cost_insurance",
    )
    assert decision(sure - 0.01, 0.5).intent == "cost_insurance"
    assert decision(0.99, second - 0.01).intent == "cost_insurance"
    # Not read by the second opinion (it reads from a crisis-or-unsure of `english_from`):
    # the reader alone does not ask.
    assert decision(0.99, None).intent == "cost_insurance"


def test_a_labelled_reader_sure_of_a_crisis_never_asks_of_a_reply() -> None:
    # "Yes, a lot lately" to the question: the question's form reads it, as a yes.
    reader = sure_of_a_crisis(0.95)
    for reply in ("affirm", "deny", "say_safe", "decline_to_say"):
        top = ranking(reply, 0.9)
        decision = decide(
            NOTHING, RiskScores(crisis_self=0.03), top, THRESHOLDS, 0.4, 4, labelled=reader
        )
        assert decision.intent == reply


def test_the_labelled_readers_question_is_about_the_person() -> None:
    # The reader does not say whom; scores under `check_in` say too little (even with someone
    # else three times the person), and from there the scores ask the question themselves.
    reader = sure_of_a_crisis(0.95)
    topic = ranking("caregiver_support", 0.7)
    faint = RiskScores(crisis_self=0.002, crisis_other=0.01)
    other = RiskScores(crisis_self=0.01, crisis_other=THRESHOLDS.check_in - 0.02)
    for scores in (faint, other):
        decision = decide(NOTHING, scores, topic, THRESHOLDS, 0.4, 12, labelled=reader)
        assert (decision.intent, decision.source) == ("possible_crisis", "labelled")
        assert not decision.about_someone_else


def test_a_labelled_reader_sure_of_a_crisis_asks_before_the_distress_answer() -> None:
    scores = RiskScores(distress=0.7, crisis_self=0.05)
    topic = ranking("distress", 0.7)
    reader = sure_of_a_crisis(0.9)
    assert decide(NOTHING, scores, topic, THRESHOLDS, 0.5, 12, labelled=reader).intent == (
        "possible_crisis"
    )
    assert decide(NOTHING, scores, topic, THRESHOLDS, 0.5, 12, labelled=None).intent == "distress"


def test_a_labelled_reader_sure_of_a_crisis_never_overrides_a_set_aside_cue_or_an_emergency() -> (
    None
):
    reader = sure_of_a_crisis(0.99)
    topic = ranking("emotional_support", 0.6)
    # A crisis cue negated, planned or asked about, and an idiom ("this chemo is killing me").
    denied = Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS}))
    idiom = Assessment(Level.NONE, idiom=True)
    for kept in (denied, idiom):
        decision = decide(
            kept, RiskScores(crisis_self=0.05), topic, THRESHOLDS, 0.9, 12, labelled=reader
        )
        assert decision.intent == "emotional_support"
    emergency = decide(
        NOTHING,
        RiskScores(emergency=0.7),
        ranking("medical_emergency", 0.7),
        THRESHOLDS,
        0.9,
        12,
        labelled=reader,
    )
    assert emergency.intent == "medical_emergency"


def test_a_question_only_the_scores_asked_is_held_back_where_the_stack_is_sure_of_no_crisis() -> (
    None
):
    scores = RiskScores(crisis_self=0.1, uncertain=0.15)
    topic = ranking("funeral_planning", 0.6, "possible_crisis", 0.15)
    unclear = ranking("nlu_fallback", 0.3, "possible_crisis", 0.15)
    hold_back = THRESHOLDS.stacked_hold_back

    def decision(top: List[Dict[str, object]], stacked: Optional[float]) -> Decision:
        return decide(NOTHING, scores, top, THRESHOLDS, 0.3, 15, stacked=stacked)

    # Marked as held back, so that a reply to a question asked before is heard as a reply.
    kept = decision(topic, hold_back - 0.001)
    assert (kept.intent, kept.without_stack) == ("funeral_planning", "possible_crisis")
    assert decision(topic, hold_back).intent == "possible_crisis"
    # Not every reader read it (Spanish, a riskiest sentence): the stack says nothing.
    assert decision(topic, None).intent == "possible_crisis"
    # Held back into "I didn't understand", 988 is still named: it may be a crisis.
    held_back = decision(unclear, hold_back - 0.001)
    assert (held_back.intent, held_back.some_risk, held_back.without_stack) == (
        "nlu_fallback",
        True,
        "possible_crisis",
    )
    # A topic no rule would have asked about is not marked, whatever the stack says.
    calm = decide(NOTHING, RiskScores(), topic, THRESHOLDS, 0.01, 15, stacked=0.0)
    assert (calm.intent, calm.without_stack) == ("funeral_planning", None)


def test_a_question_another_reader_held_back_is_not_marked_as_the_stacks() -> None:
    scores = RiskScores(crisis_self=0.1, uncertain=0.15)
    topic = ranking("funeral_planning", 0.6, "possible_crisis", 0.15)
    doubt = THRESHOLDS.stacked_hold_back - 0.001
    # The labelled reader sure of no risk, the second opinion low: held back without the stack.
    reader = labelled(THRESHOLDS.labelled_question_doubt)
    both = decide(NOTHING, scores, topic, THRESHOLDS, 0.1, 15, labelled=reader, stacked=doubt)
    alone = decide(NOTHING, scores, topic, THRESHOLDS, 0.1, 15, labelled=reader)
    assert both.intent == alone.intent == "funeral_planning"
    assert both.without_stack is None


def test_the_stack_never_holds_back_a_question_the_classifiers_chose() -> None:
    doubt = 0.0
    for pick in ("possible_crisis", "crisis_self", "crisis_someone_else", "not_safe"):
        top = ranking(pick, 0.45, "legacy", 0.3)
        scores = RiskScores(crisis_self=0.2, uncertain=0.25)
        decision = decide(NOTHING, scores, top, THRESHOLDS, 0.3, 5, stacked=doubt)
        assert decision.intent == "possible_crisis", pick


def test_the_stack_never_holds_back_a_sure_score_or_one_a_set_aside_cue_left_counting() -> None:
    topic = ranking("legacy", 0.5, "possible_crisis", 0.2)
    sure = THRESHOLDS.labelled_question_below

    def decision(assessment: Assessment, scores: RiskScores) -> Decision:
        return decide(assessment, scores, topic, THRESHOLDS, 0.3, 5, stacked=0.0)

    above = decision(NOTHING, RiskScores(crisis_self=0.3, uncertain=sure - 0.3))
    # A negated cue, with scores sure enough to count anyway (`set_aside_crisis`).
    counting = THRESHOLDS.set_aside_crisis
    negated = decision(
        Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS})),
        RiskScores(crisis_self=0.4, uncertain=counting - 0.4),
    )
    assert above.intent == negated.intent == "possible_crisis"
    below = decision(NOTHING, RiskScores(crisis_self=0.1, uncertain=sure - 0.11))
    assert below.intent == "legacy"


def test_one_reader_sure_of_a_crisis_keeps_the_question_the_stack_doubts() -> None:
    # Five words: too short for the second opinion to ask on its own.
    scores = RiskScores(crisis_self=0.1, uncertain=0.15)
    topic = ranking("funeral_planning", 0.6, "possible_crisis", 0.15)
    doubt = 0.0
    second_sure = THRESHOLDS.second_opinion_check_in
    reader_sure = sure_of_a_crisis(THRESHOLDS.labelled_crisis_ask)

    def decision(second: float, reader: Dict[str, float]) -> Decision:
        return decide(NOTHING, scores, topic, THRESHOLDS, second, 5, labelled=reader, stacked=doubt)

    for kept in (decision(second_sure, labelled(0.99)), decision(0.1, reader_sure)):
        assert (kept.intent, kept.source) == ("possible_crisis", "scorer")
    assert decision(second_sure - 0.01, labelled(0.99)).intent == "funeral_planning"
    almost = sure_of_a_crisis(THRESHOLDS.labelled_crisis_ask - 0.01)
    assert decision(0.1, almost).intent == "funeral_planning"


def test_a_distressed_message_the_stack_holds_back_gets_the_distress_answer() -> None:
    scores = RiskScores(crisis_self=0.1, uncertain=0.1, distress=0.6)
    top = ranking("distress", 0.6, "possible_crisis", 0.1)
    doubt = THRESHOLDS.stacked_hold_back - 0.001
    assert decide(NOTHING, scores, top, THRESHOLDS, 0.3, 12).intent == "possible_crisis"
    assert decide(NOTHING, scores, top, THRESHOLDS, 0.3, 12, stacked=doubt).intent == "distress"


def test_the_stack_never_holds_back_a_crisis_answer_a_pattern_or_a_lethal_amount() -> None:
    doubt = 0.0
    topic = ranking("legacy", 0.5, "possible_crisis", 0.2)
    sure = decide(NOTHING, RiskScores(crisis_self=0.7), topic, THRESHOLDS, 0.9, 12, stacked=doubt)
    told = decide(
        Assessment(Level.CRISIS, cues=("want_to_die",)),
        RiskScores(),
        topic,
        THRESHOLDS,
        0.0,
        12,
        labelled=labelled(0.95),
        stacked=doubt,
    )
    lethal = decide(
        NOTHING,
        RiskScores(uncertain=0.2),
        topic,
        THRESHOLDS,
        0.1,
        12,
        lethal_amount=True,
        stacked=doubt,
    )
    negated = decide(
        Assessment(Level.NONE, set_aside=frozenset({Level.CRISIS})),
        RiskScores(crisis_self=0.4, uncertain=0.2),
        topic,
        THRESHOLDS,
        0.1,
        12,
        stacked=doubt,
    )
    assert sure.intent == "crisis_self"
    # The pattern's crisis doubted by the labelled reader is asked, as without the stack.
    assert (told.intent, told.crisis_doubted) == ("possible_crisis", "crisis_self")
    assert lethal.intent == negated.intent == "possible_crisis"


def test_the_question_the_stack_held_back_is_read_for_a_statement_of_safety() -> None:
    # As the question itself would be: "yes, I'm safe" a yes, "I'm safe" a no.
    held_back = Decision("symptom_fatigue", Level.NONE, without_stack="possible_crisis")
    assert with_safety_statement(held_back, "yes, I'm safe").without_stack == "affirm"
    assert with_safety_statement(held_back, "I'm safe").without_stack == "say_safe"
    assert with_safety_statement(held_back, "so tired lately").without_stack == "possible_crisis"
    asked = Decision("possible_crisis", Level.CRISIS, source="scorer")
    assert with_safety_statement(asked, "I'm safe").intent == "say_safe"
    told = Decision("crisis_self", Level.CRISIS, source="patterns")
    assert with_safety_statement(told, "I'm safe") == told
