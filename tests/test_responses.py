"""What the assistant says: sources, quick replies, contact details, safety lines."""

import json
import re
from typing import Any, Dict, List

import pytest

from tests.domain_content import (
    PHONE_NUMBER,
    SHORT_CODE,
    WEB_ADDRESS,
    allowed_phone_numbers,
    allowed_short_codes,
    allowed_web_addresses,
    as_sent,
    digits,
    domain_entities,
    intents,
    language_of,
    responses,
    source_documents,
    text_in,
)

# Answers to the topics of the issue: each ends with 2 to 4 quick replies.
TOPIC_ANSWERS = [
    "utter_what_is_palliative_care",
    "utter_palliative_vs_hospice",
    "utter_palliative_with_treatment",
    "utter_palliative_means_dying",
    "utter_when_to_ask",
    "utter_how_to_ask",
    "utter_who_provides",
    "utter_where_provided",
    "utter_symptom_relief",
    "utter_symptom_pain",
    "utter_symptom_fatigue",
    "utter_symptom_swelling",
    "utter_symptom_sleep",
    "utter_symptom_intimacy",
    "utter_symptom_mood",
    "utter_symptom_body_image",
    "utter_emotional_support",
    "utter_caregiver_support",
    "utter_counseling",
    "utter_support_groups",
    "utter_care_coordination",
    "utter_decision_making",
    "utter_advance_care_planning",
    "utter_treatment_stops",
    "utter_cost_insurance",
    "utter_talk_to_person",
    "utter_about_crisis_lines",
    "utter_medical_advice",
]
# Answers that state facts from a source document must name it.
# Their contact details are checked against sources/national_resources.yml instead.
UNSOURCED_TOPIC_ANSWERS = {
    "utter_cost_insurance",
    "utter_talk_to_person",
    "utter_about_crisis_lines",
    "utter_medical_advice",
}


def all_variations() -> List[tuple]:
    return [
        (name, variation) for name, variations in responses().items() for variation in variations
    ]


@pytest.mark.parametrize("name", TOPIC_ANSWERS)
def test_topic_answer_ends_with_two_to_four_quick_replies(name: str) -> None:
    for variation in responses()[name]:
        assert 2 <= len(variation.get("buttons", [])) <= 4


@pytest.mark.parametrize("name", sorted(set(TOPIC_ANSWERS) - UNSOURCED_TOPIC_ANSWERS))
def test_factual_answer_names_its_source(name: str) -> None:
    for variation in responses()[name]:
        last_line = variation["text"].strip().splitlines()[-1]
        assert re.match(r"(Sources?|Fuentes?): ", last_line)
        named = re.split(r"[;,]\s*|\s+and\s+", last_line.split(": ", 1)[1].rstrip("."))
        assert named and set(named) <= source_documents()


@pytest.mark.parametrize(("name", "variation"), all_variations())
def test_buttons_lead_to_known_intents(name: str, variation: Dict[str, Any]) -> None:
    for button in as_sent(variation).get("buttons", []):
        intent, _, entities = button["payload"].partition("{")
        assert intent.startswith("/")
        assert intent[1:] in intents()
        if entities:
            assert set(json.loads("{" + entities)) <= set(domain_entities())
        assert 0 < len(button["title"]) <= 40


@pytest.mark.parametrize(("name", "variation"), all_variations())
def test_filling_an_answer_logs_nothing_and_leaves_no_braces(
    name: str, variation: Dict[str, Any], capfd: pytest.CaptureFixture[str]
) -> None:
    sent = as_sent(variation)
    out, err = capfd.readouterr()
    assert out == err == ""
    assert "{{" not in json.dumps(sent) and "0[" not in json.dumps(sent)


@pytest.mark.parametrize(("name", "variation"), all_variations())
def test_contact_details_come_from_the_national_resources(
    name: str, variation: Dict[str, Any]
) -> None:
    text = variation["text"]
    for number in PHONE_NUMBER.findall(text):
        assert digits(number) in allowed_phone_numbers(), number
    for code in SHORT_CODE.findall(text):
        assert code in allowed_short_codes()


@pytest.mark.parametrize(("name", "variation"), all_variations())
def test_answers_are_short_chat_messages(name: str, variation: Dict[str, Any]) -> None:
    assert len(variation["text"]) <= 900
    for paragraph in variation["text"].split("\n\n"):
        lines = paragraph.strip().splitlines()
        if all(line.startswith("- ") for line in lines):
            assert all(len(line) <= 160 for line in lines), paragraph
        else:
            assert len(paragraph) <= 350, paragraph


def test_greeting_says_it_is_automated_gives_no_medical_advice_and_names_911() -> None:
    text = next(v["text"] for v in responses()["utter_greet"] if "condition" not in v)
    assert "automated assistant" in text
    assert "can't give medical advice" in text
    assert "call 911" in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_talk_to_person_lists_every_helpline_and_the_crisis_line(language: str) -> None:
    text = text_in("utter_talk_to_person", language)
    for helpline in (
        "Komen",
        "CancerCare",
        "Living Beyond Breast Cancer",
        "Cancer Support",
        "SHARE",
    ):
        assert helpline in text
    assert "988" in text and "911" in text
    if language == "es":
        assert "oprima el 2" in text and "AYUDA" in text
    else:
        assert "Hours change" in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_crisis_lines_answer_says_how_to_reach_each_line_and_when_to_call_911(
    language: str,
) -> None:
    text = text_in("utter_about_crisis_lines", language)
    assert "988lifeline.org" in text and "HOME" in text and "741741" in text
    # The Spanish line in both languages: a Spanish speaker may be reading either.
    assert "llame al 988 y oprima el 2, o envíe AYUDA por mensaje de texto al 988" in text
    assert "911" in text
    if language == "en":
        assert "Call or text 988" in text and "24/7" in text
        assert "worried about someone else" in text
    else:
        assert "a cualquier hora" in text and "preocupados por otra persona" in text


def test_the_crisis_lines_answer_says_nothing_the_national_resources_do_not() -> None:
    # Neither cost nor privacy is stated for 988 or the Crisis Text Line: the answer says neither.
    unstated = ["free", "confidential", "anonymous", "no cost", "gratis", "gratuit"]
    unstated += ["confidencial", "anónim", "sin costo", "no cuesta", "privad"]
    for variation in responses()["utter_about_crisis_lines"]:
        assert [word for word in unstated if word in variation["text"].lower()] == []


def test_after_an_emergency_the_crisis_lines_answer_says_911_first() -> None:
    after_an_emergency = [
        variation
        for variation in responses()["utter_about_crisis_lines"]
        if {"type": "slot", "name": "emergency_in_conversation", "value": True}
        in variation.get("condition", [])
    ]
    assert len(after_an_emergency) == 2  # English and Spanish
    for variation in after_an_emergency:
        first = variation["text"].split("\n\n")[0]
        assert "911" in first and first.index("911") < first.index("988")


def test_medical_advice_is_declined_and_sent_to_the_care_team() -> None:
    text = text_in("utter_medical_advice", "en")
    assert "can't give medical advice" in text
    assert "care team" in text
    spanish = text_in("utter_medical_advice", "es")
    assert "consejos médicos" in spanish and "equipo de atención médica" in spanish


def test_no_answer_mentions_a_dose() -> None:
    dose = re.compile(r"\b\d+\s?(mg|mcg|ml|milligrams?)\b", re.IGNORECASE)
    assert [name for name, v in all_variations() if dose.search(v["text"])] == []


def test_asking_to_rephrase_names_911_and_988_only_in_the_supportive_variant() -> None:
    for language in ("en", "es"):
        plain = text_in("utter_please_rephrase", language)
        supportive = text_in("utter_please_rephrase_with_support", language)
        assert "911" in plain and "988" not in plain
        assert "911" in supportive and "988" in supportive


def test_the_other_language_answer_names_988_in_spanish_only_in_its_supportive_variant() -> None:
    plain = responses()["utter_other_language"][0]["text"]
    supportive = responses()["utter_other_language_with_support"][0]["text"]
    assert "988" not in plain
    # The Spanish line first: call 988 and press 2, or text AYUDA to 988; then 911.
    assert supportive.startswith(
        "Si usted o alguien a quien quiere está pensando en quitarse la vida"
    )
    assert "llame al 988 y oprima el 2, o envíe AYUDA por mensaje de texto al 988" in supportive
    assert "911" in supportive and "1-877-465-6636" in supportive


def test_after_a_crisis_every_conversational_answer_keeps_988_in_view() -> None:
    crisis_variants = [
        (name, variation)
        for name, variations in responses().items()
        for variation in variations
        if any(c.get("name") == "crisis_in_conversation" for c in variation.get("condition", []))
    ]
    assert {name for name, _ in crisis_variants} == {
        "utter_acknowledge", "utter_thank", "utter_goodbye", "utter_greet",
    }  # fmt: skip
    after_a_crisis = [
        variation
        for _, variation in crisis_variants
        if {"name": "crisis_in_conversation", "type": "slot", "value": True}
        in variation["condition"]
    ]
    assert len(after_a_crisis) == 2 * 4  # English and Spanish
    assert all("988" in variation["text"] for variation in after_a_crisis)


def test_distress_answer_offers_people_but_not_the_crisis_line() -> None:
    text = text_in("utter_distress", "en")
    assert "988" not in text and "911" not in text
    assert "social workers" in text and "counselors" in text
    spanish = text_in("utter_distress", "es")
    assert "988" not in spanish and "911" not in spanish


@pytest.mark.parametrize(("name", "variation"), all_variations())
def test_web_addresses_are_from_the_national_resources(
    name: str, variation: Dict[str, Any]
) -> None:
    for address in WEB_ADDRESS.findall(variation["text"]):
        assert address.lower() in allowed_web_addresses(), address


# Answers that exist only for languages the assistant does not speak.
NOT_IN_SPANISH = {"utter_other_language", "utter_other_language_with_support"}


def conditions_of(variation: Dict[str, Any]) -> Dict[str, Any]:
    """Its conditions as slot -> value, the language included (English by default)."""
    found = {c["name"]: c["value"] for c in variation.get("condition", [])}
    return {**found, "language": language_of(variation)}


@pytest.mark.parametrize("name", sorted(set(responses()) - NOT_IN_SPANISH))
def test_every_answer_has_a_spanish_version_with_the_same_quick_replies(name: str) -> None:
    variations = responses()[name]
    english = [v for v in variations if language_of(v) == "en"]
    spanish = [v for v in variations if language_of(v) == "es"]
    assert len(spanish) == len(english)
    for en, es in zip(english, spanish, strict=True):
        payloads = [b["payload"] for b in en.get("buttons", [])]
        assert [b["payload"] for b in es.get("buttons", [])] == payloads or (
            # The greeting offers the other language.
            name == "utter_greet" and [b["payload"] for b in es["buttons"]][:-1] == payloads[:-1]
        )
        # The same other conditions; `false` (the slot's initial value) on the Spanish side
        # is what the English variation without conditions stands for.
        assert {
            k: v for k, v in conditions_of(es).items() if k != "language" and v is not False
        } == {k: v for k, v in conditions_of(en).items() if k != "language"}


@pytest.mark.parametrize("name", sorted(responses()))
def test_no_two_variations_can_be_chosen_for_the_same_slots(name: str) -> None:
    """Rasa picks at random among the variations whose conditions all hold."""
    conditional = [conditions_of(v) for v in responses()[name] if v.get("condition")]
    for i, first in enumerate(conditional):
        for second in conditional[i + 1 :]:
            shared = first.keys() & second.keys()
            assert any(first[slot] != second[slot] for slot in shared), (first, second)
    if len(responses()[name]) > len(conditional):
        # The variation without conditions is English; no English one may be conditional
        # on the language alone.
        assert {"language": "en"} not in conditional


def test_spanish_safety_answers_name_988_in_spanish() -> None:
    for name in ("utter_crisis_self", "utter_crisis_someone_else", "utter_talk_to_person"):
        text = text_in(name, "es")
        assert "988 y oprima el 2" in text and "AYUDA" in text, name
    assert "911" in text_in("utter_medical_emergency", "es")
