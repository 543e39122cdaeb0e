"""What the channels say themselves, in the conversation's language (English or Spanish).

The assistant's answers come from the domain, in the variation of the slot
`language`; these are the few texts a channel sends on its own (a failure, a
rate limit, an SMS keyword, the SMS menu of quick replies). Each has an English
and a Spanish version, and the conversation's language is read from its tracker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

logger = logging.getLogger(__name__)

ENGLISH = "en"
SPANISH = "es"
LANGUAGE_SLOT = "language"
SPANISH_988 = "llame al 988 y oprima el 2, o envíe AYUDA por mensaje de texto al 988"


@dataclass(frozen=True)
class ChannelText:
    """One text a channel sends, in English and in Spanish."""

    en: str
    es: str

    def in_language(self, language: str) -> str:
        """The text in `language`; English for any other."""
        return self.es if language == SPANISH else self.en

    def both(self) -> str:
        """English, then Spanish: for when no conversation says which."""
        return f"{self.en}\n\n{self.es}"


SOMETHING_WENT_WRONG = ChannelText(
    en=(
        "I'm sorry, something went wrong on my side. Please try again in a moment. "
        "If this is an emergency, call 911."
    ),
    es=(
        "Lo siento, algo falló de mi lado. Por favor, intente de nuevo en un momento. "
        "Si es una emergencia, llame al 911."
    ),
)
RATE_LIMITED = ChannelText(
    en=(
        "You're sending messages faster than I can answer. Please wait a minute and try "
        "again. If you are in crisis, call or text 988. In an emergency, call 911."
    ),
    es=(
        "Está enviando mensajes más rápido de lo que puedo contestar. Por favor, espere un "
        f"minuto e intente de nuevo. Si está en crisis, {SPANISH_988}. En una emergencia, "
        "llame al 911."
    ),
)
LONG_MESSAGE_NOTE = ChannelText(
    en="Your message was very long, so I kept and read only its first {limit:,} characters.",
    es="Su mensaje era muy largo, así que solo guardé y leí sus primeros {limit:,} caracteres.",
)
NOT_DELETED = ChannelText(
    en=(
        "I'm sorry, I couldn't delete our conversation just now. Please try again in a "
        "little while. If this is an emergency, call 911."
    ),
    es=(
        "Lo siento, no pude borrar nuestra conversación en este momento. Por favor, intente "
        "de nuevo en un rato. Si es una emergencia, llame al 911."
    ),
)
SLOW_REPLY = ChannelText(
    en=(
        "Sorry, I'm slow to answer right now. Please text me again in a minute. "
        "If you are in crisis, call or text 988. In an emergency, call 911."
    ),
    es=(
        "Perdón, estoy tardando en contestar. Por favor, escríbame de nuevo en un minuto. "
        f"Si está en crisis, {SPANISH_988}. En una emergencia, llame al 911."
    ),
)
NOT_TEXT = ChannelText(
    en="I'm sorry, I can only read text messages. Could you type your message?",
    es="Lo siento, solo puedo leer mensajes de texto. ¿Podría escribir su mensaje?",
)
LOST_SESSION = ChannelText(
    en=(
        "I'm sorry, I lost track of our conversation. Please reload the page to carry on. "
        "If this is an emergency, call 911."
    ),
    es=(
        "Lo siento, perdí el hilo de nuestra conversación. Por favor, vuelva a cargar la "
        "página para seguir. Si es una emergencia, llame al 911."
    ),
)
HELP_REPLY = ChannelText(
    en=(
        "MBC Palliative Care Assistant: answers about palliative care and help finding care "
        "nearby. In crisis, call or text 988. In an emergency, call 911. "
        "Reply STOP to stop texts."
    ),
    es=(
        "Asistente de cuidados paliativos para el cáncer de mama metastásico: respuestas "
        "sobre cuidados paliativos y ayuda para encontrar atención cerca. En crisis, "
        f"{SPANISH_988}. En una emergencia, llame al 911. Responda STOP para no recibir más "
        "mensajes."
    ),
)
STOPPED_REPLY = ChannelText(
    en=(
        "You won't get any more texts from us. Reply START to talk again. "
        "If you are in crisis, call or text 988."
    ),
    es=(
        "Ya no recibirá más mensajes nuestros. Responda START para volver a hablar. "
        f"Si está en crisis, {SPANISH_988}."
    ),
)
STARTED_REPLY = ChannelText(
    en=(
        "Welcome back. Ask me anything about palliative care, or text HELP for help. "
        "If you are in crisis, call or text 988."
    ),
    es=(
        f"Qué bueno que volvió. Pregúnteme lo que quiera sobre cuidados paliativos. "
        f"Si está en crisis, {SPANISH_988}."
    ),
)
# An SMS answer that names 988 further down starts with this text.
CRISIS_LINE_FIRST = ChannelText(
    en="If you are in crisis, call or text 988.",
    es=f"Si está en crisis, {SPANISH_988}.",
)
# One line of the numbered menu that stands for quick replies in a text message.
MENU_LINE = ChannelText(en="Reply {number} for {title}", es="Responda {number}: {title}")


def slot_language(tracker: Any) -> str:
    """The language a tracker's slot `language` holds: `es` or `en`."""
    value = tracker.get_slot(LANGUAGE_SLOT) if tracker is not None else None
    return SPANISH if value == SPANISH else ENGLISH


async def stored_tracker(agent: Any, sender_id: str) -> Any:
    """The conversation's tracker as stored; None without a store, a tracker, or on failure."""
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return None
    try:
        return await store.retrieve(sender_id)
    except Exception as error:  # the channel still answers, in English
        logger.warning("Could not read a conversation: %s", type(error).__name__)
        return None


async def conversation_language(agent: Any, sender_id: str) -> str:
    """The conversation's language from its tracker; English when there is none yet."""
    return slot_language(await stored_tracker(agent, sender_id))


def response_text(variations: Optional[List[Dict[str, Any]]], language: str) -> Optional[str]:
    """The text of a domain response's variation for `language`, if it has one.

    Spanish variations carry the condition `language: es`; the English one is the
    variation without conditions. Other conditions must hold their slot's initial value
    (false): the answer at the start of a conversation.
    """
    for variation in variations or []:
        conditions = variation.get("condition") or []
        languages = [c.get("value") for c in conditions if c.get("name") == LANGUAGE_SLOT]
        others_initial = all(
            c.get("value") is False for c in conditions if c.get("name") != LANGUAGE_SLOT
        )
        wanted = (
            languages == [SPANISH] and others_initial if language == SPANISH else not conditions
        )
        if wanted and isinstance(variation.get("text"), str):
            return str(variation["text"])
    return None
