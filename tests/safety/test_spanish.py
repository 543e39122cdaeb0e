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
        # Described in everyday words (issue 11, item 4).
        "mi esposa se está ahogando y tiene los labios moraos",
        "no puede agarrar aire",
        "se está poniendo morado",
        "creo que le dio un derrame, se le cayó la cara de un lado",
        "tiene la boca chueca y habla arrastrado",
        "no puede mover el brazo derecho de repente",
        "ayuda no siento las piernas",
        "se le doblan las piernas y le duele la espalda, tiene metástasis en la columna",
        "dice que no siente nada de la cintura para abajo",
        "mi papá no reacciona, está en el sillón",
        "no la puedo despertar",
        "perdió el conocimiento en el baño",
        "se cayó en la cocina y ahora está bien confundida",
        "se pegó en la cabeza al caerse",
        "está vomitando sangre",
        "vomitó como café molido",
        "le sangra la nariz desde hace una hora y no para",
        "tiene 39.4 de fiebre",
        "fiebre de 102 y escalofríos",
        "me tomé doble dosis de la morfina sin querer",
        "se tomó las pastillas dos veces porque se le olvidó",
        "el niño se comió unas pastillas de mi mamá",
        "ya está convulsionando otra vez",
        "le dio un patatús y se cayó",
        "a mi papá se le durmió medio cuerpo",
        "me caí en el baño y no me puedo parar",
        "me desperté en el suelo con la lengua mordida",
        "se acaba de desmayar en la sala",
        "creo que le dio un derrame, se le paralizó la mitad del cuerpo",
        # Found by a stranger's review: present emergencies beside a question, a hedge or
        # the past, and overdoses, which are told as past by nature.
        "creo que mi mamá podría tener un derrame cerebral, se le cayó la cara de un lado",
        "tiene riesgo de convulsiones por las metástasis y ahora está convulsionando",
        "no sé cuándo hay que llamar al 911, mi esposo no respira",
        "que hago si le da otra convulsion esta convulsionando ahorita",
        "desde que le dieron la quimio el martes pasado tiene fiebre de 39",
        "desde el mes pasado no siente las piernas",
        "cuando tuvo la quimio le dio fiebre de 39 y sigue igual",
        "hace dos años le dio un infarto y ahorita le duele el brazo izquierdo y suda mucho",
        "no puede respirar como la última vez",
        "tiene dolor de pecho como cuando tuvo el infarto",
        "se desmayó igual que el mes pasado",
        "empezó la quimio hace dos meses y tiene fiebre",
        "mi mamá tiene fiebre, su última quimio fue hace un mes",
        "cuando tuvo la quimio el martes le subió la fiebre",
        "¿qué hago si le da una convulsión? ya lleva 5 minutos así",
        "mi mamá casi no responde y respira raro",
        "fuimos a urgencias porque no puede respirar y no nos atienden",
        "por si no lo saben, me tomé todas las pastillas de morfina",
        "en caso de que me pase algo, me tomé todas las pastillas",
        "mi mamá no responde a nada, ayuda",
        "no responde la paciente",
        "le subió la fiebre a 39.5",
        "fiebre alta, 39.5",
        "me tomé dos veces la pastilla de la noche",
        "me tomé sin querer las pastillas de mi esposo",
        # An event past, with something said to be happening now.
        "hace meses tuvo una convulsión y ahorita otra vez",
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
        "me estoy ahogando en papeles del seguro",
        "el tumor no responde al tratamiento",
        "la doctora no responde mis mensajes",
        "me duele de la cintura para abajo cuando camino mucho",
        # Not now: asked to be ready, told as past, or said in jest.
        "¿qué hago si le da una convulsión?",
        "¿cuándo hay que ir a urgencias por dolor de pecho?",
        "en caso de fiebre con la quimio, ¿a quién llamo?",
        "mi mamá tuvo una convulsión el mes pasado, ¿puede ir al grupo de apoyo?",
        "hace dos años le dio un infarto, ¿puede recibir cuidados paliativos?",
        "casi me da un infarto cuando vi la factura",
        # Routines, prescriptions and long-standing weakness.
        "me tomo la medicina dos veces al día",
        "le subieron a doble dosis",
        "se tomó las pastillas de la mañana",
        "tengo pastillas de más en casa, ¿dónde las tiro?",
        "no puedo mover bien el brazo desde la cirugía",
        "tiene las piernas muy débiles por estar en cama",
        # Words of an emergency that say something else.
        "siento que me ahogo con tanta presión",
        "mi vida perdió el sentido",
        "mi mamá dice que no se quiere despertar",
        "le dio un ataque de pánico en la cita",
        "me duele el pecho operado cuando levanto el brazo",
        "me duele el pecho de tanto llorar desde que se fue",
        "se me aprieta el pecho cuando pienso en el escáner",
        "le dio un derrame pleural y le van a drenar",
        "se está ahogando en un vaso de agua, como siempre",
        # Found by a stranger's review: chemotherapy, tiredness, hospice, the breast, grief,
        # the weather, idioms, routines and prescriptions.
        "tengo las piernas entumidas por la quimio",
        "no siento bien las piernas por la neuropatía del taxol",
        "no siento las piernas de tanto caminar",
        "estoy tan cansada que las piernas no me sostienen",
        "está en hospicio y le cuesta respirar, la enfermera dice que es normal",
        "ya casi no reacciona, el hospicio dice que son sus últimos días",
        "ya no se despierta para comer",
        "me cuesta respirar cuando subo escaleras por el derrame pleural",
        "se ahoga cuando camina por las metástasis en el pulmón",
        "siento una opresión en el pecho desde que murió mi mamá",
        "tengo presión en el pecho por el expansor",
        "se le puso morado el brazo donde le pusieron el suero",
        "se le cayó la cara de vergüenza",
        "la encontré en el piso de arriba viendo la tele",
        "hay una temperatura de 40 grados y no tenemos aire",
        "¿el paclitaxel puede dar anafilaxia?",
        "me caí en una depresión y no me puedo levantar de la cama",
        "con la quimio se cayó todo el pelo y estoy confundida con tanta información",
        "me da un patatús cada vez que veo la cuenta",
        "le dio un ataque de ira",
        "ya me puse las dos dosis de la vacuna",
        "tomo dos veces la medicina al día",
        "el doctor me dio doble dosis de morfina para el dolor",
        "la doctora me dijo que tome doble dosis esta semana",
        "en el hospital le dieron doble dosis de morfina para el dolor",
        "le dimos dos dosis de morfina de rescate como dijo la enfermera",
        "le di doble dosis de morfina como dijo la enfermera del hospicio",
        "tuvo un infarto hace dos años, ahora está bien, ¿puede hacer ejercicio?",
        "hace dos años le dio un infarto, ¿hay ayuda económica para cuidadores?",
        "¿cuándo hay que llamar al 911 por dolor de pecho?",
        "¿en caso de convulsión llamo a la ambulancia?",
        "si le da una convulsión, ¿qué hago?",
        "¿qué hago si tiene fiebre de 39?",
        "¿el tamoxifeno aumenta el riesgo de embolia?",
        "¿la quimio puede causar un paro cardiaco?",
        "casi me dio un patatús cuando vi la cuenta",
        "me va a dar un infarto con tanto papeleo",
        "después de la quimio mi pelo se puso gris",
        "la herida se está poniendo morada",
        "se cayó la página del seguro y estoy confundida",
        "la enfermera dijo que si la fiebre pasa de 38 vayamos a urgencias",
        "ya le bajó la fiebre de 39, ahora tiene 37",
        "ya casi no se despierta, el hospicio dice que son sus últimos días",
        "todavía no se despierta de la anestesia",
        "no siento mis piernas desde que empecé el taxol",
        "tiene las piernas entumidas por la quimio y le duele la espalda",
        "por fin se tragó sus pastillas con la compota",
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
        "el mes pasado tuvo una convulsión y hoy otra vez",
        "¿qué hago? no puede respirar",
        # Not now is not denied: the multilingual scorer still reads the message.
        "¿qué hago si le da una convulsión?",
        "hace dos años le dio un infarto",
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
        ("ya no quiero vivir, por si acaso me tomé todas las pastillas", True),
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
        ("le di doble dosis de morfina", True),
        ("se tomó la dosis dos veces", True),
        ("me tomé pastillas de más sin querer", False),
        ("me tomé todas las pastillas pensando que no iba a despertar", True),
        ("me tomé todas las pastillas creyendo que así dejaría de sufrir", True),
        (
            "me tomé dos veces la pastilla de la noche, se me olvidó que ya me la había tomado",
            False,
        ),
    ],
)
def test_an_overdose_taken_and_not_said_to_be_a_mistake(text: str, taken: bool) -> None:
    assert spanish_overdose_taken(text) == taken
