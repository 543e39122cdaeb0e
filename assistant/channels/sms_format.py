"""Turn the assistant's answers into text messages.

Quick replies become a numbered menu, markup becomes plain text, typographic
characters become their GSM-7 equivalents (one curly apostrophe would switch a
whole message to UCS-2 and halve its segment size), and long answers are split
at sentence boundaries into a few short texts. Letters outside GSM-7 ("í", "ó",
"ú", "á") are kept, since correct words matter more than cost: a text that holds
one is counted in UCS-2 segments, so it is split shorter.
"""

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence

from assistant.channels.channel_texts import CRISIS_LINE_FIRST, ENGLISH, MENU_LINE
from assistant.safety.spanish import fold
from assistant.typography import straighten_quotes

# Twilio's limit for one message body; longer answers are split well below it.
MAX_SMS_CHARACTERS = 1600
# How long one text may be, in segments: about 612 GSM-7 characters, or 268 in UCS-2.
PREFERRED_SEGMENTS = 4
# What one segment of a text of several holds (the rest of 160 septets or 140 bytes
# is the header that joins them again on the phone); a text of one segment holds more.
GSM7_SEGMENT = 153
GSM7_SINGLE = 160
UCS2_SEGMENT = 67
UCS2_SINGLE = 70
CRISIS_LINE = "988"

# GSM 03.38 basic character set and extension table: what one 160-character segment holds.
GSM7_CHARACTERS = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    "^{}\\[~]|€"
)
# Characters of the extension table: each takes two septets (an escape and itself).
GSM7_EXTENSION = frozenset("^{}\\[~]|€")
GSM7_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2022": "-",
    "\u00b7": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2009": " ",
    "\u200b": "",
    "\u2122": "(TM)",
    "\u00ae": "(R)",
}
GSM7_TRANSLATION = str.maketrans(GSM7_REPLACEMENTS)

MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")
MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
# A reply that picks a quick reply by number: "1", "2.", "#3".
NUMBER_REPLY = re.compile(r"\s*#?(\d{1,2})[.)]?\s*")
SENTENCE_BREAK = re.compile(r"((?<=[.!?:])[ \t]+|[ \t]*\n\s*)")


def is_gsm7(text: str) -> bool:
    """Whether the text goes as GSM-7; otherwise the whole text goes as UCS-2."""
    return set(text) <= GSM7_CHARACTERS


def character_sizes(text: str, gsm7: bool) -> List[int]:
    """Each character's size in septets (GSM-7) or UTF-16 units (UCS-2).

    An extension character ("€", "[") takes two septets; a character beyond the first
    plane (an emoji) takes two units.
    """
    if gsm7:
        return [2 if character in GSM7_EXTENSION else 1 for character in text]
    return [2 if ord(character) > 0xFFFF else 1 for character in text]


def segment_count(text: str) -> int:
    """How many segments a text is sent (and billed) as.

    A text of one segment holds 160 septets or 70 units. Longer, each segment holds 153
    or 67, and a character is never cut between two: one that does not fit whole starts
    the next segment (as Twilio counts them).
    """
    gsm7 = is_gsm7(text)
    sizes = character_sizes(text, gsm7)
    single, per_segment = (GSM7_SINGLE, GSM7_SEGMENT) if gsm7 else (UCS2_SINGLE, UCS2_SEGMENT)
    if sum(sizes) <= single:
        return 1
    count, used = 1, 0
    for size in sizes:
        if used + size > per_segment:
            count, used = count + 1, 0
        used += size
    return count


def to_gsm7(text: str) -> str:
    """Replace typographic quotes, dashes, bullets and spaces with GSM-7 characters."""
    return text.translate(GSM7_TRANSLATION)


def plain_text(text: str) -> str:
    """Markdown links written out as "title (address)", emphasis removed."""
    text = MARKDOWN_LINK.sub(r"\1 (\2)", text)
    return MARKDOWN_EMPHASIS.sub(r"\2", text)


def button_menu(buttons: Sequence[Dict[str, Any]], language: str = ENGLISH) -> str:
    """The numbered list that stands for quick replies: "Reply 1 for ...", one per line."""
    line = MENU_LINE.in_language(language)
    return "\n".join(
        line.format(number=number, title=plain_text(str(button.get("title", ""))))
        for number, button in enumerate(buttons, start=1)
    )


def last_buttons(messages: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The quick replies of the last message that has any: the ones a number answers."""
    for message in reversed(messages):
        buttons = message.get("buttons") or message.get("quick_replies")
        if buttons:
            return [button for button in buttons if isinstance(button, dict)]
    return []


def payload_for_number(reply: str, buttons: Sequence[Dict[str, Any]]) -> Optional[str]:
    """The payload of the button a reply like "1" or "2." picks, if it picks one."""
    match = NUMBER_REPLY.fullmatch(reply)
    if not match:
        return None
    number = int(match.group(1))
    if 1 <= number <= len(buttons):
        payload = buttons[number - 1].get("payload")
        return str(payload) if payload else None
    return None


def payload_for_title(reply: str, buttons: Sequence[Dict[str, Any]]) -> Optional[str]:
    """The payload of the quick reply whose title the person typed ("no estoy a salvo").

    Accents, case, curly quotes and end punctuation do not matter; anything more than the
    title is a message of its own and is read as one.
    """
    typed = _comparable(reply)
    for button in buttons:
        if typed and typed == _comparable(str(button.get("title") or "")):
            payload = button.get("payload")
            return str(payload) if payload else None
    return None


def _comparable(text: str) -> str:
    """Lower case, without accents, curly quotes or the punctuation around the words."""
    return " ".join(fold(straighten_quotes(text)).strip(" .!?¿¡").split())


def answer_text(messages: Sequence[Dict[str, Any]], language: str = ENGLISH) -> str:
    """One plain-text answer from the collected bot messages, with the menu at its end."""
    buttons = last_buttons(messages)
    parts: List[str] = []
    for message in messages:
        text = message.get("text")
        if isinstance(text, str) and text.strip():
            parts.append(plain_text(text.strip()))
        image = message.get("image")
        if isinstance(image, str) and image:
            parts.append(image)
    if buttons:
        parts.append(button_menu(buttons, language))
    return to_gsm7("\n\n".join(parts))


def split_for_sms(text: str, segments: int = PREFERRED_SEGMENTS) -> List[str]:
    """Split at paragraphs and sentences into texts of at most `segments` segments each.

    Each text is counted as it will be sent: in GSM-7, or in UCS-2 when it holds a
    character GSM-7 lacks (then a segment holds 67 instead of 153). A single longer
    sentence is cut at spaces. No text is longer than Twilio's 1,600 characters.
    """
    budget = TextBudget(segments)
    texts: List[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        for index, piece in enumerate(_pieces(paragraph.strip(), budget)):
            if index == 0 and texts and budget.holds(f"{texts[-1]}\n\n{piece}"):
                texts[-1] = f"{texts[-1]}\n\n{piece}"
            else:
                texts.append(piece)
    return [part for part in texts if part]


@dataclass(frozen=True)
class TextBudget:
    """How much one text message may hold: a number of segments, and Twilio's limit."""

    segments: int

    def holds(self, text: str) -> bool:
        """Whether `text` fits in one text message of this size."""
        return len(text) <= MAX_SMS_CHARACTERS and segment_count(text) <= self.segments


def _pieces(paragraph: str, budget: TextBudget) -> List[str]:
    """A paragraph in pieces that each fit.

    Breaks fall between sentences or lines; lines keep their line breaks.
    """
    if budget.holds(paragraph):
        return [paragraph] if paragraph else []
    pieces: List[str] = []
    current = ""
    tokens = SENTENCE_BREAK.split(paragraph)
    separators = ["", *tokens[1::2]]
    for sentence, separator in zip(tokens[::2], separators, strict=True):
        joiner = "\n" if "\n" in separator else " "
        for chunk in _cut(sentence, budget):
            if current and budget.holds(f"{current}{joiner}{chunk}"):
                current = f"{current}{joiner}{chunk}"
            else:
                if current:
                    pieces.append(current)
                current = chunk
            joiner = " "
    if current:
        pieces.append(current)
    return pieces


def _cut(sentence: str, budget: TextBudget) -> List[str]:
    """A sentence too long for one text, cut at spaces (or anywhere, for one long word)."""
    chunks: List[str] = []
    while not budget.holds(sentence):
        longest = _longest_fitting_prefix(sentence, budget)
        cut = sentence.rfind(" ", 0, longest + 1)
        if cut <= 0:
            cut = longest
        chunks.append(sentence[:cut].rstrip())
        sentence = sentence[cut:].lstrip()
    if sentence:
        chunks.append(sentence)
    return chunks


def _longest_fitting_prefix(text: str, budget: TextBudget) -> int:
    """The length of the longest start of `text` that fits (at least one character)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if budget.holds(text[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def sms_texts(messages: Sequence[Dict[str, Any]], language: str = ENGLISH) -> List[str]:
    """The texts to send for one turn; an answer that mentions 988 has it in the first."""
    texts = split_for_sms(answer_text(messages, language))
    if texts and any(CRISIS_LINE in t for t in texts) and CRISIS_LINE not in texts[0]:
        texts.insert(0, CRISIS_LINE_FIRST.in_language(language))
    return texts
