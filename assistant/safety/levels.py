"""How serious a message is, from nothing to crisis."""

from enum import IntEnum


class Level(IntEnum):
    """Safety levels, ordered: a higher level wins."""

    NONE = 0
    DISTRESS = 1
    EMERGENCY = 2
    CRISIS = 3
