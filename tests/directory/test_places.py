"""Understanding the places people name, offline."""

from typing import Optional

import pytest

from assistant.directory.place_mentions import find_place_mention
from assistant.directory.places import (
    AmbiguousPlace,
    Gazetteer,
    Place,
    StateOnly,
    UnknownPlace,
    UnknownReason,
    gazetteer,
)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("60614", "60614 (Chicago, IL)"),
        ("near 60614", "60614 (Chicago, IL)"),
        ("my zip code is 02115", "02115 (Boston, MA)"),
        ("60614-1234", "60614 (Chicago, IL)"),
        ("Chicago, IL 60614", "60614 (Chicago, IL)"),
        ("Austin, Texas", "Austin, TX"),
        ("austin tx", "Austin, TX"),
        ("Chicago, IL", "Chicago, IL"),
        ("chicago", "Chicago, IL"),
        ("I live in Denver", "Denver, CO"),
        ("Boston area", "Boston, MA"),
        ("St. Louis", "Saint Louis, MO"),
        ("st louis mo", "Saint Louis, MO"),
        ("Fort Worth TX", "Fort Worth, TX"),
        ("Portland", "Portland, OR"),
        ("Portland, Maine", "Portland, ME"),
        ("New York", "New York, NY"),
        ("NYC", "New York, NY"),
        ("Washington, D.C.", "Washington, DC"),
        ("Kansas City, MO", "Kansas City, MO"),
        ("Salt Lake City", "Salt Lake City, UT"),
        ("Toronto, OH", "Toronto, OH"),
        # Puerto Rico and the other territories, with their accents or without.
        ("00901", "00901 (San Juan, PR)"),
        ("San Juan", "San Juan, PR"),
        ("San Juan, TX", "San Juan, TX"),
        ("Bayamón, Puerto Rico", "Bayamón, PR"),
        ("mayaguez", "Mayagüez, PR"),
        ("Mayagüez", "Mayagüez, PR"),
        ("Cañon City", "Canon City, CO"),
        # Typos.
        ("chicgo", "Chicago, IL"),
        ("San Fransisco", "San Francisco, CA"),
        ("springfeild, mo", "Springfield, MO"),
        ("Philadelpia", "Philadelphia, PA"),
    ],
)
def test_places_are_understood(places: Gazetteer, text: str, label: str) -> None:
    result = places.resolve(text)
    assert isinstance(result, Place)
    assert result.label == label


def test_zip_code_coordinates_are_where_the_zip_is(places: Gazetteer) -> None:
    result = places.resolve("60614")
    assert isinstance(result, Place)
    assert result.coordinates.latitude == pytest.approx(41.92, abs=0.05)
    assert result.coordinates.longitude == pytest.approx(-87.65, abs=0.05)


@pytest.mark.parametrize("text", ["Springfield", "springfield", "Kansas City", "Fairview"])
def test_a_city_in_several_states_asks_which(places: Gazetteer, text: str) -> None:
    result = places.resolve(text)
    assert isinstance(result, AmbiguousPlace)
    assert 2 <= len(result.options) <= 4
    assert len({option.label for option in result.options}) == len(result.options)


def test_springfield_offers_the_largest_springfields(places: Gazetteer) -> None:
    result = places.resolve("Springfield")
    assert isinstance(result, AmbiguousPlace)
    assert {"Springfield, IL", "Springfield, MO", "Springfield, MA"} <= {
        option.label for option in result.options
    }


@pytest.mark.parametrize(
    ("text", "state"),
    [("Texas", "Texas"), ("in texas", "Texas"), ("washington state", "Washington")],
)
def test_a_whole_state_asks_for_a_city(places: Gazetteer, text: str, state: str) -> None:
    assert places.resolve(text) == StateOnly(state)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("00000", UnknownReason.NOT_A_US_ZIP),
        ("99999", UnknownReason.NOT_A_US_ZIP),
        ("6061", UnknownReason.NOT_A_US_ZIP),
        ("K1A 0B1", UnknownReason.OUTSIDE_US),
        ("M5V 2T6", UnknownReason.OUTSIDE_US),
        ("Toronto", UnknownReason.OUTSIDE_US),
        ("Narnia", UnknownReason.NOT_FOUND),
        ("Robert'); DROP TABLE providers;--", UnknownReason.NOT_FOUND),
        ("x" * 5000, UnknownReason.NOT_FOUND),
        ("", UnknownReason.EMPTY),
        ("   ", UnknownReason.EMPTY),
        ("😀🙏", UnknownReason.EMPTY),
        ("<b>", UnknownReason.NOT_FOUND),
    ],
)
def test_unknown_places_say_why(places: Gazetteer, text: str, reason: UnknownReason) -> None:
    assert places.resolve(text) == UnknownPlace(reason)


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("hospice near 60614 for my dad", "60614"),
        ("palliative care in Austin, Texas", "Austin, Texas"),
        ("palliative care in Chicago, IL", "Chicago, IL"),
        ("Austin TX hospice", "Austin TX"),
        ("hospice care at home in Denver", "Denver"),
        ("I live in Boston and need help", "Boston"),
        ("anything within 10 miles of Seattle?", "Seattle"),
        ("support group in toronto please", "toronto"),
        ("counseling in Narnia", "Narnia"),
        ("hospice in Kansas City, MO", "Kansas City, MO"),
    ],
)
def test_the_place_is_found_inside_a_message(places: Gazetteer, message: str, place: str) -> None:
    mention = find_place_mention(message, places)
    assert mention is not None
    assert mention.text == place
    assert message[mention.start : mention.end] == place


@pytest.mark.parametrize(
    "message",
    [
        "Find palliative care near me",
        "what is palliative care",
        "is palliative care given in the hospital",
        "palliative care at home",
        "support groups by phone",
        "help in my area",
    ],
)
def test_no_place_is_found_where_none_is_named(places: Gazetteer, message: str) -> None:
    assert find_place_mention(message, places) is None


@pytest.mark.parametrize(
    ("message", "place"),
    [
        ("vivimos en Houston", "Houston"),
        ("cuidados paliativos cerca de 78701", "78701"),
        ("soy de El Paso", "El Paso"),
        ("busco hospice por Austin por favor", "Austin"),
        ("hospicio en casa", None),
        ("estamos en el hospital", None),
        # "mi" is "my", not Michigan; two letters alone count only in capitals.
        ("busco un grupo de apoyo cerca de mi", None),
        ("cuidados paliativos cerca de mí por favor", None),
        ("hospicio en Detroit, MI", "Detroit, MI"),
        ("busco hospicio en Mayagüez", "Mayagüez"),
        ("mi mamá vive en Ponce, Puerto Rico", "Ponce, Puerto Rico"),
    ],
)
def test_a_place_named_in_spanish(message: str, place: Optional[str]) -> None:
    mention = find_place_mention(message, gazetteer())
    assert (mention.text if mention else None) == place
