"""What a channel says itself when the assistant cannot answer."""

from typing import Any

SOMETHING_WENT_WRONG = (
    "I'm sorry, something went wrong on my side. Please try again in a moment. "
    "If this is an emergency, call 911."
)
# Said when a turn ends without any answer: every custom action looks something up
# in the directory, so this nearly always means the action server is down.
UNAVAILABLE_RESPONSE = "utter_directory_unavailable"


def unavailable_answer(agent: Any) -> str:
    """The domain's "can't look that up right now" answer, with the national resources."""
    domain = getattr(agent, "domain", None)
    variations = domain.responses.get(UNAVAILABLE_RESPONSE) if domain is not None else None
    if variations and isinstance(variations[0].get("text"), str):
        return str(variations[0]["text"])
    return SOMETHING_WENT_WRONG
