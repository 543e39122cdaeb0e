"""Actions of the directory search: ask what and where, then list the nearest providers."""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.follow_ups import DIRECTORY_SEARCH_FORM, PALLIATIVE, family_of
from actions.safety_check_in import response_for
from assistant.conversation.topic_answers import response_just_given, topic_answer_just_given
from assistant.directory.config import directory_database_url
from assistant.directory.geo import Coordinates
from assistant.directory.listing import describe_filters, describe_kinds, format_matches
from assistant.directory.places import (
    AmbiguousPlace,
    Place,
    StateOnly,
    UnknownPlace,
    UnknownReason,
    gazetteer,
    normalize,
    resolve_place,
)
from assistant.directory.providers import KINDS, canonical_kind, canonical_setting
from assistant.directory.search import NearestResult, find_providers_near
from assistant.directory.store import DirectoryStore

logger = logging.getLogger(__name__)

ANY_KIND = "any"
# Set when validation has already asked again for the place in its own words.
PLACE_QUESTION_ASKED = "place_question_asked"
MAX_PLACE_ATTEMPTS = 2
# Intents a reply to "Where should I look?" may be given, when it is not a
# question or a request of its own: "Tucson" or "Narnia" need not be understood.
PLACE_REPLY_INTENTS = {"inform", "find_provider", "nlu_fallback", "out_of_scope", "other_language"}
SKIP_WORDS = {
    "any",
    "anything",
    "all",
    "skip",
    "not sure",
    "no preference",
    "doesn't matter",
    "cualquiera",
    "cualquier",
    "todos",
    "todo",
    "no sé",
    "no se",
    "da igual",
    "no importa",
}
# The quick replies under a result list, in the conversation's language.
RESULT_BUTTONS = {
    "en": {"more": "Show more", "place": "Try another place", "done": "That's all, thanks"},
    "es": {"more": "Ver más", "place": "Probar otro lugar", "done": "Eso es todo, gracias"},
}
# The words that ask to search elsewhere around a place's name, in both languages.
SEARCH_ELSEWHERE = re.compile(
    r"^(?:and |y |ok |actually |maybe |no |instead |mejor |better |"
    r"what about |how about |try |search |look |qu[eé] tal |y si |busca |buscar )*"
    r"|(?: instead| then| please| en cambio| mejor| por favor)+$",
    re.I,
)
SEARCH_ENTITIES = {"place", "provider_kind", "care_setting"}
# The directory's own answers: results, none found, no more, stopped.
DIRECTORY_RESPONSE_PREFIX = "utter_directory_"
# The directory's kind for each family of topic answers that has one.
KIND_OF_FAMILY = {
    PALLIATIVE: "palliative_care",
    "hospice": "hospice",
    "support_group": "support_group",
    "counseling": "counseling",
}
MAX_SHORT_MESSAGE_WORDS = 6
# A city this large is what its name alone means ("Springfield" still asks which one).
CITY_NAMED_ALONE_POPULATION = 50_000
UNKNOWN_PLACE_RESPONSES = {
    UnknownReason.NOT_A_US_ZIP: "utter_directory_zip_unknown",
    UnknownReason.OUTSIDE_US: "utter_directory_outside_us",
    UnknownReason.NOT_FOUND: "utter_directory_place_unknown",
    UnknownReason.EMPTY: "utter_directory_place_unknown",
}


@functools.lru_cache(maxsize=1)
def directory_store() -> DirectoryStore:
    """The directory, opened on first use."""
    return DirectoryStore(directory_database_url())


def conversation_language(tracker: Tracker) -> str:
    """The conversation's language (slot `language`): `en` or `es`."""
    return "es" if tracker.get_slot("language") == "es" else "en"


def named_place(message: Dict[str, Any]) -> Optional[str]:
    """The last place a message names, if any."""
    places = [e["value"] for e in message.get("entities") or [] if e.get("entity") == "place"]
    return str(places[-1]) if places else None


def place_in_short_message(message: Dict[str, Any]) -> Optional[str]:
    """The city a short message names without a preposition: "Houston", "what about Dallas".

    The NLU marks a city alone only after "in" or "near", or with its state, since a
    word anywhere may be a town's name ("home" is Home, KS). In a message that only
    asks to search elsewhere, or that is only a city's name, the words left after the
    asking count when they are the name of a city people name alone (a large one).
    """
    if any(e.get("entity") in SEARCH_ENTITIES for e in message.get("entities") or []):
        return None
    words = re.sub(r"[?¿!¡.,;]", " ", message.get("text") or "").split()
    if not words or len(words) > MAX_SHORT_MESSAGE_WORDS:
        return None
    text = SEARCH_ELSEWHERE.sub("", " ".join(words)).strip()
    namesakes = gazetteer().cities_by_name.get(normalize(text), []) if text else []
    large = bool(namesakes) and namesakes[0].population >= CITY_NAMED_ALONE_POPULATION
    return text if large else None


class ValidateDirectorySearchForm(FormValidationAction):
    """Checks the kind of help and the place, and asks again kindly when needed."""

    def name(self) -> str:
        """Name of the action."""
        return "validate_directory_search_form"

    async def extract_place(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Take the reply as the place when the form has just asked for one.

        The place the NLU found in it comes first; otherwise the whole reply is
        tried, so "Narnia" gets a kind "I couldn't find that place".
        """
        message = tracker.latest_message
        intent = (message.get("intent") or {}).get("name")
        if tracker.get_slot("requested_slot") is None and intent == "inform":
            # "Houston" after the results: a new place, not the last search again.
            place = place_in_short_message(message)
            return {"place": place} if place else {}
        if tracker.get_slot("requested_slot") != "place" or intent not in PLACE_REPLY_INTENTS:
            return {}
        if intent == "other_language" and (message.get("safety") or {}).get("some_risk"):
            return {}  # a risk read in another language is answered, not searched for
        entities = message.get("entities", [])
        place = named_place(message)
        if place:
            return {"place": place}
        if any(e.get("entity") in ("provider_kind", "care_setting") for e in entities):
            return {}  # "actually, a counselor": a change of kind, not a place
        # Even an empty reply (only markup or emoji) is validated, to be answered kindly.
        return {"place": (message.get("text") or "").strip()}

    async def extract_provider_kind(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """The kind named in reply to the kind question; "any" or "not sure" means every kind.

        A search that starts without a kind right after an answer about one (the
        assistant's last answer: "find one in San Antonio" after the support groups
        answer) looks for that kind.
        """
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot("provider_kind"):
            topic = topic_answer_just_given(tracker.events)
            kind = KIND_OF_FAMILY.get(family_of(topic)) if topic else None
            return {"provider_kind": kind} if kind else {}
        if tracker.get_slot("requested_slot") != "provider_kind":
            return {}
        kinds = [
            e["value"]
            for e in tracker.latest_message.get("entities", [])
            if e.get("entity") == "provider_kind"
        ]
        if kinds:  # "palliative care" answers the question, whatever DIET thought it was
            return {"provider_kind": kinds[-1]}
        text = (tracker.latest_message.get("text") or "").strip().lower().rstrip(".!")
        return {"provider_kind": ANY_KIND} if text in SKIP_WORDS else {}

    def validate_provider_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Keep one of the known kinds (or "any"); otherwise ask again."""
        kind = value[-1] if isinstance(value, list) and value else value
        if kind == ANY_KIND or kind in KINDS:
            return {"provider_kind": kind}
        return {"provider_kind": canonical_kind(str(kind or ""))}

    async def validate_place(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """Resolve the place; ask which one, or for a city, or give up after two misses."""
        text = str(value[-1] if isinstance(value, list) and value else value or "")
        result = await asyncio.to_thread(resolve_place, text)
        if isinstance(result, Place):
            origin = {
                "label": result.label,
                "latitude": result.coordinates.latitude,
                "longitude": result.coordinates.longitude,
            }
            return {"place": result.label, "search_origin": origin, "place_attempts": 0}
        if isinstance(result, AmbiguousPlace):
            buttons = [
                {"title": option.label, "payload": f'/inform{{"place": "{option.label}"}}'}
                for option in result.options
            ]
            dispatcher.utter_message(
                response="utter_directory_which_place", city=result.name, buttons=buttons
            )
            return {"place": None, PLACE_QUESTION_ASKED: True}
        if isinstance(result, StateOnly):
            dispatcher.utter_message(
                response="utter_directory_state_too_large", state=result.state_name
            )
            return {"place": None, PLACE_QUESTION_ASKED: True}
        return self._unknown_place(result, dispatcher, tracker)

    @staticmethod
    def _unknown_place(
        result: UnknownPlace, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Dict[str, Any]:
        attempts = int(tracker.get_slot("place_attempts") or 0) + 1
        if attempts >= MAX_PLACE_ATTEMPTS:
            # Ends the form; action_search_directory then gives the national resources.
            return {
                "place": None,
                "search_origin": None,
                "place_attempts": attempts,
                "requested_slot": None,
            }
        dispatcher.utter_message(response=UNKNOWN_PLACE_RESPONSES[result.reason])
        return {"place": None, "place_attempts": attempts, PLACE_QUESTION_ASKED: True}


def _search_filters(tracker: Tracker) -> Dict[str, List[str]]:
    kind = tracker.get_slot("provider_kind")
    setting = canonical_setting(str(tracker.get_slot("care_setting") or ""))
    return {
        "kinds": [kind] if kind in KINDS else [],
        "settings": [setting] if setting else [],
    }


async def _search(
    dispatcher: CollectingDispatcher, tracker: Tracker, offset: int, radius: int
) -> Optional[NearestResult]:
    """Search around the slot `search_origin`; None, after an apology, if the store fails."""
    origin = tracker.get_slot("search_origin")
    near = Coordinates(origin["latitude"], origin["longitude"])
    filters = _search_filters(tracker)
    try:
        return await asyncio.to_thread(
            find_providers_near,
            directory_store(),
            near,
            filters["kinds"],
            filters["settings"],
            offset,
            radius,
        )
    except SQLAlchemyError as error:
        logger.warning("Directory search failed: %s", error.__class__.__name__)
        dispatcher.utter_message(response="utter_directory_unavailable")
        return None


def _utter_results(
    dispatcher: CollectingDispatcher, tracker: Tracker, result: NearestResult, offset: int
) -> List[EventType]:
    filters = _search_filters(tracker)
    language = conversation_language(tracker)
    titles = RESULT_BUTTONS[language]
    shown = offset + len(result.page.matches)
    buttons = []
    if shown < result.page.total:
        buttons.append({"title": titles["more"], "payload": "/show_more"})
    buttons += [
        {"title": titles["place"], "payload": "/change_place"},
        {"title": titles["done"], "payload": "/thank"},
    ]
    dispatcher.utter_message(
        response="utter_directory_results",
        place=tracker.get_slot("search_origin")["label"],
        filters=describe_filters(filters["kinds"], filters["settings"], language),
        results=format_matches(result.page.matches, offset + 1, language),
        buttons=buttons,
    )
    return [SlotSet("search_offset", shown), SlotSet("search_radius", result.radius_miles)]


class ActionSearchDirectory(Action):
    """Lists the nearest providers once the form knows what and where."""

    def name(self) -> str:
        """Name of the action."""
        return "action_search_directory"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Search within 25, 50 or 100 miles and show the first three."""
        if not tracker.get_slot("search_origin"):
            dispatcher.utter_message(response="utter_directory_place_give_up")
            return [SlotSet("place_attempts", 0)]
        result = await _search(dispatcher, tracker, offset=0, radius=0)
        if result is None:
            return []
        if not result.page.total:
            filters = _search_filters(tracker)
            dispatcher.utter_message(
                response="utter_directory_no_results",
                kind=describe_kinds(filters["kinds"], conversation_language(tracker)),
                place=tracker.get_slot("search_origin")["label"],
                filters=describe_filters([], filters["settings"], conversation_language(tracker)),
            )
            return [SlotSet("search_offset", 0), SlotSet("search_radius", 0)]
        return _utter_results(dispatcher, tracker, result, offset=0)


class ActionShowMoreProviders(Action):
    """The next three of the last search."""

    def name(self) -> str:
        """Name of the action."""
        return "action_show_more_providers"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Show the next page, or say that was everything."""
        radius = int(tracker.get_slot("search_radius") or 0)
        if not tracker.get_slot("search_origin") or not radius:
            dispatcher.utter_message(response="utter_directory_nothing_to_show")
            return []
        offset = int(tracker.get_slot("search_offset") or 0)
        result = await _search(dispatcher, tracker, offset=offset, radius=radius)
        if result is None:
            return []
        if not result.page.matches:
            dispatcher.utter_message(response="utter_directory_no_more", radius=radius)
            return []
        return _utter_results(dispatcher, tracker, result, offset=offset)


class ActionAskPlace(Action):
    """Asks where to look, unless the place check has just asked in its own words."""

    def name(self) -> str:
        """Name of the action."""
        return "action_ask_place"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Ask with `utter_ask_place`, or only clear the flag."""
        if tracker.get_slot(PLACE_QUESTION_ASKED):
            return [SlotSet(PLACE_QUESTION_ASKED, False)]
        dispatcher.utter_message(response="utter_ask_place")
        return []


class ActionForgetPlace(Action):
    """Clears the place so the search form asks for a new one."""

    def name(self) -> str:
        """Name of the action."""
        return "action_forget_place"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Forget where the last search started; keep a new place the message names.

        "What about Dallas instead?" names the new place, so the form searches there
        at once; "try another place" names none, so the form asks.
        """
        message = tracker.latest_message or {}
        return [
            SlotSet("place", named_place(message) or place_in_short_message(message)),
            SlotSet("search_origin", None),
            SlotSet("place_attempts", 0),
            SlotSet("search_offset", 0),
            SlotSet("search_radius", 0),
        ]


class ActionAnotherKind(Action):
    """Another kind of help asked for: the last search again for it, or an answer about it."""

    def name(self) -> str:
        """Name of the action."""
        return "action_another_kind"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """Search again right after the directory spoke; else answer what the NLU read.

        The kind named is already in the slot `provider_kind`. Without a search to
        change, "what about hospice?" gets the answer its words were classified as
        (hospice and palliative care compared); a classification with no answer of
        its own starts a search for the kind.
        """
        last_words = response_just_given(tracker.events) or ""
        if tracker.get_slot("search_origin") and last_words.startswith(DIRECTORY_RESPONSE_PREFIX):
            return [
                SlotSet("search_offset", 0),
                SlotSet("search_radius", 0),
                FollowupAction(DIRECTORY_SEARCH_FORM),
            ]
        ranking = (tracker.latest_message or {}).get("intent_ranking") or []
        classified = [r.get("name") for r in ranking[1:] if r.get("name") != "nlu_fallback"]
        response = response_for(classified[0] if classified else None, domain)
        if response:
            dispatcher.utter_message(response=response)
            return []
        return [FollowupAction(DIRECTORY_SEARCH_FORM)]
