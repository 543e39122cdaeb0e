"""Spanish crisis and emergency cues, until Spanish is understood in full."""

import pytest

from assistant.safety.levels import Level
from assistant.safety.spanish import spanish_emergency_denied, spanish_level


@pytest.mark.parametrize(
    "text",
    [
        "quiero morir",
        "Ya no quiero vivir así",
        "me quiero matar",
        "pienso en el suicidio",
        "quiero morir ya, en mi casa o donde sea",
        "así como estoy, mejor muerto",
        "ya no le encuentro sentido a seguir viviendo con tanto dolor",
        "todas las noches le pido a Diosito que me recoja",
        "que Dios me lleve con él, ya no quiero estar aquí sin mi esposo",
        "ya no tiene sentido vivir así",
    ],
)
def test_a_wish_to_die_is_a_crisis(text: str) -> None:
    assert spanish_level(text) == (Level.CRISIS, False)


def test_someone_else_wanting_to_die_is_about_them() -> None:
    assert spanish_level("mi esposo dice que se quiere morir") == (Level.CRISIS, True)


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá no puede respirar",
        "creo que es un infarto",
        "tengo fiebre y estoy en quimio",
        "no puedo más, me tomé muchas pastillas",
        "me tomé toda la morfina que tenía",
        "creo que mi papá se tomó todas sus pastillas",
    ],
)
def test_emergencies(text: str) -> None:
    assert spanish_level(text) == (Level.EMERGENCY, False)


@pytest.mark.parametrize(
    "text",
    [
        "no quiero morir",
        "me muero de ganas de verte",
        "esta quimio me está matando",
        "I'm not suicidal",
        "what is palliative care",
        "nunca pienso en suicidarme",
        "quiero morir en mi casa cuando llegue el momento",
        "mi mamá quiere morir en paz, rodeada de su familia",
        "que Dios me lleve de la mano en esta quimio",
        "que Dios me lleve con bien a la cirugía",
        "que Dios me lleve por el buen camino",
        "espero que el señor me recoja a las 8 para la quimio",
        "me siento mejor, muerta de cansancio pero mejor",
        "ya estoy mejor muerta de hambre, voy a comer",
        "no le veo sentido a vivir preocupada, así que disfruto cada día",
        "no le veo sentido a seguir viviendo en esta ciudad, nos vamos a mudar",
    ],
)
def test_idioms_negations_and_english_are_not_cues(text: str) -> None:
    assert spanish_level(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "no tengo dolor de pecho, solo estoy cansada",
        "no tiene fiebre desde la quimio, solo tos",
        "no tengo fiebre ni dolor de pecho, solo cansancio",
    ],
)
def test_an_emergency_denied_in_every_cue_is_set_aside(text: str) -> None:
    assert spanish_emergency_denied(text)


@pytest.mark.parametrize(
    "text",
    [
        "no tengo fiebre pero no puede respirar",
        "tengo dolor de pecho",
        "no quiero morir",
        "cómo es la quimio",
        # Negations that tell of an emergency, not deny it.
        "no aguanto el dolor de pecho",
        "no para el dolor de pecho",
        "No es un dolor de pecho normal, me duele el brazo",
        "nunca había tenido dolor de pecho así",
        "no baja la fiebre desde la quimio",
        "no paran las convulsiones",
        "¿no será un infarto?",
        "no tengo fiebre, pero dolor de pecho sí",
    ],
)
def test_an_emergency_found_or_absent_is_not_denied(text: str) -> None:
    assert not spanish_emergency_denied(text)
