"""Directory matches as plain text that reads well in a chat window and in a text message.

In the conversation's language (`en` or `es`): the words around the directory's own
data. Names, addresses and the providers' notes are shown as the directory has them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Sequence

from assistant.directory.providers import KINDS, SETTINGS, Match


@dataclass(frozen=True)
class ListingWords:
    """The words of a result list in one language."""

    kinds: Dict[str, str]
    settings: Dict[str, str]
    every_kind: str
    miles_away: str
    offers: str
    settings_unknown: str
    phone: str
    website: str
    note: str


WORDS = {
    "en": ListingWords(
        kinds=KINDS,
        settings=SETTINGS,
        every_kind="palliative care, hospice, counseling or support groups",
        miles_away="{miles:.1f} miles away, {city}, {state}",
        offers="Offers: ",
        settings_unknown="Where they see people: not listed, please ask",
        phone="Phone: ",
        website="Website: ",
        note="Note: ",
    ),
    "es": ListingWords(
        kinds={
            "palliative_care": "cuidados paliativos",
            "hospice": "cuidados de hospicio (hospice)",
            "counseling": "consejería",
            "support_group": "grupos de apoyo",
        },
        settings={
            "home": "en casa",
            "hospital": "en el hospital",
            "clinic": "en una clínica o consultorio",
            "remote": "por teléfono o video",
        },
        every_kind="cuidados paliativos, cuidados de hospicio, consejería o grupos de apoyo",
        miles_away="a {miles:.1f} millas, {city}, {state}",
        offers="Ofrece: ",
        settings_unknown="Dónde atienden: no aparece, por favor pregunte",
        phone="Teléfono: ",
        website="Sitio web: ",
        note="Nota (en inglés): ",
    ),
}


def words_for(language: str) -> ListingWords:
    """The words for `language`, English for any language the assistant does not speak."""
    return WORDS.get(language, WORDS["en"])


def describe_filters(kinds: Sequence[str], settings: Sequence[str], language: str = "en") -> str:
    """' (hospice, at home)' for the heading of a result list; '' without filters."""
    words = words_for(language)
    named = [words.kinds[k] for k in kinds if k in words.kinds]
    named += [words.settings[s] for s in settings if s in words.settings]
    return f" ({', '.join(named)})" if named else ""


def describe_kinds(kinds: Sequence[str], language: str = "en") -> str:
    """'hospice' or 'palliative care, hospice, counseling or support groups'."""
    words = words_for(language)
    if len(kinds) == 1 and kinds[0] in words.kinds:
        return words.kinds[kinds[0]]
    return words.every_kind


def format_match(number: int, match: Match, language: str = "en") -> str:
    """One numbered entry: name, distance and city, what it offers, how to reach it."""
    words = words_for(language)
    provider = match.provider
    lines = [
        f"{number}. {provider.name}",
        words.miles_away.format(
            miles=match.distance_miles, city=provider.city, state=provider.state
        ),
        words.offers + ", ".join(words.kinds[k] for k in provider.kinds if k in words.kinds),
    ]
    if provider.settings:
        lines[-1] += " (" + ", ".join(words.settings[s] for s in provider.settings) + ")"
    else:
        lines.append(words.settings_unknown)
    if provider.phone:
        lines.append(words.phone + provider.phone)
    if provider.website:
        lines.append(words.website + provider.website)
    if provider.notes:
        lines.append(words.note + provider.notes)
    return "\n".join(lines)


def format_matches(matches: List[Match], first_number: int = 1, language: str = "en") -> str:
    """Numbered entries, separated by blank lines."""
    return "\n\n".join(format_match(first_number + i, m, language) for i, m in enumerate(matches))
