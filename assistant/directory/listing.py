"""Directory matches as plain text that reads well in a chat window and in a text message."""

from __future__ import annotations

from typing import List, Sequence

from assistant.directory.providers import KINDS, SETTINGS, Match


def describe_filters(kinds: Sequence[str], settings: Sequence[str]) -> str:
    """' (hospice, at home)' for the heading of a result list; '' without filters."""
    words = [KINDS[k] for k in kinds if k in KINDS] + [SETTINGS[s] for s in settings]
    return f" ({', '.join(words)})" if words else ""


def describe_kinds(kinds: Sequence[str]) -> str:
    """'hospice' or 'palliative care, hospice, counseling or support groups'."""
    if len(kinds) == 1 and kinds[0] in KINDS:
        return KINDS[kinds[0]]
    return "palliative care, hospice, counseling or support groups"


def format_match(number: int, match: Match) -> str:
    """One numbered entry: name, distance and city, what it offers, how to reach it."""
    provider = match.provider
    lines = [
        f"{number}. {provider.name}",
        f"{match.distance_miles:.1f} miles away, {provider.city}, {provider.state}",
        "Offers: " + ", ".join(KINDS[k] for k in provider.kinds if k in KINDS),
    ]
    if provider.settings:
        lines[-1] += " (" + ", ".join(SETTINGS[s] for s in provider.settings) + ")"
    else:
        lines.append("Where they see people: not listed, please ask")
    if provider.phone:
        lines.append(f"Phone: {provider.phone}")
    if provider.website:
        lines.append(f"Website: {provider.website}")
    if provider.notes:
        lines.append(f"Note: {provider.notes}")
    return "\n".join(lines)


def format_matches(matches: List[Match], first_number: int = 1) -> str:
    """Numbered entries, separated by blank lines."""
    return "\n\n".join(format_match(first_number + i, m) for i, m in enumerate(matches))
