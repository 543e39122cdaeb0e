"""Spanish crisis and emergency cues, until Spanish is understood in full."""

import pytest

from assistant.safety.levels import Level
from assistant.safety.spanish import (
    spanish_emergency_denied,
    spanish_emergency_too,
    spanish_idiom,
    spanish_level,
    spanish_overdose_taken,
    spanish_unsafe,
)


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


@pytest.mark.parametrize(
    "text",
    [
        "estoy pensando en cómo terminar con mi vida",
        "anoche pensé en colgarme en el garaje",
        "a veces agarro el cuchillo de la cocina y pienso en enterrármelo",
        "me voy a tirar del puente",
        "me corté otra vez anoche",
        "me rasguño los brazos hasta sangrar cuando me da ansiedad",
        "gracias por todo, perdónenme por lo que voy a hacer",
        "esta semana me tomo todas las pastillas y se acaba",
        "cuando la entierre me tomo todo lo que sobre de su morfina",
        "soy una carga, mejor me mato y ya",
        "el sábado me mato",
        "si mi mamá se muere yo me mato",
        "si ella se muere, me mato",
        "ya no aguanto. Me mato.",
        "me voy a matar cuando todos se duerman",
        "me voy a cortar las venas",
        "me aviento del quinto piso",
        "me voy a tirar frente al tren",
        "me voy a tomar todo el frasco",
        "la quimio me está matando, prefiero morirme ya",
    ],
)
def test_a_method_self_harm_or_a_goodbye_is_a_crisis(text: str) -> None:
    assert spanish_level(text) == (Level.CRISIS, False)


@pytest.mark.parametrize(
    "text",
    [
        "mi esposo dice que se quiere morir",
        "mi hija me dijo que se iba a quitar la vida esta noche",
        "mi vecina dice que se va a ahorcar",
        "mi hija se está cortando los brazos a escondidas",
        "mi papá habla de tirarse a las vías del tren",
        "mi esposo dice que se quiere matar cuando yo no estoy",
        "si el cáncer vuelve se mata, eso dice",
    ],
)
def test_someone_else_in_a_crisis_is_about_them(text: str) -> None:
    assert spanish_level(text) == (Level.CRISIS, True)


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá no puede respirar",
        "creo que es un infarto",
        "tengo fiebre y estoy en quimio",
        "no puedo más, me tomé muchas pastillas",
        "me tomé toda la morfina que tenía",
        "creo que mi papá se tomó todas sus pastillas",
        "se me desmayó mi mamá en el súper",
        "me estoy ahogando, no me entra el aire",
        "me está saliendo mucha sangre por abajo",
        "me tomé como 30 pastillas",
        "se tomó un montón de pastillas",
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
        "mi esposa dice que me voy a matar trabajando en el jardín con este calor",
        "mi hijo se va a matar de risa cuando vea la foto",
        "me corté el pelo otra vez",
        "se está cortando el pelo",
        "me tiré a la cama a descansar",
        "se colgó el teléfono",
        "me tomo todas las medicinas a las 8",
        "me tomo todo el café antes de la quimio",
        "me estoy ahogando en deudas con tanta cita",
        "ya me mató la quimio de ayer",
        "me mato trabajando toda la semana",
        "hoy me mató esta quimio",
        "ayer casi que me mato en la escalera",
        "me corté otra vez cocinando",
        "voy a cortarme el pelo antes de que se me caiga",
        "me corté las piernas al rasurarme",
        "me rasco hasta sangrar por la comezón",
        "la radiación me quemó la piel del pecho",
        "me tomo todas mis pastillas juntas en la mañana",
        "no puedo colgarme al hombro la bolsa por el brazo operado",
        "tengo que tirarme al piso para la fisioterapia",
        "a mi nieto le encanta colgarse del columpio",
        "hoy me sacaron mucha sangre para los estudios",
        "ya me tomé todas mis pastillas de la mañana",
        "me tomé todo el contraste para el escáner",
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


@pytest.mark.parametrize(
    ("text", "too"),
    [
        ("mi hija se cortó las muñecas, está sangrando mucho", True),
        ("me tomé todas las pastillas", True),
        ("mi hija se está cortando los brazos a escondidas", False),
    ],
)
def test_an_emergency_beside_a_crisis_is_found(text: str, too: bool) -> None:
    assert spanish_emergency_too(text) is too


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("mi mamá se tomó todas sus pastillas a propósito y no despierta", (Level.CRISIS, True)),
        ("me tomé todo el frasco a propósito", (Level.CRISIS, False)),
        ("se tomó todas las pastillas, no fue a propósito", (Level.EMERGENCY, False)),
        ("me tomé todas sin querer, no a propósito", (Level.EMERGENCY, False)),
        ("me tomé dos pastillas a propósito para dormir", None),
    ],
)
def test_an_overdose_taken_on_purpose_is_a_crisis_too(text: str, level: object) -> None:
    assert spanish_level(text) == level
    assert spanish_emergency_too(text) is (level is not None)


@pytest.mark.parametrize(
    ("text", "idiom"),
    [
        ("me muero de ganas de ver a mis nietos", True),
        ("me muero por conocer a mi bisnieto", True),
        ("estoy muerta de cansancio después de la cita", True),
        ("me mata la espalda desde que empecé el letrozol", True),
        ("esta quimio me está matando", True),
        ("mi jefe me va a matar si falto otra vez", True),
        ("me dio un susto de muerte", True),
        ("tengo pensamientos de muerte", False),
        ("mi hija habla de muerte y está regalando sus cosas", False),
        ("me quiero morir", False),
        ("si me mato se acaba el problema", False),
        ("si ella se muere no tengo razón para vivir", False),
    ],
)
def test_idioms_of_dying_and_killing(text: str, idiom: bool) -> None:
    assert spanish_idiom(text) is idiom


@pytest.mark.parametrize(
    ("text", "unsafe"),
    [
        ("no estoy a salvo", True),
        ("No me siento a salvo.", True),
        ("no estoy segura de estar a salvo", True),
        ("mi mamá no está a salvo, tiene las pastillas", True),
        ("no puedo mantenerme a salvo esta noche", True),
        ("sí, estoy a salvo", False),
        ("no estoy segura de que el hospicio sea lo mejor", False),
        ("no sé si la casa es segura para ella con las escaleras", False),
        ("desde la mastectomía no me siento segura de mí misma", False),
        ("no estoy a salvo en casa", True),
        ("mi mamá no está a salvo en su casa", True),
        ("mi mamá no está a salvo de infecciones con las defensas bajas", False),
        ("¿mi información no está a salvo?", False),
    ],
)
def test_not_safe_said_outright_is_a_crisis(text: str, unsafe: bool) -> None:
    assert spanish_unsafe(text) == unsafe
    assert (spanish_level(text) == (Level.CRISIS, False)) == unsafe


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("mi mamá se tomó todas sus pastillas", True),
        ("se tomó todas sus pastillas y no despierta", True),
        ("me acabo de tomar el frasco", True),
        ("se tomó todas sus pastillas sin querer", False),
        ("mi abuelita se confundió y se tomó todas las de la semana", False),
        ("ya me tomé todas mis pastillas de la mañana", False),
        ("¿qué pasa si hay una sobredosis de morfina?", False),
    ],
)
def test_an_overdose_taken_and_not_said_to_be_a_mistake(text: str, taken: bool) -> None:
    assert spanish_overdose_taken(text) == taken
