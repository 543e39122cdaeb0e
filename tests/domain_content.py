"""Read the domain's responses and the shared resource list, for content tests."""

import re
from functools import cache
from pathlib import Path
from typing import Any, Dict, List, Set

import yaml

PROJECT_DIR = Path(__file__).resolve().parent.parent
DOMAIN_DIR = PROJECT_DIR / "domain"
RESOURCES_FILE = PROJECT_DIR.parent / "shared" / "resources.md"

PHONE_NUMBER = re.compile(r"(?<!\d)(?:1[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)")
SHORT_CODE = re.compile(r"\b(?:911|988|741741)\b")


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
        found.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("entities", []))
    return found


def digits(text: str) -> str:
    """The last ten digits of a phone number, for comparing numbers."""
    return re.sub(r"\D", "", text)[-10:]


@cache
def allowed_phone_numbers() -> Set[str]:
    """Phone numbers listed in ../shared/resources.md, as ten digits."""
    text = RESOURCES_FILE.read_text(encoding="utf-8")
    numbers = {digits(match) for match in re.findall(r"\d[\d\s().-]{8,}\d", text)}
    # resources.md writes two numbers with letters: 800-813-HOPE (4673), 888-753-LBBC (5222)
    numbers |= {"8008134673", "8887535222"}
    return numbers


def allowed_short_codes() -> Set[str]:
    """The short numbers (911, 988, 741741) that resources.md lists."""
    return set(SHORT_CODE.findall(RESOURCES_FILE.read_text(encoding="utf-8")))
