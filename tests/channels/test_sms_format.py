"""Answers turned into texts: menus, plain GSM-7 text, sentence-sized pieces, 988 first."""

from assistant.channels.sms_format import (
    GSM7_CHARACTERS,
    MAX_SMS_CHARACTERS,
    PREFERRED_SEGMENTS,
    payload_for_number,
    payload_for_title,
    segment_count,
    sms_texts,
    split_for_sms,
    to_gsm7,
)

BUTTONS = [
    {"title": "I’m safe right now", "payload": "/say_safe"},
    {"title": "I'm not safe", "payload": "/not_safe"},
]


def test_quick_replies_become_a_numbered_menu_without_payloads() -> None:
    texts = sms_texts([{"text": "Are you safe right now?", "buttons": BUTTONS}])
    assert texts == [
        "Are you safe right now?\n\nReply 1 for I'm safe right now\nReply 2 for I'm not safe"
    ]
    assert "/say_safe" not in texts[0]


def test_a_number_picks_the_payload_of_that_quick_reply() -> None:
    assert payload_for_number("1", BUTTONS) == "/say_safe"
    assert payload_for_number(" 2. ", BUTTONS) == "/not_safe"
    assert payload_for_number("#2", BUTTONS) == "/not_safe"
    assert payload_for_number("3", BUTTONS) is None
    assert payload_for_number("0", BUTTONS) is None
    assert payload_for_number("12 pills", BUTTONS) is None
    assert payload_for_number("1", []) is None


def test_a_quick_replys_title_typed_out_picks_its_payload() -> None:
    spanish = [{"title": "No estoy a salvo", "payload": "/not_safe"}]
    assert payload_for_title("I'm not safe", BUTTONS) == "/not_safe"
    assert payload_for_title("i’m safe right now.", BUTTONS) == "/say_safe"
    assert payload_for_title("no estoy a salvo", spanish) == "/not_safe"
    assert payload_for_title("¡No éstoy a salvo!", spanish) == "/not_safe"
    assert payload_for_title("I'm not safe at all tonight", BUTTONS) is None
    assert payload_for_title("", BUTTONS) is None


def test_typographic_characters_become_gsm7() -> None:
    text = to_gsm7("It’s “palliative” care — not hospice… • really\u00a0now")
    assert text == 'It\'s "palliative" care - not hospice... - really now'
    assert set(text) <= GSM7_CHARACTERS


def test_markdown_is_written_out_as_plain_text() -> None:
    texts = sms_texts([{"text": "See **this** [guide](https://example.org/guide)."}])
    assert texts == ["See this guide (https://example.org/guide)."]


def test_short_answers_from_several_messages_share_one_text() -> None:
    texts = sms_texts([{"text": "First part."}, {"text": "Second part."}])
    assert texts == ["First part.\n\nSecond part."]


def test_long_answers_split_between_sentences_into_short_texts() -> None:
    sentences = [f"Sentence number {n} says something useful about care." for n in range(60)]
    texts = split_for_sms(" ".join(sentences))
    assert 2 < len(texts) < 10
    assert all(segment_count(text) <= PREFERRED_SEGMENTS for text in texts)
    assert all(text.endswith(".") for text in texts)
    assert " ".join(texts) == " ".join(sentences)


def test_segments_are_counted_as_twilio_counts_them() -> None:
    assert segment_count("a" * 160) == 1
    assert segment_count("a" * 161) == 2
    assert segment_count("a" * 306) == 2
    # "€" and "[" take two septets each.
    assert segment_count("€" * 80) == 1
    assert segment_count("€" * 81) == 2
    # One letter outside GSM-7 makes the whole text UCS-2: 70 to a text, 67 to a segment.
    assert segment_count("í" + "a" * 69) == 1
    assert segment_count("í" + "a" * 70) == 2
    assert segment_count("í" + "a" * 134) == 3
    # An emoji is two UCS-2 units, and is never cut between two segments.
    assert segment_count("\U0001f49c" * 35) == 1
    assert segment_count("\U0001f49c" * 36) == 2
    assert segment_count("\U0001f49c" * 67) == 3
    assert segment_count("a" * 152 + "€" * 230) == 5
    # A lone surrogate (never from Twilio, but possible in a bot's text) is counted too.
    assert segment_count("a\ud83d") == 1


def test_no_text_is_longer_than_four_segments_whatever_it_holds() -> None:
    for text in (
        "\U0001f49c" * 300,
        "a" + "\U0001f49c" * 400,
        "a" * 152 + "€" * 900,
        " ".join(["Sí, \U0001f49c [nota] cuídate."] * 120),
    ):
        texts = split_for_sms(text)
        assert all(segment_count(piece) <= PREFERRED_SEGMENTS for piece in texts)
        assert "".join(texts).replace(" ", "") == text.replace(" ", "")


def test_each_text_is_counted_in_its_own_encoding() -> None:
    sentences = " ".join(f"Sentence {n} is plain English about care." for n in range(40))
    texts = split_for_sms(f"Sí.\n\n{sentences}")
    # "Sí." alone needs UCS-2; the English after it still goes in long GSM-7 texts.
    assert len(texts) <= len(split_for_sms(sentences)) + 1


def test_accented_letters_are_kept_and_counted_in_ucs2_segments() -> None:
    sentence = "El equipo de cuidados paliativos también ayuda a la familia, día y noche."
    texts = sms_texts([{"text": " ".join([sentence] * 20)}])
    assert "también" in texts[0] and "día" in texts[0]
    assert all(segment_count(text) <= PREFERRED_SEGMENTS for text in texts)
    assert all(len(text) <= PREFERRED_SEGMENTS * 67 for text in texts)
    assert " ".join(texts) == " ".join([sentence] * 20)
    # The same length in GSM-7 letters goes in fewer, longer texts.
    plain = sentence.replace("í", "i").replace("é", "e")
    assert len(split_for_sms(" ".join([plain] * 20))) < len(texts)


def test_lists_keep_their_line_breaks() -> None:
    text = "Please reach out:\n- Call or text 988.\n- Or text HOME to 741741."
    assert split_for_sms(text) == [text]


def test_one_endless_word_is_cut_below_twilios_limit() -> None:
    texts = split_for_sms("x" * 5000, segments=20)
    assert all(len(text) <= MAX_SMS_CHARACTERS for text in texts)
    assert "".join(texts) == "x" * 5000


def test_an_answer_that_mentions_988_has_it_in_the_first_text() -> None:
    long_start = " ".join(["You matter and this is hard."] * 40)
    texts = sms_texts([{"text": f"{long_start}\n\nCall or text 988 any time."}])
    assert len(texts) > 1
    assert "988" in texts[0]


def test_empty_answers_send_nothing() -> None:
    assert sms_texts([]) == []
    assert sms_texts([{"text": "   "}, {"custom": {"x": 1}}]) == []


def test_a_spanish_answer_gets_a_spanish_menu_and_988s_spanish_line_first() -> None:
    buttons = [{"title": "¿Quién los da?", "payload": "/who_provides"}]
    long_start = " ".join(["Los cuidados paliativos ayudan con los síntomas."] * 12)
    texts = sms_texts(
        [{"text": f"{long_start}\n\nLlame al 988 y oprima el 2.", "buttons": buttons}], "es"
    )
    assert texts[0].startswith("Si está en crisis, llame al 988 y oprima el 2")
    assert texts[-1].endswith("Responda 1: ¿Quién los da?")
    assert "Reply" not in " ".join(texts) and "í" in texts[1]
