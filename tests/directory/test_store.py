"""The directory store, on SQLite and on PostgreSQL: ordering, radius, paging, filters, upserts."""

from dataclasses import replace
from typing import List

import pytest

from assistant.directory.geo import Coordinates, distance_in_miles
from assistant.directory.providers import Provider
from assistant.directory.search import find_providers_near
from assistant.directory.store import DirectoryStore

CHICAGO = Coordinates(41.8781, -87.6298)
MILES_PER_DEGREE_LATITUDE = 69.05


def provider_at(
    provider_id: str,
    miles_north: float,
    kinds: tuple = ("palliative_care",),
    settings: tuple = (),
    active: bool = True,
) -> Provider:
    """A provider `miles_north` of downtown Chicago."""
    return Provider(
        id=provider_id,
        name=f"Example {provider_id}",
        kinds=kinds,
        settings=settings,
        address="1 Example Way",
        city="Chicago",
        state="IL",
        zip="60601",
        phone="312-555-0100",
        website="https://example.org",
        notes="Example entry.",
        latitude=CHICAGO.latitude + miles_north / MILES_PER_DEGREE_LATITUDE,
        longitude=CHICAGO.longitude,
        active=active,
    )


def names(store: DirectoryStore, **search: object) -> List[str]:
    return [match.provider.id for match in store.search(CHICAGO, **search).matches]  # type: ignore[arg-type]


def test_nearest_come_first_with_their_distance(store: DirectoryStore) -> None:
    store.upsert([provider_at("far", 20), provider_at("near", 2), provider_at("middle", 10)])
    page = store.search(CHICAGO, radius_miles=25, limit=3)
    assert [m.provider.id for m in page.matches] == ["near", "middle", "far"]
    assert [round(m.distance_miles) for m in page.matches] == [2, 10, 20]


def test_only_providers_within_the_radius_are_found(store: DirectoryStore) -> None:
    store.upsert([provider_at("inside", 24), provider_at("outside", 26), provider_at("south", -24)])
    assert sorted(names(store, radius_miles=25)) == ["inside", "south"]


def test_paging_gives_each_provider_once(store: DirectoryStore) -> None:
    store.upsert([provider_at(f"p{i}", i) for i in range(1, 8)])
    pages = [store.search(CHICAGO, radius_miles=25, limit=3, offset=o) for o in (0, 3, 6, 9)]
    assert [[m.provider.id for m in p.matches] for p in pages] == [
        ["p1", "p2", "p3"], ["p4", "p5", "p6"], ["p7"], [],
    ]  # fmt: skip
    assert {p.total for p in pages} == {7}


def test_kind_filter_keeps_providers_offering_that_kind(store: DirectoryStore) -> None:
    store.upsert([
        provider_at("hospice", 1, kinds=("hospice",)),
        provider_at("both", 2, kinds=("palliative_care", "hospice")),
        provider_at("group", 3, kinds=("support_group",)),
    ])  # fmt: skip
    assert names(store, kinds=["hospice"]) == ["hospice", "both"]
    assert names(store, kinds=["support_group", "hospice"]) == ["hospice", "both", "group"]
    assert names(store, kinds=["counseling"]) == []


def test_setting_filter_keeps_unlisted_settings_too(store: DirectoryStore) -> None:
    store.upsert([
        provider_at("home", 1, settings=("home",)),
        provider_at("clinic", 2, settings=("clinic",)),
        provider_at("unlisted", 3),
    ])  # fmt: skip
    assert names(store, settings=["home"]) == ["home", "unlisted"]


def test_inactive_providers_are_never_shown(store: DirectoryStore) -> None:
    store.upsert([provider_at("closed", 1, active=False), provider_at("open", 2)])
    assert names(store) == ["open"]


def test_upsert_adds_updates_and_leaves_unchanged(store: DirectoryStore) -> None:
    first = [provider_at("a", 1), provider_at("b", 2)]
    counts = store.upsert(first)
    assert (counts.inserted, counts.updated, counts.unchanged) == (2, 0, 0)
    counts = store.upsert(first)
    assert (counts.inserted, counts.updated, counts.unchanged) == (0, 0, 2)
    counts = store.upsert([replace(first[0], phone="312-555-0199"), provider_at("c", 3)])
    assert (counts.inserted, counts.updated, counts.unchanged) == (1, 1, 0)
    assert store.count() == 3
    assert store.search(CHICAGO).matches[0].provider.phone == "312-555-0199"


def test_quotes_and_sql_in_values_are_stored_as_text(store: DirectoryStore) -> None:
    name = 'O\'Brien "Care"; DROP TABLE providers; --'
    store.upsert([replace(provider_at("x'; --", 1), name=name)])
    match = store.search(CHICAGO).matches[0]
    assert (match.provider.id, match.provider.name) == ("x'; --", name)
    assert store.count() == 1


def test_search_widens_to_50_then_100_miles(store: DirectoryStore) -> None:
    store.upsert([provider_at("sixty", 60), provider_at("ninety", 90)])
    result = find_providers_near(store, CHICAGO)
    assert result.radius_miles == 100
    assert [m.provider.id for m in result.page.matches] == ["sixty", "ninety"]
    store.upsert([provider_at("forty", 40)])
    result = find_providers_near(store, CHICAGO)
    assert (result.radius_miles, result.page.total) == (50, 1)


def test_nothing_within_100_miles_is_an_empty_page(store: DirectoryStore) -> None:
    store.upsert([provider_at("far away", 150)])
    result = find_providers_near(store, CHICAGO)
    assert result.page.total == 0
    assert result.page.matches == []


def test_distances_match_the_great_circle_distance(store: DirectoryStore) -> None:
    east = replace(provider_at("east", 0), longitude=CHICAGO.longitude + 0.3)
    store.upsert([east])
    match = store.search(CHICAGO).matches[0]
    expected = distance_in_miles(CHICAGO, Coordinates(east.latitude, east.longitude))
    assert match.distance_miles == pytest.approx(expected)
    assert 15 < expected < 16
