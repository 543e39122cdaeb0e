"""The directory's database: SQLite by default, PostgreSQL from a database URL.

Searching reads only the rows inside a bounding box around the place, through
an index on (half-degree latitude band, longitude); the database orders them by
a flat-map distance and returns one page, whose exact (great-circle) distances
are then measured in Python.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Dict, Iterable, List, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from assistant.directory.geo import (
    MILES_PER_DEGREE_OF_LATITUDE,
    Coordinates,
    bounding_box,
    distance_in_miles,
)
from assistant.directory.providers import Match, Provider
from assistant.stores.engines import database_engine

BANDS_PER_DEGREE = 2
ID_BATCH = 500

metadata = sa.MetaData()
providers_table = sa.Table(
    "providers",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kinds", sa.String(100), nullable=False),
    sa.Column("settings", sa.String(100), nullable=False),
    sa.Column("address", sa.String(300), nullable=False),
    sa.Column("city", sa.String(100), nullable=False),
    sa.Column("state", sa.String(2), nullable=False),
    sa.Column("zip", sa.String(5), nullable=False),
    sa.Column("phone", sa.String(20), nullable=False),
    sa.Column("website", sa.String(300), nullable=False),
    sa.Column("notes", sa.String(300), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("latitude", sa.Float, nullable=False),
    sa.Column("longitude", sa.Float, nullable=False),
    sa.Column("latitude_band", sa.Integer, nullable=False),
    sa.Index("providers_by_position", "latitude_band", "longitude"),
)


@dataclass(frozen=True)
class SearchPage:
    """One page of matches, nearest first, and how many matches there are in all."""

    matches: List[Match]
    total: int


@dataclass(frozen=True)
class UpsertCounts:
    """How many entries an import added, changed and found already up to date."""

    inserted: int
    updated: int
    unchanged: int


def latitude_band(latitude: float) -> int:
    """The index band a latitude falls in."""
    return math.floor(latitude * BANDS_PER_DEGREE)


def _to_row(provider: Provider) -> Dict[str, Any]:
    row = asdict(provider)
    row["kinds"] = "|" + "|".join(provider.kinds) + "|"
    row["settings"] = "|" + "|".join(provider.settings) + "|"
    row["latitude_band"] = latitude_band(provider.latitude)
    return row


def _to_provider(row: Any) -> Provider:
    values = dict(row._mapping)
    values.pop("latitude_band")
    values["kinds"] = tuple(k for k in values["kinds"].split("|") if k)
    values["settings"] = tuple(s for s in values["settings"].split("|") if s)
    return Provider(**values)


class DirectoryStore:
    """Providers in a SQL database, searched by distance."""

    def __init__(self, database_url: str) -> None:
        """Use the database at `database_url`; nothing connects until it is needed."""
        self.engine: Engine = database_engine(database_url)

    def create_schema(self) -> None:
        """Create the providers table and its index unless they exist."""
        metadata.create_all(self.engine)

    def count(self) -> int:
        """How many providers are stored, active or not."""
        with self.engine.connect() as connection:
            query = sa.select(sa.func.count()).select_from(providers_table)
            return int(connection.execute(query).scalar_one())

    def search(
        self,
        near: Coordinates,
        kinds: Sequence[str] = (),
        settings: Sequence[str] = (),
        radius_miles: float = 25,
        limit: int = 3,
        offset: int = 0,
    ) -> SearchPage:
        """Active providers within `radius_miles` of `near`, nearest first.

        `kinds` keeps providers offering any of them. `settings` keeps providers that
        list any of them, and those that list no setting at all (the directory does
        not say, so the person is told to ask).
        """
        box = bounding_box(near, radius_miles)
        bands = range(latitude_band(box.min_latitude), latitude_band(box.max_latitude) + 1)
        # Squared distance on a flat map around `near` (in degrees of latitude):
        # computed by the database, accurate to well under 1% within 100 miles.
        east = (providers_table.c.longitude - near.longitude) * math.cos(
            math.radians(near.latitude)
        )
        north = providers_table.c.latitude - near.latitude
        flat_distance = east * east + north * north
        conditions = [
            providers_table.c.active.is_(True),
            providers_table.c.latitude_band.in_(list(bands)),
            providers_table.c.longitude.between(box.min_longitude, box.max_longitude),
            providers_table.c.latitude.between(box.min_latitude, box.max_latitude),
            flat_distance <= (radius_miles / MILES_PER_DEGREE_OF_LATITUDE) ** 2,
        ]
        if kinds:
            offered = [providers_table.c.kinds.contains(f"|{k}|", autoescape=True) for k in kinds]
            conditions.append(sa.or_(*offered))
        if settings:
            listed = [
                providers_table.c.settings.contains(f"|{s}|", autoescape=True) for s in settings
            ]
            conditions.append(sa.or_(providers_table.c.settings == "||", *listed))
        page_query = (
            sa.select(providers_table)
            .where(*conditions)
            .order_by(flat_distance, providers_table.c.id)
            .limit(limit)
            .offset(offset)
        )
        count_query = sa.select(sa.func.count()).select_from(providers_table).where(*conditions)
        with self.engine.connect() as connection:
            rows = connection.execute(page_query).all()
            total = int(connection.execute(count_query).scalar_one())
        matches = [
            Match(
                _to_provider(row), distance_in_miles(near, Coordinates(row.latitude, row.longitude))
            )
            for row in rows
        ]
        return SearchPage(matches, total)

    def upsert(self, providers: Iterable[Provider]) -> UpsertCounts:
        """Add new providers and update changed ones by id, all in one transaction."""
        new_rows = {provider.id: _to_row(provider) for provider in providers}
        inserted: List[Dict[str, Any]] = []
        updated: List[Dict[str, Any]] = []
        with self.engine.begin() as connection:
            existing = self._rows_by_id(connection, list(new_rows))
            for provider_id, row in new_rows.items():
                if provider_id not in existing:
                    inserted.append(row)
                elif dict(existing[provider_id]._mapping) != row:
                    updated.append({**row, "key": provider_id})
            if inserted:
                connection.execute(providers_table.insert(), inserted)
            if updated:
                statement = (
                    providers_table.update()
                    .where(providers_table.c.id == sa.bindparam("key"))
                    .values({column: sa.bindparam(column) for column in new_rows_columns()})
                )
                connection.execute(statement, updated)
        unchanged = len(new_rows) - len(inserted) - len(updated)
        return UpsertCounts(len(inserted), len(updated), unchanged)

    @staticmethod
    def _rows_by_id(connection: Connection, ids: List[str]) -> Dict[str, Any]:
        rows: Dict[str, Any] = {}
        for start in range(0, len(ids), ID_BATCH):
            batch = ids[start : start + ID_BATCH]
            query = sa.select(providers_table).where(providers_table.c.id.in_(batch))
            rows.update({row.id: row for row in connection.execute(query)})
        return rows


def new_rows_columns() -> List[str]:
    """The columns an update writes (all but the primary key)."""
    return [column.name for column in providers_table.columns if column.name != "id"]
