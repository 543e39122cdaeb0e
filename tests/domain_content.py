"""The domain's responses, the national resources and the source documents, for tests."""

import copy
import re
from functools import cache
from pathlib import Path
from typing import Any, Dict, List, Set

import yaml
from rasa.core.nlg.interpolator import interpolate

from assistant.channels.channel_texts import response_text

PROJECT_DIR = Path(__file__).resolve().parent.parent
DOMAIN_DIR = PROJECT_DIR / "domain"
RESOURCES_FILE = PROJECT_DIR / "sources" / "national_resources.yml"
DOCUMENTS_FILE = PROJECT_DIR / "sources" / "documents.yml"

PHONE_NUMBER = re.compile(r"(?<!\d)(?:1[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)")
SHORT_CODE = re.compile(r"\b(?:911|988|741741)\b")
WEB_ADDRESS = re.compile(r"\b[a-z0-9.-]+\.(?:org|gov|com|net)\b", re.IGNORECASE)


def domain_files() -> List[Path]:
    """The domain's topic files."""
    return sorted(DOMAIN_DIR.glob("*.yml"))


@cache
def responses() -> Dict[str, List[Dict[str, Any]]]:
    """Every response name with its variations, across the domain files."""
    merged: Dict[str, List[Dict[str, Any]]] = {}
    for path in domain_files():
        merged.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("responses", {}))
    return merged


def language_of(variation: Dict[str, Any]) -> str:
    """The language a variation is for: its condition on the slot `language`, else English."""
    for condition in variation.get("condition", []):
        if condition["name"] == "language":
            return str(condition["value"])
    return "en"


def text_in(name: str, language: str) -> str:
    """The text of response `name` in `language` (`en`: the variation without conditions)."""
    text = response_text(responses()[name], language)
    assert text is not None, (name, language)
    return text


@cache
def intents() -> Set[str]:
    """Every intent in the domain."""
    found: Set[str] = set()
    for path in domain_files():
        found.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("intents", []))
    return found


@cache
def domain_entities() -> Set[str]:
    """Every entity in the domain."""
    found: Set[str] = set()
    for path in domain_files():
        for entity in yaml.safe_load(path.read_text(encoding="utf-8")).get("entities", []):
            found.update([entity] if isinstance(entity, str) else entity)
    return found


def digits(text: str) -> str:
    """The last ten digits of a phone number, for comparing numbers."""
    return re.sub(r"\D", "", text)[-10:]


@cache
def national_resources() -> List[Dict[str, Any]]:
    """The entries of sources/national_resources.yml."""
    return yaml.safe_load(RESOURCES_FILE.read_text(encoding="utf-8"))


@cache
def allowed_phone_numbers() -> Set[str]:
    """Phone numbers listed in sources/national_resources.yml, as ten digits."""
    return {digits(phone) for entry in national_resources() for phone in entry.get("phones", [])}


def allowed_short_codes() -> Set[str]:
    """The short numbers (911, 988, 741741) that sources/national_resources.yml lists."""
    return {code for entry in national_resources() for code in entry.get("short_codes", [])}


def allowed_web_addresses() -> Set[str]:
    """The web addresses that sources/national_resources.yml lists."""
    return {address for entry in national_resources() for address in entry.get("web", [])}


@cache
def source_documents() -> Set[str]:
    """The names of the documents in sources/documents.yml."""
    documents = yaml.safe_load(DOCUMENTS_FILE.read_text(encoding="utf-8"))
    return {document["name"] for document in documents}


# Values the custom actions pass when they fill an answer's placeholders.
ACTION_VALUES = {
    "place": "Springfield, MO",
    "city": "Springfield",
    "state": "Texas",
    "kind": "hospice",
    "filters": "",
    "radius": "25",
    "results": "1. Example Hospice",
}


@cache
def slot_names() -> Set[str]:
    """Every slot in the domain."""
    found: Set[str] = set()
    for path in domain_files():
        found.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("slots", {}))
    return found


def as_sent(variation: Dict[str, Any]) -> Dict[str, Any]:
    """A response variation filled as Rasa fills it: every slot, plus the actions' values.

    Rasa interpolates these keys of a response (rasa/core/nlg/response.py).
    """
    values: Dict[str, Any] = {name: None for name in slot_names()} | ACTION_VALUES
    filled = copy.deepcopy(variation)
    for key in ("text", "image", "custom", "buttons", "attachment", "quick_replies"):
        if key in filled:
            filled[key] = interpolate(filled[key], values)
    return filled
