"""Search that widens its radius until something is found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from assistant.directory.geo import Coordinates
from assistant.directory.store import DirectoryStore, SearchPage

SEARCH_RADII_MILES = (25, 50, 100)
PAGE_SIZE = 3


@dataclass(frozen=True)
class NearestResult:
    """A page of matches and the radius that found them."""

    radius_miles: int
    page: SearchPage


def find_providers_near(
    store: DirectoryStore,
    near: Coordinates,
    kinds: Sequence[str] = (),
    settings: Sequence[str] = (),
    offset: int = 0,
    radius_miles: int = 0,
) -> NearestResult:
    """Providers near `near`, within 25 miles, or 50 or 100 when nothing is closer.

    Pass the `radius_miles` of an earlier result to page on within the same circle.
    """
    radii = (radius_miles,) if radius_miles else SEARCH_RADII_MILES
    for radius in radii:
        page = store.search(near, kinds, settings, radius, PAGE_SIZE, offset)
        if page.total:
            break
    return NearestResult(radius, page)
