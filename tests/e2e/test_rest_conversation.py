"""Talk to the real servers over HTTP, as the website and SMS channels will."""

import time
import uuid
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from assistant.channels.conversation_ids import rest_conversation_id
from tests.e2e.conversation import MAX_TURNS_PER_SESSION, new_sender, say, texts
from tests.harness.keys import REST_HEADERS

pytestmark = pytest.mark.model

KIND_ANSWER_SECONDS = 2.0


def test_a_conversation_across_topics(rasa_url: str) -> None:
    sender = new_sender()
    greeting = say(rasa_url, sender, "hello, a friend told me about this")
    assert "automated assistant" in texts(greeting)
    assert "911" in texts(greeting)
    assert [b["payload"] for b in greeting[0]["buttons"]][0] == "/what_is_palliative_care"

    answer = say(rasa_url, sender, "my mom's oncologist keeps saying palliative, what is it?")
    assert "extra layer of support" in texts(answer)
    assert "Source: GetPalliativeCare.org" in texts(answer)

    answer = say(rasa_url, sender, "/palliative_vs_hospice")
    assert "not the same" in texts(answer)


def test_a_follow_up_is_read_against_the_last_topic(rasa_url: str) -> None:
    sender = new_sender()
    say(rasa_url, sender, "/what_is_palliative_care")
    assert "team with special training" in texts(say(rasa_url, sender, "who does that?"))
    assert "doctor's office, in the hospital" in texts(say(rasa_url, sender, "and where"))
    say(rasa_url, sender, "/treatment_stops")
    assert "who gives hospice care" in texts(say(rasa_url, sender, "how do we start that"))


def sessions_started(server_logs: Path, sender: str) -> int:
    """How many sessions the conversation store holds for a REST sender."""
    engine = sa.create_engine(f"sqlite:///{server_logs}/conversations.sqlite3")
    with engine.connect() as connection:
        count = connection.execute(
            sa.text("SELECT count(*) FROM events WHERE sender_id = :id AND type_name = :type"),
            {"id": rest_conversation_id(sender), "type": "session_started"},
        ).scalar_one()
    engine.dispose()
    return int(count)


def test_a_long_conversation_goes_on_across_its_new_sessions(
    rasa_url: str, server_logs: Path
) -> None:
    # The message after a full session starts a new one: "thanks" here. The follow-up after
    # it still refers to the last topic of the full session, and the next one to that.
    sender = new_sender()
    questions = ["/palliative_vs_hospice", "/support_groups", "/what_is_palliative_care"]
    for number in range(MAX_TURNS_PER_SESSION - 1):
        say(rasa_url, sender, questions[number % len(questions)])
    assert "extra layer of support" in texts(say(rasa_url, sender, "/what_is_palliative_care"))
    assert sessions_started(server_logs, sender) == 1
    say(rasa_url, sender, "thanks so much")
    assert sessions_started(server_logs, sender) == 2
    assert "team with special training" in texts(say(rasa_url, sender, "who does that?"))
    assert "doctor's office, in the hospital" in texts(say(rasa_url, sender, "and where"))


def test_after_an_emergency_that_fills_a_session_what_to_do_gets_911_again(
    rasa_url: str, server_logs: Path
) -> None:
    # The question after it starts a new session, which carries the emergency answer as
    # its previous turn for the rule that reads it.
    sender = new_sender()
    for _ in range(MAX_TURNS_PER_SESSION - 1):
        say(rasa_url, sender, "/what_is_palliative_care")
    say(rasa_url, sender, "my mom passed out and now she won't wake up")
    answer = texts(say(rasa_url, sender, "should we just wait for her doctor to call back?"))
    assert sessions_started(server_logs, sender) == 2
    assert "call 911 now" in answer and "next visit" not in answer


def test_a_question_of_the_assistant_is_answered_across_a_full_session(rasa_url: str) -> None:
    sender = new_sender()
    for _ in range(MAX_TURNS_PER_SESSION - 1):
        say(rasa_url, sender, "/what_is_palliative_care")
    say(rasa_url, sender, "please delete my conversation")
    assert "deleted" in texts(say(rasa_url, sender, "/forget_conversation")).lower()


@pytest.mark.xfail(
    strict=True,
    reason="issue 11, not done: a follow-up that names a topic of its own is read on its own; "
    "the classifier takes 'quit chemo' for 'when treatment stops'",
)
def test_a_follow_up_with_a_topic_word_is_read_against_the_last_topic(rasa_url: str) -> None:
    sender = new_sender()
    say(rasa_url, sender, "/palliative_vs_hospice")
    answer = say(rasa_url, sender, "does she have to quit chemo for that??")
    assert "don't have to stop chemo" in texts(answer)


def test_medical_advice_is_declined(rasa_url: str) -> None:
    answer = say(rasa_url, new_sender(), "how many oxycodone can my wife take at night")
    assert "can't give medical advice" in texts(answer)
    assert "care team" in texts(answer)


def test_talk_to_a_person_gives_the_helplines(rasa_url: str) -> None:
    answer = texts(say(rasa_url, new_sender(), "honestly i'd just like a human to talk to"))
    assert "1-877-465-6636" in answer
    assert "988" in answer


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("", "say it another way"),
        ("   \n\t  ", "say it another way"),
        ("😢😢😢", "say it another way"),
        ("🙂", "say it another way"),
        ("<script>alert('x')</script>", "say it another way"),
        ("<b>hello</b> <img src=x onerror=alert(1)>", None),
        ("Qu'est-ce que les soins palliatifs ? Ma mère a un cancer.", "English and Spanish"),
        ("¿Qué es el cuidado paliativo? Mi madre tiene cáncer.", "Los cuidados paliativos son"),
        ("asdkjh qwpoeiru zmxncb", ("say it another way", "outside what I can help with")),
        ("palliative " * 2000, None),
        ("x" * 20000, None),
    ],
)
def test_bad_input_gets_a_kind_answer_quickly(
    rasa_url: str, message: str, expected: str | tuple | None
) -> None:
    sender = new_sender()
    started = time.monotonic()
    answer = say(rasa_url, sender, message)
    elapsed = time.monotonic() - started

    assert elapsed < KIND_ANSWER_SECONDS
    assert answer, "the assistant must always answer"
    reply = texts(answer)
    assert "Traceback" not in reply and "<script" not in reply and "onerror" not in reply
    if expected:
        alternatives = expected if isinstance(expected, tuple) else (expected,)
        assert any(alternative in reply for alternative in alternatives), reply
    # The conversation goes on.
    follow_up = texts(say(rasa_url, sender, "who is on a palliative care team?"))
    assert "social workers" in follow_up


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[1, 2, 3]",
        b'"just a string"',
        b"",
        b'{"message": "hi"}',
        b'{"sender": "", "message": "hi"}',
        b'{"sender": 42, "message": "hi"}',
        b'{"sender": "a", "message": ["hi"]}',
        b'{"sender": "a", "message": "hi", "metadata": "x"}',
    ],
)
def test_malformed_requests_get_400_with_an_explanation(rasa_url: str, body: bytes) -> None:
    response = requests.post(
        f"{rasa_url}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json", **REST_HEADERS},
        timeout=30,
    )
    assert response.status_code == 400
    assert "must" in response.json()["error"]
    assert "Traceback" not in response.text


def test_a_deleted_conversation_is_gone(rasa_url: str) -> None:
    sender = new_sender()
    assert "Where should I look?" in texts(say(rasa_url, sender, "find hospice near me"))
    question = say(rasa_url, sender, "delete my conversation please")
    assert "Do you want me to delete this conversation?" in texts(question)
    assert [b["title"] for b in question[-1]["buttons"]] == ["Yes, delete it", "No, keep it"]
    assert "I've deleted this conversation" in texts(say(rasa_url, sender, "/forget_conversation"))
    fresh = texts(say(rasa_url, sender, "60614"))
    assert "Example" not in fresh  # the hospice search it had begun is forgotten


def test_a_typed_yes_deletes_the_conversation_and_a_typed_no_keeps_it(rasa_url: str) -> None:
    sender = new_sender()
    say(rasa_url, sender, "can you delete what I told you")
    assert "I've deleted this conversation" in texts(say(rasa_url, sender, "yes"))
    other = new_sender()
    say(rasa_url, other, "delete my conversation please")
    assert "I've kept our conversation" in texts(say(rasa_url, other, "no"))


def test_telling_a_situation_is_welcomed_without_a_suicide_question(rasa_url: str) -> None:
    sender = new_sender()
    say(rasa_url, sender, "hi")
    answer = texts(
        say(rasa_url, sender, "my partner found out last week that her cancer is metastatic")
    )
    assert answer.startswith("Thank you for telling me.")
    assert "ending your life" not in answer and "988" not in answer


def test_a_person_can_keep_the_conversation_and_read_the_privacy_notice(rasa_url: str) -> None:
    sender = new_sender()
    greeting = say(rasa_url, sender, "hi")
    assert "Your privacy" in [b["title"] for b in greeting[-1]["buttons"]]
    notice = texts(say(rasa_url, sender, "is this chat private?"))
    assert "30 days" in notice and "not encrypted" in notice
    say(rasa_url, sender, "erase my messages")
    assert "I've kept our conversation" in texts(say(rasa_url, sender, "/acknowledge"))


def test_message_text_is_not_logged(rasa_url: str, server_logs: Path) -> None:
    canary = f"canary{uuid.uuid4().hex}"
    say(rasa_url, new_sender(), f"my name is {canary} and my mom has pain")
    say(rasa_url, new_sender(), canary)
    requests.post(
        f"{rasa_url}/webhooks/rest/webhook", data=f"{{{canary}", headers=REST_HEADERS, timeout=30
    )
    for log in server_logs.glob("*.log"):
        assert canary not in log.read_text(errors="replace"), log.name
