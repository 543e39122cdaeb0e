"""Which emergencies the answer treats as a fever (the oncology team's urgent line)."""

import pytest

from assistant.safety.fever import speaks_of_fever


@pytest.mark.parametrize(
    "message",
    [
        "I have a fever of 101.5 and had chemo on monday",
        "her temp is 102 and she's shaking with chills",
        "he's burning up after his infusion",
        "tiene calentura desde la quimio",
        "mi mamá tiene fiebre de 39.5",
        "le dan escalofríos y tiene 39 de temperatura",
    ],
)
def test_a_fever_is_named(message: str) -> None:
    assert speaks_of_fever(message)


@pytest.mark.parametrize(
    "message",
    [
        "I think my wife is having a stroke, her face is drooping",
        "my husband can't breathe and his lips look blue",
        "she fell and now she's confused",
        "mi esposa no puede respirar y tiene los labios morados",
        "the temple of her head is bleeding",
    ],
)
def test_other_emergencies_are_not_a_fever(message: str) -> None:
    assert not speaks_of_fever(message)
