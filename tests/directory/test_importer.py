"""Importing CSV files: the CMS hospice export, the generic format, and broken files."""

import csv
import io
from pathlib import Path

import pytest

from assistant.directory.config import DEMO_DIRECTORY_CSV
from assistant.directory.geo import distance_in_miles
from assistant.directory.importer import ImportFailed, import_csv
from assistant.directory.places import Gazetteer, Place
from assistant.directory.store import DirectoryStore

CMS_SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "cms-hospices-2014-sample.csv"
CMS_SAMPLE_ROWS = 66
HEADER = "id,name,kinds,settings,address,city,state,zip,phone,website,notes\n"
GOOD_ROW = (
    "a1,Example Care,palliative care;hospice,home,1 Example Way,Chicago,IL,60614,"
    "312-555-0101,example.org,\n"
)


def generic(*rows: str) -> bytes:
    return (HEADER + "".join(rows)).encode("utf-8")


@pytest.fixture(scope="module")
def cms_data() -> bytes:
    return CMS_SAMPLE.read_bytes()


def test_every_cms_row_imports_and_a_second_import_changes_nothing(
    store: DirectoryStore, places: Gazetteer, cms_data: bytes
) -> None:
    summary = import_csv(cms_data, store, places)
    assert summary.file_format == "cms"
    assert summary.rows_read == CMS_SAMPLE_ROWS
    assert summary.counts.inserted == CMS_SAMPLE_ROWS
    assert summary.rejected == []
    again = import_csv(cms_data, store, places)
    assert (again.counts.inserted, again.counts.updated, again.counts.unchanged) == (
        0,
        0,
        CMS_SAMPLE_ROWS,
    )
    assert store.count() == CMS_SAMPLE_ROWS


def test_search_near_a_zip_returns_the_nearest_active_cms_hospices(
    store: DirectoryStore, places: Gazetteer, cms_data: bytes
) -> None:
    import_csv(cms_data, store, places)
    origin = places.zip_codes["60614"].coordinates
    expected = []
    for row in csv.DictReader(io.StringIO(cms_data.decode("utf-8"))):
        place = places.zip_codes.get(row["zip"].zfill(5))
        if row["active"] == "true" and place:
            expected.append(
                (distance_in_miles(origin, place.coordinates), "cms-" + row["provider id"])
            )
    nearest = sorted(expected)[:3]
    page = store.search(origin, kinds=["hospice"], radius_miles=25, limit=3)
    assert [m.provider.id for m in page.matches] == [pid for _, pid in nearest]
    assert [m.distance_miles for m in page.matches] == pytest.approx([d for d, _ in nearest])
    assert page.matches[0].provider.name != page.matches[0].provider.name.upper()
    assert "2014" in page.matches[0].provider.notes


def test_the_demo_directory_imports_cleanly_with_example_labels(
    store: DirectoryStore, places: Gazetteer
) -> None:
    summary = import_csv(DEMO_DIRECTORY_CSV.read_bytes(), store, places)
    assert summary.rejected == []
    rows = list(csv.DictReader(DEMO_DIRECTORY_CSV.open(encoding="utf-8")))
    assert summary.counts.inserted == len(rows) >= 60
    for row in rows:
        assert row["name"].startswith("Example ")
        assert row["phone"][4:].startswith("555-01")
        assert "not a real provider" in row["notes"]


def test_generic_rows_are_checked_one_by_one(store: DirectoryStore, places: Gazetteer) -> None:
    data = generic(
        GOOD_ROW,
        "a2,,hospice,,,,,60614,,,\n",
        "a3,No kind,,,,,,60614,,,\n",
        "a4,Bad kind,massage,,,,,60614,,,\n",
        "a5,Bad zip,hospice,,,,,00000,,,\n",
        "a6,Bad phone,hospice,,,,,60614,555-01,,\n",
        "a1,Repeat,hospice,,,,,60614,,,\n",
        "a7,Bad site,hospice,,,,,60614,,javascript:alert(1),\n",
        "a8,Bad setting,hospice,moon,,,,60614,,,\n",
    )
    summary = import_csv(data, store, places)
    assert summary.counts.inserted == 1
    reasons = dict(summary.rejected)
    assert reasons == {
        3: "name is empty",
        4: "no kinds (palliative care, hospice, counseling, support group)",
        5: "unknown kind 'massage'",
        6: "zip 00000 is not a US ZIP code we know",
        7: "phone '555-01' is not a 10-digit US number",
        8: "id a1 repeats line 2",
        9: "website 'javascript:alert(1)' is not a web address",
        10: "unknown setting 'moon'",
    }
    provider = store.search(places.zip_codes["60614"].coordinates).matches[0].provider
    assert provider.kinds == ("palliative_care", "hospice")
    assert provider.website == "https://example.org"


def test_city_and_state_come_from_the_zip_when_missing(
    store: DirectoryStore, places: Gazetteer
) -> None:
    import_csv(generic("b1,Example,counseling,,,,,2115,,,\n"), store, places)
    provider = store.search(places.zip_codes["02115"].coordinates).matches[0].provider
    assert (provider.city, provider.state, provider.zip) == ("Boston", "MA", "02115")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"  \n", "The file is empty."),
        (b"id,name\n1,x\n", "Missing columns: kinds, zip."),
        (HEADER.encode() + "c1,Caf\u00e9,hospice,,,,,60614,,,\n".encode("latin-1"), "not UTF-8"),
        (b"provider id,name,state\n1,x,IL\n", "CMS hospice file without the columns"),
        (HEADER.encode() + b"c1,x,hospice,,,,,00000,,,\n", "No valid rows to import."),
        (HEADER.encode() + b'c1,"unclosed,hospice\n' + b"x" * 200_000, "not valid CSV"),
    ],
)
def test_a_bad_file_imports_nothing_and_says_why(
    store: DirectoryStore, places: Gazetteer, data: bytes, message: str
) -> None:
    import_csv(generic(GOOD_ROW), store, places)
    with pytest.raises(ImportFailed, match=message.replace(".", r"\.")):
        import_csv(data, store, places)
    assert store.count() == 1


def test_a_forced_format_must_match_the_header(store: DirectoryStore, places: Gazetteer) -> None:
    with pytest.raises(ImportFailed, match="header row is that of generic"):
        import_csv(generic(GOOD_ROW), store, places, file_format="cms")


def test_a_retired_zip_is_placed_by_its_city(store: DirectoryStore, places: Gazetteer) -> None:
    import_csv(generic("d1,Example,hospice,,,Orange,CA,92668,,,\n"), store, places)
    orange = places.resolve("Orange, CA")
    assert isinstance(orange, Place)
    match = store.search(orange.coordinates).matches[0]
    assert match.distance_miles < 1
