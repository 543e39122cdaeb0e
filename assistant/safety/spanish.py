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


def _found(cues: list[str], folded: str, planning_counts: bool = True) -> bool:
    """Whether a cue occurs without a negation in the three words before it (same clause).

    With `planning_counts` False, a cue followed by where or how one wishes to die
    ("en mi casa", "en paz") is not one.
    """
    for cue in cues:
        for match in re.finditer(cue, folded):
            if not planning_counts and PLANNING_AFTER.match(folded, match.end()):
                continue
            # The words before it in the same clause: "no puedo más, me tomé todas" is not
            # a denial of what follows the comma.
            clause = re.split(r"[,.;:!?]", folded[: match.start()])[-1]
            before = re.findall(r"\w+", clause)[-NEGATION_WINDOW:]
            if not NEGATIONS & set(before) or match.group(0).startswith("no "):
                return True
    return False
