"""Whether an emergency message speaks of a fever, which has its own line in the answer.

The emergency answer names the oncology team's urgent line only when the person speaks of
a fever (during chemotherapy it is an emergency of its own); for a stroke or someone who
cannot breathe, that line is only in the way of "call 911".
"""

from __future__ import annotations

import re

# The entity (and slot) the risk layer sets on every emergency, with a boolean value.
EMERGENCY_WITH_FEVER = "emergency_with_fever"

_FEVER_WORDS = re.compile(
    r"\b(fevers?|feverish|febrile|temps?|temperature|chills|burning up"
    r"|fiebre|febril|calentura|temperatura|escalofr[ií]os?)\b",
    re.IGNORECASE,
)


def speaks_of_fever(text: str) -> bool:
    """Whether the message speaks of a fever, chills or a temperature (English or Spanish)."""
    return _FEVER_WORDS.search(text) is not None
