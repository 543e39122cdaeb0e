"""The e5 encoder and the pieces of the multilingual risk scorer that need no model."""

from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional, cast

import numpy as np
import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import assistant.components.multilingual_risk_scorer as scorer_module
from assistant.components.embedding_intent_classifier import (
    INTENT_PROBABILITIES,
    SENTENCE_PROBABILITIES,
)
from assistant.components.multilingual_risk_scorer import (
    MULTILINGUAL_RISK,
    MULTILINGUAL_RISK_OF_SENTENCE,
    BlendedLevels,
    LevelsWithEmergency,
    MultilingualRiskScorer,
    best_intent,
    emergency_or_not,
    left_out_examples,
    read_examples,
)
from assistant.embeddings.e5 import DIMENSIONS, E5Encoder
from assistant.safety.risk_decision import EMERGENCY_LEVEL
from assistant.safety.risk_decision import LEVEL_NAME_OF_INTENT as LEVEL_OF_INTENT
from tests.pipeline_config import configured
from tests.training_data import PROJECT_DIR


def test_e5_keeps_meaning_across_languages() -> None:
    encoder = E5Encoder()
    breathe_es, breathe_en, hospice_es = encoder.encode_all(
        ["mi mamá no puede respirar", "my mother can't breathe", "¿cuánto cuesta el hospicio?"]
    )
    assert breathe_es.shape == (DIMENSIONS,)
    assert np.isclose(np.linalg.norm(breathe_es), 1.0, atol=1e-3)
    assert float(breathe_es @ breathe_en) > float(breathe_es @ hospice_es)
    assert np.allclose(encoder.encode("mi mamá no puede respirar"), breathe_es, atol=1e-4)


def test_the_spanish_examples_have_every_level() -> None:
    examples = read_examples(PROJECT_DIR / "training" / "risk_es.yml")
    levels = {level for _, level in examples}
    assert levels == {"crisis", "emergency", "distress", "none"}
    assert len(examples) >= 500
    # The English intents are read as the same levels.
    assert LEVEL_OF_INTENT["crisis_self"] == LEVEL_OF_INTENT["crisis_someone_else"] == "crisis"
    assert LEVEL_OF_INTENT["medical_emergency"] == "emergency"


def test_the_emergency_examples_have_emergencies_and_messages_near_them() -> None:
    examples = read_examples(PROJECT_DIR / "training" / "risk_es_emergency.yml")
    classes = [emergency_or_not(level) for _, level in examples]
    assert classes.count("emergency") >= 300 and classes.count("other") >= 150


def test_a_level_the_scorer_does_not_know_stops_training(tmp_path: Path) -> None:
    examples = tmp_path / "risk.yml"
    examples.write_text('- level: benign\n  messages: ["me muero de ganas de un cafecito"]\n')
    with pytest.raises(ValueError, match="benign"):
        read_examples(examples)


def test_the_examples_are_read_with_straight_quotes(tmp_path: Path) -> None:
    # As the pipeline reads a message (MessageCleaner).
    examples = tmp_path / "risk.yml"
    examples.write_text(
        '- level: crisis\n  messages: ["ya no aguanto, ya no quiero m\u00e1s \u201cvida\u201d"]\n'
    )
    assert read_examples(examples) == [('ya no aguanto, ya no quiero más "vida"', "crisis")]


def test_the_scorer_reads_past_rasas_fallback() -> None:
    message = Message(
        data={
            TEXT: "ya no quiero despertar",
            INTENT: {"name": "nlu_fallback", "confidence": 0.3},
            INTENT_RANKING_KEY: [
                {"name": "nlu_fallback", "confidence": 0.3},
                {"name": "other_language", "confidence": 0.25},
            ],
        }
    )
    assert best_intent(message) == "other_language"


def test_the_scores_read_spelling_where_meaning_says_nothing() -> None:
    # Vectors that cannot tell the levels apart: what separates them is the words.
    crisis = ["quiero matarme ya", "me voy a matar hoy", "pienso en matarme", "ya quiero matarme"]
    planning = [
        "quiero morir en mi casa",
        "cuando me toque, en mi casa",
        "prefiero mi casa al final",
        "en casa con mi familia",
    ]
    texts = crisis + planning
    vectors = np.ones((len(texts), 4))
    model = BlendedLevels.fit(
        vectors, texts, ["crisis"] * 4 + ["none"] * 4, {"meaning": 1.0, "spelling": 16.0}
    )
    assert list(model.classes_) == ["crisis", "none"]
    asked = model.probabilities(np.ones(4), "creo que me voy a matar", with_spelling=True)
    assert np.isclose(asked.sum(), 1.0)
    at_home = model.probabilities(np.ones(4), "en mi casa, cuando me toque", with_spelling=True)
    assert asked[0] > 0.5 > at_home[0]
    # Another language (here another script) is read by meaning alone: its spelling shares
    # nothing with the training text and would pull every level toward "none".
    other = model.probabilities(np.ones(4), "Я хочу покончить с собой", with_spelling=False)
    assert np.allclose(other, model.by_meaning.predict_proba(np.ones((1, 4)))[0])


def test_the_emergency_probability_is_its_own_regressions() -> None:
    crisis = ["ya no quiero vivir", "quiero matarme", "me quiero morir ya", "ya no aguanto vivir"]
    breath = ["no puede respirar", "no respira bien", "no respira nada", "casi no respira"]
    texts = crisis + breath
    vectors = np.ones((len(texts), 4))
    strength = {"meaning": 1.0, "spelling": 16.0}
    # The levels learned half the breath messages as emergencies; the emergency
    # regressions learned them all, so the two read "mi papá no respira" apart.
    levels = BlendedLevels.fit(
        vectors, texts, ["crisis"] * 4 + ["emergency"] * 2 + ["none"] * 2, strength
    )
    labels = [emergency_or_not(level) for level in ["crisis"] * 4 + ["emergency"] * 4]
    emergency = BlendedLevels.fit(vectors, texts, labels, strength)
    model = LevelsWithEmergency(levels, emergency)
    assert list(model.classes_) == ["crisis", "emergency", "none", "emergency_or_not"]
    *levels_p, emergency_p = model.probabilities(
        np.ones(4), "mi papá no respira", with_spelling=True
    )
    assert np.allclose(levels_p, levels.probabilities(np.ones(4), "mi papá no respira", True))
    own = emergency.probabilities(np.ones(4), "mi papá no respira", True)
    assert emergency_p == own[list(emergency.classes_).index("emergency")]
    assert emergency_p > 0.5 and emergency_p > levels_p[1] + 0.1
    assert model.probabilities(np.ones(4), "quiero matarme", with_spelling=True)[3] < 0.5


def test_regressions_without_emergencies_are_refused() -> None:
    texts = ["quiero matarme", "me quiero morir", "quiero mi casa", "en mi casa"]
    no_emergency = BlendedLevels.fit(
        np.ones((4, 4)), texts, ["crisis", "crisis", "none", "none"], {"meaning": 1, "spelling": 1}
    )
    with pytest.raises(ValueError, match="emergency"):
        LevelsWithEmergency(no_emergency, no_emergency)


class OnesEncoder:
    def encode_all(self, texts: List[str]) -> np.ndarray:
        return np.ones((len(texts), 4))


def trained_on(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    level_examples: str,
    left_out: Optional[List[str]] = None,
    english_left_out: Optional[List[str]] = None,
) -> LevelsWithEmergency:
    """The scorer trained with a stub encoder on small examples files."""
    examples = tmp_path / "risk.yml"
    examples.write_text(
        "- level: crisis\n  messages: [quiero matarme, me quiero matar, ya me quiero ir]\n"
        "- level: none\n  messages: [mi casa, en mi casa, la casa de mi hija]\n"
    )
    levels_only = tmp_path / "levels.yml"
    levels_only.write_text(level_examples)
    extra = tmp_path / "emergency.yml"
    extra.write_text("- level: emergency\n  messages: [zzqx respira, zzqx no respira]\n")
    english = [
        Message(data={TEXT: text, INTENT: intent})
        for text, intent in [
            ("she is not breathing", "medical_emergency"),
            ("he is not breathing at all", "medical_emergency"),
            ("what is hospice", "hospice_info"),
            ("what does hospice do", "hospice_info"),
            ("what's hospice for", "hospice_info"),
        ]
    ]
    kept: List[Any] = []
    monkeypatch.setattr(scorer_module, "shared_e5", OnesEncoder)
    monkeypatch.setattr(MultilingualRiskScorer, "keep", lambda self, model: kept.append(model))
    config = {**MultilingualRiskScorer.get_default_config()}
    config.update(
        examples=str(examples),
        level_examples=str(levels_only),
        emergency_examples=str(extra),
        left_out=left_out or [],
        english_left_out=english_left_out or [],
    )
    component = MultilingualRiskScorer(config, cast(Any, None), cast(Any, None))
    component.train(TrainingData(training_examples=english))
    (model,) = kept
    return cast(LevelsWithEmergency, model)


def test_each_pair_of_regressions_learns_its_own_examples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = trained_on(
        tmp_path, monkeypatch, "- level: crisis\n  messages: [yyqw pastillas, yyqw seguro]\n"
    )
    assert "zzqx" not in model.levels.spelling.vocabulary_
    assert "zzqx" in model.emergency.spelling.vocabulary_
    assert "yyqw" in model.levels.spelling.vocabulary_
    assert "yyqw" not in model.emergency.spelling.vocabulary_


def nlu_file(tmp_path: Path, intent: str, *texts: str) -> str:
    """An NLU file of one intent's examples, for `left_out`."""
    voices = tmp_path / "voices.yml"
    examples = "".join(f"      - {text}\n" for text in texts)
    voices.write_text(
        f'version: "3.1"\nnlu:\n  - intent: {intent}\n    examples: |\n{examples}',
        encoding="utf-8",
    )
    return str(voices)


def test_the_nlu_files_left_out_are_not_learned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    voices = nlu_file(tmp_path, "hospice_info", "what does hospice do", "what's hospice for")
    crises = "- level: crisis\n  messages: [yyqw pastillas]\n"
    learned = trained_on(tmp_path, monkeypatch, crises)
    model = trained_on(tmp_path, monkeypatch, crises, left_out=[voices])
    # Character n-grams in two examples or more: "hosp" only while two hospice ones are learned.
    assert "hosp" in learned.levels.spelling.vocabulary_
    assert "hosp" in learned.emergency.spelling.vocabulary_
    assert "hosp" not in model.levels.spelling.vocabulary_
    assert "hosp" not in model.emergency.spelling.vocabulary_
    assert "breat" in model.levels.spelling.vocabulary_


def test_a_left_out_example_matches_the_training_example_its_markup_and_quotes_clean_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The training data reaches the scorer cleaned by `MessageCleaner`; the file does not.
    voices = nlu_file(
        tmp_path, "hospice_info", "what does <b>hospice</b> do", "what\u2019s hospice for"
    )
    crises = "- level: crisis\n  messages: [yyqw pastillas]\n"
    model = trained_on(tmp_path, monkeypatch, crises, left_out=[voices])
    assert "hosp" not in model.levels.spelling.vocabulary_


def test_an_english_batch_left_out_is_not_learned_risk_examples_and_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = nlu_file(tmp_path, "medical_emergency", "he is not breathing at all")
    crises = "- level: crisis\n  messages: [yyqw pastillas]\n"
    learned = trained_on(tmp_path, monkeypatch, crises)
    model = trained_on(tmp_path, monkeypatch, crises, english_left_out=[batch])
    # "breat" is learned from two examples or more: the two emergencies, one of them left out.
    assert "breat" in learned.levels.spelling.vocabulary_
    assert "breat" not in model.levels.spelling.vocabulary_
    assert "breat" not in model.emergency.spelling.vocabulary_
    assert "hosp" in model.levels.spelling.vocabulary_


@pytest.mark.parametrize(
    "intent, text, refusal",
    [
        ("medical_emergency", "she is not breathing", "risk examples"),
        ("hospice_info", "what is a hospice nurse", "not in the training data"),
    ],
)
def test_a_left_out_file_of_risk_or_unknown_examples_stops_training(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, intent: str, text: str, refusal: str
) -> None:
    voices = nlu_file(tmp_path, intent, text)
    with pytest.raises(ValueError, match=refusal):
        trained_on(tmp_path, monkeypatch, "- level: crisis\n  messages: [yyqw]\n", [voices])


def configured_scorer() -> Dict[str, Any]:
    """The scorer's config as config.yml sets it, over its defaults."""
    return {
        **MultilingualRiskScorer.get_default_config(),
        **configured("MultilingualRiskScorer"),
    }


def test_the_files_config_yml_leaves_out_hold_topic_examples_of_the_training_data() -> None:
    # Checked here, not only after the e5 embeddings of a full training run.
    config = configured_scorer()
    files = [PROJECT_DIR / name for name in config["left_out"]]
    assert files and all(path.is_relative_to(PROJECT_DIR / "data" / "nlu") for path in files)
    left_out = left_out_examples({**config, "english_left_out": []})
    assert len(left_out) >= 1000
    assert not {intent for intent, _ in left_out} & set(LEVEL_OF_INTENT)


def test_the_english_batches_config_yml_leaves_out_hold_risk_examples() -> None:
    config = configured_scorer()
    files = [PROJECT_DIR / name for name in config["english_left_out"]]
    risk_data = PROJECT_DIR / "data" / "nlu" / "risk"
    assert files and all(path.is_relative_to(risk_data) for path in files)
    everything = left_out_examples(config)
    topics = left_out_examples({**config, "english_left_out": []})
    assert {intent for intent, _ in everything - topics} & set(LEVEL_OF_INTENT)


def test_an_emergency_among_the_level_examples_stops_training(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The emergency regressions would never learn it: the two emergency scores would differ.
    with pytest.raises(ValueError, match="emergencies belong"):
        trained_on(tmp_path, monkeypatch, "- level: emergency\n  messages: [no respira]\n")


def test_the_level_examples_are_many_crises_and_no_emergency() -> None:
    levels = Counter(
        level for _, level in read_examples(PROJECT_DIR / "training" / "risk_es_levels.yml")
    )
    assert EMERGENCY_LEVEL not in levels
    assert levels["crisis"] >= 500 and levels["none"] >= 300 and levels["distress"] >= 200


class FixedLevels:
    """Levels that give every message the same probabilities."""

    classes_ = np.array(["crisis", "none", "unsure"])

    def probabilities(self, vector: np.ndarray, text: str, with_spelling: bool) -> np.ndarray:
        return np.array([0.5, 0.3, 0.2])


class ZerosEncoder:
    def encode(self, text: str) -> np.ndarray:
        return np.zeros(4)


def scored_in_english(
    monkeypatch: pytest.MonkeyPatch, text: str, intent: str, probabilities: Dict[str, float]
) -> Optional[Dict[str, float]]:
    """What the scorer (with fixed levels) sets on an English message the classifiers read."""
    monkeypatch.setattr(scorer_module, "shared_e5", ZerosEncoder)
    component = MultilingualRiskScorer(
        MultilingualRiskScorer.get_default_config(),
        cast(Any, None),
        cast(Any, None),
        cast(Any, FixedLevels()),
    )
    message = Message(
        data={
            TEXT: text,
            INTENT: {"name": intent, "confidence": 0.9},
            INTENT_RANKING_KEY: [{"name": intent, "confidence": 0.9}],
            INTENT_PROBABILITIES: probabilities,
        }
    )
    component.process([message])
    return message.get(MULTILINGUAL_RISK)


@pytest.mark.parametrize(("crisis", "read"), [(0.0, False), (0.019, False), (0.02, True)])
def test_an_english_message_is_read_from_some_crisis_in_the_classifiers_scores(
    monkeypatch: pytest.MonkeyPatch, crisis: float, read: bool
) -> None:
    scored = scored_in_english(
        monkeypatch,
        "how do I pay for hospice",
        "cost_insurance",
        {"cost_insurance": 0.9, "possible_crisis": crisis},
    )
    expected = {"crisis": 0.5, "none": 0.3, "unsure": 0.2} if read else None
    assert scored == expected


def test_an_english_message_longer_than_e5_reads_gets_no_second_opinion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scored = scored_in_english(monkeypatch, "x" * 20000, "nlu_fallback", {"possible_crisis": 0.5})
    assert scored is None


class TextsLevels(FixedLevels):
    """Fixed levels that keep the texts they read."""

    def __init__(self) -> None:
        """No text read yet."""
        self.texts: List[str] = []

    def probabilities(self, vector: np.ndarray, text: str, with_spelling: bool) -> np.ndarray:
        self.texts.append(text)
        return super().probabilities(vector, text, with_spelling)


@pytest.mark.parametrize(("sentence_crisis", "read_alone"), [(0.79, False), (0.8, True)])
def test_the_sentence_that_raises_a_long_messages_crisis_score_is_read_alone(
    monkeypatch: pytest.MonkeyPatch, sentence_crisis: float, read_alone: bool
) -> None:
    monkeypatch.setattr(scorer_module, "shared_e5", ZerosEncoder)
    levels = TextsLevels()
    component = MultilingualRiskScorer(
        MultilingualRiskScorer.get_default_config(),
        cast(Any, None),
        cast(Any, None),
        cast(Any, levels),
    )
    text = "Scans were mixed again this week. I have decided to end it on Friday."
    message = Message(
        data={
            TEXT: text,
            INTENT: {"name": "share_situation", "confidence": 0.6},
            INTENT_RANKING_KEY: [{"name": "share_situation", "confidence": 0.6}],
            INTENT_PROBABILITIES: {"share_situation": 0.6, "crisis_self": 0.3},
            SENTENCE_PROBABILITIES: [
                {"share_situation": 0.9, "crisis_self": 0.05},
                {"crisis_self": sentence_crisis},
            ],
        }
    )
    component.process([message])
    alone = ["I have decided to end it on Friday."] if read_alone else []
    assert levels.texts == [text, *alone]
    expected = {"crisis": 0.5, "none": 0.3, "unsure": 0.2} if read_alone else None
    assert message.get(MULTILINGUAL_RISK_OF_SENTENCE) == expected


def test_the_scorer_reads_the_sentence_the_risk_assessor_reads_for_a_whole_message() -> None:
    # `sentence_from` must be the risk assessor's `riskiest_sentence`: the second opinion
    # counts for a raised message only when it read the sentence that raised it.
    assert (
        configured("MultilingualRiskScorer")["sentence_from"]
        == configured("RiskAssessor")["riskiest_sentence"]
    )
