"""Finding providers near a place, over REST against the real servers and the demo directory."""

import time

import pytest

from tests.e2e.conversation import new_sender, say, texts

pytestmark = pytest.mark.model

ASK_PLACE = "Where should I look?"
CALL_AHEAD = "Please call ahead to check"


def test_it_asks_where_then_lists_the_nearest(rasa_url: str) -> None:
    sender = new_sender()
    question = texts(say(rasa_url, sender, "is there any hospice around here? my husband needs it"))
    assert ASK_PLACE in question
    answer = texts(say(rasa_url, sender, "we're in Houston"))
    assert "near Houston, TX (hospice)" in answer
    assert "1. Example Houston Home Hospice and Palliative Care" in answer
    assert "Phone: 713-555-01" in answer
    assert "not a real provider" in answer
    assert answer.rstrip().endswith("if they take your insurance.")


def test_kind_and_place_in_one_message(rasa_url: str) -> None:
    answer = texts(say(rasa_url, new_sender(), "palliative care in Austin, Texas please"))
    assert "near Austin, TX (palliative care)" in answer
    assert "Example Austin Palliative Care Clinic" in answer
    assert CALL_AHEAD in answer


def test_a_new_place_instead_searches_there_for_the_same_kind(rasa_url: str) -> None:
    sender = new_sender()
    assert "near 60614 (Chicago, IL) (palliative care)" in texts(
        say(rasa_url, sender, "find palliative care near 60614")
    )
    answer = texts(say(rasa_url, sender, "what about Austin, TX instead"))
    assert "near Austin, TX (palliative care)" in answer
    assert "Example Austin Palliative Care Clinic" in answer


def test_a_city_alone_after_the_results_searches_there(rasa_url: str) -> None:
    sender = new_sender()
    assert "near 60614 (Chicago, IL) (palliative care)" in texts(
        say(rasa_url, sender, "find palliative care near 60614")
    )
    houston = texts(say(rasa_url, sender, "Houston"))
    assert "near Houston, TX (palliative care)" in houston and "Chicago" not in houston
    dallas = texts(say(rasa_url, sender, "what about Dallas instead"))
    assert "near Dallas, TX (palliative care)" in dallas


def test_a_zip_code_alone_starts_a_search_or_moves_the_last_one(rasa_url: str) -> None:
    sender = new_sender()
    assert "What kind of help" in texts(say(rasa_url, sender, "78701"))
    assert "near 78701 (Austin, TX) (hospice)" in texts(say(rasa_url, sender, "hospice"))
    moved = texts(say(rasa_url, sender, "80202"))
    assert "near 80202 (Denver, CO) (hospice)" in moved and "Austin" not in moved


def test_what_about_another_kind_after_results_searches_the_same_place(rasa_url: str) -> None:
    sender = new_sender()
    assert "near Denver, CO (hospice)" in texts(say(rasa_url, sender, "hospice near Denver"))
    answer = texts(say(rasa_url, sender, "what about counseling?"))
    assert "near Denver, CO (counseling)" in answer
    assert "Example Denver Cancer Counseling Center" in answer
    groups = texts(say(rasa_url, sender, "and a support group instead"))
    assert "near Denver, CO (support group)" in groups


def test_what_about_hospice_without_a_search_is_answered(rasa_url: str) -> None:
    sender = new_sender()
    assert "palliative care" in texts(say(rasa_url, sender, "/what_is_palliative_care")).lower()
    answer = texts(say(rasa_url, sender, "what about hospice?"))
    assert "not the same" in answer and CALL_AHEAD not in answer


def test_a_place_right_after_a_topic_searches_for_that_topics_kind(rasa_url: str) -> None:
    sender = new_sender()
    assert "place to belong" in texts(say(rasa_url, sender, "/support_groups"))
    answer = texts(say(rasa_url, sender, "can you find one in San Antonio, Texas"))
    assert "near San Antonio, TX (support group)" in answer


def test_where_after_support_groups_searches_for_a_group(rasa_url: str) -> None:
    sender = new_sender()
    assert "place to belong" in texts(say(rasa_url, sender, "/support_groups"))
    assert ASK_PLACE in texts(say(rasa_url, sender, "ok where?"))
    assert "near 78701 (Austin, TX) (support group)" in texts(say(rasa_url, sender, "78701"))


def test_it_asks_what_kind_and_pages_through_results(rasa_url: str) -> None:
    sender = new_sender()
    assert "What kind of help" in texts(say(rasa_url, sender, "I need to find some local help"))
    assert ASK_PLACE in texts(say(rasa_url, sender, "not sure"))
    first = say(rasa_url, sender, "Chicago, IL")
    assert [texts(first).count(f"{n}. Example Chicago") for n in (1, 2, 3, 4)] == [1, 1, 1, 0]
    assert [b["payload"] for m in first for b in m.get("buttons", [])][0] == "/show_more", first
    more = texts(say(rasa_url, sender, "any others?"))
    assert "4. Example Chicago" in more
    assert "That's everything" in texts(say(rasa_url, sender, "/show_more"))


def test_an_ambiguous_city_offers_states_and_says_when_nothing_is_near(rasa_url: str) -> None:
    sender = new_sender()
    question = say(rasa_url, sender, "find a counselor in Springfield")
    assert "more than one Springfield" in texts(question)
    payloads = [button["payload"] for button in question[-1]["buttons"]]
    assert '/inform{"place": "Springfield, MO"}' in payloads
    answer = texts(say(rasa_url, sender, '/inform{"place": "Springfield, MO"}'))
    assert "didn't find any counseling within 100 miles of Springfield, MO" in answer
    assert "getpalliativecare.org" in answer
    assert "800-813-HOPE (4673)" in answer


def test_two_unknown_places_lead_to_the_national_directory(rasa_url: str) -> None:
    sender = new_sender()
    first = texts(say(rasa_url, sender, "hospice in Narnia"))
    assert "couldn't find that place" in first
    second = texts(say(rasa_url, sender, "Atlantis"))
    assert "still couldn't find that place" in second
    assert "getpalliativecare.org" in second


def test_a_question_mid_search_is_answered_and_the_kind_can_change(rasa_url: str) -> None:
    sender = new_sender()
    assert ASK_PLACE in texts(say(rasa_url, sender, "find a support group near me"))
    answer = texts(say(rasa_url, sender, "wait, how is hospice different from palliative care?"))
    assert "not the same" in answer
    assert ASK_PLACE in answer
    assert ASK_PLACE in texts(say(rasa_url, sender, "actually I'd rather have a counselor"))
    result = texts(say(rasa_url, sender, "Denver"))
    assert "near Denver, CO (counseling)" in result
    assert "Example Denver Cancer Counseling Center" in result


def test_giving_up_mid_search_stops_it(rasa_url: str) -> None:
    sender = new_sender()
    assert ASK_PLACE in texts(say(rasa_url, sender, "look up hospices for me"))
    assert "stopped the search" in texts(say(rasa_url, sender, "never mind, forget it"))
    assert "extra layer of support" in texts(say(rasa_url, sender, "what is palliative care?"))


def test_a_thank_you_while_it_asks_ends_the_search(rasa_url: str) -> None:
    sender = new_sender()
    assert ASK_PLACE in texts(say(rasa_url, sender, "look up counselors for me"))
    answer = texts(say(rasa_url, sender, "thanks, that's all I needed"))
    assert answer.startswith("You're very welcome") and ASK_PLACE not in answer
    assert "extra layer of support" in texts(say(rasa_url, sender, "what is palliative care?"))


@pytest.mark.parametrize(
    "place",
    ["😀", "'; DROP TABLE providers; --", "<script>alert(1)</script>", "Narnia " * 800, "00000"],
)
def test_a_bad_place_gets_a_kind_answer_quickly(rasa_url: str, place: str) -> None:
    sender = new_sender()
    assert ASK_PLACE in texts(say(rasa_url, sender, "find palliative care near me"))
    started = time.monotonic()
    answer = texts(say(rasa_url, sender, place))
    assert time.monotonic() - started < 2.0
    assert "couldn't find that" in answer or "rephrase" in answer
    assert "Traceback" not in answer and "<script>" not in answer
    assert "Example Chicago" in texts(say(rasa_url, sender, "60614"))


def test_a_question_about_988_during_a_search_is_answered_and_the_search_goes_on(
    rasa_url: str,
) -> None:
    sender = new_sender()
    assert ASK_PLACE in texts(say(rasa_url, sender, "I need a hospice for my dad"))
    answer = texts(say(rasa_url, sender, "sorry, quick question, can you text 988 or only call?"))
    assert "Call or text 988" in answer and "HOME to 741741" in answer
    assert ASK_PLACE in answer
    assert "near Houston, TX (hospice)" in texts(say(rasa_url, sender, "Houston"))
