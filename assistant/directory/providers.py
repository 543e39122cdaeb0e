"""What a directory entry is, and the words for kinds of help and care settings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

KINDS: Dict[str, str] = {
    "palliative_care": "palliative care",
    "hospice": "hospice",
    "counseling": "counseling",
    "support_group": "support group",
}
SETTINGS: Dict[str, str] = {
    "home": "at home",
    "hospital": "in the hospital",
    "clinic": "in a clinic or office",
    "remote": "by phone or video",
}
# Spellings accepted in CSV files and in replies, besides the keys and names above
# (Spanish ones too: a reply to "which kind of help?" may be in Spanish).
KIND_ALIASES = {
    "palliative": "palliative_care",
    "hospice care": "hospice",
    "counselling": "counseling",
    "counselor": "counseling",
    "therapy": "counseling",
    "support groups": "support_group",
    "support": "support_group",
    "cuidados paliativos": "palliative_care",
    "cuidado paliativo": "palliative_care",
    "paliativos": "palliative_care",
    "hospicio": "hospice",
    "cuidados de hospicio": "hospice",
    "consejería": "counseling",
    "consejeria": "counseling",
    "terapia": "counseling",
    "grupo de apoyo": "support_group",
    "grupos de apoyo": "support_group",
}
SETTING_ALIASES = {
    "in home": "home",
    "home visits": "home",
    "inpatient": "hospital",
    "office": "clinic",
    "outpatient": "clinic",
    "phone": "remote",
    "video": "remote",
    "telehealth": "remote",
    "online": "remote",
    "virtual": "remote",
}


def canonical_kind(word: str) -> Optional[str]:
    """The kind key for `word` ("Support Groups" -> "support_group"), if it is one."""
    return _canonical(word, KINDS, KIND_ALIASES)


def canonical_setting(word: str) -> Optional[str]:
    """The setting key for `word` ("telehealth" -> "remote"), if it is one."""
    return _canonical(word, SETTINGS, SETTING_ALIASES)


def _canonical(word: str, names: Dict[str, str], aliases: Dict[str, str]) -> Optional[str]:
    key = re.sub(r"[\s_-]+", " ", word.strip().lower())
    by_name = {name: k for k, name in names.items()} | {k.replace("_", " "): k for k in names}
    return by_name.get(key) or aliases.get(key)


@dataclass(frozen=True)
class Provider:
    """One entry in the directory, with the position of its ZIP code."""

    id: str
    name: str
    kinds: Tuple[str, ...]
    settings: Tuple[str, ...]
    address: str
    city: str
    state: str
    zip: str
    phone: str
    website: str
    notes: str
    latitude: float
    longitude: float
    active: bool = True


@dataclass(frozen=True)
class Match:
    """A provider and how far it is from the place searched around."""

    provider: Provider
    distance_miles: float
