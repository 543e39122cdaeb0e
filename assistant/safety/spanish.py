"""Crisis and emergency cues in Spanish, until Spanish is understood in full.

The English pipeline cannot read "quiero morir", so these few regular expressions
make sure a Spanish message about suicide or an emergency still gets the crisis or
emergency answer (which names 988's Spanish line). Accents and case are ignored.
Idioms ("me muero de ganas", "esta quimio me está matando") are not cues.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

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

CRISIS_CUES = [
    r"\b(suicidarme|suicidio|suicida|suicidar)\b",
    r"\b(me )?quiero morir(me)?\b",
    r"\bquiero (estar )?muert[oa]\b",
    r"\b(matarme|me voy a matar|me quiero matar|quitarme la vida|acabar con mi vida)\b",
    r"\bno quiero (seguir )?(vivir|viviendo|estar aqui|despertar)\b",
    r"\bno (vale|tiene sentido) (la pena )?seguir\b",
    r"\b(cortarme|hacerme dano|lastimarme)\b",
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
SOMEONE_ELSE_CUES = [
    r"\b(se quiere|quiere) (morir|matar)(se)?\b",
    r"\b(matarse|quitarse la vida)\b",
]
EMERGENCY_CUES = [
    r"\bno (puede|puedo|podemos) respirar\b",
    r"\bno respira\b",
    r"\bdolor (en el|de|del) pecho\b",
    r"\b(infarto|ataque al corazon|derrame cerebral|convulsion|convulsiones|sobredosis)\b",
    r"\b(inconsciente|no despierta|no responde|se desmayo)\b",
    r"\b(vomita|vomitando|tose|tosiendo) sangre\b",
    r"\b(sangra|sangrando) mucho\b",
    r"\blabios (morados|azules)\b",
    r"\bfiebre\b.*\bquimio|\bquimio\b.*\bfiebre\b",
    # An overdose: "me tomé todas las pastillas", "se tragó el frasco".
    r"\b(me|se) (tome|tomo|trague|trago) "
    r"(todas|todos|toda|todo|muchas|muchos|el frasco|un frasco)\b",
]


def fold(text: str) -> str:
    """Lower case without accents: "Qué" and "que" read the same."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def spanish_level(text: str) -> Optional[tuple[Level, bool]]:
    """The level of a Spanish crisis or emergency cue, and whether it is about someone else.

    The cues are Spanish words only, so English text ("I'm not suicidal") never matches.
    """
    folded = fold(text)
    if _found(CRISIS_CUES, folded, planning_counts=False):
        return Level.CRISIS, False
    if _found(SOMEONE_ELSE_CUES, folded, planning_counts=False):
        return Level.CRISIS, True
    if _found(EMERGENCY_CUES, folded):
        return Level.EMERGENCY, False
    return None


def spanish_emergency_denied(text: str) -> bool:
    """Whether Spanish emergency cues occur, each of them denied ("no tengo dolor de pecho").

    A denial is a negation right before having or feeling ("no tengo", "no tiene", "no
    siento", "no hay"), a word or two before the cue. Other negations near a cue tell of an
    emergency ("no aguanto el dolor de pecho", "no baja la fiebre desde la quimio", "nunca
    había tenido dolor de pecho así"). A denied crisis cue is not set aside in Spanish:
    "nunca pensé en matarme, pero ahora..." would then need surer scores, and the Spanish
    ones are not sure enough for that.
    """
    folded = fold(text)
    matches = [match for cue in EMERGENCY_CUES for match in re.finditer(cue, folded)]
    return bool(matches) and all(
        not match.group(0).startswith("no ") and DENIAL_BEFORE.search(folded[: match.start()])
        for match in matches
    )


def _found(cues: list[str], folded: str, planning_counts: bool = True) -> bool:
    """Whether a cue occurs without a negation in the three words before it (same clause).

    With `planning_counts` False, a cue followed by where or how one wishes to die
    ("en mi casa", "en paz") is not one.
    """
    return any(
        not _negated(folded, match)
        for cue in cues
        for match in re.finditer(cue, folded)
        if planning_counts or not PLANNING_AFTER.match(folded, match.end())
    )


def _negated(folded: str, match: re.Match[str]) -> bool:
    """Whether a negation comes in the three words before the match, in the same clause.

    "no puedo más, me tomé todas" is not a denial of what follows the comma.
    """
    if match.group(0).startswith("no "):
        return False
    clause = re.split(r"[,.;:!?]", folded[: match.start()])[-1]
    return bool(NEGATIONS & set(re.findall(r"\w+", clause)[-NEGATION_WINDOW:]))
