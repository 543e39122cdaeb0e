"""The e5 encoder and the pieces of the multilingual risk scorer that need no model."""

from pathlib import Path

import numpy as np
import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from assistant.components.multilingual_risk_scorer import BlendedLevels, best_intent, read_examples
from assistant.embeddings.e5 import DIMENSIONS, E5Encoder
from assistant.safety.risk_decision import LEVEL_NAME_OF_INTENT as LEVEL_OF_INTENT
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
    asked = model.probabilities(np.ones(4), "creo que me voy a matar", spanish=True)
    assert np.isclose(asked.sum(), 1.0)
    at_home = model.probabilities(np.ones(4), "en mi casa, cuando me toque", spanish=True)
    assert asked[0] > 0.5 > at_home[0]
    # Another language (here another script) is read by meaning alone: its spelling shares
    # nothing with the training text and would pull every level toward "none".
    other = model.probabilities(np.ones(4), "Я хочу покончить с собой", spanish=False)
    assert np.allclose(other, model.by_meaning.predict_proba(np.ones((1, 4)))[0])
