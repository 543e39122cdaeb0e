"""The settings config.yml gives a component of the NLU pipeline, for the tests."""

from pathlib import Path
from typing import Any, Dict

import yaml

CONFIG = Path(__file__).resolve().parent.parent / "config.yml"


def configured(component: str) -> Dict[str, Any]:
    """The settings config.yml writes for the one pipeline component whose name ends so."""
    pipeline = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["pipeline"]
    (settings,) = [entry for entry in pipeline if entry["name"].endswith(f".{component}")]
    return {name: value for name, value in settings.items() if name != "name"}
