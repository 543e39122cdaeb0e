"""The labelled safety messages in tests/safety/labelled_messages.yml."""

from dataclasses import dataclass
from pathlib import Path
from typing import List

import yaml

LABELLED_FILE = Path(__file__).resolve().parent / "labelled_messages.yml"


@dataclass(frozen=True)
class LabelledMessage:
    """A message with its true level, whom a crisis is about, and its split."""

    text: str
    level: str
    about: str
    split: str


def labelled_messages() -> List[LabelledMessage]:
    """Every labelled message, in file order."""
    blocks = yaml.safe_load(LABELLED_FILE.read_text(encoding="utf-8"))
    return [
        LabelledMessage(text, block["level"], block.get("about", "self"), block["split"])
        for block in blocks
        for text in block["messages"]
    ]


def recall(found: List[bool]) -> float:
    """The share of True in `found` (1.0 for an empty list)."""
    return sum(found) / len(found) if found else 1.0
