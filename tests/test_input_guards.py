"""The input guards in the NLU pipeline, on their own."""

import pytest
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from assistant.components.input_guards import (
    MessageCleaner,
    TextlessMessageClassifier,
    has_letters,
    strip_markup,
    trim_at_word,
)
from assistant.typography import straighten_quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert('x')</script>", ""),
        ("<SCRIPT src=x>steal()</SCRIPT> what is hospice", "what is hospice"),
        ("<style>p {color: red}</style>hi", "hi"),
        ("<b>what</b> is <i>palliative</i> care", "what is palliative care"),
        ("<img src=x onerror=alert(1)>help", "help"),
        ("I <3 my nurses", "I <3 my nurses"),
        ("pain is < 5 out of 10", "pain is < 5 out of 10"),
        ("no markup at all", "no markup at all"),
    ],
)
def test_strip_markup(text: str, expected: str) -> None:
    assert strip_markup(text) == expected


def test_trim_at_word_keeps_whole_words() -> None:
    text = "palliative care " * 200
    trimmed = trim_at_word(text, 1000)
    assert len(trimmed) <= 1000
    assert trimmed.endswith("care") or trimmed.endswith("palliative")
    assert trim_at_word("short", 1000) == "short"
    assert len(trim_at_word("x" * 5000, 1000)) == 1000


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", False), ("  ", False), ("😢😢", False), ("???", False), ("911", False), ("ok", True)],
)
def test_has_letters(text: str, expected: bool) -> None:
    assert has_letters(text) is expected
    assert has_letters("mamá") and has_letters("你好")


def test_cleaner_changes_only_what_the_pipeline_reads() -> None:
    cleaner = MessageCleaner({"max_characters": 50})
    long_message = Message(data={TEXT: "my mom " * 100})
    markup = Message(data={TEXT: "<b>hello</b>"})
    plain = Message(data={TEXT: "what is hospice"})
    cleaner.process([long_message, markup, plain])
    assert len(long_message.get(TEXT)) <= 50
    assert markup.get(TEXT) == "hello"
    assert plain.get(TEXT) == "what is hospice"


def test_cleaner_straightens_the_quotes_phones_type() -> None:
    curly = Message(data={TEXT: "I\u2019m done, I can\u2019t \u201cdo\u201d this"})
    MessageCleaner({"max_characters": 1000}).process([curly])
    assert curly.get(TEXT) == "I'm done, I can't \"do\" this"
    # Accented letters stay; the accent key typed as an apostrophe is one.
    assert straighten_quotes("mamá dice q\u00b4 no sé") == "mamá dice q' no sé"


def test_textless_messages_go_to_the_fallback() -> None:
    emoji = Message(data={TEXT: "😢", INTENT: {"name": "other_language", "confidence": 0.9}})
    words = Message(data={TEXT: "hi", INTENT: {"name": "greet", "confidence": 0.9}})
    TextlessMessageClassifier().process([emoji, words])
    assert emoji.get(INTENT) == {"name": "nlu_fallback", "confidence": 1.0}
    assert words.get(INTENT)["name"] == "greet"
