"""Read a CSV file of providers, check every row, and load the good ones in one transaction.

Two formats, told apart by their header row: the generic format documented in
the README, and the CMS hospice exports (`provider id`, `name`, ... `active`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

from assistant.directory.places import Gazetteer, Place
from assistant.directory.providers import Provider, canonical_kind, canonical_setting
from assistant.directory.store import DirectoryStore, UpsertCounts

GENERIC_COLUMNS = (
    "id", "name", "kinds", "settings", "address", "city", "state", "zip", "phone", "website",
    "notes",
)  # fmt: skip
GENERIC_REQUIRED = ("id", "name", "kinds", "zip")
CMS_REQUIRED = ("provider id", "name", "state", "city", "address", "zip", "active")
CMS_NOTE = "From Medicare's 2014 hospice list: it may have changed or closed."
MAX_TEXT = {"id": 64, "name": 200, "address": 300, "city": 100, "website": 300, "notes": 300}
LIST_SEPARATORS = re.compile(r"[;|,]")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
SMALL_WORDS = {"of", "and", "the", "at", "in", "for", "on", "a"}


class ImportFailed(Exception):
    """The file as a whole cannot be imported; nothing was written."""


@dataclass
class ImportSummary:
    """What an import did, for the person who ran it."""

    file_format: str
    rows_read: int = 0
    counts: UpsertCounts = UpsertCounts(0, 0, 0)
    rejected: List[Tuple[int, str]] = field(default_factory=list)

    def report(self) -> str:
        """A few lines for the terminal: totals, then each rejected row and why."""
        lines = [
            f"Format: {self.file_format}",
            f"Rows read: {self.rows_read}",
            f"Imported (new): {self.counts.inserted}",
            f"Updated: {self.counts.updated}",
            f"Unchanged: {self.counts.unchanged}",
            f"Rejected: {len(self.rejected)}",
        ]
        lines += [f"  line {line}: {reason}" for line, reason in self.rejected]
        return "\n".join(lines)


class RowRejected(Exception):
    """One row is not a valid directory entry."""


def decode(data: bytes) -> str:
    """The file's text, which must be UTF-8 (with or without a byte-order mark)."""
    if not data.strip():
        raise ImportFailed("The file is empty.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            f"The file is not UTF-8 text (byte {data[error.start]:#x} at position "
            f"{error.start}). Save it as 'CSV UTF-8' and import it again."
        ) from None


def detect_format(header: List[str]) -> str:
    """'cms' or 'generic' from the header row, or why it is neither."""
    columns = set(header)
    if "provider id" in columns:
        missing = [c for c in CMS_REQUIRED if c not in columns]
        if missing:
            raise ImportFailed(f"CMS hospice file without the columns: {', '.join(missing)}.")
        return "cms"
    missing = [c for c in GENERIC_REQUIRED if c not in columns]
    if missing:
        raise ImportFailed(
            f"Missing columns: {', '.join(missing)}. The columns are: "
            f"{', '.join(GENERIC_COLUMNS)} (id, name, kinds and zip are required)."
        )
    return "generic"


def import_csv(
    data: bytes, store: DirectoryStore, gazetteer: Gazetteer, file_format: str = "auto"
) -> ImportSummary:
    """Check every row of CSV `data` and upsert the valid ones into `store`."""
    reader = csv.DictReader(io.StringIO(decode(data), newline=""))
    header = [column.strip().lower() for column in reader.fieldnames or []]
    reader.fieldnames = header
    found_format = detect_format(header)
    if file_format not in ("auto", found_format):
        raise ImportFailed(f"FORMAT={file_format}, but the header row is that of {found_format}.")
    parse_row = generic_row if found_format == "generic" else cms_row
    summary = ImportSummary(found_format)
    providers: Dict[str, Provider] = {}
    first_line: Dict[str, int] = {}
    try:
        for row in reader:
            summary.rows_read += 1
            line = reader.line_num
            try:
                provider = parse_row(row, gazetteer)
                if provider.id in providers:
                    raise RowRejected(f"id {provider.id} repeats line {first_line[provider.id]}")
            except RowRejected as reason:
                summary.rejected.append((line, str(reason)))
                continue
            providers[provider.id] = provider
            first_line[provider.id] = line
    except csv.Error as error:
        raise ImportFailed(f"Line {reader.line_num} is not valid CSV: {error}.") from None
    if not providers:
        raise ImportFailed("No valid rows to import.\n" + summary.report())
    store.create_schema()
    summary.counts = store.upsert(providers.values())
    return summary


def generic_row(row: Dict[str, Optional[str]], gazetteer: Gazetteer) -> Provider:
    """A provider from a row of the generic format."""
    value = _reader(row)
    kinds = _listed(value("kinds"), canonical_kind, "kind")
    if not kinds:
        raise RowRejected("no kinds (palliative care, hospice, counseling, support group)")
    zip_code, place = _geocode(value("zip"), value("city"), value("state"), gazetteer)
    return Provider(
        id=_required(value("id"), "id"),
        name=_required(value("name"), "name"),
        kinds=kinds,
        settings=_listed(value("settings"), canonical_setting, "setting"),
        address=value("address"),
        city=value("city") or _city_of(place),
        state=(value("state") or _state_of(place)).upper()[:2],
        zip=zip_code,
        phone=_phone(value("phone")),
        website=_website(value("website")),
        notes=value("notes"),
        latitude=place.coordinates.latitude,
        longitude=place.coordinates.longitude,
    )


def cms_row(row: Dict[str, Optional[str]], gazetteer: Gazetteer) -> Provider:
    """A hospice from a row of a CMS export (no phone numbers or websites there)."""
    value = _reader(row)
    zip_code, place = _geocode(value("zip"), value("city"), value("state"), gazetteer)
    return Provider(
        id="cms-" + _required(value("provider id"), "provider id"),
        name=tidy_capitals(_required(value("name"), "name")),
        kinds=("hospice",),
        settings=(),
        address=tidy_capitals(value("address")),
        city=tidy_capitals(value("city")),
        state=value("state").upper()[:2],
        zip=zip_code,
        phone="",
        website="",
        notes=CMS_NOTE,
        latitude=place.coordinates.latitude,
        longitude=place.coordinates.longitude,
        active=value("active").lower() != "false",
    )


def tidy_capitals(text: str) -> str:
    """'NEW BEACON OF BIRMINGHAM' -> 'New Beacon of Birmingham'; mixed case is kept."""
    if text != text.upper():
        return text
    words = text.lower().split()
    return " ".join(
        w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _reader(row: Dict[str, Optional[str]]) -> Callable[[str], str]:
    def value(column: str) -> str:
        text = " ".join(CONTROL_CHARACTERS.sub(" ", row.get(column) or "").split())
        if len(text) > MAX_TEXT.get(column, 100):
            raise RowRejected(f"{column} is longer than {MAX_TEXT.get(column, 100)} characters")
        return text

    return value


def _required(text: str, column: str) -> str:
    if not text:
        raise RowRejected(f"{column} is empty")
    return text


def _listed(text: str, canonical: Callable[[str], Optional[str]], what: str) -> Tuple[str, ...]:
    keys = []
    for word in filter(None, (w.strip() for w in LIST_SEPARATORS.split(text))):
        key = canonical(word)
        if key is None:
            raise RowRejected(f"unknown {what} '{word[:40]}'")
        keys.append(key)
    return tuple(dict.fromkeys(keys))


def _geocode(zip_text: str, city: str, state: str, gazetteer: Gazetteer) -> Tuple[str, Place]:
    """The five-digit ZIP and its position; the city's when the ZIP has been retired."""
    digits = zip_text.split("-")[0]
    if not digits.isdigit() or not 3 <= len(digits) <= 5:
        raise RowRejected(f"zip '{zip_text[:20]}' is not a US ZIP code")
    zip_code = digits.zfill(5)
    place = gazetteer.zip_codes.get(zip_code)
    if place is None and city and state:
        resolved = gazetteer.resolve(f"{city}, {state}")
        place = resolved if isinstance(resolved, Place) else None
    if place is None:
        raise RowRejected(f"zip {zip_code} is not a US ZIP code we know")
    return zip_code, place


def _city_of(place: Place) -> str:
    return place.label.split("(")[-1].split(",")[0]


def _state_of(place: Place) -> str:
    return place.label.rstrip(")").split(", ")[-1]


def _phone(text: str) -> str:
    if not text:
        return ""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        raise RowRejected(f"phone '{text[:20]}' is not a 10-digit US number")
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def _website(text: str) -> str:
    if not text:
        return ""
    url = text if re.match(r"https?://", text, re.I) else f"https://{text}"
    if not re.fullmatch(r"https?://[\w.-]+\.[a-z]{2,}(/\S*)?", url, re.I):
        raise RowRejected(f"website '{text[:40]}' is not a web address")
    return url
