"""Crisis and emergency cues in Spanish, until Spanish is understood in full.

The English pipeline cannot read "quiero morir", so these few regular expressions
make sure a Spanish message about suicide or an emergency still gets the crisis or
emergency answer (which names 988's Spanish line). Accents and case are ignored.
Idioms ("me muero de ganas", "esta quimio me está matando") are not cues.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator, Optional

from assistant.safety.levels import Level

NEGATIONS = {"no", "nunca", "jamas"}
NEGATION_WINDOW = 3
# Where and how, not whether: "quiero morir en mi casa cuando llegue el momento" is planning,
# as "I want to die at home" is (the multilingual scorer still reads such a message).
PLANNING_AFTER = re.compile(
    r"\s*(en (mi |su |la )?casa|en paz|tranquil|rodead|con (mi|su|toda mi) familia"
    r"|en el hospital|en (un |el )?hospicio|sin dolor|cuando (llegue|me toque))"
)

# "no tengo ", "no tiene nada de ", "no hay ": a denial that ends right before a cue.
DENIAL_BEFORE = re.compile(
    r"\b(no|nunca|jamas) (tengo|tiene|tienes|tenemos|tienen|siento|siente|sentimos|hay"
    r"|he tenido|ha tenido)( (?!pero\b|y\b|sino\b|que\b)\w+){0,2} $"
)

# Killing oneself with work or laughter is an idiom ("me voy a matar trabajando"); "cuando"
# and "mando" end like a gerund and are not one ("me voy a matar cuando se duerman").
NOT_AN_IDIOM = (
    r"(?! ((?!cuando\b|mando\b)\w+ando|\w+iendo|de (risa|hambre|sed|cansancio|coraje|la risa))\b)"
)

# Hanging oneself, not hanging something on oneself ("colgarme la mochila", "colgarme al
# hombro la bolsa") or from a swing; not "ya me mató este dolor" (but "me mato esta noche").
NO_OBJECT = (
    r"(?! (el|la|los|las|un|una|mi|mis|tu|su|sus|al hombro|del hombro|del brazo|del columpio"
    r"|de las barras)\b| (este|esta|ese|esa|estos|estas) (?!(noche|tarde|semana|mes|fin|vez"
    r"|mismo|misma|dia|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b))"
)
HANG = r"colgar" + NO_OBJECT

# From a height or under a train or a car ("tirarme del puente", "a las vías", "por la
# ventana", "del quinto piso"); not to the floor or to bed.
FALL_OR_TRAIN = (
    r" (de|del|desde|a|al|a las|bajo|debajo de|frente a|frente al|delante de|por) "
    r"(un |una |el |la |mi |su )?"
    r"(puente|edificio|balcon|techo|azotea|ventana|vias|tren|metro|carro|camion|carretera|rio|mar"
    r"|(segundo|tercer|cuarto|quinto|sexto|septimo|octavo|noveno|decimo|ultimo) piso)\b"
)

# Hurt by cooking, shaving or an itch, not on purpose ("me corté otra vez cocinando").
NOT_AN_ACCIDENT = (
    r"(?![^.;!?]{0,30}\b(cocin\w*|picando|pelando|rasur\w*|afeit\w*|depil\w*|comezon|picazon"
    r"|con (el|la|un|una) (cuchillo de cocina|horno|plancha|sarten|papel|lata)))"
)

# What an overdose takes: all of them, the bottle, "como 30 pastillas", "un montón de".
OVERDOSE_AMOUNT = (
    r"(todas|todos|toda|todo|muchas|muchos|el frasco|un frasco|(como |unas |mas de )?\d+ pastillas"
    r"|un monton de)"
)
# "... a propósito" later in the same sentence, not "no fue a propósito" nor "sin querer".
ON_PURPOSE = r"(?![^.;!?]{0,60}\bsin querer\b)[^.;!?]{0,60}(?<!\bno )(?<!\bno fue )\ba proposito\b"

CRISIS_CUES = [
    r"\b(suicidarme|suicidio|suicida|suicidar)\b",
    r"\b(me )?quiero morir(me)?\b",
    r"\bquiero (estar )?muert[oa]\b",
    r"\bprefiero (morir|morirme|estar muert[oa])\b",
    # Not working oneself to death ("me voy a matar trabajando con este calor").
    r"\b(matarme|me voy a matar|me quiero matar)\b" + NOT_AN_IDIOM,
    # "Si me mato", "el sábado me mato", "me mato y ya", "si ella se muere, me mato", "ya no
    # aguanto. Me mato."; not "ya me mató la quimio" nor "casi que me mato en la escalera".
    r"\b(si|yo|mejor|ya|hoy|manana|noche|lunes|martes|miercoles|jueves|viernes|sabado"
    r"|domingo|dia) me mato\b" + NOT_AN_IDIOM + NO_OBJECT,
    r"\bsi\b[^.;!?]{0,60}\bme mato\b" + NOT_AN_IDIOM + NO_OBJECT,
    r"(?:^|(?<=[.!?])|(?<=[.!?] ))me mato\b" + NOT_AN_IDIOM + NO_OBJECT,
    r"\bme mato (y ya|ya|hoy|manana|esta noche|el mismo dia"
    r"|el (lunes|martes|miercoles|jueves|viernes|sabado|domingo))\b",
    r"\b(quitarme la vida|(acabar|terminar) con (mi|esta) vida)\b",
    r"\bme (voy a|iba a|quiero|queria|pienso|pensaba|pense en) (quitar la vida|ahorcar"
    r"|suicidar|pegar un tiro|dar un tiro|" + HANG + r")\b",
    # A method: hanging, a gun, a fall, the veins, a knife.
    r"\bcolgarme\b" + NO_OBJECT,
    r"\b(ahorcarme|me ahorco|pegarme un tiro|darme un tiro|me pego un tiro|volarme la cabeza"
    r"|(clavarme|enterrarme) (el|un) cuchillo|(clavar|enterrar)melo)\b",
    r"\b(cortarme|me (corte|corto|voy a cortar|quiero cortar)) las venas\b",
    r"\bme (tome|trague) " + OVERDOSE_AMOUNT + ON_PURPOSE,
    r"\b(tirarme|aventarme|lanzarme|me (tiro|aviento|lanzo)"
    r"|me (voy a|quiero|pienso|iba a) (tirar|aventar|lanzar))" + FALL_OR_TRAIN,
    # Harm to oneself now: "me corté otra vez", "me rasguño los brazos hasta sangrar".
    r"\bme (corte|corto) (los brazos|las piernas|las munecas|otra vez|a proposito)\b"
    + NOT_AN_ACCIDENT,
    r"\bme (corto|corte|rasguno|arano|golpeo)\b[^.;!?]{0,40}\bhasta sangrar\b" + NOT_AN_ACCIDENT,
    # A goodbye before an act: "perdónenme por lo que voy a hacer".
    r"\bperdon(a|en)?(me)? por lo que (voy|vamos) a hacer\b",
    # Pills as a plan ("me tomo todas las pastillas y se acaba", "me tomo todo lo que sobre
    # de su morfina", "me voy a tomar todo el frasco"), not a routine ("me tomo todas mis
    # pastillas juntas en la mañana"); "me tomé todas" is an overdose (911).
    r"\bme tomo (todas|todos|toda|todo) (lo que (sobre|quede|queda)\b"
    r"|(las|mis|sus) \w+ y (se acaba|ya|listo|adios)\b)",
    r"\b(voy a|quiero) tomar(me)? (todo el frasco|el frasco entero)\b",
    r"\bno quiero (seguir )?(vivir|viviendo|estar aqui|despertar)\b",
    r"\bno (vale|tiene sentido) (la pena )?seguir\b",
    # Not a haircut ("voy a cortarme el pelo antes de que se me caiga").
    r"\b(cortarme|hacerme dano|lastimarme)\b"
    r"(?! (el pelo|el cabello|las unas|el fleco|las puntas|la melena)\b)",
    r"\b(tomarme|tomar) todas (las|mis) pastillas\b",
    r"\bmejor (estaria|estarian|estarian todos) (muert[oa]|sin mi)\b",
    # Not "muerta de cansancio" (worn out), an idiom.
    r"\bmejor muert[oa]\b(?! de\b)",
    # Living itself, not living somewhere or some way ("a seguir viviendo en esta ciudad").
    r"\b(no le (veo|encuentro|hallo) (el |ningun )?sentido a|no tiene sentido)"
    r" (seguir )?(vivir|viviendo|la vida|mi vida)\b"
    r"(?=\s*($|[,.;:!?]|y\b|ya\b|asi\b|mas\b|sin\b|con (tanto|tanta|este|esta|esto)\b))",
    # A prayer to be taken ("le pido a Dios que me lleve", "que Dios me lleve con él"), as
    # "I pray I don't wake up"; not God leading somewhere ("que Dios me lleve de la mano",
    # "con bien a la cirugía", "por buen camino").
    r"\b(dios|diosito)( que)? me (lleve|recoja)( ya| pronto| de una vez| con (el|ella))?\b"
    r"(?! (de|del|con|por|al|a|en)\b)",
]
# "Not safe" said outright (the reply to "¿está a salvo ahora mismo?" among others): as in
# English, the answer must never be "glad you're safe", nor the question again. Not "no me
# siento segura de mí misma" nor "conmigo misma": in Spanish, that is self-confidence.
# Safe from something ("a salvo de infecciones") or data ("mi información no está a salvo")
# is not it; "no estoy a salvo en casa" is (the cues are read with planning words counting).
NOT_DATA = r"(?<!informacion )(?<!datos )(?<!conversacion )(?<!mensajes )"
UNSAFE_CUES = [
    NOT_DATA + r"\bno (estoy|estamos|esta|me siento|se siente) a salvo\b(?! de\b)",
    r"\bno (estoy|me siento) segur[ao] de (estar|que este) a salvo\b",
    r"\bno (puedo|se si puedo) (mantenerme|estar|seguir) a salvo\b(?! de\b)",
]
SOMEONE_ELSE_CUES = [
    r"\b(se quiere|quiere) (morir|matar)(se)?\b" + NOT_AN_IDIOM,
    r"\b(matarse|quitarse la vida|ahorcarse|suicidarse)\b" + NOT_AN_IDIOM,
    r"\bcolgarse\b" + NO_OBJECT,
    r"\bse (va a|iba a|quiere|queria|piensa|pensaba) (quitar la vida|ahorcar|suicidar"
    r"|pegar un tiro|dar un tiro|matar|" + HANG + r")\b" + NOT_AN_IDIOM,
    r"\bsi\b[^.;!?]{0,60}\bse mata\b" + NOT_AN_IDIOM + NO_OBJECT,
    r"\bse (esta )?(corta|cortando|corto)\b[^.;!?]{0,20}"
    r"\b(los brazos|las piernas|las munecas|las venas|a escondidas|hasta sangrar|a proposito)\b"
    + NOT_AN_ACCIDENT,
    r"\b(tirarse|aventarse|lanzarse)" + FALL_OR_TRAIN,
    # Medicines taken on purpose ("se tomó todas sus pastillas a propósito"): 911, then 988.
    r"\bse (tomo|trago) " + OVERDOSE_AMOUNT + ON_PURPOSE,
]
# An overdose taken: "me tomé todas las pastillas", "se tragó el frasco", "me tomé como 30
# pastillas", "me acabo de tomar todas"; not the present of a routine ("me tomo todas las
# medicinas a las 8") nor a morning's doses ("ya me tomé todas mis pastillas de la mañana",
# "me tomé todo el contraste").
OVERDOSE_TAKEN = (
    r"\b(me (tome|trague)|se (tomo|trago)|me acabo de tomar|se acaba de tomar) "
    + OVERDOSE_AMOUNT
    + r"\b"
    r"(?![^.;!?]{0,30}\b(de la manana|de la noche|de la tarde|de hoy|del dia|a tiempo"
    r"|el contraste|el liquido|el agua|el cafe|el jugo)\b)"
)
# A high temperature written after "fiebre" or "calentura" ("fiebre de 102", "le subió la
# fiebre a 39.5", "fiebre alta, 39.5") or before it ("39.4 de fiebre"); not a temperature
# alone, which may be the weather, nor a fever that came down ("le bajó la fiebre de 39").
HIGH_TEMPERATURE = r"(3[89]|4[01])([.,]\d)?|10[1-5]([.,]\d)?|100[.,][4-9]"
FEVER_WORD = r"(?<!\bbajo la )(?<!\bbaja la )(?<!\bbajado la )(fiebre|calentura)"
# Bleeding that does not stop: "no para de sangrar", "la sangre no se detiene".
BLEEDING_GOES_ON = (
    r"\bno (para|paraba|deja|dejaba|ha parado|ha dejado) de sangrar\b",
    r"\b(sangre|sangrado|hemorragia) (que )?no (para|se para|se detiene|se quita|se corta"
    r"|paraba|deja de salir)\b",
    r"\b(sangra|sangrando|sangrado)( \w+){0,8} y no (para|se detiene|se le quita)\b",
)
# Legs giving way or numb, not from chemotherapy ("entumidas por la quimio").
LEGS_GIVING_WAY = (
    r"\b(se (le|me) (van|fueron|doblan|doblaron|aflojan|aflojaron) las piernas"
    r"|piernas (dormidas|entumidas|entumecidas|sin fuerza|debiles|flojas)"
    r"|no (siente|siento) bien las piernas)\b"
    r"(?! (por|de|desde) (la quimio|la quimioterapia|el taxol|el paclitaxel|la neuropatia))"
)
# Who took or gave a dose, in the past only: "tomo" is also "tomó" once accents are folded,
# and "I take" is a routine; "(que) tome" is also an instruction ("me dijo que tome doble
# dosis"), and what the hospital gave was prescribed.
TOOK_OR_GAVE = r"(me tome|se tomo|me trague|se trago|(?<!\bque )tome|le di|le dimos)"
# As the care team said ("como dijo la enfermera"): a dose given as prescribed.
AS_PRESCRIBED = (
    r"(?![^.;!?]{0,40}\bcomo (dijo|indico|receto|mando|me dijeron|nos dijeron|le dijeron)\b)"
)
# Too many medicines taken: all of them (`OVERDOSE_TAKEN`), a double dose or a dose twice, by
# mistake or not; not one prescribed ("el doctor me dio doble dosis", "le subieron a doble
# dosis") nor a routine ("tomo dos veces la medicina al día", "dos dosis de la vacuna"); pills
# a child ate, or someone else's taken by mistake. An overdose always counts: it is told as
# past by nature.
OVERDOSE_CUES = [
    OVERDOSE_TAKEN,
    r"\b"
    + TOOK_OR_GAVE
    + r"( \w+){0,3} (doble dosis|dosis doble|la dosis dos veces)\b"
    + AS_PRESCRIBED,
    r"\b" + TOOK_OR_GAVE + r"( \w+){0,2} (pastillas|pastilla|dosis|gotas) de mas\b" + AS_PRESCRIBED,
    r"\b" + TOOK_OR_GAVE + r" (dos veces (la|su|mi|las|sus) (dosis|pastilla|pastillas|medicina"
    r"|morfina)|(la|su|mi|las|sus) (dosis|pastilla|pastillas|medicina|morfina|parche) dos veces)"
    r"\b(?! (al|por|a la|cada|diarias)\b)" + AS_PRESCRIBED,
    r"\b(me tome|se tomo|me trague|se trago)( \w+){0,3} (las|unas) pastillas (de|del) (mi|su)"
    r" (vieja|viejo|espos[oa]|marido|mujer|mama|papa|abuel[oa]|herman[oa]|tia|tio|hij[oa])\b",
    r"\bse (comio|trago) (unas|varias|algunas|un monton de) pastillas\b",
]
# Fever during chemotherapy, or a high temperature. When the chemotherapy was ("su última
# quimio fue hace un mes") does not make the fever past.
FEVER_CUES = [
    r"\b" + FEVER_WORD + r"\b[^\n]{0,400}\bquimio|\bquimio\b[^\n]{0,400}\b" + FEVER_WORD + r"\b",
    r"\b" + FEVER_WORD + r"\b[^.;!?\d]{0,25}\b(" + HIGH_TEMPERATURE + r")\b",
    r"\b(" + HIGH_TEMPERATURE + r")( grados| °| ?°c| ?°f| c| f)? de " + FEVER_WORD + r"\b",
]
# Emergencies named: what people also ask about ahead of time ("¿qué hago si le da una
# convulsión?"), tell from the past ("hace dos años le dio un infarto") or say in jest
# ("casi me da un infarto con la factura"), so `_happening_now` reads them.
NAMED_EMERGENCY_CUES = [
    r"\bdolor (en el|de|del) pecho\b",
    r"\b(infarto|ataque al corazon|ataque cardiaco|paro cardiaco|derrame cerebral|ictus"
    r"|embolia|convulsion|convulsiones|sobredosis|ataque epileptico|ataque de epilepsia)\b",
    # "Le dio un ataque", "un patatús", "un soponcio", "un telele" (a fit, a collapse) to
    # someone else; not "casi le dio un patatús", nor an attack of panic, nerves or anger.
    r"(?<!\bcasi )(?<!\bpor poco )\b(le|te) (dio|esta dando) un (ataque|patatus|soponcio"
    r"|telele)\b(?! de (panico|nervios|ansiedad|tos|risa|celos|hambre|sueno|llanto|ira|rabia"
    r"|coraje)\b)",
    *FEVER_CUES,
]
# Emergencies described as they happen: always an emergency now.
DESCRIBED_EMERGENCY_CUES = [
    # Breathing: "no puede respirar", "no le entra el aire", "se está ahogando", "se puso
    # morada". Not "le cuesta respirar" nor "se ahoga cuando camina", which are as often a
    # known breathlessness or the last days under hospice care; nor "ahogarse en un vaso de
    # agua" (to fret over nothing); nor a wound or a bruise turning purple. "Me ahogo" is as
    # often overwhelm.
    r"\bno (puede|puedo|podemos|pudo|podia) respirar\b",
    r"\bno respira\b",
    r"\b(casi )?no (puede|puedo|pudo|podia) (agarrar|recuperar|tomar|jalar|coger) (el )?aire\b",
    r"\bno (le|me) (entra|llega|pasa|alcanza) (el )?aire\b",
    r"\b(se esta ahogando|ahogandose)\b(?! en (un vaso|deudas|papeles|problemas|trabajo)\b)",
    r"\blabios (morados|moraos|morao|azules|azulados|grises)\b",
    r"(?<!herida )(?<!piel )(?<!mancha )(?<!brazo )(?<!pierna )(?<!mano )(?<!una )(?<!pie )"
    r"\bse (puso|esta poniendo) (toda |todo |la cara |la boca |los labios )?"
    r"(morad[oa]s?|azul(es)?|azulad[oa])\b(?! (el|la|los|las) \w+)",
    r"\b(convulsionando|convulsiona|convulsiono)\b",
    r"\bse le (paro|esta parando) el corazon\b",
    r"\b(le|me) dio un derrame\b(?! pleural)",
    # Stroke signs: the face or mouth fallen, speech slurred, one side that will not move.
    r"\b(se le|le) (cayo|esta cayendo|chueco|torcio|ladeo|cae|durmio) (la cara|la boca"
    r"|un lado|el lado|media cara|toda la cara|medio cuerpo|la mitad del cuerpo)\b"
    r"(?! de (verguenza|pena)\b)",
    r"\b(boca|cara) (chueca|torcida|caida|de lado|ladeada)\b",
    r"\b(habla|hablando|esta hablando) (muy )?(arrastrado|arrastrando|enredado|trabado|mocho)\b",
    r"\barrastra (las palabras|la lengua)\b",
    r"\bse (le|me) paraliz(o|a|ando) (la cara|un lado|el lado|medio cuerpo|la mitad del cuerpo"
    r"|el brazo|la pierna|las piernas)\b",
    # One side; an arm or a leg only when sudden ("no puedo mover bien el brazo desde la
    # cirugía" is lymphedema, not a stroke).
    r"\bno (puede|puedo|pudo) mover (un lado|el lado \w+|medio cuerpo|la mitad del cuerpo)\b",
    r"\bde repente no (puede|puedo|pudo) mover\b",
    r"\bno (puede|puedo|pudo) mover (el|la|las|su|sus|mi|mis) (brazo|pierna|piernas|mano)\b"
    r"[^.;!?]{0,30}\bde repente\b",
    # The legs gone, with bone metastases in the spine: "no siento las piernas", "no siento
    # nada de la cintura para abajo". Not numbness from chemotherapy ("no siento bien las
    # piernas por la neuropatía", "desde que empecé el taxol") nor tiredness ("de tanto
    # caminar").
    r"\bno (siente|siento|sentia|sentimos) (las|sus|mis) piernas\b"
    r"(?! (de tanto|por (la|el)|desde que (empece|empezo|empezamos))\b)",
    r"\bno (siente|siento|puede mover|puedo mover)( nada)? de la cintura (para|pa) abajo\b",
    # Legs giving way or numb beside a back that hurts: what a compressed spinal cord feels
    # like ("se le doblan las piernas y le duele la espalda, tiene metástasis en la columna").
    LEGS_GIVING_WAY + r"[^.;!?]{0,80}\b(espalda|columna)\b",
    r"\b(espalda|columna)\b[^.;!?]{0,80}" + LEGS_GIVING_WAY,
    # Someone who does not wake or respond: "no responde", "no reacciona", "no la puedo
    # despertar", "perdió el conocimiento", "se privó"; not a tumour that does not respond to
    # treatment, a doctor who does not answer messages, a wish ("no se quiere despertar"),
    # "ya casi no reacciona" in the last days, nor waking from anaesthesia.
    r"\b(inconsciente|se desmayo|se me desmayo|me desmaye|se desvanecio|se desplomo|se privo"
    r"|me prive)\b",
    r"(?<!\bcasi )\bno (se )?despierta\b(?! (para|de la anestesia)\b)",
    r"\bse (acaba|acaban) de (desmayar|desplomar|desvanecer|privar)\b",
    r"\bno responde\b(?! (al tratamiento|a los tratamientos|a la quimio|a la terapia|mis mensajes"
    r"|los mensajes|las llamadas|el telefono|al telefono)\b)",
    r"(?<!\bcasi )\bno reacciona\b(?! (al tratamiento|a los tratamientos|a la quimio)\b)",
    r"\bno (la|lo|le) (puedo|podemos|pude|pudimos) despertar\b",
    r"\bno se (puede|deja) despertar\b",
    r"\bperdi(o)? (el conocimiento|la conciencia)\b",
    # Found or woken on the floor, the tongue bitten: a seizure.
    r"\b(me desperte|desperte|se desperto|amaneci|amanecio|la encontre|lo encontre)"
    r" (tirad[oa] )?en el (suelo|piso)\b(?! de (arriba|abajo)\b)",
    r"\blengua mordida\b",
    # A fall, then confusion, a blow to the head, or no getting up ("me caí y no me puedo
    # parar"); not hair that fell out, a dropped call or page, nor a fall into depression.
    r"\b(se cayo|me cai|se pego|se golpeo|me resbale|se resbalo)\b"
    r"(?! (el|todo el|mi|su) (pelo|cabello)\b| en (una|la) (depresion|tristeza)\b"
    r"| (la|el) (pagina|llamada|linea|sistema|internet|red|conexion|app|aplicacion|telefono"
    r"|celular|sitio|portal)\b)"
    r"[^.;!?]{0,80}\b(confundid[oa]|desorientad[oa]|no (se )?acuerda|no reconoce|no sabe donde"
    r"|habla raro|incoherente|en la cabeza|no (me|se) (puedo|puede) (parar|levantar))\b",
    r"\b(muy )?(confundid[oa]|desorientad[oa]) (de repente|desde (que|la) (se cayo|caida))\b",
    # Blood: vomited, coughed, lost in quantity, or not stopping.
    r"\b(vomita|vomito|vomitando|tose|tosio|tosiendo|escupe|escupio|escupiendo"
    r"|echa|echando|arroja|arrojando) (mucha |pura )?sangre\b",
    r"\b(sangra|sangrando) mucho\b",
    # Bleeding, not blood drawn for tests ("me sacaron mucha sangre para los estudios").
    r"\b(sale|sales|salio|saliendo|sangra|sangro|sangrando|perdi|perdio|perdiendo|vomito"
    r"|vomita|escupe|escupiendo) mucha sangre\b",
    r"\bvomit(o|a|ando) (como )?(cafe|negro|asientos de cafe)\b",
    *BLEEDING_GOES_ON,
]
EMERGENCY_CUES = [*NAMED_EMERGENCY_CUES, *DESCRIBED_EMERGENCY_CUES, *OVERDOSE_CUES]
# A named emergency that is not one now, read in the cue's own clause:
# - asked about to be ready, before the cue: "¿qué hago si le da una convulsión?", "si le
#   da una convulsión, ¿qué hago?", "en caso de fiebre con la quimio", "¿cuándo hay que
#   llamar al 911 por dolor de pecho?", "¿el tamoxifeno aumenta el riesgo de embolia?", "si
#   la fiebre pasa de 38";
# - said in jest, right before the cue: "casi me da un infarto con la factura", "me va a dar
#   un infarto";
# - told as months or years past, in the clause before or after the cue (not a fever): "hace
#   dos años le dio un infarto", "tuvo una convulsión el mes pasado"; not days or weeks ago,
#   nor since then ("desde hace meses"), nor a comparison ("tiene dolor de pecho como la
#   última vez").
# The last two do not hold when the cue's sentence or the next says it is happening now or
# again (`NOW`).
PREPARING = re.compile(
    r"\b((que|como) (hago|hacemos|hacer|debo hacer|debemos hacer|hay que hacer|se hace|actuar)"
    r"( \w+){0,3} (si|cuando)( \w+){0,3} (da|dan|diera|llega a|llegara|vuelve|vuelven|empieza"
    r"|empiezan|pasa|pasara|tiene|tuviera|sube|subiera)\b"
    r"|^\s*(y )?si (le |me |te |se |nos |les )?(da|dan|diera|llega a|vuelve|vuelven|empieza"
    r"|pasa|tiene|tuviera|sube|subiera)\b"
    r"|\bsi (la |le |el |te |me )?$"
    r"|\ben caso de( que)?\b"
    r"|\bcuando (hay que|debo|debemos|se debe|tengo que|tenemos que|conviene) (ir|llamar|llevar)\b"
    r"|\b(riesgo de|puede (causar|dar|provocar)|pueden (causar|dar|provocar)|sintomas de"
    r"|senales de)\b)"
)
JEST_BEFORE = re.compile(
    r"\b((casi|por poco) (me|le|nos|te|les) (da|dio|daba|dan)|(me|le|nos|te) (va|van) a dar)"
    r" (un|una|el) $"
)
PAST = re.compile(
    r"(?<!\bdesde )\b(el (mes|ano) pasado|la ultima vez|la vez pasada|hace (\w+ )?(meses|anos|mes"
    r"|ano)|hace tiempo|en (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
    r"|octubre|noviembre|diciembre))\b"
)
NOW = re.compile(
    r"\b(ahorita|ahora mismo|en este momento|esta (manana|tarde|noche)|anoche|de repente"
    r"|otra vez|de nuevo|acaba de|acabo de|sigue|siguen|todavia|lleva|llevo|ya va|minutos)\b"
)
COMPARISON = re.compile(r"\b(como|igual que|parecido a|lo mismo que)\b")
# A clause ends at a comma, a semicolon, "y", "pero" or a sentence's end (not a decimal point).
CLAUSE_END = re.compile(r"[,;!?\n]|(?<!\d)\.(?!\d)| y | pero ")
SENTENCE_END = re.compile(r"[!?\n]|(?<!\d)\.(?!\d)")


# Said to be a mistake: the overdose is not read as possibly deliberate.
BY_MISTAKE = re.compile(
    r"\b(sin querer|por error|por equivocacion|por accidente|accidentalmente|se confundio"
    r"|me confundi|no fue a proposito|no lo hizo a proposito|no lo hice a proposito"
    r"|se me olvido|se le olvido|me olvide|se olvido|sin darme cuenta|sin darse cuenta"
    r"|sin fijarme|sin fijarse|me equivoque|se equivoco)\b"
)


# Dying or being killed of something that is not death: "me muero de ganas", "me muero por
# verte", "muerta de cansancio", "me mata la espalda", "esta quimio me está matando", "mi
# jefe me va a matar si falto", "un susto de muerte", "matar el tiempo".
FEELINGS = (
    r"(ganas|hambre|sed|risa|la risa|sueno|nervios|los nervios|frio|calor|verguenza|la verguenza"
    r"|emocion|la emocion|envidia|celos|coraje|miedo|susto|aburrimiento|cansancio|pena|la pena"
    r"|curiosidad|amor|ternura|gusto|alegria|dolor)"
)
IDIOMS = [
    r"\b(muero|muere|mueres|morimos|mueren|mori|murio|moria|morir|morirme)"
    r" (de|del) " + FEELINGS + r"\b",
    r"\b(muero|muere|mueres|morimos|mueren) por \w+(ar|er|ir)\b",
    r"\bmuert[oa]s? de " + FEELINGS + r"\b",
    # Not "me mato" (I kill myself), which is the same word as "me mató" (it killed me).
    r"\b(me|te|nos) (mata|matan|mataron|esta matando|estan matando)\b",
    r"\b(me|te|nos) (va|van) a matar (si|cuando|con|de|a)\b",
    r"\b(susto|esta|estaba|estan|estuvo|estuvieron) de muerte\b",
    r"\bmatar (el tiempo|dos pajaros)\b",
]


def spanish_idiom(text: str) -> bool:
    """Whether a Spanish idiom of dying or killing occurs ("me muero de ganas de verte").

    The classifiers' crisis scores read such a message as some risk; with an idiom and no
    crisis cue, the risk layer asks for surer scores, as for a denied cue in English.
    """
    folded = fold(text)
    return any(re.search(idiom, folded) for idiom in IDIOMS)


def fold(text: str) -> str:
    """Lower case without accents: "Qué" and "que" read the same."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def spanish_level(text: str) -> Optional[tuple[Level, bool]]:
    """The level of a Spanish crisis or emergency cue, and whether it is about someone else.

    The cues are Spanish words only, so English text ("I'm not suicidal") never matches.
    """
    folded = fold(text)
    if _found(CRISIS_CUES, folded, planning_counts=False) or _found(UNSAFE_CUES, folded):
        return Level.CRISIS, False
    if _found(SOMEONE_ELSE_CUES, folded, planning_counts=False):
        return Level.CRISIS, True
    if _emergency_found(folded):
        return Level.EMERGENCY, False
    return None


def spanish_unsafe(text: str) -> bool:
    """Whether the message says outright, in Spanish, that someone is not safe."""
    return _found(UNSAFE_CUES, fold(text))


def spanish_emergency_too(text: str) -> bool:
    """Whether a Spanish emergency cue occurs, beside a crisis cue, say.

    "Se cortó las muñecas, está sangrando mucho": 911 comes first, then 988, as in English.
    """
    return _emergency_found(fold(text))


def spanish_overdose_taken(text: str) -> bool:
    """Whether a Spanish message tells of an overdose taken, not said to be a mistake.

    As in English ("took too many", "a double dose"), such an emergency may be deliberate:
    a crisis score that would ask the direct question is enough for 988 after 911.
    """
    folded = fold(text)
    return _found(OVERDOSE_CUES, folded) and not BY_MISTAKE.search(folded)


def spanish_said_to_be_a_mistake(text: str) -> bool:
    """Whether a Spanish message says something was done by mistake ("sin querer")."""
    return BY_MISTAKE.search(fold(text)) is not None


def spanish_emergency_denied(text: str) -> bool:
    """Whether Spanish emergency cues occur, each of them denied ("no tengo dolor de pecho").

    A denial is a negation right before having or feeling ("no tengo", "no tiene", "no
    siento", "no hay"), a word or two before the cue. Other negations near a cue tell of an
    emergency ("no aguanto el dolor de pecho", "no baja la fiebre desde la quimio", "nunca
    había tenido dolor de pecho así"). A denied crisis cue is not set aside in Spanish:
    "nunca pensé en matarme, pero ahora..." would then need surer scores, and the Spanish
    ones are not sure enough for that. A cue that is only not happening now (`PREPARING`,
    `PAST`) is not a denial: the multilingual scorer still reads the message.
    """
    folded = fold(text)
    matches = [match for cue in EMERGENCY_CUES for match in re.finditer(cue, folded)]
    return bool(matches) and all(
        not match.group(0).startswith("no ") and DENIAL_BEFORE.search(folded[: match.start()])
        for match in matches
    )


def _emergency_found(folded: str) -> bool:
    """Whether an emergency cue occurs, not negated, and a named one happening now."""
    return any(
        _happening_now(folded, match, cue) for cue, match in _not_negated(EMERGENCY_CUES, folded)
    )


def _happening_now(folded: str, match: re.Match[str], cue: str) -> bool:
    """Whether a cue's emergency is one now; only a named emergency may not be.

    Not said in jest ("casi me da un infarto"); not asked about to be ready nor told as
    past, in its own clause, unless its sentence or the next says it is happening now
    (`PREPARING`, `PAST`, `NOW`).
    """
    if cue not in NAMED_EMERGENCY_CUES:
        return True
    before, after = folded[: match.start()], folded[match.end() :]
    clause_before = CLAUSE_END.split(before)[-1]
    if JEST_BEFORE.search(clause_before):
        return False
    # The cue's sentence and the next: "¿qué hago si le da una convulsión? ya lleva 5 minutos".
    following = SENTENCE_END.split(folded[match.start() :])[:2]
    if NOW.search(" ".join([SENTENCE_END.split(before)[-1], *following])):
        return True
    if PREPARING.search(clause_before):
        return False
    clause_after = COMPARISON.split(CLAUSE_END.split(after)[0])[0]
    return cue in FEVER_CUES or not PAST.search(clause_before + " " + clause_after)


def _found(cues: list[str], folded: str, planning_counts: bool = True) -> bool:
    """Whether a cue occurs without a negation in the three words before it (same clause).

    With `planning_counts` False, a cue followed by where or how one wishes to die
    ("en mi casa", "en paz") is not one.
    """
    return any(
        planning_counts or not PLANNING_AFTER.match(folded, match.end())
        for _, match in _not_negated(cues, folded)
    )


def _not_negated(cues: list[str], folded: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Each cue's matches without a negation in the three words before them."""
    return (
        (cue, match)
        for cue in cues
        for match in re.finditer(cue, folded)
        if not _negated(folded, match)
    )


def _negated(folded: str, match: re.Match[str]) -> bool:
    """Whether a negation comes in the three words before the match, in the same clause.

    "no puedo más, me tomé todas" is not a denial of what follows the comma.
    """
    if match.group(0).startswith("no "):
        return False
    clause = re.split(r"[,.;:!?]", folded[: match.start()])[-1]
    return bool(NEGATIONS & set(re.findall(r"\w+", clause)[-NEGATION_WINDOW:]))
