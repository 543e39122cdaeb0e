"""The labelled risk reader, trained on small files with the real MiniLM encoder."""

from pathlib import Path
from typing import Any, List, cast

import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from assistant.components.labelled_risk_reader import (
    LABELLED_RISK,
    LabelledRiskReader,
    LevelsBySpellingAndMeaning,
    listed_files,
)
from assistant.components.language_detector import SPANISH_PROBABILITY
from assistant.components.risk_assessor import read_whole
from assistant.safety.detector import Assessment
from assistant.safety.levels import Level
from assistant.safety.risk_decision import RiskScores
from tests.safety.risk_scoring import PROJECT_DIR

SPLIT = """
- level: crisis
  messages:
    - I want to end my life tonight
    - I have been saving my pills to take them all at once
    - I don't want to be alive anymore
- level: ambiguous
  messages:
    - sometimes I wonder what the point of going on is
- level: emergency
  messages:
    - she is not breathing and her lips are blue
- level: distress
  messages:
    - I am so scared and I can't stop crying
- level: none
  messages:
    - how do I plan a funeral that feels like a party
    - I want to write letters to my kids for their wedding days
    - what does hospice do at home
    - can palliative care help with pain
"""


def trained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LabelledRiskReader:
    split = tmp_path / "split.yml"
    split.write_text(SPLIT, encoding="utf-8")
    manifest = tmp_path / "manifest.yml"
    manifest.write_text(f"files:\n  - {split}\n", encoding="utf-8")
    kept: List[Any] = []
    monkeypatch.setattr(LabelledRiskReader, "keep", lambda self, model: kept.append(model))
    config = {**LabelledRiskReader.get_default_config(), "examples": str(manifest)}
    reader = LabelledRiskReader(config, cast(Any, None), cast(Any, None))
    reader.train(TrainingData())
    (model,) = kept
    return LabelledRiskReader(config, cast(Any, None), cast(Any, None), model)


def test_the_reader_learns_the_levels_with_the_unclear_middle_as_a_crisis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = trained(tmp_path, monkeypatch)
    model = cast(LevelsBySpellingAndMeaning, reader.model)
    assert sorted(model.regression.classes_) == ["crisis", "distress", "emergency", "none"]
    funeral, crisis = (
        Message(data={TEXT: "how do I plan my funeral"}),
        Message(data={TEXT: "I want to end my life"}),
    )
    reader.process([funeral, crisis])
    assert funeral.get(LABELLED_RISK)["none"] > funeral.get(LABELLED_RISK)["crisis"]
    assert crisis.get(LABELLED_RISK)["crisis"] > crisis.get(LABELLED_RISK)["none"]


def test_the_reader_leaves_spanish_messages_to_the_multilingual_scorer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = trained(tmp_path, monkeypatch)
    spanish = Message(data={TEXT: "quiero terminar con mi vida", SPANISH_PROBABILITY: 0.99})
    reader.process([spanish])
    assert spanish.get(LABELLED_RISK) is None


def test_every_file_the_manifest_lists_exists_and_is_an_english_split() -> None:
    manifest = PROJECT_DIR / LabelledRiskReader.get_default_config()["examples"]
    files = listed_files(manifest)
    assert len(files) >= 20
    assert all(path.exists() and "_es" not in path.name for path in files)


def test_the_reading_counts_for_an_english_message_read_whole_only() -> None:
    whole = RiskScores(crisis_self=0.1)
    raised = RiskScores(crisis_self=0.9)
    plain = Assessment(Level.NONE)
    spanish_cue = Assessment(Level.CRISIS, cues=("spanish",))
    assert read_whole(True, whole, whole, plain)
    assert not read_whole(False, whole, whole, plain)
    assert not read_whole(True, raised, whole, plain)
    assert not read_whole(True, whole, whole, spanish_cue)


def test_the_makefile_reads_the_same_files_as_the_reader() -> None:
    # The Makefile names the model after the listed files, read line by line with sed.
    manifest = PROJECT_DIR / LabelledRiskReader.get_default_config()["examples"]
    lines = manifest.read_text(encoding="utf-8").splitlines()
    by_lines = [PROJECT_DIR / line[4:] for line in lines if line.startswith("  - ")]
    assert by_lines == listed_files(manifest)
