"""A situation that tells of a death is answered as a loss."""

import pytest

from assistant.conversation.death_told import loss_instead_of_situation, tells_of_a_death

SITUATION_THEN_GRIEF = [
    {"name": "share_situation", "confidence": 0.45},
    {"name": "grief_support", "confidence": 0.4},
]


@pytest.mark.parametrize(
    "text",
    [
        "my husband passed away two weeks ago, he had mbc",
        "She died on Tuesday. She had metastatic breast cancer for six years",
        "we lost my mother to it in june",
        "Mi esposo falleció hace dos semanas, tenía cáncer de mama metastásico",
        "mi hermana se murió en marzo",
        "she almost died in 2019, and yesterday she died at home",
        "mi mamá ha fallecido",
    ],
)
def test_a_death_told_is_a_loss(text: str) -> None:
    assert tells_of_a_death(text)
    assert loss_instead_of_situation("share_situation", SITUATION_THEN_GRIEF, text) == (
        "grief_support"
    )


@pytest.mark.parametrize(
    "text",
    [
        "my wife was diagnosed with mbc last month",
        "she almost died after her last surgery, now she's on hospice",
        "he passed his citizenship test before he got sick",
        "mi mamá tiene cáncer de mama etapa 4",
        "my mom passed on the BRCA gene to me",
        "he passed out in the kitchen last night",
        "mom passed all her scans this spring",
        "we want to plan her funeral while she can still help",
        "mi mamá casi se murió el año pasado",
    ],
)
def test_a_situation_without_a_death_stays_a_situation(text: str) -> None:
    assert not tells_of_a_death(text)
    assert loss_instead_of_situation("share_situation", SITUATION_THEN_GRIEF, text) == (
        "share_situation"
    )


def test_only_a_situation_with_grief_support_among_the_first_two_changes() -> None:
    text = "my mom died of breast cancer when I was ten, and now I have it too"
    third = [
        {"name": "share_situation", "confidence": 0.5},
        {"name": "distress", "confidence": 0.2},
        {"name": "grief_support", "confidence": 0.1},
    ]
    assert loss_instead_of_situation("share_situation", third, text) == "share_situation"
    assert loss_instead_of_situation("counseling", SITUATION_THEN_GRIEF, text) == "counseling"
