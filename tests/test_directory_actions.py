"""The directory actions with the real domain and a real demo directory (no Rasa server)."""

import asyncio
from typing import Any, Dict, Iterator, List, Optional

import pytest
from rasa.shared.core.domain import Domain
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import directory_search
from actions.directory_search import (
    ActionAnotherKind,
    ActionAskPlace,
    ActionForgetPlace,
    ActionSearchDirectory,
    ActionShowMoreProviders,
    ValidateDirectorySearchForm,
)
from assistant.directory.config import DEMO_DIRECTORY_CSV
from assistant.directory.importer import import_csv
from assistant.directory.places import gazetteer
from assistant.directory.store import DirectoryStore

CHICAGO = {"label": "Chicago, IL", "latitude": 41.85003, "longitude": -87.65005}
MONTANA = {"label": "Jordan, MT", "latitude": 47.32, "longitude": -106.91}


@pytest.fixture(scope="module")
def domain() -> Dict[str, Any]:
    return Domain.load("domain").as_dict()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture(autouse=True)
def demo_directory(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    url = f"sqlite:///{tmp_path_factory.mktemp('directory')}/directory.sqlite3"
    import_csv(DEMO_DIRECTORY_CSV.read_bytes(), DirectoryStore(url), gazetteer())
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", url)
    directory_search.directory_store.cache_clear()
    yield
    directory_search.directory_store.cache_clear()


def tracker(
    slots: Dict[str, Any],
    text: str = "",
    intent: str = "inform",
    events: Optional[List[Dict[str, Any]]] = None,
    history: Optional[List[Dict[str, Any]]] = None,
) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    user_event = {"event": "user", "text": text, "parse_data": latest}
    return Tracker(
        "test",
        slots,
        latest,
        [*(history or []), user_event, *(events or [])],
        False,
        None,
        {"name": "directory_search_form"},
        "action_listen",
    )


def responses(dispatcher: CollectingDispatcher) -> List[Optional[str]]:
    return [message.get("response") for message in dispatcher.messages]


def run(
    action: Any, dispatcher: CollectingDispatcher, current: Tracker, domain: Dict[str, Any]
) -> List[Dict[str, Any]]:
    return asyncio.run(action.run(dispatcher, current, domain))


def validate_place(
    text: str, dispatcher: CollectingDispatcher, domain: Dict[str, Any], attempts: int = 0
) -> List[Dict[str, Any]]:
    slots = {
        "requested_slot": "place",
        "provider_kind": "hospice",
        "place": text,
        "place_attempts": attempts,
    }
    current = tracker(slots, text, events=[SlotSet("place", text)])
    return run(ValidateDirectorySearchForm(), dispatcher, current, domain)


def test_a_known_place_is_kept_with_its_coordinates(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    events = validate_place("60614", dispatcher, domain)
    assert SlotSet("place", "60614 (Chicago, IL)") in events
    origin = next(e["value"] for e in events if e["name"] == "search_origin")
    assert origin["latitude"] == pytest.approx(41.92, abs=0.01)
    assert dispatcher.messages == []


def test_an_ambiguous_city_asks_which_with_quick_replies(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    events = validate_place("Springfield", dispatcher, domain)
    assert SlotSet("place", None) in events
    assert responses(dispatcher) == ["utter_directory_which_place"]
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert '/inform{"place": "Springfield, IL"}' in payloads


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("Texas", "utter_directory_state_too_large"),
        ("00000", "utter_directory_zip_unknown"),
        ("K1A 0B1", "utter_directory_outside_us"),
        ("Narnia", "utter_directory_place_unknown"),
        ("x" * 5000, "utter_directory_place_unknown"),
        ("'; DROP TABLE providers; --", "utter_directory_place_unknown"),
    ],
)
def test_a_place_not_searchable_gets_a_kind_second_try(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any], text: str, response: str
) -> None:
    events = validate_place(text, dispatcher, domain)
    assert SlotSet("place", None) in events
    assert SlotSet("requested_slot", None) not in events
    assert responses(dispatcher) == [response]
    # The form does not then ask "Where should I look?" a second time.
    asked = CollectingDispatcher()
    assert run(ActionAskPlace(), asked, tracker({"place_question_asked": True}), domain) == [
        SlotSet("place_question_asked", False)
    ]
    assert asked.messages == []


def test_a_second_unknown_place_ends_the_questions(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    events = validate_place("Narnia", dispatcher, domain, attempts=1)
    assert SlotSet("requested_slot", None) in events
    assert SlotSet("search_origin", None) in events
    assert dispatcher.messages == []


def test_after_giving_up_the_national_directory_is_given(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    events = run(
        ActionSearchDirectory(),
        dispatcher,
        tracker({"search_origin": None, "place_attempts": 2}),
        domain,
    )
    assert responses(dispatcher) == ["utter_directory_place_give_up"]
    assert events == [SlotSet("place_attempts", 0)]


def test_results_are_the_nearest_three_with_a_way_to_see_more(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    slots: Dict[str, Any] = {"search_origin": CHICAGO, "provider_kind": "any"}
    events = run(ActionSearchDirectory(), dispatcher, tracker(slots), domain)
    assert responses(dispatcher) == ["utter_directory_results"]
    message = dispatcher.messages[0]
    assert message["place"] == "Chicago, IL"
    assert message["results"].count("Example Chicago") == 3
    assert "4." not in message["results"]
    assert "Phone: 312-555-01" in message["results"]
    assert "not a real provider" in message["results"]
    assert message["buttons"][0]["payload"] == "/show_more"
    assert SlotSet("search_offset", 3) in events and SlotSet("search_radius", 25) in events

    more = CollectingDispatcher()
    slots.update(search_offset=3, search_radius=25)
    run(ActionShowMoreProviders(), more, tracker(slots), domain)
    assert more.messages[0]["results"].startswith("4. Example Chicago")
    assert "/show_more" not in [b["payload"] for b in more.messages[0]["buttons"]]

    last = CollectingDispatcher()
    slots.update(search_offset=4)
    run(ActionShowMoreProviders(), last, tracker(slots), domain)
    assert responses(last) == ["utter_directory_no_more"]


def test_kind_and_setting_narrow_the_results(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    slots = {"search_origin": CHICAGO, "provider_kind": "hospice", "care_setting": "home"}
    run(ActionSearchDirectory(), dispatcher, tracker(slots), domain)
    message = dispatcher.messages[0]
    assert message["filters"] == " (hospice, at home)"
    assert message["results"].startswith("1. Example Chicago Home Hospice")
    assert "2." not in message["results"]


def test_nothing_within_100_miles_says_so_and_gives_national_resources(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    run(
        ActionSearchDirectory(),
        dispatcher,
        tracker({"search_origin": MONTANA, "provider_kind": "counseling"}),
        domain,
    )
    assert responses(dispatcher) == ["utter_directory_no_results"]
    assert dispatcher.messages[0]["kind"] == "counseling"


def test_a_broken_directory_gets_a_kind_answer(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIRECTORY_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    directory_search.directory_store.cache_clear()
    run(ActionSearchDirectory(), dispatcher, tracker({"search_origin": CHICAGO}), domain)
    assert responses(dispatcher) == ["utter_directory_unavailable"]


def test_the_place_question_is_asked_when_nothing_else_asked_it(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    assert run(ActionAskPlace(), dispatcher, tracker({}), domain) == []
    assert responses(dispatcher) == ["utter_ask_place"]


def test_show_more_without_a_search_explains(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    run(ActionShowMoreProviders(), dispatcher, tracker({}), domain)
    assert responses(dispatcher) == ["utter_directory_nothing_to_show"]


def test_a_reply_in_another_language_with_risk_is_answered_not_searched(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    form = ValidateDirectorySearchForm()
    reply = "ya no aguanto más, quisiera dormirme y no despertar"
    risky = tracker({"requested_slot": "place"}, reply, intent="other_language")
    risky.latest_message["safety"] = {"some_risk": True}
    plain = tracker({"requested_slot": "place"}, "Ciudad de Narnia", intent="other_language")
    assert asyncio.run(form.extract_place(dispatcher, risky, domain)) == {}
    assert asyncio.run(form.extract_place(dispatcher, plain, domain)) == {
        "place": "Ciudad de Narnia"
    }


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Houston", "Houston"),
        ("what about Dallas instead?", "Dallas"),
        ("try San Antonio", "San Antonio"),
        ("¿y qué tal Miami?", "Miami"),
        ("Springfield", "Springfield"),  # asked which one by the place check
        ("try another place", None),
        ("money", None),  # near a town's name (Monsey) is not a place here
        ("home", None),  # nor a small town's own name (Home, KS)
        ("casa", None),
        ("what about hospice", None),
    ],
)
def test_a_new_place_after_the_results_is_searched_not_the_last_one(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any], text: str, place: Optional[str]
) -> None:
    last_search = {"requested_slot": None, "provider_kind": "hospice", "place": "Chicago, IL"}
    extracted = asyncio.run(
        ValidateDirectorySearchForm().extract_place(dispatcher, tracker(last_search, text), domain)
    )
    assert extracted == ({"place": place} if place else {})


def said(response: str) -> Dict[str, Any]:
    return {"event": "bot", "text": "", "metadata": {"utter_action": response}}


def asked(text: str) -> Dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"text": text, "entities": []}}


@pytest.mark.parametrize(
    ("history", "kind"),
    [
        ([said("utter_support_groups")], "support_group"),
        ([said("utter_caregiver_support")], "counseling"),
        ([said("utter_dying_at_home")], "hospice"),
        ([said("utter_what_is_palliative_care")], "palliative_care"),
        ([said("utter_talk_to_person")], None),
        ([said("utter_language_switched")], None),
        ([said("utter_greet")], None),
        ([], None),
        # Not the assistant's last answer: the kind is asked.
        ([said("utter_support_groups"), asked("thanks"), said("utter_thank")], None),
    ],
)
def test_a_search_started_right_after_a_topic_looks_for_its_kind(
    dispatcher: CollectingDispatcher,
    domain: Dict[str, Any],
    history: List[Dict[str, Any]],
    kind: Optional[str],
) -> None:
    started = tracker({"requested_slot": None}, "find one in San Antonio, TX", history=history)
    extracted = asyncio.run(
        ValidateDirectorySearchForm().extract_provider_kind(dispatcher, started, domain)
    )
    assert extracted == ({"provider_kind": kind} if kind else {})


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("what about Dallas instead?", "Dallas"),
        ("try another place", None),
        ("try home", None),  # Home, KS is not what "home" means here
        ("Springfield", "Springfield"),  # the place check asks which one
    ],
)
def test_changing_place_keeps_a_city_named_without_a_preposition(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any], text: str, place: Optional[str]
) -> None:
    results = {"provider_kind": "hospice", "place": "Chicago, IL", "search_origin": CHICAGO}
    events = run(ActionForgetPlace(), dispatcher, tracker(results, text, "change_place"), domain)
    assert SlotSet("place", place) in events and SlotSet("search_origin", None) in events


def another_kind_asked(
    slots: Dict[str, Any], classified_as: str, history: List[Dict[str, Any]]
) -> Tracker:
    """'what about counseling?' after `history`, which the NLU first read as `classified_as`."""
    ranking = [{"name": "another_kind", "confidence": 1.0}, {"name": classified_as}]
    latest = {
        "text": "what about counseling?",
        "intent": ranking[0],
        "intent_ranking": ranking,
        "entities": [{"entity": "provider_kind", "value": "counseling"}],
    }
    user_event = {"event": "user", "text": latest["text"], "parse_data": latest}
    return Tracker("test", slots, latest, [*history, user_event], False, None, {}, "action_listen")


def test_another_kind_right_after_results_searches_the_same_place_again(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    slots = {"provider_kind": "counseling", "place": "Chicago, IL", "search_origin": CHICAGO}
    shown = [said("utter_directory_results")]
    events = run(
        ActionAnotherKind(), dispatcher, another_kind_asked(slots, "counseling", shown), domain
    )
    assert FollowupAction("directory_search_form") in events
    assert SlotSet("search_offset", 0) in events and dispatcher.messages == []


@pytest.mark.parametrize(
    ("classified_as", "history", "response"),
    [
        # No search yet: the answer the words were classified as.
        ("counseling", [said("utter_what_is_palliative_care")], "utter_counseling"),
        # A search long ago, a topic since: the topic answer, not the old place.
        (
            "counseling",
            [said("utter_directory_results"), said("utter_symptom_pain")],
            "utter_counseling",
        ),
    ],
)
def test_another_kind_without_results_just_shown_is_answered(
    dispatcher: CollectingDispatcher,
    domain: Dict[str, Any],
    classified_as: str,
    history: List[Dict[str, Any]],
    response: str,
) -> None:
    slots = {"provider_kind": "counseling", "search_origin": CHICAGO}
    asked = another_kind_asked(slots, classified_as, history)
    assert run(ActionAnotherKind(), dispatcher, asked, domain) == []
    assert responses(dispatcher) == [response]


def test_another_kind_read_as_a_search_starts_one(
    dispatcher: CollectingDispatcher, domain: Dict[str, Any]
) -> None:
    asked = another_kind_asked({"provider_kind": "counseling"}, "find_provider", [])
    events = run(ActionAnotherKind(), dispatcher, asked, domain)
    assert events == [FollowupAction("directory_search_form")] and dispatcher.messages == []
