"""What a channel says itself when the assistant cannot answer."""

from typing import Any

from assistant.channels.channel_texts import SOMETHING_WENT_WRONG, response_text

# Said when a turn ends without any answer: every custom action looks something up
# in the directory, so this nearly always means the action server is down.
UNAVAILABLE_RESPONSE = "utter_directory_unavailable"


def unavailable_answer(agent: Any, language: str) -> str:
    """The domain's "can't look that up right now" answer, with the national resources."""
    domain = getattr(agent, "domain", None)
    variations = domain.responses.get(UNAVAILABLE_RESPONSE) if domain is not None else None
    return response_text(variations, language) or SOMETHING_WENT_WRONG.in_language(language)
