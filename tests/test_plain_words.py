"""Every answer reads at or below US school grade 8 (textstat 0.7.3, offline).

English answers by Flesch-Kincaid grade; Spanish ones by Fernández-Huerta, the Flesch
reading ease adapted to Spanish, at least 60 ("normal": grades 7 and 8). Answers are
measured as people read them: placeholders filled with typical values, the closing
"Source:" ("Fuente:") line left out (a name, not a sentence).
"""

import re
from typing import Any, Dict, List, Tuple

import pytest
import textstat

from assistant.directory.listing import format_matches
from assistant.directory.providers import Match, Provider
from tests.domain_content import language_of, responses

MAX_GRADE = 8.0
MIN_SPANISH_EASE = 60.0
EXAMPLE_PROVIDER = Provider(
    id="x1",
    name="Example Hospice of Springfield",
    kinds=("hospice",),
    settings=("home",),
    address="1 Example Way",
    city="Springfield",
    state="MO",
    zip="65806",
    phone="417-555-0101",
    website="example.org",
    notes="Example entry, not a real provider.",
    latitude=37.2,
    longitude=-93.3,
)
TYPICAL_VALUES = {
    "place": "Springfield, MO",
    "city": "Springfield",
    "state": "Texas",
    "kind": "hospice",
    "filters": "",
    "radius": "25",
    "results": format_matches([Match(EXAMPLE_PROVIDER, 2.4)]),
}


def as_read(text: str) -> str:
    """`text` with its placeholders filled and its source line left out."""
    filled = re.sub(r"\{(\w+)\}", lambda m: TYPICAL_VALUES.get(m[1], m[1]), text)
    return "\n".join(
        line for line in filled.splitlines() if not re.match(r"(Sources?|Fuentes?): ", line.strip())
    )


def every_answer() -> List[Tuple[str, Dict[str, Any]]]:
    return [(name, v) for name, variations in responses().items() for v in variations]


@pytest.mark.parametrize(("name", "variation"), every_answer())
def test_every_answer_is_at_or_below_grade_8(name: str, variation: Dict[str, Any]) -> None:
    text = as_read(variation.get("text") or "")
    if language_of(variation) == "es":
        textstat.set_lang("es")
        try:
            assert textstat.fernandez_huerta(text) >= MIN_SPANISH_EASE, text
        finally:
            textstat.set_lang("en_US")
    else:
        assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, text


def test_placeholders_used_in_answers_have_typical_values() -> None:
    used = {
        placeholder
        for _, variation in every_answer()
        for placeholder in re.findall(r"\{(\w+)\}", variation.get("text") or "")
    }
    assert used <= set(TYPICAL_VALUES)
