"""Distances on the Earth's surface, in miles."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_OF_LATITUDE = 69.05


@dataclass(frozen=True)
class Coordinates:
    """A point given by latitude and longitude in degrees."""

    latitude: float
    longitude: float


def distance_in_miles(a: Coordinates, b: Coordinates) -> float:
    """Great-circle distance between `a` and `b` (haversine formula)."""
    lat_a, lat_b = math.radians(a.latitude), math.radians(b.latitude)
    half_dlat = (lat_b - lat_a) / 2
    half_dlon = math.radians(b.longitude - a.longitude) / 2
    h = math.sin(half_dlat) ** 2 + math.cos(lat_a) * math.cos(lat_b) * math.sin(half_dlon) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class BoundingBox:
    """The latitude and longitude ranges that hold every point within a radius."""

    min_latitude: float
    max_latitude: float
    min_longitude: float
    max_longitude: float


def bounding_box(center: Coordinates, radius_miles: float) -> BoundingBox:
    """A box that contains the circle of `radius_miles` around `center`."""
    dlat = radius_miles / MILES_PER_DEGREE_OF_LATITUDE
    widest_latitude = min(89.9, abs(center.latitude) + dlat)
    dlon = dlat / math.cos(math.radians(widest_latitude))
    return BoundingBox(
        center.latitude - dlat,
        center.latitude + dlat,
        center.longitude - dlon,
        center.longitude + dlon,
    )
