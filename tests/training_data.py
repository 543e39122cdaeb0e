"""Read NLU examples from Rasa YAML files, for the data tests."""

import re
from pathlib import Path
from typing import Dict, Iterable, List

import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
TRAINING_NLU_DIR = PROJECT_DIR / "data" / "nlu"
HELDOUT_NLU_DIR = PROJECT_DIR / "tests" / "nlu"
# The first held-out set; the second, written by new writers before the embedding
# classifier (issue 11); replies to the direct question about suicide; follow-ups that
# name no topic, with questions that do; Spanish, written on 2026-11-22 before any Spanish
# training data (issue 16); asking for the other language; questions about the crisis lines
# themselves, with their nearest intents; the third English set, written on 2026-12-06 by two
# writers who saw only the intent descriptions, before the voices of data/nlu/voices/r6_*.
HELDOUT_NLU_FILES = [
    HELDOUT_NLU_DIR / "heldout.yml",
    HELDOUT_NLU_DIR / "heldout_v2.yml",
    HELDOUT_NLU_DIR / "heldout_check_in.yml",
    HELDOUT_NLU_DIR / "heldout_follow_ups.yml",
    HELDOUT_NLU_DIR / "heldout_es.yml",
    HELDOUT_NLU_DIR / "heldout_language.yml",
    HELDOUT_NLU_DIR / "heldout_crisis_lines.yml",
    HELDOUT_NLU_DIR / "heldout_v3.yml",
]


def read_examples(files: Iterable[Path]) -> Dict[str, List[str]]:
    """Map each intent to its example texts, in file order."""
    examples: Dict[str, List[str]] = {}
    for path in files:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in document.get("nlu", []):
            if "intent" not in block:
                continue
            lines = block["examples"].splitlines()
            texts = [plain_text(line.strip()[2:].strip()) for line in lines if line.strip()]
            examples.setdefault(block["intent"], []).extend(texts)
    return examples


ENTITY_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def plain_text(example: str) -> str:
    """An example as the person typed it: "near [Austin](place)" -> "near Austin"."""
    return ENTITY_ANNOTATION.sub(r"\1", example)


def training_examples() -> Dict[str, List[str]]:
    """Examples the model is trained on."""
    return read_examples(sorted(TRAINING_NLU_DIR.rglob("*.yml")))


def heldout_examples(files: Iterable[Path] = tuple(HELDOUT_NLU_FILES)) -> Dict[str, List[str]]:
    """Examples kept out of training, for measuring understanding."""
    return read_examples(files)


def words(text: str) -> List[str]:
    """Lowercased words of a message, without punctuation."""
    return re.findall(r"[\w']+", text.lower())


def word_edit_distance(first: List[str], second: List[str]) -> int:
    """Levenshtein distance counted in whole words."""
    previous = list(range(len(second) + 1))
    for i, word in enumerate(first, start=1):
        current = [i]
        for j, other in enumerate(second, start=1):
            cost = 0 if word == other else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]
